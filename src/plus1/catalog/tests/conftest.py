# SPDX-License-Identifier: EUPL-1.2
import pytest

from plus1.audit.services import Actor


@pytest.fixture
def actor():
    return Actor.system("test")


@pytest.fixture
def full_catalog(db):
    """The demo catalogue: Plusstad's case types, the whole UPL and the shipped vocabulary."""
    import yaml

    from plus1.catalog.product_services import upl_import, vocabulary_import
    from plus1.catalog.services import catalog_import
    from plus1.catalog.upl import UPL_FILE
    from plus1.catalog.vocabulary import vocabulary_document
    from plus1.demo.loader import CATALOG_FILE, TEAMS
    from plus1.identity.models import Team

    actor = Actor.system("test")
    for slug, name, skills, areas in TEAMS:
        Team.objects.create(slug=slug, name=name, skills=skills, areas=areas)
    catalog_import(actor=actor, document=yaml.safe_load(CATALOG_FILE.read_text(encoding="utf-8")))
    upl_import(actor=actor, text=UPL_FILE.read_text(encoding="utf-8"))
    vocabulary_import(actor=actor, document=vocabulary_document())
