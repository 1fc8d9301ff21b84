"""Blind probe r74c: a foreign pension's date, proofs not counted in staff's words, a co-tenant's refused proof.

- F3: a German pension statement dated under "Datum / Data" read undated and not counted (560 € instead of 1 450 €,
  HIGH instead of LOW), while staff's justification said nothing of it and the applicant was told it did not count.
- F4: a couple at 35 % exactly, the co-tenant's payslips carrying it, rated MEDIUM for the lead's parental allowance,
  refused for what it is: a tenant with no income proven does not by themselves raise the risk (docs/api.md).
- F5: the refusal of an allowance or an enrolment certificate said "um rascunho, uma simulação ou um documento de
  outro tipo" to staff, who may then suspect a forgery.

The letters and figures are written here, in words of their own.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from reportlab.pdfgen import canvas

from applicants.text import fold
from documents.extraction.local import (
    ENROLMENT_CERTIFICATE_REFUSED,
    SALARY_NOT_PAID,
    TEMPORARY_BENEFIT_REFUSED,
    LocalExtractor,
)
from documents.extraction.parsers.pension import ISSUE_LABEL, issue_date, parse_pension
from documents.extraction.reader import Line
from screening.rules.affordability import assess_affordability
from screening.rules.household import assess_household_node, household_report, verify_incomes
from screening.rules.income import refused_as, refused_documents_words, verify_income
from screening.rules.report import generate_report
from tests.unit.test_explanation_refused import failed_proof
from tests.unit.test_rules_household_currency import LEAD, MONTHS, PARTNER, PORTO, THRESHOLDS, TODAY, payslip

PENSIONER = {**LEAD, "income_profile": "PENSIONER"}


def lines_of(text: str) -> list[Line]:
    return [Line(line) for line in text.splitlines() if line.strip()]


# --- F3 (a): a letter's date under its caption, in another language or two ------------------------------------


def rentenbescheid(date_line: str) -> str:
    return f"""Versorgungsanstalt des Bundes und der Länder
Postfach 12 34, 76128 Karlsruhe
Mitteilung über Ihre Betriebsrente / Comunicação da pensão
Geburtsdatum / Data de nascimento 03.02.1954
Hiermit teilen wir mit, dass Herr Duarte Vilaça Amaral eine Betriebsrente bezieht.
{date_line}
Rente brutto / Pensão ilíquida 804,00 EUR
Abzüge / Descontos 74,00 EUR
Auszahlung / Valor líquido 730,00 EUR
Zahlungsdatum / Data de pagamento 30.10.2026
Steuernummer in Portugal / NIF 245718931"""


@pytest.mark.parametrize(
    "date_line",
    [
        "Datum / Data 2026-10-14",
        "Datum / Data: 14.10.2026",
        "Date / Data : 14/10/2026",
        "Fecha / Data 14/10/2026",
        "Datum | Date 14.10.2026",
        "Datum / Data\n14.10.2026",
    ],
)
def test_a_letter_dated_under_its_caption_in_two_languages_is_dated_by_it(date_line: str) -> None:
    assert parse_pension(lines_of(rentenbescheid(date_line))).fields["issue_date"] == dt.date(2026, 10, 14)


def text_pdf(text: str) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    for number, line in enumerate(text.splitlines()):
        pdf.drawString(50, 790 - 18 * number, line)
    pdf.save()
    return buffer.getvalue()


def test_a_pension_pdf_dated_under_a_bilingual_caption_is_extracted_with_its_date() -> None:
    """The whole extraction, from the file's text layer: the statement is read as one, dated, and its amounts kept."""
    result = LocalExtractor().extract(
        text_pdf(rentenbescheid("Datum / Data 2026-10-14")), document_type="PROOF_OF_INCOME"
    )
    fields = result.json_fields()
    assert result.kind.value == "DECLARACAO_PENSAO"
    assert (fields["issue_date"], fields["net_monthly_amount"], fields["pensioner_nif"]) == (
        "2026-10-14",
        730.0,
        "245718931",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Hiermit wird bescheinigt, dass Herr Duarte Vilaça Amaral (Versicherungsnummer 65 030254 A 123) eine Rente",
        "Wir bestätigen, dass Herrn Duarte Vilaça Amaral, geboren am 03.02.1954, eine Betriebsrente gezahlt wird.",
    ],
)
def test_a_german_letter_names_its_pensioner_after_what_it_certifies(sentence: str) -> None:
    letter = rentenbescheid("Datum / Data 2026-10-14").replace(
        "Hiermit teilen wir mit, dass Herr Duarte Vilaça Amaral eine Betriebsrente bezieht.", sentence
    )
    assert parse_pension(lines_of(letter)).fields["pensioner_name"] == "Duarte Vilaça Amaral"


