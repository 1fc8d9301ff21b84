"""The person's data as a copy they can read (GDPR art. 12(1) and 15(3), ADR 047): the subject-access export as a PDF
in pt-PT, from the same dict as the JSON export, beside it in the admin, the API and the shell.

The JSON (``monthly_gross_salary``, ``dti_ratio``, ISO timestamps, enumeration codes) was all an agency could hand
the person. The PDF says the same in words: each field by its label and its value as people write it, decisions and
statuses by their labels, moments in Lisbon time; and it holds only what the JSON holds (a household member's copy
names no other member).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, cast

import pikepdf
import pypdfium2
import pytest
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from applicants.models import Applicant, AuditAction, AuditEvent, Decision, MembershipRole, Role
from applicants.services import AgencyCredentials, staff_member_add
from documents.models import Document, ExtractedData
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.integration.test_privacy_c27 import a_household, export_of, household_report
from tests.integration.test_privacy_r64b_export import one_person_report
from tests.integration.test_report_pdf import inflated_streams, structure_roles
from workspace.export_pdf import export_pdf_view
from workspace.retention import applicant_export

pytestmark = pytest.mark.django_db

NAME = "Maria Fernanda Santos"
NIF = "245718931"
REASON = "Rendimentos estáveis e taxa de esforço dentro do limite."
DECLARATION_FIELDS = {
    "employer_name": "Construções Atlântico, Lda.",
    "employer_nif": "503504564",
    "employee_name": NAME,
    "contract_type": "PERMANENT",
    "start_date": "2019-03-01",
    "monthly_gross_salary": 1538.0,
}
# What the JSON holds and a person must not be handed as is: the export's keys, ISO moments and dates, codes.
RAW = re.compile(r"monthly_gross_salary|dti_ratio|\d{4}-\d{2}-\d{2}|\bPERMANENT\b|\bAPPROVED\b|\bCOMPLETED\b")


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(content)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def plain(text: str) -> str:
    """The text with its no-break spaces (figures kept on one line) and line breaks as plain spaces."""
    return " ".join(text.replace("\u00a0", " ").split())


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def person(alice: AgencyCredentials) -> Applicant:
    """A person with an employer's declaration read, a screening report about them and an approval."""
    form: Any = IntakeFormRequestFactory(organization=alice.organization, property_title="T2 em Alvalade")
    applicant = cast(
        Applicant,
        ApplicantFactory(form_request=form, name=NAME, nif=NIF, date_of_birth=dt.date(1990, 6, 15), status="COMPLETED"),
    )
    declaration = Document.objects.create(organization=applicant.organization, applicant=applicant,
                                          document_type="PROOF_OF_INCOME", original_filename="declaracao.pdf",
                                          storage_key=f"uploads/{form.id}/00000000-0000-4000-8000-000000000007/d.pdf",
                                          content_type="application/pdf", size=250_000, status="EXTRACTED")  # fmt: skip
    ExtractedData.objects.create(document=declaration, kind="DECLARACAO_ENTIDADE_PATRONAL", fields=DECLARATION_FIELDS,
                                 warnings=["nif_checksum_invalid"], method="text")  # fmt: skip
    one_person_report(applicant)
    Decision.objects.create(organization=applicant.organization, applicant=applicant, decision="APPROVED",
                            reason=REASON, decided_by_id=alice.user.pk)  # fmt: skip
    return applicant


def pdf_url(applicant: Applicant) -> str:
    return f"/api/v1/applicants/{applicant.pk}/export.pdf"


def test_the_copy_says_the_persons_data_in_words_a_tenant_reads(
    alice: AgencyCredentials, alice_api: APIClient, person: Applicant
) -> None:
    response = alice_api.get(pdf_url(person))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="copia-dados-{person.pk}.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    text = plain(pdf_text(response.content))
    assert NAME in text and NIF in text and "15/06/1990" in text
    assert "Imobiliária Alice" in text and "T2 em Alvalade" in text
    # The declaration's field by its label and its value as people write it; its warning and its code in words.
    assert "Salário mensal ilíquido 1 538,00 €" in text
    assert "Tipo de contrato sem termo" in text and "Documento reconhecido Declaração da entidade patronal" in text
    assert "NIF com dígito de controlo inválido" in text
    assert "declaracao.pdf" in text and "244 KB" in text
    # The decision in words, with its reason; the report's outcome by its label.
    assert "Aprovado" in text and REASON in text and "Baixo" in text
    # An empty section says so, rather than vanishing.
    assert "Nenhum pedido de documentos." in text and "Nenhum comentário ou contestação." in text
    # The files themselves go separately: no link in the copy.
    assert "entregues à parte" in text and "download" not in text and "http" not in text
    assert not RAW.search(text), RAW.search(text)


def test_the_copy_and_the_json_export_come_from_the_same_dict(alice: AgencyCredentials, person: Applicant) -> None:
    """Every value the JSON gives in words is the PDF's: the view reads the export's dict and nothing else."""
    export = json.loads(json.dumps(applicant_export(applicant=person, actor=alice.user)))
    view = export_pdf_view(export)
    [document] = view["documents"]
    assert ("Salário mensal ilíquido", "1 538,00 €") in [(k, v.replace("\u00a0", " ")) for k, v in document["fields"]]
    assert [d["decision"] for d in view["decisions"]] == ["Aprovado"]
    assert view["person"][0] == ("Nome", export["applicant"]["name"])


