#!/usr/bin/env python3
"""Simulation cases from an ordinary table.py output (both budgets, any build that writes the seven signals and
reasons), for when a recording build's output is not at hand: every file's features come from what the
manifest says (signals, reason, path, project) and the bench's token counts.

What the manifest of an ordinary build holds, per file: the seven signals (graph, coUsage, names, fileName,
folder, project, history), the reason (whose first words say how the file is tied to a target: the strongest
edge of a file one hop away, or "N hops via"), the block's tokens when it went in. From that:

  hops           1 for a direct reason, N for "N hops via", -1 otherwise
  tie            the kind of the strongest edge to a target (Reasons.For): declares (a target uses it), uses (it
                 uses a target), base (declares what a target implements or extends), derives, partial
  test, stemWords, stemContains, sameSuffix   from the paths, as FileNames and NameAffinity compute them
  fullTokens     the block's tokens when it went in full at either budget, else the bench's count of the text
                 plus the framing (fitted on the blocks that went in)
  namesRaw       the lexical baseline's cosine (lexsim.py), a stand-in for NameSimilarity's unscaled value
  signatureTokens the block's tokens when it went in as signatures at either budget, else a share of the full
                 text (SIG_SHARE, the median of the blocks that did)

The rest of what a recording build writes (uses/usedBy weights, co-citation, namespaces, history counts, churn,
age, mentions) is not in such a manifest, so models fitted on derived cases may use only the features above.
"""
import json, os, re

SIG_SHARE = 0.4


def is_test(path):
    """FileNames.IsTest."""
    last = path[path.rfind("/") + 1:]
    for seg in path.split("/"):
        name = stem(seg) if seg == last else seg
        low = name.lower()
        if (name.endswith(("Test", "Tests", "Spec", "Specs")) or low in ("test", "tests", "spec", "specs")
                or low.endswith((".tests", ".test", "-tests", "_tests"))):
            return True
    return False


def stem(path):
    """RepoPath.Stem: the file name up to its first dot."""
    name = path[path.rfind("/") + 1:]
    dot = name.find(".")
    return name if dot <= 0 else name[:dot]


def subject(s):
    for suffix in ("Tests", "Test", "Specs", "Spec", "Fixture"):
        if len(s) > len(suffix) and s.endswith(suffix):
            return s[:-len(suffix)]
    return s


def words(path):
    """FileNames.Words: the file name's words, test suffixes removed, lower case."""
    name = path[path.rfind("/") + 1:]
    dot = name.rfind(".")
    name = name[:dot] if dot > 0 else name
    out = []
    for part in re.split(r"[._\-]", name):
        sub = subject(part)
        start = 0
        for i in range(1, len(sub) + 1):
            if i == len(sub) or (sub[i].isupper() and (sub[i - 1].islower() or (i + 1 < len(sub) and sub[i + 1].islower()))):
                if i > start:
                    out.append(sub[start:i].lower())
                start = i
    return out


def overlap(a, b):
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb)


def tie_of(reason):
    """The hop count and the kind of tie the reason names."""
    if reason.startswith("declares another part of"):
        return 1, "partial"
    if reason.startswith("implements or extends "):
        return 1, "derives"
    if reason.startswith("declares ") and "which " in reason and reason.endswith(" implements or extends"):
        return 1, "base"
    if reason.startswith("declares ") and " used by " in reason:
        return 1, "declares"
    if reason.startswith("uses ") and " from " in reason:
        return 1, "uses"
    m = re.match(r"(\d+) hops via ", reason)
    if m:
        return int(m.group(1)), None
    return -1, None


