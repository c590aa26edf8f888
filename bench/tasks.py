#!/usr/bin/env python3
"""The task table with one command: real issues of the ten tuning repositories (bench/tasks/<name>.jsonl), each
linked to the commit that fixed it, the packer given only the issue's text at 8k and 32k tokens, against BM25.

For each repository whose git directory is under the mirrors folder (--mirrors or $PACKER_BENCH_MIRRORS:
OWNER+NAME/repo, a bare clone, or OWNER+NAME itself), the shared bench's task.py checks every case out at its parent and runs the tool through
pack_case.py (the solution the repository had then; each case's manifest kept, with every file's task features,
and the bench's own token count of every file, which is what bench/taskfit.py fits on). Prints a markdown table
(tool full / tool any / BM25, over all truth files and over the non-test ones) and writes under --out (default
bench/out/tasks, with --with-target bench/out/tasks-with-target):

  results.json                   settings, per repository task.py's summary and every case's row, the means
  table.md                       the table printed at the end
  <name>/<commit10>-<budget>.json       the tool's manifest for the case
  <name>/<commit10>.tokens.json         full-text tokens of every file the manifest lists
  <name>/run.log                 task.py's standard error (a JSON row per case, failures)

usage: tasks.py [--tool PATH] [--mirrors DIR] [--out DIR] [--bench DIR] [--repos a,b] [--limit N]
                [--budgets 8000,32000] [--scratch DIR] [--timeout S] [--with-target]
"""
import argparse, json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import REPOS, chosen, clone_line, git_dir, harness, mirrors, out_dir, scratch_dir, tool_command, tool_path  # noqa: E402
COLUMNS = [("tool", "tool full"), ("tool_any", "tool any"), ("bm25", "BM25"),
           ("src:tool", "src: tool full"), ("src:bm25", "src: BM25")]


def run_repo(a, name, owner_name, solutions, budgets):
    cases = os.path.join(HERE, "tasks", name + ".jsonl")
    gd = git_dir(a.mirrors, owner_name)
    if not os.path.isfile(cases):
        return {"skipped": "no cases"}
    if gd is None:
        print(f"{name}: skipped, no git directory {owner_name}/repo under {a.mirrors}: {clone_line(a.mirrors, owner_name)}", file=sys.stderr)
        return {"skipped": f"no mirror under {a.mirrors}"}
    keep = os.path.join(a.out, name); os.makedirs(keep, exist_ok=True)
    cmd = [sys.executable, os.path.join(a.bench, "task.py"), cases, "--git-dir", gd, "--sln", solutions[0],
           "--budgets", ",".join(map(str, budgets)), "--limit", str(a.limit), "--wt", os.path.join(a.scratch, "wt", name),
           "--cmd", tool_command(a, name, solutions, cases, keep, "--task-file {task_file}" + (" --target-project" if a.with_target else ""))]
    t0 = time.time()
    with open(os.path.join(keep, "run.log"), "w") as log:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=log, text=True)
    seconds = round(time.time() - t0)
    summary = json.loads(p.stdout.strip().splitlines()[-1]) if p.returncode == 0 and p.stdout.strip() else None
    with open(os.path.join(keep, "run.log")) as log:
        rows = [json.loads(line) for line in log if line.startswith("{")]
    print(f"{name}: {seconds} s, {len(rows)} cases, summary {summary}", file=sys.stderr)
    return {"git_dir": gd, "seconds": seconds, "summary": summary, "rows": rows}


def markdown(results, budgets):
    keys = [(f"{k}@{b}", f"{label} @{b // 1000}k") for b in budgets for k, label in COLUMNS]
    lines = ["| repository | cases | " + " | ".join(l for _, l in keys) + " |", "|" + " --- |" * (len(keys) + 2)]
    done = [(n, r["summary"]) for n, r in results.items() if r.get("summary")]
    for name, s in done:
        lines.append(f"| {name} | {s.get('cases', 0)} | " + " | ".join(f"{s.get(k, float('nan')):.3f}" for k, _ in keys) + " |")
    means = {k: round(sum(s.get(k, 0) for _, s in done) / len(done), 3) for k, _ in keys} if done else {}
    if done:
        lines.append(f"| **mean of {len(done)}** | {sum(s.get('cases', 0) for _, s in done)} | "
                     + " | ".join(f"**{means[k]:.3f}**" for k, _ in keys) + " |")
    return "\n".join(lines), means


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tool", default="dotnet-pack-context",
                    help="the tool to measure: a command on PATH (default dotnet-pack-context), an executable, or a built .dll")
    ap.add_argument("--mirrors", help="folder of the repositories' git directories, OWNER+NAME/repo (default $PACKER_BENCH_MIRRORS)")
    ap.add_argument("--out", help="folder for results.json, table.md, manifests (default bench/out/tasks, with --with-target bench/out/tasks-with-target)")
    ap.add_argument("--bench", help="the shared bench, task.py's folder (default $PACKER_BENCH_HARNESS, else ../shared/bench beside this clone)")
    ap.add_argument("--repos", help="comma-separated names to run (default: all ten)")
    ap.add_argument("--limit", type=int, default=100, help="cases per repository")
    ap.add_argument("--budgets", default="8000,32000")
    ap.add_argument("--scratch", help="work trees and the tool's cache (default <temporary folder>/packer-bench/tasks)")
    ap.add_argument("--timeout", type=int, default=1200, help="seconds one pack may take")
    ap.add_argument("--with-target", action="store_true", help="also target the project of each case's first truth file")
    a = ap.parse_args()
    kind = "tasks-with-target" if a.with_target else "tasks"
    repos = chosen(REPOS, a.repos)
    a.tool = tool_path(a.tool)
    a.mirrors = mirrors(a.mirrors)
    a.bench = harness(a.bench, ("task.py", "count-tokens.mjs"))
    a.out, a.scratch = out_dir(a.out, kind), scratch_dir(a.scratch, kind)
    budgets = [int(b) for b in a.budgets.split(",")]
    os.makedirs(a.out, exist_ok=True)
    results = {name: run_repo(a, name, owner, sols, budgets) for name, owner, sols in repos}
    text, means = markdown(results, budgets)
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump({"tool": a.tool, "budgets": budgets, "with_target": a.with_target, "repositories": results, "means": means}, f, indent=1)
    with open(os.path.join(a.out, "table.md"), "w") as f:
        f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
