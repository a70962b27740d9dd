#!/usr/bin/env python3
"""EPCIS capture as the event store grows: `zhiyou trace capture` of ROUNDS rounds of
1,000,000 ObjectEvents each (100 documents of 10,000) into one SQLite database.

The events are as a city's would be: random UUID eventIDs, random serials, event times one
millisecond apart in capture order, bizStep, disposition, readPoint and bizLocation. Each
round's documents are new events. Serials, by SERIALS (environment):
  random  (default) 12 random characters each: every event about a unit anywhere in the
          GTIN's range, the worst case (and how `trace issue` drew serials until it gave
          each issue a prefix);
  issued  as `trace issue` draws them now: a 3-character prefix per round (one issue, one
          production run) and 12 random characters.

Prints, per round, events/s (wall), the CPU seconds of the capture (user + sys) and the
ratio to round 1, the empty store, measured in the same run: a store that keeps its speed
as it grows stays near 1.0. With a second binary (e.g. an older build), the same rounds
run again with it on a database of its own, for a side-by-side.

With DB set (a postgresql:// URL), the rounds go to that database instead, which must be
empty (one binary only):
  PG_DURABLE=1 scripts/with-postgres.sh bash -c \
    'DB=$ZHIYOU_TEST_POSTGRES bench/trace/capture_growth.py build/release/src/cli/zhiyou'

With VIA=http, the documents go to `POST /epcis/capture` of one `zhiyou serve` (on DB or a
SQLite file, `--threads` SERVER_THREADS, default 2) instead, from CLIENTS (default 2) connections at once,
each sending its next document when the last is answered, as enterprises' systems would; the
CPU seconds are the server's.

Usage: [SERIALS=random|issued] [DB=URL] [VIA=cli|http [CLIENTS=N] [SERVER_THREADS=N]]
       capture_growth.py ZHIYOU_BINARY [ROUNDS=3] [OTHER_ZHIYOU_BINARY]
"""
import datetime
import http.client
import json
import os
import random
import resource
import shutil
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import uuid

EVENTS_PER_DOCUMENT = 10_000
DOCUMENTS_PER_ROUND = 100
ALPHABET = string.ascii_uppercase + string.digits
HEAD = (
    '{"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],'
    '"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-01-01T00:00:00Z",'
    '"epcisBody":{"eventList":['
)
EVENT = (
    '{"type":"ObjectEvent","eventID":"urn:uuid:%s","eventTime":"%sZ",'
    '"eventTimeZoneOffset":"+08:00","action":"OBSERVE","bizStep":"shipping",'
    '"disposition":"in_transit","epcList":["urn:epc:id:sgtin:9506000.013435.%s"],'
    '"readPoint":{"id":"urn:epc:id:sgln:9506000.13430.7"},'
    '"bizLocation":{"id":"urn:epc:id:sgln:9506000.13430.0"}}'
)


