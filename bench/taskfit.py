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

OUT: tasks.py output folders (<repo>/<commit10>-32000.json and <commit10>.tokens.json); a repository is read from
the first folder that has it.
"""
import argparse, gzip, hashlib, json, math, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fit import logistic, sigmoid  # noqa: E402
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


def csharp(model):
    lines = [f"    public double Bias {{ get; init; }} = {model['bias']:.4f};", ""]
    lines += [f"        [\"{n}\"] = {w:.4f}," for n, w in model["weights"].items()]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["loro", "weights", "export"])
    ap.add_argument("--ascend", action="store_true", help="after the logistic fit, coordinate ascent on the simulated recall")
    ap.add_argument("outs", nargs="*")
    ap.add_argument("--recorded")
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
    table(data, names, {"fitted (loro)": folds.get, "run order": lambda r: None, "bm25": lambda r: bm25_model(names)})


if __name__ == "__main__":
    main()
