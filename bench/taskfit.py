#!/usr/bin/env python3
"""Fits the task model (src/Packer.Core/Localization/TaskWeights.cs): a logistic model of "the fix of this task
changed this file" over the task features each file of a task run's manifest records (`task.features`, named
by the manifest's `task.features`), and scores it leave one repository out by simulating the budget.

The simulation fills a budget greedily in the model's order with each file's full-text tokens (the bench's own
count, plus 20 for its tags) up to 85% of the cap (the rest is the bundle's header, signatures and listing), so
its figures are for comparing models; the real figures are tasks.py's, run with the weights this prints.

  taskfit.py loro OUT...                         each repository scored with weights fitted on the other nine,
                                                 beside the run's own order and BM25, simulated alike
  taskfit.py weights OUT...                      the weights fitted on all ten, as C#
  taskfit.py export OUT... --recorded FILE       what the fit reads, written to FILE (gzip TSV), so that it can
                                                 be re-run without the repositories
  taskfit.py loro|weights --recorded FILE        the same from that file
  taskfit.py policies --recorded FILE [--exact]  how the budget is filled (issue 25): rank order, p / cost^alpha
                                                 ("density"), the top k by p and then density, and those with the
                                                 sigmoid recalibrated (Platt); alpha, k and the calibration chosen on
                                                 the other nine repositories, for TaskWeights and for the fit left
                                                 one repository out (--alphas 0,0.1,... sets the grid; the cost is
                                                 the tool's estimate from length, --exact the bench's count)

OUT: tasks.py output folders (<repo>/<commit10>-32000.json and <commit10>.tokens.json); a repository is read from
the first folder that has it.
"""
import argparse, gzip, hashlib, json, math, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fit import logistic, sigmoid, significant  # noqa: E402
from common import REPOS  # noqa: E402

BUDGETS = (8000, 32000)
SHARE = 0.85
HARD = 120   # per case, the negatives kept for the fit: the best HARD by bm25 and by near, and RANDOM others
RANDOM = 40
L2 = 0.01


# Candidate features read from each file's signals (the ranking around the anchors), tried beside the tool's own:
# a feature that earns its place here is then computed by the tool (TaskRanking) from the same signals.
EXTRA = ["pair", "sameFolder", "history", "names", "graph", "recent"]


def extra(sig):
    return [1.0 if sig["fileName"] == 1 else 0.0, 1.0 if sig["folder"] == 1 else 0.0, sig["history"], sig["names"], sig["graph"],
            1.0 / (1 + sig["age"] / 30) if sig["age"] >= 0 else 0.0]


def load(outs):
    """{repo: [case]}, a case: {commit, files: [{path, x, truth, tokens}]} in the manifest's rank order."""
    data, names = {}, None
    for repo, _, _ in REPOS:
        cases_file = os.path.join(HERE, "tasks", repo + ".jsonl")
        if not os.path.isfile(cases_file):
            continue
        truth = {c["commit"][:10]: set(c["truth"]) for c in map(json.loads, open(cases_file))}
        for out in outs:
            folder = os.path.join(out, repo)
            if not os.path.isdir(folder):
                continue
            cases = []
            for commit in sorted(truth):
                man, tok = (os.path.join(folder, f"{commit}-32000.json"), os.path.join(folder, f"{commit}.tokens.json"))
                if not (os.path.isfile(man) and os.path.isfile(tok)):
                    continue
                m, tokens = json.load(open(man)), json.load(open(tok))
                names = names or m["task"]["features"] + EXTRA
                files = [{"path": f["path"], "x": f["task"]["features"] + extra(f["signals"]), "truth": f["path"] in truth[commit],
                          "tokens": tokens.get(f["path"]) or 0, "target": f["path"] in {p for t in m["targets"] for p in t["files"]}}
                         for f in m["files"] if "task" in f]
                if any(f["truth"] for f in files):
                    cases.append({"commit": commit, "files": files})
            data[repo] = cases
            break
    return data, names


def export(data, names, path):
    with gzip.open(path, "wt") as f:
        f.write("\t".join(["repo", "commit", "path", "truth", "tokens", "target"] + names) + "\n")
        for repo, cases in data.items():
            for c in cases:
                for x in c["files"]:
                    f.write("\t".join([repo, c["commit"], x["path"], str(int(x["truth"])), str(x["tokens"]), str(int(x["target"]))]
                                      + [repr(v) for v in x["x"]]) + "\n")


