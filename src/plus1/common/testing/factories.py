# SPDX-License-Identifier: EUPL-1.2
"""factory_boy factories for tests across apps."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from plus1.catalog.models import CaseType, Product, StatusType, Transition
from plus1.identity.models import Party, Team


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    password = factory.django.Password("geheim-wachtwoord")

    class Params:
        staff = factory.Trait(is_staff=True)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"team-{n}")
    name = factory.LazyAttribute(lambda o: f"Team {o.slug}")

    @factory.post_generation
    def members(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            self.members.set(extracted)


class ResidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    kind = Party.Kind.RESIDENT
    name = factory.Sequence(lambda n: f"Inwoner {n}")
    email = factory.Sequence(lambda n: f"inwoner{n}@example.nl")
    user = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *args, bsn=None, **kwargs):  # type: ignore[no-untyped-def]
        party = model_class(*args, **kwargs)
        party.set_bsn(bsn or _unused_bsn())
        party.save()
        return party


def _unused_bsn() -> str:
    from plus1.common.bsn import blind_index

    for bsn in _bsn_stream():
        if not Party.objects.filter(bsn_index=blind_index(bsn)).exists():
            return bsn
    raise RuntimeError("no BSN left")


def _bsn_stream():  # type: ignore[no-untyped-def]
    from plus1.common.bsn import is_valid_bsn

    return (str(n) for n in range(999_990_000, 999_999_999) if is_valid_bsn(str(n)))


class CaseTypeFactory(factory.django.DjangoModelFactory):
    """A case type with the workflow ontvangen → in-behandeling → afgehandeld."""

    class Meta:
        model = CaseType
        django_get_or_create = ["code"]
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"zaaktype-{n}")
    name = factory.Sequence(lambda n: f"Zaaktype {n}")
    legal_term = "P8W"
    responsible_team = factory.SubFactory(TeamFactory)
    form_schema = factory.LazyFunction(
        lambda: {
            "type": "object",
            "required": ["onderwerp"],
            "properties": {
                "onderwerp": {"type": "string", "title": "Onderwerp", "maxLength": 50},
                "aantal": {"type": "integer", "title": "Aantal", "minimum": 1},
            },
            "x-order": ["onderwerp", "aantal"],  # as the case-type writer stores it
        }
    )

    @factory.post_generation
    def workflow(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if not create or self.statuses.exists():
            return
        received = StatusType.objects.create(
            case_type=self, code="ontvangen", name="Ontvangen", order=1, is_initial=True
        )
        busy = StatusType.objects.create(
            case_type=self, code="in-behandeling", name="In behandeling", order=2
        )
        done = StatusType.objects.create(
            case_type=self, code="afgehandeld", name="Afgehandeld", order=3, is_final=True
        )
        Transition.objects.create(case_type=self, source=received, target=busy, label="Oppakken")
        Transition.objects.create(case_type=self, source=busy, target=done, label="Afhandelen")


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    slug = factory.Sequence(lambda n: f"product-{n}")
    name = factory.Sequence(lambda n: f"Product {n}")
    summary = "Een product om te testen."
    case_type = factory.SubFactory(CaseTypeFactory)
