#!/usr/bin/env python3
"""Milliseconds from spawning a command until it prints a line containing PATTERN.

    until_line.py PATTERN [--keep] -- COMMAND...

Prints "ms N". The command is then sent SIGTERM (unless it exits by itself first) and waited
for. Exit status 1 if the process ended without printing the line.
"""
import subprocess
import sys
import time


def main():
    pattern = sys.argv[1]
    command = sys.argv[sys.argv.index("--") + 1:]
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        if pattern in line:
            elapsed = (time.monotonic() - start) * 1000
            print("ms %.1f" % elapsed, flush=True)
            if proc.poll() is None:
                proc.terminate()
            proc.stdout.read()
            proc.wait()
            return 0
    proc.wait()
    print("no line containing %r; exit status %d" % (pattern, proc.returncode), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
