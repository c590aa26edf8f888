#!/usr/bin/env python3
"""The speed table of issue 26 with one command: runs scripts/benchmark.py once per group of rows, on the
solutions given, and prints the table in markdown (what, goal, measured, met), then the benchmark.py command
behind each row, so any row can be run again alone.

| # | what | benchmark.py run |
| --- | --- | --- |
| 1 | CLI pack after a one-line edit of one file (~500-file solution; goal <= 1.0 s) | --small: warm,edit |
| 2 | the same on a 5,000-file solution, a file target (goal <= 2x warm) | --large, --large-file: cold,warm,edit |
| 3 | MCP pack_context after a comment was added to the target (goal <= 0.3 s; unchanged: ~0.05 s), and the server's memory after --calls calls with an edit before each | --small: mcp,mcp-edit --calls N |
| 4 | CLI warm pack, nothing changed (goal <= 0.5 s) | --large-file's warm run, or --warm-solution/--warm-target |
| 5 | cold pack, project target (5,000 files; goal <= 10 s) | --large, --large-project: cold |
| 6 | cold pack, file target in the same solution (goal <= 15 s) | --large-file's cold run |
| 7 | no-op dotnet build of a small library, with the package minus without (goal <= +0.1 s) | --library: build |
| 8 | warnings on a no-op build of a project larger than the cap (goal: none) | --library: build --build-max-tokens --cap |

The medians are over --runs runs (row 8: at most 2 pairs). Measure on an idle machine: the figures of a
loaded one are not figures (the line under the table gives the load average at the start and at the end).
Files (--small-edit, --large-file, --library) are paths; a file target is given to the tool relative to its
repository's root (else to its solution's folder). The edited files are restored when each run ends.

usage: scripts/speed_table.py --small SOLUTION --small-edit FILE --large SOLUTION --large-project SPEC
                              --large-file FILE --library PROJECT [--library-root FOLDER] [--cap N]
                              [--warm-solution SOLUTION --warm-target SPEC] [--runs N] [--calls N]
                              [--max-tokens N] [--rows 1,2,...] [--tool CMD] [--json FILE]

Python 3 standard library only; Linux (benchmark.py reads /proc).
"""
import argparse, json, os, shlex, subprocess, sys

import benchmark

HERE = os.path.dirname(os.path.abspath(__file__))

