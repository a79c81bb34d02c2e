# SPDX-License-Identifier: EUPL-1.2
"""`plus1 keys rotate`: every stored BSN re-encrypted under the new key, readable throughout,
found by the same blind index, and nothing lost when a row is unreadable."""

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.core.management.base import CommandError

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases.models import Role
from plus1.cases.services import case_register
from plus1.common import bsn as bsn_crypto
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory
from plus1.identity.models import Party
from plus1.identity.selectors import party_by_bsn
from plus1.privacy.audit_actions import BSN_KEY_ROTATED
from plus1.privacy.services.keys import models_with_encrypted_bsn

pytestmark = pytest.mark.django_db

OLD_KEY, NEW_KEY = Fernet.generate_key().decode(), Fernet.generate_key().decode()
INDEX_KEY = "index-" + "k" * 20 + "0123456789abcdef"
BSNS = ["999990007", "999990019", "999990032"]


@pytest.fixture
def old_key(settings):
    settings.BSN_KEY, settings.BSN_PREVIOUS_KEYS, settings.BSN_INDEX_KEY = OLD_KEY, [], INDEX_KEY
    return settings


@pytest.fixture
def residents_with_cases(old_key):
    case_type = CaseTypeFactory()
    residents = [ResidentFactory(bsn=bsn) for bsn in BSNS]
    for resident in residents:
        case_register(
            actor=Actor.system("test"),
            case_type=case_type,
            initiator=resident,
            form_data={"onderwerp": "Parkeervergunning"},
        )
    return residents


def tokens():
    return [p.bsn_encrypted for p in Party.objects.all()] + [
        r.bsn_encrypted for r in Role.objects.exclude(bsn_encrypted="")
    ]


def readable_by(key, token):
    try:
        Fernet(key).decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def test_every_model_that_stores_a_bsn_is_rotated():
    assert {m._meta.label for m in models_with_encrypted_bsn()} >= {"identity.Party", "cases.Role"}


def test_rotation_moves_every_bsn_to_the_new_key_without_losing_a_lookup(
    residents_with_cases, settings, capsys
):
    assert len(tokens()) == 6 and all(readable_by(OLD_KEY, t) for t in tokens())
    index_before = sorted(Party.objects.values_list("bsn_index", flat=True))

    # Step 1: every server gets the new key, the old one stays readable.
    settings.BSN_KEY, settings.BSN_PREVIOUS_KEYS = NEW_KEY, [OLD_KEY]
    assert sorted(p.bsn for p in Party.objects.all()) == sorted(BSNS)
    newcomer = ResidentFactory(bsn="999990044")  # written during the rotation: new key
    assert readable_by(NEW_KEY, Party.objects.get(pk=newcomer.pk).bsn_encrypted)

    call_command("keys", "rotate", "--batch-size", "2")
    out = capsys.readouterr().out
    assert "identity.Party: 3 re-encrypted, 1 already current, 0 unreadable" in out
    assert "cases.Role: 3 re-encrypted, 0 already current, 0 unreadable" in out
    assert all(readable_by(NEW_KEY, t) and not readable_by(OLD_KEY, t) for t in tokens())
    assert AuditEntry.objects.filter(action=BSN_KEY_ROTATED).count() == 6

    # Step 2: the old key is removed; every BSN still reads and is still found by the same index.
    settings.BSN_PREVIOUS_KEYS = []
    assert sorted(p.bsn for p in Party.objects.exclude(pk=newcomer.pk)) == sorted(BSNS)
    assert sorted(Party.objects.exclude(pk=newcomer.pk).values_list("bsn_index", flat=True)) == (
        index_before
    )
    assert party_by_bsn("999990019") == residents_with_cases[1]
    assert {bsn_crypto.decrypt(r.bsn_encrypted) for r in Role.objects.all()} == set(BSNS)

    call_command("keys", "rotate")
    assert "identity.Party: 0 re-encrypted, 4 already current" in capsys.readouterr().out


def test_a_bsn_no_key_can_read_is_reported_and_the_others_still_rotate(
    residents_with_cases, settings
):
    lost_key = Fernet.generate_key()
    orphan = Party.objects.get(pk=residents_with_cases[0].pk)
    Party.objects.filter(pk=orphan.pk).update(
        bsn_encrypted=Fernet(lost_key).encrypt(b"999990007").decode()
    )
    settings.BSN_KEY, settings.BSN_PREVIOUS_KEYS = NEW_KEY, [OLD_KEY]
    with pytest.raises(CommandError, match="readable by no configured key"):
        call_command("keys", "rotate")
    unchanged = Party.objects.get(pk=orphan.pk).bsn_encrypted
    assert readable_by(lost_key, unchanged)  # left as it was, for a later run with that key
    others = Party.objects.exclude(pk=orphan.pk)
    assert all(readable_by(NEW_KEY, p.bsn_encrypted) for p in others)


def test_rotation_is_refused_without_configured_keys(residents_with_cases, settings):
    before = tokens()
    settings.BSN_KEY = settings.BSN_INDEX_KEY = ""
    with pytest.raises(CommandError, match="PLUS1_BSN_KEY"):
        call_command("keys", "rotate")
    assert tokens() == before


def test_generated_keys_are_fernet_keys(capsys):
    call_command("keys", "generate")
    Fernet(capsys.readouterr().out.strip())
