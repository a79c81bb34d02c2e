# SPDX-License-Identifier: EUPL-1.2
"""The contact centre: find a person for a purpose, register a contact moment with a callback,
the person view, the callback queue, the resident's Mijn contactmomenten and coordinators."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.services import case_register
from plus1.catalog.models import Product
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ProductFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.contact import events
from plus1.contact.models import Callback, ContactMoment, Coordinator, ProductContactSetting
from plus1.contact.moment_services import callback_due
from plus1.events.models import OutboxMessage
from plus1.events.services import outbox_drain
from plus1.identity.models import Party
from plus1.identity.testing import staff_login
from plus1.privacy.models import CaseTypeActivity, DataTrailRecord
from plus1.privacy.testing import make_activity

BSN = "999990019"
DESK = "/werkplek/contact/"


@dataclass
class Centre:
    desk_user: Any
    handler: Any
    contact_team: Any
    permits: Any
    resident: Party
    product: Product
    case: Case

    def staff(self, user: Any = None) -> Client:
        return staff_login(Client(), user or self.desk_user)

    def resident_client(self, party: Party | None = None) -> Client:
        client = Client()
        client.force_login((party or self.resident).user)
        return client


@pytest.fixture
def centre(db: Any) -> Centre:
    desk_user = UserFactory(staff=True, first_name="Kees", last_name="Klantcontact")
    handler = UserFactory(staff=True, first_name="Vera", last_name="Vergunning")
    contact_team = TeamFactory(slug="klantcontact", name="Team Klantcontact", members=[desk_user])
    permits = TeamFactory(name="Team Vergunningen", members=[handler])
    case_type = CaseTypeFactory(responsible_team=permits, name="Kapvergunning")
    activity = make_activity("vergunningen", name="Vergunningen verlenen")
    CaseTypeActivity.objects.create(case_type=case_type, activity=activity)
    product = ProductFactory(name="Kapvergunning", slug="kapvergunning", case_type=case_type)
    resident = ResidentFactory(
        bsn=BSN,
        name="Anna de Boer",
        phone="0612345678",
        birth_date=dt.date(1980, 5, 17),
        postcode="1234AB",
        house_number="12",
        email="anna@example.nl",
    )
    case = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=resident,
        form_data={"onderwerp": "Eik in de tuin"},
    )
    return Centre(desk_user, handler, contact_team, permits, resident, product, case)


def _text(response: Any) -> str:
    return response.content.decode()


def _register(client: Client, **extra: str) -> Any:
    data = {
        "stap": "registreren",
        "doel": "vergunningen",
        "kanaal": "telefoon",
        "product": "kapvergunning",
        "samenvatting": "Vraag of een eik gekapt mag worden.",
        "beantwoord": "nee",
        "opmerking": "Klonk boos, voorzichtig zijn.",
        "moment": "any",
        **extra,
    }
    return client.post(DESK, data)


def test_finding_a_person_needs_a_purpose_and_writes_nothing_without_one(centre: Centre) -> None:
    client = centre.staff()
    refused = client.post(DESK, {"stap": "zoeken", "doel": "", "bsn": BSN})
    assert refused.status_code == 400
    assert "Kies eerst het doel" in _text(refused)
    assert "Anna de Boer" not in _text(refused)
    assert not DataTrailRecord.objects.exists()


def test_every_problem_with_a_search_is_listed_at_once(centre: Centre) -> None:
    page = centre.staff().post(DESK, {"stap": "zoeken", "doel": "", "bsn": "123"})
    text = _text(page)
    assert page.status_code == 400
    assert "Kies eerst het doel" in text and "geldig burgerservicenummer" in text


@pytest.mark.parametrize(
    "search",
    [
        {"bsn": BSN},
        {"naam": "de boer", "geboortedatum": "17-05-1980"},
        {"postcode": "1234 ab", "huisnummer": "12"},
        {"zaaknummer": "CASE"},
    ],
)
def test_a_person_is_found_by_each_key_and_the_search_is_in_their_trail(
    centre: Centre, search: dict[str, str]
) -> None:
    if search.get("zaaknummer") == "CASE":
        search = {"zaaknummer": centre.case.identification}
    page = centre.staff().post(DESK, {"stap": "zoeken", "doel": "vergunningen", **search})
    text = _text(page)
    assert page.status_code == 200
    assert "Anna de Boer" in text
    assert BSN not in text  # the BSN is never echoed back into the page
    record = DataTrailRecord.objects.get()
    assert record.activity.code == "vergunningen"
    assert record.name == "gezocht en gevonden in het klantcontactcentrum"
    assert record.audit_entry.after["team"] == "Team Klantcontact"


def test_a_business_is_found_by_kvk_number(centre: Centre) -> None:
    Party.objects.create(kind=Party.Kind.BUSINESS, name="Bakkerij Brood BV", kvk_number="12345678")
    page = centre.staff().post(DESK, {"stap": "zoeken", "doel": "vergunningen", "kvk": "12345678"})
    assert "Bakkerij Brood BV" in _text(page)
    assert "Anna de Boer" not in _text(page)


def test_a_phone_call_with_a_callback_is_registered_from_one_screen(centre: Centre) -> None:
    client = centre.staff()
    response = _register(
        client,
        persoon=str(centre.resident.uuid),
        zaak=centre.case.identification,
        terugbellen="ja",
        telefoon="0612345678",
        moment="morning",
    )
    assert response.status_code == 302
    moment = ContactMoment.objects.get()
    assert (moment.channel, moment.party, moment.product, moment.case) == (
        "telefoon",
        centre.resident,
        centre.product,
        centre.case,
    )
    assert moment.answered is False and moment.registered_by == centre.desk_user
    callback = Callback.objects.get()
    assert moment.callback == callback and callback.source == moment
    assert callback.team == centre.permits  # the team that owns the product
    assert callback.preferred_time == "morning" and callback.status == "open"
    assert timezone.localtime(callback.due_at).time() == dt.time(17, 0)
    assert DataTrailRecord.objects.filter(name__startswith="contactmoment").count() == 1
    assert DataTrailRecord.objects.filter(name="terugbelverzoek vastgelegd").count() == 1
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"contact_moment.registered", "callback.requested"} <= actions
    topics = set(OutboxMessage.objects.values_list("topic", flat=True))
    assert events.CALLBACK_REQUESTED in topics
    confirmation = client.get(response["Location"])
    assert "Contactmoment vastgelegd" in _text(confirmation)
    assert "Terugbelverzoek voor Team Vergunningen" in _text(confirmation)


def test_a_bad_registration_lists_every_problem_and_writes_nothing(centre: Centre) -> None:
    page = _register(
        centre.staff(),
        persoon=str(centre.resident.uuid),
        doel="",
        kanaal="duif",
        samenvatting="",
        beantwoord="",
        zaak="ZAAK-BESTAAT-NIET",
        terugbellen="ja",
        telefoon="12",
    )
    text = _text(page)
    assert page.status_code == 400
    for message in (
        "Er is geen zaak met dit zaaknummer",
        "Kies of de vraag is beantwoord",
        "Kies het kanaal",
        "Schrijf in een paar woorden",
        "Kies eerst het doel",
        "Vul een telefoonnummer in",
    ):
        assert message in text
    assert not ContactMoment.objects.exists() and not Callback.objects.exists()
    assert not DataTrailRecord.objects.exists()


def test_an_anonymous_contact_needs_no_purpose_and_no_trail(centre: Centre) -> None:
    response = _register(centre.staff(), persoon="anoniem", doel="", beantwoord="ja")
    assert response.status_code == 302
    moment = ContactMoment.objects.get()
    assert moment.party is None and moment.answered
    assert not DataTrailRecord.objects.exists()


def test_a_result_list_needs_a_choice_before_registering(centre: Centre) -> None:
    page = _register(centre.staff(), persoon="")
    assert page.status_code == 400
    assert "Kies de persoon" in _text(page)
    assert not ContactMoment.objects.exists()


def test_the_person_view_shows_every_channel_and_is_in_the_trail(centre: Centre) -> None:
    client = centre.staff()
    _register(client, persoon=str(centre.resident.uuid), terugbellen="ja", telefoon="0612345678")
    DataTrailRecord.objects.all().delete()
    url = reverse("contact:person", args=[centre.resident.uuid])

    no_purpose = client.get(url)
    assert "Kies eerst het doel" in _text(no_purpose)
    assert "Vraag of een eik" not in _text(no_purpose)
    assert not DataTrailRecord.objects.exists()

    page = client.get(url, {"doel": "vergunningen"})
    text = _text(page)
    assert "Vraag of een eik gekapt mag worden." in text
    assert "Klonk boos" in text  # staff see the internal remark
    assert "Kapvergunning voor Team Vergunningen" in text  # the callback
    assert "Geen berichten." in text  # the hook for contact.Message (branch msg)
    record = DataTrailRecord.objects.get()
    assert record.name.startswith("persoonsoverzicht bekeken")


def test_the_resident_sees_own_moments_and_callbacks_but_never_internal_remarks(
    centre: Centre,
) -> None:
    _register(
        centre.staff(), persoon=str(centre.resident.uuid), terugbellen="ja", telefoon="0612345678"
    )
    page = centre.resident_client().get("/mijn-contactmomenten/")
    text = _text(page)
    assert "Vraag of een eik gekapt mag worden." in text
    assert "Telefoon" in text
    assert "Klonk boos" not in text
    assert "Open:" in text and "wij bellen u uiterlijk" in text

    other = ResidentFactory(name="Piet Ander")
    assert "Vraag of een eik" not in _text(
        centre.resident_client(other).get("/mijn-contactmomenten/")
    )


def test_laat_u_terugbellen_creates_a_callback_with_the_products_service_level(
    centre: Centre,
) -> None:
    ProductContactSetting.objects.create(product=centre.product, callback_working_days=3)
    client = centre.resident_client()
    form = client.get(reverse("contact:callback-request", args=["kapvergunning"]))
    assert "binnen 3 werkdagen" in _text(form)
    assert 'value="0612345678"' in _text(form)  # the number it knows, prefilled

    response = client.post(
        reverse("contact:callback-request", args=["kapvergunning"]),
        {"telefoon": "0201234567", "moment": "afternoon", "vraag": "Mag de eik weg?"},
    )
    assert response.status_code == 302
    callback = Callback.objects.get()
    assert callback.team == centre.permits and callback.party == centre.resident
    assert callback.due_at == callback_due(callback.created_at, 3)
    outbox_drain()
    assert [message.to for message in mail.outbox] == [["anna@example.nl"]]
    assert "0201234567" in mail.outbox[0].body
    assert "Wij bellen u terug" in _text(client.get(response["Location"]))


def test_laat_u_terugbellen_with_a_bad_number_writes_nothing(centre: Centre) -> None:
    page = centre.resident_client().post(
        reverse("contact:callback-request", args=["kapvergunning"]),
        {"telefoon": "bel me", "moment": "nacht"},
    )
    assert page.status_code == 400
    assert "Vul een telefoonnummer in" in _text(page)
    assert "Kies wanneer wij het beste kunnen bellen" in _text(page)
    assert not Callback.objects.exists()


def test_the_service_level_counts_working_days() -> None:
    tz = timezone.get_current_timezone()
    friday = dt.datetime(2026, 12, 4, 10, 0, tzinfo=tz)
    assert callback_due(friday, 1) == dt.datetime(2026, 12, 7, 17, 0, tzinfo=tz)
    christmas_eve = dt.datetime(2026, 12, 24, 16, 0, tzinfo=tz)  # 25 and 26 are holidays
    assert callback_due(christmas_eve, 1) == dt.datetime(2026, 12, 28, 17, 0, tzinfo=tz)


def test_the_team_completes_callbacks_in_due_order_and_the_resident_sees_it_done(
    centre: Centre,
) -> None:
    desk = centre.staff()
    _register(desk, persoon=str(centre.resident.uuid), terugbellen="ja", telefoon="0612345678")
    first = Callback.objects.get()
    Callback.objects.filter(pk=first.pk).update(due_at=timezone.now() + dt.timedelta(days=2))
    _register(
        desk,
        persoon="anoniem",
        doel="",
        terugbellen="ja",
        telefoon="0687654321",
        naam_beller="Jan Zonder",
    )
    team = centre.staff(centre.handler)
    queue = _text(team.get(reverse("contact:callbacks")))
    assert queue.index("Jan Zonder") < queue.index("Anna de Boer")  # due first on top

    url = reverse("contact:callback", args=[first.uuid])
    empty = team.post(url, {"uitkomst": "", "bereikt": "ja"})
    assert empty.status_code == 400 and Callback.objects.get(pk=first.pk).status == "open"
    done = team.post(
        url,
        {
            "uitkomst": "Uitgelegd dat een kapvergunning nodig is.",
            "bereikt": "ja",
            "beantwoord": "ja",
        },
    )
    assert done.status_code == 302
    first.refresh_from_db()
    assert first.status == "done" and first.done_by == centre.handler
    assert first.outcome_moment is not None and first.outcome_moment.answered
    again = team.post(url, {"uitkomst": "Nog eens", "bereikt": "ja"})
    assert again.status_code == 200 and "Afgehandeld op" in _text(again)
    assert ContactMoment.objects.filter(callback=first).count() == 2  # the request and the call

    page = _text(centre.resident_client().get("/mijn-contactmomenten/"))
    assert "Teruggebeld" in page
    assert "Uitgelegd dat een kapvergunning nodig is." in page


def test_staff_outside_the_team_cannot_open_a_callback(centre: Centre) -> None:
    desk = centre.staff()
    _register(desk, persoon=str(centre.resident.uuid), terugbellen="ja", telefoon="0612345678")
    callback = Callback.objects.get()
    assert desk.get(reverse("contact:callback", args=[callback.uuid])).status_code == 404
    assert "Anna de Boer" not in _text(desk.get(reverse("contact:callbacks")))


def test_a_household_coordinator_is_visible_on_every_case_of_the_household(
    centre: Centre,
) -> None:
    partner = ResidentFactory(name="Bram de Boer")
    partner_case = case_register(
        actor=Actor.system("test"),
        case_type=centre.case.case_type,
        initiator=partner,
        form_data={"onderwerp": "Schutting"},
    )
    client = centre.staff(centre.handler)
    url = reverse("contact:person-coordinator", args=[centre.resident.uuid])
    bad = client.post(
        url, {"doel": "vergunningen", "medewerker": str(centre.handler.pk), "rol": "baas"}
    )
    assert bad.status_code == 400
    assert "Kies de rol" in _text(bad) and "Vul een telefoonnummer" in _text(bad)
    assert not Coordinator.objects.exists()

    response = client.post(
        url,
        {
            "doel": "vergunningen",
            "medewerker": str(centre.handler.pk),
            "rol": "regisseur",
            "huishouden": "ja",
            "zaken": [centre.case.identification, partner_case.identification],
            "telefoon": "14020",
            "bereikbaar": "maandag tot donderdag",
        },
    )
    assert response.status_code == 302
    coordinator = Coordinator.objects.get()
    assert coordinator.household and coordinator.display_name == "Vera Vergunning"

    case_page = _text(
        centre.resident_client().get(
            reverse("portal:case-detail", args=[centre.case.identification])
        )
    )
    assert "Uw contactpersoon" in case_page and "Vera Vergunning" in case_page
    assert "regisseur voor uw huishouden" in case_page and "14020" in case_page
    partner_page = _text(
        centre.resident_client(partner).get(
            reverse("portal:case-detail", args=[partner_case.identification])
        )
    )
    assert "Vera Vergunning" in partner_page
    assert "Vera Vergunning" in _text(centre.resident_client().get("/mijn-contactmomenten/"))

    # One household, one coordinator: naming a new one ends the previous one.
    client.post(
        url,
        {
            "doel": "vergunningen",
            "medewerker": str(centre.handler.pk),
            "rol": "casemanager",
            "huishouden": "ja",
            "email": "vera@plusstad.nl",
        },
    )
    assert Coordinator.objects.filter(ended_at__isnull=True).count() == 1
    assert DataTrailRecord.objects.filter(name__endswith="aangewezen").count() == 2


def test_a_product_no_team_owns_is_called_back_by_the_contact_centre(centre: Centre) -> None:
    ProductFactory(name="Traplift", slug="traplift", case_type=None)
    response = centre.resident_client().post(
        reverse("contact:callback-request", args=["traplift"]),
        {"telefoon": "0612345678", "moment": "any"},
    )
    assert response.status_code == 302
    assert Callback.objects.get().team == centre.contact_team  # slug from the setting


def test_the_contact_centre_team_is_a_setting(centre: Centre, settings: Any) -> None:
    settings.CONTACT_CALLBACK_TEAM = "bestaat-niet"
    ProductFactory(name="Traplift", slug="traplift", case_type=None)
    page = centre.resident_client().post(
        reverse("contact:callback-request", args=["traplift"]),
        {"telefoon": "0612345678", "moment": "any"},
    )
    assert page.status_code == 400
    assert "Voor dit product kunnen wij u nog niet terugbellen" in _text(page)
    assert not Callback.objects.exists()


def test_the_product_page_offers_laat_u_terugbellen_as_its_own_form(centre: Centre) -> None:
    ProductFactory(name="Traplift", slug="traplift", case_type=None, channels=["callback"])
    page = _text(Client().get("/producten/traplift/"))
    assert 'href="/laat-u-terugbellen/traplift/"' in page
    assert "kanaal=callback" not in page  # no longer the question form


def test_a_coordinator_cannot_be_put_on_a_case_of_another_team(centre: Centre) -> None:
    other_type = CaseTypeFactory(responsible_team=TeamFactory(name="Team Elders"), name="Elders")
    hidden = case_register(
        actor=Actor.system("test"),
        case_type=other_type,
        initiator=centre.resident,
        form_data={"onderwerp": "Iets anders"},
    )
    client = centre.staff(centre.handler)
    client.post(
        reverse("contact:person-coordinator", args=[centre.resident.uuid]),
        {
            "doel": "vergunningen",
            "medewerker": str(centre.handler.pk),
            "rol": "casemanager",
            "zaken": [centre.case.identification, hidden.identification],
            "telefoon": "14020",
        },
    )
    coordinator = Coordinator.objects.get()
    assert list(coordinator.cases.all()) == [centre.case]


def test_staff_see_the_coordinator_on_the_case_page(centre: Centre) -> None:
    client = centre.staff(centre.handler)
    empty = _text(client.get(reverse("workbench:case", args=[centre.case.identification])))
    assert "Nog geen casemanager of regisseur." in empty
    client.post(
        reverse("contact:person-coordinator", args=[centre.resident.uuid]),
        {
            "doel": "vergunningen",
            "medewerker": str(centre.handler.pk),
            "rol": "casemanager",
            "zaken": [centre.case.identification],
            "telefoon": "14020",
        },
    )
    page = _text(client.get(reverse("workbench:case", args=[centre.case.identification])))
    assert "Casemanager: <strong>Vera Vergunning</strong>, 14020" in page


def test_an_administrator_sets_a_products_service_level_and_it_is_audited(
    centre: Centre,
) -> None:
    from plus1.audit.models import AuditEntry as Entry

    admin_user = UserFactory(staff=True, is_superuser=True, first_name="Beheer")
    client = centre.staff(admin_user)
    response = client.post(
        "/beheer/contact/productcontactsetting/add/",
        {
            "product": str(centre.product.pk),
            "callback_team": str(centre.contact_team.pk),
            "callback_working_days": "2",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    setting = ProductContactSetting.objects.get()
    assert (setting.callback_team, setting.callback_working_days) == (centre.contact_team, 2)
    assert Entry.objects.filter(object_type__contains="productcontactsetting").exists()
