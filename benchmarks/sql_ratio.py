# SPDX-License-Identifier: EUPL-1.2
"""API time of a ZGW page against the raw time of the SQL it runs, in the same process and
run (so a busy machine slows both alike).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/plus1_api \
        python benchmarks/sql_ratio.py --client-id bench --secret 'bench-secret' [--rounds 30]

For each page (list page 1, a deep page, a detail, a search by BSN) it captures the SQL of
one request, then times --rounds requests through Django's test client and --rounds
executions of exactly that SQL on a cursor; it prints both medians and their ratio (the
target: API time at most 3× the SQL time).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--client-id", default="bench")
    parser.add_argument("--secret", default=os.environ.get("PLUS1_BENCH_SECRET", ""))
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--bsn", default="999990019")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from zgw_load import CRS, ZAKEN, jwt_token

    headers = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in CRS.items()}
    headers["HTTP_AUTHORIZATION"] = f"Bearer {jwt_token(args.client_id, args.secret)}"
    client = Client(HTTP_HOST="localhost", **headers)
    first = client.get(f"{ZAKEN}/zaken")
    if first.status_code != 200:
        print(f"GET /zaken answered {first.status_code}", file=sys.stderr)
        return 1
    body = first.json()
    deep = max(1, min(50, (body["count"] + 99) // 100))
    search = {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": args.bsn}
    pages = {
        "list": lambda: client.get(f"{ZAKEN}/zaken"),
        f"page {deep}": lambda: client.get(f"{ZAKEN}/zaken", {"page": deep}),
        "detail": lambda: client.get(body["results"][0]["url"].split("localhost", 1)[-1]),
        "zoek-bsn": lambda: client.post(
            f"{ZAKEN}/zaken/_zoek", search, content_type="application/json"
        ),
    }
    print(f"# {body['count']} zaken, {connection.vendor}, load average {os.getloadavg()}")
    for name, call in pages.items():
        with CaptureQueriesContext(connection) as captured:
            response = call()
        if not 200 <= response.status_code < 300:
            print(f"{name}: answered {response.status_code}", file=sys.stderr)
            return 1
        count = len(captured)  # read now: the next request resets Django's query log
        statements = [
            q["sql"]
            for q in captured
            if q["sql"].startswith("SELECT")  # reads only: the writes of a search change data
        ]
        api, sql = [], []
        for _ in range(args.rounds):
            started = time.perf_counter()
            call()
            api.append(time.perf_counter() - started)
            started = time.perf_counter()
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
                    cursor.fetchall()
            sql.append(time.perf_counter() - started)
        api_ms, sql_ms = statistics.median(api) * 1000, statistics.median(sql) * 1000
        print(
            f"{name:<10} queries={count:<3} api p50={api_ms:7.2f} ms "
            f"sql p50={sql_ms:7.2f} ms ratio={api_ms / sql_ms if sql_ms else 0:5.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
