#!/usr/bin/env python3
"""The lexical baseline's similarity of every C# file to the seed, per case, read straight from the git
directory at the case's parent (no work tree): the same identifiers, TF-IDF and cosine as
../shared/bench/run.py's `lexical`. Writes <commit10>.lexsim.json ({path: cosine}, rounded) next to the
case's manifests in OUT, so that a fit on an ordinary table.py output (derive.py) has the unscaled name
similarity that its manifests cap (Signals.Names is capped at the top twentieth). table.py writes them itself
for the cases it ran; this script is for outputs made before it did.

usage: lexsim.py OUT [--repos a,b] [--mirrors DIR] [--unseen]
"""
import argparse, collections, json, math, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402
from common import REPOS, UNSEEN, git_dir  # noqa: E402

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]{2,}")


def blobs(gd, rev):
    """{path: text} of every .cs file at rev (regular files only, as run.py's os.path.isfile keeps)."""
    ls = subprocess.run(["git", "--git-dir", gd, "ls-tree", "-r", "-z", rev], capture_output=True, check=True).stdout
    entries = []
    for item in ls.split(b"\0"):
        if not item:
            continue
        meta, path = item.split(b"\t", 1)
        mode, kind, sha = meta.split()
        path = path.decode("utf-8", "replace")
        if kind == b"blob" and mode in (b"100644", b"100755") and path.endswith(".cs"):
            entries.append((path, sha.decode()))
    p = subprocess.run(["git", "--git-dir", gd, "cat-file", "--batch"], input="".join(s + "\n" for _, s in entries).encode(),
                       capture_output=True, check=True).stdout
    out, pos = {}, 0
    for path, _ in entries:
        nl = p.index(b"\n", pos)
        size = int(p[pos:nl].split()[2])
        out[path] = p[nl + 1:nl + 1 + size].decode("utf-8", "replace")
        pos = nl + 1 + size + 1
    return out


def similarities(texts, seed):
    tf = {f: collections.Counter(IDENT.findall(t)) for f, t in texts.items()}
    df = collections.Counter(w for c in tf.values() for w in c)
    n = len(texts)

    def vec(c):
        return {w: (1 + math.log(k)) * math.log(n / df[w]) for w, k in c.items() if df[w]}
    sv = vec(tf.get(seed, collections.Counter()))
    sn = math.sqrt(sum(v * v for v in sv.values())) or 1
    out = {}
    for f in sorted(texts):
        v = vec(tf[f])
        vn = math.sqrt(sum(x * x for x in v.values())) or 1
        out[f] = round(sum(sv.get(w, 0) * x for w, x in v.items()) / (sn * vn), 6)
    return out


def write(folder, gd, cases):
    """<commit10>.lexsim.json in folder for each case, read from the git directory gd; a case whose file exists is
    left as it is, one whose seed is not at its parent is skipped. Returns how many it wrote."""
    written = 0
    for c in cases:
        dest = os.path.join(folder, c["commit"][:10] + ".lexsim.json")
        if os.path.isfile(dest):
            continue
        texts = blobs(gd, c["parent"])
        if c["seed"] not in texts:
            continue
        with open(dest, "w") as fh:
            json.dump(similarities(texts, c["seed"]), fh, separators=(",", ":"), sort_keys=True)
        written += 1
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="a table.py output (table.py writes these itself since it ran them)")
    ap.add_argument("--repos", help="comma-separated names (default: every repository OUT holds)")
    ap.add_argument("--mirrors", help="folder of the repositories' git directories, OWNER+NAME/repo (default $PACKER_BENCH_MIRRORS)")
    ap.add_argument("--unseen", action="store_true", help="OUT is a table.py --unseen output")
    a = ap.parse_args()
    mirrors = common.mirrors(a.mirrors)
    for name, owner_name, _ in common.chosen(UNSEEN if a.unseen else REPOS, a.repos):
        if not os.path.isdir(os.path.join(a.out, name)):
            continue
        gd = git_dir(mirrors, owner_name)
        if gd is None:
            print(f"{name}: skipped, no git directory under {mirrors}: {common.clone_line(mirrors, owner_name)}", file=sys.stderr)
            continue
        folder = os.path.join(a.out, name)
        packed = {f[:10] for f in os.listdir(folder) if f.endswith(".json")}  # the cases OUT ran
        with open(os.path.join(HERE, "unseen" if a.unseen else "cases", name + ".jsonl")) as fh:
            cases = [c for c in map(json.loads, fh) if c["commit"][:10] in packed]
        write(folder, gd, cases)
        print(name, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
