#!/usr/bin/env python3
"""A simulation of the packer's budget (src/Packer.Core/Budget/BudgetPlanner.cs, no --previous), so that a
ranking or a fidelity policy can be scored offline on recorded cases without running the tool.

A case is what table.py kept for one commit: the manifest of a recording build (every file with its
signals, including `fullTokens` and `signatureTokens`, the block costs the tool prices), the case's truth,
and the header's tokens. `plan()` fills a budget in a given rank order as the planner does: the targets
first (their allotment rounded up to a sixteenth of the cap), then a first greedy pass whose volatile
choices are kept (rounded up to a thirty-second), a second over the stable files, a third with what rounding
left, each file in full if it fits, else as signatures if those fit (and the policy allows), and the paths
of the next files listed in the listing's share. `validate` compares it with the tool's own choices.

usage: sim.py validate OUT_DIR... [--budget 8000]
"""
import argparse, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import REPOS, UNSEEN  # noqa: E402

LISTING_SHARE = 0.05
FRAME_EXTRA = 12           # the closing text and each segment's framing, beyond the header's own tokens
MAX_CHARS_PER_TOKEN = 16


class Policy:
    """How the budget splits: the listing's share, and when a file that does not fit in full goes in as signatures."""

    def __init__(self, listing_share=LISTING_SHARE, signatures="fallback", signature_share=1.0, signature_ratio=1.0):
        self.listing_share = listing_share
        self.signatures = signatures           # "fallback", "none", "direct" (files one edge from a target),
                                               # "uses" (files declaring what a target uses), "leftover" (files
                                               # one edge away, as signatures, only from what full text left)
        self.signature_share = signature_share  # at most this share of the cap goes to signatures
        self.signature_ratio = signature_ratio  # only when signatures are at most this share of the full text


def listing_cost(f):
    return f.get("listing") or (len(f["path"]) + len(f["project"])) // 4 + 12


def load_case(path, truth, seed):
    """One recorded manifest as the simulation's case: files in the manifest's order, with what plan() needs."""
    with open(path) as fh:
        m = json.load(fh)
    header = next((s["tokenEnd"] - s["tokenStart"] for s in m["segments"] if s["kind"] == "header"), 0)
    targets = {p for t in m["targets"] for p in t["files"]}
    truth = set(truth)
    files = []
    for f in m["files"]:
        s = f["signals"]
        files.append({
            "path": f["path"], "project": f["project"], "rank": f["rank"], "target": f["path"] in targets,
            "truth": f["path"] in truth, "full": s.get("fullTokens", 0), "sig": s.get("signatureTokens", 0),
            "chars": s.get("length", 0), "volatile": s.get("hops") == 1 or s.get("history", 0) > 0,
            "direct": s.get("hops") == 1, "signals": s, "fidelity": f["fidelity"], "tokens": f["tokens"],
            "listing": f["tokens"] if f["fidelity"] == "listed" else None,
        })
    target_tokens = sum(f["tokens"] for f in files if f["target"])
    return {"seed": seed, "max": m["maxTokens"], "header": header, "files": files, "target_tokens": target_tokens,
            "truth": [f for f in files if f["truth"]], "n_truth": len([t for t in truth if t != seed])}


def _roundup(tokens, step, remaining):
    step = max(1, step)
    r = (tokens + step - 1) // step * step
    return r if r <= remaining else tokens


