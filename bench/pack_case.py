#!/usr/bin/env python3
"""Runs the packer on one bench case and keeps what a fitting script needs; table.py makes run.py call it.

run.py checks a case out at its parent in a scratch work tree and calls its --cmd template per budget.
This script is that template's command: it picks the solution the repository had at that commit (the
first of --solutions that exists), runs the tool, copies the manifest to --keep as
<commit10>-<budget>.json (run.py overwrites its own copy every case), and writes beside it
<commit10>-<budget>.run.json (exit code, seconds, solution, the end of standard error) so that a
failure is recorded per case, and once per case <commit10>.tokens.json: the full-text token count of
every file the manifest lists (the manifest counts only what went into the bundle).

usage: pack_case.py --tool T --cases F --keep DIR --solutions A,B --root R (--seed S | --task-file F [--target-project])
                    --budget N --manifest M --out O [--cache-dir D] [--bench DIR] [--timeout S]
                    [--previous FILE] [--tool-args ARGS]

With --task-file (tasks.py) the tool packs from the task's text alone; with --target-project as well, also
around the project of the case's first truth file (the task+target column). With --previous (stability.py) the
tool is handed FILE as its earlier run's manifest, and FILE becomes this run's manifest, as a session script
would keep it. T is a command, an executable or a built .dll (run with `dotnet`); --tool-args are more of the
tool's options, as one shell-quoted string (e.g. "--edit-room 15").
"""
import argparse, json, os, shlex, shutil, signal, subprocess, sys, time


def git(root, *args):
    return subprocess.run(["git", "-C", root, *args], capture_output=True, text=True).stdout.strip()


def case_commit(cases_file, parent, seed=None, task=None):
    """The case's own commit, by its parent and seed or task text (run.py and task.py hand over neither)."""
    with open(cases_file) as f:
        for line in f:
            c = json.loads(line)
            if c["parent"] == parent and (c.get("seed") == seed if task is None else c.get("task") == task):
                return c["commit"]
    return "parent-" + parent


def case_truth(cases_file, commit):
    with open(cases_file) as f:
        for line in f:
            c = json.loads(line)
            if c["commit"] == commit:
                return c["truth"]
    return [""]


def owning_project(root, path, solution_text=""):
    """The name of the nearest project file above a file (its project), or None. Where a folder holds several
    (one per target framework, a signed twin), the first the solution names."""
    folder = os.path.dirname(os.path.join(root, path))
    while folder.startswith(root) and folder != root:
        projects = sorted(f for f in os.listdir(folder) if f.endswith((".csproj", ".xproj")))
        if projects:
            listed = [p for p in projects if p in solution_text]
            return os.path.splitext((listed or projects)[0])[0]
        folder = os.path.dirname(folder)
    return None


def pick_solution(root, candidates):
    for rel in candidates:
        if os.path.isfile(os.path.join(root, rel)):
            return rel
    return None


def run_tool(cmd, timeout):
    """Runs cmd in its own process group so that a timeout ends the tool and its BuildHost, nothing else."""
    t0 = time.time()
    try:
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    except OSError as e:  # no such tool, or not executable: a failed case, recorded as such
        return "not-run", str(e), 0.0
    try:
        _, err = p.communicate(timeout=timeout)
        code = p.returncode
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        _, err = p.communicate()
        code, err = "timeout", (err or "") + f"\ntimed out after {timeout} s"
    return code, err or "", round(time.time() - t0, 2)


def count_tokens(bench, root, paths):
    p = subprocess.run(["node", os.path.join(bench, "count-tokens.mjs"), "--json"], input=json.dumps(paths),
                       capture_output=True, text=True, cwd=root)
    return {k: v for k, v in sorted(json.loads(p.stdout).items())} if p.returncode == 0 else None


def main():
    ap = argparse.ArgumentParser()
    for name in ("--tool", "--cases", "--keep", "--solutions", "--root", "--budget", "--manifest", "--out"):
        ap.add_argument(name, required=True)
    ap.add_argument("--seed"); ap.add_argument("--task-file"); ap.add_argument("--target-project", action="store_true")
    ap.add_argument("--cache-dir"); ap.add_argument("--bench"); ap.add_argument("--timeout", type=int, default=1200)
    ap.add_argument("--previous"); ap.add_argument("--tool-args", default="")
    a = ap.parse_args()
    os.makedirs(a.keep, exist_ok=True)
    parent = git(a.root, "rev-parse", "HEAD")
    task = open(a.task_file, encoding="utf-8").read() if a.task_file else None
    commit = case_commit(a.cases, parent, a.seed, task)
    stem = os.path.join(a.keep, commit[:10])
    sln = pick_solution(a.root, a.solutions.split(","))
    record = {"parent": parent, "seed": a.seed, "budget": int(a.budget), "solution": sln}
    aim = ["--target", a.seed] if task is None else ["--task-file", a.task_file]
    if task is not None and a.target_project:
        text = open(os.path.join(a.root, sln), encoding="utf-8", errors="replace").read() if sln else ""
        project = owning_project(a.root, case_truth(a.cases, commit)[0], text)
        aim += ["--target", "project:" + project] if project else []
        record["target"] = project
    if sln is None:
        record.update(exit="no-solution", seconds=0, stderr=f"none of {a.solutions} exists at {parent[:10]}")
    else:
        tool = ["dotnet", a.tool] if a.tool.endswith(".dll") else [a.tool]
        cmd = [*tool, os.path.join(a.root, sln), *aim, "--max-tokens", a.budget,
               "--manifest", a.manifest, "-o", a.out, "-q", *shlex.split(a.tool_args)]
        if a.cache_dir:
            cmd += ["--cache-dir", a.cache_dir]
        if a.previous:  # none yet before the first case: the tool packs afresh, leaving the edit room free
            cmd += ["--previous", a.previous]
        code, err, secs = run_tool(cmd, a.timeout)
        record.update(exit=code, seconds=secs, stderr=err[-2000:])
    ok = record["exit"] == 0 and os.path.isfile(a.manifest)
    if ok and a.previous:
        shutil.copyfile(a.manifest, a.previous)
    if ok:
        with open(a.manifest) as f:
            manifest = json.load(f)
        with open(f"{stem}-{a.budget}.json", "w") as f:
            json.dump(manifest, f, separators=(",", ":"))
        if a.bench and not os.path.isfile(stem + ".tokens.json"):
            tokens = count_tokens(a.bench, a.root, [m["path"] for m in manifest["files"]])
            if tokens is not None:
                with open(stem + ".tokens.json", "w") as f:
                    json.dump(tokens, f, separators=(",", ":"))
    with open(f"{stem}-{a.budget}.run.json", "w") as f:
        json.dump(record, f, indent=1, sort_keys=True)
    if not ok:
        print(f"{record['exit']}: {record['stderr'][-300:]}", file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
