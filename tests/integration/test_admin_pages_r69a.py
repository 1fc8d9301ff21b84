"""What the admin's pages and the report PDF print (blind probe r69a): the authenticity check's signals and severities
in words, every extracted field by its label, warnings as words, months MM/AAAA; a report's ratio, money and title as
people write them; the extracted-data page without JSON; filters, sorting, sizes and icons in the page's words; a
household's checks by person; the second round's deadline; the history's actor; a guarantor left out of a forced
screening; and what an erasure removes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone, translation

from applicants.models import (
    Applicant,
    Application,
    ApplicationStatus,
    AuditAction,
    Contest,
    InfoRequest,
    Invitation,
    InvitationStatus,
    Role,
)
from applicants.services import AgencyCredentials, audit_record, decision_record
from applicants.tokens import intake_token_hash
from documents.models import Document, ExtractedData
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from workspace.report_pdf import report_pdf_view

pytestmark = pytest.mark.django_db

DOCUMENT_ID = "0d3c6e0f-1111-4222-8333-444455556666"
# As screening/rules/authenticity.py writes the check (the API keeps it so: docs/api.md).
AUTHENTICITY_CHECK = {
    "name": "authenticity.document", "passed": True, "field": "authenticity", "value": "MEDIUM",
    "document_id": DOCUMENT_ID,
    "evidence": "Sinais de autenticidade: PAYSLIP_EMPLOYER_NIF_INVALID (MEDIUM), PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD "
                "(LOW); a ponderar, abaixo do nível que altera o risco.",
}  # fmt: skip
RECENT_CHECK = {"name": "income.payslip_recent", "passed": True, "evidence": "Recibo recente.", "field": "period",
                "value": "2026-09", "expected": ">= 2026-08"}  # fmt: skip
PAYSLIP_FIELDS = {"employee_name": "Joana Lopes", "employee_nif": "245718931", "employer_nif": "503456787",
                  "period": "2026-09", "net_pay": 1538.0}  # fmt: skip
ID_FIELDS = {"surname": "LOPES", "given_names": "JOANA", "issuing_state": "PRT", "side": "front"}


def made(factory: Any, **fields: Any) -> Any:
    """A factory-boy object, typed as what it makes (factory-boy has no type stubs)."""
    return factory(**fields)


def client_in(credentials: AgencyCredentials, language: str = "pt-pt") -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(credentials.user)
    return client


def page(client: Client, url: str, **params: Any) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def document_of(applicant: Applicant, *, document_type: str = "PROOF_OF_INCOME", **fields: Any) -> Document:
    document: Document = Document.objects.create(
        organization=applicant.organization, applicant=applicant, document_type=document_type,
        storage_key=f"k/{applicant.id}/{document_type}/{timezone.now().timestamp()}", original_filename="f.png",
        content_type=fields.pop("content_type", "image/png"), size=fields.pop("size", 79038), status="EXTRACTED",
    )  # fmt: skip
    return document


def report_for(applicant: Applicant, **fields: Any) -> ScreeningReport:
    values: dict[str, Any] = {
        "organization": applicant.organization, "applicant": applicant, "risk_level": "LOW",
        "identity_verified": True, "income_verified": False, "dti_ratio": Decimal("0.2998"),
        "average_monthly_income": Decimal("3168.67"), "justification": "Risco baixo.",
        "checks": [AUTHENTICITY_CHECK, RECENT_CHECK], "backend": "rules", "rules_version": "test",
    }  # fmt: skip
    values.update(fields)
    report: ScreeningReport = ScreeningReport.objects.create(**values)
    return report


@pytest.fixture
def reviewed(alice: AgencyCredentials) -> Applicant:
    applicant: Applicant = made(
        ApplicantFactory, form_request=IntakeFormRequestFactory(organization=alice.organization), status="COMPLETED"
    )
    payslip = document_of(applicant)
    ExtractedData.objects.create(document=payslip, kind="RECIBO_VENCIMENTO", fields=PAYSLIP_FIELDS, method="text",
                                 confidence={"net_pay": 1.0, "employer_nif": 0.85},
                                 warnings=["nif_checksum_invalid", "multiple_payslips"],
                                 extractor="local", extractor_version="1")  # fmt: skip
    card = document_of(applicant, document_type="ID_DOCUMENT")
    ExtractedData.objects.create(document=card, kind="PASSAPORTE", fields=ID_FIELDS, method="ocr",
                                 extractor="local", extractor_version="1")  # fmt: skip
    report_for(applicant)
    return applicant


# --- I-1, I-2: the applicant's page --------------------------------------------------------------


def test_the_authenticity_checks_evidence_and_value_read_in_words_on_the_applicants_page(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    html = page(client_in(alice), f"/admin/applicants/applicant/{reviewed.pk}/change/")
    checks = html.split('data-testid="checks"', 1)[1].split("</table>", 1)[0]
    assert "NIF da entidade patronal inválido (Médio), os mesmos valores noutro mês (Baixo)" in checks
    assert "<td>Médio</td>" in checks
    assert "PAYSLIP_EMPLOYER_NIF_INVALID" not in checks and "(MEDIUM)" not in checks and ">MEDIUM<" not in checks
    # The month a check read, as people write it; the nearby check's sentence stays as the rules wrote it.
    assert "<td>09/2026</td>" in checks and "<td>08/2026 ou depois</td>" in checks and "Recibo recente." in checks


def test_every_extracted_field_is_labelled_and_its_warnings_months_and_codes_are_words(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    html = page(client_in(alice), f"/admin/applicants/applicant/{reviewed.pk}/change/")
    documents = html.split('data-testid="documents"', 1)[1].split("<h2>", 1)[0]
    for words in ["Apelido", "Nomes próprios", "Estado emissor", "Nome do trabalhador", "NIF do trabalhador",
                  "NIF da entidade patronal", "<td>Mês</td><td>09/2026</td>", "<td>frente</td>",
                  "NIF com dígito de controlo inválido, vários recibos no ficheiro", "<td>85 %</td>"]:  # fmt: skip
        assert words in documents, words
    for code in ["given names", "issuing state", "employee nif", "nif checksum invalid", "2026-09", ">front<"]:
        assert code not in documents, code


def test_the_english_admin_reads_the_same_labels_in_english(alice: AgencyCredentials, reviewed: Applicant) -> None:
    html = page(client_in(alice, "en"), f"/admin/applicants/applicant/{reviewed.pk}/change/")
    for words in ["Surname", "Given names", "Employee NIF", "employer&#x27;s NIF invalid (Medium)",
                  "NIF with an invalid check digit"]:  # fmt: skip
        assert words in html, words


# --- I-3: the report PDF -------------------------------------------------------------------------


def test_the_pdf_prints_the_authenticity_signals_severities_months_and_fields_in_words(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    report = ScreeningReport.objects.get(applicant=reviewed)
    with translation.override("en"):
        view = report_pdf_view(applicant=reviewed, report=report, can_view_pii=True)
    checks = {check["code"]: check for section in view["sections"] for check in section["checks"]}
    authenticity = checks["authenticity.document"]
    assert "NIF da entidade patronal inválido (Médio), os mesmos valores noutro mês (Baixo)" in authenticity["evidence"]
    assert authenticity["value"] == "Médio" and authenticity["source"] == f"doc. {DOCUMENT_ID[:8]} · Autenticidade"
    assert (checks["income.payslip_recent"]["value"], checks["income.payslip_recent"]["expected"]) == (
        "09/2026",
        "08/2026 ou depois",
    )


# --- I-6, I-10, U-1, U-8: the reports' pages -----------------------------------------------------


def test_a_reports_own_page_prints_the_ratio_money_and_title_as_people_write_them(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    report = ScreeningReport.objects.get(applicant=reviewed)
    html = page(client_in(alice), f"/admin/screening/screeningreport/{report.pk}/change/")
    assert "29,98 %" in html and "3 168,67 €" in html
    assert "0,2998" not in html and "3168,67" not in html
    assert f"Baixo ({timezone.localtime(report.created_at):%d/%m/%Y %H:%M})" in html
    assert f"({report.created_at:%Y-%m-%d}" not in html
    assert "NIF da entidade patronal inválido (Médio)" in html and "PAYSLIP_EMPLOYER_NIF_INVALID" not in html


def test_the_reports_filter_offers_the_words_the_rows_show_and_yes_no_icons_say_sim_nao(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    html = page(client_in(alice), "/admin/screening/screeningreport/")
    backend_filter = html.split("backend=rules", 1)[1][:80]
    assert "regras" in backend_filter and ">rules<" not in html
    assert 'alt="Sim"' in html and 'alt="Não"' in html
    assert 'alt="True"' not in html and 'alt="False"' not in html


def test_sorting_by_risk_orders_by_severity_not_alphabetically(alice: AgencyCredentials) -> None:
    form = made(IntakeFormRequestFactory, organization=alice.organization)
    # Created in no order the test could read as sorted: neither by date nor by code.
    for level, name in [("MEDIUM", "Médio"), ("HIGH", "Alto"), ("LOW", "Baixo"), ("HIGH", "Alto 2")]:
        applicant: Applicant = made(
            ApplicantFactory, form_request=form, status="COMPLETED", risk_level=level, name=name
        )
        report_for(applicant, risk_level=level)

    def risk_column(url: str, column: int) -> list[str]:
        listing = page(client_in(alice), url, o=str(column))
        levels = [cell.split("<", 1)[0] for cell in listing.split('class="field-risk_display">')[1:]]
        return [level for level in levels if level]

    # ``o`` counts the columns from 0, the actions' checkbox too: the risk is the applicants' sixth, the reports' third
    # (after the person and the property: blind probe r73c, F7).
    assert risk_column("/admin/applicants/applicant/", 5) == ["Baixo", "Médio", "Alto", "Alto"]
    assert risk_column("/admin/screening/screeningreport/", 2) == ["Baixo", "Médio", "Alto", "Alto"]
    assert risk_column("/admin/screening/screeningreport/", -2) == ["Alto", "Alto", "Médio", "Baixo"]


# --- I-7, U-5: the documents' pages --------------------------------------------------------------


def test_the_extracted_data_page_has_a_title_in_words_and_no_json(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    extracted = ExtractedData.objects.get(document__applicant=reviewed, kind="RECIBO_VENCIMENTO")
    html = page(client_in(alice), f"/admin/documents/extracteddata/{extracted.pk}/change/")
    assert "Recibo de vencimento · texto do PDF" in html and "RECIBO_VENCIMENTO (text)" not in html
    assert "Líquido: 100 %; NIF da entidade patronal: 85 %" in html
    assert "NIF com dígito de controlo inválido, vários recibos no ficheiro" in html
    assert "nif_checksum_invalid" not in html and "&quot;net_pay&quot;" not in html


def test_the_documents_list_names_the_file_type_and_its_size_in_kb(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    html = page(client_in(alice), "/admin/documents/document/")
    assert "imagem PNG" in html and "77,2\xa0KB" in html
    assert "image/png" not in html and ">79038<" not in html


# --- U-2: the lead's page shows whose each household check is ------------------------------------


def test_the_leads_page_names_the_person_of_each_household_check(alice: AgencyCredentials) -> None:
    form = made(IntakeFormRequestFactory, organization=alice.organization)
    application = Application.objects.create(organization=alice.organization, form_request=form)
    lead: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.TENANT)
    guarantor: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.GUARANTOR)
    checks = [
        {**RECENT_CHECK, "applicant_id": str(lead.id), "role": "TENANT"},
        {**RECENT_CHECK, "applicant_id": str(guarantor.id), "role": "GUARANTOR"},
        {"name": "affordability.dti", "passed": True, "evidence": "Taxa de esforço 20 %.", "value": "0.2"},
    ]
    report_for(lead, application=application, checks=checks)
    html = page(client_in(alice), f"/admin/applicants/applicant/{lead.pk}/change/")
    table = html.split('data-testid="checks"', 1)[1].split("</table>", 1)[0]
    assert "<th>Pessoa</th>" in table
    assert "<td>Arrendatário principal</td>" in table and "<td>Fiador</td>" in table and "<td>Agregado</td>" in table


def test_a_persons_own_checks_have_no_person_column(alice: AgencyCredentials, reviewed: Applicant) -> None:
    html = page(client_in(alice), f"/admin/applicants/applicant/{reviewed.pk}/change/")
    assert "<th>Pessoa</th>" not in html.split('data-testid="checks"', 1)[1].split("</table>", 1)[0]


# --- U-6: the second round's deadline ------------------------------------------------------------


def more_info(client: Client, applicant: Applicant, **extra: str) -> str:
    response = client.post(
        f"/admin/applicants/applicant/{applicant.pk}/decide/",
        {"decision": "MORE_INFO", "reason": "Falta um recibo.", "request_PROOF_OF_INCOME": "1", **extra},
        follow=True,
    )
    return response.content.decode()


def test_the_admins_document_request_takes_a_deadline_and_offers_the_apis_default(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    client = client_in(alice)
    default = timezone.localdate() + dt.timedelta(days=settings.INFO_REQUEST_DAYS)
    assert f'name="due_date" value="{default.isoformat()}"' in page(
        client, f"/admin/applicants/applicant/{reviewed.pk}/change/"
    )
    due = timezone.localdate() + dt.timedelta(days=30)
    more_info(client, reviewed, due_date=due.isoformat())
    request = InfoRequest.objects.get(applicant=reviewed)
    assert timezone.localtime(request.due_at).date() == due and timezone.localtime(request.due_at).hour == 23


def test_a_deadline_past_90_days_is_refused_as_the_api_refuses_it(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    html = more_info(client_in(alice), reviewed, due_date=(timezone.localdate() + dt.timedelta(days=91)).isoformat())
    assert "O prazo deve estar nos próximos 90 dias." in html
    assert not InfoRequest.objects.filter(applicant=reviewed).exists()


def test_an_empty_deadline_is_the_apis_default(alice: AgencyCredentials, reviewed: Applicant) -> None:
    more_info(client_in(alice), reviewed, due_date="")
    request = InfoRequest.objects.get(applicant=reviewed)
    expected = timezone.now() + dt.timedelta(days=settings.INFO_REQUEST_DAYS)
    assert abs(request.due_at - expected) < dt.timedelta(minutes=5)


# --- U-7: the history's actor --------------------------------------------------------------------


def test_the_history_names_the_applicant_as_the_actor_of_their_second_round_upload(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    audit_record(action=AuditAction.DOCUMENTS_RESUBMITTED, target_type="applicant", target_id=reviewed.id,
                 organization=reviewed.organization, actor=None, details={"documents": 1})  # fmt: skip
    audit_record(action=AuditAction.PURGED, target_type="applicant", target_id=reviewed.id,
                 organization=reviewed.organization, actor=None, details={})  # fmt: skip
    html = page(client_in(alice), f"/admin/applicants/applicant/{reviewed.pk}/history/")
    rows = html.split('data-testid="file-history"', 1)[1].split("<tr>")
    resubmitted = next(row for row in rows if "Documentos adicionais recebidos" in row)
    purged = next(row for row in rows if "Dados apagados" in row)
    assert "<td>o candidato</td>" in resubmitted and "<td>o sistema</td>" in purged
    assert "o candidato ou o sistema" not in html


# --- a guarantor left out of a forced screening ---------------------------------------------


def test_a_guarantor_left_out_of_a_forced_screening_is_said_so_not_no_guarantor(alice: AgencyCredentials) -> None:
    form = made(IntakeFormRequestFactory, organization=alice.organization)
    application = Application.objects.create(
        organization=alice.organization, form_request=form, status=ApplicationStatus.COMPLETED
    )
    lead: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.TENANT)
    Invitation.objects.create(organization=alice.organization, application=application, role=Role.GUARANTOR,
                              name="Rui Lopes", email="rui@example.com", token_hash=intake_token_hash("t-rui"),
                              expires_at=timezone.now() + dt.timedelta(days=14), status=InvitationStatus.SENT,
                              sent_at=timezone.now(), left_out_at=timezone.now())  # fmt: skip
    report_for(lead, application=application, household={"guarantor": None, "members": []})
    html = page(client_in(alice), f"/admin/applicants/application/{application.pk}/change/")
    verdict = html.split('data-testid="guarantor-verdict"', 1)[1].split("</p>", 1)[0]
    assert "O fiador foi convidado e não submeteu: ficou fora desta análise." in verdict
    assert "Sem fiador" not in verdict
    invitations = html.split('data-testid="invitations"', 1)[1].split("</table>", 1)[0]
    assert "Fora desta análise (não submeteu)" in invitations and "data-left-out=" in invitations
    assert "<td>Enviado</td>" not in invitations and ">Reenviar<" not in invitations
    assert "Convidar de novo (nova ligação)" in invitations
    members = html.split('data-testid="members"', 1)[1].split("</table>", 1)[0]
    assert "Fora desta análise (não submeteu)" in members


def test_a_guarantor_still_awaited_reads_as_sent_and_an_application_without_one_says_no_guarantor(
    alice: AgencyCredentials,
) -> None:
    form = made(IntakeFormRequestFactory, organization=alice.organization)
    application = Application.objects.create(organization=alice.organization, form_request=form)
    lead: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.TENANT)
    report_for(lead, application=application, household={"guarantor": None, "members": []})
    html = page(client_in(alice), f"/admin/applicants/application/{application.pk}/change/")
    assert "Sem fiador." in html and "fora desta análise" not in html
    Invitation.objects.create(organization=alice.organization, application=application, role=Role.GUARANTOR,
                              name="Rui Lopes", email="rui@example.com", token_hash=intake_token_hash("t-rui2"),
                              expires_at=timezone.now() + dt.timedelta(days=14), status=InvitationStatus.SENT,
                              sent_at=timezone.now())  # fmt: skip
    html = page(client_in(alice), f"/admin/applicants/application/{application.pk}/change/")
    invitations = html.split('data-testid="invitations"', 1)[1].split("</table>", 1)[0]
    assert "<td>Enviado</td>" in invitations and "Reenviar" in invitations and "Fora desta" not in invitations


# --- P-1: what an erasure removes ----------------------------------------------------------------


def test_the_erasure_confirmation_counts_what_it_removes_in_european_portuguese(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    decision = decision_record(applicant=reviewed, decided_by=alice.user, report_id=None, decision="MORE_INFO",
                               reason="Falta um recibo.")  # fmt: skip
    InfoRequest.objects.create(organization=alice.organization, applicant=reviewed, decision=decision,
                               requested_documents=[], token_hash="h" * 64, due_at=timezone.now())  # fmt: skip
    Contest.objects.create(organization=alice.organization, applicant=reviewed, message="Não concordo.")
    html = page(client_in(alice), f"/admin/applicants/applicant/{reviewed.pk}/delete/")
    counts = html.split('data-testid="erasure-counts"', 1)[1].split("</ul>", 1)[0]
    for line in ["Pessoas (dados pessoais e consentimento): 1", "Documentos enviados: 2", "Ficheiros guardados: 2",
                 "Relatórios de análise: 1", "Decisões: 1", "Pedidos de documentos: 1", "Contestações: 1"]:  # fmt: skip
        assert line in counts, line
    for stock in ["Objectos", "items", "retrocede", "Objects"]:
        assert stock not in html, stock
    assert (
        "Tem a certeza de que quer apagar definitivamente" in html and "Sim, apagar" in html and "Não, voltar" in html
    )


def test_a_household_reports_page_shows_its_figures_as_a_table_in_words_not_json(alice: AgencyCredentials) -> None:
    form = made(IntakeFormRequestFactory, organization=alice.organization)
    application = Application.objects.create(organization=alice.organization, form_request=form)
    lead: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.TENANT)
    household = {
        "monthly_cost": "950.00", "household_monthly_income": "3168.67", "dti_ratio": "0.2998",
        "members": [{"applicant_id": str(lead.id), "role": "TENANT", "identity_verified": True,
                     "income_verified": True, "average_monthly_income": "3168.67", "income_share": "1.0000"}],
        "guarantor": None,
    }  # fmt: skip
    report = report_for(lead, application=application, household=household)
    html = page(client_in(alice), f"/admin/screening/screeningreport/{report.pk}/change/")
    table = html.split('data-testid="report-household"', 1)[1].split("</div>", 1)[0]
    for words in ["950,00 €", "3 168,67 €", "29,98 %", "Arrendatário principal", "verificada", "100 %"]:
        assert words in table, words
    assert "&quot;monthly_cost&quot;" not in html and "0.2998" not in html


def test_the_authenticity_blocks_evidence_writes_moments_shares_and_months_as_people_do(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    report = ScreeningReport.objects.get(applicant=reviewed)
    report.authenticity = [
        {"document_id": DOCUMENT_ID, "document_type": "PROOF_OF_INCOME", "description": "o recibo de vencimento de 09/2026",
         "signals": [
             {"code": "PDF_MODIFIED_AFTER_CREATION", "severity": "LOW", "explanation": "O PDF foi modificado.",
              "evidence": {"created": "2026-10-01T10:00:00", "days": 40, "producer": "Writer 7.4"}},
             {"code": "PAYSLIP_SS_ABOVE_RATE", "severity": "MEDIUM", "explanation": "Segurança Social acima.",
              "evidence": {"share": "0.1432"}},
             {"code": "PAYSLIP_PERIODS_NOT_CONSECUTIVE", "severity": "LOW", "explanation": "Meses em falta.",
              "evidence": {"missing_months": ["2026-07", "2026-08"]}},
         ]},
    ]  # fmt: skip
    report.save()
    html = page(client_in(alice), f"/admin/applicants/applicant/{reviewed.pk}/change/")
    # The file's metadata is in UTC: 10:00 UTC on 1 October is 11:00 in Lisbon (summer time).
    block = html.split('data-testid="authenticity"', 1)[1].split("</table>", 1)[0]
    for words in ["criado em: 01/10/2026 11:00", "dias: 40", "produzido por: Writer 7.4", "proporção: 14,32 %",
                  "meses em falta: 07/2026, 08/2026"]:  # fmt: skip
        assert words in block, words
    assert "2026-10-01T10:00:00" not in block and "0.1432" not in block and "2026-07" not in block
