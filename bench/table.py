#!/usr/bin/env python3
"""The target-recall table with one command: ten tuning repositories, 20 mined cases each, the packer aimed at
each commit's biggest C# change at 8k and 32k tokens, against the lexical baseline.

For each repository in REPOS (bench/common.py) whose git directory is under the mirrors folder (--mirrors or
$PACKER_BENCH_MIRRORS: OWNER+NAME/repo, a bare clone, or OWNER+NAME itself), the shared bench's run.py checks
every case in bench/cases/<name>.jsonl out at its parent and runs the tool through pack_case.py, which picks
the solution the repository had then and keeps each case's manifest. Prints a markdown table (tool full /
tool any / lexical, 8k and 32k, and the means over the repositories) and writes under --out (default
bench/out/table; with --unseen, the two repositories nobody tuned on, bench/out/unseen):

  results.json                  settings, per repository the summary and every case's row, the means
  table.md                      the table printed at the end
  <name>/<commit10>-<budget>.json      the tool's manifest for that case (every file, with signals)
  <name>/<commit10>-<budget>.run.json  exit code, seconds, solution used, the end of standard error
  <name>/<commit10>.tokens.json        full-text tokens of every file the manifest lists
  <name>/<commit10>.lexsim.json        the lexical cosine of every C# file to the seed (lexsim.py), for fit.py
  <name>/run.log                 run.py's standard error (a JSON row per case, failures)

usage: table.py [--tool PATH] [--mirrors DIR] [--out DIR] [--bench DIR] [--repos a,b] [--limit N]
                [--budgets 8000,32000] [--scratch DIR] [--timeout S] [--skip N] [--unseen]
       table.py --merge OUT1,OUT2 [--out DIR]   (one table of runs over slices of the cases)
       table.py --table-only [--out DIR]        (print an output's table again)
"""
import argparse, json, os, shutil, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lexsim  # noqa: E402
from common import REPOS, UNSEEN, chosen, clone_line, git_dir, harness, mirrors, out_dir, scratch_dir, tool_command, tool_path  # noqa: E402

COLUMNS = [("tool", "tool full"), ("tool_any", "tool any"), ("lexical", "lexical")]


def run_repo(a, name, owner_name, solutions, budgets):
    cases = os.path.join(HERE, "unseen" if a.unseen else "cases", name + ".jsonl")
    if a.skip:  # a later slice of the cases: run.py reads them from a file of their own
        with open(cases) as f:
            lines = f.readlines()[a.skip:]
        cases = os.path.join(a.out, name + ".cases.jsonl")
        os.makedirs(a.out, exist_ok=True)
        with open(cases, "w") as f:
            f.writelines(lines)
    gd = git_dir(a.mirrors, owner_name)
    if gd is None:
        print(f"{name}: skipped, no git directory {owner_name}/repo under {a.mirrors}: {clone_line(a.mirrors, owner_name)}", file=sys.stderr)
        return {"skipped": f"no mirror under {a.mirrors}"}
    keep = os.path.join(a.out, name); os.makedirs(keep, exist_ok=True)
    cmd = [sys.executable, os.path.join(a.bench, "run.py"), cases, "--git-dir", gd, "--sln", solutions[0],
           "--budgets", ",".join(map(str, budgets)), "--limit", str(a.limit), "--wt", os.path.join(a.scratch, "wt", name),
           "--cmd", tool_command(a, name, solutions, cases, keep)]
    t0 = time.time()
    with open(os.path.join(keep, "run.log"), "w") as log:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=log, text=True)
    seconds = round(time.time() - t0)
    summary = json.loads(p.stdout.strip().splitlines()[-1]) if p.returncode == 0 and p.stdout.strip() else None
    rows = []
    with open(os.path.join(keep, "run.log")) as log:
        for line in log:
            if line.startswith("{"):
                rows.append(json.loads(line))
    with open(cases) as f:
        all_cases = [json.loads(l) for l in f][: a.limit]
    ran = {r["commit"] for r in rows}
    not_run = [c["commit"][:10] for c in all_cases if c["commit"][:10] not in ran]  # seed or truth missing at parent
    failures = []
    for c in all_cases:
        for b in budgets:
            rec = os.path.join(keep, f"{c['commit'][:10]}-{b}.run.json")
            if os.path.isfile(rec):
                with open(rec) as f:
                    r = json.load(f)
                if r["exit"] != 0:
                    failures.append({"commit": c["commit"][:10], "budget": b, "exit": r["exit"], "solution": r["solution"],
                                     "error": r["stderr"].strip().splitlines()[-1][:300] if r["stderr"].strip() else ""})
    lexsim.write(keep, gd, [c for c in all_cases if c["commit"][:10] in ran])  # what fit.py --derived reads
    solutions_used = sorted({json.load(open(os.path.join(keep, f)))["solution"] or "none"
                             for f in os.listdir(keep) if f.endswith(".run.json")})
    result = {"git_dir": gd, "seconds": seconds, "summary": summary, "rows": rows, "not_run": not_run,
              "failures": failures, "solutions_used": solutions_used}
    if summary is None:
        result["error"] = f"run.py exited {p.returncode}; see {keep}/run.log"
    print(f"{name}: {seconds} s, {len(rows)} cases, {len(failures)} failed packs, solutions {solutions_used}", file=sys.stderr)
    return result


