#!/usr/bin/env python3
"""Times the MCP server's pack_context calls over stdio: the first call (the server loads or reads the
solution), repeated calls on an unchanged repository (the analysis kept in memory), and, with --edit FILE,
a call after a comment was appended to FILE (restored at the end). Prints each call's wall time and the
medians. Python 3 standard library only; speaks newline-delimited JSON-RPC as an MCP client does
(mcp_client.py, which benchmark.py's mcp modes use too).

usage: scripts/mcp_timing.py FOLDER --target SPEC [--target SPEC]... [--max-tokens N] [--repeat N]
                             [--edit FILE] [--tool CMD] [-- SERVER ARGS...]
"""
import argparse, os, shlex, statistics, sys

from mcp_client import McpClient, McpError

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('folder')
    parser.add_argument('--target', action='append', required=True)
    parser.add_argument('--max-tokens', type=int, default=32000)
    parser.add_argument('--repeat', type=int, default=5)
    parser.add_argument('--edit')
    parser.add_argument('--tool', default='dotnet-pack-context')
    argv = sys.argv[1:]
    split = argv.index('--') if '--' in argv else len(argv)
    args = parser.parse_args(argv[:split])
    args.server_args = argv[split + 1:]

    try:
        with McpClient(shlex.split(args.tool) + ['mcp', *args.server_args], args.folder, 'mcp_timing') as client:
            time_calls(client, args)
    except McpError as e:
        sys.exit(str(e))

def time_calls(client, args):
    cpus = []

    def pack():
        elapsed, cpu, summary = client.pack(args.target, args.max_tokens)
        cpus.append(cpu)
        return elapsed, summary['totalTokens']

    first, tokens = pack()
    print(f'first   {first:8.3f} s  ({tokens} tokens)')
    repeats = [pack()[0] for _ in range(args.repeat)]
    print('repeat  ' + ' '.join(f'{t:.3f}' for t in repeats) + f'  median {statistics.median(repeats):.3f} s')
    print(f'        server cpu per repeated call: median {statistics.median(cpus[1:]):.3f} s')
    if args.edit:
        path = os.path.join(args.folder, args.edit)
        original = open(path, encoding='utf-8').read()
        edits = []
        try:
            for i in range(args.repeat):
                with open(path, 'a', encoding='utf-8') as f:
                    f.write(f'\n// mcp_timing edit {i}\n')
                edits.append(pack()[0])
        finally:
            open(path, 'w', encoding='utf-8').write(original)
        print('edit    ' + ' '.join(f'{t:.3f}' for t in edits) + f'  median {statistics.median(edits):.3f} s')

if __name__ == '__main__':
    main()