def load_recorded(path):
    data = {}
    with gzip.open(path, "rt") as f:
        names = f.readline().rstrip("\n").split("\t")[6:]
        for line in f:
            repo, commit, p, truth, tokens, target, *x = line.rstrip("\n").split("\t")
            cases = data.setdefault(repo, [])
            if not cases or cases[-1]["commit"] != commit:
                cases.append({"commit": commit, "files": []})
            cases[-1]["files"].append({"path": p, "truth": truth == "1", "tokens": int(tokens), "target": target == "1", "x": [float(v) for v in x]})
    return data, names


def sample(case, names):
    """The case's truth files and its hard negatives (best by bm25 and by near), plus a fixed pseudo-random few."""
    files = [f for f in case["files"] if not f["target"]]
    pos = [f for f in files if f["truth"]]
    neg = [f for f in files if not f["truth"]]
    keep = set()
    for k in (names.index("bm25"), names.index("near")):
        keep.update(f["path"] for f in sorted(neg, key=lambda f: (-f["x"][k], f["path"]))[:HARD])
    rest = sorted((f for f in neg if f["path"] not in keep), key=lambda f: hashlib.sha1(f["path"].encode()).hexdigest())
    keep.update(f["path"] for f in rest[:RANDOM])
    return pos, [f for f in neg if f["path"] in keep]


def design(cases, names, active):
    cols, ys, ws = [[] for _ in active], [], []
    for case in cases:
        pos, neg = sample(case, names)
        for group, y in ((pos, 1.0), (neg, 0.0)):
            for f in group:
                for j, k in enumerate(active):
                    cols[j].append(f["x"][k])
                ys.append(y)
                ws.append(1.0 / len(group))
    return cols, ys, ws


def fit(data, repos, names, active):
    cases = [c for r in repos for c in data[r]]
    bias, beta = logistic(*design(cases, names, active), l2=L2, iterations=12)
    return {"bias": bias, "weights": {names[k]: b for k, b in zip(active, beta)}}


def order(case, names, model):
    files = [f for f in case["files"] if not f["target"]]
    if model is None:
        return files
    idx = {n: i for i, n in enumerate(names)}
    def z(f):
        return model["bias"] + sum(w * f["x"][idx[n]] for n, w in model["weights"].items())
    return sorted(files, key=lambda f: (-round(sigmoid(z(f)), 12), f["path"]))


def recall(case, ordered, budget):
    used, chosen = sum(f["tokens"] + 20 for f in case["files"] if f["target"]), set()
    for f in ordered:
        if used + f["tokens"] + 20 <= budget * SHARE:
            used += f["tokens"] + 20
            chosen.add(f["path"])
    truth = [f for f in case["files"] if f["truth"] and not f["target"]]
    return sum(f["path"] in chosen for f in truth) / len(truth) if truth else None


def bm25_model(names):
    return {"bias": 0.0, "weights": {"bm25": 1.0}}


def table(data, names, models):
    """models: {label: (repo -> model or None)}; prints per repository the simulated recall of each."""
    labels = list(models)
    head = ["repository", "cases"] + [f"{l} @{b // 1000}k" for b in BUDGETS for l in labels]
    print("| " + " | ".join(head) + " |\n|" + " --- |" * len(head))
    means = {(l, b): [] for l in labels for b in BUDGETS}
    for repo, cases in data.items():
        row = [repo, str(len(cases))]
        for b in BUDGETS:
            for l in labels:
                model = models[l](repo)
                rs = [r for r in (recall(c, order(c, names, model), b) for c in cases) if r is not None]
                v = sum(rs) / len(rs) if rs else 0.0
                means[(l, b)].append(v)
                row.append(f"{v:.3f}")
        print("| " + " | ".join(row) + " |")
    print("| **mean** | | " + " | ".join(f"**{sum(means[(l, b)]) / len(means[(l, b)]):.3f}**" for b in BUDGETS for l in labels) + " |")


def objective(cases, names, model):
    """Mean simulated recall in full at 8k and 32k over the cases (the quantity the table reports)."""
    rs = [r for c in cases for b in BUDGETS for r in [recall(c, order(c, names, model), b)] if r is not None]
    return sum(rs) / len(rs) if rs else 0.0