@pytest.mark.parametrize("date_line", ["Datum 14.10.2026", "Date : 14/10/2026", "Fecha: 14/10/2026", "Data 2026-10-14"])
def test_a_letter_dated_under_its_caption_in_one_language_reads_as_before(date_line: str) -> None:
    """Guard: one caption alone was read before the fix, and still is."""
    assert issue_date(lines_of(rentenbescheid(date_line))) == dt.date(2026, 10, 14)


@pytest.mark.parametrize(
    "caption",
    [
        "Geburtsdatum / Data de nascimento 03.02.1954",
        "Datum / Data de nascimento 03.02.1954",
        "Date / Data de nascimento : 03/02/1954",
        "Zahlungsdatum / Data de pagamento 30.10.2026",
        "Datum der Zahlung / Data do pagamento 30.10.2026",
        "Date de paiement / Data de pagamento 30/10/2026",
        "Fecha de nacimiento / Data de nascimento 03/02/1954",
        "Datum von / Data de início 01.01.2026",
    ],
)
def test_a_birth_a_payment_or_a_periods_date_is_no_letters_date(caption: str) -> None:
    assert ISSUE_LABEL.search(fold(caption)) is None


# --- F3 (b): a proof not counted is said in staff's words ------------------------------------------------------


def pension(issued: str | None, *, issuer: str | None, net: float, payments: int) -> dict[str, Any]:
    fields = {"pensioner_nif": PENSIONER["nif"], "pensioner_name": PENSIONER["name"], "issue_date": issued,
              "issuer": issuer, "gross_monthly_amount": net, "deductions": 0.0, "net_monthly_amount": net,
              "payments_per_year": payments, "pension_type": "velhice"}  # fmt: skip
    return {"document_id": f"p-{issuer}-{issued}", "status": "EXTRACTED", "kind": "DECLARACAO_PENSAO",
            "fields": fields, "warnings": []}  # fmt: skip


def single(documents: list[dict[str, Any]], rent: str, who: dict[str, str] = PENSIONER) -> tuple[dict[str, Any], str]:
    state: dict[str, Any] = {"thresholds": THRESHOLDS, "property": {"listing_type": "ARRENDAMENTO", "price": rent},
                             "identity": {"verified": True, "warnings": []},
                             "income": verify_income({"applicant": who, "today": TODAY.isoformat(),
                                                      "documents": documents})}  # fmt: skip
    state["affordability"] = assess_affordability(state)
    return state, str(generate_report(state)["justification"])


HOME_PENSION = pension("2026-11-20", issuer="SEGURANCA_SOCIAL", net=480.0, payments=14)
UNCOUNTED = "Comprovativos de rendimentos enviados e não contados"


def test_a_pension_statement_not_counted_beside_one_counted_is_named_in_staffs_justification() -> None:
    state, report = single([HOME_PENSION, pension(None, issuer=None, net=890.0, payments=12)], "507.50")
    assert state["income"]["verified"] is True
    assert state["income"]["average_monthly_income"] == "560.00"
    assert f"{UNCOUNTED}: 1 declaração de pensão (sem data lida)." in report


def test_every_pension_counted_leaves_nothing_said_as_not_counted() -> None:
    """Guard: two pensions dated and counted (1 450,00 €) say nothing of documents not counted."""
    state, report = single([HOME_PENSION, pension("2026-10-01", issuer=None, net=890.0, payments=12)], "507.50")
    assert state["income"]["average_monthly_income"] == "1450.00"
    assert state["affordability"]["risk_level"] == "LOW"
    assert UNCOUNTED not in report


def test_a_refused_document_beside_an_income_proven_is_named_with_what_it_was_taken_for() -> None:
    """With the income proven no reason names the refused proof; staff are still told of it, as the applicant is."""
    payslips = [payslip(LEAD, m, 1500.0, PORTO) for m in MONTHS]
    state, report = single([*payslips, failed_proof("sim-1", SALARY_NOT_PAID)], "500", who=LEAD)
    assert state["affordability"]["risk_level"] == "LOW"
    assert (
        f"{UNCOUNTED}: 1 documento que é uma simulação ou uma estimativa de vencimento, não um recibo de um mês pago."
        in report
    )


# --- F4 and F5: a co-tenant's refused proof, and what it was taken for -----------------------------------------


def couple(rent: str, lead_documents: list[dict[str, Any]]) -> tuple[dict[str, Any], str, dict[str, Any]]:
    """The lead with ``lead_documents``, the co-tenant 1 500,00 € net a month (x 14 / 12 = 1 750,00 €)."""
    members = [
        {"applicant_id": "lead", "role": "TENANT", "applicant": {**LEAD, "income_profile": ""},
         "documents": lead_documents},
        {"applicant_id": "co", "role": "CO_TENANT", "applicant": PARTNER,
         "documents": [payslip(PARTNER, m, 1500.0, PORTO) for m in MONTHS]},
    ]  # fmt: skip
    state: dict[str, Any] = {"thresholds": THRESHOLDS, "property": {"listing_type": "ARRENDAMENTO", "price": rent},
                             "today": TODAY.isoformat(), "members": members,
                             "identity": {"members": {m["applicant_id"]: {"verified": True, "warnings": []}
                                                     for m in members}}}  # fmt: skip
    state["income"] = verify_incomes(state)
    state["affordability"] = assess_household_node(state)
    return state["affordability"], str(household_report(state)["justification"]), state["income"]["members"]["lead"]


