# SPDX-License-Identifier: EUPL-1.2
"""The one place that builds ZGW notifications (Notificaties API), for every kanaal.

It consumes the domain events of cases, documents, decisions, catalog and zgw (outbox
topics, with the facts of each change), whether the change came from the portal, the
workbench or an API, and queues the notification for every matching abonnement. The
kenmerken of each kanaal are declared once, in KENMERKEN; URLs start at settings.BASE_URL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from plus1.cases import events as case_events
from plus1.catalog import events as catalog_events
from plus1.decisions import events as decision_events
from plus1.documents import events as document_events
from plus1.documents.models import ObjectType
from plus1.events.notifications import message, publish
from plus1.events.services import Delivery, effect_once, subscribe
from plus1.zgw import events as zgw_events
from plus1.zgw.autorisaties.views import APPLICATIE
from plus1.zgw.besluiten.views import BESLUIT, BIO
from plus1.zgw.catalogi.io import BESLUITTYPE, CATALOGUS, IOTYPE, ZAAKTYPE
from plus1.zgw.documenten.io import EIO, GEBRUIKSRECHTEN, VERZENDINGEN
from plus1.zgw.models import ZaakExtensie, ZaakTypeExtensie
from plus1.zgw.zaken.io.records import KLANTCONTACT
from plus1.zgw.zaken.io.zaken import RESULTAAT, ROL, STATUS, ZAAK, ZAAKOBJECT, ZIO

CONSUMER = "zgw.notifications"
Facts = dict[str, Any]

# The kenmerken of each kanaal, from the facts of an event (and the demo kanalen's filters).
KENMERKEN: dict[str, Callable[[Facts], dict[str, str]]] = {
    "zaken": lambda f: {
        "bronorganisatie": f["bronorganisatie"],
        "zaaktype": _url(ZAAKTYPE, f["case_type"]),
        "vertrouwelijkheidaanduiding": f["confidentiality"],
    },
    "documenten": lambda f: {
        "bronorganisatie": f["source_organisation"],
        "informatieobjecttype": _url(IOTYPE, f["document_type"]),
        "vertrouwelijkheidaanduiding": f["confidentiality"],
    },
    "besluiten": lambda f: {
        "verantwoordelijkeOrganisatie": f["responsible_organisation"],
        "besluittype": _url(BESLUITTYPE, f["decision_type"]),
    },
    "zaaktypen": lambda f: {"catalogus": _url(CATALOGUS, f["catalogue"])},
    "informatieobjecttypen": lambda f: {"catalogus": _url(CATALOGUS, f["catalogue"])},
    "besluittypen": lambda f: {"catalogus": _url(CATALOGUS, f["catalogue"])},
    "autorisaties": lambda f: {},
}


@dataclass(frozen=True)
class Notification:
    kanaal: str
    resource: str
    actie: str
    resource_url: str
    hoofd_object: str
    facts: Facts


def _url(path: str, key: object) -> str:
    return f"{settings.BASE_URL.rstrip('/')}{path}/{key}" if key else ""


def _update(facts: Facts) -> str:
    return "partial_update" if facts.get("partial") else "update"


def _saved(facts: Facts) -> str:
    return "create" if facts.get("created") else "update"


# Zaken -----------------------------------------------------------------------------------


def _zaak_facts(facts: Facts) -> Facts:
    """The zaak's bronorganisatie is ZGW data (zgw.ZaakExtensie), not a case fact."""
    organisation = (
        ZaakExtensie.objects.filter(case__uuid=facts["case"])
        .values_list("bronorganisatie", flat=True)
        .first()
    )
    return {**facts, "bronorganisatie": organisation or settings.ZGW_RSIN}


def _zaak(resource: str, actie: str, path: str = "", key: str = "") -> Builder:
    """A notification on kanaal zaken about the zaak itself or one of its records."""

    def build(facts: Facts) -> Notification:
        main = _url(ZAAK, facts["case"])
        return Notification(
            "zaken", resource, actie, _url(path, facts[key]) if path else main, main, facts
        )

    return build


def _record(facts: Facts, actie: str) -> Notification | None:
    """A zaakobject, zaakeigenschap, rol, resultaat or klantcontact of the zaak."""
    kind, uuid = facts["record"], facts["record_uuid"]
    main = _url(ZAAK, facts["case"])
    where = {
        case_events.ROLE: ("rol", _url(ROL, uuid)),
        case_events.RESULT: ("resultaat", _url(RESULTAAT, uuid)),
        case_events.OBJECT: ("zaakobject", _url(ZAAKOBJECT, uuid)),
        case_events.PROPERTY: ("zaakeigenschap", f"{main}/zaakeigenschappen/{uuid}"),
        case_events.CONTACT: ("klantcontact", _url(KLANTCONTACT, uuid)),
    }.get(kind)
    if where is None:  # references to contactmomenten and verzoeken are not announced
        return None
    return Notification("zaken", where[0], actie, where[1], main, facts)


