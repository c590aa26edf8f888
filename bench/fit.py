#!/usr/bin/env python3
"""Fits the ranking's weights (issue 11): a logistic model of "this file is changed in the target's commit"
over the features of features.py, from the recorded cases, scored leave-one-repository-out by simulating the
budget (sim.py) at 8k and 32k.

The recordings are table.py outputs of a recording build (every file of every case with its raw signals and
block costs, at 8k); the 32k frame (header and target tokens) comes from the baseline's 32k manifests.

  fit.py loro REC... [--features SET] [--alpha A]   each repository scored with weights fitted on the other nine
  fit.py grid REC... [--alphas] [--policies]        loro for every size exponent and signature policy
  fit.py nested REC...                              loro with the size exponent and signature policy chosen per
                                                    fold from the nine (in-sample simulated recall), so no
                                                    choice ever saw the repository it is scored on
  fit.py tool REC...                                today's ranking (the manifest's own order), simulated
  fit.py validate OUT...                            how often simulating the manifest's own order (derive.py's
                                                    cases) gives the recall the tool had, per budget
  fit.py weights REC... [--features SET]            the weights fitted on all ten, as C# constants
  fit.py unseen REC_UNSEEN --train REC...           weights fitted on all ten, scored on the unseen repositories
  fit.py export REC... --recorded FILE              what the fit of `weights` reads, written to FILE (gzip TSV)
  fit.py weights --recorded FILE                    the weights fitted from that file alone: bench/recorded/
                                                    model-features.tsv.gz is committed, and a test checks that
                                                    RankingWeights' constants are what this prints

REC: folders holding <repo>/<commit10>-8000.json; a repository is read from the first folder that has it. With
--derived they are ordinary table.py outputs (both budgets' manifests, the token counts and the lexsim.json files
table.py writes; derive.py makes the cases of them), which is how the shipped weights were fitted:

  fit.py loro bench/out/table --derived --signatures direct       the leave-one-repository-out table
  fit.py weights --recorded bench/recorded/model-features.tsv.gz  the shipped weights (bench/recorded/model-weights.txt)

The lexical figures beside each table are run.py's, from --baseline or else from REC itself.
"""
import argparse, gzip, io, json, math, operator, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare  # noqa: E402
import derive  # noqa: E402
import features as F  # noqa: E402
import sim  # noqa: E402
from common import REPOS, UNSEEN  # noqa: E402

D = len(F.NAMES)
IDX = {n: i for i, n in enumerate(F.NAMES)}

# Candidate feature sets, small enough to read as named weights in C#. "all" is every recorded feature.
FEATURE_SETS = {
    "all": list(F.NAMES),
    # The tool's model (src/Packer.Core/Ranking/RankingWeights.cs): every feature but size (the size exponent's)
    # and recency. Recency itself moves every file's score a little with each day's commit, so that two runs a
    # day apart reorder files whose scores were close and a session loses its cached prefix (CacheStabilityTests);
    # recencyRank, which only a commit to the file itself or to one more recent moves, is kept. Leaving recency
    # out costs 0.01 at 8k in the simulation (leave one repository out).
    "model": [n for n in F.NAMES if n not in ("size", "recency")],
    "today": ["graph", "coUsage", "names", "testPair", "sameName", "folder", "size"],
    "compiler": ["graph", "direct", "uses", "usedBy", "baseOfTarget", "names", "testPair", "size"],
    "handful": ["graph", "direct", "uses", "usedBy", "names", "testPair", "stemWords", "sameSuffix",
                "sameNamespace", "siblingTest", "history", "recency", "size"],
    # Only what an ordinary manifest holds (derive.py), for fits on a table.py output of any build.
    "derived": ["graph", "direct", "twoHops", "uses", "usedBy", "baseOfTarget", "derives", "partial", "coUsage",
                "names", "testPair", "sameName", "stemWords", "stemContains", "sameSuffix", "sameFolder", "folder",
                "sameProject", "nearProject", "test", "siblingTest", "subjectOfTest", "history", "size"],
    "dozen": ["graph", "direct", "twoHops", "uses", "usedBy", "names", "testPair", "stemWords", "sameSuffix",
              "sameNamespace", "nearProject", "test", "siblingTest", "subjectOfTest", "history", "historyCommits",
              "recency", "size"],
}


