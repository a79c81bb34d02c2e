# SPDX-License-Identifier: EUPL-1.2
"""Reads of the Klantinteracties API: the contact context's rows, joined for rendering."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Prefetch, Q, QuerySet

from plus1.catalog.models import Product
from plus1.contact.klantinteracties_models import DigitalAddress
from plus1.contact.models import Callback, ContactMoment
from plus1.identity.models import Party, Team
from plus1.zgw.uuids import to_pk

_ADDRESSES = Prefetch("digital_addresses", queryset=DigitalAddress.objects.order_by("pk"))


def klantcontacten() -> QuerySet[ContactMoment]:
    callbacks = Prefetch("created_callbacks", queryset=Callback.objects.order_by("pk"))
    return (
        ContactMoment.objects.select_related(
            "party", "product", "case", "registered_by", "klantinteracties"
        )
        .prefetch_related(callbacks, _ADDRESSES, "created_callbacks__klantinteracties")
        .prefetch_related("created_callbacks__team", "created_callbacks__source")
        .order_by("-registered_at", "-pk")
    )


def betrokkenen() -> QuerySet[ContactMoment]:
    """Contact moments with a betrokkene: a party, or a name given in the contact."""
    return klantcontacten().filter(
        Q(party__isnull=False) | Q(klantinteracties__has_betrokkene=True)
    )


def actorklantcontacten() -> QuerySet[ContactMoment]:
    """Contact moments with the staff member who registered them."""
    return klantcontacten().filter(registered_by__isnull=False)


def onderwerpobjecten() -> QuerySet[ContactMoment]:
    return klantcontacten().filter(case__isnull=False)


def product_named(subject: str) -> Product | None:
    """The catalogue's product whose name is the klantcontact's `onderwerp`, if any."""
    return Product.objects.filter(name__iexact=subject.strip()).order_by("pk").first()


def by_derived_uuid(rows: QuerySet[ContactMoment], kind: str, key: str) -> ContactMoment | None:
    pk = to_pk(kind, key)
    return rows.filter(pk=pk).first() if pk is not None else None


def internetaken() -> QuerySet[Callback]:
    return Callback.objects.select_related("team", "source", "party", "klantinteracties").order_by(
        "-created_at", "-pk"
    )


def partijen() -> QuerySet[Party]:
    moments = Prefetch("contact_moments", queryset=klantcontacten().order_by("pk"))
    return Party.objects.prefetch_related(moments, _ADDRESSES).order_by("pk")


def with_parties(rows: QuerySet[ContactMoment]) -> QuerySet[ContactMoment]:
    """Contact moments with what rendering their party needs (`expand` of a wasPartij)."""
    moments = Prefetch("party__contact_moments", queryset=ContactMoment.objects.order_by("pk"))
    return rows.prefetch_related(
        moments,
        Prefetch("party__digital_addresses", queryset=DigitalAddress.objects.order_by("pk")),
    )


def digitale_adressen() -> QuerySet[DigitalAddress]:
    return DigitalAddress.objects.select_related(
        "party", "contact_moment", "contact_moment__party"
    ).order_by("pk")


def medewerkers() -> QuerySet[User]:
    """Staff users: the actors of type medewerker."""
    return User.objects.filter(Q(is_staff=True) | Q(teams__isnull=False)).distinct().order_by("pk")


def teams() -> QuerySet[Team]:
    return Team.objects.order_by("name", "pk")


def actor_by_uuid(key: str) -> User | Team | None:
    pk = to_pk("medewerker", key)
    if pk is not None:
        return medewerkers().filter(pk=pk).first()
    return teams().filter(uuid=key).first()
