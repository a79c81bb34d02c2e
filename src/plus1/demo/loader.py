# SPDX-License-Identifier: EUPL-1.2
"""Loads Gemeente Plusstad: teams, staff, demo residents and businesses, and the catalog."""

from __future__ import annotations

import datetime as dt
from base64 import b32encode
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.audit.services import Actor
from plus1.catalog.models import CaseType
from plus1.catalog.product_services import upl_import, vocabulary_import
from plus1.catalog.services import catalog_import
from plus1.catalog.upl import UPL_FILE
from plus1.catalog.vocabulary import vocabulary_document
from plus1.contact.setup import appointment_setup_import
from plus1.demo.conversation import answer_document_types_load
from plus1.demo.zgw import zgw_demo_load
from plus1.identity.models import Team, TeamMembership
from plus1.identity.second_factor import DEMO_DEVICE_NAME
from plus1.identity.services import business_register, resident_register
from plus1.meldingen.demo import meldingen_demo_load
from plus1.privacy.services import register_import

CATALOG_FILE = Path(__file__).with_name("plusstad.yaml")
APPOINTMENTS_FILE = Path(__file__).with_name("afspraken.yaml")
REGISTER_FILE = Path(__file__).parents[1] / "privacy" / "data" / "plusstad-register.yaml"
DEMO_PASSWORD = "plusstad-demo"  # noqa: S105 (demo accounts only, printed on start)
# The one authenticator key of every demo staff account (public, like the password): add it
# to an app, or read the current code on the code page, which shows it in demo mode only.
DEMO_TOTP_KEY = "706c75737374616420646520646f207465737421"

NORTH, SOUTH = ["WK999902", "WK999903", "WK999906"], ["WK999901", "WK999904", "WK999905"]
TEAMS = [
    ("burgerzaken", "Team Burgerzaken", ["BRP", "reisdocumenten"], []),
    ("vergunningen", "Team Vergunningen", ["parkeren", "evenementen", "omgevingsrecht"], []),
    ("sociaal-domein", "Team Sociaal Domein", ["bijstand", "schuldhulp"], []),
    ("openbare-ruimte", "Team Openbare Ruimte", ["beheer", "groen"], []),
    ("openbare-ruimte-noord", "Team Openbare Ruimte Noord", ["beheer", "groen"], NORTH),
    ("openbare-ruimte-zuid", "Team Openbare Ruimte Zuid", ["beheer", "groen"], SOUTH),
    ("handhaving", "Team Handhaving", ["overlast", "toezicht"], []),
    ("juridische-zaken", "Team Juridische Zaken", ["klachten", "bezwaar"], []),
    ("klantcontact", "Team Klantcontact", ["doorverwijzen", "vragen"], []),
    # Takes the cases marked "doorbraak nodig" (settings.BREAKTHROUGH_TEAM).
    ("doorbraak", "Doorbraakteam", ["doorbraak"], []),
]

STAFF = [
    ("behandelaar.burgerzaken", "Bram", "de Vries", ["burgerzaken"]),
    ("behandelaar.vergunningen", "Vera", "Jansen", ["vergunningen"]),
    ("behandelaar.sociaal", "Sanne", "Bakker", ["sociaal-domein"]),
    (
        "behandelaar.openbareruimte",
        "Omar",
        "El Idrissi",
        ["openbare-ruimte", "openbare-ruimte-noord", "openbare-ruimte-zuid"],
    ),
    ("behandelaar.juridisch", "Julia", "Visser", ["juridische-zaken", "burgerzaken", "doorbraak"]),
    ("medewerker.klantcontact", "Kees", "Mulder", ["klantcontact"]),
    ("teamleider.vergunningen", "Tessa", "Lind", ["vergunningen"]),
    ("behandelaar.parkeren", "Peter", "Kok", ["vergunningen"]),
]

# Who leads a team, their own skills and areas there, and their hours a week (the capacity
# the workbench's assignment suggestion uses); members not named work 32 hours.
MEMBERSHIPS: dict[tuple[str, str], dict[str, Any]] = {
    ("vergunningen", "teamleider.vergunningen"): {"is_lead": True, "weekly_hours": 16},
    ("vergunningen", "behandelaar.vergunningen"): {
        "weekly_hours": 32,
        "skills": ["evenementen", "omgevingsrecht"],
    },
    ("vergunningen", "behandelaar.parkeren"): {"weekly_hours": 24, "skills": ["parkeren"]},
}
# What a behandelaar of a case type needs to know (matched against the members' skills).
CASE_TYPE_SKILLS = {"evenementenvergunning": "evenementen", "parkeervergunning": "parkeren"}

