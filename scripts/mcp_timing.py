#!/usr/bin/env python3
"""Times the MCP server's pack_context calls over stdio: the first call (the server loads or reads the
solution), repeated calls on an unchanged repository (the analysis kept in memory), and, with --edit FILE,
a call after a comment was appended to FILE (restored at the end). Prints each call's wall time and the
medians. Python 3 standard library only; speaks newline-delimited JSON-RPC as an MCP client does.

usage: scripts/mcp_timing.py FOLDER --target SPEC [--target SPEC]... [--max-tokens N] [--repeat N]
                             [--edit FILE] [--tool CMD] [-- SERVER ARGS...]
"""
import argparse, json, os, shlex, statistics, subprocess, sys, time

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

    server = subprocess.Popen(shlex.split(args.tool) + ['mcp', *args.server_args], cwd=args.folder,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    ids = iter(range(1, 1_000_000))

    def request(method, params):
        message_id = next(ids)
        server.stdin.write(json.dumps({'jsonrpc': '2.0', 'id': message_id, 'method': method, 'params': params}) + '\n')
        server.stdin.flush()
        while True:
            line = server.stdout.readline()
            if not line:
                sys.exit('the server closed its output')
            message = json.loads(line)
            if message.get('id') == message_id:
                if 'error' in message:
                    sys.exit(f'{method}: {message["error"]}')
                return message['result']

    def cpu():
        # The server's user + system seconds (Linux; the tool may run under a wrapper such as nice or dnx, so its children count too).
        try:
            fields = open(f'/proc/{server.pid}/stat').read().rsplit(')', 1)[1].split()
            return sum(int(f) for f in fields[11:15]) / os.sysconf('SC_CLK_TCK')
        except OSError:
            return 0.0

    cpus = []

    def pack():
        start, before = time.perf_counter(), cpu()
        result = request('tools/call', {'name': 'pack_context', 'arguments': {'targets': args.target, 'maxTokens': args.max_tokens}})
        elapsed = time.perf_counter() - start
        cpus.append(cpu() - before)
        if result.get('isError'):
            sys.exit(result['content'][0]['text'])
        summary = json.loads(result['content'][0]['text'])
        return elapsed, summary['totalTokens']

    request('initialize', {'protocolVersion': '2025-06-18', 'capabilities': {}, 'clientInfo': {'name': 'mcp_timing', 'version': '1'}})
    server.stdin.write(json.dumps({'jsonrpc': '2.0', 'method': 'notifications/initialized'}) + '\n')
    server.stdin.flush()

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
    server.stdin.close()
    server.wait(timeout=30)

if __name__ == '__main__':
    main()
