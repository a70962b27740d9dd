#!/usr/bin/env python3
"""`zhiyou gs1 check` against GS1's C Barcode Syntax Engine on the same mixed inputs.

Generates N inputs (gs1_inputs.py, deterministic), runs both programs R times each
(alternating), checks that every line gets the same verdict, and prints the median wall and
CPU (user + sys) time of each and the throughput ratio. The reference is a small driver
around the engine's C library that prints 1 or 0 per input line (see README, "GS1 codes
and issuance"); its path comes from $GS1_CHECK_REFERENCE.

Usage: gs1_check_bench.py ZHIYOU_BINARY [N=1000000] [R=5] [zhiyou arguments...]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(argv, stdin_path, stdout_path):
    with open(stdin_path, "rb") as i, open(stdout_path, "wb") as o:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=i, stdout=o)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    if status != 0:
        sys.exit("%s exited with %d" % (argv[0], status))
    return wall, usage.ru_utime + usage.ru_stime


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    zhiyou = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    extra = sys.argv[4:]
    reference = os.environ.get("GS1_CHECK_REFERENCE")
    if not reference or not os.access(reference, os.X_OK):
        sys.exit("GS1_CHECK_REFERENCE must name the engine driver (see README)")
    work = tempfile.mkdtemp(prefix="zhiyou-gs1-bench-")
    inputs = os.path.join(work, "inputs.txt")
    with open(inputs, "wb") as f:
        subprocess.run([sys.executable, os.path.join(HERE, "gs1_inputs.py"), str(n)], stdout=f,
                       check=True)
    ours_out = os.path.join(work, "zhiyou.jsonl")
    ref_out = os.path.join(work, "reference.txt")
    ours, ref = [], []
    for _ in range(repeats):
        ours.append(run([zhiyou, "gs1", "check"] + extra, inputs, ours_out))
        ref.append(run([reference], inputs, ref_out))

    with open(inputs, "rb") as f:
        lines = f.read().split(b"\n")
    with open(ours_out, encoding="utf-8") as f:
        verdicts = [json.loads(line)["ok"] for line in f]
    with open(ref_out) as f:
        expected = [line.strip() == "1" for line in f]
    if len(verdicts) != n or len(expected) != n:
        sys.exit("line counts differ: inputs %d, zhiyou %d, reference %d" %
                 (n, len(verdicts), len(expected)))
    differ = [i for i in range(n) if verdicts[i] != expected[i]]
    valid = sum(expected)

    def med(runs, k):
        return statistics.median(r[k] for r in runs)

    print("inputs: %d (%d valid by the reference), %d runs each, zhiyou %s" %
          (n, valid, repeats, " ".join(extra) or "(defaults)"))
    print("%-26s %10s %10s %14s" % ("", "wall s", "cpu s", "lines/s (wall)"))
    for name, runs in (("GS1 syntax engine (C)", ref), ("zhiyou gs1 check", ours)):
        print("%-26s %10.3f %10.3f %14.0f" % (name, med(runs, 0), med(runs, 1), n / med(runs, 0)))
    print("throughput ratio (wall): %.2f×   per CPU second: %.2f×" %
          (med(ref, 0) / med(ours, 0), med(ref, 1) / med(ours, 1)))
    print("verdicts differ on %d lines" % len(differ))
    for i in differ[:10]:
        print("  line %d: reference %s, zhiyou %s: %r" %
              (i + 1, expected[i], verdicts[i], lines[i][:100]))
    subprocess.run(["rm", "-rf", work])
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
