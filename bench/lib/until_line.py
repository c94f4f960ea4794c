#!/usr/bin/env python3
"""Milliseconds from spawning a command until it prints a line containing PATTERN.

    until_line.py PATTERN [--cpu] -- COMMAND...

Prints "ms N"; with --cpu also "cpu-ms N", the CPU time (user + system, every thread) the
process had used by then, a steadier figure than wall time on a busy host. The command is then sent SIGTERM (unless it exits by itself first) and waited
for. Exit status 1 if the process ended without printing the line.
"""
import os
import subprocess
import sys
import time


def cpu_ms(pid):
    """User + system CPU time of a live process so far, from /proc/PID/stat."""
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")


def main():
    pattern = sys.argv[1]
    with_cpu = "--cpu" in sys.argv[2:sys.argv.index("--")]
    command = sys.argv[sys.argv.index("--") + 1:]
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        if pattern in line:
            elapsed = (time.monotonic() - start) * 1000
            print("ms %.1f" % elapsed, flush=True)
            if with_cpu:
                print("cpu-ms %.0f" % cpu_ms(proc.pid), flush=True)
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