def raw_signals(files, targets):
    """Recording-style raw signals of every file of a manifest (features.vectors reads these)."""
    t_words = [words(t) for t in targets]
    t_subjects = [s for s in (subject(stem(t)) for t in targets) if len(s) >= 4]
    t_suffixes = {w[-1] for w in t_words if len(w) > 1}
    out = []
    for f in files:
        s = dict(f["signals"])
        hops, tie = tie_of(f.get("reason", ""))
        w = words(f["path"])
        sub = subject(stem(f["path"]))
        # Manifests of builds since the model's features hold their raw values; older ones only the reason.
        defaults = {
            "hops": hops,
            "uses": 1.0 if tie == "declares" else 0.0,
            "usedBy": 1.0 if tie == "uses" else 0.0,
            "baseOfTarget": 1.0 if tie == "base" else 0.0,
            "derivesFromTarget": 1.0 if tie == "derives" else 0.0,
            "partial": 1.0 if tie == "partial" else 0.0,
            "namespace": -1, "coCited": 0.0, "historyCommits": 0, "churn": 0, "age": -1, "mentions": 0.0,
        }
        s.update({k: v for k, v in defaults.items() if k not in f["signals"]})
        s.update({
            "test": 1 if is_test(f["path"]) else 0,
            "stemWords": max((overlap(w, t) for t in t_words), default=0.0),
            "stemContains": 1 if len(sub) >= 4 and any(t != sub and (t in sub or sub in t) for t in t_subjects) else 0,
            "sameSuffix": 1 if len(w) > 1 and w[-1] in t_suffixes else 0,
        })
        out.append(s)
    return out


def load_case(out, name, commit10, truth, seed):
    """The case of one commit from both budgets' manifests and the token counts, or None."""
    paths = {b: os.path.join(out, name, f"{commit10}-{b}.json") for b in (8000, 32000)}
    tok_path = os.path.join(out, name, f"{commit10}.tokens.json")
    if not all(os.path.isfile(p) for p in paths.values()) or not os.path.isfile(tok_path):
        return None
    ms = {}
    for b, p in paths.items():
        with open(p) as fh:
            ms[b] = json.load(fh)
    with open(tok_path) as fh:
        tokens = json.load(fh)
    lex_path = os.path.join(out, name, f"{commit10}.lexsim.json")
    lexsim = {}
    if os.path.isfile(lex_path):
        with open(lex_path) as fh:
            lexsim = json.load(fh)
    m = ms[8000]
    targets = [p for t in m["targets"] for p in t["files"]]
    tset, truth = set(targets), set(truth)
    seen = {}
    for b in (8000, 32000):
        for f in ms[b]["files"]:
            if f["fidelity"] in ("full", "signatures"):
                seen[(f["path"], f["fidelity"])] = f["tokens"]
    signals = raw_signals(m["files"], targets)
    files = []
    for f, s in zip(m["files"], signals):
        bench = tokens.get(f["path"]) or 0
        full = seen.get((f["path"], "full"), bench + framing(f) if bench else 0)
        sig = seen.get((f["path"], "signatures"), int(full * SIG_SHARE) if f["path"].endswith(".cs") else 0)
        s["fullTokens"], s["signatureTokens"] = full, sig
        s["length"] = bench * 4
        s["namesRaw"] = lexsim.get(f["path"], 0.0)
        files.append({
            "path": f["path"], "project": f["project"], "rank": f["rank"], "target": f["path"] in tset,
            "truth": f["path"] in truth, "full": full, "sig": sig, "chars": bench * 4,
            "volatile": s["hops"] == 1 or s.get("history", 0) > 0, "direct": s["hops"] == 1, "signals": s,
            "fidelity": f["fidelity"], "tokens": f["tokens"], "listing": f["tokens"] if f["fidelity"] == "listed" else None,
            "fidelities": {b: next((g["fidelity"] for g in ms[b]["files"] if g["path"] == f["path"]), "omitted") for b in ms},
        })
    frames = {}
    for b in (8000, 32000):
        h = next((x["tokenEnd"] - x["tokenStart"] for x in ms[b]["segments"] if x["kind"] == "header"), 0)
        frames[b] = (h, sum(g["tokens"] for g in ms[b]["files"] if g["path"] in tset))
    return {"seed": seed, "max": 8000, "header": frames[8000][0], "files": files, "target_tokens": frames[8000][1],
            "truth": [f for f in files if f["truth"]], "n_truth": len([t for t in truth if t != seed]), "frames": frames}


def framing(f):
    """A full block's tokens beyond its text: the file tag with path and project (fitted on blocks that went in)."""
    return 20 + (len(f["path"]) + len(f["project"])) // 5

