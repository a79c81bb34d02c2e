# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from plus1.audit.models import AuditEntry
from plus1.privacy.models import Consent, DataTrailRecord
from plus1.privacy.tests.conftest import RESIDENT_BSN, World

CHECK = "/api/v1/toestemmingen/_controleer"
FETCH = "/api/v1/gedeelde-gegevens/_zoek"
ASK = {"bsn": RESIDENT_BSN, "doel": "delen-schuldhulp", "gegevens": ["naam", "contactgegevens"]}


def _grant(world: World, **overrides: str | list[str]):  # type: ignore[no-untyped-def]
    today = dt.date.today()
    form = {
        "partner": "schuldhulp",
        "doel": "delen-schuldhulp",
        "gegevens": ["naam", "contactgegevens"],
        "vanaf": today.isoformat(),
        "tot": (today + dt.timedelta(days=30)).isoformat(),
        **overrides,
    }
    return world.resident_client().post(reverse("privacy:consents"), form)


def test_grant_fetch_revoke_refused_all_in_the_trail(world: World) -> None:
    assert world.partner_post(CHECK, ASK).json() == {"toegestaan": False}
    assert _grant(world).status_code == 302
    assert world.partner_post(CHECK, ASK).json() == {"toegestaan": True}

    fetched = world.partner_post(FETCH, ASK)
    assert fetched.status_code == 200
    assert fetched.json()["gegevens"] == {
        "naam": "Anna de Boer",
        "contactgegevens": {"email": world.resident.email, "telefoon": "0612345678"},
    }

    consent = Consent.objects.get()
    world.resident_client().post(reverse("privacy:consent-withdraw", args=[consent.uuid]))
    refused = world.partner_post(FETCH, ASK)
    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/problem+json"
    assert "Anna" not in refused.content.decode()

    trail = world.resident_client().get(reverse("privacy:my-trail")).content.decode()
    assert "toestemming gegeven aan Schuldhulp Plusstad" in trail
    assert "toestemming ingetrokken voor Schuldhulp Plusstad" in trail
    assert "gedeeld — uw naam, uw e-mailadres en telefoonnummer opgevraagd" in trail
    assert "geweigerd: geen geldige toestemming" in trail
    assert DataTrailRecord.objects.filter(refused=True, action="shared").count() == 1


def test_refused_for_other_purpose_category_or_after_the_end_date(world: World) -> None:
    _grant(world, gegevens=["naam"])
    assert world.partner_post(FETCH, {**ASK, "gegevens": ["naam"]}).status_code == 200
    assert world.partner_post(FETCH, ASK).status_code == 403  # contactgegevens not covered
    other = world.partner_post(FETCH, {**ASK, "gegevens": ["naam"], "doel": "bijstand"})
    assert other.status_code == 403
    assert AuditEntry.objects.filter(action="consent.request_refused").count() == 1
    Consent.objects.update(
        valid_from=dt.date.today() - dt.timedelta(days=10),
        valid_until=dt.date.today() - dt.timedelta(days=1),
    )
    assert world.partner_post(FETCH, {**ASK, "gegevens": ["naam"]}).status_code == 403


def test_bad_consent_is_refused_with_clear_messages_and_nothing_stored(world: World) -> None:
    today = dt.date.today()
    page = _grant(
        world,
        partner="onbekend",
        gegevens=["naam", "medisch-dossier"],
        tot=(today - dt.timedelta(days=1)).isoformat(),
    )
    assert page.status_code == 400
    text = page.content.decode()
    assert "Kies een organisatie uit de lijst." in text
    assert "Onbekend soort gegevens: medisch-dossier." in text
    assert "De einddatum ligt vóór de begindatum." in text
    assert not Consent.objects.exists()
    assert not DataTrailRecord.objects.exists()


def test_partner_api_needs_valid_credentials_and_valid_input(world: World) -> None:
    assert world.partner_post(FETCH, ASK, token="schuldhulp.fout").status_code == 401
    bad = world.partner_post(FETCH, {"bsn": "123456789", "doel": "x", "gegevens": ["iets"]})
    assert bad.status_code == 400
    names = {param["name"] for param in bad.json()["invalidParams"]}
    assert names == {"bsn", "gegevens.0"}
    assert "123456789" not in bad.content.decode()


def test_a_kvk_number_that_is_not_eight_digits_is_refused(world: World) -> None:
    for kvk in ("x", "1234567", "１２３４５６７８"):
        body = {"kvkNummer": kvk, "doel": "delen-schuldhulp", "gegevens": ["naam"]}
        refused = world.partner_post(FETCH, body)
        assert refused.status_code == 400, kvk
        params = {p["name"]: p["reason"] for p in refused.json()["invalidParams"]}
        assert params == {"kvkNummer": "Een KVK-nummer bestaat uit 8 cijfers."}
