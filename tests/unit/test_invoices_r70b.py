"""Faturas-recibo in time (blind probe r70b): one dated after the screening's day is kept, not counted, stated as
dated in the future and signalled; the newest one counted months before the screening is stated."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.schema import DocumentKind
from documents.extraction.validation import PAYSLIP_ISSUED_AHEAD, fields_revalidate
from screening.explanation import applicant_explanation, outcome_changes
from screening.rules.authenticity import content_signals
from screening.rules.income import INVOICE_DATED_AHEAD, verify_income
from screening.rules.report import REASON_TEXT
from tests.unit.test_explanation import agency, by_kind, form_for, person, screened
from tests.unit.test_rules import NIF, id_document, screen

SCREENED_ON = dt.date(2026, 12, 7)


def invoice(issued: str, base: float = 2000.0, number: str | None = None) -> dict[str, Any]:
    fields = {"issuer_nif": NIF, "issue_date": issued, "base_amount": base, "vat_amount": 0.0, "irs_withholding": 0.0,
              "amount_received": base, "invoice_number": number or f"FR ATSIRE01FR/{issued.replace('-', '')}"}  # fmt: skip
    return {"document_id": f"fr-{issued}", "status": "EXTRACTED", "kind": "FATURA_RECIBO", "fields": fields,
            "warnings": []}  # fmt: skip


def monthly(year: int, months: range | list[int], base: float = 2000.0) -> list[dict[str, Any]]:
    return [invoice(f"{year}-{month:02d}-28", base) for month in months]


def income(documents: list[dict[str, Any]], *, today: dt.date = SCREENED_ON) -> dict[str, Any]:
    applicant = {
        "nif": NIF,
        "name": "Maria João Santos",
        "date_of_birth": "1990-06-15",
        "income_profile": "INDEPENDENT",
    }
    return verify_income({"applicant": applicant, "today": today.isoformat(), "documents": documents})


def named(result: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [c for c in result["checks"] if c["name"] == name]


def extraction_warnings(issued: dt.date) -> tuple[dict[str, Any], list[str]]:
    fields: dict[str, Any] = {
        "issuer_nif": NIF,
        "issue_date": issued,
        "base_amount": Decimal("2000.00"),
        "amount_received": Decimal("2000.00"),
    }
    warnings = fields_revalidate(DocumentKind.FATURA_RECIBO, fields, document_type="PROOF_OF_INCOME", today=SCREENED_ON)
    return fields, warnings


# --- R70B-3: dated after the screening's day ---------------------------------------------------------


def test_the_extraction_keeps_a_fatura_recibos_date_still_to_come() -> None:
    fields, warnings = extraction_warnings(dt.date(2026, 12, 28))
    assert fields["issue_date"] == dt.date(2026, 12, 28)
    assert "issue_date_implausible" not in warnings and "missing:issue_date" not in warnings


def test_the_extraction_still_withholds_a_year_beyond_the_next_and_a_date_before_2000() -> None:
    # Guards: a misread year ("2028" on a page of 2026) and an impossible past, as before.
    for misread in (dt.date(2028, 1, 5), dt.date(1999, 12, 31)):
        fields, warnings = extraction_warnings(misread)
        assert fields["issue_date"] is None
        assert "issue_date_implausible" in warnings and "missing:issue_date" in warnings
    fields, warnings = extraction_warnings(dt.date(2026, 11, 28))
    assert fields["issue_date"] == dt.date(2026, 11, 28) and warnings == []


def test_a_fatura_recibo_dated_after_the_screening_is_not_counted_and_said_to_be_dated_in_the_future() -> None:
    result = income([*monthly(2026, range(7, 12)), invoice("2026-12-28")])
    (future,) = named(result, "income.invoice_not_future")
    assert not future["passed"] and future["document_id"] == "fr-2026-12-28"
    assert future["evidence"].startswith("Fatura-recibo 28/12/2026: com data posterior ao dia da análise (07/12/2026)")
    assert future["value"] == "2026-12-28"
    # Neither an unread date nor one too old.
    assert not any("data não lida" in c["evidence"] for c in result["checks"])
    assert not any(c["document_id"] == "fr-2026-12-28" for c in named(result, "income.invoice_recent"))
    assert result["months"] == ["2026-11", "2026-10", "2026-09", "2026-08", "2026-07"]
    (profile,) = named(result, "income.profile_documents")
    assert "Enviados mas não contados: 1 fatura-recibo (com data ainda por vir)." in profile["evidence"]
    assert "fora do período pedido" not in profile["evidence"]


def test_a_date_within_the_payslips_tolerance_ahead_counts_and_raises_nothing() -> None:
    assert INVOICE_DATED_AHEAD == PAYSLIP_ISSUED_AHEAD
    ahead = SCREENED_ON + INVOICE_DATED_AHEAD
    result = income([*monthly(2026, range(6, 12)), invoice(ahead.isoformat())])
    assert not named(result, "income.invoice_not_future")
    assert result["months"][0] == "2026-12"
    assert content_signals([invoice(ahead.isoformat())], today=SCREENED_ON) == {}


def test_a_date_past_the_tolerance_raises_issue_date_in_future_high() -> None:
    past_tolerance = (SCREENED_ON + INVOICE_DATED_AHEAD + dt.timedelta(days=1)).isoformat()
    found = content_signals([invoice(past_tolerance), invoice("2026-12-28")], today=SCREENED_ON)
    for document_id in (f"fr-{past_tolerance}", "fr-2026-12-28"):
        (signal,) = found[document_id]
        assert signal["code"] == "ISSUE_DATE_IN_FUTURE" and signal["severity"] == "HIGH"
    assert found["fr-2026-12-28"][0]["evidence"] == {"issue_date": "2026-12-28"}


def test_the_whole_screening_of_a_future_fatura_recibo_raises_authenticity_and_names_it_by_its_date() -> None:
    # tests.unit.test_rules screens on 2026-11-23.
    result = screen([id_document(), *monthly(2026, range(5, 11)), invoice("2026-12-28")], price="450")
    (section,) = [s for s in result["income"]["authenticity"] if s["document_id"] == "fr-2026-12-28"]
    assert section["description"] == "a fatura-recibo de 28/12/2026" and section["raises"]
    assert "authenticity_concern" in result["affordability"]["reasons"]
    assert result["affordability"]["risk_level"] == "MEDIUM"


def test_the_applicant_is_told_of_a_fatura_recibo_dated_in_the_future_not_of_one_too_old() -> None:
    form = form_for(agency())
    # Screened on 2026-11-23 (tests.unit.test_explanation): June to November counted, one dated 20/12/2026.
    invoices = [invoice(f"2026-{month:02d}-20", 3000.0) for month in range(6, 12)]
    maria = person(form, income=None, extra=(*invoices, invoice("2026-12-20", 3000.0)))
    _, report = screened(form, maria)
    text = applicant_explanation(applicant=maria.applicant, report=report)["checks"][1]["text"]
    assert "uma fatura-recibo com data futura (posterior à da análise)" in text
    assert "demasiado antiga" not in text and "não foi possível ler" not in text


# --- R70B-4: the newest fatura-recibo's age ------------------------------------------------------------


def test_the_newest_fatura_recibo_months_old_is_stated_and_raises_the_risk() -> None:
    result = income(monthly(2026, range(1, 7), 1980.0))
    (latest,) = named(result, "income.invoice_latest")
    assert not latest["passed"]
    assert latest["value"] == "2026-06" and latest["expected"] == ">= 2026-10"
    assert latest["evidence"] == (
        "A fatura-recibo mais recente é de 28/06/2026: nenhuma nos 5 meses seguintes (07/2026 a 11/2026), que contam "
        "na média como meses sem rendimento, e a atividade pode ter parado. Peça a última fatura-recibo."
    )
    assert "latest_invoice_old" in result["warnings"]
    assert "latest_invoice_old" in REASON_TEXT
    # The months still count, over January to November (the product's average, docs/api.md).
    assert result["verified"] and result["average_monthly_income"] == "1080.00"


def test_a_recent_newest_fatura_recibo_is_not_stated() -> None:
    # Guards: November's and October's on 7 December are as recent as the payslips' rule asks.
    for months in (range(6, 12), range(5, 11)):
        result = income(monthly(2026, months))
        assert not named(result, "income.invoice_latest") and "latest_invoice_old" not in result["warnings"]


def test_the_applicant_with_an_old_newest_fatura_recibo_is_told_and_asked_for_the_latest() -> None:
    form = form_for(agency())
    # Screened on 2026-11-23: January to June, 6 x 4000 over January..October = 2 400,00 €, 700 / 2400 within limits.
    maria = person(form, income=None, extra=tuple(invoice(f"2026-{m:02d}-20", 4000.0) for m in range(1, 7)))
    _, report = screened(form, maria)
    explanation = applicant_explanation(applicant=maria.applicant, report=report)
    changes = by_kind(outcome_changes(applicant=maria.applicant, report=report))

    assert report.risk_level == "MEDIUM"
    assert changes["latest_invoice"].reaches == "LOW"
    assert "A fatura-recibo mais recente que enviou é de junho de 2026" in explanation["checks"][1]["text"]
    assert explanation["what_would_change"][0].startswith("Com a sua fatura-recibo mais recente enviada à agência")
