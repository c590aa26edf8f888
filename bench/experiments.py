#!/usr/bin/env python3
"""Experiments on the ranking and the budget that did not ship, kept so that their figures in bench/README
("Second fit") can be checked. Each is scored as the shipped model is: leave one repository out, simulated
(sim.py) under the tool's signature policy, on a table.py output whose cases lexsim.py has seen.

  experiments.py test-target OUT     every compiler, name and history feature also times "the target is a
                                     test", so that test and production targets get weights of their own
  experiments.py folder-history OUT  co-change by folder: of the commits that touched the target's folder (or
                                     the target itself), the share that touched the file's folder, and the
                                     file's place by the first (from each case's parent, the last 2,000
                                     commits of at most 12 files, as GitHistory reads them)
  experiments.py framing OUT         the same model with less of the 8k cap spent on framing: the header
                                     smaller by 150 or 300 tokens, the listing's share 2.5% or nothing
  experiments.py trees               a non-linear model over the same features: gradient-boosted trees (depth 3,
                                     80 trees; depth 2, 60 trees, 20 times the L2 penalty on leaves) against the linear fit, both
                                     left one repository out, on the committed recorded features alone
                                     (bench/recorded, so no table.py output is needed). They hold no token
                                     costs, so the score is the share of truth files among the top 6, 12 and 40
                                     (8k holds about 12 files in full beside the target). About 15 minutes.

usage: experiments.py {test-target,folder-history,framing} OUT [--mirrors DIR]   (folder-history reads the repositories)
       experiments.py trees [--recorded FILE]
"""
import argparse, bisect, collections, json, math, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import features as F  # noqa: E402
import fit  # noqa: E402
import sim  # noqa: E402
import common  # noqa: E402
from common import REPOS, git_dir  # noqa: E402

BUDGETS = [8000, 32000]
POLICY = sim.Policy(signatures="direct")
TEST_TARGET = ["graph", "direct", "uses", "usedBy", "names", "coUsage", "sameFolder", "history", "churn", "recencyRank"]


def add_feature(name):
    F.NAMES.append(name)
    fit.IDX[name] = len(F.NAMES) - 1
    return name


def line(label, res, data, lex):
    cells = " ".join(f"{fit.mean_of(res, b):.3f}/{fit.mean_of(res, b, 1):.3f} (>=lex {fit.wins(res, data, lex, b)})" for b in BUDGETS)
    print(f"{label}: {cells}", flush=True)


def test_target(data, lex, _):
    extra = [add_feature(k + "*testTarget") for k in TEST_TARGET]
    for cases in data.values():
        for c in cases:
            t = 1.0 if "test" in c["seed"].lower() else 0.0
            for f in c["files"]:
                f["x"] = list(f["x"]) + [f["x"][fit.IDX[k]] * t for k in TEST_TARGET]
    for feats, label in ((fit.FEATURE_SETS["model"], "shipped"), (fit.FEATURE_SETS["model"] + extra, "with *testTarget")):
        line(label, fit.loro(data, BUDGETS, feats, 0.05, 0.001, POLICY)[0], data, lex)


def commits_before(gd, parent, limit=2000):
    """The files of each of the last commits up to `parent` (newest first), of at most 12 files each."""
    log = subprocess.run(["git", "--git-dir", gd, "log", "--max-count=20000", "--format=%x01", "--name-only",
                          "--no-renames", "-z", parent], capture_output=True).stdout.decode("utf-8", "replace")
    commits, cur = [], None
    for field in log.split("\0"):
        entry = field.strip("\n")
        if entry.startswith("\x01"):
            cur = []
            commits.append(cur)
            entry = entry[1:].strip("\n")
        if entry and cur is not None:
            cur.append(entry)
    return [c for c in commits if 0 < len(c) <= 12][:limit]