# ---------------------------------------------------------------- data

def frame(manifest_path):
    with open(manifest_path) as fh:
        m = json.load(fh)
    h = next((s["tokenEnd"] - s["tokenStart"] for s in m["segments"] if s["kind"] == "header"), 0)
    targets = {q for t in m["targets"] for q in t["files"]}
    return h, sum(f["tokens"] for f in m["files"] if f["path"] in targets)


def outputs(outs, repos=None, unseen=False):
    """(repository, the first of OUTS that holds it) for each repository of the set (REPOS or UNSEEN) wanted."""
    for name, _, _ in (UNSEEN if unseen else REPOS):
        out = next((o for o in outs if os.path.isdir(os.path.join(o, name))), None)
        if out is not None and (not repos or name in repos):
            yield name, out


def lexical_rows(outs):
    """run.py's rows per repository and case (the lexical baseline's recall among them), each repository from the
    first of OUTS that holds it, as the cases are."""
    rows = {}
    for out in outs:
        for name, r in compare.rows(out).items():
            rows.setdefault(name, r)
    return rows


def load_derived(outs, repos=None, unseen=False):
    """Every case of ordinary table.py outputs (both budgets), features derived from the manifests (derive.py)."""
    data, no_lexsim = {}, 0
    for name, out in outputs(outs, repos, unseen):
        cases = []
        with open(os.path.join(HERE, "unseen" if unseen else "cases", name + ".jsonl")) as fh:
            for line in fh:
                c = json.loads(line)
                case = derive.load_case(out, name, c["commit"][:10], c["truth"], c["seed"])
                if case is None:
                    continue
                case["commit"] = c["commit"][:10]
                no_lexsim += not os.path.isfile(os.path.join(out, name, case["commit"] + ".lexsim.json"))
                xs = F.vectors([f["signals"] for f in case["files"]], [f["target"] for f in case["files"]])
                for f, x in zip(case["files"], xs):
                    f["x"] = x
                cases.append(case)
        if cases:
            data[name] = cases
    if no_lexsim:
        print(f"{no_lexsim} cases have no <commit10>.lexsim.json, so their name similarity reads 0: run lexsim.py OUT "
              f"first (table.py writes them for the cases it runs)", file=sys.stderr)
    return data


def export(data, features, path):
    """Writes what fitting `features` reads: per case with a truth file, each non-target file's label and values.
    One row per file: repository, commit, truth (0/1), then the features in order; no paths, no code."""
    active = [IDX[n] for n in features if n != "size"]
    # No name and a fixed time in the gzip header: the same data gives the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as z, \
            io.TextIOWrapper(z, encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(["repo", "commit", "truth"] + [F.NAMES[k] for k in active]) + "\n")
        for name, cases in data.items():
            for case in cases:
                rows = [f for f in case["files"] if not f["target"]]
                if not any(f["truth"] for f in rows):
                    continue
                for f in rows:
                    fh.write("\t".join([name, case["commit"], "1" if f["truth"] else "0"] + [repr(f["x"][k]) for k in active]) + "\n")


def load_recorded(path):
    """The cases of an exported file, as design() reads them (features it does not hold are 0)."""
    data = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        active = [IDX[n] for n in header[3:]]
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            cases = data.setdefault(cols[0], [])
            if not cases or cases[-1]["commit"] != cols[1]:
                cases.append({"commit": cols[1], "files": []})
            x = [0.0] * D
            for k, v in zip(active, cols[3:]):
                x[k] = float(v)
            cases[-1]["files"].append({"target": False, "truth": cols[2] == "1", "x": x})
    return data, [F.NAMES[k] for k in active] + ["size"]


