# SPDX-License-Identifier: EUPL-1.2
"""ZGW layer: API clients with their authorisations, catalogues, and the ZGW-only fields of
zaaktypen and zaken. The rows themselves are catalog.CaseType / cases.Case: no second copy."""

from __future__ import annotations

import uuid

from django.db import models

from plus1.catalog.models import Confidentiality


class Component(models.TextChoices):
    AC = "ac", "Autorisaties API"
    NRC = "nrc", "Notificaties API"
    ZRC = "zrc", "Zaken API"
    ZTC = "ztc", "Catalogi API"
    DRC = "drc", "Documenten API"
    BRC = "brc", "Besluiten API"
    KIC = "kic", "Klantinteracties API"


class Applicatie(models.Model):
    """A system that uses the ZGW APIs, with its authorisations."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label = models.CharField("naam", max_length=100)
    heeft_alle_autorisaties = models.BooleanField("heeft alle autorisaties", default=False)

    class Meta:
        verbose_name = "applicatie"
        verbose_name_plural = "applicaties"
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label


class ClientSecret(models.Model):
    """The secret a client signs its JWTs with (HS256). Kept apart from applicaties, as in
    the standard: an applicatie may be deleted and made again through the Autorisaties API
    while the client keeps its credentials."""

    client_id = models.CharField("client id", max_length=255, unique=True)
    secret = models.CharField("geheim", max_length=255)

    class Meta:
        verbose_name = "clientgeheim"
        verbose_name_plural = "clientgeheimen"

    def __str__(self) -> str:
        return self.client_id


class ApplicatieClient(models.Model):
    """One client id of an applicatie; a client id belongs to at most one applicatie."""

    applicatie = models.ForeignKey(Applicatie, on_delete=models.CASCADE, related_name="clients")
    client_id = models.CharField("client id", max_length=255, unique=True)

    class Meta:
        verbose_name = "client id"
        verbose_name_plural = "client ids"

    def __str__(self) -> str:
        return self.client_id


class Autorisatie(models.Model):
    """What an applicatie may do in one component; for zaken also per zaaktype and level."""

    applicatie = models.ForeignKey(
        Applicatie, on_delete=models.CASCADE, related_name="autorisaties"
    )
    component = models.CharField(max_length=8, choices=Component.choices)
    scopes = models.JSONField(default=list, help_text='Bijvoorbeeld ["zaken.lezen"].')
    zaaktype = models.URLField("zaaktype", max_length=1000, blank=True)
    informatieobjecttype = models.URLField("informatieobjecttype", max_length=1000, blank=True)
    besluittype = models.URLField("besluittype", max_length=1000, blank=True)
    max_vertrouwelijkheidaanduiding = models.CharField(
        "maximale vertrouwelijkheidaanduiding",
        max_length=32,
        choices=Confidentiality.choices,
        blank=True,
    )

    class Meta:
        verbose_name = "autorisatie"
        verbose_name_plural = "autorisaties"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.applicatie}: {self.component} {', '.join(self.scopes)}"


class Catalogus(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    domein = models.CharField(max_length=5)
    rsin = models.CharField(max_length=9)
    naam = models.CharField(max_length=200, blank=True)
    versie = models.CharField(max_length=20, blank=True)
    begindatum_versie = models.DateField(null=True, blank=True)
    contactpersoon_beheer_naam = models.CharField(max_length=40)
    contactpersoon_beheer_telefoonnummer = models.CharField(max_length=20, blank=True)
    contactpersoon_beheer_emailadres = models.EmailField(max_length=254, blank=True)
    responsible_team = models.ForeignKey(
        "identity.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="team voor nieuwe zaaktypen",
    )

    class Meta:
        verbose_name = "catalogus"
        verbose_name_plural = "catalogussen"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["domein", "rsin"], name="catalogus_domein_rsin_unique")
        ]

    def __str__(self) -> str:
        return self.naam or f"{self.domein} ({self.rsin})"


class ZaakTypeExtensie(models.Model):
    """The Catalogi API's zaaktype fields that the portal does not use, one column each
    (plus1.zgw.catalogi.zaaktype_fields maps them to the API). An empty doel, onderwerp,
    referentieproces naam or verantwoordelijke falls back to the case type's own value."""

    case_type = models.OneToOneField(
        "catalog.CaseType", on_delete=models.CASCADE, related_name="zgw", primary_key=True
    )
    catalogus = models.ForeignKey(Catalogus, on_delete=models.PROTECT, related_name="zaaktypen")
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    doel = models.TextField(blank=True)
    aanleiding = models.TextField(blank=True)
    indicatie_intern_of_extern = models.CharField(
        max_length=6, choices=[("intern", "intern"), ("extern", "extern")], default="extern"
    )
    handeling_initiator = models.CharField(max_length=20, default="aanvragen")
    onderwerp = models.CharField(max_length=80, blank=True)
    handeling_behandelaar = models.CharField(max_length=20, default="behandelen")
    servicenorm = models.CharField("servicenorm (ISO 8601-duur)", max_length=20, blank=True)
    opschorting_en_aanhouding_mogelijk = models.BooleanField(default=True)
    verlenging_mogelijk = models.BooleanField(default=False)
    verlengingstermijn = models.CharField(
        "verlengingstermijn (ISO 8601-duur)", max_length=20, blank=True
    )
    publicatie_indicatie = models.BooleanField(default=False)
    publicatietekst = models.TextField(blank=True)
    verantwoordingsrelatie = models.JSONField(default=list, blank=True)
    producten_of_diensten = models.JSONField(
        "producten of diensten (URL's)", default=list, blank=True
    )
    selectielijst_procestype = models.CharField(max_length=1000, blank=True)
    referentieproces_naam = models.CharField(max_length=80, blank=True)
    referentieproces_link = models.CharField(max_length=200, blank=True)
    verantwoordelijke = models.CharField(max_length=50, blank=True)
    broncatalogus_url = models.CharField(max_length=200, blank=True)
    broncatalogus_domein = models.CharField(max_length=5, blank=True)
    broncatalogus_rsin = models.CharField(max_length=9, blank=True)
    bronzaaktype_url = models.CharField(max_length=200, blank=True)
    bronzaaktype_identificatie = models.CharField(max_length=50, blank=True)
    bronzaaktype_omschrijving = models.CharField(max_length=80, blank=True)
    begin_object = models.DateField(null=True, blank=True)
    einde_object = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "ZGW-gegevens van een zaaktype"
        verbose_name_plural = "ZGW-gegevens van zaaktypen"

    def __str__(self) -> str:
        return str(self.case_type_id)