def write_round(directory, round_no):
    """The round's documents in `directory`; the same events for the same round number."""
    rnd = random.Random(round_no)
    prefix = ""
    if os.environ.get("SERIALS", "random") == "issued":
        prefix = "".join(rnd.choice(ALPHABET) for _ in range(3))
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    paths = []
    for d in range(DOCUMENTS_PER_ROUND):
        first = (round_no * DOCUMENTS_PER_ROUND + d) * EVENTS_PER_DOCUMENT
        events = []
        for i in range(EVENTS_PER_DOCUMENT):
            event_id = uuid.UUID(int=rnd.getrandbits(128), version=4)
            serial = prefix + "".join(rnd.choice(ALPHABET) for _ in range(12))
            at = start + datetime.timedelta(milliseconds=first + i)
            events.append(EVENT % (event_id, at.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3], serial))
        path = os.path.join(directory, f"round{round_no:02d}-{d:03d}.json")
        with open(path, "w") as f:
            f.write(HEAD + ",".join(events) + "]}}")
        paths.append(path)
    return paths


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Server:
    """`zhiyou serve` on `database` with an account that may capture (VIA=http)."""

    PASSWORD = "capture-growth-口令"

    def __init__(self, binary, database, work):
        subprocess.run([binary, "user", "add", "bench", "--role", "admin", "--password-stdin",
                        "--db", database], input=self.PASSWORD, text=True, check=True,
                       stdout=subprocess.DEVNULL)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log = open(os.path.join(work, "serve.log"), "w")
        threads = os.environ.get("SERVER_THREADS", "2")
        self.process = subprocess.Popen(
            [binary, "serve", "--db", database, "--listen", f"127.0.0.1:{self.port}",
             "--threads", threads], stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(300):
            try:
                self.request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        status, body = self.request("POST", "/api/v1/session", json.dumps(
            {"username": "bench", "password": self.PASSWORD}).encode())
        if status != 200:
            sys.exit(f"login failed: {status} {body[:200]}")
        self.token = json.loads(body)["token"]

    def request(self, method, path, body=None, token=None, connection=None):
        c = connection or http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        c.request(method, path, body=body, headers=headers)
        response = c.getresponse()
        return response.status, response.read()

    def cpu(self):
        with open(f"/proc/{self.process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def capture(self, paths, clients):
        pending = list(reversed(paths))
        lock = threading.Lock()
        failures = []

        def client():
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
            while True:
                with lock:
                    if not pending or failures:
                        return
                    path = pending.pop()
                with open(path, "rb") as f:
                    body = f.read()
                status, answer = self.request("POST", "/epcis/capture", body, self.token,
                                              connection)
                if status != 202:
                    failures.append(f"{path}: {status} {answer[:300]!r}")

        threads = [threading.Thread(target=client) for _ in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if failures:
            sys.exit("capture refused: " + failures[0])

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()


def run(binary, rounds, work):
    database = os.environ.get("DB") or os.path.join(work, "growth.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    documents = os.path.join(work, "documents")
    server = None
    if os.environ.get("VIA", "cli") == "http":
        subprocess.run([binary, "plan", "list", "--db", database], check=True,
                       stdout=subprocess.DEVNULL)  # creates the database
        server = Server(binary, database, work)
    clients = int(os.environ.get("CLIENTS", "2"))
    results = []
    for r in range(rounds):
        shutil.rmtree(documents, ignore_errors=True)
        os.makedirs(documents)
        paths = write_round(documents, r)
        # The documents just written reach the disk before the clock starts: the kernel's
        # writing them back would otherwise compete with the capture's own log writes.
        os.sync()
        cpu_now = server.cpu if server else children_cpu
        cpu = cpu_now()
        began = time.monotonic()
        if server:
            server.capture(paths, clients)
        else:
            subprocess.run([binary, "trace", "capture", *paths, "--db", database], check=True,
                           stdout=subprocess.DEVNULL)
        wall = time.monotonic() - began
        events = EVENTS_PER_DOCUMENT * DOCUMENTS_PER_ROUND
        size = os.path.getsize(database) if os.path.exists(database) else None
        results.append((events / wall, cpu_now() - cpu, size))
        rate, seconds, size = results[-1]
        stored = f"database {size / 2**30:4.1f} GiB " if size is not None else ""
        print(f"  round {r + 1}: {rate:9.0f} events/s  CPU {seconds:5.1f} s  "
              f"× round 1 {rate / results[0][0]:4.2f}  {stored}"
              f"({(r + 1) * events:,} events)", flush=True)
    shutil.rmtree(documents, ignore_errors=True)
    if server:
        server.stop()
    return results


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binaries = [sys.argv[1]] + ([] if os.environ.get("DB") else sys.argv[3:4])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    work = tempfile.mkdtemp(prefix="zhiyou-capture-growth-")
    try:
        for binary in binaries:
            print(f"{binary}: {rounds} rounds of "
                  f"{EVENTS_PER_DOCUMENT * DOCUMENTS_PER_ROUND:,} events", flush=True)
            run(binary, rounds, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
