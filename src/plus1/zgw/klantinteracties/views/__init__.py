# SPDX-License-Identifier: EUPL-1.2
"""Klantinteracties API 0.9.0 views, on the contact context's rows (docs/klantinteracties.md).

Thin: parse the input (io), check the scope (the viewset's `scopes`), call one service of
`contact.klantinteracties_services` or one selector, render. Every page or object that shows
a person's data writes that person's data trail under the contact centre's processing
activity `klantcontact`."""

from plus1.zgw.klantinteracties.views.actoren import ActorViewSet
from plus1.zgw.klantinteracties.views.klantcontacten import (
    ActorKlantcontactViewSet,
    BetrokkeneViewSet,
    KlantcontactViewSet,
    MaakKlantcontactViewSet,
    OnderwerpobjectViewSet,
)
from plus1.zgw.klantinteracties.views.partijen import (
    DigitaalAdresViewSet,
    PartijIdentificatorViewSet,
    PartijViewSet,
)
from plus1.zgw.klantinteracties.views.taken import InterneTaakViewSet

__all__ = [
    "ActorKlantcontactViewSet",
    "ActorViewSet",
    "BetrokkeneViewSet",
    "DigitaalAdresViewSet",
    "InterneTaakViewSet",
    "KlantcontactViewSet",
    "MaakKlantcontactViewSet",
    "OnderwerpobjectViewSet",
    "PartijIdentificatorViewSet",
    "PartijViewSet",
]
