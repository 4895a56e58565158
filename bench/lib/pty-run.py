#!/usr/bin/env python3
"""Runs a command in a real pseudo-terminal and times what it draws.

Reads one JSON spec on argv[1]:
  argv, cwd, env (added to the environment), cols, rows, timeout_ms,
  pretype   bytes typed into the terminal right after the start (optional),
  steps     [{marker, send?, settle_ms?}]: for the first step without `send`, the time from
            the start to the marker on screen; for a step with `send`, the output goes quiet
            for settle_ms (default 150) first, then the bytes are written and timed until the
            marker is read back (and until the first byte of the answer),
  finish    bytes typed at the end (such as quit keys); the process is killed if it lingers.
Prints one JSON object: {ok, steps: [{ms, first_byte_ms}], exit, error, tail}.
Markers are compared with escape sequences stripped and all whitespace removed, so a line
wrapped or styled by the program still matches.
"""
import fcntl, json, os, re, select, signal, struct, subprocess, sys, termios, time

ANSI = re.compile(rb'\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78DEHMc]')
SPACE = re.compile(rb'\s+')


def squash(data):
    return SPACE.sub(b'', ANSI.sub(b'', data))


def main():
    spec = json.loads(sys.argv[1])
    cols, rows = spec.get('cols', 100), spec.get('rows', 30)
    timeout = spec.get('timeout_ms', 20000) / 1000
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    env = dict(os.environ)
    for key in ('CI', 'CONTINUOUS_INTEGRATION'):
        env.pop(key, None)
    env['TERM'] = env.get('TERM') if env.get('TERM') not in (None, '', 'dumb') else 'xterm-256color'
    env.update(spec.get('env', {}))

    def controlling_tty():
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    start = time.perf_counter()
    child = subprocess.Popen(spec['argv'], cwd=spec.get('cwd'), env=env, stdin=slave, stdout=slave, stderr=slave,
                             start_new_session=True, preexec_fn=controlling_tty, close_fds=True)
    os.close(slave)
    if spec.get('pretype'):
        os.write(master, spec['pretype'].encode())
    out = bytearray()
    result = {'ok': True, 'steps': [], 'exit': None, 'error': None}
    eof = False

    def read_some(wait):
        nonlocal eof
        if eof:
            return False
        ready, _, _ = select.select([master], [], [], wait)
        if not ready:
            return False
        try:
            chunk = os.read(master, 65536)
        except OSError:
            chunk = b''
        if not chunk:
            eof = True
            return False
        out.extend(chunk)
        return True

    def settle(quiet):
        # waits until the program has written nothing for `quiet` seconds (or has ended)
        since = time.perf_counter()
        limit = since + timeout
        while time.perf_counter() - since < quiet and not eof and time.perf_counter() < limit:
            if read_some(0.01):
                since = time.perf_counter()

    try:
        for step in spec.get('steps', []):
            marker = squash(step['marker'].encode())
            if 'send' in step:
                settle(step.get('settle_ms', 150) / 1000)
                begin = len(out)
                t0 = time.perf_counter()
                os.write(master, step['send'].encode())
            else:
                begin, t0 = 0, start
            first = None
            deadline = t0 + timeout
            while True:
                if marker in squash(bytes(out[begin:])):
                    break
                if eof or time.perf_counter() > deadline:
                    raise RuntimeError('timed out waiting for %r' % step['marker'])
                if read_some(0.05) and first is None and len(out) > begin:
                    first = time.perf_counter()
            now = time.perf_counter()
            result['steps'].append({'ms': (now - t0) * 1000, 'first_byte_ms': ((first or now) - t0) * 1000})
        if spec.get('finish'):
            for key in spec['finish']:
                settle(0.1)
                if eof:
                    break
                os.write(master, key.encode())
        end = time.perf_counter() + 3
        while child.poll() is None and time.perf_counter() < end:
            read_some(0.02)
    except Exception as error:  # the report says what went wrong; the caller decides
        result['ok'] = False
        result['error'] = str(error)
    finally:
        if child.poll() is None:
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        result['exit'] = child.wait()
        while read_some(0):
            pass
        os.close(master)
    if not result['ok'] or spec.get('tail'):
        result['tail'] = ANSI.sub(b'', bytes(out[-2000:])).decode('utf8', 'replace')
    print(json.dumps(result))


main()
