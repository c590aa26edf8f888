#!/usr/bin/env python3
"""Where the tool loses: reads a table.py output folder and sorts every truth file the tool did not give
in full into why, from the manifest's own ranks, fidelities and signals.

  absent        the manifest does not list it (the solution does not compile it)
  too big       reached in rank order, but only its signatures fitted (files ranked below it went in full)
  ranked out    listed or omitted: the full-text budget ran out above it. Split by the truth file's tie
                to the target: direct (the reason names the target: it declares something the target
                uses, or uses the target), near (graph signal >= 0.1), none (no compiler path to speak of)

It also counts the missed truth files of a target that took more than half of the budget, and, for
ranked-out files, what took full text above them ("displacers", each counted once per case): parts of
the target's partial type, a type of the same full name in another project (the index joins them as
if partial), sibling tests without a direct tie (to a test target), files with a direct tie, 2+ hops,
or no compiler tie; and, per pair of displacer and truth file, which weighted signal put it ahead (the largest positive
difference of weight x signal, today's default weights) or whether size decided it (the truth file's
weighted sum was higher, its score lower).

With --lexical it also checks each case out (as run.py does) and recomputes the lexical baseline's
files, so that it can say which missed truth files lexical had ("lexical had it"), and which truth
files the tool had in full and lexical did not. They are kept as <commit10>.lexical.json in OUT.

usage: losses.py OUT_DIR [--budget 8000] [--only-lexical-wins] [--show N] [--repos a,b]
                 [--lexical [--mirrors DIR] [--bench DIR] [--scratch DIR]]
"""
import argparse, collections, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402
from common import REPOS, git_dir  # noqa: E402

WEIGHTS = {"graph": 1.0, "coUsage": 0.25, "names": 1.0, "fileName": 1.0, "folder": 0.1, "project": 0.0, "history": 0.0}


def is_test(path):
    return "test" in path.lower()


def weighted(signals):
    return sum(WEIGHTS.get(k, 0) * v for k, v in signals.items())


def tie(f, target_names):
    r = f.get("reason", "")
    if any(n in r for n in target_names) and not r.startswith(("2 hops", "3 hops", "4 hops", "5 hops")):
        return "direct"
    return "near" if f["signals"].get("graph", 0) >= 0.1 else "none"


def lead(displacer, truth):
    """The signal whose weighted difference most favoured the displacer, or 'size'."""
    if weighted(displacer["signals"]) <= weighted(truth["signals"]):
        return "size"
    diffs = {k: WEIGHTS.get(k, 0) * (displacer["signals"].get(k, 0) - truth["signals"].get(k, 0)) for k in WEIGHTS}
    return max(sorted(diffs), key=lambda k: diffs[k])


def displacer_kind(d, seed, target_names, target_projects):
    """What a file that took full text above a missed truth file is."""
    if d.get("reason", "").startswith("declares another part of"):
        # the index joins files declaring one full type name, partial or not: a DependencyInjection class
        # in each project of a solution becomes one "partial type"
        return "part of the target's partial type" if d["project"] in target_projects else "same type name in another project"
    if is_test(d["path"]) and is_test(seed) and tie(d, target_names) != "direct":
        return "sibling test, no direct tie"
    if tie(d, target_names) == "direct":
        return "direct tie"
    return "2+ hops" if d["signals"].get("graph", 0) >= 0.01 else "no compiler tie (names, folder)"


class Lexical:
    """The lexical baseline's chosen files per case and budget, recomputed with run.py's own code."""

    def __init__(self, a):
        sys.path.insert(0, a.bench)
        import run  # the shared bench's run.py
        self.run, self.a = run, a

    def files(self, out, name, case, budget):
        cache = os.path.join(out, name, case["commit"][:10] + ".lexical.json")
        known = json.load(open(cache)) if os.path.isfile(cache) else {}
        if str(budget) not in known:
            owner_name = next(o for n, o, _ in REPOS if n == name)
            wt = os.path.join(self.a.scratch, owner_name)
            self.run.checkout(git_dir(self.a.mirrors, owner_name), wt, case["parent"])
            files = self.run.cs_files(wt); tokens = self.run.token_counts(wt, files); memo = {}
            for b in sorted({budget, 8000, 32000}):
                known[str(b)] = sorted(self.run.baselines(wt, case["seed"], files, tokens, b, memo)["lexical"])
            known["cs_files"] = len(files)
            with open(cache, "w") as f:
                json.dump(known, f)
        return set(known[str(budget)]), known.get("cs_files")