class ZaakTypeTrefwoord(models.Model):
    """A trefwoord of a zaaktype: rows, so `GET /zaaktypen?trefwoorden=` filters on every
    database."""

    zaaktype = models.ForeignKey(
        ZaakTypeExtensie, on_delete=models.CASCADE, related_name="trefwoord_rows"
    )
    position = models.PositiveSmallIntegerField()
    woord = models.CharField(max_length=100)

    class Meta:
        verbose_name = "trefwoord van een zaaktype"
        verbose_name_plural = "trefwoorden van zaaktypen"
        ordering = ["zaaktype", "position"]
        indexes = [models.Index(fields=["woord"], name="zgw_trefwoord_woord")]

    def __str__(self) -> str:
        return self.woord


class ZaakTypeRelatie(models.Model):
    """A gerelateerdeZaaktypen entry: the other zaaktype by URL or (Catalogi 1.3) identificatie."""

    zaaktype = models.ForeignKey(
        ZaakTypeExtensie, on_delete=models.CASCADE, related_name="relaties"
    )
    position = models.PositiveSmallIntegerField()
    gerelateerd = models.CharField("zaaktype (URL of identificatie)", max_length=1000)
    aard_relatie = models.CharField(
        max_length=10,
        choices=[("vervolg", "vervolg"), ("bijdrage", "bijdrage"), ("onderwerp", "onderwerp")],
    )
    toelichting = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = "relatie tussen zaaktypen"
        verbose_name_plural = "relaties tussen zaaktypen"
        ordering = ["zaaktype", "position"]

    def __str__(self) -> str:
        return f"{self.aard_relatie}: {self.gerelateerd}"


class StatusTypeExtensie(models.Model):
    status_type = models.OneToOneField(
        "catalog.StatusType", on_delete=models.CASCADE, related_name="zgw", primary_key=True
    )
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "ZGW-gegevens van een statustype"
        verbose_name_plural = "ZGW-gegevens van statustypen"

    def __str__(self) -> str:
        return str(self.status_type_id)


class ZaakExtensie(models.Model):
    """ZGW fields of a zaak that the portal does not need."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="zgw", primary_key=True
    )
    bronorganisatie = models.CharField(max_length=9)
    verantwoordelijke_organisatie = models.CharField(max_length=9)
    startdatum = models.DateField()
    data = models.JSONField(default=dict, blank=True, help_text="Overige ZGW-velden in camelCase.")

    class Meta:
        verbose_name = "ZGW-gegevens van een zaak"
        verbose_name_plural = "ZGW-gegevens van zaken"
        indexes = [models.Index(fields=["bronorganisatie"], name="zaak_bronorganisatie_idx")]

    def __str__(self) -> str:
        return str(self.case_id)
