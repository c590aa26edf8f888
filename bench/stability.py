#!/usr/bin/env python3
"""The cache-stability table with one command: how much of a bundle made after a real commit is an identical
prefix of the one made before it (what a prompt cache can reuse after the session's own edit), and whether two
runs on one state give the same bytes.

For each repository (default eShopOnWeb and spectre.console; with --unseen, MediatR and CsvHelper), the shared
bench's prefix.py packs each of the first --limit cases of bench/cases/<name>.jsonl (bench/unseen/) at the
commit's parent, again at the parent, and at the commit, at 32k tokens, through pack_case.py (the solution the
repository had then). Each run is handed the manifest of the run before it (`--previous`), as a session script
would, unless --fresh; the file is deleted before a repository's first case. Prints a markdown table (median and
mean prefix share, cases, nondeterministic runs) and writes under --out (default bench/out/stability, with
--unseen bench/out/stability-unseen):

  results.json         settings, per repository prefix.py's summary and every case's row, and its log
  table.md             the table printed at the end
  <name>.log           prefix.py's standard error (a JSON row per case, failures)

usage: stability.py [--tool PATH] [--mirrors DIR] [--out DIR] [--bench DIR] [--repos a,b] [--limit 10]
                    [--budget 32000] [--edit-room N] [--fresh] [--unseen] [--scratch DIR] [--timeout S]
"""
import argparse, json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import (REPOS, UNSEEN, chosen, clone_line, git_dir, harness, mirrors, out_dir, scratch_dir,  # noqa: E402
                    tool_command, tool_path)

DEFAULT_REPOS = "eShopOnWeb,spectre.console"


def run_repo(a, name, owner_name, solutions):
    cases = os.path.join(HERE, "unseen" if a.unseen else "cases", name + ".jsonl")
    gd = git_dir(a.mirrors, owner_name)
    if gd is None:
        print(f"{name}: skipped, no git directory {owner_name}/repo under {a.mirrors}: {clone_line(a.mirrors, owner_name)}", file=sys.stderr)
        return {"skipped": f"no mirror under {a.mirrors}"}
    keep = os.path.join(a.scratch, "keep", name)  # pack_case.py's per-run records; the table needs none of them
    extra = [] if a.fresh else ["--previous", os.path.join(a.scratch, name + ".previous.json")]
    if a.edit_room is not None:
        extra += ["--tool-args", f"--edit-room {a.edit_room}"]
    if not a.fresh and os.path.isfile(extra[1]):
        os.remove(extra[1])
    cmd = [sys.executable, os.path.join(a.bench, "prefix.py"), cases, "--git-dir", gd, "--sln", solutions[0],
           "--budget", str(a.budget), "--limit", str(a.limit), "--wt", os.path.join(a.scratch, "wt", name),
           "--cmd", tool_command(a, name, solutions, cases, keep, extra=extra)]
    t0 = time.time()
    log_path = os.path.join(a.out, name + ".log")
    with open(log_path, "w") as log:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=log, text=True)
    seconds = round(time.time() - t0)
    summary = json.loads(p.stdout.strip().splitlines()[-1]) if p.returncode == 0 and p.stdout.strip() else None
    with open(log_path) as log:
        rows = [json.loads(line) for line in log if line.startswith("{")]
    print(f"{name}: {seconds} s, {len(rows)} cases, summary {summary}", file=sys.stderr)
    result = {"git_dir": gd, "seconds": seconds, "summary": summary, "rows": rows}
    if summary is None:
        result["error"] = f"prefix.py exited {p.returncode}; see {log_path}"
    return result


def markdown(results):
    lines = ["| repository | cases | prefix median | prefix mean | nondeterministic |", "| --- | --- | --- | --- | --- |"]
    for name, r in results.items():
        s = r.get("summary")
        if s and s.get("cases"):
            lines.append(f"| {name} | {s['cases']} | {s['prefix_median']:.3f} | {s['prefix_mean']:.3f} | {s['nondeterministic']} |")
        else:
            lines.append(f"| {name} | {r.get('skipped') or r.get('error') or 'no case packed'} | | | |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tool", default="dotnet-pack-context",
                    help="the tool to measure: a command on PATH (default dotnet-pack-context), an executable, or a built .dll")
    ap.add_argument("--mirrors", help="folder of the repositories' git directories, OWNER+NAME/repo (default $PACKER_BENCH_MIRRORS)")
    ap.add_argument("--out", help="folder for results.json, table.md and the logs (default bench/out/stability, with --unseen bench/out/stability-unseen)")
    ap.add_argument("--bench", help="the shared bench, prefix.py's folder (default $PACKER_BENCH_HARNESS, else ../shared/bench beside this clone)")
    ap.add_argument("--repos", help=f"comma-separated names (default {DEFAULT_REPOS}; with --unseen both unseen ones)")
    ap.add_argument("--limit", type=int, default=10, help="cases per repository (default 10)")
    ap.add_argument("--budget", type=int, default=32000, help="the cap in tokens (default 32000)")
    ap.add_argument("--edit-room", type=int, help="the tool's --edit-room (default: the tool's own, 10)")
    ap.add_argument("--fresh", action="store_true", help="no --previous: every bundle packed afresh (the rank order column)")
    ap.add_argument("--unseen", action="store_true", help="the repositories nobody tuned on (bench/unseen/)")
    ap.add_argument("--scratch", help="work trees, the tool's cache, the previous manifests (default <temporary folder>/packer-bench/stability)")
    ap.add_argument("--timeout", type=int, default=1200, help="seconds one pack may take")
    a = ap.parse_args()
    kind = "stability-unseen" if a.unseen else "stability"
    repos = chosen(UNSEEN if a.unseen else REPOS, a.repos or (None if a.unseen else DEFAULT_REPOS))
    a.tool = tool_path(a.tool)
    a.mirrors = mirrors(a.mirrors)
    a.bench = harness(a.bench, ("prefix.py", "run.py", "count-tokens.mjs"))
    a.out, a.scratch = out_dir(a.out, kind), scratch_dir(a.scratch, kind)
    os.makedirs(a.out, exist_ok=True)
    os.makedirs(a.scratch, exist_ok=True)
    results = {name: run_repo(a, name, owner, sols) for name, owner, sols in repos}
    text = markdown(results)
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump({"tool": a.tool, "budget": a.budget, "limit": a.limit, "previous": not a.fresh, "edit_room": a.edit_room,
                   "repositories": results}, f, indent=1)
    with open(os.path.join(a.out, "table.md"), "w") as f:
        f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
