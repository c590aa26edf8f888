#!/usr/bin/env python3
"""Benchmark packing one solution, cold and warm: time of each phase (load, index, graph, rank, render,
cache), total wall time and peak memory of the whole process tree (the tool and Roslyn's BuildHost), as
medians over several runs, and how many files the last bundle holds in full, as signatures, only in an
outline, or listed (from its manifest).

- cold: --no-cache, so every run loads the solution with MSBuild and binds what the ranking needs;
- warm: with a fresh cache folder, primed by one run, then nothing changed between runs;
- edit (with --edit FILE...): before each warm run, a comment line is appended to each FILE (restored at
  the end), so the run re-reads and re-binds only what the edits touch.

usage: scripts/benchmark.py SOLUTION --target SPEC [--target SPEC]... [--max-tokens N] [--runs N]
                            [--modes cold,warm,edit] [--edit FILE]... [--tool CMD]

By default the tool is published (Release) to artifacts/bench-tool first. Python 3 standard library only;
peak memory is sampled from /proc every 20 ms, so it needs Linux.
"""
import argparse, json, os, re, shlex, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def tree_rss_kib(pid):
    """Resident memory of pid and all its descendants, in KiB."""
    children, rss = {}, {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf('SC_PAGE_SIZE') // 1024
        except (OSError, IndexError, ValueError):
            pass
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total

def run_once(command):
    # In the solution's folder, as a user would run it: the packer.yaml of the folder this script was
    # started from must not apply to the benchmarked solution.
    # Standard error goes to a file, not a pipe: a run that warns a lot would fill a pipe nobody reads while it
    # runs, and block.
    with tempfile.TemporaryFile(mode='w+', encoding='utf-8') as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors,
                                   cwd=os.path.dirname(command[command.index('--max-tokens') - 1]))
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_rss_kib(process.pid))
            time.sleep(0.02)
        wall = time.perf_counter() - start
        errors.seek(0)
        stderr = errors.read()
    if process.returncode != 0:
        sys.exit(f'tool failed ({process.returncode}):\n{stderr}')
    phases = {m.group(1): float(m.group(2)) for m in re.finditer(r'^phase (\w+)\s+([\d.]+) s$', stderr, re.M)}
    stats = {m.group(1): int(m.group(2)) for m in re.finditer(r'^stat  (\w+)\s+(\d+)$', stderr, re.M)}
    cache = re.search(r'^cache (.*)$', stderr, re.M)
    stats['cache'] = cache.group(1) if cache else None
    return {'wall_s': round(wall, 3), 'peak_mib': round(peak / 1024), **{f'{k}_s': v for k, v in phases.items() if k != 'total'}}, stats

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('solution')
    ap.add_argument('--target', action='append', required=True)
    ap.add_argument('--max-tokens', type=int, default=32000)
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--modes', default='cold,warm', help='comma-separated: cold, warm, edit (default cold,warm)')
    ap.add_argument('--edit', action='append', default=[], help='a file to append a comment to before each run of the edit mode')
    ap.add_argument('--tool', help='command that runs the tool (default: publish it to artifacts/bench-tool and run that)')
    a = ap.parse_args()

    if a.tool:
        tool = shlex.split(a.tool)
    else:
        out = os.path.join(ROOT, 'artifacts', 'bench-tool')
        subprocess.run(['dotnet', 'publish', os.path.join(ROOT, 'src', 'Packer.Cli'), '-c', 'Release', '-o', out, '--nologo', '-v', 'q'], check=True,
                       stdout=subprocess.DEVNULL)
        tool = ['dotnet', os.path.join(out, 'dotnet-pack-context.dll')]
    a.solution = os.path.abspath(a.solution)
    # The bundle and manifest go to a temporary folder: never to a device such as /dev/null, which the tool
    # refuses to replace (and an older one would replace).
    out_dir = tempfile.mkdtemp(prefix='pack-context-bench-out-')
    manifest = os.path.join(out_dir, 'context.json')
    command = tool + [a.solution, '--max-tokens', str(a.max_tokens), '-o', os.path.join(out_dir, 'context.xml'), '--manifest', manifest, '--verbose']
    for t in a.target:
        command += ['--target', t]

    report = {'solution': a.solution, 'targets': a.target, 'maxTokens': a.max_tokens, 'runs': a.runs}
    cache_dir = tempfile.mkdtemp(prefix='pack-context-bench-')
    originals = {path: open(path, 'rb').read() for path in a.edit}
    try:
        for mode in a.modes.split(','):
            if mode == 'cold':
                report['cold'] = measure('cold', command + ['--no-cache'], a.runs)
            elif mode in ('warm', 'edit'):
                warm = command + ['--cache-dir', cache_dir]
                run_once(warm)  # prime the cache
                before = (lambda i: append_comment(a.edit, i)) if mode == 'edit' else None
                report[mode] = measure(mode, warm, a.runs, before)
            else:
                sys.exit(f'unknown mode {mode!r} (cold, warm, edit)')
    finally:
        for path, content in originals.items():
            with open(path, 'wb') as f:
                f.write(content)
        if os.path.exists(manifest):
            report['fidelity'] = fidelities(manifest)
        shutil.rmtree(cache_dir, ignore_errors=True)
        shutil.rmtree(out_dir, ignore_errors=True)
    print(json.dumps(report))

def fidelities(manifest):
    """How many files of the last run's bundle went in at each fidelity (full, signatures, outline, listed), from its manifest."""
    with open(manifest, encoding='utf-8') as f:
        files = json.load(f)['files']
    counts = {}
    for file in files:
        counts[file['fidelity']] = counts.get(file['fidelity'], 0) + 1
    return {k: counts.get(k, 0) for k in ('full', 'signatures', 'outline', 'listed')}

def append_comment(paths, i):
    for path in paths:
        with open(path, 'a') as f:
            f.write(f'// benchmark edit {i}\n')

def measure(mode, command, runs, before=None):
    results, stats = [], {}
    for i in range(runs):
        if before:
            before(i)
        result, stats = run_once(command)
        results.append(result)
        print(f'{mode} run {i + 1}: ' + ' '.join(f'{k}={v}' for k, v in result.items()) + f" cache={stats.get('cache')}", file=sys.stderr)
    keys = list(results[0].keys())
    return {'median': {k: round(statistics.median(r.get(k, 0) for r in results), 3) for k in keys}, 'stats': stats}

if __name__ == '__main__':
    main()
