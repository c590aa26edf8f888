#!/usr/bin/env python3
"""Benchmark packing one solution: the CLI cold and warm, the MCP server's calls, and a no-op `dotnet build`
with the MSBuild package against the same build without it. One mode per row of the speed table (issue 26;
scripts/speed_table.py runs them all and prints the table); each prints its medians over --runs as one JSON
object on standard output, and each run's figures on standard error.

CLI modes (the tool's phases from its --verbose lines, total wall time and peak memory of the whole process tree:
the tool and Roslyn's BuildHost; and how many files the last bundle holds in full, as signatures, only in an
outline, or listed, from its manifest):
- cold: --no-cache, so every run loads the solution with MSBuild and binds what the ranking needs;
- warm: with a fresh cache folder, primed by one run, then nothing changed between runs;
- edit (with --edit FILE...): before each warm run, a comment line is appended to each FILE (restored at
  the end), so the run re-reads and re-binds only what the edits touch.

MCP modes (one `mcp` server for both, on the warm cache folder, its bundles in a temporary state folder; each
pack_context call's wall time and the server's CPU seconds for it, timed by an MCP client over stdio):
- mcp: --runs calls with nothing changed (after a first call, reported on its own: the server reads the cache);
- mcp-edit (with --edit FILE...): --runs calls, each after a comment was appended to each FILE;
- --calls N: then N more calls, each after an edit, and the server's memory after the last (its peak resident
  memory, the kernel's high-water mark, and its resident memory at the end).

Build mode (build, with --project PROJECT, or the project itself as SOLUTION): the MSBuild package is packed once
into a temporary local feed; the folder of SOLUTION (the solution's folder, or the folder given) is copied twice
into a scratch folder, without bin/ and obj/, and one copy's PROJECT gets a PackageReference to the package
(any reference to it already there is removed from both). Each copy's PROJECT is restored and built once (the
package packs; it may warn about the solution's other projects, which are not restored), then built once more
unmeasured; then --runs pairs of no-op builds (`dotnet build PROJECT --no-restore
-nodeReuse:false`, the order inside a pair alternating) give the median of each, and the difference and the ratio
pair by pair. It counts the warnings of each build's output (the first build and the no-op ones), says whether a
no-op build ran the tool, and whether the pack found the project larger than the cap (--build-max-tokens N sets
the package's cap, so a project is larger than it: the warnings of row 8).

usage: scripts/benchmark.py SOLUTION [--target SPEC]... [--max-tokens N] [--runs N]
                            [--modes cold,warm,edit,mcp,mcp-edit,build] [--edit FILE]... [--calls N]
                            [--project PROJECT] [--build-max-tokens N] [--build-args=ARGS] [--tool CMD]

By default the tool is published (Release) to artifacts/bench-tool first (not for build mode alone, which runs the
tool the package carries). Python 3 standard library only; memory and CPU are read from /proc (peak memory of the
CLI sampled every 20 ms), so it needs Linux.
"""
import argparse, json, os, re, shlex, shutil, statistics, subprocess, sys, tempfile, time

from mcp_client import McpClient, McpError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODES = ('cold', 'warm', 'edit', 'mcp', 'mcp-edit', 'build')
PROJECT_EXTENSIONS = ('.csproj', '.fsproj', '.vbproj')

def proc_stats():
    """Each live process's fields of /proc/PID/stat after its name (0: state, 1: parent, 11 and 12: user and system
    ticks, 19: start time, 21: resident pages), by pid."""
    stats = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat') as f:
                stats[int(entry)] = f.read().rsplit(')', 1)[1].split()
        except (OSError, IndexError):
            pass
    return stats

def proc_table():
    """Each process's children, and each process's resident memory in KiB, from /proc/*/stat."""
    children, rss = {}, {}
    for pid, fields in proc_stats().items():
        try:
            children.setdefault(int(fields[1]), []).append(pid)
            rss[pid] = int(fields[21]) * os.sysconf('SC_PAGE_SIZE') // 1024
        except (IndexError, ValueError):
            pass
    return children, rss

def process_tree(pid, children=None):
    """pid and all its descendants (those alive now)."""
    children = children if children is not None else proc_table()[0]
    tree, stack = [], [pid]
    while stack:
        p = stack.pop()
        tree.append(p)
        stack.extend(children.get(p, []))
    return tree

def tree_rss_kib(pid):
    """Resident memory of pid and all its descendants, in KiB."""
    children, rss = proc_table()
    return sum(rss.get(p, 0) for p in process_tree(pid, children))