def folder_history(data, lex, mirrors):
    extra = [add_feature(n) for n in ("folderHistory", "targetFolderHistory", "folderHistoryRank")]
    parents = {}
    for name, owner, _ in REPOS:
        with open(os.path.join(HERE, "cases", name + ".jsonl")) as fh:
            for c in map(json.loads, fh):
                parents[(name, c["commit"][:10])] = (git_dir(mirrors, owner), c["parent"])
    for name, cases in data.items():
        for c in cases:
            seed = c["seed"]
            folder = os.path.dirname(seed)
            n_folder = n_seed = 0
            by_folder, by_seed = collections.Counter(), collections.Counter()
            for commit in commits_before(*parents[(name, c["commit"])]):
                if folder not in {os.path.dirname(f) for f in commit}:
                    continue
                others = {os.path.dirname(f) for f in commit if f != seed}
                n_folder += 1
                by_folder.update(others)
                if seed in commit:
                    n_seed += 1
                    by_seed.update(others)
            value = {f["path"]: (by_folder[os.path.dirname(f["path"])] / n_folder if n_folder else 0.0,
                                 by_seed[os.path.dirname(f["path"])] / n_seed if n_seed else 0.0) for f in c["files"]}
            others = [value[f["path"]][0] for f in c["files"] if not f["target"]]
            for f in c["files"]:
                a, b = value[f["path"]]
                rank = 1 / (1 + sum(o > a for o in others)) if a > 0 and not f["target"] else 0.0
                f["x"] = list(f["x"]) + [a, b, rank]
        print(name, "read", flush=True)
    for feats, label in ((fit.FEATURE_SETS["model"], "shipped"), (fit.FEATURE_SETS["model"] + extra, "with folder history")):
        line(label, fit.loro(data, BUDGETS, feats, 0.05, 0.001, POLICY)[0], data, lex)


def framing(data, lex, _):
    models = {held: fit.fit_model(data, [r for r in data if r != held], fit.FEATURE_SETS["model"], 0.05, 0.001) for held in data}
    for fewer, share in ((0, 0.05), (150, 0.05), (300, 0.05), (0, 0.025), (150, 0.025), (0, 0.0)):
        for cases in data.values():
            for c in cases:
                c.setdefault("shipped frames", dict(c["frames"]))
                c["frames"] = {b: (max(0, h - fewer) if b == 8000 else h, t) for b, (h, t) in c["shipped frames"].items()}
        res = {}
        for held, model in models.items():
            res.update(fit.evaluate({held: data[held]}, model, BUDGETS, sim.Policy(listing_share=share, signatures="direct")))
        line(f"header {fewer} tokens smaller at 8k, listing share {share}", res, data, lex)


TOP = (6, 12, 40)


def top_recall(cases, score):
    """Mean over the cases of the share of truth files among the top k of `score` (ties by recorded order)."""
    out = {k: [] for k in TOP}
    for c in cases:
        rows = c["files"]
        pos = sum(f["truth"] for f in rows)
        if pos:
            ranked = sorted(range(len(rows)), key=lambda i: (-score(rows[i]["x"]), i))
            for k in TOP:
                out[k].append(sum(rows[i]["truth"] for i in ranked[:k]) / pos)
    return {k: sum(v) / len(v) for k, v in out.items()}