def load_out(outs, baseline=None, repos=None, unseen=False):
    """Every recorded case as a simulation case with feature vectors, per repository; the 32k frame from the
    baseline's manifest of the same case (or, without one, the 8k header and the targets' full tokens)."""
    data = {}
    for name, out in outputs(outs, repos, unseen):
        cases = []
        for c, p in sim.cases_of(out, name, 8000, "unseen" if unseen else "cases"):
            case = sim.load_case(p, c["truth"], c["seed"])
            case["commit"] = c["commit"][:10]
            xs = F.vectors([f["signals"] for f in case["files"]], [f["target"] for f in case["files"]])
            for f, x in zip(case["files"], xs):
                f["x"] = x
            full_targets = sum(f["full"] for f in case["files"] if f["target"])
            case["frames"] = {8000: (case["header"], case["target_tokens"]), 32000: (case["header"], full_targets)}
            bp = baseline and os.path.join(baseline, name, f"{case['commit']}-32000.json")
            if bp and os.path.isfile(bp):
                case["frames"][32000] = frame(bp)
            cases.append(case)
        if cases:
            data[name] = cases
    return data


# ---------------------------------------------------------------- the model

def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 1e-13


def solve(a, b):
    """Gaussian elimination with partial pivoting; a is n x n (copied), b length n."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        p = m[col][col]
        for r in range(col + 1, n):
            f = m[r][col] / p
            if f:
                mr, mc = m[r], m[col]
                for k in range(col, n + 1):
                    mr[k] -= f * mc[k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


NEGATIVES = 0  # with N > 0, a case's negatives are only the N best by each of graph, nameSim and history (the hard ones)


def hard(neg):
    if not NEGATIVES:
        return neg
    keep = set()
    for k in (IDX["graph"], IDX["nameSim"], IDX["history"]):
        keep.update(f["path"] for f in sorted(neg, key=lambda f: (-f["x"][k], f["path"]))[:NEGATIVES] if f["x"][k] > 0)
    return [f for f in neg if f["path"] in keep] or neg


def design(cases, active):
    """Columns of the fit over the active features: each case's truth files weigh 1 in all, its other files 1 in all."""
    cols = [[] for _ in active]
    ys, ws = [], []
    for case in cases:
        rows = [f for f in case["files"] if not f["target"]]
        pos = [f for f in rows if f["truth"]]
        if not pos:
            continue
        neg = hard([f for f in rows if not f["truth"]])
        for group, y in ((pos, 1.0), (neg, 0.0)):
            w = 1.0 / len(group)
            for f in group:
                for j, k in enumerate(active):
                    cols[j].append(f["x"][k])
                ys.append(y)
                ws.append(w)
    return cols, ys, ws


def logistic(cols, ys, ws, l2=0.01, iterations=25):
    """Weighted L2 logistic regression by Newton's method; returns (bias, weights of the columns)."""
    n, d = len(ys), len(cols)
    total = sum(ws)
    bias, beta = 0.0, [0.0] * d
    for _ in range(iterations):
        z = [bias] * n
        for k in range(d):
            if beta[k]:
                bk = beta[k]
                z = [a + bk * c for a, c in zip(z, cols[k])]
        p = [sigmoid(v) for v in z]
        r = [w * (pi - y) for w, pi, y in zip(ws, p, ys)]
        s = [w * pi * (1 - pi) for w, pi in zip(ws, p)]
        allc = [None] + list(range(d))
        g, h = [], []
        for i, ki in enumerate(allc):
            ci = None if ki is None else cols[ki]
            g.append((sum(r) if ci is None else sum(map(operator.mul, r, ci))) + (l2 * total * beta[ki] if ki is not None else 0))
            sci = s if ci is None else list(map(operator.mul, s, ci))
            row = []
            for j, kj in enumerate(allc):
                if j < i:
                    row.append(h[j][i])
                    continue
                cj = None if kj is None else cols[kj]
                v = sum(sci) if cj is None else sum(map(operator.mul, sci, cj))
                if i == j and ki is not None:
                    v += l2 * total
                row.append(v)
            h.append(row)
        step = solve(h, g)
        bias -= step[0]
        for k in range(d):
            beta[k] -= step[k + 1]
        if max(abs(v) for v in step) < 1e-7:
            break
    return bias, beta