def _zaak_deleted(facts: Facts) -> Notification | None:
    if facts.get("part_of"):  # a deelzaak: the hoofdzaak's deletion is announced
        return None
    return _zaak("zaak", "destroy")(facts)


# Documenten and besluiten ------------------------------------------------------------------


def _document(actie: Callable[[Facts], str]) -> Builder:
    def build(facts: Facts) -> Notification:
        main = _url(EIO, facts["document"])
        resource = "enkelvoudiginformatieobject"
        return Notification("documenten", resource, actie(facts), main, main, facts)

    return build


def _usage_right(actie: str) -> Builder:
    def build(facts: Facts) -> Notification:
        url = _url(GEBRUIKSRECHTEN, facts["usage_right"])
        main = _url(EIO, facts["document"])
        return Notification("documenten", "gebruiksrechten", actie, url, main, facts)

    return build


def _dispatch(actie: Callable[[Facts], str]) -> Builder:
    def build(facts: Facts) -> Notification:
        url = _url(VERZENDINGEN, facts["dispatch"])
        main = _url(EIO, facts["document"])
        return Notification("documenten", "verzending", actie(facts), url, main, facts)

    return build


def _decision(actie: Callable[[Facts], str]) -> Builder:
    def build(facts: Facts) -> Notification:
        main = _url(BESLUIT, facts["decision"])
        return Notification("besluiten", "besluit", actie(facts), main, main, facts)

    return build


def _link(actie: str) -> Builder:
    """A document linked to a zaak (zaakinformatieobject) or besluit (besluitinformatieobject),
    described by the zaak's or besluit's facts in the event; links removed with their zaak or
    besluit are part of that deletion's notification."""

    def build(facts: Facts) -> Notification | None:
        subject = facts["subject"]
        if facts["with_object"] or not subject:
            return None
        if facts["object_type"] == ObjectType.ZAAK:
            zaak = _zaak_facts({**facts, **subject})
            return _zaak("zaakinformatieobject", actie, ZIO, "link")(zaak)
        if actie == "update":  # besluitinformatieobjecten do not change
            return None
        main, url = _url(BESLUIT, subject["decision"]), _url(BIO, facts["link"])
        besluit = {**facts, **subject}
        return Notification("besluiten", "besluitinformatieobject", actie, url, main, besluit)

    return build


# Catalogi and autorisaties -------------------------------------------------------------------


def _type(kanaal: str, resource: str, path: str, actie: str) -> Builder:
    def build(facts: Facts) -> Notification:
        url = _url(path, facts["uuid"])
        return Notification(kanaal, resource, actie, url, url, facts)

    return build


def _applicatie(actie: Callable[[Facts], str]) -> Builder:
    def build(facts: Facts) -> Notification:
        url = _url(APPLICATIE, facts["applicatie"])
        return Notification("autorisaties", "applicatie", actie(facts), url, url, facts)

    return build