def ascend(data, repos, names, start, steps=(-1.0, -0.5, -0.25, 0.25, 0.5, 1.0), sweeps=2):
    """Coordinate ascent on the simulated recall itself, from a fitted model: each weight in turn moved by each step
    while that raises the objective on the training repositories. Cases are cut to their top files (by the start
    model) and truth, which is all a budget of 32k can reach."""
    cases = []
    for r in repos:
        for c in data[r]:
            top = order(c, names, start)[:TOP]
            keep = {f["path"] for f in top} | {f["path"] for f in c["files"] if f["truth"] or f["target"]}
            cases.append({"commit": c["commit"], "files": [f for f in c["files"] if f["path"] in keep]})
    model = {"bias": start["bias"], "weights": dict(start["weights"])}
    best = objective(cases, names, model)
    for _ in range(sweeps):
        for n in sorted(model["weights"]):
            for step in steps:
                trial = {"bias": model["bias"], "weights": dict(model["weights"], **{n: model["weights"][n] + step})}
                value = objective(cases, names, trial)
                if value > best + 1e-9:
                    model, best = trial, value
    return model


TOP = 150


# ---------------------------------------------------------------- selection policies (issue 25)
#
# The budget is filled in some order, each file in full if it still fits, else skipped. `rank` is the model's order
# (today's tool); `density` orders by p / cost^alpha, the expected truth files per token of a knapsack's greedy, with p
# the model's sigmoid (optionally recalibrated, below) and cost what the tool can know without reading the file: its
# length / 4 (the `size` feature, which holds log(1 + chars / 4) / 10) plus the block's 20 tokens of tags; `top k`
# takes the k most probable files first, in rank order, then the rest by density. alpha, k (and whether to
# recalibrate) are chosen on the nine other repositories, never on the one scored.

ALPHAS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0)
TOPS = (0, 1, 2, 3)


def tool_model():
    """TaskWeights' constants, read from the C# source so that the simulation keeps in step with it."""
    text = open(os.path.join(os.path.dirname(HERE), "src", "Packer.Core", "Localization", "TaskWeights.cs")).read()
    bias = float(re.search(r"Bias \{ get; init; \} = (-?[0-9.]+);", text).group(1))
    return {"bias": bias, "weights": {n: float(w) for n, w in re.findall(r'\["(\w+)"\] = (-?[0-9.]+),', text)}}


def logits(case, names, model):
    """{path: log-odds} of the case's non-target files; a feature name read twice (the tool's and a candidate's
    `pair`) is the tool's, its first."""
    idx = {}
    for i, n in enumerate(names):
        idx.setdefault(n, i)
    return {f["path"]: model["bias"] + sum(w * f["x"][idx[n]] for n, w in model["weights"].items() if n in idx)
            for f in case["files"] if not f["target"]}


def platt(cases, names, model):
    """(a, b) of p = sigmoid(a z + b), fitted unweighted on every non-target file of the cases. The fit's own sigmoid
    is fitted with each case's truth and other files weighing 1 in all, so it is far from a probability (b is about
    -4.1 on it); TaskWeights' were set by hand (a about 1.09, b about -0.9)."""
    zs, ys = [], []
    for c in cases:
        z = logits(c, names, model)
        for f in c["files"]:
            if not f["target"]:
                zs.append(z[f["path"]])
                ys.append(1.0 if f["truth"] else 0.0)
    b, (a,) = logistic([zs], ys, [1.0] * len(ys), l2=0.0, iterations=25)
    return a, b


def prepared(case, names, exact):
    """The case's non-target files as (path, cost for density, tokens + 20, truth), the tokens already taken by targets."""
    k = names.index("size")
    files = [(f["path"], (f["tokens"] + 20) if exact else math.exp(f["x"][k] * 10) - 1 + 20, f["tokens"] + 20, f["truth"])
             for f in case["files"] if not f["target"]]
    return files, sum(f["tokens"] + 20 for f in case["files"] if f["target"])


def fill(files, taken, order, budget):
    """Recall in full of filling the budget in `order` (indices into files), each file in full if it still fits."""
    used, hits, truths = taken, 0, sum(1 for f in files if f[3])
    for i in order:
        if used + files[i][2] <= budget * SHARE:
            used += files[i][2]
            hits += files[i][3]
    return hits / truths if truths else None