def status_kib(pid, field):
    """A memory figure of /proc/PID/status (VmRSS: resident now; VmHWM: the kernel's high-water mark of it), in KiB; 0 when gone."""
    try:
        with open(f'/proc/{pid}/status') as f:
            for line in f:
                if line.startswith(field + ':'):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0

def run_once(command, cwd):
    # In the solution's folder, as a user would run it: the packer.yaml of the folder this script was
    # started from must not apply to the benchmarked solution.
    # Standard error goes to a file, not a pipe: a run that warns a lot would fill a pipe nobody reads while it
    # runs, and block.
    with tempfile.TemporaryFile(mode='w+', encoding='utf-8') as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, cwd=cwd)
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
    ap.add_argument('solution', help='the .sln, .slnx or project file, or its folder (build mode: the folder to copy, or the project to build)')
    ap.add_argument('--target', action='append', default=[], help='what to pack around, as the tool takes it (every mode but build needs one)')
    ap.add_argument('--max-tokens', type=int, default=32000)
    ap.add_argument('--runs', type=int, default=5, help='runs per mode (MCP modes: calls; build: pairs of no-op builds)')
    ap.add_argument('--modes', default='cold,warm', help=f'comma-separated: {", ".join(MODES)} (default cold,warm)')
    ap.add_argument('--edit', action='append', default=[], help='a file to append a comment to before each run of the edit and mcp-edit modes and each of the --calls')
    ap.add_argument('--calls', type=int, default=0, help='mcp modes: after the timed calls, N more calls, each after an edit, then the server\'s memory')
    ap.add_argument('--project', help='build mode: the project to build, inside the folder copied')
    ap.add_argument('--build-max-tokens', type=int, help='build mode: the package\'s cap (PackContextMaxTokens) in the copy with it, e.g. one the project is larger than')
    ap.add_argument('--build-args', default='', help='build mode: more arguments for every dotnet build of both copies, after an = sign: --build-args="-c Release"')
    ap.add_argument('--tool', help='command that runs the tool (default: publish it to artifacts/bench-tool and run that)')
    a = ap.parse_args()

    modes = a.modes.split(',')
    for mode in modes:
        if mode not in MODES:
            sys.exit(f'unknown mode {mode!r} ({", ".join(MODES)})')
    if any(m != 'build' for m in modes) and not a.target:
        sys.exit('--target is needed for every mode but build')
    if ('edit' in modes or 'mcp-edit' in modes or a.calls) and not a.edit:
        sys.exit('the edit and mcp-edit modes and --calls need --edit FILE')
    if a.calls and not any(m.startswith('mcp') for m in modes):
        sys.exit('--calls is for the mcp modes')
    a.solution = os.path.abspath(a.solution)
    a.edit = [os.path.abspath(p) for p in a.edit]

    report = {'solution': a.solution, 'targets': a.target, 'maxTokens': a.max_tokens, 'runs': a.runs}
    if modes == ['build']:
        report['build'] = measure_build(a)
        print(json.dumps(report))
        return

    tool = shlex.split(a.tool) if a.tool else publish_tool()
    folder = a.solution if os.path.isdir(a.solution) else os.path.dirname(a.solution)
    # The bundle and manifest go to a temporary folder: never to a device such as /dev/null, which the tool
    # refuses to replace (and an older one would replace).
    out_dir = tempfile.mkdtemp(prefix='pack-context-bench-out-')
    manifest = os.path.join(out_dir, 'context.json')
    command = tool + [a.solution, '--max-tokens', str(a.max_tokens), '-o', os.path.join(out_dir, 'context.xml'), '--manifest', manifest, '--verbose']
    for t in a.target:
        command += ['--target', t]

    cache_dir = tempfile.mkdtemp(prefix='pack-context-bench-')
    warm = command + ['--cache-dir', cache_dir]
    primed = False
    originals = {path: open(path, 'rb').read() for path in a.edit}

    def restore_edits():
        for path, content in originals.items():
            with open(path, 'wb') as f:
                f.write(content)

    try:
        for mode in modes:
            if mode == 'cold':
                report['cold'] = measure('cold', command + ['--no-cache'], folder, a.runs)
            elif mode in ('warm', 'edit'):
                run_once(warm, folder)  # prime the cache
                primed = True
                before = (lambda i: append_comment(a.edit, i)) if mode == 'edit' else None
                report[mode] = measure(mode, warm, folder, a.runs, before)
            elif mode in ('mcp', 'mcp-edit') and mode not in report:
                if not primed:
                    run_once(warm, folder)  # the server's first call reads a warm cache, as after any earlier pack
                    primed = True
                server = tool + ['mcp', a.solution, '--cache-dir', cache_dir, '--state-dir', os.path.join(out_dir, 'state')]
                # Both MCP modes on one server, in the order given, wherever the second stands.
                report.update(measure_mcp(server, folder, [m for m in modes if m in ('mcp', 'mcp-edit')], a))
            elif mode == 'build':
                restore_edits()  # the copies are of the files as they were
                report['build'] = measure_build(a)
    finally:
        restore_edits()
        if os.path.exists(manifest):
            report['fidelity'] = fidelities(manifest)
        shutil.rmtree(cache_dir, ignore_errors=True)
        shutil.rmtree(out_dir, ignore_errors=True)
    print(json.dumps(report))