Builder = Callable[[Facts], "Notification | None"]
ZAKEN_TOPICS = {
    case_events.CASE_REGISTERED: _zaak("zaak", "create"),
    case_events.CASE_UPDATED: _zaak("zaak", "update"),
    zgw_events.ZAAK_EXTENSION_UPDATED: _zaak("zaak", "update"),
    case_events.CASE_DELETED: _zaak_deleted,
    case_events.CASE_STATUS_CHANGED: _zaak("status", "create", STATUS, "case_status"),
    case_events.ROLE_ADDED: lambda f: _record(f, "create"),
    case_events.ROLE_REMOVED: lambda f: _record(f, "destroy"),
    case_events.RESULT_SET: lambda f: _record(f, _saved(f)),
    case_events.RESULT_REMOVED: lambda f: _record(f, "destroy"),
    case_events.OBJECT_SAVED: lambda f: _record(f, _saved(f)),
    case_events.PROPERTY_SAVED: lambda f: _record(f, _saved(f)),
    case_events.RECORD_REMOVED: lambda f: _record(f, "destroy"),
    case_events.CONTACT_ADDED: lambda f: _record(f, "create"),
}
BUILDERS: dict[str, Builder] = {
    **ZAKEN_TOPICS,
    document_events.DOCUMENT_CREATED: _document(lambda f: "create"),
    document_events.DOCUMENT_UPDATED: _document(_update),
    document_events.DOCUMENT_DELETED: _document(lambda f: "destroy"),
    document_events.USAGE_RIGHT_CREATED: _usage_right("create"),
    document_events.USAGE_RIGHT_UPDATED: _usage_right("partial_update"),
    document_events.USAGE_RIGHT_DELETED: _usage_right("destroy"),
    document_events.DISPATCH_CREATED: _dispatch(lambda f: "create"),
    document_events.DISPATCH_UPDATED: _dispatch(_update),
    document_events.DISPATCH_DELETED: _dispatch(lambda f: "destroy"),
    document_events.LINK_CREATED: _link("create"),
    document_events.LINK_UPDATED: _link("update"),
    document_events.LINK_DELETED: _link("destroy"),
    decision_events.DECISION_CREATED: _decision(lambda f: "create"),
    decision_events.DECISION_UPDATED: _decision(_update),
    decision_events.DECISION_DELETED: _decision(lambda f: "destroy"),
    catalog_events.CASE_TYPE_CREATED: _type("zaaktypen", "zaaktype", ZAAKTYPE, "create"),
    catalog_events.CASE_TYPE_UPDATED: _type("zaaktypen", "zaaktype", ZAAKTYPE, "update"),
    catalog_events.CASE_TYPE_DELETED: _type("zaaktypen", "zaaktype", ZAAKTYPE, "destroy"),
    catalog_events.DOCUMENT_TYPE_CREATED: _type(
        "informatieobjecttypen", "informatieobjecttype", IOTYPE, "create"
    ),
    catalog_events.DOCUMENT_TYPE_UPDATED: _type(
        "informatieobjecttypen", "informatieobjecttype", IOTYPE, "update"
    ),
    catalog_events.DOCUMENT_TYPE_DELETED: _type(
        "informatieobjecttypen", "informatieobjecttype", IOTYPE, "destroy"
    ),
    catalog_events.DECISION_TYPE_CREATED: _type(
        "besluittypen", "besluittype", BESLUITTYPE, "create"
    ),
    catalog_events.DECISION_TYPE_UPDATED: _type(
        "besluittypen", "besluittype", BESLUITTYPE, "update"
    ),
    catalog_events.DECISION_TYPE_DELETED: _type(
        "besluittypen", "besluittype", BESLUITTYPE, "destroy"
    ),
    zgw_events.APPLICATIE_CREATED: _applicatie(lambda f: "create"),
    zgw_events.APPLICATIE_UPDATED: _applicatie(_update),
    zgw_events.APPLICATIE_DELETED: _applicatie(lambda f: "destroy"),
}


def _zaaktype_facts(facts: Facts) -> Facts:
    """The catalogus of a zaaktype is ZGW data (zgw.ZaakTypeExtensie): the admin's versions
    (catalog.case_type_services) cannot name it. A new draft may be announced before its
    ZGW fields are copied, so the version it copies names the catalogus then."""
    if facts.get("catalogue"):
        return facts
    versions = [facts["uuid"], facts.get("copy_of") or facts["uuid"]]
    catalogues = {
        str(version): str(catalogue)
        for version, catalogue in ZaakTypeExtensie.objects.filter(
            case_type__uuid__in=versions, catalogus__isnull=False
        ).values_list("case_type__uuid", "catalogus__uuid")
    }
    found = next((catalogues[key] for key in versions if key in catalogues), "")
    return {**facts, "catalogue": found}


ZAAKTYPE_TOPICS = {
    catalog_events.CASE_TYPE_CREATED,
    catalog_events.CASE_TYPE_UPDATED,
    catalog_events.CASE_TYPE_DELETED,
}


def notification_for(topic: str, facts: Facts) -> Notification | None:
    """The ZGW notification an event stands for, if any."""
    if topic in ZAKEN_TOPICS:
        facts = _zaak_facts(facts)
    elif topic in ZAAKTYPE_TOPICS:
        facts = _zaaktype_facts(facts)
    return BUILDERS[topic](facts)


def zgw_notify(delivery: Delivery) -> None:
    """Outbox consumer: queue the event's notification for the matching abonnementen. The
    delivery's key is recorded with the queued rows, so a retry queues nothing twice."""
    notification = notification_for(delivery.topic, delivery.payload)
    if notification is None:
        return
    bericht = message(
        kanaal=notification.kanaal,
        resource=notification.resource,
        actie=notification.actie,
        resource_url=notification.resource_url,
        hoofd_object=notification.hoofd_object,
        kenmerken=KENMERKEN[notification.kanaal](notification.facts),
        aanmaakdatum=delivery.occurred_at,
    )
    effect_once(key=delivery.key, effect=lambda: publish(bericht, source=delivery.key))


def register() -> None:
    for topic in BUILDERS:
        subscribe(topic, CONSUMER, zgw_notify)
