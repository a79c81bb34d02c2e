# SPDX-License-Identifier: EUPL-1.2
"""The datasets the municipality publishes, built from the platform's own rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from plus1.insights import effectiveness, statistics
from plus1.insights.disclosure import NOTE_COMPLEMENTARY, NOTE_SMALL, THRESHOLD
from plus1.privacy.selectors import register_public

SUPPRESSION_NOTE = (
    f"Aantallen van 1 tot en met {THRESHOLD - 1} zijn niet gepubliceerd (leeg, opmerking "
    f"‘{NOTE_SMALL}’). Om zo’n aantal niet terug te laten rekenen uit de totalen zijn ook "
    f"andere cellen leeg gelaten (opmerking ‘{NOTE_COMPLEMENTARY}’)."
)

LINKED_NOTE = (
    " Deze tabel deelt totalen met de andere tabellen over afgehandelde aanvragen; wat in "
    "de ene tabel leeg is, is dat ook in de andere."
)


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: tuple[str, ...]
    count_columns: tuple[str, ...]  # the columns that hold counts of people or cases
    keywords: tuple[str, ...]
    theme: str  # a term of the overheid.nl themes list (TOOI/OWMS), e.g. "Bestuur"
    rows: Callable[[], list[dict[str, Any]]]
    period_column: str | None = "maand"
    number_columns: tuple[str, ...] = ()  # figures that are not counts (percentages, days)


WORKING_DAYS = ("mediaan_werkdagen", "p90_werkdagen")


def _kpi(
    *,
    slug: str,
    title: str,
    description: str,
    group: str,
    counts: tuple[str, str, str],
    percentage: str,
    keywords: tuple[str, ...],
    rows: Callable[[], list[dict[str, Any]]],
    theme: str = "Bestuur",
    working_days: bool = False,
) -> Dataset:
    """A performance table: per month and `group` (product, wijk, categorie) a total and
    its two parts (`counts`: total, met, zonder), the share of the first part in percent and,
    with `working_days`, how long it took (median and 90th percentile in working days)."""
    figures = (percentage, *WORKING_DAYS) if working_days else (percentage,)
    return Dataset(
        slug=slug,
        title=title,
        description=description,
        columns=("maand", group, *counts, *figures, "opmerking"),
        count_columns=counts,
        keywords=keywords,
        theme=theme,
        rows=rows,
        number_columns=figures,
    )


def _register_rows() -> list[dict[str, Any]]:
    return [
        {
            "code": activity.code,
            "naam": activity.name,
            "doel": activity.purpose,
            "grondslag": activity.get_legal_ground_display(),
            "wet_of_regeling": activity.legal_basis,
            "bewaartermijn": activity.retention,
            "soorten_persoonsgegevens": ", ".join(activity.personal_data_categories),
            "van_wie": ", ".join(activity.data_subject_categories),
        }
        for activity in register_public()
    ]


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        slug="zaken-per-product-wijk-maand",
        title="Aanvragen per product, wijk en maand",
        description=(
            "Hoeveel aanvragen (zaken) de gemeente per maand kreeg, per product en per wijk, "
            "met totalen. Meldingen openbare ruimte staan in een eigen dataset. " + SUPPRESSION_NOTE
        ),
        columns=("maand", "product", "wijk", "aantal", "opmerking"),
        count_columns=("aantal",),
        keywords=("aanvragen", "zaken", "dienstverlening", "wijken"),
        theme="Bestuur",
        rows=statistics.cases_per_product_district_month,
    ),
    Dataset(
        slug="meldingen-per-categorie-buurt-maand",
        title="Meldingen openbare ruimte per categorie, buurt en maand",
        description=(
            "Hoeveel meldingen over de openbare ruimte (zoals afval, straatverlichting) de "
            "gemeente per maand kreeg, per categorie en buurt, met totalen. Samengevoegde "
            "dubbele meldingen tellen één keer. " + SUPPRESSION_NOTE
        ),
        columns=("maand", "categorie", "buurt", "aantal", "opmerking"),
        count_columns=("aantal",),
        keywords=("meldingen", "openbare ruimte", "buurten"),
        theme="Ruimte en infrastructuur",
        rows=statistics.meldingen_per_category_neighbourhood_month,
    ),
    _kpi(
        slug="doorlooptijden-per-product-maand",
        title="Doorlooptijden en tijdig beslissen per product en maand",
        description=(
            "Per product en per maand waarin besloten is: hoeveel aanvragen zijn afgehandeld, "
            "hoeveel op tijd en te laat (binnen de wettelijke termijn, met opschorting en "
            "verlenging), het percentage op tijd, en de doorlooptijd in werkdagen (mediaan "
            "en 90e percentiel). " + SUPPRESSION_NOTE + " Percentages en doorlooptijden "
            "staan er alleen bij als de aantallen erachter gepubliceerd zijn." + LINKED_NOTE
        ),
        group="product",
        counts=("afgehandeld", "op_tijd", "te_laat"),
        percentage="percentage_op_tijd",
        keywords=("doorlooptijd", "termijnen", "prestaties"),
        rows=effectiveness.lead_times_per_product_month,
        working_days=True,
    ),
    _kpi(
        slug="goed-in-een-keer-per-product-maand",
        title="Goed in één keer per product en maand",
        description=(
            "Per product en per maand waarin besloten is: hoeveel aanvragen in één keer goed "
            "gingen en hoeveel niet. Goed in één keer: de gemeente hoefde niets extra te "
            "vragen (geen aanvulverzoek), de zaak is na het besluit niet heropend en er is "
            "geen bezwaar tegen gegrond verklaard. " + SUPPRESSION_NOTE + LINKED_NOTE
        ),
        group="product",
        counts=("afgehandeld", "goed_in_een_keer", "niet_in_een_keer"),
        percentage="percentage_goed_in_een_keer",
        keywords=("goed in één keer", "dienstverlening", "prestaties"),
        rows=effectiveness.first_time_right_per_product_month,
    ),
    _kpi(
        slug="goed-in-een-keer-per-wijk-maand",
        title="Goed in één keer per wijk en maand",
        description=(
            "Dezelfde cijfers als ‘Goed in één keer per product en maand’, maar per wijk "
            "waar de aanvraag over ging (alle producten samen). " + SUPPRESSION_NOTE + LINKED_NOTE
        ),
        group="wijk",
        counts=("afgehandeld", "goed_in_een_keer", "niet_in_een_keer"),
        percentage="percentage_goed_in_een_keer",
        keywords=("goed in één keer", "wijken", "prestaties"),
        rows=effectiveness.first_time_right_per_district_month,
    ),
    _kpi(
        slug="herhaalcontact-per-product-maand",
        title="Opnieuw contact binnen 30 dagen per product en maand",
        description=(
            "Per product en per maand waarin besloten is: bij hoeveel aanvragen de aanvrager "
            "binnen 30 dagen na het besluit opnieuw contact opnam over dezelfde zaak of "
            "hetzelfde product (telefoon, balie, e-mail, chat en andere kanalen). "
            + SUPPRESSION_NOTE
            + LINKED_NOTE
        ),
        group="product",
        counts=("afgehandeld", "met_herhaalcontact", "zonder_herhaalcontact"),
        percentage="percentage_herhaalcontact",
        keywords=("herhaalcontact", "klantcontact", "prestaties"),
        rows=effectiveness.repeat_contact_per_product_month,
    ),
    _kpi(
        slug="herhaalcontact-vragen-per-product-maand",
        title="Vragen zonder aanvraag: opnieuw contact binnen 30 dagen, per product en maand",
        description=(
            "Vragen die inwoners en ondernemers stelden over een product (telefoon, balie, "
            "e-mail, chat en andere kanalen) zonder dat er een aanvraag bij hoort. Een vraag "
            "telt vanaf het eerste contact over dat product; per maand van dat eerste contact: "
            "hoeveel vragen, en bij hoeveel dezelfde persoon binnen 30 dagen opnieuw contact "
            "opnam over hetzelfde product. " + SUPPRESSION_NOTE
        ),
        group="product",
        counts=("vragen", "met_herhaalcontact", "zonder_herhaalcontact"),
        percentage="percentage_herhaalcontact",
        keywords=("herhaalcontact", "klantcontact", "prestaties"),
        rows=effectiveness.repeat_contact_questions_per_product_month,
    ),
    _kpi(
        slug="oplostijd-meldingen-per-categorie-maand",
        title="Oplostijd van meldingen openbare ruimte per categorie en maand",
        description=(
            "Per categorie en per maand waarin de melding is afgehandeld: hoeveel meldingen "
            "binnen de norm van die categorie zijn opgelost en hoeveel later, en hoe lang het "
            "duurde in werkdagen (mediaan en 90e percentiel). " + SUPPRESSION_NOTE
        ),
        group="categorie",
        counts=("opgelost", "binnen_norm", "na_norm"),
        percentage="percentage_binnen_norm",
        keywords=("meldingen", "oplostijd", "openbare ruimte", "prestaties"),
        rows=effectiveness.melding_resolution_per_category_month,
        theme="Ruimte en infrastructuur",
        working_days=True,
    ),
    Dataset(
        slug="tevredenheid-per-product-kwartaal",
        title="Tevredenheid per product en kwartaal",
        description=(
            "Na een besluit vragen wij inwoners één vraag: hoe tevreden bent u (1 tot en met "
            "5)? Per product en kwartaal: hoeveel mensen elk cijfer gaven, het totaal en het "
            "gemiddelde. " + SUPPRESSION_NOTE + " Het gemiddelde staat er alleen bij als "
            "geen enkel aantal in die rij is weggelaten."
        ),
        columns=(
            "kwartaal",
            "product",
            *statistics.SCORE_COLUMNS,
            "aantal",
            "gemiddeld_cijfer",
            "opmerking",
        ),
        count_columns=(*statistics.SCORE_COLUMNS, "aantal"),
        keywords=("tevredenheid", "dienstverlening", "prestaties"),
        theme="Bestuur",
        rows=statistics.satisfaction_per_product_quarter,
        period_column="kwartaal",
        number_columns=("gemiddeld_cijfer",),
    ),
    Dataset(
        slug="verwerkingsregister",
        title="Register van verwerkingen van persoonsgegevens",
        description=(
            "Welke persoonsgegevens de gemeente verwerkt, waarvoor, op welke grondslag en hoe "
            "lang zij ze bewaart (AVG artikel 30). Bevat geen persoonsgegevens."
        ),
        columns=(
            "code",
            "naam",
            "doel",
            "grondslag",
            "wet_of_regeling",
            "bewaartermijn",
            "soorten_persoonsgegevens",
            "van_wie",
        ),
        count_columns=(),
        keywords=("privacy", "AVG", "verwerkingsregister"),
        theme="Bestuur",
        rows=_register_rows,
        period_column=None,
    ),
)


def dataset(slug: str) -> Dataset | None:
    return next((item for item in DATASETS if item.slug == slug), None)
