# SPDX-License-Identifier: EUPL-1.2
"""Load test of the ZGW APIs against a running `plus1 serve` (stdlib only).

    python benchmarks/zgw_load.py --base http://127.0.0.1:8108 --client-id bench \
        --secret 'bench-secret' [--duration 20] [--users 1,16] [--only list,detail]

Scenarios (each for --duration seconds per user count):
  list        GET /zaken/api/v1/zaken (page 1)
  list-deep   GET /zaken/api/v1/zaken?page=50 (or the last page when there are fewer)
  detail      GET /zaken/api/v1/zaken/{uuid} (uuids of page 1, round robin)
  zoek-bsn    POST /zaken/api/v1/zaken/_zoek by BSN (--bsn, default a generated resident)
  geo         POST /zaken/api/v1/zaken/_zoek by zaakgeometrie (within a polygon)
  audittrail  GET /zaken/api/v1/zaken/{uuid}/audittrail
  create      POST /zaken/api/v1/zaken (an outbox row per create: notifications on)
  inbox       GET /werkplek/?team=… as a logged-in staff member (--staff-session, --team)
  mijn-zaken  GET /mijn-zaken/ as a resident with 50 zaken (--resident-session)
              (make both sessions with benchmarks/sessions.py; without them: not run)
  mixed       the issue's 12-scenario mix (overview 20 %, by zaaktype 10 %, geo 1 %,
              by person 10 %, detail 8 %, history 2 %, create 10 %, add status 20 %,
              add betrokkene 3 %, add document 12 %, add besluit 2 %, add resultaat 2 %);
              a write for a zaak whose zaaktype names no type for it (no besluittypen,
              no resultaattypen) is reported as skipped
It prints requests/s, p50, p95 and errors per scenario (for the mixed workload, whose
scenarios send one to three HTTP requests each, also `http=`: HTTP requests per second).
With --server-pid (the gunicorn master of `plus1 serve`) it samples every worker's resident
memory (RSS) twice a second during the whole run and prints each worker's maximum. Any non-2xx answer is an error
and makes the exit status 1: a fast failure never counts as a fast request. The load
average at start and end is printed with the figures (the machine may be shared).
The API/raw-SQL ratio of a list page is measured in-process by benchmarks/sql_ratio.py.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import http.client
import json
import os
import random
import statistics
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

ZAKEN = "/zaken/api/v1"
DOCUMENTEN = "/documenten/api/v1"
BESLUITEN = "/besluiten/api/v1"
CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}


def jwt_token(client_id: str, secret: str) -> str:
    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = {"iss": client_id, "client_id": client_id, "iat": int(time.time())}
    body = b64(json.dumps(claims).encode())
    signature = hmac.new(secret.encode(), f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{b64(signature)}"


class Client:
    """One keep-alive connection per user, as a pooled API client holds it."""

    def __init__(self, base: str, token: str) -> None:
        parts = urlparse(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.root = f"{parts.scheme}://{parts.netloc}"
        self.headers = {"Authorization": f"Bearer {token}", **CRS}
        self.conn: http.client.HTTPConnection | None = None
        self.requests = 0  # HTTP requests sent (a mixed scenario sends one to three)

    def call(self, method: str, path: str, body: Any = None, session: str = "") -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        headers = dict(self.headers)
        if session:  # a page as a logged-in person sees it, not the API
            headers = {"Cookie": f"sessionid={session}", "X-Forwarded-Proto": "https"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        self.requests += 1
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                raw = response.read()
                break
            except (ConnectionError, http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    return -1, None  # a dropped connection is an error, never retried twice
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return response.status, parsed

    def path(self, url: str) -> str:
        return url.removeprefix(self.root)


@dataclass
class Result:
    name: str
    users: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    skipped: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    requests: int = 0

    def line(self) -> str:
        done = len(self.latencies)
        ordered = sorted(self.latencies) or [0.0]
        p50 = statistics.median(ordered) * 1000
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000
        rps = done / self.seconds if self.seconds else 0
        bad = ", ".join(f"{k}×{v}" for k, v in sorted(self.statuses.items()) if not 200 <= k < 300)
        text = (
            f"{self.name:<12} users={self.users:<3} rps={rps:7.1f} p50={p50:7.1f} ms "
            f"p95={p95:7.1f} ms requests={done:<6} errors={self.errors}"
        )
        if self.skipped:
            text += f" skipped={self.skipped}"
        if self.requests > done + self.errors:  # scenarios of several HTTP requests
            text += f" http={self.requests / self.seconds:.1f}/s"
        return text + (f" ({bad})" if bad else "")


class World:
    """What the scenarios need from the data: zaak URLs, zaaktypen and their types."""

    staff = team = resident = ""

    def __init__(self, client: Client, bsn: str) -> None:
        status, body = client.call("GET", f"{ZAKEN}/zaken")
        if status != 200:
            raise SystemExit(f"GET /zaken answered {status}: is the client authorised?")
        self.count = body["count"]
        self.zaken = [z["url"] for z in body["results"]]
        self.zaaktypen = sorted({z["zaaktype"] for z in body["results"]})
        self.bsn = bsn
        self.statustypen: dict[str, list[str]] = {}
        self.roltypen: dict[str, list[str]] = {}
        self.documenttypen: dict[str, list[str]] = {}
        self.besluittypen: dict[str, list[str]] = {}
        self.resultaattypen: dict[str, list[str]] = {}
        for zaaktype in self.zaaktypen[:20]:
            status, shown = client.call("GET", client.path(zaaktype))
            if status == 200:
                self.statustypen[zaaktype] = shown.get("statustypen", [])
                self.roltypen[zaaktype] = shown.get("roltypen", [])
                self.documenttypen[zaaktype] = shown.get("informatieobjecttypen", [])
                self.besluittypen[zaaktype] = shown.get("besluittypen", [])
                self.resultaattypen[zaaktype] = shown.get("resultaattypen", [])
        if not self.zaken:
            raise SystemExit("No zaken: run `plus1 generate --zaken N` first.")
        # zaken of the zaaktypen that name besluit- or resultaattypen (few in the demo)
        self.zaken_for: dict[str, list[str]] = {}
        for kind, types in (
            ("add-besluit", self.besluittypen),
            ("add-resultaat", self.resultaattypen),
        ):
            found: list[str] = []
            for zaaktype in [t for t, named in types.items() if named][:3]:
                status, page = client.call("GET", f"{ZAKEN}/zaken?zaaktype={zaaktype}")
                found += [z["url"] for z in page["results"]] if status == 200 else []
            self.zaken_for[kind] = found


def scenario(name: str, client: Client, world: World, rng: random.Random) -> tuple[int, str]:
    """One request of a scenario: (status, what); status 0 means skipped."""
    if name == "list":
        return client.call("GET", f"{ZAKEN}/zaken")[0], name
    if name == "list-deep":
        page = max(1, min(50, (world.count + 99) // 100))
        return client.call("GET", f"{ZAKEN}/zaken?page={page}")[0], name
    if name == "detail":
        return client.call("GET", client.path(rng.choice(world.zaken)))[0], name
    if name == "zoek-bsn":
        body = {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": world.bsn}
        return client.call("POST", f"{ZAKEN}/zaken/_zoek", body)[0], name
    if name == "geo":
        return client.call("POST", f"{ZAKEN}/zaken/_zoek", GEO_SEARCH)[0], name
    if name == "audittrail":
        return client.call("GET", client.path(rng.choice(world.zaken)) + "/audittrail")[0], name
    if name == "create":
        return _create(client, world, rng)[0], name
    if name == "inbox":
        return client.call("GET", f"/werkplek/?team={world.team}", session=world.staff)[0], name
    if name == "mijn-zaken":
        return client.call("GET", "/mijn-zaken/", session=world.resident)[0], name
    if name == "mixed":
        return _mixed(client, world, rng)
    raise SystemExit(f"unknown scenario {name}")


GEO_AREA = {"type": "Polygon", "coordinates": [[[4, 51], [6, 51], [6, 53], [4, 53], [4, 51]]]}
GEO_SEARCH = {"zaakgeometrie": {"within": GEO_AREA}}


class MemorySampler(threading.Thread):
    """The largest RSS seen per worker process of a gunicorn master (Linux /proc)."""

    def __init__(self, master: int) -> None:
        super().__init__(daemon=True)
        self.master, self.peak_kb, self.stopped = master, {}, threading.Event()

    def _workers(self) -> list[int]:
        found = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as stat:
                        parent = int(stat.read().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
                if parent == self.master:
                    found.append(int(entry))
        return found

    def run(self) -> None:
        while not self.stopped.wait(0.5):
            for pid in self._workers():
                try:
                    with open(f"/proc/{pid}/status") as status:
                        line = next(x for x in status if x.startswith("VmRSS:"))
                except (OSError, StopIteration):
                    continue
                kb = int(line.split()[1])
                self.peak_kb[pid] = max(kb, self.peak_kb.get(pid, 0))

    def line(self) -> str:
        peaks = ", ".join(f"{pid}: {kb / 1024:.0f} MB" for pid, kb in sorted(self.peak_kb.items()))
        return f"# worker RSS maximum during the run: {peaks or 'no workers found'}"


def _create(client: Client, world: World, rng: random.Random) -> tuple[int, Any]:
    body = {
        "bronorganisatie": "002220647",
        "verantwoordelijkeOrganisatie": "002220647",
        "zaaktype": rng.choice(world.zaaktypen),
        "startdatum": time.strftime("%Y-%m-%d"),
        "omschrijving": "Benchmark",
    }
    return client.call("POST", f"{ZAKEN}/zaken", body)


MIX = [
    ("overview", 20),
    ("by-zaaktype", 10),
    ("geo", 1),
    ("by-person", 10),
    ("detail", 8),
    ("history", 2),
    ("create", 10),
    ("add-status", 20),
    ("add-betrokkene", 3),
    ("add-document", 12),
    ("add-besluit", 2),
    ("add-resultaat", 2),
]


def _mixed(client: Client, world: World, rng: random.Random) -> tuple[int, str]:
    kind = rng.choices([k for k, _ in MIX], weights=[w for _, w in MIX])[0]
    zaak = rng.choice(world.zaken)
    if kind == "overview":
        return client.call("GET", f"{ZAKEN}/zaken")[0], kind
    if kind == "by-zaaktype":
        return client.call("GET", f"{ZAKEN}/zaken?zaaktype={rng.choice(world.zaaktypen)}")[0], kind
    if kind == "geo":
        return client.call("POST", f"{ZAKEN}/zaken/_zoek", GEO_SEARCH)[0], kind
    if kind == "by-person":
        body = {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": world.bsn}
        return client.call("POST", f"{ZAKEN}/zaken/_zoek", body)[0], kind
    if kind == "detail":
        return client.call("GET", client.path(zaak))[0], kind
    if kind == "history":
        return client.call("GET", f"{ZAKEN}/statussen?zaak={zaak}")[0], kind
    if kind == "create":
        return _create(client, world, rng)[0], kind
    if kind == "add-status":
        status, shown = client.call("GET", client.path(zaak))
        types = world.statustypen.get(shown.get("zaaktype", "") if shown else "", [])
        if status != 200 or not types or shown.get("einddatum"):
            return (status if status != 200 else 0), kind
        body = {
            "zaak": zaak,
            "statustype": types[min(1, len(types) - 1)],
            "datumStatusGezet": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        return client.call("POST", f"{ZAKEN}/statussen", body)[0], kind
    if kind == "add-betrokkene":
        status, shown = client.call("GET", client.path(zaak))
        types = world.roltypen.get(shown.get("zaaktype", "") if shown else "", [])
        if status != 200 or not types:
            return (status if status != 200 else 0), kind
        body = {
            "zaak": zaak,
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": types[0],
            "roltoelichting": "belanghebbende",
            "betrokkeneIdentificatie": {"geslachtsnaam": "Bench"},
        }
        return client.call("POST", f"{ZAKEN}/rollen", body)[0], kind
    return _add_record(client, world, kind, rng.choice(world.zaken_for.get(kind) or [zaak]))


def _add_record(client: Client, world: World, kind: str, zaak: str) -> tuple[int, str]:
    """A document, besluit or resultaat for a zaak whose zaaktype names such types; skipped
    (status 0) when it names none (the demo catalogue has few besluit- and resultaattypen)."""
    status, shown = client.call("GET", client.path(zaak))
    if status != 200:
        return status, kind
    zaaktype, today = shown.get("zaaktype", ""), time.strftime("%Y-%m-%d")
    if kind == "add-document":
        types = world.documenttypen.get(zaaktype, [])
        if not types:
            return 0, kind
        text = base64.b64encode(f"Bijlage bij {shown['identificatie']}\n".encode()).decode()
        document = {
            "bronorganisatie": "002220647",
            "creatiedatum": today,
            "titel": "Bijlage",
            "auteur": "Benchmark",
            "taal": "dut",
            "formaat": "text/plain",
            "bestandsnaam": "bijlage.txt",
            "inhoud": text,
            "informatieobjecttype": types[0],
        }
        status, created = client.call(
            "POST", f"{DOCUMENTEN}/enkelvoudiginformatieobjecten", document
        )
        if status != 201:
            return status, kind
        link = {"zaak": zaak, "informatieobject": created["url"]}
        return client.call("POST", f"{ZAKEN}/zaakinformatieobjecten", link)[0], kind
    if kind == "add-besluit":
        types = world.besluittypen.get(zaaktype, [])
        if not types:
            return 0, kind
        body = {
            "verantwoordelijkeOrganisatie": "002220647",
            "besluittype": types[0],
            "zaak": zaak,
            "datum": today,
            "ingangsdatum": today,
        }
        return client.call("POST", f"{BESLUITEN}/besluiten", body)[0], kind
    types = world.resultaattypen.get(zaaktype, [])
    if not types or shown.get("resultaat"):
        return 0, kind
    return client.call("POST", f"{ZAKEN}/resultaten", {"zaak": zaak, "resultaattype": types[0]})[
        0
    ], kind


def run(args: argparse.Namespace, name: str, users: int, token: str, world: World) -> Result:
    result = Result(name, users, args.duration)
    lock, stop = threading.Lock(), time.monotonic() + args.duration

    def user(index: int) -> None:
        client, rng = Client(args.base, token), random.Random(f"{args.seed}-{name}-{index}")  # noqa: S311
        try:
            scenarios(client, rng)
        finally:
            with lock:
                result.requests += client.requests

    def scenarios(client: Client, rng: random.Random) -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            status, _what = scenario(name, client, world, rng)
            elapsed = time.perf_counter() - started
            with lock:
                if status == 0:
                    result.skipped += 1
                    continue
                result.statuses[status] = result.statuses.get(status, 0) + 1
                if 200 <= status < 300:
                    result.latencies.append(elapsed)
                else:
                    result.errors += 1

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    begin = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - begin
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--base", default="http://127.0.0.1:8108")
    parser.add_argument("--client-id", default="bench")
    parser.add_argument("--secret", default=os.environ.get("PLUS1_BENCH_SECRET", ""))
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--users", default="1,16")
    parser.add_argument(
        "--only",
        default="list,list-deep,detail,zoek-bsn,geo,audittrail,inbox,mijn-zaken,create,mixed",
    )
    parser.add_argument("--bsn", default="999990019")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--staff-session", default="", help="from benchmarks/sessions.py")
    parser.add_argument("--team", default="", help="the staff member's team (slug)")
    parser.add_argument("--resident-session", default="", help="from benchmarks/sessions.py")
    parser.add_argument("--server-pid", type=int, help="gunicorn master: sample worker RSS")
    args = parser.parse_args(argv)
    if not args.secret:
        parser.error("--secret (or PLUS1_BENCH_SECRET) is required")
    token = jwt_token(args.client_id, args.secret)
    world = World(Client(args.base, token), args.bsn)
    world.staff, world.team, world.resident = args.staff_session, args.team, args.resident_session
    print(f"# {world.count} zaken, load average at start {os.getloadavg()}", flush=True)
    sampler = MemorySampler(args.server_pid) if args.server_pid else None
    if sampler:
        sampler.start()
    failed = False
    for name in args.only.split(","):
        if (name == "inbox" and not world.staff) or (name == "mijn-zaken" and not world.resident):
            print(f"{name:<12} not run: no session (benchmarks/sessions.py)")
            continue
        for users in (int(n) for n in args.users.split(",")):
            result = run(args, name, users, token, world)
            print(result.line(), flush=True)
            failed = failed or result.errors > 0
    if sampler:
        sampler.stopped.set()
        print(sampler.line())
    print(f"# load average at end {os.getloadavg()}; run id {uuid.uuid4().hex[:8]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
