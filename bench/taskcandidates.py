#!/usr/bin/env python3
"""Scores candidate task features that the tool does not compute, beside TaskWeights, left one repository out: each
candidate is added to the tool's model (bench/taskfit.py's tool_model) with a weight chosen on the other nine
repositories from a small grid, and the held-out repository is scored by taskfit.py's simulated budget. A candidate
that does not raise the mean at 8k and at 32k does not earn the work of computing it in the tool.

The candidates (each as a score normalized to the case's best, and as 1 / (1 + rank) among the files it scores):

  history    BM25 of the task over the messages of the commits that changed each file (before the fix: its parent's
             history, --commits newest, merges left out), as bug localization from version history does
  fulltext   BM25 of the task over each file's whole text (the tool's own bm25 reads paths and identifiers)
  comments   BM25 of the task over each file's comments and string literals alone
  pairs      a test file raised by its subject's model score (FooTests by Foo, Extensions and Test/Tests/Specs/Facts
             suffixes stripped), a second pass after the model's order: the fix's test is often the top subject's

  taskcandidates.py --mirrors DIR [--recorded FILE] [--only history,pairs] [--commits N]

It reads the recorded task features (bench/recorded/task-features.tsv.gz: the files a task run ranked, with its
features) and each case's repository at its parent commit from the mirrors (bench/README.md); it prints a table per
candidate: the mean simulated recall at 8k and 32k of the tool's model alone and with the candidate, left one
repository out, and the weights chosen per fold.
"""
import argparse, collections, gzip, itertools, json, math, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import REPOS, git_dir, mirrors  # noqa: E402
import taskfit  # noqa: E402

STOP = set("the a an and or of to in is it for on with this that be are as not when by at from if fix fixed fixes add added adds "
           "update updated use using should can was would have has but we i you my".split())
COMMENTS = re.compile(r'//[^\n]*|/\*.*?\*/|@?"(?:[^"\\\n]|\\.)*"', re.S)
TEST_SUFFIX = re.compile(r"(Tests?|Specs?|Facts|Fixture)$")


def words(text):
    """Lower-case words of a text: identifiers split at camelCase (and kept whole when they split), stop words out."""
    out = []
    for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text):
        parts = re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+", w)
        out += [p.lower() for p in parts if len(p) > 1 and p.lower() not in STOP]
        if len(parts) > 1:
            out.append(w.lower())
    return out


def bm25(query, docs, k1=1.2, b=0.75):
    """{path: Okapi BM25 of the query's words} over docs {path: [word]}."""
    n = len(docs) or 1
    tfs = {p: collections.Counter(d) for p, d in docs.items()}
    df = collections.Counter(t for tf in tfs.values() for t in tf)
    avg = sum(len(d) for d in docs.values()) / n or 1
    q = set(query)
    return {p: sum(math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5)) * tf[t] * (k1 + 1) / (tf[t] + k1 * (1 - b + b * len(docs[p]) / avg))
                   for t in q if t in tf) for p, tf in tfs.items()}


def normalized(scores, paths):
    """{path: (score / best, 1 / (1 + rank))} for the case's paths (0, 0 where a path scores nothing)."""
    best = max(scores.values(), default=0) or 1
    rank = {p: i for i, p in enumerate(sorted(scores, key=lambda p: (-scores[p], p)))}
    return {p: (scores.get(p, 0) / best, 1 / (1 + rank[p]) if scores.get(p, 0) > 0 else 0.0) for p in paths}


def history_docs(git, parent, commits):
    """{path: words of the messages of the commits that changed it}, None when the mirror lacks the parent commit."""
    log = subprocess.run(["git", "--git-dir", git, "log", "--no-merges", "-n", str(commits), "--format=%x01%s%n%b%x02", "--name-only", parent],
                         capture_output=True, text=True, errors="replace")
    if log.returncode != 0:
        return None
    raw = log.stdout
    docs = collections.defaultdict(list)
    for record in raw.split("\x01")[1:]:
        message, _, names = record.partition("\x02")
        said = words(re.sub(r"(Co-authored-by|Signed-off-by):.*", "", message))
        for name in names.split("\n"):
            if name.strip().endswith(".cs"):
                docs[name.strip()].extend(said)
    return docs


def texts(git, parent, paths):
    """{path: text at the parent commit} through one git cat-file --batch."""
    out = subprocess.run(["git", "--git-dir", git, "cat-file", "--batch"], input="".join(f"{parent}:{p}\n" for p in paths).encode(),
                         capture_output=True, check=True).stdout
    result, i = {}, 0
    for p in paths:
        end = out.index(b"\n", i)
        header = out[i:end].split()
        if header[-1] == b"missing":
            result[p], i = "", end + 1
            continue
        size = int(header[2])
        result[p], i = out[end + 1:end + 1 + size].decode("utf-8", "replace"), end + 1 + size + 1
    return result


def lexical(data, cases, folder, only, commits):
    """{candidate: {(repo, commit): {path: (score, rank)}}} for the lexical candidates."""
    out = {c: {} for c in ("history", "fulltext", "comments") if c in only}
    for repo, owner, _ in REPOS:
        git = git_dir(folder, owner)
        if repo not in data or git is None:
            continue
        for case in data[repo]:
            c = cases[(repo, case["commit"])]
            paths = [f["path"] for f in case["files"]]
            query = words(c["task"])
            if "history" in out:
                docs = history_docs(git, c["parent"], commits)
                if docs is None:
                    print(f"{repo} {case['commit']}: the mirror lacks its parent, scored without history", file=sys.stderr)
                out["history"][(repo, case["commit"])] = normalized(bm25(query, docs or {}), paths)
            if "fulltext" in out or "comments" in out:
                text = texts(git, c["parent"], paths)
                if "fulltext" in out:
                    out["fulltext"][(repo, case["commit"])] = normalized(bm25(query, {p: words(t) for p, t in text.items()}), paths)
                if "comments" in out:
                    out["comments"][(repo, case["commit"])] = normalized(bm25(query, {p: words(" ".join(COMMENTS.findall(t))) for p, t in text.items()}), paths)
        print(f"{repo}: read", file=sys.stderr)
    return out


