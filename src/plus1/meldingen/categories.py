# SPDX-License-Identifier: EUPL-1.2
"""The categories of public-space reports (meldingen openbare ruimte), as data.

The category slugs are part of the API. Each category has subcategories and a service
level: the number of working days within which the municipality fixes the problem.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plus1.common.legal_clock import is_working_day


@dataclass(frozen=True)
class Subcategory:
    slug: str
    name: str


@dataclass(frozen=True)
class Category:
    slug: str
    name: str
    service_level_days: int  # working days
    subcategories: tuple[Subcategory, ...]

    def subcategory(self, slug: str) -> Subcategory:
        for sub in self.subcategories:
            if sub.slug == slug:
                return sub
        raise KeyError(f"{self.slug}/{slug}")


def _subs(*pairs: tuple[str, str]) -> tuple[Subcategory, ...]:
    return tuple(Subcategory(slug, name) for slug, name in pairs)


CATEGORIES: tuple[Category, ...] = (
    Category(
        "afval",
        "Afval",
        3,
        _subs(
            ("zwerfafval", "Zwerfafval"),
            ("bijgeplaatst-afval", "Afval naast container of gedumpt"),
            ("container-vol", "Container vol"),
            ("container-kapot", "Container kapot"),
            ("prullenbak-vol", "Prullenbak vol"),
        ),
    ),
    Category(
        "verlichting",
        "Straatverlichting",
        5,
        _subs(
            ("lamp-kapot", "Lantaarnpaal brandt niet"),
            ("lamp-brandt-overdag", "Lamp brandt overdag"),
            ("paal-beschadigd", "Lantaarnpaal beschadigd of scheef"),
            ("kabel-los", "Losse kabel of open luik"),
        ),
    ),
    Category(
        "groen",
        "Bomen en groen",
        10,
        _subs(
            ("boom", "Boom (omgewaaid, gevaarlijk, dode takken)"),
            ("snoeien", "Snoeien van struiken of heggen"),
            ("gras", "Gras maaien"),
            ("onkruid", "Onkruid"),
            ("plantsoen", "Plantsoen beschadigd"),
        ),
    ),
    Category(
        "wegen",
        "Wegen, fietspaden en stoepen",
        5,
        _subs(
            ("gat-in-weg", "Gat of kuil in de weg"),
            ("losse-tegel", "Losse of scheve stoeptegel"),
            ("verzakking", "Verzakking"),
            ("fietspad", "Fietspad beschadigd"),
            ("gladheid", "Gladheid"),
        ),
    ),
    Category(
        "straatmeubilair",
        "Straatmeubilair en speelplaatsen",
        10,
        _subs(
            ("bank", "Bankje kapot"),
            ("speeltoestel", "Speeltoestel kapot"),
            ("paaltje", "Paaltje of hek beschadigd"),
            ("fietsenrek", "Fietsenrek kapot"),
            ("bushokje", "Abri of bushokje beschadigd"),
        ),
    ),
    Category(
        "verkeer",
        "Verkeer",
        3,
        _subs(
            ("verkeerslicht", "Verkeerslicht kapot"),
            ("verkeersbord", "Verkeersbord weg of beschadigd"),
            ("wegmarkering", "Wegmarkering onduidelijk"),
            ("foutparkeren", "Fout geparkeerde auto"),
            ("onveilige-situatie", "Onveilige verkeerssituatie"),
        ),
    ),
    Category(
        "water",
        "Water en riolering",
        5,
        _subs(
            ("verstopte-put", "Verstopte put of kolk"),
            ("wateroverlast", "Wateroverlast op straat"),
            ("rioolstank", "Stank uit het riool"),
            ("oppervlaktewater", "Sloot, vijver of gracht vervuild"),
            ("beschoeiing", "Beschoeiing of kade beschadigd"),
        ),
    ),
    Category(
        "dieren",
        "Dieren en ongedierte",
        3,
        _subs(
            ("dood-dier", "Dood dier"),
            ("ongedierte", "Ratten of muizen"),
            ("hondenpoep", "Hondenpoep"),
            ("vogels", "Overlast van duiven of meeuwen"),
            ("eikenprocessierups", "Eikenprocessierups"),
        ),
    ),
    Category(
        "overlast",
        "Overlast",
        10,
        _subs(
            ("geluid", "Geluidsoverlast"),
            ("hangjongeren", "Hangjongeren"),
            ("graffiti", "Graffiti of bekladding"),
            ("wrak", "Autowrak of fietswrak"),
            ("drugs", "Drugsoverlast"),
        ),
    ),
    Category(
        "overig",
        "Overig",
        10,
        _subs(
            ("vraag", "Vraag aan de gemeente"),
            ("idee", "Idee of suggestie"),
            ("compliment", "Compliment"),
            ("anders", "Iets anders"),
        ),
    ),
)

_BY_SLUG: dict[str, Category] = {category.slug: category for category in CATEGORIES}
CATEGORY_SLUGS: tuple[str, ...] = tuple(_BY_SLUG)


def get_category(slug: str) -> Category:
    """The category with this slug; KeyError if there is none."""
    return _BY_SLUG[slug]


def category_name(slug: str) -> str:
    return _BY_SLUG[slug].name


def category_choices() -> list[tuple[str, str]]:
    """(slug, name) pairs for a model field or form."""
    return [(category.slug, category.name) for category in CATEGORIES]


def subcategory_choices(slug: str) -> list[tuple[str, str]]:
    return [(sub.slug, sub.name) for sub in _BY_SLUG[slug].subcategories]


def service_deadline(slug: str, reported_on: dt.date) -> dt.date:
    """The date by which a report in this category should be resolved (working days)."""
    day, remaining = reported_on, _BY_SLUG[slug].service_level_days
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
