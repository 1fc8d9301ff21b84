"""The admin's "Histórico" page of a person and of an application: what happened to the file, in words.

Blind probe C31: it said "Este objeto não tem um histórico de alterações" after decisions and re-runs, because
Django lists only edits made through its forms. It now reads the submission, the reports and the audit trail,
within the agency.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import Client

from applicants.masking import mask_name
from applicants.models import Applicant, Application, AuditAction, AuditEvent, Membership, Role
from applicants.services import AgencyCredentials, decision_record, pii_view_record, staff_permissions_grant
from documents.models import Document
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, UserFactory
from workspace.services import applicant_rerun

pytestmark = pytest.mark.django_db


def client_in(user: Any, language: str = "pt-pt") -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(user)
    return client


def history_of(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    html: str = response.content.decode()
    return html.split('data-testid="file-history"', 1)[1]


@pytest.fixture
def decided(alice: AgencyCredentials) -> Applicant:
    """Maria: submitted with an ID card, screened once, re-run, screened again, approved by alice; her data viewed."""
    applicant: Applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    Document.objects.create(organization=alice.organization, applicant=applicant, document_type="ID_DOCUMENT",
                            storage_key="k/cc", original_filename="cc.png", content_type="image/png", size=1)  # fmt: skip
    for risk in ("HIGH", "LOW"):
        ScreeningReport.objects.create(organization=alice.organization, applicant=applicant, risk_level=risk,
                                       identity_verified=True, income_verified=True, justification="-",
                                       backend="rules", rules_version="t")  # fmt: skip
    Applicant.objects.filter(pk=applicant.pk).update(status="COMPLETED")
    applicant.refresh_from_db()
    applicant_rerun(applicant=applicant, actor=alice.user, force=True)
    decision_record(
        applicant=applicant, decided_by=alice.user, report_id=None, decision="APPROVED", reason="Rendimento estável."
    )
    pii_view_record(applicant=applicant, actor=alice.user, surface="admin")
    return applicant


def test_a_persons_history_says_who_decided_and_re_ran_and_what_the_reports_said(
    alice: AgencyCredentials, decided: Applicant
) -> None:
    rows = history_of(client_in(alice.user), f"/admin/applicants/applicant/{decided.pk}/history/")
    for words in ("Candidatura enviada", "1 documento", "Relatório de análise", "risco alto", "risco baixo",
                  "Reprocessamento pedido", "análise de novo", "Decisão registada", "Aprovado",
                  "alice@alice.test", "Dados pessoais consultados"):  # fmt: skip
        assert words in rows, words
    # Newest first: the decision above the re-run, the re-run above the submission.
    assert rows.index("Decisão registada") < rows.index("Reprocessamento pedido") < rows.index("Candidatura enviada")
    english = history_of(client_in(alice.user, "en"), f"/admin/applicants/applicant/{decided.pk}/history/")
    assert "Decision recorded" in english and "Approved" in english and "Screening report" in english


def test_views_of_personal_data_are_left_to_staff_who_may_read_the_audit(
    alice: AgencyCredentials, decided: Applicant
) -> None:
    colleague: Any = UserFactory()
    Membership.objects.create(user=colleague, organization=alice.organization)
    staff_permissions_grant(user=colleague)
    colleague.user_permissions.remove(Permission.objects.get(codename="view_auditevent"))
    colleague = type(colleague).objects.get(pk=colleague.pk)
    rows = history_of(client_in(colleague), f"/admin/applicants/applicant/{decided.pk}/history/")
    assert "Decisão registada" in rows and "Aprovado" in rows
    assert "Dados pessoais consultados" not in rows


def test_another_agencys_events_and_pages_stay_out(
    alice: AgencyCredentials, bob: AgencyCredentials, decided: Applicant
) -> None:
    # An event of bob's agency naming the same id (it cannot happen by the services; the query must not trust it).
    AuditEvent.objects.create(organization=bob.organization, action=AuditAction.FORM_CLOSED, target_type="applicant",
                              target_id=str(decided.pk))  # fmt: skip
    rows = history_of(client_in(alice.user), f"/admin/applicants/applicant/{decided.pk}/history/")
    assert "Formulário fechado" not in rows
    assert client_in(bob.user).get(f"/admin/applicants/applicant/{decided.pk}/history/").status_code in (302, 403, 404)


def test_an_applications_history_names_each_persons_events(alice: AgencyCredentials, decided: Applicant) -> None:
    application = Application.objects.create(organization=alice.organization, form_request=decided.form_request)
    guarantor: Applicant = ApplicantFactory(form_request=decided.form_request, role=Role.GUARANTOR)
    Applicant.objects.filter(pk__in=[decided.pk, guarantor.pk]).update(application=application)
    rows = history_of(client_in(alice.user), f"/admin/applicants/application/{application.pk}/history/")
    # By role and masked name, as the lists name a person (blind probe r73c, F7: the short id was no name).
    assert f"Arrendatário principal {mask_name(decided.name)}" in rows
    assert f"Fiador {mask_name(guarantor.name)}" in rows
    assert rows.count("Candidatura enviada") == 2 and "Aprovado" in rows


def test_the_extracted_data_pages_name_the_kind_and_the_reading_in_words(
    alice: AgencyCredentials, decided: Applicant
) -> None:
    from documents.models import ExtractedData

    card = decided.documents.get()
    extracted = ExtractedData.objects.create(document=card, kind="CARTAO_CIDADAO", fields={}, method="ocr",
                                             extractor="local", extractor_version="1")  # fmt: skip
    listing = client_in(alice.user).get("/admin/documents/extracteddata/").content.decode()
    assert "Cartão de Cidadão" in listing and "leitura ótica (OCR)" in listing
    assert "CARTAO_CIDADAO" not in listing.replace("kind=CARTAO_CIDADAO", "")  # only in the filter's link
    detail = client_in(alice.user, "en").get(f"/admin/documents/extracteddata/{extracted.pk}/change/").content.decode()
    assert "Cartão de Cidadão (citizen card)" in detail and "optical reading (OCR)" in detail


def test_the_review_page_says_how_each_document_was_read_and_which_came_when_asked_for(
    alice: AgencyCredentials, decided: Applicant
) -> None:
    from django.utils import timezone

    from applicants.models import InfoRequest
    from documents.models import ExtractedData

    ExtractedData.objects.create(document=decided.documents.get(), kind="CARTAO_CIDADAO", fields={}, method="ocr",
                                 extractor="local", extractor_version="1")  # fmt: skip
    asked = InfoRequest.objects.create(organization=alice.organization, applicant=decided,
                                       decision=decided.decisions.get(), requested_documents=[], token_hash="h" * 64,
                                       due_at=timezone.now())  # fmt: skip
    Document.objects.create(organization=alice.organization, applicant=decided, document_type="PROOF_OF_INCOME",
                            storage_key="k/p", original_filename="p.pdf", content_type="application/pdf", size=1,
                            info_request=asked)  # fmt: skip
    html = client_in(alice.user).get(f"/admin/applicants/applicant/{decided.pk}/change/").content.decode()
    documents = html.split('data-testid="documents"', 1)[1].split("</table>", 1)[0]
    assert "leitura ótica (OCR)" in documents and ">ocr<" not in documents
    assert documents.count("· pedido") == 1
