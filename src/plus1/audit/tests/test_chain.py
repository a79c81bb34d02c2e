# SPDX-License-Identifier: EUPL-1.2
"""The audit chain detects every kind of tampering with stored rows."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from plus1.audit.chain import audit_link_pending
from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor, audit_record
from plus1.audit.verify import verify_chain
from plus1.common.testing.factories import TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_entries():
    team = TeamFactory()
    for number in range(5):
        with transaction.atomic():
            audit_record(
                actor=Actor.system("test"),
                action="team.touched",
                obj=team,
                before={"n": number},
                after={"n": number + 1},
            )
        audit_link_pending()  # what follows each commit outside a test's transaction
    return list(AuditEntry.objects.order_by("seq"))


def test_intact_chain_verifies(five_entries):
    report = verify_chain()
    assert report.intact and report.checked == 5
    call_command("audit", "verify")


def test_changed_entry_is_named(five_entries):
    AuditEntry.objects.filter(seq=3).update(after={"n": 999})
    report = verify_chain()
    assert report.first_bad_seq == 3 and "changed" in report.problem
    with pytest.raises(CommandError, match="entry 3"):
        call_command("audit", "verify")


def test_changed_actor_is_detected(five_entries):
    AuditEntry.objects.filter(seq=2).update(actor_label="iemand anders")
    assert verify_chain().first_bad_seq == 2


def test_deleted_entry_in_the_middle_is_detected(five_entries):
    AuditEntry.objects.filter(seq=2).delete()
    report = verify_chain()
    assert report.first_bad_seq == 2 and "missing" in report.problem


def test_deleted_last_entry_is_detected(five_entries):
    AuditEntry.objects.filter(seq=5).delete()
    report = verify_chain()
    assert report.first_bad_seq == 5 and "removed" in report.problem


def test_reordered_entries_are_detected(five_entries):
    second, third = five_entries[1], five_entries[2]
    # Swap the positions of two entries, each keeping its own (valid) hash.
    AuditEntry.objects.filter(pk=second.pk).update(seq=1000)
    AuditEntry.objects.filter(pk=third.pk).update(seq=2)
    AuditEntry.objects.filter(pk=second.pk).update(seq=3)
    report = verify_chain()
    assert report.first_bad_seq == 2


def test_rewritten_hashes_still_break_the_link(five_entries):
    """Recomputing a changed entry's own hash does not help: the next entry no longer follows."""
    from plus1.audit.services import entry_hash

    entry = AuditEntry.objects.get(seq=3)
    entry.after = {"n": 42}
    entry.hash = entry_hash(entry)
    AuditEntry.objects.filter(pk=entry.pk).update(after=entry.after, hash=entry.hash)
    report = verify_chain()
    assert report.first_bad_seq == 3 and "seal" in report.problem


@pytest.mark.django_db(transaction=True)
def test_audit_outside_a_transaction_is_refused():
    team = TeamFactory()
    assert not connection.in_atomic_block
    with pytest.raises(RuntimeError):
        audit_record(actor=Actor.system("test"), action="x", obj=team)
