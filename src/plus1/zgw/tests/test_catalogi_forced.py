# SPDX-License-Identifier: EUPL-1.2
"""catalogi.geforceerd-schrijven: a client with it changes published catalogue types and
adds parts to a published zaaktype (as the standard's security sections allow); without it
those writes keep their refusal and nothing changes."""

import pytest

from plus1.audit.models import AuditEntry
from plus1.catalog.models import CaseType, DecisionType, RoleType
from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal
from plus1.events.testing import queued_notifications
from plus1.zgw.tests.conftest import CATALOGI, limited_client
from plus1.zgw.tests.test_catalogi_types import besluittype, catalogus, first_error, post, zaaktype

pytestmark = pytest.mark.django_db
__all__ = ["catalogus"]  # the fixture, used by name


def _client(name, *scopes):
    return limited_client(name, [{"component": "ztc", "scopes": ["catalogi.lezen", *scopes]}])


@pytest.fixture
def published(superclient, catalogus):
    url = zaaktype(superclient, catalogus).json()["url"]
    superclient.post(
        f"{CATALOGI}/statustypen", {"omschrijving": "Ontvangen", "zaaktype": url, "volgnummer": 1},
        format="json",
    )  # fmt: skip
    assert superclient.post(f"{url}/publish").status_code == 200
    return url


def test_forced_writer_changes_a_published_zaaktype_and_adds_a_part(published):
    forced = _client("forceerder", "catalogi.geforceerd-schrijven")

    changed = forced.patch(published, {"omschrijving": "Kapvergunning (gewijzigd)"}, format="json")
    rol = post(
        forced,
        "roltypen",
        {"zaaktype": published, "omschrijving": "Adviseur", "omschrijvingGeneriek": "adviseur"},
    )

    assert changed.status_code == 200, changed.json()
    assert changed.json()["omschrijving"] == "Kapvergunning (gewijzigd)"
    assert changed.json()["concept"] is False  # still published
    assert CaseType.objects.get(code="kapvergunning").name == "Kapvergunning (gewijzigd)"
    assert rol.status_code == 201, rol.json()
    assert forced.get(published).json()["roltypen"] == [rol.json()["url"]]
    assert AuditEntry.objects.filter(actor_label="forceerder").exists()


def test_without_the_scope_the_published_zaaktype_stays_as_it_was(published):
    writer = _client("schrijver", "catalogi.schrijven")

    changed = writer.patch(published, {"omschrijving": "Anders"}, format="json")
    rol = post(
        writer,
        "roltypen",
        {"zaaktype": published, "omschrijving": "Adviseur", "omschrijvingGeneriek": "adviseur"},
    )

    assert first_error(changed) == (400, "nonFieldErrors", "non-concept-object")
    assert first_error(rol) == (400, "nonFieldErrors", "non-concept-zaaktype")
    assert CaseType.objects.get(code="kapvergunning").name != "Anders"
    assert not RoleType.objects.filter(description="Adviseur").exists()


def test_forced_writer_changes_a_published_besluittype_and_it_is_announced(
    superclient, catalogus, settings
):
    settings.BASE_URL = "http://testserver"
    kanaal = Kanaal.objects.get_or_create(naam="besluittypen")[0]
    abonnement = Abonnement.objects.create(callback_url="https://ontvanger.example/cb", auth="x")
    AbonnementKanaal.objects.create(abonnement=abonnement, kanaal=kanaal, filters={})
    url = besluittype(superclient, catalogus).json()["url"]
    superclient.post(f"{url}/publish")
    forced = _client("forceerder", "catalogi.geforceerd-schrijven")

    before = len(queued_notifications())

    changed = forced.patch(url, {"toelichting": "Nieuwe uitleg"}, format="json")

    assert changed.status_code == 200, changed.json()
    assert DecisionType.objects.get().explanation == "Nieuwe uitleg"
    sent = queued_notifications()[before:]
    assert [(n["kanaal"], n["actie"], n["resourceUrl"]) for n in sent] == [
        ("besluittypen", "update", url)
    ]


def test_forcing_is_for_changes_not_for_new_types(catalogus):
    forced = _client("forceerder", "catalogi.geforceerd-schrijven")

    made = besluittype(forced, catalogus)

    assert made.status_code == 403
    assert not DecisionType.objects.exists()


def test_forced_writing_keeps_the_catalogus_rule(superclient, catalogus, published):
    other = post(
        superclient,
        "catalogussen",
        {"domein": "ANDER", "rsin": "002220647", "contactpersoonBeheerNaam": "X"},
    ).json()["url"]
    elsewhere = besluittype(superclient, other).json()["url"]
    forced = _client("forceerder", "catalogi.geforceerd-schrijven")

    response = forced.patch(published, {"besluittypen": [elsewhere]}, format="json")

    assert first_error(response) == (400, "nonFieldErrors", "relations-incorrect-catalogus")
    assert not CaseType.objects.get(code="kapvergunning").decision_types.exists()
