# SPDX-License-Identifier: EUPL-1.2
"""`plus1 generate --zaken N --seed S`: a municipality's case history for load tests.

Deterministic for a seed. Written with bulk inserts in batches (not the services one by
one), but with the rows the services would have written: per zaak its status history,
its initiator (a generated resident with a valid BSN, encrypted and blind-indexed as
identity does it) and initiator role, a result when it is closed, a point in a buurt (when
the geo context holds buurten), an audit entry per zaak in the one hash chain (hashes and
seals computed in bulk, so `plus1 audit verify` still passes) and the outbox rows of
`case.registered`, already delivered; a behandelaar for most zaken and a belanghebbende
for some, an eigenschap, and the data-trail record (with its audit entry) of the staff
member who opened the zaak; for part of the zaken a document with a one-page PDF (through
the documents storage) linked to the zaak, and for part of the closed zaken a besluit, each
with its audit entry. Zaaktypen without roltypen, a resultaattype or an eigenschap get them
first (`generate_types`)."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from plus1.audit.keys import seal
from plus1.audit.models import AuditEntry, AuditHead
from plus1.audit.services import GENESIS_HASH, entry_hash
from plus1.cases import audit_actions as case_audit
from plus1.cases import events as case_events
from plus1.cases.models import Case, CaseProperty, CaseStatus, Result, Role
from plus1.catalog.models import CaseType, PropertyType, ResultType, RoleType
from plus1.common.bsn import blind_index, encrypt
from plus1.common.identifiers import Sequence
from plus1.demo.generate_records import AuditSpec, documents_and_decisions, record_types
from plus1.demo.generate_trail import TrailPlan, trail_records
from plus1.demo.generate_types import complete_case_types
from plus1.events.models import OutboxMessage
from plus1.events.services import consumers_of
from plus1.identity.models import Party
from plus1.privacy.models import DataTrailRecord

BATCH = 2000
BEHANDELAAR_SHARE = 0.7  # zaken with a named behandelaar (a medewerker role)
BELANGHEBBENDE_SHARE = 0.1  # zaken with a second resident involved
FIRST_NAMES = ("Anna", "Bram", "Chantal", "Daan", "Emma", "Fatima", "Gerrit", "Hanna", "Ivo")
LAST_NAMES = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Yilmaz", "El Amrani")


def valid_bsn(number: int) -> str:
    """The first BSN (11-proef) at or after the 8-digit `number` with a check digit."""
    while True:
        digits = f"{number % 100_000_000:08d}"
        total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        if total % 11 < 10 and total >= 11:  # a weighted sum of 0 is no BSN
            return digits + str(total % 11)
        number += 1


def _case_types() -> list[CaseType]:
    types = list(
        CaseType.objects.filter(active=True)
        .select_related("responsible_team")
        .prefetch_related("statuses")
        .order_by("pk")
    )
    usable = [t for t in types if len(t.statuses.all()) >= 1]
    if not usable:
        raise RuntimeError(
            "Er zijn geen actieve zaaktypen met statussen: laad eerst de catalogus (plus1 demo)."
        )
    return usable


def _points() -> list[tuple[str, str, float, float]]:
    """(buurtcode, wijkcode, lat, lon): the middle of each buurt's box (may be none)."""
    from plus1.geo.models import Neighbourhood

    return [
        (
            row.code,
            row.district.code if row.district else "",
            (row.min_latitude + row.max_latitude) / 2,
            (row.min_longitude + row.max_longitude) / 2,
        )
        for row in Neighbourhood.objects.select_related("district").order_by("code")[:2000]
    ]


