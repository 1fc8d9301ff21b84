"""A fatura-recibo read off a photo or a scan whose figures do not add up (blind probe r75a, D2): the report said "uma
fatura-recibo tem valores que não batem certo" and the applicant "uma fatura-recibo com valores que não batem certo"
of an invoice that adds up on the Portal, whose reading failed, and "what would change" was empty though that
invoice's month alone, counted, made the report LOW. Now the invoice is named by its number and date, a sharper photo
or the Portal's PDF asked for, and its month named as what would change the outcome."""

from __future__ import annotations

from typing import Any

from screening.explanation import EN, applicant_explanation
from screening.rules import verify_income
from screening.rules.report import reason_words
from tests.unit.test_explanation import agency, form_for, person, screened
from tests.unit.test_rules import NIF

# What the evidence asks of an invoice read off a photo or a scan.
INVOICE_MISREAD = (
    "lida de uma fotografia ou digitalização: peça uma fotografia mais nítida ou o PDF do Portal das Finanças"
)
APPLICANT = {"nif": NIF, "name": "Maria João Santos", "date_of_birth": "1990-06-15"}
# June to November 2026, each 1.500,00 less 375,00 withheld: 1.125,00 kept a month.
MONTHS = range(6, 12)


def invoice(month: int, *, method: str = "text", adds_up: bool = True) -> dict[str, Any]:
    fields = {"issuer_nif": NIF, "issue_date": f"2026-{month:02d}-20", "base_amount": 1500.0, "vat_amount": 0.0,
              "irs_withholding": 375.0, "amount_received": 1125.0 if adds_up else 4125.0,
              "invoice_number": f"FR A/{month}"}  # fmt: skip
    return {"document_id": f"fr-{month}", "status": "EXTRACTED", "kind": "FATURA_RECIBO", "fields": fields,
            "warnings": [] if adds_up else ["arithmetic_mismatch"], "method": method}  # fmt: skip


def invoices(*, misread: int = 7, method: str = "ocr") -> list[dict[str, Any]]:
    return [invoice(month, method=method, adds_up=month != misread) for month in MONTHS]


def arithmetic_check(income: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in income["checks"] if c["name"] == "income.invoice_arithmetic" and not c["passed"])


def test_an_invoice_read_off_a_photo_that_does_not_add_up_is_named_and_asked_again() -> None:
    income = verify_income({"applicant": APPLICANT, "today": "2026-12-07", "documents": invoices()})
    evidence = arithmetic_check(income)["evidence"]
    assert evidence.startswith("Fatura-recibo FR A/7 de 20/07/2026: ")
    assert INVOICE_MISREAD in evidence
    reason = reason_words("arithmetic_mismatch", {}, income)
    assert reason.startswith("a fatura-recibo FR A/7 de 20/07/2026, lida de uma fotografia ou digitalização")
    assert "o PDF do Portal das Finanças" in reason
    assert "uma fatura-recibo tem valores que não batem certo" not in reason
    profile = next(c for c in income["checks"] if c["name"] == "income.profile_documents")
    assert (
        "1 fatura-recibo (lida de uma fotografia ou digitalização com contas que não batem certo)"
        in profile["evidence"]
    )


def test_a_text_layers_invoice_that_does_not_add_up_is_said_as_before() -> None:
    """Guard: a PDF's figures are as printed; the invoice does not add up, and is said so."""
    income = verify_income({"applicant": APPLICANT, "today": "2026-12-07", "documents": invoices(method="text")})
    assert INVOICE_MISREAD not in arithmetic_check(income)["evidence"]
    assert reason_words("arithmetic_mismatch", {}, income).startswith("uma fatura-recibo tem valores que não batem")


def screened_with(documents: list[dict[str, Any]]) -> dict[str, Any]:
    # A rent of 350 €: 1.125,00 a month is LOW; the five months counted over six, 937,50, are above 35 %: MEDIUM.
    form = form_for(agency(), price="350")
    maria = person(form, income=None, extra=tuple(documents))
    _, report = screened(form, maria)
    assert report.risk_level == "MEDIUM"
    return {
        "pt": applicant_explanation(applicant=maria.applicant, report=report),
        "en": applicant_explanation(applicant=maria.applicant, report=report, language="en"),
    }


def test_the_applicant_is_told_which_invoice_to_send_again_and_that_its_month_would_change_the_outcome() -> None:
    explanations = screened_with(invoices())
    income = next(c["text"] for c in explanations["pt"]["checks"] if c["name"] == "income")
    assert "a fatura-recibo FR A/7 de 20/07/2026, cujos valores não se conseguiram ler bem" in income
    assert "com valores que não batem certo" not in income
    changes = explanations["pt"]["what_would_change"]
    assert any("a fatura-recibo de julho de 2026 enviada de novo de forma legível" in change for change in changes)
    english = explanations["en"]["what_would_change"]
    assert any("the invoice-receipt of July 2026 sent again" in change for change in english)
    assert EN.invoice_misread("FR A/7", "20/07/2026").startswith("the invoice-receipt FR A/7 of 20/07/2026")


def test_a_misread_month_outside_those_counted_is_not_offered() -> None:
    """Guard: a month before the first counted would spread the average over more months; not offered."""
    explanations = screened_with(invoices(misread=6))
    assert not any("enviada de novo" in change for change in explanations["pt"]["what_would_change"])