def fit_model(data, repos, features, alpha, l2):
    """Fits on the cases of `repos`; "size" is the size exponent alpha, not a logistic feature."""
    active = [IDX[n] for n in features if n != "size"]
    cases = [c for r in repos for c in data[r]]
    bias, beta = logistic(*design(cases, active), l2=l2)
    return {"bias": bias, "weights": {F.NAMES[k]: b for k, b in zip(active, beta)}, "alpha": alpha}


# ---------------------------------------------------------------- scoring and simulation

def significant(v):
    """The tool's Ranker.Significant: two significant digits."""
    if v <= 0:
        return 0.0
    digits = 1 - math.floor(math.log10(v))
    return round(v, digits) if 0 <= digits <= 15 else round(v, 15)


def score(model, f):
    z = model["bias"] + sum(w * f["x"][IDX[n]] for n, w in model["weights"].items())
    return significant(sigmoid(z) / ((f["chars"] / 4.0) + 50) ** model["alpha"])


def order_of(case, model):
    """The non-target files in the model's rank order (ties by ordinal path), or the manifest's when model is None."""
    files = [f for f in case["files"] if not f["target"]]
    if model is None:
        return files
    scored = sorted(((-score(model, f), f["path"], f) for f in files), key=lambda t: (t[0], t[1]))
    return [t[2] for t in scored]


def evaluate(data, model, budgets, policy=None):
    """{repo: {budget: (full, any, per-case full list)}} over each repository's cases."""
    out = {}
    for name, cases in data.items():
        per = {}
        for b in budgets:
            fs, as_ = [], []
            for case in cases:
                case["header"], case["target_tokens"] = case["frames"][b]
                full, anyf = sim.plan(case, order_of(case, model), b, policy)
                rf, ra = sim.recall(case, full, anyf)
                fs.append(rf)
                as_.append(ra)
            per[b] = (sum(fs) / len(fs), sum(as_) / len(as_), fs)
        out[name] = per
    return out


def objective(res, budgets):
    """Mean full-text recall over repositories and budgets."""
    return sum(v[b][0] for v in res.values() for b in budgets) / (len(res) * len(budgets))


def loro(data, budgets, features, alpha, l2, policy=None):
    res, models = {}, {}
    for held in data:
        models[held] = fit_model(data, [r for r in data if r != held], features, alpha, l2)
        res.update(evaluate({held: data[held]}, models[held], budgets, policy))
    return res, models


def grid(data, budgets, features, l2, alphas, policies):
    """Leave one repository out for every size exponent and signature policy: the fit does not depend on
    either, so each fold is fitted once. Returns {(alpha, policy): res}."""
    models = {held: fit_model(data, [r for r in data if r != held], features, 0.0, l2) for held in data}
    out = {}
    for al in alphas:
        for pol in policies:
            res = {}
            for held, m in models.items():
                res.update(evaluate({held: data[held]}, dict(m, alpha=al), budgets, sim.Policy(signatures=pol)))
            out[(al, pol)] = res
    return out, models


def nested(data, budgets, features, l2, alphas, policies):
    """Leave one repository out with the size exponent and the signature policy chosen per fold too, by the
    simulated recall on the nine it was fitted on: nothing about the held-out repository is used."""
    res, chosen = {}, {}
    for held in data:
        train = {r: data[r] for r in data if r != held}
        m = fit_model(train, list(train), features, 0.0, l2)
        best = None
        for al in alphas:
            for pol in policies:
                o = objective(evaluate(train, dict(m, alpha=al), budgets, sim.Policy(signatures=pol)), budgets)
                if best is None or o > best[0] + 1e-12:
                    best = (o, al, pol)
        chosen[held] = best[1:]
        res.update(evaluate({held: data[held]}, dict(m, alpha=best[1]), budgets, sim.Policy(signatures=best[2])))
        print(f"  fold {held}: alpha {best[1]}, signatures {best[2]} (in-sample {best[0]:.3f})", file=sys.stderr, flush=True)
    return res, chosen