def boosted(cases, active, trees, depth, lam, rate=0.1, bins=16, min_hessian=0.5):
    """Gradient-boosted trees on the logistic loss, each case's truth files and other files weighing 1 apiece
    as in fit.design; features cut into at most `bins` quantile bins. Returns a scoring function of a vector."""
    cols, ys, ws = fit.design(cases, active)
    n = len(ys)
    mean = sum(ws) / n
    ws = [w / mean for w in ws]
    cuts = []
    for col in cols:
        vals = sorted(set(col))
        if len(vals) <= bins:
            cuts.append([(a + b) / 2 for a, b in zip(vals, vals[1:])])
        else:
            s = sorted(col)
            cuts.append(sorted(set(s[len(s) * q // bins] for q in range(1, bins))))
    binned = [[bisect.bisect_right(c, v) for v in col] for c, col in zip(cuts, cols)]
    pos = sum(w for w, y in zip(ws, ys) if y)
    base = math.log(pos / (n - pos))
    z, model = [base] * n, []
    for _ in range(trees):
        p = [fit.sigmoid(v) for v in z]
        g = [w * (pi - y) for w, pi, y in zip(ws, p, ys)]
        h = [w * pi * (1 - pi) for w, pi in zip(ws, p)]
        nodes, levels = [list(range(n))], []
        for _ in range(depth):
            splits, below = [], []
            for idx in nodes:
                G, H = sum(g[i] for i in idx), sum(h[i] for i in idx)
                best = (0.0, None, None)
                for j, bj in enumerate(binned):
                    hg, hh = [0.0] * (len(cuts[j]) + 1), [0.0] * (len(cuts[j]) + 1)
                    for i in idx:
                        hg[bj[i]] += g[i]
                        hh[bj[i]] += h[i]
                    gl = hl = 0.0
                    for b in range(len(hg) - 1):
                        gl, hl = gl + hg[b], hl + hh[b]
                        if hl >= min_hessian and H - hl >= min_hessian:
                            gain = gl * gl / (hl + lam) + (G - gl) ** 2 / (H - hl + lam) - G * G / (H + lam)
                            if gain > best[0]:
                                best = (gain, j, b)
                splits.append(best[1:] if best[1] is not None else None)
                if best[1] is None:
                    below += [idx, []]
                else:
                    bj = binned[best[1]]
                    below += [[i for i in idx if bj[i] <= best[2]], [i for i in idx if bj[i] > best[2]]]
            levels.append(splits)
            nodes = below
        leaves = [-rate * sum(g[i] for i in idx) / (sum(h[i] for i in idx) + lam) for idx in nodes]
        for leaf, idx in zip(leaves, nodes):
            for i in idx:
                z[i] += leaf
        model.append((levels, leaves))

    def score(x):
        xb = [bisect.bisect_right(c, x[k]) for c, k in zip(cuts, active)]
        v = base
        for levels, leaves in model:
            node = 0
            for splits in levels:
                s = splits[node]
                node = 2 * node + (0 if s is None or xb[s[0]] <= s[1] else 1)
            v += leaves[node]
        return v
    return score


def trees(recorded):
    data, names = fit.load_recorded(recorded)
    active = [fit.IDX[n] for n in names if n != "size"]
    models = {"linear": None, "trees, depth 3, 80": (80, 3, 1.0), "trees, depth 2, 60": (60, 2, 20.0)}
    sums = {m: {k: [] for k in TOP} for m in models}
    for held in data:
        train = [c for r in data if r != held for c in data[r]]
        cells = []
        for label, shape in models.items():
            if shape is None:
                m = fit.fit_model(data, [r for r in data if r != held], [n for n in names if n != "size"], 0.0, 0.01)
                ws = [(fit.IDX[n], w) for n, w in m["weights"].items()]
                res = top_recall(data[held], lambda x: m["bias"] + sum(w * x[k] for k, w in ws))
            else:
                res = top_recall(data[held], boosted(train, active, *shape))
            for k in TOP:
                sums[label][k].append(res[k])
            cells.append(f"{label} " + " ".join(f"{res[k]:.3f}" for k in TOP))
        print(f"{held}: " + "   ".join(cells), flush=True)
    print("mean (top 6 / 12 / 40): " + "   ".join(
        f"{label} " + " ".join(f"{sum(v[k]) / len(v[k]):.3f}" for k in TOP) for label, v in sums.items()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("experiment", choices=["test-target", "folder-history", "framing", "trees"])
    ap.add_argument("out", nargs="?")
    ap.add_argument("--mirrors", help="folder-history: the repositories' git directories, OWNER+NAME/repo (default $PACKER_BENCH_MIRRORS)")
    ap.add_argument("--recorded", default=os.path.join(HERE, "recorded", "model-features.tsv.gz"))
    a = ap.parse_args()
    if a.experiment == "trees":
        return trees(a.recorded)
    if a.out is None:
        ap.error(f"{a.experiment} needs OUT, a table.py output")
    if a.experiment == "folder-history":
        a.mirrors = common.mirrors(a.mirrors)
    data = fit.load_derived([a.out])
    lex = fit.compare.rows(a.out)
    {"test-target": test_target, "folder-history": folder_history, "framing": framing}[a.experiment](data, lex, a.mirrors)


if __name__ == "__main__":
    main()