def publish_tool():
    """Publishes the CLI (Release) to artifacts/bench-tool; returns the command that runs it."""
    out = os.path.join(ROOT, 'artifacts', 'bench-tool')
    subprocess.run(['dotnet', 'publish', os.path.join(ROOT, 'src', 'Packer.Cli'), '-c', 'Release', '-o', out, '--nologo', '-v', 'q'], check=True,
                   stdout=subprocess.DEVNULL)
    return ['dotnet', os.path.join(out, 'dotnet-pack-context.dll')]

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

def medians(results):
    keys = list(results[0].keys())
    return {k: round(statistics.median(r.get(k, 0) for r in results), 3) for k in keys}

def measure(mode, command, cwd, runs, before=None):
    results, stats = [], {}
    for i in range(runs):
        if before:
            before(i)
        result, stats = run_once(command, cwd)
        results.append(result)
        print(f'{mode} run {i + 1}: ' + ' '.join(f'{k}={v}' for k, v in result.items()) + f" cache={stats.get('cache')}", file=sys.stderr)
    return {'median': medians(results), 'stats': stats}

def measure_mcp(server, cwd, modes, a):
    """The MCP modes on one server: a first call, then --runs calls per mode (mcp-edit: each after an edit), then
    --calls more after an edit each; the server's memory at the end."""
    def calls(label, n, before=None):
        results = []
        for i in range(n):
            if before:
                before(i)
            elapsed, cpu, _ = client.pack(a.target, a.max_tokens)
            results.append({'call_s': round(elapsed, 3), 'cpu_s': round(cpu, 3)})
            if n <= 20 or (i + 1) % 10 == 0:
                print(f'{label} call {i + 1}: ' + ' '.join(f'{k}={v}' for k, v in results[-1].items()), file=sys.stderr)
        return results

    report = {}
    try:
        with McpClient(server, cwd, 'benchmark.py') as client:
            first = calls('mcp first', 1)[0]
            total = 1
            for mode in modes:
                before = (lambda i: append_comment(a.edit, i)) if mode == 'mcp-edit' else None
                report[mode] = {'median': medians(calls(mode, a.runs, before))}
                total += a.runs
            if a.calls:
                report['mcp-calls'] = {'calls': a.calls, 'median': medians(calls('mcp-calls', a.calls, lambda i: append_comment(a.edit, 1000 + i)))}
                total += a.calls
            pids = process_tree(client.server.pid)
            report['mcp-server'] = {'first': first, 'calls': total,
                                    'peak_mib': round(sum(status_kib(p, 'VmHWM') for p in pids) / 1024),
                                    'end_mib': round(sum(status_kib(p, 'VmRSS') for p in pids) / 1024)}
    except McpError as e:
        sys.exit(f'mcp: {e}')
    return report

def nearest_solution_folder(project):
    """The nearest folder in or up to five above the project's that holds a .sln or .slnx (as the package looks), else the project's."""
    folder = os.path.dirname(project)
    for candidate in [folder] + [os.path.abspath(os.path.join(folder, *['..'] * n)) for n in range(1, 6)]:
        if any(f.endswith(('.sln', '.slnx')) for f in os.listdir(candidate)):
            return candidate
    return folder

PACKAGE_REFERENCE = re.compile(r'[ \t]*<PackageReference\s+(?:Include|Update)="PackContext\.MSBuild"(?:[^>]*/>|[^>]*>.*?</PackageReference>)[ \t]*\n?', re.S)

