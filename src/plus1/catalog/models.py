# SPDX-License-Identifier: EUPL-1.2
"""Products and case types: what the municipality offers, as data."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import models

from plus1.catalog.woo_categories import WooCategory
from plus1.common.legal_clock import InvalidTerm, parse_term
from plus1.identity.assurance import Level


class Confidentiality(models.TextChoices):
    """The ZGW vertrouwelijkheidaanduiding, from open to most secret."""

    OPENBAAR = "openbaar", "Openbaar"
    BEPERKT_OPENBAAR = "beperkt_openbaar", "Beperkt openbaar"
    INTERN = "intern", "Intern"
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", "Zaakvertrouwelijk"
    VERTROUWELIJK = "vertrouwelijk", "Vertrouwelijk"
    CONFIDENTIEEL = "confidentieel", "Confidentieel"
    GEHEIM = "geheim", "Geheim"
    ZEER_GEHEIM = "zeer_geheim", "Zeer geheim"


def validate_term(value: str) -> None:
    try:
        parse_term(value)
    except InvalidTerm as exc:
        raise ValidationError(str(exc)) from exc


#: Case types made in Plus1 itself are valid "since always".
ALWAYS = dt.date(2000, 1, 1)


class CaseTypeQuerySet(models.QuerySet["CaseType"]):
    def current(self, on: dt.date | None = None) -> CaseTypeQuerySet:
        """The versions valid on a day (today): at most one per code, the latest that began."""
        day = on or dt.date.today()
        valid = self.filter(concept=False, valid_from__lte=day).filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day)
        )
        newer = valid.filter(code=models.OuterRef("code")).filter(
            models.Q(valid_from__gt=models.OuterRef("valid_from"))
            | models.Q(valid_from=models.OuterRef("valid_from"), pk__gt=models.OuterRef("pk"))
        )
        return valid.exclude(models.Exists(newer))


class CaseTypeKind(models.TextChoices):
    """What the resident gets: a decision (aanvraag) or a confirmation (melding)."""

    APPLICATION = "aanvraag", "Aanvraag: de gemeente neemt een besluit"
    NOTIFICATION = "melding", "Melding: de gemeente bevestigt en verwerkt"


class CaseType(models.Model):
    """A kind of case (zaaktype): its statuses, transitions, legal term, team and form.

    One code (ZGW identificatie) can have several versions, each valid from its own day
    (ZGW allows overlapping concept and published versions, so the code is not unique);
    `CaseType.objects.current()` gives the version in force: the one that began last.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField("code", max_length=64)
    valid_from = models.DateField("geldig vanaf", default=ALWAYS)
    valid_to = models.DateField("geldig tot en met", null=True, blank=True)
    version_date = models.DateField("versiedatum", default=ALWAYS)
    name = models.CharField("naam", max_length=200)
    description = models.TextField("omschrijving", blank=True)
    name_en = models.CharField("naam (Engels)", max_length=200, blank=True)
    description_en = models.TextField("omschrijving (Engels)", blank=True)
    kind = models.CharField(
        "soort",
        max_length=16,
        choices=CaseTypeKind.choices,
        default=CaseTypeKind.APPLICATION,
        help_text="Een melding (zoals een verhuizing doorgeven) wordt bevestigd, niet besloten: "
        "de inwoner ziet dan geen beslistermijn.",
    )
    legal_term = models.CharField(
        "wettelijke termijn",
        max_length=32,
        default="P8W",
        validators=[validate_term],
        help_text="ISO-8601, bijvoorbeeld P8W (Awb) of P26W.",
    )
    responsible_team = models.ForeignKey(
        "identity.Team",
        on_delete=models.PROTECT,
        related_name="case_types",
        verbose_name="verantwoordelijk team",
    )
    confidentiality = models.CharField(
        "vertrouwelijkheid",
        max_length=32,
        choices=Confidentiality.choices,
        default=Confidentiality.ZAAKVERTROUWELIJK,
    )
    form_schema = models.JSONField(
        "aanvraagformulier",
        default=dict,
        blank=True,
        help_text="JSON Schema met Nederlandse labels (title) en hulpteksten (description).",
    )
    active = models.BooleanField("actief", default=True)
    concept = models.BooleanField(
        "concept",
        default=False,
        help_text="Een conceptversie is nog niet gepubliceerd: nieuwe zaken gebruiken haar pas "
        "na publicatie; lopende zaken houden altijd hun eigen versie.",
    )
    reply_term = models.CharField(
        "reactietermijn aanvulverzoek",
        max_length=32,
        default="P2W",
        validators=[validate_term],
        help_text="Hoe lang de aanvrager standaard heeft om ontbrekende informatie te sturen "
        "(Awb 4:5). ISO-8601, bijvoorbeeld P2W.",
    )
    skill = models.CharField(
        "benodigde vaardigheid",
        max_length=60,
        blank=True,
        help_text="Welke vaardigheid een behandelaar nodig heeft; gebruikt bij het voorstel wie de zaak oppakt.",
    )
    show_assignee_to_resident = models.BooleanField(
        "behandelaar tonen aan aanvrager",
        default=False,
        help_text="Laat de aanvrager in Mijn zaken zien wie de zaak behandelt.",
    )
    penalty_applies = models.BooleanField(
        "dwangsom bij niet tijdig beslissen",
        default=True,
        help_text="Uit als de Awb-dwangsom (art. 4:17) voor dit zaaktype niet geldt.",
    )
    woo_publish = models.BooleanField(
        "besluiten en documenten publiceren onder de Woo",
        default=False,
        help_text="Aan: van elk besluit van dit zaaktype (en elk definitief document dat een "
        "medewerker kiest) maakt Plus1 een publicatieconcept voor de Wet open overheid. "
        "Persoonsgegevens worden voorgesteld om te lakken; een medewerker beoordeelt en publiceert.",
    )
    woo_category = models.CharField(
        "Woo-informatiecategorie",
        max_length=16,
        choices=WooCategory.choices,
        blank=True,
        help_text="De informatiecategorie (TOOI) waaronder de publicaties van dit zaaktype staan, "
        "bijvoorbeeld Beschikkingen.",
    )
    decision_types = models.ManyToManyField(
        "catalog.DecisionType", blank=True, related_name="case_types", verbose_name="besluittypen"
    )
    sub_case_types = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="parent_case_types",
        verbose_name="deelzaaktypen",
    )

    objects = CaseTypeQuerySet.as_manager()

    class Meta:
        verbose_name = "zaaktype"
        verbose_name_plural = "zaaktypen"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_notification(self) -> bool:
        """A notification is confirmed, not decided: no decision date for the resident."""
        return self.kind == CaseTypeKind.NOTIFICATION

    def clean(self) -> None:
        from plus1.catalog.forms_schema import schema_problems

        errors: dict[str, list[str]] = {}
        problems = schema_problems(self.form_schema)
        if problems:
            errors["form_schema"] = problems
        if self.woo_publish and not self.woo_category:
            errors["woo_category"] = ["Kies de Woo-informatiecategorie van de publicaties."]
        if errors:
            raise ValidationError(errors)