def orders(files, z, top, alpha, calib, shipped=False):
    """The policy's order: the `top` most probable files first (by the model's order), then the rest by p / cost^alpha.
    `shipped` ranks as the tool does, by p to two significant digits (Ranker.Significant), ties by ordinal path."""
    a, b = calib or (1.0, 0.0)
    prob = [sigmoid(a * v + b) for v in z]
    rounded = [significant(v) if shipped else round(v, 12) for v in prob]
    by_p = sorted(range(len(files)), key=lambda i: (-rounded[i], files[i][0]))
    head, rest = by_p[:top], by_p[top:]
    if alpha:
        rest = sorted(rest, key=lambda i: (-prob[i] / files[i][1] ** alpha, files[i][0]))
    return head + rest


def grid_scores(data, names, model, params, calib, exact):
    """{(repo, param, budget): mean recall} of one model over every repository."""
    out = {}
    for repo, cases in data.items():
        prepped = []
        for c in cases:
            files, taken = prepared(c, names, exact)
            z = logits(c, names, model)
            prepped.append((files, taken, [z[f[0]] for f in files]))
        for param in params:
            top, alpha, cal = param
            rs = {b: [] for b in BUDGETS}
            for files, taken, z in prepped:
                order = orders(files, z, top, alpha, calib if cal is True else None, shipped=cal == "shipped")
                for b in BUDGETS:
                    r = fill(files, taken, order, b)
                    if r is not None:
                        rs[b].append(r)
            for b in BUDGETS:
                out[(repo, param, b)] = sum(rs[b]) / len(rs[b]) if rs[b] else 0.0
    return out


