#!/usr/bin/env python3
"""Where a command's CPU time goes, by kind of process: runs the command and reads /proc every 0.3 s, keeping the
last user + system seconds of each process it started (and of theirs, also once re-parented), then sums them by kind
(the test host, the installed tool, Roslyn's BuildHost, MSBuild nodes, dotnet build/pack/restore, the compiler, node
for the agents' CLIs, git, ...). For a test run whose wall time is bound by CPU on a small machine: it says which
processes to make fewer or cheaper.

usage: scripts/cpu_profile.py COMMAND [ARG ...]     e.g. scripts/cpu_profile.py dotnet test Packer.sln -c Release --no-build

Linux only; Python 3 standard library only. A process that lives less than a sampling interval is missed, and the
last 0.3 s of each one is not counted: the sums are a lower bound, close for processes that run a second or more.
"""
import collections, os, subprocess, sys, time

from benchmark import proc_stats

KINDS = [  # (what the command line holds, the kind), first match wins
    ("VBCSCompiler", "compiler server"),
    ("/csc", "compiler"),
    ("BuildHost", "Roslyn BuildHost"),
    ("testhost", "test host"),
    ("nodemode", "MSBuild node"),
    ("dotnet-pack-context", "the tool"),
    ("Packer.Cli", "the tool"),
    ("dotnet build", "dotnet build/pack/restore/clean"),
    ("dotnet pack", "dotnet build/pack/restore/clean"),
    ("dotnet restore", "dotnet build/pack/restore/clean"),
    ("dotnet clean", "dotnet build/pack/restore/clean"),
    ("dotnet tool", "dotnet tool install"),
    ("dotnet test", "dotnet test / vstest"),
    ("vstest", "dotnet test / vstest"),
    ("npm", "npm"),
    ("node", "node (the agents' CLIs)"),
    ("git", "git"),
]


def kind(command):
    for needle, name in KINDS:
        if needle in command:
            return name
    return "other: " + command[:50]


def sample(root, ours, seen, ticks):
    """Reads every process; keeps those started by the command (its descendants, also once they were re-parented)."""
    stats = proc_stats()
    keys = {pid: (pid, fields[19]) for pid, fields in stats.items()}
    changed = True
    while changed:  # a child seen before its parent is taken on the next pass
        changed = False
        for pid, fields in stats.items():
            parent = int(fields[1])
            if keys[pid] not in ours and (pid == root or (parent in keys and keys[parent] in ours)):
                ours.add(keys[pid])
                changed = True
    for pid, fields in stats.items():
        if keys[pid] not in ours:
            continue
        try:
            with open(f"/proc/{pid}/cmdline") as f:
                command = f.read().replace("\0", " ").strip()
        except OSError:
            continue
        if command:  # a process already gone has no command line left
            seen[keys[pid]] = ((int(fields[11]) + int(fields[12])) / ticks, command)


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0 if len(sys.argv) > 1 else 2
    ticks = os.sysconf("SC_CLK_TCK")
    seen, ours = {}, set()
    child = subprocess.Popen(sys.argv[1:])
    while child.poll() is None:
        sample(child.pid, ours, seen, ticks)
        time.sleep(0.3)
    seconds, counts = collections.Counter(), collections.Counter()
    for (_, _), (cpu, command) in seen.items():
        seconds[kind(command)] += cpu
        counts[kind(command)] += 1
    print(f"{'CPU s':>8}  {'processes':>9}  kind", file=sys.stderr)
    for name, cpu in seconds.most_common():
        if cpu >= 0.5:
            print(f"{cpu:8.1f}  {counts[name]:9d}  {name}", file=sys.stderr)
    print(f"{sum(seconds.values()):8.1f}  {sum(counts.values()):9d}  in all (exit code {child.returncode})", file=sys.stderr)
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
