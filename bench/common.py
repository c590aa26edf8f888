"""What the bench scripts share: the repositories they measure, where those repositories' git directories are,
and the folders a run uses when none is given. Nothing here names a folder of one machine:

  mirrors   --mirrors DIR, else $PACKER_BENCH_MIRRORS: a folder holding each repository as a bare clone,
            DIR/OWNER+NAME/repo (or DIR/OWNER+NAME); without either, a script that needs them stops and says so
  harness   --bench DIR, else $PACKER_BENCH_HARNESS, else ../shared/bench beside this clone when it is there: the
            shared bench (run.py, task.py, prefix.py, count-tokens.mjs; `npm install` there once)
  out       --out DIR, else bench/out/<table> in this clone (git-ignored)
  scratch   --scratch DIR, else <system temporary folder>/packer-bench/<table>: the work trees and the tool's
            cache. Never inside this clone: MSBuild would read this repository's Directory.Build.props above a
            checked-out repository that has none of its own
"""
import os, shlex, shutil, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MIRRORS_ENV = "PACKER_BENCH_MIRRORS"
HARNESS_ENV = "PACKER_BENCH_HARNESS"

# (name of the cases file, owner+name, solutions in order of preference: the first that exists at a
# case's parent is packed). Older commits had a .sln where the repository now has a .slnx, or another
# layout; each fallback is what the repository had at the commits that need it.
REPOS = [
    ("spectre.console", "spectreconsole+spectre.console", ["src/Spectre.Console.slnx", "src/Spectre.Console.sln"]),
    ("eShopOnWeb", "dotnet-architecture+eShopOnWeb", ["eShopOnWeb.sln"]),
    ("CleanArchitecture", "jasontaylordev+CleanArchitecture", ["CleanArchitecture.slnx", "CleanArchitecture.sln"]),
    ("Polly", "App-vNext+Polly", ["Polly.slnx", "Polly.sln", "src/Polly.sln"]),
    ("serilog", "serilog+serilog", ["Serilog.sln"]),
    ("AutoMapper", "AutoMapper+AutoMapper", ["AutoMapper.sln", "src/AutoMapper.sln"]),  # before 2019 it lay in src/
    ("markdig", "xoofx+markdig", ["src/markdig.slnx", "src/markdig.sln"]),
    ("Humanizer", "Humanizr+Humanizer", ["Humanizer.slnx", "src/Humanizer.slnx", "src/Humanizer.sln"]),
    # 2013-2019 had no NodaTime.sln; NodaTime-All.sln holds what it later held (library, tests, tools)
    ("nodatime", "nodatime+nodatime", ["src/NodaTime.slnx", "src/NodaTime.sln", "src/NodaTime-All.sln"]),
    ("RestSharp", "restsharp+RestSharp", ["RestSharp.slnx", "RestSharp.sln"]),
]
# Two repositories nobody tuned on (issue 11's moonshot), cases in bench/unseen/<name>.jsonl; run with --unseen.
UNSEEN = [
    ("MediatR", "jbogard+MediatR", ["MediatR.sln"]),
    ("CsvHelper", "JoshClose+CsvHelper", ["CsvHelper.sln"]),
]


def git_dir(mirrors, owner_name):
    """The git directory of a repository under the mirrors folder: OWNER+NAME/repo or OWNER+NAME itself."""
    for d in (os.path.join(mirrors, owner_name, "repo"), os.path.join(mirrors, owner_name)):
        if os.path.isfile(os.path.join(d, "HEAD")) and os.path.isdir(os.path.join(d, "objects")):
            return d
    return None


def clone_line(mirrors, owner_name):
    """The command that puts a repository where git_dir finds it."""
    owner, name = owner_name.split("+", 1)
    return f"git clone --bare https://github.com/{owner}/{name} {os.path.join(mirrors, owner_name, 'repo')}"


def mirrors(given):
    """The mirrors folder: --mirrors, else $PACKER_BENCH_MIRRORS; stops with how to make one when neither is set."""
    folder = given or os.environ.get(MIRRORS_ENV)
    if not folder:
        sys.exit(f"no repositories: give --mirrors DIR or set {MIRRORS_ENV}=DIR, a folder holding each repository as "
                 f"`git clone --bare https://github.com/OWNER/NAME DIR/OWNER+NAME/repo` (bench/README.md lists them)")
    return os.path.abspath(folder)


def harness(given, needs=("run.py",)):
    """The shared bench's folder: --bench, else $PACKER_BENCH_HARNESS, else ../shared/bench beside this clone; stops
    with a message when the one chosen lacks a script it needs or its `npm install`."""
    beside = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench"))
    folder = given or os.environ.get(HARNESS_ENV) or (beside if os.path.isdir(beside) else None)
    if not folder:
        sys.exit(f"no shared bench: give --bench DIR or set {HARNESS_ENV}=DIR (the folder of run.py, task.py, "
                 f"prefix.py and count-tokens.mjs)")
    folder = os.path.abspath(folder)
    missing = [n for n in needs if not os.path.isfile(os.path.join(folder, n))]
    if missing:
        sys.exit(f"no {', '.join(missing)} in {folder} (give --bench DIR or set {HARNESS_ENV})")
    if not os.path.isdir(os.path.join(folder, "node_modules")):
        sys.exit(f"run `npm install` in {folder} first (the bench's own token counter)")
    return folder


def out_dir(given, table):
    """Where a run writes: --out, else bench/out/<table>."""
    return os.path.abspath(given or os.path.join(HERE, "out", table))


def scratch_dir(given, table):
    """Work trees and the tool's cache: --scratch, else <temporary folder>/packer-bench/<table>."""
    return os.path.abspath(given or os.path.join(tempfile.gettempdir(), "packer-bench", table))


def tool_path(tool):
    """The tool to run: a command on PATH, an executable file, or a built dotnet-pack-context.dll (run with
    `dotnet`); stops when it is none of these."""
    found = shutil.which(tool) or (tool if os.path.isfile(tool) else None)
    if found is None:
        sys.exit(f"no tool {tool}: give --tool PATH (an installed dotnet-pack-context, or a build's "
                 f"src/Packer.Cli/bin/Release/net10.0/dotnet-pack-context[.dll])")
    return os.path.abspath(found)  # the bench runs it from the checked-out repository's folder


def tool_command(a, name, solutions, cases, keep, aim="--seed {seed}", extra=()):
    """The shared bench's --cmd template: pack_case.py with this repository's settings (a: the run's tool, bench,
    scratch and timeout); the bench fills the {fields}. table.py aims it at the seed, tasks.py with --task-file
    {task_file}, which task.py fills; extra: more pack_case.py arguments."""
    q = shlex.quote
    return " ".join([
        q(sys.executable), q(os.path.join(HERE, "pack_case.py")), "--tool", q(a.tool), "--cases", q(cases),
        "--keep", q(keep), "--solutions", q(",".join(solutions)), "--bench", q(a.bench),
        "--cache-dir", q(os.path.join(a.scratch, "cache", name)), "--timeout", str(a.timeout),
        "--root {root}", aim, "--budget {budget} --manifest {manifest} --out {out}", *map(q, extra)])


def chosen(repos, wanted):
    """The repositories of `repos` named in the comma-separated `wanted` (all when None); stops on an unknown name."""
    names = set(wanted.split(",")) if wanted else None
    unknown = sorted((names or set()) - {n for n, _, _ in repos})
    if unknown:
        sys.exit(f"unknown repositories {unknown}; known: {[n for n, _, _ in repos]}")
    return [r for r in repos if names is None or r[0] in names]