RESIDENTS = [
    ("999990007", "Anna de Boer", "anna.deboer@example.nl"),
    ("999990019", "Mohammed Yilmaz", "m.yilmaz@example.nl"),
    ("999991103", "Johan Smit", "johan.smit@example.nl"),
    ("999992211", "Fatima Haddou", ""),
]

BUSINESSES = [("12345678", "Bakkerij Het Korenaar", "info@korenaar.example.nl")]
# What the contact centre finds the demo residents by when no BSN is at hand (BRP data).
RESIDENT_DETAILS: dict[str, dict[str, Any]] = {
    "999990007": {"birth_date": dt.date(1984, 3, 12), "postcode": "9999AA", "house_number": "7"},
    "999990019": {"birth_date": dt.date(1979, 11, 2), "postcode": "9999BN", "house_number": "21"},
    "999991103": {"birth_date": dt.date(1951, 6, 30), "postcode": "9999CZ", "house_number": "3"},
    "999992211": {"birth_date": dt.date(1996, 1, 18), "postcode": "9999BN", "house_number": "21"},
}


def _demo_second_factor(user: Any) -> None:
    TOTPDevice.objects.create(user=user, name=DEMO_DEVICE_NAME, key=DEMO_TOTP_KEY, confirmed=True)


def _demo_workload(teams: dict[str, Team]) -> None:
    TeamMembership.objects.filter(team__in=teams.values()).update(weekly_hours=32)
    for (slug, username), fields in MEMBERSHIPS.items():
        TeamMembership.objects.filter(team=teams[slug], user__username=username).update(**fields)
    for code, skill in CASE_TYPE_SKILLS.items():
        CaseType.objects.filter(code=code).update(skill=skill, show_assignee_to_resident=True)


def demo_totp_secret() -> str:
    """The demo key as an authenticator app asks for it (base32)."""
    return b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()


def demo_loaded() -> bool:
    return CaseType.objects.exists()


@transaction.atomic
def demo_load() -> None:
    actor = Actor.system("demo-loader")
    user_model = get_user_model()
    teams = {
        slug: Team.objects.create(slug=slug, name=name, skills=skills, areas=areas)
        for slug, name, skills, areas in TEAMS
    }
    for username, first, last, team_slugs in STAFF:
        user = user_model.objects.create_user(
            username, password=DEMO_PASSWORD, first_name=first, last_name=last, is_staff=True
        )
        user.teams.set([teams[slug] for slug in team_slugs])
        _demo_second_factor(user)
    admin = user_model.objects.create_superuser(
        "beheerder", password=DEMO_PASSWORD, first_name="Beheerder"
    )
    _demo_second_factor(admin)
    for bsn, name, email in RESIDENTS:
        resident_register(
            actor=actor, bsn=bsn, name=name, email=email, **RESIDENT_DETAILS.get(bsn, {})
        )
    for kvk, name, email in BUSINESSES:
        business_register(actor=actor, kvk_number=kvk, name=name, email=email)
    catalog_import(actor=actor, document=yaml.safe_load(CATALOG_FILE.read_text(encoding="utf-8")))
    meldingen_demo_load(actor=actor)  # wijken, buurten, streets and report routing
    _demo_workload(teams)
    register_import(actor=actor, document=yaml.safe_load(REGISTER_FILE.read_text(encoding="utf-8")))
    # The national product list, then the local words, texts and providers per product.
    upl_import(actor=actor, text=UPL_FILE.read_text(encoding="utf-8"))
    vocabulary_import(actor=actor, document=vocabulary_document())
    appointment_setup_import(  # after the catalogue: appointment products link to products
        actor=actor, document=yaml.safe_load(APPOINTMENTS_FILE.read_text(encoding="utf-8"))
    )
    zgw_demo_load(actor=actor, rsin=settings.ZGW_RSIN)  # what an existing ZGW client needs
    answer_document_types_load()  # where residents' answers to aanvulverzoeken are filed