def strip_package_references(root):
    """Removes every PackageReference to PackContext.MSBuild from the project and build files under root."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != '.git']
        for name in files:
            if name.endswith(PROJECT_EXTENSIONS + ('.props', '.targets')):
                path = os.path.join(folder, name)
                with open(path, encoding='utf-8-sig') as f:
                    text = f.read()
                stripped = PACKAGE_REFERENCE.sub('', text)
                if stripped != text:
                    with open(path, 'w', encoding='utf-8') as f:
                        f.write(stripped)

def add_package_reference(project, feed, version, max_tokens):
    """The package as a user adds it (with central package management, as a VersionOverride), its local feed as an
    extra restore source beside the project's own."""
    with open(project, encoding='utf-8-sig') as f:
        text = f.read()
    cap = f'\n    <PackContextMaxTokens>{max_tokens}</PackContextMaxTokens>' if max_tokens else ''
    addition = f'''  <!-- scripts/benchmark.py, build mode -->
  <PropertyGroup>
    <RestoreAdditionalProjectSources>$(RestoreAdditionalProjectSources);{feed}</RestoreAdditionalProjectSources>{cap}
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PackContext.MSBuild" Version="{version}" PrivateAssets="all" Condition="'$(ManagePackageVersionsCentrally)' != 'true'" />
    <PackageReference Include="PackContext.MSBuild" VersionOverride="{version}" PrivateAssets="all" Condition="'$(ManagePackageVersionsCentrally)' == 'true'" />
  </ItemGroup>
'''
    end = text.rindex('</Project>')
    with open(project, 'w', encoding='utf-8') as f:
        f.write(text[:end] + addition + text[end:])

def global_packages_folder():
    if os.environ.get('NUGET_PACKAGES'):
        return os.environ['NUGET_PACKAGES']
    listed = subprocess.run(['dotnet', 'nuget', 'locals', 'global-packages', '--list'], capture_output=True, text=True).stdout
    match = re.search(r'global-packages:\s*(.+)$', listed, re.M)
    return match.group(1).strip() if match else None

def warning_lines(output):
    """A build output's distinct warning lines (MSBuild repeats each in its summary)."""
    return sorted({line.strip() for line in output.splitlines() if re.search(r': warning [A-Za-z]*\d*:', line)})

def warnings_of(output):
    """The number of warnings a build's output reports (its summary, else its distinct warning lines), and their codes."""
    summary = re.search(r'^\s*(\d+) Warning\(s\)', output, re.M)
    codes = sorted({m.group(1) for m in re.finditer(r': warning ([A-Za-z]+\d+):', output)})
    return (int(summary.group(1)) if summary else len(warning_lines(output))), codes