class StatusType(models.Model):
    """One status of a case type (statustype). Ordered; one initial, one or more final."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case_type = models.ForeignKey(
        CaseType, on_delete=models.CASCADE, related_name="statuses", verbose_name="zaaktype"
    )
    code = models.SlugField("code", max_length=64)
    name = models.CharField("naam", max_length=120)
    resident_text = models.CharField("uitleg voor de inwoner", max_length=300, blank=True)
    order = models.PositiveIntegerField("volgorde")
    is_initial = models.BooleanField("beginstatus", default=False)
    is_final = models.BooleanField("eindstatus", default=False)
    sets_aside = models.BooleanField(
        "buiten behandeling stellen (Awb 4:5)",
        default=False,
        help_text="De eindstatus voor een aanvraag waarop de aanvrager niet op tijd de "
        "gevraagde informatie stuurde.",
    )
    norm_days = models.PositiveSmallIntegerField(
        "norm (werkdagen)",
        null=True,
        blank=True,
        help_text="Hoe lang een zaak hoogstens in deze status mag staan. Leeg: geen norm. "
        "Een zaak die langer blijft, staat bij de teamleider onder Vastgelopen zaken.",
    )

    class Meta:
        verbose_name = "status"
        verbose_name_plural = "statussen"
        ordering = ["case_type", "order"]
        constraints = [
            models.UniqueConstraint(fields=["case_type", "code"], name="status_code_unique"),
            models.UniqueConstraint(fields=["case_type", "order"], name="status_order_unique"),
            models.UniqueConstraint(
                fields=["case_type"], condition=models.Q(is_initial=True), name="one_initial_status"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Transition(models.Model):
    """An allowed move between two statuses of one case type: the workflow is this table."""

    case_type = models.ForeignKey(
        CaseType, on_delete=models.CASCADE, related_name="transitions", verbose_name="zaaktype"
    )
    source = models.ForeignKey(
        StatusType, on_delete=models.CASCADE, related_name="outgoing", verbose_name="van status"
    )
    target = models.ForeignKey(
        StatusType, on_delete=models.CASCADE, related_name="incoming", verbose_name="naar status"
    )
    label = models.CharField("knoptekst", max_length=120)

    class Meta:
        verbose_name = "overgang"
        verbose_name_plural = "overgangen"
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="transition_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"

    def clean(self) -> None:
        if (
            self.source.case_type_id != self.case_type_id
            or self.target.case_type_id != self.case_type_id
        ):
            raise ValidationError("Een overgang verbindt twee statussen van hetzelfde zaaktype.")
        if self.source.is_final:
            raise ValidationError("Vanuit een eindstatus is geen overgang mogelijk.")


class Layer(models.TextChoices):
    """The government layers of the UPL that can provide a product."""

    RIJK = "rijk", "Rijk"
    PROVINCIE = "provincie", "Provincie"
    WATERSCHAP = "waterschap", "Waterschap"
    GEMEENTE = "gemeente", "Gemeente"


class ProductKind(models.TextChoices):
    APPLICATION = "application", "Aanvraag"
    REPORT = "report", "Melding"
    SUBSIDY = "subsidy", "Subsidie"
    OBLIGATION = "obligation", "Verplichting"


class Channel(models.TextChoices):
    """How a resident can get a product here; `online` means: through its case type."""

    ONLINE = "online", "Online aanvragen"
    APPOINTMENT = "appointment", "Afspraak maken"
    CALLBACK = "callback", "Terugbelverzoek"
    QUESTION = "question", "Vraag stellen"


class Organisation(models.Model):
    """Another government organisation that provides products, and how to reach it."""

    slug = models.SlugField("URL-naam", unique=True)
    name = models.CharField("naam", max_length=200)
    layer = models.CharField("bestuurslaag", max_length=16, choices=Layer.choices)
    url = models.URLField("website", blank=True)
    phone = models.CharField("telefoon", max_length=40, blank=True)
    how_to_reach = models.TextField("zo bereikt u hen", blank=True)
    updated_at = models.DateTimeField("bijgewerkt op", auto_now=True)

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Product(models.Model):
    """What a resident or entrepreneur can ask for; may be requested online through a case type.

    Fields under "from the UPL" are owned by the national list and overwritten on re-import;
    the others are local additions that a re-import never touches.
    """

    class Audience(models.TextChoices):
        RESIDENTS = "residents", "Inwoners"
        BUSINESSES = "businesses", "Ondernemers"
        BOTH = "both", "Inwoners en ondernemers"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField("URL-naam", unique=True)
    name = models.CharField("naam", max_length=200)
    summary = models.TextField("korte uitleg", blank=True)
    text_reviewed = models.BooleanField(
        "tekst nagekeken",
        default=False,
        help_text="Uit: titel en uitleg zijn afgeleid uit de UPL en wachten op redactie.",
    )
    name_en = models.CharField("naam (Engels)", max_length=200, blank=True)
    summary_en = models.TextField("korte uitleg (Engels)", blank=True)
    audience = models.CharField(
        "doelgroep", max_length=16, choices=Audience.choices, default=Audience.BOTH
    )
    case_type = models.ForeignKey(
        CaseType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="products",
        verbose_name="online aanvragen via zaaktype",
    )
    published = models.BooleanField("gepubliceerd", default=True)
    login_level = models.CharField(
        "betrouwbaarheidsniveau van het inloggen",
        max_length=16,
        choices=Level.choices,
        default=Level.BASIS,
        help_text="Wie met een lager niveau is ingelogd (DigiD, eHerkenning), wordt gevraagd "
        "opnieuw in te loggen voordat hij het product kan aanvragen.",
    )
    # From the UPL (Uniforme Productnamenlijst).
    upl_uri = models.URLField("UPL-URI", max_length=300, unique=True, null=True, blank=True)
    upl_name = models.CharField("UPL-naam", max_length=200, blank=True)
    layers = models.JSONField("bestuurslagen", default=list, blank=True)
    kinds = models.JSONField("soort", default=list, blank=True)
    # Local additions.
    description = models.TextField("uitleg in gewone taal", blank=True)
    resident_words = models.TextField(
        "woorden van inwoners", blank=True, help_text="Eén zoekterm of synoniem per regel."
    )
    channels = models.JSONField("kanalen", default=list, blank=True)
    provider = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="products",
        verbose_name="aanbieder (andere organisatie)",
    )
    updated_at = models.DateTimeField("bijgewerkt op", auto_now=True)

    class Meta:
        verbose_name = "product"
        verbose_name_plural = "producten"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def offered_locally(self) -> bool:
        """True when the municipality itself provides this product."""
        return self.provider_id is None and (not self.layers or Layer.GEMEENTE in self.layers)

    def layer_labels(self) -> list[str]:
        return [Layer(layer).label for layer in self.layers if layer in Layer.values]


class LegalBasis(models.Model):
    """One legal basis (grondslag) of a product, with its link to wetten.overheid.nl."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="legal_bases")
    uri = models.URLField("grondslag-URI", max_length=300, blank=True)
    label = models.TextField("grondslag")
    url = models.URLField("wetten.overheid.nl", max_length=500, blank=True)

    class Meta:
        verbose_name = "wettelijke grondslag"
        verbose_name_plural = "wettelijke grondslagen"
        ordering = ["product", "label"]

    def __str__(self) -> str:
        return self.label


# The other catalogue types (ZGW), in their own module to keep this one small.
from plus1.catalog.type_models import CaseObjectType as CaseObjectType  # noqa: E402
from plus1.catalog.type_models import CaseTypeDocumentType as CaseTypeDocumentType  # noqa: E402
from plus1.catalog.type_models import DecisionType as DecisionType  # noqa: E402
from plus1.catalog.type_models import Direction as Direction  # noqa: E402
from plus1.catalog.type_models import DocumentType as DocumentType  # noqa: E402
from plus1.catalog.type_models import PropertyType as PropertyType  # noqa: E402
from plus1.catalog.type_models import ResultType as ResultType  # noqa: E402
from plus1.catalog.type_models import RoleKind as RoleKind  # noqa: E402
from plus1.catalog.type_models import RoleType as RoleType  # noqa: E402