def packed_means(rows, budgets):
    """Means over the cases the tool packed at every budget (run.py scores a failed pack 0)."""
    packed = [r for r in rows if all(isinstance(r.get(f"tool@{b}"), (int, float)) for b in budgets)]
    return len(packed), {f"{k}@{b}": sum(r[f"{k}@{b}"] for r in packed) / len(packed) if packed else float("nan")
                         for b in budgets for k, _ in COLUMNS}


def markdown(title, per_repo, budgets):
    """per_repo: (name, cases cell, {column@budget: value}); a mean row over them is added."""
    head = ["repository", "cases"] + [f"{label} @{b // 1000}k" for b in budgets for _, label in COLUMNS]
    lines = [title, "", "| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    keys = [f"{k}@{b}" for b in budgets for k, _ in COLUMNS]
    for name, cases, values in per_repo:
        lines.append("| " + " | ".join([name, cases] + [f"{values[k]:.3f}" for k in keys]) + " |")
    means = {k: round(sum(v[k] for _, _, v in per_repo) / len(per_repo), 3) for k in keys} if per_repo else {}
    if per_repo:
        lines.append("| " + " | ".join([f"**mean of {len(per_repo)}**", ""] + [f"**{means[k]:.3f}**" for k in keys]) + " |")
    return lines, means


def table(results, budgets):
    """The table as run.py scores it (a failed pack counts 0), and, when some packs failed, the same over
    the cases the tool packed."""
    done = {n: r for n, r in results.items() if r.get("summary")}
    failed = {n: sorted({f["commit"] for f in r["failures"]}) for n, r in done.items()}
    rows = [(n, str(r["summary"].get("cases", 0)) + (f" ({len(failed[n])} not packed, scored 0)" if failed[n] else ""),
             r["summary"]) for n, r in done.items()]
    lines, means = markdown("Recall of the commit's other files (tool: in full / in any fidelity; lexical: in full)", rows, budgets)
    if any(failed.values()):
        packed = [(n, str(c), v) for n, (c, v) in ((n, packed_means(r["rows"], budgets)) for n, r in done.items())]
        more, _ = markdown("Over the cases the tool packed", packed, budgets)
        lines += [""] + more
    skipped = [f"{n}: {r['skipped']}" for n, r in results.items() if r.get("skipped")]
    if skipped:
        lines += ["", "Skipped: " + "; ".join(skipped)]
    return "\n".join(lines), means


def merge(outs, out, budgets):
    """One table of several runs: slices of the cases (--limit 5, then --skip 5), or a repository run again
    (a later output's case replaces an earlier one's). Every repository's rows, failures and per-case files
    together, its run.log the merged rows, its summary recomputed as run.py computes it (a failed pack
    scores 0)."""
    os.makedirs(out, exist_ok=True)
    results = {}
    for o in outs:
        with open(os.path.join(o, "results.json")) as f:
            for name, r in json.load(f)["repositories"].items():
                if not r.get("summary"):
                    continue
                m = results.setdefault(name, {"git_dir": r["git_dir"], "seconds": 0, "rows": {}, "not_run": [],
                                              "failures": [], "solutions_used": []})
                again = {row["commit"] for row in r["rows"]}
                m["seconds"] += r["seconds"]
                m["rows"].update((row["commit"], row) for row in r["rows"])
                m["failures"] = [x for x in m["failures"] if x["commit"] not in again] + r["failures"]
                m["not_run"] = sorted(set(m["not_run"]) - again | set(r["not_run"]))
                m["solutions_used"] = sorted(set(m["solutions_used"]) | set(r["solutions_used"]))
                shutil.copytree(os.path.join(o, name), os.path.join(out, name), dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("run.log"))
    score = lambda v: v if isinstance(v, (int, float)) else 0.0
    for name, m in results.items():
        m["rows"] = list(m["rows"].values())
        with open(os.path.join(out, name, "run.log"), "w") as f:  # what losses.py reads
            f.writelines(json.dumps(row) + "\n" for row in m["rows"])
        keys = sorted({k for r in m["rows"] for k in r if "@" in k})
        m["summary"] = {k: round(sum(score(r.get(k)) for r in m["rows"]) / len(m["rows"]), 3) for k in keys}
        m["summary"]["cases"] = len(m["rows"])
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tool", default="dotnet-pack-context",
                    help="the tool to measure: a command on PATH (default dotnet-pack-context), an executable, or a built .dll")
    ap.add_argument("--out", help="folder for results.json, table.md, manifests (default bench/out/table, with --unseen "
                                  "bench/out/unseen, with --merge bench/out/merged)")
    ap.add_argument("--mirrors", help="folder of the repositories' git directories, OWNER+NAME/repo (default $PACKER_BENCH_MIRRORS)")
    ap.add_argument("--bench", help="the shared bench, run.py's folder (default $PACKER_BENCH_HARNESS, else ../shared/bench beside this clone)")
    ap.add_argument("--repos", help="comma-separated names to run (default: all of the set)")
    ap.add_argument("--limit", type=int, default=20, help="cases per repository")
    ap.add_argument("--budgets", default="8000,32000")
    ap.add_argument("--scratch", help="work trees and the tool's cache (default <temporary folder>/packer-bench/table or /unseen)")
    ap.add_argument("--timeout", type=int, default=1200, help="seconds one pack may take")
    ap.add_argument("--table-only", action="store_true", help="print the table of --out/results.json again, run nothing")
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N cases of each repository (with --limit: a later slice)")
    ap.add_argument("--unseen", action="store_true", help="the repositories nobody tuned on (UNSEEN), not the tuning set")
    ap.add_argument("--merge", help="comma-separated outputs (slices of the cases, or repositories run again: later ones win): write their one table to --out, run nothing")
    a = ap.parse_args()
    kind = "unseen" if a.unseen else "table"
    if a.merge:
        a.out = out_dir(a.out, "merged")
        budgets = [int(b) for b in a.budgets.split(",")]
        results = merge(a.merge.split(","), a.out, budgets)
        text, means = table(results, budgets)
        with open(os.path.join(a.out, "results.json"), "w") as f:
            json.dump({"merged": a.merge.split(","), "budgets": budgets, "repositories": results, "means": means}, f, indent=1)
        with open(os.path.join(a.out, "table.md"), "w") as f:
            f.write(text + "\n")
        print(text)
        return
    a.out = out_dir(a.out, kind)
    if a.table_only:
        with open(os.path.join(a.out, "results.json")) as f:
            print(table(json.load(f)["repositories"], [int(b) for b in a.budgets.split(",")])[0])
        return
    repos = chosen(UNSEEN if a.unseen else REPOS, a.repos)
    a.tool = tool_path(a.tool)
    a.mirrors = mirrors(a.mirrors)
    a.bench = harness(a.bench, ("run.py", "count-tokens.mjs"))
    a.scratch = scratch_dir(a.scratch, kind)
    budgets = [int(b) for b in a.budgets.split(",")]
    os.makedirs(a.out, exist_ok=True)
    t0 = time.time(); results = {}
    for name, owner_name, solutions in repos:
        results[name] = run_repo(a, name, owner_name, solutions, budgets)
    text, means = table(results, budgets)
    seconds = round(time.time() - t0)
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump({"tool": a.tool, "budgets": budgets, "limit": a.limit, "seconds": seconds,
                   "repositories": results, "means": means}, f, indent=1)
    with open(os.path.join(a.out, "table.md"), "w") as f:
        f.write(text + "\n")
    print(text)
    print(f"\n{seconds // 60} min; results in {a.out}/results.json", file=sys.stderr)


if __name__ == "__main__":
    main()