def report(data, res, budgets, lex, label):
    """The per-repository table against lexical over the same cases, and the means."""
    print(f"\n{label}")
    head = ["repository", "cases"] + [f"{c} @{b // 1000}k" for b in budgets for c in ("full", "any", "lexical")]
    print("| " + " | ".join(head) + " |\n|" + " --- |" * len(head))
    sums = {b: [0.0, 0.0, 0.0] for b in budgets}
    wins = {b: 0 for b in budgets}
    for name, per in res.items():
        cells = [name, str(len(data[name]))]
        for b in budgets:
            commits = [c["commit"] for c in data[name]]
            lx = [lex.get(name, {}).get(c, {}).get(f"lexical@{b}") for c in commits]
            lx = [v for v in lx if v is not None]
            lm = sum(lx) / len(lx) if lx else float("nan")
            cells += [f"{per[b][0]:.3f}", f"{per[b][1]:.3f}", f"{lm:.3f}"]
            sums[b][0] += per[b][0]; sums[b][1] += per[b][1]; sums[b][2] += lm
            wins[b] += per[b][0] >= lm - 1e-9
        print("| " + " | ".join(cells) + " |")
    n = len(res)
    cells = [f"**mean of {n}**", ""]
    for b in budgets:
        cells += [f"**{sums[b][0] / n:.3f}**", f"**{sums[b][1] / n:.3f}**", f"**{sums[b][2] / n:.3f}**"]
    print("| " + " | ".join(cells) + " |")
    print("at or above lexical: " + ", ".join(f"{wins[b]}/{n} @{b // 1000}k" for b in budgets))


def mean_of(res, b, k=0):
    return sum(v[b][k] for v in res.values()) / len(res)


def lex_mean(data, lex, name, b):
    lx = [lex.get(name, {}).get(c["commit"], {}).get(f"lexical@{b}") for c in data[name]]
    lx = [v for v in lx if v is not None]
    return sum(lx) / len(lx) if lx else float("nan")


def wins(res, data, lex, b):
    return sum(res[n][b][0] >= lex_mean(data, lex, n, b) - 1e-9 for n in res)


def validate(data, budgets):
    """How often the simulation of the manifest's own order gives the recall the tool had, per budget (derived cases)."""
    for b in budgets:
        same = total = 0
        diff = []
        for name, cases in data.items():
            for case in cases:
                case["header"], case["target_tokens"] = case["frames"][b]
                full, anyf = sim.plan(case, order_of(case, None), b)
                real_full = {f["path"] for f in case["files"] if f["fidelities"][b] == "full" and not f["target"]}
                real_any = {f["path"] for f in case["files"] if f["fidelities"][b] != "omitted" and not f["target"]}
                rs, rr = sim.recall(case, full, anyf), sim.recall(case, real_full, real_any)
                same += rs == rr
                total += 1
                if rs != rr:
                    diff.append((name, case["commit"], rs, rr))
        print(f"@{b}: {same}/{total} cases simulated with the tool's recall (full, any)")
        for d in diff[:12]:
            print("  ", d)


