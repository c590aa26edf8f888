#!/usr/bin/env python3
"""Compares two table.py outputs on the cases both ran (e.g. a new build run with --limit against the
baseline's full table): per repository, tool full / any at each budget for both, and lexical.

usage: compare.py NEW_OUT BASE_OUT [--budgets 8000,32000]
"""
import argparse, json, os


def rows(out):
    """{repository: {commit10: row}} of a table.py output (run.py's rows: lexical and the tool's recall), from
    results.json, or, for an unfinished run, from each repository's run.log."""
    res = {}
    path = os.path.join(out, "results.json")
    if os.path.isfile(path):
        with open(path) as fh:
            for name, v in json.load(fh)["repositories"].items():
                res[name] = {r["commit"]: r for r in v.get("rows", [])}
        return res
    for name in sorted(os.listdir(out)):  # an unfinished run: each repository's run.log
        log = os.path.join(out, name, "run.log")
        if os.path.isfile(log):
            with open(log) as fh:
                res[name] = {r["commit"]: r for r in (json.loads(l) for l in fh if l.startswith("{"))}
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("new")
    ap.add_argument("base")
    ap.add_argument("--budgets", default="8000,32000")
    a = ap.parse_args()
    budgets = [int(b) for b in a.budgets.split(",")]
    new, base = rows(a.new), rows(a.base)
    head = ["repository", "cases"]
    for b in budgets:
        head += [f"new full @{b // 1000}k", f"base full @{b // 1000}k", f"lexical @{b // 1000}k", f"new any @{b // 1000}k", f"base any @{b // 1000}k"]
    print("| " + " | ".join(head) + " |\n|" + " --- |" * len(head))
    tot = {}
    n_repos = 0
    for name in new:
        common = sorted(set(new[name]) & set(base.get(name, {})))
        common = [c for c in common if all(isinstance(new[name][c].get(f"tool@{b}"), (int, float)) for b in budgets)]
        if not common:
            continue
        n_repos += 1
        cells = [name, str(len(common))]
        for b in budgets:
            for key, src in ((f"tool@{b}", new), (f"tool@{b}", base), (f"lexical@{b}", new), (f"tool_any@{b}", new), (f"tool_any@{b}", base)):
                v = sum(src[name][c][key] for c in common) / len(common)
                cells.append(f"{v:.3f}")
                tot.setdefault((b, key, id(src)), []).append(v)
        print("| " + " | ".join(cells) + " |")
    cells = [f"**mean of {n_repos}**", ""]
    for b in budgets:
        for key, src in ((f"tool@{b}", new), (f"tool@{b}", base), (f"lexical@{b}", new), (f"tool_any@{b}", new), (f"tool_any@{b}", base)):
            v = tot.get((b, key, id(src)), [])
            cells.append(f"**{sum(v) / len(v):.3f}**" if v else "")
    print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
