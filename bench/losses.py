#!/usr/bin/env python3
"""Where the tool loses: reads a table.py output folder and sorts every truth file the tool did not give
in full into why, from the manifest's own ranks, fidelities and signals.

  absent        the manifest does not list it (the solution does not compile it)
  too big       reached in rank order, but only its signatures fitted (files ranked below it went in full)
  ranked out    listed or omitted: the full-text budget ran out above it. Split by the truth file's tie
                to the target: direct (the reason names the target: it declares something the target
                uses, or uses the target), near (graph signal >= 0.1), none (no compiler path to speak of)
  target ate    the target itself took more than half of the budget

For ranked-out files it also looks at the files that took full text above them ("displacers"): how many
are tests while the truth file is not, how many have less graph proximity, and which weighted signal
put them ahead (the largest positive difference of weight x signal, with today's default weights) or
whether size decided it (the truth file's weighted sum was higher, its score lower).

usage: losses.py OUT_DIR [--budget 8000] [--only-lexical-wins] [--show N]  (N cases printed per repository)
"""
import argparse, collections, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS = {"graph": 1.0, "coUsage": 0.25, "names": 1.0, "fileName": 1.0, "folder": 0.1, "project": 0.0, "history": 0.0}


def is_test(path):
    p = path.lower()
    return "test" in p or "spec" in p.split("/")[-1]


def weighted(signals):
    return sum(WEIGHTS.get(k, 0) * v for k, v in signals.items())


def tie(truth, target_names):
    r = truth.get("reason", "")
    if any(n in r for n in target_names) and not r.startswith(("2 hops", "3 hops")):
        return "direct"
    return "near" if truth["signals"].get("graph", 0) >= 0.1 else "none"


def lead(displacer, truth):
    """The signal whose weighted difference most favoured the displacer, or 'size'."""
    if weighted(displacer["signals"]) <= weighted(truth["signals"]):
        return "size"
    diffs = {k: WEIGHTS.get(k, 0) * (displacer["signals"].get(k, 0) - truth["signals"].get(k, 0)) for k in WEIGHTS}
    return max(sorted(diffs), key=lambda k: diffs[k])


def analyse(out, name, budget, only_lexical_wins, show):
    keep = os.path.join(out, name)
    log = os.path.join(keep, "run.log")
    if not os.path.isfile(log):
        return None
    rows = {}
    for line in open(log):
        if line.startswith("{"):
            r = json.loads(line); rows[r["commit"]] = r
    cases = {c["commit"][:10]: c for c in map(json.loads, open(os.path.join(HERE, "cases", name + ".jsonl")))}
    stats = collections.Counter(); leads = collections.Counter(); shown = 0
    for commit, row in rows.items():
        tool, lex = row.get(f"tool@{budget}"), row.get(f"lexical@{budget}")
        if not isinstance(tool, (int, float)):
            stats["case failed"] += 1; continue
        stats["cases"] += 1
        stats["lexical wins" if lex > tool else "tool wins" if tool > lex else "ties"] += 1
        if only_lexical_wins and not lex > tool:
            continue
        path = os.path.join(keep, f"{commit}-{budget}.json")
        if not os.path.isfile(path):
            continue
        m = json.load(open(path)); files = {f["path"]: f for f in m["files"]}
        target_paths = [p for t in m["targets"] for p in t["files"]]
        target_names = [os.path.basename(p) for p in target_paths]
        target_tokens = sum(files[p].get("tokens", 0) for p in target_paths if p in files)
        case = cases[commit]
        lines = []
        for t in case["truth"]:
            f = files.get(t)
            if f is None:
                stats["absent"] += 1; lines.append(f"    absent  {t}"); continue
            if f["fidelity"] == "full":
                stats["truth in full"] += 1; continue
            stats["truth missed"] += 1
            if target_tokens > budget / 2:
                stats["target ate half the budget"] += 1
            if f["fidelity"] == "signatures":
                stats["too big (signatures)"] += 1; kind = "too big"
            else:
                kind = "ranked out, " + tie(f, target_names); stats[kind] += 1
                displacers = [d for d in m["files"] if d["fidelity"] == "full" and d["rank"] < f["rank"]
                              and d["path"] not in target_paths]
                for d in displacers:
                    stats["displacers"] += 1
                    if is_test(d["path"]) and not is_test(t): stats["displacer is a test, truth is not"] += 1
                    if d["signals"].get("graph", 0) < f["signals"].get("graph", 0): stats["displacer has less graph"] += 1
                    leads[lead(d, f)] += 1
            sig = " ".join(f"{k}={v:.2f}" for k, v in f["signals"].items())
            lines.append(f"    {kind:<18} #{f['rank']:<4} {f['fidelity']:<10} {t}  [{sig}]  {f['reason'][:70]}")
        if lines and shown < show:
            shown += 1
            print(f"  {commit} target {case['seed']} ({target_tokens} tok)  tool {tool} lexical {lex}")
            print("\n".join(lines))
            for d in [d for d in m["files"] if d["fidelity"] == "full" and d["path"] not in target_paths][:6]:
                sig = " ".join(f"{k}={v:.2f}" for k, v in d["signals"].items())
                print(f"      full #{d['rank']:<4} {d.get('tokens', 0):>5} tok {d['path']}  [{sig}]  {d['reason'][:50]}")
    return stats, leads


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out"); ap.add_argument("--budget", type=int, default=8000)
    ap.add_argument("--only-lexical-wins", action="store_true"); ap.add_argument("--show", type=int, default=3)
    ap.add_argument("--repos")
    a = ap.parse_args()
    names = a.repos.split(",") if a.repos else sorted(d for d in os.listdir(a.out) if os.path.isdir(os.path.join(a.out, d)))
    total, total_leads = collections.Counter(), collections.Counter()
    for name in names:
        print(f"== {name} @{a.budget}")
        res = analyse(a.out, name, a.budget, a.only_lexical_wins, a.show)
        if res is None:
            print("  no run.log"); continue
        stats, leads = res
        print("  " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
        print("  displacers led by: " + ", ".join(f"{k} {v}" for k, v in leads.most_common()))
        total += stats; total_leads += leads
    print(f"== all @{a.budget}" + (" (cases lexical wins)" if a.only_lexical_wins else ""))
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))
    print("  displacers led by: " + ", ".join(f"{k} {v}" for k, v in total_leads.most_common()))


if __name__ == "__main__":
    main()
