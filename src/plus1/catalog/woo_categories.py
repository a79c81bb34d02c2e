# SPDX-License-Identifier: EUPL-1.2
"""The Woo information categories (art. 3.3 Woo) as the TOOI thesaurus names them: the
DiWoo `informatiecategorielijst`. A case type whose decisions are published under the Woo
names one; the publication carries its URI in its DiWoo metadata."""

from __future__ import annotations

from django.db import models

TOOI_BASE = "https://identifier.overheid.nl/tooi/def/thes/kern/"


class WooCategory(models.TextChoices):
    """Value: the TOOI code; label: the DiWoo name (with its article of the Woo)."""

    WETTEN = "c_139c6280", "Wetten en algemeen verbindende voorschriften (3.3 lid 1a)"
    BESLUITEN_ALGEMENE_STREKKING = (
        "c_aab6bfc7",
        "Overige besluiten van algemene strekking (3.3 lid 1b)",
    )
    ONTWERPEN_REGELGEVING = (
        "c_759721e2",
        "Ontwerpen van wet- en regelgeving met adviesaanvraag (3.3 lid 1c)",
    )
    ORGANISATIE_WERKWIJZE = "c_40a05794", "Organisatie en werkwijze (3.3 lid 1d)"
    BEREIKBAARHEID = "c_89ee6784", "Bereikbaarheidsgegevens (3.3 lid 1e)"
    INGEKOMEN_STUKKEN = (
        "c_8c840238",
        "Bij vertegenwoordigende organen ingekomen stukken (3.3 lid 2a)",
    )
    VERGADERSTUKKEN_STATEN_GENERAAL = "c_c76862ab", "Vergaderstukken Staten-Generaal (3.3 lid 2b)"
    VERGADERSTUKKEN_DECENTRAAL = "c_db4862c3", "Vergaderstukken decentrale overheden (3.3 lid 2c)"
    AGENDAS_BESLUITENLIJSTEN = (
        "c_3a248e3a",
        "Agenda's en besluitenlijsten bestuurscolleges (3.3 lid 2d)",
    )
    ADVIEZEN = "c_99a836c7", "Adviezen (3.3 lid 2e)"
    CONVENANTEN = "c_8fc2335c", "Convenanten (3.3 lid 2f)"
    JAARPLANNEN = "c_c6cd1213", "Jaarplannen en jaarverslagen (3.3 lid 2g)"
    SUBSIDIEVERPLICHTINGEN = (
        "c_cf268088",
        "Subsidieverplichtingen anders dan met beschikking (3.3 lid 2h)",
    )
    WOO_VERZOEKEN = "c_3baef532", "Woo-verzoeken en -besluiten (3.3 lid 2i)"
    ONDERZOEKSRAPPORTEN = "c_fdaee95e", "Onderzoeksrapporten (3.3 lid 2j)"
    BESCHIKKINGEN = "c_46a81018", "Beschikkingen (3.3 lid 2k)"
    KLACHTOORDELEN = "c_a870c43d", "Klachtoordelen (3.3 lid 2l)"
    INSPANNINGSVERPLICHTING = "c_816e508d", "Inspanningsverplichting art. 3.1 Woo"


def category_uri(code: str) -> str:
    return TOOI_BASE + code


def category_name(code: str) -> str:
    """The plain name without the article: "Beschikkingen"."""
    label = str(WooCategory(code).label) if code in WooCategory.values else code
    return label.split(" (")[0]
