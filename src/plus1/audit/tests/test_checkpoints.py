# SPDX-License-Identifier: EUPL-1.2
"""The gaps a hash chain alone leaves (an emptied log, a truncated tail with its head
updated, a forged append, a full rewrite) are closed by the seal and by signed checkpoints
kept outside the database."""

import json
import random

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from plus1.audit import keys
from plus1.audit.chain import audit_link_pending
from plus1.audit.checkpoints import FILE_NAME, CheckpointError, checkpoint_write, checkpoints_read
from plus1.audit.models import AuditEntry, AuditHead
from plus1.audit.services import GENESIS_HASH, Actor, Change, audit_record_many, entry_hash
from plus1.audit.verify import verify_chain
from plus1.common.testing.factories import TeamFactory

pytestmark = pytest.mark.django_db


def write_entries(count, start=0):
    team = TeamFactory()
    with transaction.atomic():
        audit_record_many(
            actor=Actor.system("test"),
            action="team.touched",
            changes=[Change(team, {"n": n}, {"n": n + 1}) for n in range(start, start + count)],
        )
    audit_link_pending()  # what the commit's callback does outside a test's transaction


def set_head(seq, hash_):
    AuditHead.objects.filter(pk=1).update(last_seq=seq, last_hash=hash_)


def forge(seq, prev_hash, sealed_with_the_real_key=False, **fields):
    """An entry with a correct hash, as someone with database access can compute it."""
    entry = AuditEntry(
        seq=seq,
        occurred_at=timezone.now(),
        actor_kind="staff",
        actor_id="1",
        actor_label=fields.get("label", "Vervalser"),
        action="case.deleted",
        object_type="cases.case",
        object_id=str(seq),
        before=None,
        after={"forged": seq},
        prev_hash=prev_hash,
    )
    entry.hash = entry_hash(entry)
    entry.seal = keys.seal(entry.hash) if sealed_with_the_real_key else "f" * 64
    entry.save()
    return entry


def last():
    return AuditEntry.objects.order_by("-seq").first()


def test_an_emptied_log_is_not_intact():
    write_entries(5)
    AuditEntry.objects.all().delete()
    AuditHead.objects.all().delete()
    report = verify_chain()
    assert not report.intact and "head row is missing" in report.problem
    with pytest.raises(CommandError, match="emptied"):
        call_command("audit", "verify")


def test_a_forged_append_is_named_as_such_not_as_removed_entries():
    write_entries(5)
    forge(6, last().hash)
    report = verify_chain()
    assert report.first_bad_seq == 6 and "added after the head" in report.problem
    assert "removed" not in report.problem


def test_a_forged_append_with_the_head_updated_is_detected():
    write_entries(5)
    forged = forge(6, last().hash)
    set_head(6, forged.hash)
    report = verify_chain()
    assert report.first_bad_seq == 6 and "seal" in report.problem


def test_a_truncated_tail_with_the_head_updated_is_detected_against_the_checkpoint():
    write_entries(5)
    checkpoint_write()
    AuditEntry.objects.filter(seq__gt=3).delete()
    set_head(3, AuditEntry.objects.get(seq=3).hash)
    assert verify_chain().intact  # the database alone cannot tell …
    report = verify_chain(checkpoints_read())  # … the checkpoint can
    assert report.first_bad_seq == 4 and "checkpoint at entry 5" in report.problem
    with pytest.raises(CommandError, match="entry 4"):
        call_command("audit", "verify")


def test_a_full_rewrite_is_detected_against_the_checkpoint_even_with_the_seal_key():
    write_entries(5)
    checkpoint_write()
    AuditEntry.objects.all().delete()
    prev = GENESIS_HASH
    for seq in range(1, 6):
        prev = forge(seq, prev, sealed_with_the_real_key=True).hash
    set_head(5, prev)
    assert verify_chain().intact
    report = verify_chain(checkpoints_read())
    assert report.first_bad_seq == 5 and "rewritten" in report.problem


def test_checkpoints_are_appended_signed_and_checked(tmp_path, capsys):
    write_entries(3)
    first = checkpoint_write()
    assert checkpoint_write() is None  # nothing new
    write_entries(2, start=3)
    call_command("audit", "checkpoint")
    lines = (tmp_path / "audit-checkpoints" / FILE_NAME).read_text().splitlines()
    assert [json.loads(line)["seq"] for line in lines] == [3, 5]
    assert json.loads(lines[0])["hash"] == first.hash == AuditEntry.objects.get(seq=3).hash
    folder = str(tmp_path / "audit-checkpoints")
    call_command("audit", "verify", "--full", "--checkpoints", folder)
    assert "5 entries verified, the whole chain, against 2 signed checkpoints" in (
        capsys.readouterr().out
    )
    tampered = json.loads(lines[0]) | {"seq": 2}
    (tmp_path / "audit-checkpoints" / FILE_NAME).write_text(json.dumps(tampered) + "\n")
    with pytest.raises(CheckpointError):
        checkpoints_read()


def test_no_checkpoint_is_signed_over_a_broken_chain():
    write_entries(3)
    AuditEntry.objects.filter(seq=2).update(actor_label="iemand anders")
    with pytest.raises(CommandError, match="No checkpoint signed"):
        call_command("audit", "checkpoint")
    assert checkpoints_read() == []


# --- 1,000 injected tamperings, of every kind, on a generated chain ---------------------


