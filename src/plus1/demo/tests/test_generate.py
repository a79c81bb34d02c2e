# SPDX-License-Identifier: EUPL-1.2
"""`plus1 generate`: realistic zaken in bulk, deterministic, with an audit chain that verifies."""

from io import StringIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from plus1.audit.models import AuditEntry
from plus1.audit.verify import verify_chain
from plus1.cases.models import Case, CaseProperty, CaseStatus, Result, Role
from plus1.catalog.models import (
    CaseTypeDocumentType,
    DecisionType,
    Direction,
    DocumentType,
    RoleType,
)
from plus1.common.bsn import decrypt, is_valid_bsn
from plus1.common.testing.factories import CaseTypeFactory
from plus1.decisions.models import Decision
from plus1.demo.generate import generate, valid_bsn
from plus1.documents.models import Document, DocumentLink
from plus1.identity.models import Party
from plus1.privacy.models import CaseTypeActivity, DataTrailRecord, ProcessingActivity
from plus1.privacy.pseudonym import subject_pseudonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    kinds = [CaseTypeFactory(active=True), CaseTypeFactory(active=True)]
    for kind in kinds:
        RoleType.objects.create(case_type=kind, description="Aanvrager", kind="initiator")
    return kinds


def test_generated_zaken_have_history_initiators_and_a_verifiable_chain(catalogue):
    out = StringIO()
    call_command("generate", "--zaken", "60", "--seed", "7", stdout=out)
    assert "Klaar" in out.getvalue()
    cases = list(Case.objects.select_related("initiator"))
    assert len(cases) == 60
    assert {case.case_type_id for case in cases} == {kind.pk for kind in catalogue}
    for case in cases:
        steps = list(CaseStatus.objects.filter(case=case).order_by("set_at", "pk"))
        assert steps and case.status_id == steps[-1].status_id
        assert Role.objects.filter(case=case, party=case.initiator, is_initiator=True).exists()
    residents = Party.objects.filter(kind="resident")
    assert residents.count() == 20
    assert all(is_valid_bsn(decrypt(party.bsn_encrypted)) for party in residents)
    # the initiator role carries the BSN as the role service stores it: searchable by BSN
    party = cases[0].initiator
    initiated = Role.objects.filter(bsn_index=party.bsn_index, is_initiator=True)
    assert initiated.count() == party.cases.count()
    assert AuditEntry.objects.count() >= 60
    report = verify_chain()
    assert report.intact, report.problem


def test_the_same_seed_gives_the_same_zaken():
    kind = CaseTypeFactory(active=True)
    generate(zaken=5, seed=3)
    first = list(Case.objects.order_by("pk").values_list("uuid", "registered_on", "status__code"))
    Case.objects.all().delete()
    Party.objects.filter(kind="resident").delete()
    generate(zaken=5, seed=3)
    again = list(Case.objects.order_by("pk").values_list("uuid", "registered_on", "status__code"))
    assert first == again and kind.cases.count() == 5


def test_generated_bsns_pass_the_eleven_test():
    assert all(is_valid_bsn(valid_bsn(n)) for n in range(10_000_000, 10_000_500))


def test_documents_with_files_and_besluiten_are_generated_with_their_audit_entries():
    kind = CaseTypeFactory(active=True)
    document_type = DocumentType.objects.create(
        concept=False, description="Aanvraag", confidentiality="zaakvertrouwelijk", category="x"
    )
    CaseTypeDocumentType.objects.create(
        case_type=kind, document_type=document_type, order=1, direction=Direction.INKOMEND
    )
    kind.decision_types.add(DecisionType.objects.create(description="Vergunning", concept=False))

    counts = generate(zaken=90, seed=5)

    documents = list(Document.objects.select_related("current"))
    assert len(documents) == counts["documents"] > 0
    for document in documents[:5]:  # a real file in the documents storage, linked to its zaak
        link = DocumentLink.objects.get(document=document)
        case = Case.objects.get(uuid=link.object_uuid)
        with document.current.content.open("rb") as file:
            text = PdfReader(file).pages[0].extract_text()
        assert case.identification in text.replace(" ", "")  # pypdf spaces the glyphs apart
        assert document.current.data["formaat"] == "application/pdf"
        assert document.current.size > 0
    decisions = list(Decision.objects.select_related("case"))
    assert len(decisions) == counts["decisions"] > 0
    assert all(decision.case.closed_on == decision.date for decision in decisions)
    written = AuditEntry.objects.filter(
        action__in=["documents.document_created", "decisions.decision_created"]
    )
    assert written.count() == len(documents) + len(decisions)
    report = verify_chain()
    assert report.intact and report.checked == counts["audit"] == AuditEntry.objects.count()


def test_zaken_get_other_roles_properties_results_and_a_past_data_trail():
    kind = CaseTypeFactory(active=True)  # no roltypen, resultaattypen or eigenschappen yet
    activity = ProcessingActivity.objects.create(
        code="vergunningen", name="Vergunningen", purpose="Vergunningen verlenen", legal_ground="e"
    )
    CaseTypeActivity.objects.create(case_type=kind, activity=activity)

    counts = generate(zaken=200, seed=11)

    assert set(kind.role_types.values_list("kind", flat=True)) == {
        "initiator", "behandelaar", "belanghebbende",
    }  # fmt: skip
    assert Role.objects.filter(betrokkene_type="medewerker").count() > 100  # about 70 %
    others = Role.objects.filter(role_type__kind="belanghebbende")
    assert 0 < others.count() < 60 and all(role.bsn_index for role in others)
    assert CaseProperty.objects.filter(property_type__name="kenmerk").count() == 200
    closed = Case.objects.exclude(closed_on=None)
    assert Result.objects.filter(case__in=closed).count() == closed.count() > 0
    case = Case.objects.select_related("initiator").order_by("pk").first()
    record = DataTrailRecord.objects.get(name=f"zaak {case.identification} bekeken")
    assert record.data_subject_id == subject_pseudonym(case.initiator)
    assert record.audit_entry.object_id == str(case.initiator.pk)
    assert record.start_time.date() > case.registered_on  # opened the day after it came in
    assert counts["trail"] == 200 == DataTrailRecord.objects.count()
    report = verify_chain()
    assert report.intact and report.checked == AuditEntry.objects.count()