ALLOWANCE = failed_proof("allowance-1", TEMPORARY_BENEFIT_REFUSED)


def test_a_tenants_refused_allowance_does_not_raise_a_household_the_others_income_carries() -> None:
    # 612,50 / 1 750,00 = 0.35, the recommended limit exactly.
    affordability, report, _ = couple("612.50", [ALLOWANCE])
    assert affordability["dti_ratio"] == "0.3500"
    assert affordability["risk_level"] == "LOW"
    assert affordability["reasons"] == []
    assert "Motivos" not in report
    # Still said, whose and what it is.
    assert (
        "Comprovativos de rendimentos enviados e recusados pelo que são, a substituir pelo que o motivo de cada um "
        "indica: arrendatário principal: 1 documento que é de uma prestação temporária da Segurança Social (subsídio "
        "de desemprego, de doença ou parental)." in report
    )


def test_a_tenants_refused_proof_is_a_reason_while_the_others_income_is_not_enough() -> None:
    """Guard: above the recommended limit (650 / 1 750,00 = 0.3714) the refusal stays among the reasons."""
    affordability, _, _ = couple("650", [ALLOWANCE])
    assert affordability["risk_level"] == "MEDIUM"
    assert affordability["reasons"] == ["dti_above_medium", "income_documents_refused"]


def test_a_tenants_unreadable_file_still_raises_the_household() -> None:
    """Guard: a file that could not be read may be the income the household needs: kept as a reason."""
    affordability, _, _ = couple("612.50", [failed_proof("blurred-1")])
    assert affordability["risk_level"] == "MEDIUM"
    assert affordability["reasons"] == ["income_documents_unreadable"]


def test_a_refused_proof_is_said_as_what_it_was_taken_for_in_the_reasons_and_the_profile_check() -> None:
    _, report, lead = couple("650", [failed_proof("enrolment-1", ENROLMENT_CERTIFICATE_REFUSED)])
    assert "um rascunho, uma simulação" not in report
    reasons = report.split("Motivos: ")[1]
    assert (
        "arrendatário principal: há comprovativos de rendimentos enviados que não foram contados por terem sido "
        "recusados pelo que são, 1 documento que é um certificado de matrícula ou de inscrição: pedir o documento que "
        "o motivo de cada um indica, não o mesmo de novo" in reasons
    )
    profile = next(c for c in lead["checks"] if c["name"] == "income.profile_documents")
    assert "um rascunho, uma simulação" not in profile["evidence"]
    assert profile["evidence"].endswith(
        "Enviados e recusados pelo que são, a substituir pelo que o motivo de cada um indica: 1 documento que é um "
        "certificado de matrícula ou de inscrição."
    )


def test_two_refused_proofs_of_one_kind_and_one_of_another_are_counted_by_what_they_are() -> None:
    _, report, _ = couple("650", [ALLOWANCE, failed_proof("allowance-2", TEMPORARY_BENEFIT_REFUSED),
                                  failed_proof("sim-1", SALARY_NOT_PAID)])  # fmt: skip
    assert (
        "arrendatário principal: 2 documentos, cada um deles de uma prestação temporária da Segurança Social (subsídio de "
        "desemprego, de doença ou parental) e 1 documento que é uma simulação ou uma estimativa de vencimento, não um "
        "recibo de um mês pago." in report
    )


@pytest.mark.parametrize(
    ("reason", "taken_for"),
    [
        (ENROLMENT_CERTIFICATE_REFUSED, "que é um certificado de matrícula ou de inscrição"),
        (SALARY_NOT_PAID, "que é uma simulação ou uma estimativa de vencimento, não um recibo de um mês pago"),
        ("Documento não reconhecido como comprovativo de rendimentos: envie ...", "não reconhecido como comprovativo "
         "de rendimentos"),
    ],
)  # fmt: skip
def test_what_a_refused_document_was_taken_for_is_its_reasons_first_clause(reason: str, taken_for: str) -> None:
    assert refused_as(reason) == taken_for


def test_documents_refused_before_2026_12_07_are_counted_in_the_plural() -> None:
    old_words = "Documento não reconhecido como comprovativo de rendimentos: envie ..."
    assert refused_documents_words([old_words, old_words]) == (
        "2 documentos não reconhecidos como comprovativo de rendimentos"
    )