def csharp(model):
    """The weights as RankingWeights' defaults: Bias, SizeExponent, then each feature's weight by its name."""
    lines = [f"Bias = {model['bias']:.4f}", f"SizeExponent = {model['alpha']}"]
    lines += [f"{n} = {w:.4f}" for n, w in model["weights"].items()]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="commands: see the top of bench/fit.py")
    ap.add_argument("command", choices=["loro", "grid", "nested", "tool", "weights", "unseen", "export", "validate"])
    ap.add_argument("out", nargs="*", help="table.py outputs or recording folders (for unseen: the unseen ones)")
    ap.add_argument("--recorded", help="export: the file to write; weights: fit from this file instead of OUT")
    ap.add_argument("--train", nargs="*", default=[], help="with unseen: the tuning recordings")
    ap.add_argument("--baseline", help="a table.py output of an ordinary build: the lexical figures, and for recordings "
                                       "the 32k frame of each case (default: the lexical figures of OUT itself)")
    ap.add_argument("--budgets", default="8000,32000")
    ap.add_argument("--features", default="model", help="a name of FEATURE_SETS or comma-separated features")
    ap.add_argument("--l2", type=float, default=0.001)
    ap.add_argument("--alpha", type=float, default=0.05)
    ap.add_argument("--negatives", type=int, default=0, help="fit on the hard negatives only (see hard())")
    ap.add_argument("--alphas", default="0.05,0.1,0.15,0.2")
    ap.add_argument("--policies", default="fallback,direct,none")
    ap.add_argument("--derived", action="store_true", help="OUT are ordinary table.py outputs (derive.py)")
    ap.add_argument("--signatures", default="none", help="sim.Policy: fallback, none, direct, uses or leftover")
    a = ap.parse_args()
    budgets = [int(b) for b in a.budgets.split(",")]
    features = FEATURE_SETS.get(a.features) or a.features.split(",")
    policy = sim.Policy(signatures=a.signatures)
    global NEGATIVES
    NEGATIVES = a.negatives
    if a.command == "unseen":
        train = load_derived(a.train) if a.derived else load_out(a.train, a.baseline)
        data = load_derived(a.out, unseen=True) if a.derived else load_out(a.out, None, unseen=True)
        model = fit_model(train, list(train), features, a.alpha, a.l2)
        print(csharp(model))
        lex = lexical_rows(a.out)
        policy = sim.Policy(signatures=a.signatures)
        report(data, evaluate(data, model, budgets, policy), budgets, lex, f"unseen, {a.features} fitted on the ten (simulated)")
        report(data, evaluate(data, None, budgets, policy), budgets, lex, "unseen, today's ranking (simulated)")
        return
    if a.command == "weights" and a.recorded:
        data, features = load_recorded(a.recorded)
        print(csharp(fit_model(data, list(data), features, a.alpha, a.l2)))
        return
    if a.command == "validate":  # of ordinary table.py outputs, whose manifests say what the tool chose
        validate(load_derived(a.out), budgets)
        return
    data = load_derived(a.out) if a.derived else load_out(a.out, a.baseline)
    if a.command == "export":
        export(data, features, a.recorded)
        return
    lex = lexical_rows([a.baseline] if a.baseline else a.out)
    if a.command == "tool":
        report(data, evaluate(data, None, budgets, policy), budgets, lex, "today's ranking, simulated")
    elif a.command == "weights":
        print(csharp(fit_model(data, list(data), features, a.alpha, a.l2)))
    elif a.command == "grid":
        out, _ = grid(data, budgets, features, a.l2, [float(x) for x in a.alphas.split(",")], a.policies.split(","))
        for (al, pol), res in out.items():
            line = "   ".join(f"{mean_of(res, b):.3f}/{mean_of(res, b, 1):.3f} (>=lex {wins(res, data, lex, b)})" for b in budgets)
            print(f"alpha {al} {pol:9} {line}", flush=True)
    elif a.command == "loro":
        res, models = loro(data, budgets, features, a.alpha, a.l2, policy)
        report(data, res, budgets, lex, f"leave one repository out, {a.features}, alpha {a.alpha}, {a.signatures} (simulated)")
    else:
        alphas = [float(x) for x in a.alphas.split(",")]
        res, chosen = nested(data, budgets, features, a.l2, alphas, a.policies.split(","))
        report(data, res, budgets, lex, f"leave one repository out, {a.features}, l2 {a.l2}; size exponent and "
               f"signature policy chosen per fold from {alphas} x {a.policies} (simulated)")


if __name__ == "__main__":
    main()