def why(data, names):
    """Prints, for TaskWeights' order unrounded, where the truth files go at each budget (in full; reached but no
    longer fitting; ranked below what fits), how often the top ten's large and small files are truth, and the
    simulated recall of skipping, in rank order, every file over a share of the room."""
    model = tool_model()
    prepped = []
    for repo, cases in data.items():
        for c in cases:
            files, taken = prepared(c, names, True)
            z = logits(c, names, model)
            prepped.append((repo, files, taken, orders(files, [z[f[0]] for f in files], 0, 0.0, None)))
    for bud in BUDGETS:
        room, counts, larger = bud * SHARE, {"in full": 0, "reached, no longer fitting": 0, "ranked below what fits": 0}, 0
        for _, files, taken, order in prepped:
            used, chosen, last = taken, set(), -1
            for pos, i in enumerate(order):
                if used + files[i][2] <= room:
                    used += files[i][2]
                    chosen.add(i)
                    last = pos
            for pos, i in enumerate(order):
                if files[i][3]:
                    key = "in full" if i in chosen else "reached, no longer fitting" if pos < last else "ranked below what fits"
                    counts[key] += 1
                    larger += files[i][2] > room
        print(f"@{bud // 1000}k, truth files: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + f" ({larger} larger than the whole room)")
    top = {"over 1,500 tokens": [0, 0], "the others": [0, 0]}
    for _, files, _, order in prepped:
        for i in order[:10]:
            t = top["over 1,500 tokens" if files[i][2] > 1500 else "the others"]
            t[0] += files[i][3]
            t[1] += 1
    print("truth among the top ten: " + ", ".join(f"{k} {v[0]} of {v[1]}" for k, v in top.items()))
    for share in (1.0, 0.5, 0.25):
        means = []
        for bud in BUDGETS:
            per = {}
            for repo, files, taken, order in prepped:
                r = fill(files, taken, [i for i in order if files[i][2] <= share * bud * SHARE], bud)
                if r is not None:
                    per.setdefault(repo, []).append(r)
            means.append(sum(sum(v) / len(v) for v in per.values()) / len(per))
        print(f"rank order, files over {share:g} of the room skipped: {means[0]:.3f} / {means[1]:.3f}")


def policies(data, names, fitted, exact=False, alphas=ALPHAS):
    """Prints, for the tool's weights and for the fit left one repository out, the simulated recall per repository
    of: rank order; density with alpha chosen on the other nine; top k then density with k and alpha chosen there;
    the same with a Platt recalibration fitted on the other nine; and density at each fixed alpha (for reading)."""
    repos = list(data)
    params = [(t, a, cal) for cal in (False, True) for t in TOPS for a in alphas] + [(0, 0.0, "shipped")]
    rows = {}
    for label, model_of in (("tool", lambda r: tool_model()), ("fit", fitted)):
        per_fold = {}
        for r in repos:
            model = model_of(r)
            train = [o for o in repos if o != r]
            calib = platt([c for o in train for c in data[o]], names, model)
            if label == "tool" and r != repos[0]:   # the same model in every fold: only the calibration's scores move
                shared = per_fold[repos[0]][0]
                scores = {**shared, **grid_scores(data, names, model, [q for q in params if q[2] is True], calib, exact)}
            else:
                scores = grid_scores(data, names, model, params, calib, exact)
            per_fold[r] = (scores, calib)
        def pick(r, allowed):
            scores, _ = per_fold[r]
            train = [o for o in repos if o != r]
            return max(allowed, key=lambda q: (sum(scores[(o, q, b)] for o in train for b in BUDGETS), -q[0], -q[1]))
        variants = {
            f"{label} rank, shipped (p to 2 digits)": lambda r: (0, 0.0, "shipped"),
            f"{label} rank": lambda r: (0, 0.0, False),
            f"{label} density": lambda r: pick(r, [(0, a, False) for a in alphas]),
            f"{label} top-k+density": lambda r: pick(r, [(t, a, False) for t in TOPS for a in alphas]),
            f"{label} calibrated top-k+density": lambda r: pick(r, [(t, a, True) for t in TOPS for a in alphas]),
        }
        variants.update({f"{label} density a={a}": (lambda a: lambda r: (0, a, False))(a) for a in alphas if a})
        for v, chooser in variants.items():
            rows[v] = {r: (chooser(r), [per_fold[r][0][(r, chooser(r), b)] for b in BUDGETS]) for r in repos}
        for r in repos:
            print(f"{label}: fold {r}: platt a={per_fold[r][1][0]:.3f} b={per_fold[r][1][1]:.3f}", file=sys.stderr)
    print("| policy | " + " | ".join(f"{r} @8k / @32k" for r in repos) + " | **mean @8k** | **mean @32k** |")
    print("|" + " --- |" * (len(repos) + 3))
    for v, per in rows.items():
        m8 = sum(per[r][1][0] for r in repos) / len(repos)
        m32 = sum(per[r][1][1] for r in repos) / len(repos)
        print(f"| {v} | " + " | ".join(f"{per[r][1][0]:.3f} / {per[r][1][1]:.3f}" for r in repos) + f" | **{m8:.3f}** | **{m32:.3f}** |")
    print()
    print("Parameters chosen on the other nine (top k, alpha, recalibrated), per held-out repository:")
    for v, per in rows.items():
        if "a=" not in v and " rank" not in v:
            print(f"- {v}: " + ", ".join(f"{r} {per[r][0][0]}/{per[r][0][1]}{'/c' if per[r][0][2] is True else ''}" for r in repos))
    print()
    why(data, names)


def csharp(model):
    lines = [f"    public double Bias {{ get; init; }} = {model['bias']:.4f};", ""]
    lines += [f"        [\"{n}\"] = {w:.4f}," for n, w in model["weights"].items()]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["loro", "weights", "export", "policies"])
    ap.add_argument("--ascend", action="store_true", help="after the logistic fit, coordinate ascent on the simulated recall")
    ap.add_argument("outs", nargs="*")
    ap.add_argument("--recorded")
    ap.add_argument("--exact", action="store_true", help="policies: density by the bench's token counts, not the tool's estimate from length")
    ap.add_argument("--alphas", help="policies: the exponents to try, comma-separated (default 0,0.1,0.2,0.3,0.4,0.5,0.75,1)")
    ap.add_argument("--extra", help="comma-separated candidate features (of EXTRA) to fit beside the tool's")
    a = ap.parse_args()
    if a.command == "export":
        data, names = load(a.outs)
        export(data, names, a.recorded)
        print(f"{sum(len(c) for c in data.values())} cases of {len(data)} repositories written to {a.recorded}")
        return
    data, names = load_recorded(a.recorded) if a.recorded and not a.outs else load(a.outs)
    everything = [k for k, n in enumerate(names) if n not in EXTRA or n in (a.extra or "").split(",")]
    def train(repos):
        model = fit(data, repos, names, everything)
        return ascend(data, repos, names, model) if a.ascend else model
    if a.command == "weights":
        print(csharp(train(list(data))))
        return
    folds = {r: train([o for o in data if o != r]) for r in data}
    if a.command == "policies":
        policies(data, names, folds.get, exact=a.exact, alphas=tuple(float(v) for v in a.alphas.split(",")) if a.alphas else ALPHAS)
        return
    table(data, names, {"fitted (loro)": folds.get, "run order": lambda r: None, "bm25": lambda r: bm25_model(names)})


if __name__ == "__main__":
    main()
