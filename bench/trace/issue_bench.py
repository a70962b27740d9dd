#!/usr/bin/env python3
"""`zhiyou trace issue` of N codes (stored and exported as CSV) against reference loads of
the same rows measured in the same run.

For each run, on a fresh database: `zhiyou trace issue --count N --out codes.csv` (random
serials, one product, one batch). Then the references, on the same machine and the same
rows (gtin, serial, lot taken from that CSV):
  SQLite      the sqlite3 shell importing them (`.import --csv`, one transaction) into the
              codes table of a fresh Zhiyou database, plus a plain copy of the CSV bytes
              (`cp`), the floor for writing the export;
  PostgreSQL  psql's `\\copy` of them into the codes table of a fresh Zhiyou database (only
              under scripts/with-postgres.sh, which sets $ZHIYOU_TEST_POSTGRES), plus `cp`.
Prints the median wall and CPU (user + sys of the client process; a PostgreSQL server's own
work shows in wall time only) of each and the ratios.

Usage: issue_bench.py ZHIYOU_BINARY [N=1500000] [RUNS=3]
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GTIN = "09506000134352"
USCC = "91330212MA2G00001N"


def timed(argv, **kwargs):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if status != 0:
        sys.exit("%s failed: %s" % (" ".join(argv[:3]), err))
    return wall, usage.ru_utime + usage.ru_stime


def quiet(argv):
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)


def prepare(zhiyou, db):
    quiet([zhiyou, "entity", "add", "--uscc", USCC, "--name", "宁波甬优电器有限公司",
           "--region", "鄞州", "--db", db])
    quiet([zhiyou, "product", "add", "--gtin", GTIN, "--name", "电热水壶", "--entity", USCC,
           "--db", db])


def rows_of(csv_path, rows_path):
    """gtin,serial,lot of every code in the export (no header)."""
    with open(csv_path, encoding="utf-8") as src, open(rows_path, "w", encoding="utf-8") as dst:
        next(src)
        for line in src:
            gtin, lot, serial = line.split(",", 3)[:3]
            dst.write("%s,%s,%s\n" % (gtin, serial, lot))


def issue(zhiyou, db, n, out):
    return timed([zhiyou, "trace", "issue", "--gtin", GTIN, "--lot", "B2027", "--expiry",
                  "271231", "--count", str(n), "--out", out, "--db", db])


def add(a, b):
    return a[0] + b[0], a[1] + b[1]


def run_sqlite(zhiyou, work, n, i):
    db = os.path.join(work, "z%d.db" % i)
    csv = os.path.join(work, "codes%d.csv" % i)
    prepare(zhiyou, db)
    ours = issue(zhiyou, db, n, csv)
    rows = os.path.join(work, "rows.csv")
    rows_of(csv, rows)
    ref_db = os.path.join(work, "ref%d.db" % i)
    quiet([zhiyou, "entity", "list", "--db", ref_db])  # the same schema, migrated
    load = timed(["sqlite3", ref_db, ".import --csv %s codes" % rows])
    copy = timed(["cp", csv, csv + ".copy"])
    for f in (csv, csv + ".copy", rows, db, ref_db):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(f + suffix):
                os.remove(f + suffix)
    return ours, add(load, copy)


def run_postgresql(zhiyou, work, n, i, server):
    base, _, _ = server.rpartition("/")
    urls = []
    for name in ("zb_ours_%d" % i, "zb_ref_%d" % i):
        quiet(["psql", server, "-q", "-c", "CREATE DATABASE %s" % name])
        urls.append("%s/%s" % (base, name))
    csv = os.path.join(work, "pg_codes%d.csv" % i)
    prepare(zhiyou, urls[0])
    ours = issue(zhiyou, urls[0], n, csv)
    rows = os.path.join(work, "pg_rows.csv")
    rows_of(csv, rows)
    quiet([zhiyou, "entity", "list", "--db", urls[1]])
    load = timed(["psql", urls[1], "-q", "-c",
                  "\\copy codes (gtin, serial, lot) FROM '%s' CSV" % rows])
    copy = timed(["cp", csv, csv + ".copy"])
    for f in (csv, csv + ".copy", rows):
        os.remove(f)
    return ours, add(load, copy)


def report(engine, n, results, reference_name):
    ours = [r[0] for r in results]
    ref = [r[1] for r in results]

    def med(runs, k):
        return statistics.median(r[k] for r in runs)

    print("%s, %d codes, median of %d runs" % (engine, n, len(results)))
    print("  %-40s %8s %8s" % ("", "wall s", "cpu s"))
    print("  %-40s %8.2f %8.2f" % ("zhiyou trace issue (store + CSV)", med(ours, 0), med(ours, 1)))
    print("  %-40s %8.2f %8.2f" % (reference_name, med(ref, 0), med(ref, 1)))
    print("  ratio zhiyou / reference: wall %.2f, cpu %.2f" %
          (med(ours, 0) / med(ref, 0), med(ours, 1) / med(ref, 1)))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    zhiyou = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1500000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    if not shutil.which("sqlite3"):
        sys.exit("the sqlite3 shell is needed for the reference (apt-get install sqlite3)")
    work = tempfile.mkdtemp(prefix="zhiyou-issue-bench-")
    try:
        report("SQLite", n, [run_sqlite(zhiyou, work, n, i) for i in range(runs)],
               "sqlite3 .import of the rows + cp of the CSV")
        server = os.environ.get("ZHIYOU_TEST_POSTGRES")
        if server:
            report("PostgreSQL", n, [run_postgresql(zhiyou, work, n, i, server)
                                     for i in range(runs)],
                   "psql \\copy of the rows + cp of the CSV")
        else:
            print("PostgreSQL: skipped (run under scripts/with-postgres.sh)")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
