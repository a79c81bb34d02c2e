# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.test import Client
from django.urls import reverse

from plus1.privacy.tests.conftest import World


def test_the_register_is_public_as_a_page_and_as_json(world: World) -> None:
    page = Client().get(reverse("privacy:register"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Bijzondere bijstand verlenen" in text
    assert "Taak van algemeen belang" in text
    data = Client().get("/api/v1/verwerkingsactiviteiten").json()
    bijstand = next(item for item in data if item["code"] == "bijstand")
    assert bijstand["wet"] == "Artikel 35 Participatiewet"
    assert bijstand["zaaktypen"] == [world.case.case_type.code]
    assert bijstand["uri"].endswith("/api/v1/verwerkingsactiviteiten/bijstand")


def test_the_register_links_the_legal_basis_the_upl_lists_for_the_product(world: World) -> None:
    from plus1.catalog.models import LegalBasis
    from plus1.common.testing.factories import ProductFactory

    product = ProductFactory(case_type=world.case.case_type)
    LegalBasis.objects.create(
        product=product, label="Artikel 35 Participatiewet", url="https://wetten.overheid.nl/x"
    )
    page = Client().get(reverse("privacy:register")).content.decode()
    assert '<a href="https://wetten.overheid.nl/x">Artikel 35 Participatiewet</a>' in page
    data = Client().get("/api/v1/verwerkingsactiviteiten").json()
    assert data[0]["uplGrondslagen"] == [
        {"label": "Artikel 35 Participatiewet", "link": "https://wetten.overheid.nl/x"}
    ]
