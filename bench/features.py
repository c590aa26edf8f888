#!/usr/bin/env python3
"""The ranking's model inputs, computed from a manifest's raw signals exactly as src/Packer.Core/Ranking/
FileFeatures.cs computes them (keep the two in step).

Each feature lies in [0, 1], rounded to six decimals as the tool rounds it. Those scaled "by the case" divide
by the best value among the non-target files of the same run, which the tool knows too: every file of the
solution is in its manifest.
"""
import bisect, math

# The model's features, in the order of RankingWeights (the C# constants) and of fit.py's output.
NAMES = [
    "graph",          # personalized PageRank, best non-target file = 1
    "direct",         # one edge from a target
    "twoHops",        # two edges from a target
    "uses",           # what the targets use from it, best = 1
    "usedBy",         # what it uses from the targets, best = 1
    "baseOfTarget",   # declares a type a target derives from or implements
    "derives",        # derives from or implements a target's type
    "partial",        # another part of a target's partial type
    "coUsage",        # uses what the targets use (cosine), best = 1
    "coCited",        # used by what uses the targets (cosine)
    "names",          # identifier TF-IDF cosine, the file at the top twentieth = 1 (capped)
    "nameSim",        # identifier TF-IDF cosine, best non-target file = 1 (not capped)
    "testPair",       # a target's test or subject by file name (FooTests for Foo)
    "sameName",       # a target's file name in another folder
    "stemWords",      # overlap of file-name words with a target's
    "stemContains",   # file name contains a target's, or the other way round
    "sameSuffix",     # the same last file-name word as a target (Controller, Handler)
    "sameFolder",     # in a target's folder
    "folder",         # 1 / (1 + folder steps to a target)
    "sameNamespace",  # declares types in a target's namespace
    "namespace",      # 1 / (1 + namespace steps), 0 when it declares none
    "sameProject",    # in a target's project
    "nearProject",    # in a project next to a target's
    "test",           # a test by its path
    "siblingTest",    # a test, and so is a target
    "subjectOfTest",  # not a test, and a target is
    "history",        # co-change with the targets, best = 1
    "historyCommits", # commits shared with a target: 1 - 1/(1 + n)
    "churn",          # how often it changed: log(1 + n) / log(1 + most in the case)
    "recency",        # 1 / (1 + days since its last change / 30); 0 when unknown
    "mentions",       # share of files spelling its most widely spelled declared name, square root
    "size",           # log(1 + tokens) / 10, tokens = characters / 4
    # Where the file stands among the case's non-target files by one feature: 1 / (1 + the number of files
    # strictly ahead of it), the best 1 (equal values share a place), 0 when the feature is 0. The scaled
    # features above say how close to the best a file is; these say how many files come before it, which is
    # what a budget cares about.
    "recencyRank",    # by the time of its last change: the most recently changed file 1
    "graphRank",      # by graph
    "historyRank",    # by history
    "coUsageRank",    # by coUsage
    "stemWordsRank",  # by stemWords
]

# Each rank feature and the feature it ranks by ("age": the time of the last change itself, so that a commit
# that does not touch a file leaves the order of the others as it was).
RANKED = {"recencyRank": "age", "graphRank": "graph", "historyRank": "history", "coUsageRank": "coUsage",
          "stemWordsRank": "stemWords"}


def _rank_value(by, s, x):
    """What a rank feature orders by, higher first, or None when the file has none (its rank feature is 0)."""
    if by == "age":
        return -s["age"] if s["age"] >= 0 else None
    v = x[NAMES.index(by)]
    return v if v > 0 else None


def _best(values):
    return max(values, default=0.0)


def vectors(signals, targets):
    """signals: the raw signals of every file of one run, in manifest order; targets: whether each is a target.
    Returns one feature list per file (targets included; the ranking never compares them, and their rank
    features are 0)."""
    others = [s for s, t in zip(signals, targets) if not t]
    best_uses = _best(s["uses"] for s in others)
    best_used_by = _best(s["usedBy"] for s in others)
    best_churn = _best(s["churn"] for s in others)
    best_names = _best(s.get("namesRaw", 0.0) for s in others)
    target_test = any(s["test"] == 1 for s, t in zip(signals, targets) if t)
    out = []
    for s in signals:
        hops, ns, test = s["hops"], s["namespace"], s["test"] == 1
        out.append([
            s["graph"],
            1.0 if hops == 1 else 0.0,
            1.0 if hops == 2 else 0.0,
            s["uses"] / best_uses if best_uses > 0 else 0.0,
            s["usedBy"] / best_used_by if best_used_by > 0 else 0.0,
            s["baseOfTarget"],
            s["derivesFromTarget"],
            s["partial"],
            s["coUsage"],
            s["coCited"],
            s["names"],
            s.get("namesRaw", 0.0) / best_names if best_names > 0 else 0.0,
            1.0 if s["fileName"] == 1 else 0.0,
            1.0 if s["fileName"] == 0.5 else 0.0,
            s["stemWords"],
            s["stemContains"],
            s["sameSuffix"],
            1.0 if s["folder"] == 1 else 0.0,
            s["folder"],
            1.0 if ns == 0 else 0.0,
            1.0 / (1.0 + ns) if ns >= 0 else 0.0,
            1.0 if s["project"] == 1 else 0.0,
            1.0 if s["project"] == 0.5 else 0.0,
            1.0 if test else 0.0,
            1.0 if test and target_test else 0.0,
            1.0 if not test and target_test else 0.0,
            s["history"],
            1.0 - 1.0 / (1.0 + s["historyCommits"]),
            math.log(1 + s["churn"]) / math.log(1 + best_churn) if best_churn > 0 else 0.0,
            1.0 / (1.0 + s["age"] / 30.0) if s["age"] >= 0 else 0.0,
            math.sqrt(s["mentions"]),
            math.log(1 + s["length"] / 4.0) / 10.0,
        ])
        out[-1] = [round(v, 6) for v in out[-1]]
    others = [i for i, t in enumerate(targets) if not t]
    for by in RANKED.values():
        values = [_rank_value(by, signals[i], out[i]) for i in range(len(out))]
        ahead = sorted(-values[i] for i in others if values[i] is not None)
        for i, x in enumerate(out):
            place = bisect.bisect_left(ahead, -values[i]) if values[i] is not None else 0  # how many are strictly ahead
            x.append(round(1.0 / (1 + place), 6) if not targets[i] and values[i] is not None else 0.0)
    return out