def test_a_household_members_copy_carries_only_what_their_json_export_carries(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    lead, [co_tenant] = a_household(alice, Role.CO_TENANT)
    household_report(lead, [co_tenant], income="1450.00", dti="0.5172")

    for member, other in ((lead, co_tenant), (co_tenant, lead)):
        exported = json.dumps(export_of(alice_api, member), ensure_ascii=False)
        text = plain(pdf_text(alice_api.get(pdf_url(member)).content))
        assert member.name in text and member.nif in text
        assert other.name not in text and other.nif not in text and other.name not in exported
        # Each tenant's own income, never the other's nor the household's combined income or ratio.
        own, others = ("850,00 €", "600,00 €") if member == lead else ("600,00 €", "850,00 €")
        assert own in text and others not in text
        assert "1 450,00 €" not in text and "51,72 %" not in text


def test_without_personal_data_permission_there_is_no_copy(alice: AgencyCredentials, person: Applicant) -> None:
    masked = staff_member_add(
        organization=alice.organization, email="eva@alice.test", role=MembershipRole.STAFF, view_pii=False,
        password="eva-Pa55word!",
    )  # fmt: skip
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {masked.token}")
    response = api.get(pdf_url(person))
    assert response.status_code == 403 and response["Content-Type"].startswith("application/json")
    admin = logged_in(masked.user)
    assert admin.get(f"/admin/applicants/applicant/{person.pk}/export.pdf").status_code == 403
    assert "export.pdf" not in admin.get(f"/admin/applicants/applicant/{person.pk}/change/").content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()


def test_another_agency_gets_not_found_and_nothing_is_audited(
    bob: AgencyCredentials, bob_api: APIClient, person: Applicant
) -> None:
    response = bob_api.get(pdf_url(person), HTTP_ACCEPT="application/pdf")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert logged_in(bob.user).get(f"/admin/applicants/applicant/{person.pk}/export.pdf").status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()


@pytest.mark.parametrize("via", ["api", "admin", "shell"])
def test_each_copy_is_one_exported_row_saying_its_form(
    alice: AgencyCredentials, alice_api: APIClient, person: Applicant, tmp_path: Path, via: str
) -> None:
    if via == "api":
        content = alice_api.get(pdf_url(person)).content
    elif via == "admin":
        page = logged_in(alice.user).get(f"/admin/applicants/applicant/{person.pk}/change/").content.decode()
        assert f"/admin/applicants/applicant/{person.pk}/export.pdf" in page and "Cópia legível (PDF)" in page
        content = logged_in(alice.user).get(f"/admin/applicants/applicant/{person.pk}/export.pdf").content
    else:
        target = tmp_path / "copia.pdf"
        call_command("export_applicant", str(person.pk), "--pdf", str(target), stdout=io.StringIO())
        content = target.read_bytes()
    assert content.startswith(b"%PDF-") and NAME in plain(pdf_text(content))
    [event] = AuditEvent.objects.filter(action=AuditAction.EXPORTED, target_id=str(person.pk))
    assert event.details == {"via": via, "format": "pdf"}


def test_the_json_export_says_its_form_too(alice_api: APIClient, person: Applicant) -> None:
    export_of(alice_api, person)
    [event] = AuditEvent.objects.filter(action=AuditAction.EXPORTED)
    assert event.details == {"via": "api", "format": "json"}


def test_a_file_of_several_months_gives_each_month_under_its_own_heading(
    alice: AgencyCredentials, alice_api: APIClient, person: Applicant
) -> None:
    payslips = Document.objects.create(organization=person.organization, applicant=person,
                                       document_type="PROOF_OF_INCOME", original_filename="recibos.pdf",
                                       storage_key=f"uploads/{person.form_request_id}/00000000-0000-4000-8000-000000000008/r.pdf",
                                       content_type="application/pdf", size=3_500_000, status="EXTRACTED")  # fmt: skip
    ExtractedData.objects.create(
        document=payslips, kind="RECIBO_VENCIMENTO", method="text",
        fields={"period": "2026-10", "net_pay": 1210.5, "payment_date": "2026-10-30"},
        parts=[{"fields": {"period": "2026-09", "net_pay": 1198.0}, "confidence": {}, "warnings": []}],
    )  # fmt: skip
    text = plain(pdf_text(alice_api.get(pdf_url(person)).content))
    assert "Mês 10/2026" in text and "Mês 09/2026" in text
    assert "Líquido 1 210,50 €" in text and "Líquido 1 198,00 €" in text and "30/10/2026" in text
    assert "3,3 MB" in text


def test_a_person_without_a_report_reads_none_for_the_empty_sections(alice_api: APIClient, alice: Any) -> None:
    applicant = cast(
        Applicant, ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    )
    text = plain(pdf_text(alice_api.get(pdf_url(applicant)).content))
    for empty in ("Nenhum documento.", "Nenhuma análise.", "Nenhuma decisão.", "Nenhuma explicação"):
        assert empty in text


def test_the_copy_is_tagged_for_screen_readers_as_the_report_is(alice_api: APIClient, person: Applicant) -> None:
    content = alice_api.get(pdf_url(person)).content
    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert pdf.Root.MarkInfo.Marked is True and str(pdf.Root.Lang) == "pt-PT"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title) == "Cópia dos seus dados pessoais"
        roles = structure_roles(pdf.Root.StructTreeRoot.K, Counter())
    assert roles["H1"] == 1 and roles["H2"] >= 9 and roles["Table"] >= 5 and roles["TH"] >= 10, roles
    assert b"/FontFile" in inflated_streams(content)  # the fonts travel with the file
