"""A minimal MCP client over stdio for the timing scripts (mcp_timing.py, benchmark.py's mcp modes): starts
`TOOL mcp ...`, speaks newline-delimited JSON-RPC as an MCP client does, and times pack_context calls. Imports
no other script of this folder. Python 3 standard library only; the CPU and memory figures read /proc (Linux).
"""
import json, os, subprocess, time


class McpError(Exception):
    """The server answered with an error, closed its output, or a tool call failed."""


class McpClient:
    """One server process, initialized; use it as a context manager so the server is always stopped."""

    def __init__(self, command, cwd, client_name='mcp_client'):
        self.server = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self._next_id = 0
        try:
            self.request('initialize', {'protocolVersion': '2025-06-18', 'capabilities': {}, 'clientInfo': {'name': client_name, 'version': '1'}})
            self._send({'jsonrpc': '2.0', 'method': 'notifications/initialized'})
        except BaseException:
            self.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _send(self, message):
        self.server.stdin.write(json.dumps(message) + '\n')
        self.server.stdin.flush()

    def request(self, method, params):
        """Sends one request and returns its result (notifications and other messages in between are skipped)."""
        self._next_id += 1
        message_id = self._next_id
        self._send({'jsonrpc': '2.0', 'id': message_id, 'method': method, 'params': params})
        while True:
            line = self.server.stdout.readline()
            if not line:
                raise McpError(f'{method}: the server closed its output (exit code {self.server.poll()})')
            message = json.loads(line)
            if message.get('id') == message_id:
                if 'error' in message:
                    raise McpError(f'{method}: {message["error"]}')
                return message['result']

    def cpu_seconds(self):
        """The server's user + system seconds, its waited-for children's included (Linux; the tool may run under
        a wrapper such as nice or dnx)."""
        try:
            with open(f'/proc/{self.server.pid}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
            return sum(int(v) for v in fields[11:15]) / os.sysconf('SC_CLK_TCK')
        except OSError:
            return 0.0

    def pack(self, targets, max_tokens):
        """Calls pack_context; returns (wall seconds, server CPU seconds, the summary the tool answered with)."""
        start, before = time.perf_counter(), self.cpu_seconds()
        result = self.request('tools/call', {'name': 'pack_context', 'arguments': {'targets': targets, 'maxTokens': max_tokens}})
        elapsed = time.perf_counter() - start
        cpu = self.cpu_seconds() - before
        if result.get('isError'):
            raise McpError(result['content'][0]['text'])
        return elapsed, cpu, json.loads(result['content'][0]['text'])

    def close(self, timeout=30):
        """Closes the server's input (it ends when its input does) and waits; stops it if it does not end."""
        if self.server.poll() is None:
            try:
                self.server.stdin.close()
                self.server.wait(timeout=timeout)
            except (OSError, subprocess.TimeoutExpired):
                self.server.kill()
                self.server.wait()