def generate(
    *, zaken: int, seed: int, progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    # the same seed on the same starting database gives the same rows
    rng = random.Random(f"{seed}:{Case.objects.count()}")  # noqa: S311 (test data, not secrets)
    types = _case_types()
    complete_case_types(types)
    statuses = {t.pk: sorted(t.statuses.all(), key=lambda s: s.order) for t in types}
    roles = {
        t.pk: {r.kind: r for r in RoleType.objects.filter(case_type=t).order_by("-pk")}
        for t in types
    }
    results = {t.pk: ResultType.objects.filter(case_type=t).first() for t in types}
    properties = {t.pk: PropertyType.objects.filter(case_type=t).first() for t in types}
    record_kinds = record_types(types)
    points = _points()
    residents = max(1, zaken // 3)
    counts = dict.fromkeys(
        (
            "zaken", "residents", "statuses", "roles", "properties", "documents", "decisions",
            "trail", "audit", "outbox",
        ),
        0,
    )  # fmt: skip
    consumers = consumers_of(case_events.CASE_REGISTERED)
    party_ids = _residents(residents, seed, rng, counts)
    today = timezone.localdate()
    for start in range(0, zaken, BATCH):
        size = min(BATCH, zaken - start)
        with transaction.atomic(durable=True):
            _batch(
                size, start, seed, rng, types, statuses, roles, results, properties, points,
                party_ids, consumers, today, counts, record_kinds,
            )  # fmt: skip
        if progress:
            progress(start + size)
    return counts


def _residents(
    count: int, seed: int, rng: random.Random, counts: dict[str, int]
) -> list[tuple[int, str, str, uuid.UUID]]:
    """(pk, encrypted BSN, blind index, uuid) of `count` new residents."""
    base = 10_000_000 + (seed % 1000) * 80_000
    existing = set(Party.objects.filter(kind="resident").values_list("bsn_index", flat=True))
    rows: list[Party] = []
    number = base
    while len(rows) < count:
        bsn = valid_bsn(number)
        number = int(bsn[:8]) + 1
        index = blind_index(bsn)
        if index in existing:
            continue
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        rows.append(
            Party(
                uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                kind="resident",
                name=name,
                bsn_encrypted=encrypt(bsn),
                bsn_index=index,
            )
        )
    for start in range(0, len(rows), BATCH):
        Party.objects.bulk_create(rows[start : start + BATCH])
    counts["residents"] += len(rows)
    return [
        (pk, encrypted, index or "", key)
        for pk, encrypted, index, key in Party.objects.filter(
            bsn_index__in=[r.bsn_index for r in rows]
        ).values_list("pk", "bsn_encrypted", "bsn_index", "uuid")
    ]


def _batch(
    size: int,
    start: int,
    seed: int,
    rng: random.Random,
    types: list[CaseType],
    statuses: dict[int, list[Any]],
    roles_of: dict[int, dict[str, RoleType]],
    results: dict[int, Any],
    properties: dict[int, Any],
    points: list[tuple[str, str, float, float]],
    party_ids: list[tuple[int, str, str, uuid.UUID]],
    consumers: list[str],
    today: dt.date,
    counts: dict[str, int],
    record_kinds: tuple[dict[int, Any], dict[int, Any]],
) -> None:
    year = today.year
    sequence, _ = Sequence.objects.select_for_update().get_or_create(name=f"ZAAK-{year}")
    first = sequence.value + 1
    sequence.value += size
    sequence.save(update_fields=["value"])
    cases: list[Case] = []
    plans: list[tuple[list[Any], dt.date]] = []
    for offset in range(size):
        kind = rng.choice(types)
        steps = statuses[kind.pk]
        reached = rng.randint(1, len(steps))
        registered = today - dt.timedelta(days=rng.randint(0, 3650))
        closed = steps[reached - 1].is_final
        point = rng.choice(points) if points else None
        case = Case(
            uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
            identification=f"ZAAK-{year}-{first + offset:07d}",
            case_type=kind,
            initiator_id=rng.choice(party_ids)[0],
            form_data={"onderwerp": "Gegenereerd", "volgnummer": start + offset},
            responsible_team_id=kind.responsible_team_id,
            confidentiality=kind.confidentiality,
            registered_on=registered,
            deadline=registered + dt.timedelta(days=56),
            closed_on=registered + dt.timedelta(days=rng.randint(1, 56)) if closed else None,
            neighbourhood_code=point[0] if point else "",
            district_code=point[1] if point else "",
            latitude=point[2] if point else None,
            longitude=point[3] if point else None,
            geometry={"type": "Point", "coordinates": [point[3], point[2]]} if point else None,
            status=steps[reached - 1],
        )
        cases.append(case)
        plans.append((steps[:reached], registered))
    Case.objects.bulk_create(cases)  # sets the keys (RETURNING) on PostgreSQL and SQLite
    residents = {pk: (encrypted, index, key) for pk, encrypted, index, key in party_ids}
    history: list[CaseStatus] = []
    roles: list[Role] = []
    outcome: list[Result] = []
    values: list[CaseProperty] = []
    viewed: list[TrailPlan] = []
    for case, (steps_reached, registered) in zip(cases, plans, strict=True):
        moment = timezone.make_aware(dt.datetime.combine(registered, dt.time(9)))
        for number, step in enumerate(steps_reached):
            history.append(
                CaseStatus(case=case, status=step, set_at=moment + dt.timedelta(days=number))
            )
        kinds = roles_of[case.case_type_id]
        roles.append(_person(case, kinds["initiator"], residents, case.initiator_id or 0))
        if rng.random() < BEHANDELAAR_SHARE:
            number = rng.randint(1, 40)
            roles.append(
                Role(
                    case=case,
                    role_type=kinds["behandelaar"],
                    betrokkene_type="medewerker",
                    identification={"identificatie": f"mw{number:03d}", "achternaam": "Jansen"},
                )
            )
        if rng.random() < BELANGHEBBENDE_SHARE:
            other = rng.choice(party_ids)[0]
            roles.append(_person(case, kinds["belanghebbende"], residents, other))
        if properties[case.case_type_id] is not None:
            values.append(
                CaseProperty(
                    case=case,
                    property_type=properties[case.case_type_id],
                    value=f"KM-{rng.randint(1000, 9999)}",
                )
            )
        initiator = Party(pk=case.initiator_id, uuid=residents[case.initiator_id or 0][2])
        viewed.append((case, initiator, moment + dt.timedelta(days=1)))
        if case.closed_on and results[case.case_type_id] is not None:
            outcome.append(Result(case=case, result_type=results[case.case_type_id]))
    CaseStatus.objects.bulk_create(history)
    Role.objects.bulk_create(roles)
    Result.objects.bulk_create(outcome)
    CaseProperty.objects.bulk_create(values)
    specs: list[AuditSpec] = [
        (
            case_audit.CASE_REGISTERED,
            case,
            {"identification": case.identification, "case_type": case.case_type.code},
        )
        for case in cases
    ]
    specs += documents_and_decisions(cases, rng, *record_kinds, counts)
    trail = trail_records(viewed, rng)
    entries = _audit(specs + [spec for spec, _ in trail], counts)
    DataTrailRecord.objects.bulk_create(
        _linked(record, entry)
        for (_, record), entry in zip(trail, entries[len(specs) :], strict=True)
    )
    _outbox(cases, consumers, counts)
    counts["zaken"] += len(cases)
    counts["statuses"] += len(history)
    counts["roles"] += len(roles)
    counts["properties"] += len(values)
    counts["trail"] += len(trail)


def _person(
    case: Case, role_type: RoleType, residents: dict[int, tuple[str, str, uuid.UUID]], party: int
) -> Role:
    """A resident's role, with the BSN encrypted and blind-indexed as the role service stores it."""
    encrypted, index, _ = residents[party]
    return Role(
        case=case,
        role_type=role_type,
        is_initiator=role_type.kind == "initiator",
        betrokkene_type="natuurlijk_persoon",
        party_id=party,
        bsn_encrypted=encrypted,
        bsn_index=index,
    )


def _linked(record: DataTrailRecord, entry: AuditEntry) -> DataTrailRecord:
    record.audit_entry = entry
    return record


def _audit(specs: list[AuditSpec], counts: dict[str, int]) -> list[AuditEntry]:
    """The services' audit entries, chained and sealed in bulk under the head lock."""
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
    prev, now, entries = head.last_hash or GENESIS_HASH, timezone.now(), []
    for seq, (action, obj, after) in enumerate(specs, start=head.last_seq + 1):
        entry = AuditEntry(
            seq=seq,
            occurred_at=now,
            actor_kind="system",
            actor_id="plus1-generate",
            actor_label="plus1 generate",
            action=action,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            before=None,
            after=after,
            prev_hash=prev,
        )
        entry.hash = prev = entry_hash(entry)
        entry.seal = seal(entry.hash)
        entries.append(entry)
    AuditEntry.objects.bulk_create(entries)  # sets the keys, as for the cases
    head.last_seq, head.last_hash = head.last_seq + len(entries), prev
    head.save(update_fields=["last_seq", "last_hash"])
    counts["audit"] += len(entries)
    return entries


def _outbox(cases: list[Case], consumers: list[str], counts: dict[str, int]) -> None:
    """The outbox rows of `case.registered`, as delivered long ago (nothing is sent)."""
    now, rows = timezone.now(), []
    for case in cases:
        event = uuid.uuid4()
        payload = {"case": str(case.uuid), "identification": case.identification}
        rows += [
            OutboxMessage(
                event_id=event,
                topic=case_events.CASE_REGISTERED,
                consumer=name,
                key=f"{event}:{name}",
                payload=payload,
                state=OutboxMessage.State.DELIVERED,
                delivered_at=now,
            )
            for name in consumers
        ]
    OutboxMessage.objects.bulk_create(rows)
    counts["outbox"] += len(rows)