def measure_build(a):
    if a.project:
        project = os.path.abspath(a.project)
        source = a.solution if os.path.isdir(a.solution) else os.path.dirname(a.solution)
    elif a.solution.endswith(PROJECT_EXTENSIONS):
        project = a.solution
        source = nearest_solution_folder(project)
    else:
        sys.exit('build mode: give the project with --project, or the project file as SOLUTION')
    if not os.path.isfile(project):
        sys.exit(f'build mode: no such project {project}')
    relative = os.path.relpath(project, source)
    if relative.startswith('..'):
        sys.exit(f'build mode: the project {project} is not inside the folder copied, {source}')

    scratch = tempfile.mkdtemp(prefix='pack-context-bench-build-')
    feed = os.path.join(scratch, 'feed')
    # A version of its own, so restore takes this build of the package and no earlier one of the same version
    # from the global packages folder; removed from there at the end.
    version = f'0.1.0-bench.{int(time.time())}'
    packages = global_packages_folder()
    env = {**os.environ, 'XDG_CACHE_HOME': os.path.join(scratch, 'cache'), 'MSBUILDDISABLENODEREUSE': '1'}
    extra = shlex.split(a.build_args)
    try:
        print(f'build: packing PackContext.MSBuild {version} into {feed}', file=sys.stderr)
        packed = subprocess.run(['dotnet', 'pack', os.path.join(ROOT, 'src', 'PackContext.MSBuild', 'PackContext.MSBuild.csproj'), '-c', 'Release',
                                 '-o', feed, f'-p:Version={version}', '--nologo'], cwd=ROOT, capture_output=True, text=True)
        if packed.returncode != 0:
            sys.exit(f'dotnet pack of the MSBuild package failed:\n{packed.stdout}{packed.stderr}')

        copies = {}
        for kind in ('without', 'with'):
            # Both copies at the same depth, under the same name: paths of equal length, the same folder names.
            copy = os.path.join(scratch, kind, os.path.basename(source.rstrip(os.sep)))
            shutil.copytree(source, copy, symlinks=True, ignore=shutil.ignore_patterns('bin', 'obj', '.vs', '.packer'))
            strip_package_references(copy)
            copies[kind] = copy
        add_package_reference(os.path.join(copies['with'], relative), feed, version, a.build_max_tokens)

        def dotnet(kind, *arguments):
            start = time.perf_counter()
            more = extra if arguments[0] == 'build' else []
            result = subprocess.run(['dotnet', *arguments, relative, '-nodeReuse:false', '-tl:off', '-nologo', '-v:m', *more],
                                    cwd=copies[kind], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            wall = time.perf_counter() - start
            if result.returncode != 0:
                sys.exit(f'dotnet {arguments[0]} of the copy {kind} the package failed ({result.returncode}):\n{result.stdout}')
            return wall, result.stdout

        report = {'project': project, 'copied': source, 'package': version}
        if a.build_max_tokens:
            report['packMaxTokens'] = a.build_max_tokens
        warnings = {}
        for kind in ('without', 'with'):
            # The project only (a solution may hold projects this machine cannot restore): the first pack may warn
            # (PCTX101...) about the solution's other projects, which it loads unrestored; a no-op build runs no pack.
            dotnet(kind, 'restore')
            # The first build compiles and packs; no compiler server is left running after it.
            wall, output = dotnet(kind, 'build', '--no-restore', '-p:UseSharedCompilation=false')
            warnings[f'first_{kind}'], codes = warnings_of(output)
            print(f'build first {kind}: wall_s={wall:.3f} warnings={warnings[f"first_{kind}"]} {" ".join(codes)}', file=sys.stderr)
            for line in warning_lines(output):
                print(f'  {line}', file=sys.stderr)
            dotnet(kind, 'build', '--no-restore')  # unmeasured: whatever a first build leaves to do

        # Where the package keeps its stamp and manifest: obj/pack-context/ unless the project moves obj/ (ArtifactsPath, ...).
        evaluated = subprocess.run(['dotnet', 'msbuild', relative, '-getProperty:BaseIntermediateOutputPath', '-getProperty:MSBuildProjectName',
                                    '-getProperty:PackContextManifest'], cwd=copies['with'], env=env, capture_output=True, text=True)
        if evaluated.returncode != 0:
            sys.exit(f'dotnet msbuild -getProperty failed:\n{evaluated.stdout}{evaluated.stderr}')
        # MSBuild's defaults spell folders with a backslash (obj\), which it reads as a separator on Linux too.
        properties = {k: v.replace('\\', os.sep) for k, v in json.loads(evaluated.stdout)['Properties'].items()}
        project_folder = os.path.dirname(os.path.join(copies['with'], relative))
        stamp = os.path.join(project_folder, properties['BaseIntermediateOutputPath'], 'pack-context', properties['MSBuildProjectName'] + '.stamp')
        manifest = os.path.join(project_folder, properties['PackContextManifest'])
        stamped = os.path.getmtime(stamp) if os.path.exists(stamp) else None
        report['packed'] = stamped is not None

        pairs, noop = [], {'without': 0, 'with': 0}
        codes = set()
        for i in range(a.runs):
            order = ('without', 'with') if i % 2 == 0 else ('with', 'without')
            pair = {}
            for kind in order:
                pair[kind], output = dotnet(kind, 'build', '--no-restore')
                count, found = warnings_of(output)
                noop[kind] = max(noop[kind], count)
                codes.update(found)
            pairs.append(pair)
            print(f'build pair {i + 1}: without={pair["without"]:.3f} with={pair["with"]:.3f} '
                  f'difference={pair["with"] - pair["without"]:+.3f} ratio={pair["with"] / pair["without"]:.3f}', file=sys.stderr)
        warnings.update({f'noop_{kind}': noop[kind] for kind in ('without', 'with')})
        warnings['codes'] = sorted(codes)

        report['median'] = {
            'without_s': round(statistics.median(p['without'] for p in pairs), 3),
            'with_s': round(statistics.median(p['with'] for p in pairs), 3),
            'difference_s': round(statistics.median(p['with'] - p['without'] for p in pairs), 3),
            'ratio': round(statistics.median(p['with'] / p['without'] for p in pairs), 3),
        }
        report['pairs'] = [[round(p['without'], 3), round(p['with'], 3)] for p in pairs]
        report['warnings'] = warnings
        report['noopRanTheTool'] = stamped is not None and os.path.getmtime(stamp) != stamped
        if os.path.exists(manifest):
            with open(manifest, encoding='utf-8') as f:
                report['largerThanCap'] = any(w.startswith(('the target ', 'the targets ')) for w in json.load(f).get('warnings', []))
        return report
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if packages:
            shutil.rmtree(os.path.join(packages, 'packcontext.msbuild', version), ignore_errors=True)
            try:
                os.rmdir(os.path.join(packages, 'packcontext.msbuild'))  # only when no other version is there
            except OSError:
                pass

if __name__ == '__main__':
    main()
