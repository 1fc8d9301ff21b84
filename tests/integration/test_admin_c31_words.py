"""The admin in European Portuguese and in English (blind probe C31, F6 F7 F8 F10): the staff member's language on
every column, filter, value and message; the report's codes as words and its numbers as people write them; creating a
form with the API's default expiry; Django's stock Brazilian or wrong strings overridden."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone, translation

from applicants.models import Applicant, Application, IntakeFormRequest
from applicants.services import AgencyCredentials, decision_record
from screening.models import ScreeningReport
from screening.services import screen_applicant
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from workspace.report_pdf import report_pdf_view

pytestmark = pytest.mark.django_db

CHECKS = [
    {"name": "affordability.dti", "passed": False, "evidence": "Taxa de esforço acima do limite.",
     "field": "dti_ratio", "value": 0.6688, "expected": "<= 0.400"},
    {"name": "identity.birth_date_match", "passed": True, "evidence": "Data de nascimento coincide.",
     "field": "date_of_birth", "value": "1988-03-14", "expected": "1988-03-14"},
    {"name": "income.payslip_arithmetic", "passed": True, "evidence": "Ilíquido menos descontos igual ao líquido.",
     "field": "net_pay", "value": 1538.0},
    {"name": "identity.not_expired", "passed": True, "evidence": "Válido.",
     "field": "expiry_date", "value": "2031-01-01", "expected": ">= 2026-12-05"},
]  # fmt: skip
AUTHENTICITY = [
    {"document_id": "0d3c6e0f-1111-4222-8333-444455556666", "document_type": "RECIBO_VENCIMENTO",
     "description": "o recibo de vencimento de 10/2026",
     "signals": [{"code": "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD", "severity": "MEDIUM",
                  "explanation": "Os mesmos valores que o recibo de outro mês.", "evidence": {}}]},
]  # fmt: skip


def client_in(credentials: AgencyCredentials, language: str) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(credentials.user)
    return client


@pytest.fixture
def reviewed(alice: AgencyCredentials) -> Applicant:
    applicant: Applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    screen_applicant(applicant_id=applicant.id)
    report = applicant.reports.get()
    report.checks, report.authenticity, report.dti_ratio = CHECKS, AUTHENTICITY, Decimal("0.6688")
    report.save()
    decision_record(
        applicant=applicant, decided_by=alice.user, report_id=None, decision="REJECTED", reason="Sem rendimento."
    )
    return applicant


def page(client: Client, url: str, **params: Any) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_review_page_names_checks_in_words_and_writes_values_as_people_do(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    html = page(client_in(alice, "pt-pt"), f"/admin/applicants/applicant/{reviewed.pk}/change/")
    for words in ["Taxa de esforço", "Data de nascimento igual à indicada", "Contas do recibo de vencimento",
                  "<td>66,88 %</td>", "<td>40 % ou menos</td>", "<td>14/03/1988</td>", "<td>1 538,00 €</td>",
                  "<td>05/12/2026 ou depois</td>", "✔ passou", "✘ falhou"]:  # fmt: skip
        assert words in html, words
    for code in [">affordability.dti<", ">identity.birth_date_match<", "0.6688", "&lt;= 0.400", "1988-03-14", "1538.0"]:
        assert code not in html, code


def test_the_report_detail_shows_its_checks_and_authenticity_as_tables_not_json(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    report = ScreeningReport.objects.get(applicant=reviewed)
    html = page(client_in(alice, "pt-pt"), f"/admin/screening/screeningreport/{report.pk}/change/")
    assert 'data-testid="report-checks"' in html and 'data-testid="report-authenticity"' in html
    assert "Taxa de esforço" in html and "66,88 %" in html and "O recibo de vencimento de 10/2026" not in html
    assert "o recibo de vencimento de 10/2026" in html and "<td>Médio</td>" in html
    assert "[{" not in html and "&quot;name&quot;" not in html and "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD" not in html
    listing = page(client_in(alice, "pt-pt"), "/admin/screening/screeningreport/")
    assert "66,88 %" in listing and "0,6688" not in listing and "regras" in listing


def test_the_english_admin_speaks_english_on_lists_filters_values_review_and_messages(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    client = client_in(alice, "en")
    listing = page(client, "/admin/applicants/applicant/")
    for words in ["Risk level", "Decision", "Property", "No decision", "Rejected", "Comment to answer",
                  "NIF, name (whole words: “Ana Ferreira”), short id or property title", "Run the screening again"]:  # fmt: skip
        assert words in listing, words
    for portuguese in ["Nível de risco", "Sem decisão", "Rejeitado", "Imóvel", "Reprocessar a análise"]:
        assert portuguese not in listing, portuguese
    review = page(client, f"/admin/applicants/applicant/{reviewed.pk}/change/")
    for words in ["Screening report", "Checks and evidence", "Affordability ratio", "Date of birth matches",
                  "Record the decision", "Approved", "Ask for more documents", "Authenticity of the documents",
                  "Medium", "✘ failed"]:  # fmt: skip
        assert words in review, words
    for portuguese in ["Relatório de análise", "Registar decisão", "Aprovado", "Verificações e evidência", "passou"]:
        assert portuguese not in review, portuguese
    decided = client.post(
        f"/admin/applicants/applicant/{reviewed.pk}/decide/", {"decision": "APPROVED", "reason": "ok"}, follow=True
    )
    assert "Decision recorded: Approved." in decided.content.decode()
    audit = page(client, "/admin/applicants/auditevent/")
    assert "Decision recorded" in audit and "Decisão registada" not in audit


def test_the_portuguese_admin_stays_european_portuguese(alice: AgencyCredentials, reviewed: Applicant) -> None:
    client = client_in(alice, "pt-pt")
    listing = page(client, "/admin/applicants/applicant/")
    assert "Sem decisão" in listing and "Rejeitado" in listing and "No decision" not in listing
    decided = client.post(
        f"/admin/applicants/applicant/{reviewed.pk}/decide/", {"decision": "APPROVED", "reason": "ok"}, follow=True
    )
    assert "Decisão registada: Aprovado." in decided.content.decode()


def test_dates_are_written_dd_mm_yyyy_hh_mm_in_both_languages(alice: AgencyCredentials, reviewed: Applicant) -> None:
    created = timezone.localtime(reviewed.created_at)
    for language in ["pt-pt", "en"]:
        html = page(client_in(alice, language), "/admin/applicants/applicant/")
        assert created.strftime("%d/%m/%Y %H:%M") in html, language
        assert " p.m." not in html and " a.m." not in html


def test_forms_list_their_status_as_a_label_and_their_price_in_euros(alice: AgencyCredentials) -> None:
    IntakeFormRequestFactory(organization=alice.organization, property_price=Decimal("1200"))
    html = page(client_in(alice, "pt-pt"), "/admin/applicants/intakeformrequest/")
    assert "Pendente" in html and ">PENDING<" not in html
    assert "1 200,00 €" in html


def test_a_new_form_expires_by_default_as_through_the_api_and_today_is_accepted(alice: AgencyCredentials) -> None:
    client = client_in(alice, "pt-pt")
    html = page(client, "/admin/applicants/intakeformrequest/add/")
    default = timezone.localdate() + dt.timedelta(days=settings.INTAKE_DEFAULT_EXPIRY_DAYS)
    # Day first, as the agency writes dates (blind probe r69a, I-9: "2026-12-21"); ISO is still read (below).
    assert f'value="{default:%d/%m/%Y}"' in html
    assert "Renda mensal ou preço de venda (€)" in html
    form = {"listing_type": "ARRENDAMENTO", "property_type": "MORADIA", "property_title": "T2 Hoje"}
    # The "Hoje" shortcut: today, which ends at midnight (a date and "Agora" gave the present moment, refused).
    response = client.post(
        "/admin/applicants/intakeformrequest/add/",
        {**form, "property_price": "950", "expires_at": f"{timezone.localdate():%d/%m/%Y}"},
    )
    assert response.status_code == 302
    created = IntakeFormRequest.objects.get(property_title="T2 Hoje")
    assert created.expires_at > timezone.now()
    refused = client.post(
        "/admin/applicants/intakeformrequest/add/",
        {**form, "property_title": "T2 Zero", "property_price": "0", "expires_at": default.isoformat()},
    ).content.decode()
    assert "Indique um valor de pelo menos 0,01 €." in refused and "Garanta" not in refused


def test_stock_wording_is_european_portuguese(alice: AgencyCredentials, reviewed: Applicant) -> None:
    client = client_in(alice, "pt-pt")
    history = page(client, f"/admin/applicants/applicant/{reviewed.pk}/history/")
    assert "Histórico" in history and "História" not in history
    index = page(client, "/admin/")
    assert "Administração do Django" not in index and "Candidaturas · área da agência" in index
    application = Application.objects.create(organization=alice.organization, form_request=reviewed.form_request)
    response = client.post(
        f"/admin/applicants/application/{application.pk}/invite/",
        {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@"},
        follow=True,
    )
    # The error names its field (it said "Indique o papel, o nome ... e um e-mail válido." for any mistake).
    assert "O convite não foi enviado. E-mail: Indique um e-mail válido." in response.content.decode()


def test_the_application_pipeline_and_audit_pages_follow_the_language(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    application = Application.objects.create(organization=alice.organization, form_request=reviewed.form_request)
    Applicant.objects.filter(pk=reviewed.pk).update(application=application)
    english = client_in(alice, "en")
    household = page(english, f"/admin/applicants/application/{application.pk}/change/")
    assert "People in the application" in household and "Lead tenant" in household and "Invite a person" in household
    assert "Pessoas da candidatura" not in household and "Arrendatário principal" not in household
    portuguese = page(client_in(alice, "pt-pt"), f"/admin/applicants/application/{application.pk}/change/")
    assert "Pessoas da candidatura" in portuguese and "Arrendatário principal" in portuguese
    pipeline = page(client_in(alice, "pt-pt"), "/admin/applicants/applicant/pipeline/")
    assert "Concluído" in pipeline and ">COMPLETED<" not in pipeline
    assert "Completed" in page(english, "/admin/applicants/applicant/pipeline/")
    audit = page(client_in(alice, "pt-pt"), "/admin/applicants/auditevent/")
    assert "Decisão registada" in audit and ">applicant<" not in audit and ">candidato<" in audit


def test_the_pdf_writes_the_authenticity_table_and_check_values_in_words(
    alice: AgencyCredentials, reviewed: Applicant
) -> None:
    report = ScreeningReport.objects.get(applicant=reviewed)
    # In English, the PDF stays in European Portuguese (it is printed and passed on).
    with translation.override("en"):
        view = report_pdf_view(applicant=reviewed, report=report, can_view_pii=True)
    rows = {row["document"]: row["severity"] for row in view["authenticity"]}
    assert rows == {f"O recibo de vencimento de 10/2026 ({AUTHENTICITY[0]['document_id'][:8]})": "Médio"}
    checks = {check["code"]: check for section in view["sections"] for check in section["checks"]}
    dti = checks["affordability.dti"]
    assert (dti["name"], dti["value"], dti["expected"]) == ("Taxa de esforço", "66,88 %", "40 % ou menos")
