# SPDX-License-Identifier: EUPL-1.2
"""Concurrent writers against the audit chain, in-process on PostgreSQL (decision 30).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/plus1_bench \
        python benchmarks/concurrent_writers.py [--writers 2,16] [--duration 5] [--hold-ms 20]

Each writer runs transactions that write one audit entry and an outbox row (what a
service writes) and then keep the transaction open for --hold-ms, the rest of a request's
database work (validation reads, the business rows). Both head-lock designs run in the same
process and database, so a busy machine slows both alike:

  lock-whole   the head row locked at the audit write and held until commit (before 30)
  link-after   the entry written unlinked, linked right after commit (plus1 now)

It prints writes/s, p50 and p95 per design and writer count, then verifies the chain
(exit status 1 when it is broken or entries are left unlinked). Use a scratch database:
it adds entries to its audit log (the outbox rows are removed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
import uuid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--writers", default="2,16")
    parser.add_argument("--duration", type=float, default=5)
    parser.add_argument("--hold-ms", type=float, default=20)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")
    import django

    django.setup()
    from django.db import connection, transaction

    from plus1.audit.chain import audit_link_pending
    from plus1.audit.models import AuditHead
    from plus1.audit.services import Actor, audit_record
    from plus1.audit.verify import verify_chain
    from plus1.events.models import OutboxMessage
    from plus1.events.services import outbox_put_for
    from plus1.identity.models import Team

    if connection.vendor != "postgresql":
        raise SystemExit("PostgreSQL only: SQLite serialises every writer anyway")
    team = Team.objects.order_by("pk").first()
    if team is None:
        raise SystemExit("No team: run `plus1 demo --no-serve` first")

    def one_write(design: str, number: int) -> None:
        with transaction.atomic():
            if design == "lock-whole":
                AuditHead.objects.select_for_update().get(pk=1)
            audit_record(
                actor=Actor.system("bench"), action="bench.written", obj=team, after={"n": number}
            )
            event = uuid.uuid4()
            outbox_put_for(
                topic="bench.written", consumer="bench", key=str(event), payload={}, event_id=event
            )
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_sleep(%s)", [args.hold_ms / 1000])

    def run(design: str, writers: int) -> tuple[list[float], float]:
        latencies: list[float] = []
        lock, stop = threading.Lock(), time.monotonic() + args.duration

        def writer(index: int) -> None:
            number = 0
            try:
                while time.monotonic() < stop:
                    started = time.perf_counter()
                    one_write(design, index * 1_000_000 + number)
                    with lock:
                        latencies.append(time.perf_counter() - started)
                    number += 1
            finally:
                connection.close()

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
        begin = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return latencies, time.monotonic() - begin

    print(f"# load average at start {os.getloadavg()}", flush=True)
    for design in ("lock-whole", "link-after"):
        for writers in (int(n) for n in args.writers.split(",")):
            latencies, seconds = run(design, writers)
            ordered = sorted(latencies) or [0.0]
            print(
                f"{design:<11} writers={writers:<3} writes/s={len(latencies) / seconds:7.1f} "
                f"p50={statistics.median(ordered) * 1000:7.1f} ms "
                f"p95={ordered[int(len(ordered) * 0.95)] * 1000:7.1f} ms writes={len(latencies)}",
                flush=True,
            )
    OutboxMessage.objects.filter(consumer="bench").delete()  # nobody delivers them
    audit_link_pending()  # an entry whose linker gave way at the very end
    report = verify_chain()
    print(
        f"# chain: {'intact' if report.intact else 'BROKEN: ' + report.problem}, "
        f"{report.checked} entries verified, {report.pending} pending; "
        f"load average at end {os.getloadavg()}"
    )
    return 0 if report.intact and not report.pending else 1


if __name__ == "__main__":
    sys.exit(main())