def _change(rng, n):
    seq = rng.randint(1, n)
    field = rng.choice(["actor_label", "action", "object_id", "after"])
    value = {"n": rng.random()} if field == "after" else f"x{rng.random()}"
    AuditEntry.objects.filter(seq=seq).update(**{field: value})


def _delete_middle(rng, n):
    AuditEntry.objects.filter(seq=rng.randint(2, n - 1)).delete()


def _delete_tail(rng, n):
    keep = rng.randint(0, n - 1)
    AuditEntry.objects.filter(seq__gt=keep).delete()
    kept = AuditEntry.objects.filter(seq=keep).first()
    set_head(keep, kept.hash if kept else "")


def _reorder(rng, n):
    a, b = rng.sample(range(1, n + 1), 2)
    AuditEntry.objects.filter(seq=a).update(seq=0)
    AuditEntry.objects.filter(seq=b).update(seq=a)
    AuditEntry.objects.filter(seq=0).update(seq=b)


def _rewrite_hashes(rng, n):
    """Change one entry and recompute every hash after it, and the head."""
    start = rng.randint(1, n)
    entries = list(AuditEntry.objects.filter(seq__gte=start).order_by("seq"))
    prev = AuditEntry.objects.get(seq=start - 1).hash if start > 1 else GENESIS_HASH
    entries[0].actor_label = f"herschreven {rng.random()}"
    for entry in entries:
        entry.prev_hash = prev
        entry.hash = prev = entry_hash(entry)
        entry.save()
    set_head(n, prev)


def _forged_append(rng, n):
    prev = AuditEntry.objects.get(seq=n).hash
    for seq in range(n + 1, n + 1 + rng.randint(1, 3)):
        prev = forge(seq, prev).hash
    if rng.random() < 0.5:
        set_head(seq, prev)


def _full_rewrite(rng, n):
    """Everything replaced by a consistent chain, sealed even with the real key."""
    AuditEntry.objects.all().delete()
    if rng.random() < 0.2:
        AuditHead.objects.all().delete()
        return
    prev, length = GENESIS_HASH, rng.randint(1, n + 3)
    for seq in range(1, length + 1):
        prev = forge(seq, prev, sealed_with_the_real_key=True, label=f"r{rng.random()}").hash
    set_head(length, prev)


TAMPERINGS = [
    _change,
    _delete_middle,
    _delete_tail,
    _reorder,
    _rewrite_hashes,
    _forged_append,
    _full_rewrite,
]


class Undo(Exception):
    pass


def test_a_thousand_tamperings_of_every_kind_are_all_detected():
    entries = 40
    write_entries(entries // 2)
    checkpoint_write()
    write_entries(entries // 2, start=entries // 2)
    checkpoint_write()
    checkpoints = checkpoints_read()
    assert verify_chain(checkpoints).intact
    rng, detected, missed = random.Random(20261201), 0, []
    for attempt in range(1000):
        tamper = TAMPERINGS[attempt % len(TAMPERINGS)]
        try:
            with transaction.atomic():
                tamper(rng, entries)
                report = verify_chain(checkpoints)
                if report.intact:
                    missed.append((attempt, tamper.__name__))
                else:
                    detected += 1
                raise Undo
        except Undo:
            pass
    assert missed == [] and detected == 1000
    assert verify_chain(checkpoints).intact  # every tampering was undone again


def test_the_public_page_shows_the_checkpoints_and_the_key(client):
    write_entries(4)
    checkpoint = checkpoint_write()
    page = client.get("/audit/checkpoints/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Controlepunten van het auditlog" in text
    assert checkpoint.hash in text and "<dd>4</dd>" in text
    assert "BEGIN PUBLIC KEY" in text and keys.key_id() in text


def test_the_worker_publishes_checkpoints_periodically():
    from plus1.audit.tasks import audit_checkpoint
    from plus1.conf.celery import app

    assert app.conf.beat_schedule["audit-checkpoint"]["task"] == audit_checkpoint.name
    write_entries(2)
    assert audit_checkpoint() == 2
    assert [c.seq for c in checkpoints_read()] == [2]


def test_verify_starts_at_the_latest_checkpoint_and_full_checks_everything(capsys):
    write_entries(5)
    checkpoint_write()
    write_entries(3, start=5)
    call_command("audit", "verify")
    said = capsys.readouterr().out
    assert "4 entries verified, from the signed checkpoint at entry 5 on" in said
    # a change after the checkpoint is found incrementally
    AuditEntry.objects.filter(seq=7).update(actor_label="iemand anders")
    with pytest.raises(CommandError, match="entry 7"):
        call_command("audit", "verify")
    AuditEntry.objects.filter(seq=7).update(actor_label="test")
    call_command("audit", "verify")
    # a change before it only by the full verification (it was verified when signed)
    AuditEntry.objects.filter(seq=2).update(actor_label="iemand anders")
    call_command("audit", "verify")
    with pytest.raises(CommandError, match="entry 2"):
        call_command("audit", "verify", "--full")


def test_the_checkpoint_entry_itself_must_still_carry_the_signed_hash():
    write_entries(4)
    checkpoint = checkpoint_write()
    AuditEntry.objects.filter(seq=4).update(actor_label="iemand anders")
    report = verify_chain(checkpoints_read(), since=checkpoint)
    assert report.first_bad_seq == 4
    AuditEntry.objects.filter(seq=4).delete()
    assert verify_chain(checkpoints_read(), since=checkpoint).first_bad_seq == 4
