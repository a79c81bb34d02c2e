# SPDX-License-Identifier: EUPL-1.2
"""Every write to a report: submitting, following, merging duplicates, publishing a text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plus1.audit.services import Actor, audit_record
from plus1.cases.services import CaseLocation, case_register, case_transition
from plus1.catalog.models import CaseType, StatusType
from plus1.geo.selectors import (
    LocationRefused,
    Place,
    nearest_address,
    place_for_address,
    place_in_municipality,
)
from plus1.identity.models import Party
from plus1.meldingen import audit_actions, ratelimit
from plus1.meldingen.categories import CATEGORY_SLUGS, get_category, service_deadline
from plus1.meldingen.models import Follower, Melding, Photo
from plus1.meldingen.photos import MAX_PHOTOS, CleanPhoto, PhotoRefused, clean_photo
from plus1.meldingen.selectors import Nearby, nearby_open, route_team

MELDING_CASE_TYPE = "melding-openbare-ruimte"
MERGED_STATUS = "samengevoegd"
PHONE = re.compile(r"^\+?[0-9 ()-]{10,20}$")


@dataclass
class Submission:
    """What a resident typed and chose in the report form."""

    description: str
    category: str
    subcategory: str = ""
    latitude: float | str | None = None  # as typed, or from the map or the device
    longitude: float | str | None = None
    address: str = ""
    email: str = ""
    phone: str = ""
    photos: list[Any] = field(default_factory=list)


class DuplicatesFound(Exception):
    """Open reports of the same category are close by; the resident may follow one instead."""

    def __init__(self, nearby: list[Nearby]) -> None:
        super().__init__("Er zijn al meldingen in de buurt.")
        self.nearby = nearby


class RateLimited(ValidationError):
    pass


RATE_LIMIT_MESSAGE = (
    f"U heeft het afgelopen uur al {ratelimit.LIMIT_PER_HOUR} meldingen gedaan zonder in te "
    "loggen. Probeer het over een uur opnieuw, of log in om meteen verder te melden. "
    "Wat u heeft ingevuld, is bewaard."
)


def _problems(
    submission: Submission,
) -> tuple[dict[str, list[str]], Place | None, list[CleanPhoto]]:
    """Every problem with a submission at once, with the place and the cleaned photos."""
    problems: dict[str, list[str]] = {}
    text = submission.description.strip()
    if len(text) < 5:
        problems["omschrijving"] = [_("Beschrijf in een paar woorden wat er aan de hand is.")]
    elif len(text) > 1000:
        problems["omschrijving"] = [_("Gebruik hoogstens 1000 tekens.")]
    if submission.category not in CATEGORY_SLUGS:
        problems["categorie"] = [_("Kies een categorie.")]
    elif submission.subcategory and submission.subcategory not in {
        sub.slug for sub in get_category(submission.category).subcategories
    }:
        problems["subcategorie"] = [_("Kies een onderwerp dat bij de categorie past.")]
    if submission.email:
        try:
            validate_email(submission.email)
        except ValidationError:
            problems["email"] = [_("Vul een e-mailadres in zoals naam@voorbeeld.nl.")]
    if submission.phone and not PHONE.match(submission.phone):
        problems["telefoon"] = [_("Vul een telefoonnummer in zoals 06 12345678.")]
    place = None
    try:
        place = _place(submission)
    except LocationRefused as exc:
        problems["locatie"] = exc.messages
    photos, photo_problems = _photos(submission.photos)
    if photo_problems:
        problems["fotos"] = photo_problems
    return problems, place, photos


def _place(submission: Submission) -> Place:
    if submission.latitude is not None and submission.longitude is not None:
        try:
            lat = float(str(submission.latitude).replace(",", "."))
            lon = float(str(submission.longitude).replace(",", "."))
        except ValueError:
            raise LocationRefused(
                _("Vul coördinaten in zoals 52.04 (breedtegraad) en 5.09 (lengtegraad).")
            ) from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise LocationRefused(_("Deze coördinaten bestaan niet. Kies de plek op de kaart."))
        return place_in_municipality(lat, lon, submission.address or nearest_address(lat, lon))
    if submission.address.strip():
        return place_for_address(submission.address)
    raise LocationRefused(
        _("Geef aan waar het is: klik op de kaart, typ een adres of gebruik uw locatie.")
    )


def _photos(uploads: list[Any]) -> tuple[list[CleanPhoto], list[str]]:
    if len(uploads) > MAX_PHOTOS:
        return [], [f"U kunt hoogstens {MAX_PHOTOS} foto's meesturen."]
    photos, problems = [], []
    for upload in uploads:
        try:
            photos.append(clean_photo(upload))
        except PhotoRefused as exc:
            problems.append(str(exc))
    return photos, problems


@transaction.atomic
def melding_submit(
    *,
    actor: Actor,
    submission: Submission,
    reporter: Party | None,
    client: str | None = None,
    allow_duplicates: bool = False,
) -> Melding:
    """Check a report completely, then register it as a case in the routed team's inbox.

    client identifies an anonymous reporter for the rate limit (None when logged in).
    Raises ValidationError listing every problem, or DuplicatesFound; both store nothing.
    """
    if client is not None and not ratelimit.anonymous_allowed(client):
        raise RateLimited({"__all__": [RATE_LIMIT_MESSAGE]})
    problems, place, photos = _problems(submission)
    if problems or place is None:
        raise ValidationError(problems)
    if not allow_duplicates:
        nearby = nearby_open(submission.category, place.latitude, place.longitude)
        if nearby:
            raise DuplicatesFound(nearby)
    melding = _register(actor, submission, reporter, place)
    _store_photos(melding, photos)
    audit_record(
        actor=actor,
        action=audit_actions.MELDING_SUBMITTED,
        obj=melding,
        after={
            "case": melding.case.identification,
            "category": melding.category,
            "buurt": place.neighbourhood_code,
            "team": melding.case.responsible_team.slug,
            "photos": len(photos),
        },
    )
    if client is not None:
        ratelimit.anonymous_count(client)
    return melding


def _register(
    actor: Actor, submission: Submission, reporter: Party | None, place: Place
) -> Melding:
    case_type = CaseType.objects.select_related("responsible_team").get(code=MELDING_CASE_TYPE)
    form_data = {
        "omschrijving": submission.description.strip(),
        "categorie": submission.category,
        "subcategorie": submission.subcategory,
        "locatie": place.address or f"{place.neighbourhood_name}, {place.district_name}",
    }
    location: CaseLocation = {
        "latitude": place.latitude,
        "longitude": place.longitude,
        "neighbourhood_code": place.neighbourhood_code,
        "district_code": place.district_code,
    }
    case = case_register(
        actor=actor,
        case_type=case_type,
        initiator=reporter,
        form_data={key: value for key, value in form_data.items() if value},
        responsible_team=route_team(submission.category, place, timezone.localtime()),
        location=location,
        deadline_on=service_deadline(submission.category, timezone.localdate()),
    )
    return Melding.objects.create(
        case=case,
        category=submission.category,
        subcategory=submission.subcategory,
        address=place.address,
        reporter_email="" if reporter else submission.email.strip(),
        reporter_phone="" if reporter else submission.phone.strip(),
    )


def _store_photos(melding: Melding, photos: list[CleanPhoto]) -> None:
    """Files are not transactional: when a later step fails, the stored files are removed."""
    stored: list[str] = []
    try:
        for index, photo in enumerate(photos, start=1):
            name = f"meldingen/{melding.case.uuid}-{index}.{photo.extension}"
            stored.append(default_storage.save(name, ContentFile(photo.content)))
            Photo.objects.create(
                melding=melding,
                file=stored[-1],
                content_type=photo.content_type,
                width=photo.width,
                height=photo.height,
            )
    except Exception:
        for name in stored:
            default_storage.delete(name)
        raise


def _root(melding: Melding) -> Melding:
    """The report a merged report lives on in."""
    seen = {melding.pk}
    while melding.merged_into_id is not None and melding.merged_into_id not in seen:
        melding = Melding.objects.select_related("case", "merged_into").get(
            pk=melding.merged_into_id
        )
        seen.add(melding.pk)
    return melding


@transaction.atomic
def melding_follow(
    *, actor: Actor, melding: Melding, party: Party | None = None, email: str = ""
) -> Follower:
    """Follow a report (or the report it was merged into) to get its status updates."""
    melding = _root(melding)
    email = email.strip()
    if party is None:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationError(
                {"email": ["Vul uw e-mailadres in om berichten over deze melding te krijgen."]}
            ) from exc
    if melding.case.closed_on is not None:
        raise ValidationError("Deze melding is al afgehandeld. U kunt haar niet meer volgen.")
    lookup: dict[str, Any] = {"party": party} if party else {"email__iexact": email}
    follower = Follower.objects.filter(melding=melding, **lookup).first()
    if follower is None:
        follower = Follower.objects.create(
            melding=melding, party=party, email="" if party else email
        )
        audit_record(
            actor=actor,
            action=audit_actions.MELDING_FOLLOWED,
            obj=melding,
            after={"follower": follower.pk, "case": melding.case.identification},
        )
    return follower


@transaction.atomic
def melding_merge(*, actor: Actor, duplicate: Melding, into: Melding) -> Melding:
    """Close a duplicate report into another: its reporter and followers follow the other."""
    duplicate = (
        Melding.objects.select_for_update(of=("self",))
        .select_related("case__initiator")
        .get(pk=duplicate.pk)
    )
    into = _root(into)
    if into.pk == duplicate.pk:
        raise ValidationError("Een melding kan niet met zichzelf worden samengevoegd.")
    if duplicate.merged_into_id is not None or duplicate.case.closed_on is not None:
        raise ValidationError("Deze melding is al afgesloten of samengevoegd.")
    if into.case.closed_on is not None:
        raise ValidationError("Voeg samen met een melding die nog open is.")
    target = StatusType.objects.filter(
        case_type=duplicate.case.case_type, code=MERGED_STATUS
    ).first()
    if target is None:
        raise ValidationError("Dit zaaktype kent geen status ‘samengevoegd’.")
    _carry_followers(duplicate, into)
    duplicate.merged_into = into
    duplicate.save(update_fields=["merged_into"])
    case_transition(
        actor=actor,
        case=duplicate.case,
        target=target,
        explanation=f"Samengevoegd met melding {into.case.identification}.",
    )
    audit_record(
        actor=actor,
        action=audit_actions.MELDING_MERGED,
        obj=duplicate,
        after={"case": duplicate.case.identification, "into": into.case.identification},
    )
    return duplicate


def _carry_followers(duplicate: Melding, into: Melding) -> None:
    parties = {f.party_id for f in into.followers.all() if f.party_id}
    emails = {f.email.casefold() for f in into.followers.all() if f.email}
    candidates = [(f.party, f.email) for f in duplicate.followers.select_related("party")]
    candidates.append((duplicate.case.initiator, duplicate.reporter_email))
    for party, email in candidates:
        if party is not None and party.pk not in parties and party.pk != into.case.initiator_id:
            Follower.objects.create(melding=into, party=party)
            parties.add(party.pk)
        elif party is None and email and email.casefold() not in emails:
            Follower.objects.create(melding=into, email=email)
            emails.add(email.casefold())


@transaction.atomic
def melding_publish(*, actor: Actor, melding: Melding, text: str) -> Melding:
    """Set (or clear) the text shown on the public map; the reporter's words never are."""
    text = text.strip()
    if len(text) > 500:
        raise ValidationError({"public_description": ["Gebruik hoogstens 500 tekens."]})
    before = {"public_description": melding.public_description}
    melding.public_description = text
    melding.save(update_fields=["public_description"])
    audit_record(
        actor=actor,
        action=audit_actions.MELDING_PUBLISHED,
        obj=melding,
        before=before,
        after={"public_description": text},
    )
    return melding
