#!/usr/bin/env python3
"""Splits an async-profiler CPU profile (collapsed stacks, one thread per stack: -t) of mockpg.

    profile_split.py PROFILE

Prints the samples per thread group, then the event loops' samples by who spent them: the
kernel (a kernel frame on top), else the innermost of mockpg's or Netty's frames, which is
charged for the JDK and native code it called. Then mockpg's hottest frames, self time.
"""
import collections
import re
import sys


def thread_group(frame):
    name = frame.strip("[]").split(" tid=")[0]
    if name.startswith("epollEventLoopGroup") or name.startswith("nioEventLoopGroup"):
        return "event loops"
    if name.startswith("C1 Compiler") or name.startswith("C2 Compiler"):
        return "JIT compiler"
    if name.startswith("GC Thread") or name.startswith("G1 "):
        return "garbage collector"
    return "other"


def owner(frames):
    if frames[-1].endswith("_[k]"):
        return "kernel"
    for frame in reversed(frames):
        if frame.startswith("io/mockpg/"):
            return "mockpg"
        if frame.startswith("io/netty/"):
            return "Netty"
    return "JVM runtime"


def main():
    groups = collections.Counter()
    owners = collections.Counter()
    mockpg_self = collections.Counter()
    for line in open(sys.argv[1]):
        stack, count = line.rsplit(" ", 1)
        count = int(count)
        frames = stack.split(";")
        group = thread_group(frames[0])
        groups[group] += count
        if group != "event loops":
            continue
        spender = owner(frames[1:])
        owners[spender] += count
        if spender == "mockpg":
            mockpg_self[re.sub(r"^io/mockpg/", "", frames[-1])] += count

    total = sum(groups.values())
    print("\nCPU samples by thread (%d in all)" % total)
    for group, count in groups.most_common():
        print("  %-18s %5.1f %%" % (group, 100 * count / total))
    loops = groups["event loops"] or 1
    print("\nThe event loops' samples, by who spent them")
    for name, count in owners.most_common():
        print("  %-18s %5.1f %%" % (name, 100 * count / loops))
    print("\nmockpg's hottest frames (self, with the JDK code they called), share of the event loops")
    for frame, count in mockpg_self.most_common(12):
        print("  %5.2f %%  %s" % (100 * count / loops, frame))


if __name__ == "__main__":
    main()
