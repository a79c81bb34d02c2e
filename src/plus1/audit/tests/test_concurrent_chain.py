# SPDX-License-Identifier: EUPL-1.2
"""Writers append audit entries without waiting for each other on the chain's head; the
entries are linked after commit into one chain that cannot fork (decision 30)."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from plus1.audit.chain import audit_link_pending
from plus1.audit.models import AuditEntry, AuditHead
from plus1.audit.services import Actor, Change, audit_record, audit_record_many
from plus1.audit.tasks import audit_link
from plus1.audit.verify import verify_chain
from plus1.common.testing.factories import TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent row locks need PostgreSQL"
)


def _write(team, number):
    with transaction.atomic():
        audit_record(
            actor=Actor.system("test"), action="team.touched", obj=team, after={"n": number}
        )


def test_an_entry_is_linked_right_after_its_transaction_commits():
    team = TeamFactory()
    with transaction.atomic():
        entry = audit_record(actor=Actor.system("test"), action="team.touched", obj=team)
        assert AuditEntry.objects.get(pk=entry.pk).seq is None  # pending until commit
    linked = AuditEntry.objects.get(pk=entry.pk)
    assert linked.seq == AuditHead.objects.get(pk=1).last_seq
    assert linked.hash and linked.seal
    assert verify_chain().checked == AuditEntry.objects.count()


def test_a_rolled_back_write_leaves_nothing_to_link():
    team = TeamFactory()
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(actor=Actor.system("test"), action="team.touched", obj=team)
        raise RuntimeError("the change fails")
    assert AuditEntry.objects.count() == before
    assert audit_link_pending() == 0


def test_entries_left_behind_are_reported_then_linked_by_the_worker(capsys):
    team = TeamFactory()
    _write(team, 1)
    # A process that stopped between its commit and linking: the entries stay pending.
    AuditEntry.objects.create(
        occurred_at=AuditEntry.objects.get().occurred_at,
        actor_kind="system",
        actor_id="test",
        actor_label="test",
        action="team.touched",
        object_type="common.team",
        object_id=str(team.pk),
        after={"n": 2},
    )
    report = verify_chain()
    assert report.intact and report.checked == 1 and report.pending == 1
    call_command("audit", "verify")
    assert "1 entries written but not linked yet" in capsys.readouterr().out
    from plus1.conf.celery import app

    assert app.conf.beat_schedule["audit-link"]["task"] == audit_link.name
    assert audit_link() == 1
    report = verify_chain()
    assert report.intact and report.checked == 2 and report.pending == 0


def test_a_failing_link_does_not_undo_the_committed_change(monkeypatch):
    team = TeamFactory()

    def broken(**kwargs: object) -> int:
        raise ConnectionError("database went away")

    monkeypatch.setattr("plus1.audit.chain.audit_link_pending", broken)
    _write(team, 1)  # no exception reaches the caller: the change is committed
    assert AuditEntry.objects.get().seq is None
    monkeypatch.undo()
    assert audit_link_pending() == 1


@postgresql_only
def test_sixteen_concurrent_writers_make_one_chain_without_a_fork():
    team = TeamFactory()
    errors: list[BaseException] = []
    start = threading.Barrier(16)

    def writer(index: int) -> None:
        try:
            start.wait(10)
            for number in range(10):
                with transaction.atomic():
                    audit_record_many(
                        actor=Actor.system(f"writer-{index}"),
                        action="team.touched",
                        changes=[Change(team, after={"n": number, "part": p}) for p in (1, 2)],
                    )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    audit_link_pending()  # nothing is left, unless a linker lost a race it need not win
    seqs = list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, 16 * 10 * 2 + 1))  # every entry once, no gap, no twin
    prev = list(AuditEntry.objects.values_list("prev_hash", flat=True))
    assert len(set(prev)) == len(prev)  # no two entries follow the same one: no fork
    report = verify_chain()
    assert report.intact and report.checked == 320 and report.pending == 0


@postgresql_only
def test_a_write_does_not_wait_for_a_held_head_lock():
    """The linker holds the head's lock; a search writing its audit entry meanwhile commits
    at once (the lock timeout would fail it), and is linked when the lock is free."""
    team = TeamFactory()
    holding, release, done = threading.Event(), threading.Event(), threading.Event()

    def linker_holding_the_head() -> None:
        try:
            with transaction.atomic():
                AuditHead.objects.get_or_create(pk=1)
                AuditHead.objects.select_for_update().get(pk=1)
                holding.set()
                release.wait(10)
        finally:
            done.set()
            connection.close()

    thread = threading.Thread(target=linker_holding_the_head)
    thread.start()
    assert holding.wait(10)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '1s'")
            entry = audit_record(actor=Actor.system("search"), action="team.viewed", obj=team)
        # committed at once; its linker left the entry to the one holding the head
        assert AuditEntry.objects.get(pk=entry.pk).seq is None
    finally:
        release.set()
        thread.join(10)
    audit_link_pending()
    assert AuditEntry.objects.get(pk=entry.pk).seq == 1
    assert verify_chain().checked == 1