def stem(path):
    return re.sub(r"Extensions?$", "", TEST_SUFFIX.sub("", os.path.basename(path)[:-3])).lower()


def scored(data, names, extra, weights):
    """{(repo, budget): mean simulated recall} of the tool's model plus w1 * score + w2 * rank of the candidate."""
    model = taskfit.tool_model()
    idx = {}
    for i, n in enumerate(names):
        idx.setdefault(n, i)
    model["weights"] = {n: w for n, w in model["weights"].items() if n in idx}
    out = {}
    for repo, cases in data.items():
        recalls = {b: [] for b in taskfit.BUDGETS}
        for case in cases:
            files = [f for f in case["files"] if not f["target"]]
            first = {f["path"]: model["bias"] + sum(w * f["x"][idx[n]] for n, w in model["weights"].items()) for f in files}
            rank = {p: i for i, p in enumerate(sorted(first, key=lambda p: (-first[p], p)))}
            z = {f["path"]: first[f["path"]] + sum(w * v for w, v in zip(weights, extra(repo, case, f, first, rank))) for f in files}
            order = sorted(files, key=lambda f: (-round(taskfit.sigmoid(z[f["path"]]), 12), f["path"]))
            for b in taskfit.BUDGETS:
                r = taskfit.recall(case, order, b)
                if r is not None:
                    recalls[b].append(r)
        for b in taskfit.BUDGETS:
            out[(repo, b)] = sum(recalls[b]) / len(recalls[b]) if recalls[b] else 0.0
    return out


def pairs_feature(data, names):
    """A test's raise from its best subject, from the model's first pass: the subject's probability over the case's
    best, and 1 / (1 + its rank)."""
    test = names.index("test")
    subjects_of = {}

    def extra(repo, case, f, first, rank):
        if f["x"][test] <= 0:
            return (0.0, 0.0)
        key = (repo, case["commit"])
        if key not in subjects_of:
            by_stem = collections.defaultdict(list)
            for g in case["files"]:
                if not g["target"] and g["x"][test] <= 0:
                    by_stem[stem(g["path"])].append(g["path"])
            subjects_of[key] = by_stem
        subjects = subjects_of[key].get(stem(f["path"]))
        if not subjects:
            return (0.0, 0.0)
        best = min(subjects, key=lambda p: rank[p])
        top = min(rank, key=rank.get)
        return (taskfit.sigmoid(first[best]) / taskfit.sigmoid(first[top]), 1 / (1 + rank[best]))
    return extra


def report(label, data, grid):
    repos = list(data)
    base = grid[(0.0, 0.0)]
    chosen, means = {}, {b: [] for b in taskfit.BUDGETS}
    for r in repos:
        train = [o for o in repos if o != r]
        chosen[r] = max(grid, key=lambda w: (sum(grid[w][(o, b)] for o in train for b in taskfit.BUDGETS), -w[0], -w[1]))
        for b in taskfit.BUDGETS:
            means[b].append(grid[chosen[r]][(r, b)])
    alone = [sum(base[(r, b)] for r in repos) / len(repos) for b in taskfit.BUDGETS]
    print(f"| {label} | {alone[0]:.3f} / {alone[1]:.3f} | "
          f"{sum(means[8000]) / len(repos):.3f} / {sum(means[32000]) / len(repos):.3f} | "
          + ", ".join(f"{r} {w[0]:g}/{w[1]:g}" for r, w in chosen.items()) + " |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirrors", help="the repositories as bare clones (bench/README.md); default $PACKER_BENCH_MIRRORS")
    ap.add_argument("--recorded", default=os.path.join(HERE, "recorded", "task-features.tsv.gz"))
    ap.add_argument("--only", default="history,fulltext,comments,pairs")
    ap.add_argument("--commits", type=int, default=3000, help="history: the newest commits read before each fix (default 3000)")
    a = ap.parse_args()
    only = a.only.split(",")
    data, names = taskfit.load_recorded(a.recorded)
    cases = {}
    for repo, _, _ in REPOS:
        path = os.path.join(HERE, "tasks", repo + ".jsonl")
        if os.path.isfile(path):
            cases.update({(repo, c["commit"][:10]): c for c in map(json.loads, open(path))})
    candidates = {}
    if {"history", "fulltext", "comments"} & set(only):
        for name, values in lexical(data, cases, mirrors(a.mirrors), only, a.commits).items():
            candidates[name] = ((lambda v: lambda repo, case, f, first, rank: v.get((repo, case["commit"]), {}).get(f["path"], (0.0, 0.0)))(values),
                                [0.0, 0.5, 1.0, 1.5, 2.0, 3.0], [0.0, 0.5, 1.0, 2.0])
    if "pairs" in only:
        candidates["pairs"] = (pairs_feature(data, names), [0.0, 1.0, 2.0], [0.0, 1.0, 2.0, 3.0])
    print("| candidate | the tool's model @8k / @32k | with the candidate, left one repository out | weights (score/rank) chosen per fold |")
    print("| --- | --- | --- | --- |")
    for label, (extra, scores, ranks) in candidates.items():
        report(label, data, {w: scored(data, names, extra, w) for w in itertools.product(scores, ranks)})


if __name__ == "__main__":
    main()
