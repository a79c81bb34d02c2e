# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.core.exceptions import ValidationError

from plus1.catalog.models import LegalBasis, Product
from plus1.catalog.product_services import upl_import, vocabulary_import
from plus1.catalog.upl import UPL_FILE

HEADER = (
    "UniformeProductnaam,URI,Rijk,Provincie,Waterschap,Gemeente,Burger,Bedrijf,Dienstenwet,SDG,"
    "Autonomie,Medebewind,Aanvraag,Subsidie,Melding,Verplichting,Grondslag,Grondslaglabel,"
    "Grondslaglink\n"
)
T = "http://standaarden.overheid.nl/owms/terms/"
AOW = f"aow-uitkering,{T}aow-uitkering,X,,,,X,,,,,,X,,,,{T}AOW_art_7,Artikel 7 Algemene Ouderdomswet,https://wetten.overheid.nl/jci1.3:c:BWBR0002221&artikel=7\n"
HOND = f"hondenbelasting,{T}hondenbelasting,,,,X,X,,,,X,,,,,X,{T}Gemw_226,Artikel 226 Gemeentewet,https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=226\n"


@pytest.mark.django_db
def test_the_full_list_gives_one_product_per_upl_entry(actor):
    result = upl_import(actor=actor, text=UPL_FILE.read_text(encoding="utf-8"))

    assert len(result.created) == 1214
    assert Product.objects.filter(upl_uri__isnull=False).count() == 1214
    aow = Product.objects.get(upl_uri=f"{T}aow-uitkering")
    assert aow.layers == ["rijk"] and aow.kinds == ["application"]
    assert aow.audience == Product.Audience.RESIDENTS
    basis = aow.legal_bases.get()
    assert basis.label == "Artikel 7 Algemene Ouderdomswet"
    assert basis.url.startswith("https://wetten.overheid.nl/")
    # A product with several legal bases keeps every one of them.
    assert Product.objects.get(upl_uri=f"{T}aanschrijving").legal_bases.count() == 3
    # The same list again changes nothing.
    again = upl_import(actor=actor, text=UPL_FILE.read_text(encoding="utf-8"))
    assert (again.created, again.updated, again.unchanged) == ([], [], 1214)


@pytest.mark.django_db
def test_reimport_updates_without_duplicates_and_keeps_local_additions(actor):
    upl_import(actor=actor, text=HEADER + AOW + HOND)
    vocabulary_import(
        actor=actor,
        document={
            "organisations": [
                {"slug": "svb", "name": "SVB", "layer": "rijk", "url": "https://www.svb.nl"}
            ],
            "products": [
                {
                    "upl": "aow-uitkering",
                    "name": "AOW-pensioen",
                    "words": ["pensioen"],
                    "provider": "svb",
                }
            ],
        },
    )
    newer = AOW.replace("X,,,,X,,,,,,X", "X,,,X,X,,,,,,X").replace("Artikel 7", "Artikel 7a")

    result = upl_import(actor=actor, text=HEADER + newer + HOND)

    assert (len(result.created), len(result.updated), result.unchanged) == (0, 1, 1)
    assert Product.objects.count() == 2
    aow = Product.objects.get(upl_uri=f"{T}aow-uitkering")
    assert aow.layers == ["rijk", "gemeente"]
    assert [b.label for b in aow.legal_bases.all()] == ["Artikel 7a Algemene Ouderdomswet"]
    assert aow.name == "AOW-pensioen" and aow.resident_words == "pensioen"
    assert aow.provider is not None and aow.provider.slug == "svb"
    assert LegalBasis.objects.count() == 2


@pytest.mark.django_db
def test_a_product_that_left_the_list_is_kept(actor):
    upl_import(actor=actor, text=HEADER + AOW + HOND)
    result = upl_import(actor=actor, text=HEADER + HOND)
    assert result.not_in_list == 1
    assert Product.objects.filter(upl_uri=f"{T}aow-uitkering").exists()


@pytest.mark.django_db
def test_a_broken_file_imports_nothing_and_lists_every_problem(actor):
    with pytest.raises(ValidationError) as caught:
        upl_import(actor=actor, text="UniformeProductnaam,URI\nx,y\n")
    assert any("Rijk" in m for m in caught.value.messages)
    assert any("Grondslaglink" in m for m in caught.value.messages)
    assert not Product.objects.exists()


@pytest.mark.django_db
def test_vocabulary_problems_are_all_reported_and_nothing_changes(actor):
    upl_import(actor=actor, text=HEADER + AOW)
    with pytest.raises(ValidationError) as caught:
        vocabulary_import(
            actor=actor,
            document={
                "products": [
                    {"upl": "aow-uitkering", "provider": "nobody", "words": ["x"]},
                    {"upl": "bestaat-niet"},
                    {"upl": "aow-uitkering", "channels": ["fax"]},
                ]
            },
        )
    messages = " ".join(caught.value.messages)
    assert "nobody" in messages and "bestaat-niet" in messages and "fax" in messages
    assert Product.objects.get().resident_words == ""


@pytest.mark.django_db
def test_a_local_product_links_to_its_upl_entry(actor):
    from plus1.catalog.services import catalog_import

    upl_import(actor=actor, text=HEADER + HOND)
    catalog_import(
        actor=actor,
        document={
            "products": [{"slug": "hond", "name": "Hond aanmelden", "upl": "hondenbelasting"}]
        },
    )
    product = Product.objects.get()
    assert product.name == "Hond aanmelden" and product.layers == ["gemeente"]
