# SPDX-License-Identifier: EUPL-1.2
"""`plus1 zgw applicatie`: a client wired in one step works on the very next request."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from plus1.audit.models import AuditEntry
from plus1.zgw import audit_actions
from plus1.zgw.models import Applicatie, ClientSecret
from plus1.zgw.tests.conftest import ZAKEN, api_as, zaak_body, zaaktype_url

pytestmark = pytest.mark.django_db


def zgw(*args: str) -> str:
    out = StringIO()
    call_command("zgw", "applicatie", *args, stdout=out)
    return out.getvalue()


def test_a_client_with_one_zaaktype_can_create_zaken_of_that_type_only(case_type):
    from plus1.common.testing.factories import CaseTypeFactory

    other = CaseTypeFactory(confidentiality="openbaar")
    said = zgw(
        "--client-id", "zaaksysteem", "--secret", "geheim-genoeg", "--component", "zrc",
        "--scopes", "zaken.lezen,zaken.aanmaken", "--zaaktype", zaaktype_url(case_type),
        "--max-vertrouwelijkheid", "openbaar",
    )  # fmt: skip
    assert "zaaksysteem geregistreerd" in said
    api = api_as("zaaksysteem", "geheim-genoeg")
    assert api.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").status_code == 201
    assert api.post(f"{ZAKEN}/zaken", zaak_body(other), format="json").status_code == 403
    assert AuditEntry.objects.filter(action=audit_actions.APPLICATIE_CREATED).count() == 1


def test_running_it_again_updates_the_same_applicatie_and_keeps_other_components(case_type):
    base = ["--client-id", "app", "--secret", "eerste-secret"]
    zgw(*base, "--component", "zrc", "--scopes", "zaken.lezen", "--zaaktype",
        zaaktype_url(case_type), "--max-vertrouwelijkheid", "geheim")  # fmt: skip
    said = zgw("--client-id", "app", "--secret", "tweede-secret", "--component", "ztc",
               "--scopes", "catalogi.lezen")  # fmt: skip
    assert "app bijgewerkt" in said
    assert Applicatie.objects.count() == 1
    components = sorted(Applicatie.objects.get().autorisaties.values_list("component", flat=True))
    assert components == ["zrc", "ztc"]
    assert ClientSecret.objects.get(client_id="app").secret == "tweede-secret"
    zgw("--client-id", "app", "--secret", "tweede-secret", "--alle-autorisaties")
    applicatie = Applicatie.objects.get()
    assert applicatie.heeft_alle_autorisaties and not applicatie.autorisaties.exists()
    assert AuditEntry.objects.filter(action=audit_actions.APPLICATIE_UPDATED).count() == 2


def test_the_list_shows_clients_and_rights_but_never_a_secret(case_type):
    zgw("--client-id", "lijst-app", "--secret", "zeer-geheim-1", "--component", "zrc",
        "--scopes", "zaken.lezen", "--zaaktype", zaaktype_url(case_type),
        "--max-vertrouwelijkheid", "intern")  # fmt: skip
    listed = zgw("--list")
    assert "lijst-app" in listed and "zaken.lezen" in listed and "tot intern" in listed
    assert zaaktype_url(case_type) in listed
    assert "zeer-geheim-1" not in listed and "zeer-geheim-1" not in zgw("--list", "--json")


def test_bad_input_names_every_problem_and_writes_nothing(case_type):
    with pytest.raises(CommandError) as refused:
        zgw("--client-id", "fout", "--secret", "kort", "--component", "zrc",
            "--scopes", "zaken.lezen,zaken.vliegen", "--max-vertrouwelijkheid", "heel-geheim")  # fmt: skip
    message = str(refused.value)
    assert "Niets vastgelegd" in message
    assert "secret" in message and "zaken.vliegen" in message and "heel-geheim" in message
    with pytest.raises(CommandError) as missing_type:
        zgw("--client-id", "fout", "--secret", "lang-genoeg", "--component", "zrc",
            "--scopes", "zaken.lezen")  # fmt: skip
    assert "zaaktype" in str(missing_type.value)
    assert not Applicatie.objects.exists() and not ClientSecret.objects.exists()
    with pytest.raises(CommandError):
        zgw("--client-id", "fout", "--secret", "lang-genoeg")
