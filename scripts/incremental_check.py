#!/usr/bin/env python3
"""Checks on a real repository's history that a warm pack after edits gives a cold pack's bytes: a work tree steps
through consecutive commits, and at each one the tool packs with the cache the previous commit's pack left
(warm: only what the commit changed is read and bound again) and once more without any cache (--no-cache); the two
bundles and the two manifests must be byte-identical. A commit that changes the set of files or a project starts
the cache cold on its own (the line says so), which is checked the same way.

usage: scripts/incremental_check.py REPOSITORY --solution PATH --target SPEC [--commits N] [--last REV]
                                    [--max-tokens N] [--tool CMD]

REPOSITORY is a git repository (a bare one works: it is cloned into a temporary folder, removed after);
PATH (the solution) and SPEC (the target) are relative to its root; the commits are the --commits N first-parent
commits ending at --last (default HEAD), oldest first. It prints one line per commit (files changed, cache state,
files bound, identical or not) and exits 1 when any pair differs. Python 3 standard library only.
"""
import argparse, os, shlex, shutil, subprocess, sys, tempfile

from benchmark import publish_tool, run_once


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def pack(tool, tree, solution, target, max_tokens, out, extra):
    """Packs in the work tree (benchmark.py's run, which exits when the tool fails); returns its stats (cache state, files bound)."""
    _, stats = run_once([*tool, solution, "--target", target, "--max-tokens", str(max_tokens), "-o", out + ".xml",
                         "--manifest", out + ".json", "--verbose", *extra], tree)
    return stats


def same(a, b):
    return all(open(a + ext, "rb").read() == open(b + ext, "rb").read() for ext in (".xml", ".json"))


def main():
    parser = argparse.ArgumentParser(usage=__doc__.split("usage: ")[1].split("\n\n")[0])
    parser.add_argument("repository")
    parser.add_argument("--solution", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--commits", type=int, default=10)
    parser.add_argument("--last", default="HEAD")
    parser.add_argument("--max-tokens", type=int, default=32000)
    parser.add_argument("--tool", default=None, help="the command to run (default: this clone's CLI, published as benchmark.py does)")
    args = parser.parse_args()
    tool = shlex.split(args.tool) if args.tool else publish_tool()

    scratch = tempfile.mkdtemp(prefix="packer-incremental-")
    tree = os.path.join(scratch, "tree")
    os.environ["XDG_CACHE_HOME"] = os.path.join(scratch, "cache-home")  # the tool's analysis cache, for these runs only
    failures = 0
    try:
        subprocess.run(["git", "clone", "-q", "--no-checkout", args.repository, tree], check=True)
        commits = git(tree, "rev-list", "--first-parent", "--reverse", f"-n{args.commits + 1}", args.last).split()
        git(tree, "checkout", "-q", "--detach", commits[0])
        pack(tool, tree, args.solution, args.target, args.max_tokens, os.path.join(scratch, "prime"), [])
        for previous, commit in zip(commits, commits[1:]):
            changed = git(tree, "diff", "--name-only", previous, commit).split()
            git(tree, "checkout", "-q", "--detach", commit)
            if not os.path.exists(os.path.join(tree, args.solution)):
                print(f"{commit[:10]}  the solution is not there: stop")
                break
            warm_out, cold_out = os.path.join(scratch, "warm"), os.path.join(scratch, "cold")
            stats = pack(tool, tree, args.solution, args.target, args.max_tokens, warm_out, [])
            pack(tool, tree, args.solution, args.target, args.max_tokens, cold_out, ["--no-cache"])
            identical = same(warm_out, cold_out)
            failures += not identical
            cs = sum(p.endswith(".cs") for p in changed)
            print(f"{commit[:10]}  {len(changed):3d} files changed ({cs} .cs)  cache {stats['cache'] or '?':40.40s}  bound {stats.get('boundFiles', '?'):>4}"
                  f"  {'identical' if identical else 'DIFFERENT'}")
        print(f"{failures} of {len(commits) - 1} commits differ" if failures else f"all {len(commits) - 1} commits identical warm and cold")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