def plan(case, order, budget=None, policy=None):
    """The files given in full and in any fidelity (listed included) when the non-target files come in `order`."""
    policy = policy or Policy()
    cap = budget or case["max"]
    remaining = cap - case["header"] - FRAME_EXTRA
    tt = case["target_tokens"]
    allot = _roundup(tt, cap // 16, remaining)
    content = remaining - allot - int(cap * policy.listing_share)
    slack = allot - tt
    sig_room = [int(cap * policy.signature_share)]

    def choose(f, room):
        if f["full"] <= 0 or f["chars"] > room * MAX_CHARS_PER_TOKEN:
            return None
        if f["full"] <= room:
            return ("full", f["full"])
        if f["sig"] <= 0 or f["sig"] > room or f["sig"] >= f["full"] or policy.signatures in ("none", "leftover"):
            return None
        if policy.signatures == "direct" and not f["direct"]:
            return None
        if policy.signatures == "uses" and not f["signals"].get("uses", 0) > 0:
            return None
        if f["sig"] > policy.signature_ratio * f["full"] or f["sig"] > sig_room[0]:
            return None
        return ("sig", f["sig"])

    def greedy(files, room, commit):
        chosen = []
        saved = sig_room[0]
        for f in files:
            c = choose(f, room)
            if c:
                chosen.append((f, c))
                room -= c[1]
                if c[0] == "sig":
                    sig_room[0] -= c[1]
        if not commit:
            sig_room[0] = saved
        return chosen

    first = greedy(order, content, commit=False)
    vol = [(f, c) for f, c in first if f["volatile"]]
    for f, c in vol:
        if c[0] == "sig":
            sig_room[0] -= c[1]
    vol_tokens = sum(c[1] for _, c in vol)
    vol_allot = _roundup(vol_tokens, cap // 32, content)
    content -= vol_allot
    stable = greedy([f for f in order if not f["volatile"]], content, commit=True)
    content -= sum(c[1] for _, c in stable)
    taken = {f["path"] for f, _ in vol + stable}
    content += slack + (vol_allot - vol_tokens)
    fill = greedy([f for f in order if f["path"] not in taken], content, commit=True)
    content -= sum(c[1] for _, c in fill)
    chosen = vol + stable + fill
    if policy.signatures == "leftover":  # then what full text left goes to signatures of files one edge away
        taken = {f["path"] for f, _ in chosen}
        for f in order:
            if f["path"] not in taken and f["direct"] and 0 < f["sig"] <= content and f["sig"] < f["full"]:
                chosen.append((f, ("sig", f["sig"])))
                content -= f["sig"]
    full = {f["path"] for f, c in chosen if c[0] == "full"}
    anyf = {f["path"] for f, _ in chosen}
    room = content + int(cap * policy.listing_share)
    for f in order:
        if f["path"] in anyf:
            continue
        cost = listing_cost(f)
        if cost > room:
            break
        anyf.add(f["path"])
        room -= cost
    return full, anyf


def recall(case, full, anyf):
    n = case["n_truth"]
    if n == 0:
        return 0.0, 0.0
    return (sum(f["path"] in full for f in case["truth"]) / n, sum(f["path"] in anyf for f in case["truth"]) / n)


def cases_of(out, name, budget, cases_dir="cases"):
    """(case, manifest path) of every case of a repository whose manifest at `budget` exists (cases_dir:
    "cases", the tuning set, or "unseen")."""
    with open(os.path.join(HERE, cases_dir, name + ".jsonl")) as fh:
        for line in fh:
            c = json.loads(line)
            p = os.path.join(out, name, f"{c['commit'][:10]}-{budget}.json")
            if os.path.isfile(p):
                yield c, p


def validate(a):
    agree = total = recall_same = 0
    worst = []
    for out in a.out:
        for name, cases_dir in [(n, "cases") for n, _, _ in REPOS] + [(n, "unseen") for n, _, _ in UNSEEN]:
            if not os.path.isdir(os.path.join(out, name)):
                continue
            for c, p in cases_of(out, name, a.budget, cases_dir):
                case = load_case(p, c["truth"], c["seed"])
                order = [f for f in case["files"] if not f["target"]]
                full, anyf = plan(case, order)
                real_full = {f["path"] for f in case["files"] if f["fidelity"] == "full" and not f["target"]}
                real_any = {f["path"] for f in case["files"] if f["fidelity"] != "omitted" and not f["target"]}
                same = full == real_full and anyf == real_any
                agree += same
                total += 1
                if not same:
                    worst.append((len(full ^ real_full) + len(anyf ^ real_any), name, c["commit"][:10],
                                  sorted(full - real_full)[:3], sorted(real_full - full)[:3]))
                r_sim, r_real = recall(case, full, anyf), recall(case, real_full, real_any)
                recall_same += r_sim == r_real
                if r_sim != r_real:
                    print(f"{name} {c['commit'][:10]} recall sim {r_sim} real {r_real}")
    print(f"{agree}/{total} cases planned exactly as the tool did (full and listed); "
          f"{recall_same}/{total} with the same recall (full and any)")
    for w in sorted(worst, reverse=True)[:10]:
        print(w)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["validate"])
    ap.add_argument("out", nargs="+")
    ap.add_argument("--budget", type=int, default=8000)
    a = ap.parse_args()
    validate(a)


if __name__ == "__main__":
    main()