WHAT = {
    1: 'CLI pack after a one-line edit of one file',
    2: 'the same on the large solution, a file target',
    3: 'MCP `pack_context` after a comment was added to the target',
    '3m': 'MCP server memory after {calls} calls with an edit before each',
    4: 'CLI warm pack, nothing changed',
    5: 'cold pack, project target',
    6: 'cold pack, file target in the same solution',
    7: 'no-op `dotnet build` of a small library, with the package minus without',
    8: 'warnings on a no-op build of a project larger than the cap',
}
GOAL = {1: '≤ 1.0 s', 2: '≤ 2× warm', 3: '≤ 0.3 s (unchanged: ~0.05 s)', '3m': '—', 4: '≤ 0.5 s', 5: '≤ 10 s', 6: '≤ 15 s',
        7: '≤ +0.1 s', 8: 'none by default'}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--small', help='rows 1, 3: the ~500-file solution (.sln, .slnx, or its folder)')
    ap.add_argument('--small-edit', help='rows 1, 3: the file of --small to pack around and edit')
    ap.add_argument('--large', help='rows 2, 4, 5, 6: the ~5,000-file solution')
    ap.add_argument('--large-project', help='row 5: a project of --large as target (e.g. project:Core)')
    ap.add_argument('--large-file', help='rows 2, 4, 6: a file of --large to pack around (and edit, row 2)')
    ap.add_argument('--warm-solution', help='row 4 on another solution than --large (with --warm-target)')
    ap.add_argument('--warm-target', help='row 4: the target in --warm-solution')
    ap.add_argument('--library', help='rows 7, 8: the library project (.csproj) to build')
    ap.add_argument('--library-root', help='rows 7, 8: the folder copied for the builds (default: the nearest folder above the project holding a .sln or .slnx)')
    ap.add_argument('--cap', type=int, default=200, help='row 8: the package\'s cap, in tokens, smaller than the library (default 200)')
    ap.add_argument('--runs', type=int, default=5, help='runs per median (default 5)')
    ap.add_argument('--calls', type=int, default=100, help='row 3: MCP calls with an edit before each, for the server\'s memory (default 100; 0: none)')
    ap.add_argument('--max-tokens', type=int, default=32000)
    ap.add_argument('--rows', default='1,2,3,4,5,6,7,8', help='which rows to run (default all)')
    ap.add_argument('--tool', help='command that runs the tool (default: publish it to artifacts/bench-tool once and run that)')
    ap.add_argument('--json', help='also write every benchmark.py report to this file')
    a = ap.parse_args()

    rows = {int(r) for r in a.rows.split(',')}
    needs = {'--small': (rows & {1, 3}, a.small), '--small-edit': (rows & {1, 3}, a.small_edit),
             '--large': (rows & {2, 5, 6} | (rows & {4} if not a.warm_solution else set()), a.large),
             '--large-file': (rows & {2, 6} | (rows & {4} if not a.warm_solution else set()), a.large_file),
             '--large-project': (rows & {5}, a.large_project), '--library': (rows & {7, 8}, a.library)}
    missing = [f'{flag} ({rows_of(r)})' for flag, (r, value) in needs.items() if r and not value]
    if a.warm_solution and not a.warm_target:
        missing.append('--warm-target (with --warm-solution)')
    if missing:
        ap.error('missing: ' + '; '.join(missing))

    tool = shlex.join(benchmark.publish_tool()) if a.tool is None and rows - {7, 8} else a.tool
    common = ['--max-tokens', str(a.max_tokens)] + (['--tool', tool] if tool else [])
    runs, reports, commands = [], {}, {}

    def relative(path, solution):
        # As the file is named relative to the repository's root (the tool also takes it relative to the solution's folder).
        folder = solution if os.path.isdir(solution) else os.path.dirname(os.path.abspath(solution))
        root = subprocess.run(['git', '-C', folder, 'rev-parse', '--show-toplevel'], capture_output=True, text=True)
        return os.path.relpath(os.path.abspath(path), root.stdout.strip() if root.returncode == 0 else folder)

    if rows & {1, 3}:
        small_target = relative(a.small_edit, a.small)
        modes = [m for m, row in (('warm', 1), ('edit', 1), ('mcp', 3), ('mcp-edit', 3)) if row in rows]
        calls = ['--calls', str(a.calls)] if 3 in rows and a.calls else []
        runs.append(('small', [a.small, '--target', small_target, '--edit', os.path.abspath(a.small_edit), '--modes', ','.join(modes),
                               '--runs', str(a.runs), *calls], rows & {1, 3}))
    if rows & {2, 6} or (4 in rows and not a.warm_solution):
        modes = [m for m, wanted in (('cold', 6 in rows), ('warm', bool(rows & {2, 4})), ('edit', 2 in rows)) if wanted]
        runs.append(('large-file', [a.large, '--target', relative(a.large_file, a.large), '--edit', os.path.abspath(a.large_file),
                                    '--modes', ','.join(modes), '--runs', str(a.runs)], rows & {2, 4, 6}))
    if 4 in rows and a.warm_solution:
        runs.append(('warm', [a.warm_solution, '--target', a.warm_target, '--modes', 'warm', '--runs', str(a.runs)], {4}))
    if 5 in rows:
        runs.append(('large-project', [a.large, '--target', a.large_project, '--modes', 'cold', '--runs', str(a.runs)], {5}))
    if rows & {7, 8}:
        library = os.path.abspath(a.library)
        place = [a.library_root, '--project', library] if a.library_root else [library]
        if 7 in rows:
            runs.append(('build', [*place, '--modes', 'build', '--runs', str(a.runs)], {7}))
        if 8 in rows:
            runs.append(('build-cap', [*place, '--modes', 'build', '--runs', str(min(a.runs, 2)), '--build-max-tokens', str(a.cap)], {8}))

    load = os.getloadavg()[0]
    for name, arguments, covers in runs:
        command = [sys.executable, os.path.join(HERE, 'benchmark.py'), *arguments, *(common if not name.startswith('build') else [])]
        shown = 'scripts/benchmark.py ' + shlex.join(command[2:])
        print(f'== {rows_of(covers)}: {shown}', file=sys.stderr)
        result = subprocess.run(command, stdout=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit(f'benchmark.py failed ({result.returncode}) for {rows_of(covers)}: {shown}')
        reports[name] = json.loads(result.stdout)
        commands[rows_of(covers)] = shown

    if a.json:
        with open(a.json, 'w', encoding='utf-8') as f:
            json.dump(reports, f, indent=2)
    print(table(reports, rows, a))
    print()
    commit = subprocess.run(['git', '-C', HERE, 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True).stdout.strip()
    print(f'Medians of {a.runs}, {a.max_tokens:,} tokens, build {commit or "?"}, {os.cpu_count()} cores; '
          f'load average (1 min) {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end.')
    print()
    for covered, shown in commands.items():
        print(f'- {covered}: `{shown}`')


def rows_of(covers):
    numbers = sorted(covers)
    return ('row ' if len(numbers) == 1 else 'rows ') + ', '.join(map(str, numbers))


def seconds(value):
    return f'{value:.2f} s' if value < 10 else f'{value:.1f} s'


def size(report):
    """'449 files / 9 projects' from a run's stats (the files that could go into the bundle, the C# projects loaded)."""
    for mode in ('cold', 'warm', 'edit'):
        stats = report.get(mode, {}).get('stats')
        if stats:
            return f"{stats.get('files', '?'):,} files / {stats.get('projects', '?')} projects"
    return '?'


def problems(build):
    """What would make a build row's figure mean something else: no pack at all, or a no-op build that packed."""
    return ('' if build['packed'] else '; **the first build did not pack**') + ('; **a no-op build ran the tool**' if build['noopRanTheTool'] else '')


def table(reports, rows, a):
    lines = ['| # | what | goal | measured | met |', '| --- | --- | --- | --- | --- |']

    def row(key, measured, met):
        what = WHAT[key].format(calls=a.calls)
        lines.append(f'| {key if key != "3m" else ""} | {what} | {GOAL[key]} | {measured} | {"—" if met is None else "yes" if met else "**no**"} |')

    small, large = reports.get('small', {}), reports.get('large-file', {})
    if 1 in rows:
        edit, warm = small['edit']['median']['wall_s'], small['warm']['median']['wall_s']
        row(1, f'{seconds(edit)} (warm {seconds(warm)}; {size(small)}, `{small["targets"][0]}`)', edit <= 1.0)
    if 2 in rows:
        edit, warm = large['edit']['median']['wall_s'], large['warm']['median']['wall_s']
        row(2, f'{seconds(edit)}, {edit / warm:.1f}× warm ({seconds(warm)}; {size(large)})', edit <= 2 * warm)
    if 3 in rows:
        edited, unchanged = small['mcp-edit']['median']['call_s'], small['mcp']['median']['call_s']
        row(3, f'{seconds(edited)} (unchanged: {seconds(unchanged)}; server CPU {seconds(small["mcp-edit"]["median"]["cpu_s"])} / '
               f'{seconds(small["mcp"]["median"]["cpu_s"])})', edited <= 0.3)
        if 'mcp-calls' in small:
            server = small['mcp-server']
            row('3m', f'peak {server["peak_mib"]:,} MiB, {server["end_mib"]:,} MiB at the end ({server["calls"]} calls in all; '
                      f'those {a.calls}: median {seconds(small["mcp-calls"]["median"]["call_s"])})', None)
    if 4 in rows:
        report = reports['warm'] if 'warm' in reports else large
        warm = report['warm']['median']
        row(4, f'{seconds(warm["wall_s"])}, {warm["peak_mib"]:,} MiB ({size(report)}, `{report["targets"][0]}`)', warm['wall_s'] <= 0.5)
    if 5 in rows:
        report = reports['large-project']
        cold = report['cold']['median']
        row(5, f'{seconds(cold["wall_s"])}, {cold["peak_mib"]:,} MiB ({size(report)} loaded, `{report["targets"][0]}`)', cold['wall_s'] <= 10)
    if 6 in rows:
        cold = large['cold']['median']
        row(6, f'{seconds(cold["wall_s"])}, {cold["peak_mib"]:,} MiB (`{large["targets"][0]}`)', cold['wall_s'] <= 15)
    if 7 in rows:
        build = reports['build']['build']
        m = build['median']
        row(7, f'{m["difference_s"]:+.2f} s, ratio {m["ratio"]:.2f} (with {seconds(m["with_s"])}, without {seconds(m["without_s"])}; '
               f'`{os.path.basename(build["project"])}`{problems(build)})', m['difference_s'] <= 0.1)
    if 8 in rows:
        build = reports['build-cap']['build']
        w = build['warnings']
        larger = build.get('largerThanCap')
        note = f'cap {build["packMaxTokens"]} tokens, ' + ('the project larger' if larger else '**the project is not larger**: lower --cap')
        row(8, f'{w["noop_with"]} (without the package: {w["noop_without"]}; first build {w["first_with"]}{", " + " ".join(w["codes"]) if w["codes"] else ""}; {note}{problems(build)})',
            w['noop_with'] <= w['noop_without'] if larger else None)
    return '\n'.join(lines)


if __name__ == '__main__':
    main()