def analyse(a, name, lexical):
    keep = os.path.join(a.out, name)
    log = os.path.join(keep, "run.log")
    if not os.path.isfile(log):
        return None
    rows = [json.loads(l) for l in open(log) if l.startswith("{")]
    cases = {c["commit"][:10]: c for c in map(json.loads, open(os.path.join(HERE, "cases", name + ".jsonl")))}
    stats, leads, kinds = collections.Counter(), collections.Counter(), collections.Counter()
    shown, b = 0, a.budget
    for row in rows:
        tool, lex = row.get(f"tool@{b}"), row.get(f"lexical@{b}")
        if not isinstance(tool, (int, float)):
            stats["cases failed"] += 1; continue
        stats["cases"] += 1
        stats["cases lexical wins" if lex > tool else "cases tool wins" if tool > lex else "cases tied"] += 1
        path = os.path.join(keep, f"{row['commit']}-{b}.json")
        if (a.only_lexical_wins and not lex > tool) or not os.path.isfile(path):
            continue
        case = cases[row["commit"]]
        lex_files, cs_files = lexical.files(a.out, name, case, b) if lexical else (set(), None)
        m = json.load(open(path)); files = {f["path"]: f for f in m["files"]}
        if cs_files and len(files) < cs_files / 2:
            stats["cases loaded partially (manifest lists < half the C# files)"] += 1
            if lex > tool: stats["cases loaded partially, lexical wins"] += 1
        target_paths = [p for t in m["targets"] for p in t["files"]]
        target_names = [os.path.basename(p) for p in target_paths]
        target_projects = {files[p]["project"] for p in target_paths if p in files}
        target_tokens = sum(files[p].get("tokens", 0) for p in target_paths if p in files)
        lines, displaced = [], set()
        for t in case["truth"]:
            f = files.get(t); had = t in lex_files
            stats["truth files"] += 1
            if f is not None and f["fidelity"] == "full":
                stats["truth in full"] += 1
                if f["signals"].get("history", 0) >= 0.5: stats["truth in full, history >= 0.5"] += 1
                if lexical and not had: stats["truth in full, lexical missed it"] += 1
                continue
            stats["truth missed"] += 1
            if had: stats["truth missed, lexical had it"] += 1
            if f is not None and f["signals"].get("history", 0) >= 0.5: stats["truth missed, history >= 0.5 (weight 0)"] += 1
            if f is None:
                kind = "absent"
            elif f["fidelity"] == "signatures":
                kind = "too big"
            else:
                kind = "ranked out, " + tie(f, target_names)
                displacers = [d for d in m["files"] if d["fidelity"] == "full" and d["rank"] < f["rank"] and d["path"] not in target_paths]
                weaker = 0
                for d in displacers:
                    displaced.add(d["path"])
                    leads[lead(d, f)] += 1
                    weaker += tie(d, target_names) != "direct"
                if kind.endswith("direct") and weaker * 2 > len(displacers):
                    stats["  direct, outvoted by mostly indirect files"] += 1
            stats["  " + kind] += 1
            if kind == "ranked out, none":
                folder = os.path.dirname(t)
                dep_folders = {os.path.dirname(d["path"]) for d in m["files"] if tie(d, target_names) == "direct"}
                where = ("same folder as the target" if folder in {os.path.dirname(p) for p in target_paths}
                         else "same folder as a direct dependency or user" if folder in dep_folders else "elsewhere")
                stats[f"    none: {where}"] += 1
                stats["    none: names >= 0.9" if f["signals"].get("names", 0) >= 0.9 else "    none: names < 0.9"] += 1
                if is_test(t) != is_test(case["seed"]): stats["    none: test <-> production"] += 1
            if had: stats["  " + kind + " (lexical had it)"] += 1
            if target_tokens > b / 2: stats["  target took over half the budget"] += 1
            if f is None:
                lines.append(f"    absent{'  LEX' if had else ''}  {t}")
            else:
                sig = " ".join(f"{k}={v:.2f}" for k, v in f["signals"].items())
                lines.append(f"    {kind:<18}{' LEX' if had else '    '} #{f['rank']:<4} {f['fidelity']:<10} {t}  [{sig}]  {f['reason'][:70]}")
        for p in sorted(displaced):
            kinds[displacer_kind(files[p], case["seed"], target_names, target_projects)] += 1
        if lines and shown < a.show:
            shown += 1
            print(f"  {row['commit']} target {case['seed']} ({target_tokens} tok)  tool {tool} lexical {lex}")
            print("\n".join(lines))
            for d in [d for d in m["files"] if d["fidelity"] == "full" and d["path"] not in target_paths][:6]:
                sig = " ".join(f"{k}={v:.2f}" for k, v in d["signals"].items())
                print(f"      full #{d['rank']:<4} {d.get('tokens', 0):>5} tok {d['path']}  [{sig}]  {d['reason'][:50]}")
    return stats, leads, kinds


def report(title, stats, leads, kinds):
    print(title)
    for k in sorted(stats, key=lambda k: (not k.startswith("cases"), k.startswith("  "), k.replace("    none", "  ranked out, none ~"))):
        print(f"  {k}: {stats[k]}")
    print("  displacers: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print("  displacers led by: " + ", ".join(f"{k} {v}" for k, v in leads.most_common()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out"); ap.add_argument("--budget", type=int, default=8000)
    ap.add_argument("--only-lexical-wins", action="store_true"); ap.add_argument("--show", type=int, default=3)
    ap.add_argument("--repos"); ap.add_argument("--lexical", action="store_true")
    ap.add_argument("--mirrors", help="with --lexical: the repositories' git directories, OWNER+NAME/repo (default $PACKER_BENCH_MIRRORS)")
    ap.add_argument("--bench", help="with --lexical: the shared bench, run.py's folder (default $PACKER_BENCH_HARNESS, else ../shared/bench beside this clone)")
    ap.add_argument("--scratch", help="with --lexical: work trees (default <temporary folder>/packer-bench/losses)")
    a = ap.parse_args()
    if a.lexical:
        a.mirrors, a.bench = common.mirrors(a.mirrors), common.harness(a.bench, ("run.py", "count-tokens.mjs"))
        a.scratch = common.scratch_dir(a.scratch, "losses")
    lexical = Lexical(a) if a.lexical else None
    names = a.repos.split(",") if a.repos else [n for n, _, _ in REPOS]
    total = [collections.Counter(), collections.Counter(), collections.Counter()]
    for name in names:
        res = analyse(a, name, lexical)
        if res is None:
            continue
        report(f"== {name} @{a.budget}", *res)
        for t, r in zip(total, res):
            t.update(r)
    report(f"== all @{a.budget}" + (" (cases lexical wins)" if a.only_lexical_wins else ""), *total)


if __name__ == "__main__":
    main()
