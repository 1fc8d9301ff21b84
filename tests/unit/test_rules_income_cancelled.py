"""A fatura-recibo the extraction flags ``document_cancelled`` (an "ANULADO" stamp, "Documento anulado em ...") is
not income: its check fails with the reason, the others still count, and the risk lists it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from screening.rules.income import verify_income

TODAY = dt.date(2026, 11, 23)
NIF = "245718931"


def invoice(month: int, base: float, warnings: list[str] | None = None) -> dict[str, Any]:
    fields = {"issuer_nif": NIF, "issue_date": f"2026-{month:02d}-20", "base_amount": base, "vat_amount": 0.0,
              "irs_withholding": 0.0, "amount_received": base, "invoice_number": f"FR A/{month}"}  # fmt: skip
    return {"document_id": f"fr-{month}", "status": "EXTRACTED", "kind": "FATURA_RECIBO", "fields": fields,
            "warnings": warnings or []}  # fmt: skip


def income(documents: list[dict[str, Any]]) -> dict[str, Any]:
    applicant = {
        "nif": NIF,
        "name": "Maria João Santos",
        "date_of_birth": "1970-01-01",
        "income_profile": "INDEPENDENT",
    }
    return verify_income({"applicant": applicant, "today": TODAY.isoformat(), "documents": documents})


def test_a_cancelled_invoice_is_not_counted_and_says_why() -> None:
    documents = [invoice(month, 1000.0) for month in range(5, 11)] + [invoice(11, 9000.0, ["document_cancelled"])]
    result = income(documents)
    cancelled = next(c for c in result["checks"] if c["name"] == "income.invoice_in_force" and not c["passed"])
    assert cancelled["document_id"] == "fr-11"
    assert "anulada" in cancelled["evidence"]
    assert "2026-11" not in result["months"]
    # 6 000 over May..October; the cancelled 9 000 of November would have made it 2 142,86 over seven months.
    assert Decimal(result["average_monthly_income"]) == Decimal("1000.00")
    assert "document_cancelled" in result["warnings"]


def test_invoices_in_force_pass_the_check() -> None:
    result = income([invoice(month, 1000.0) for month in range(5, 11)])
    assert all(c["passed"] for c in result["checks"] if c["name"] == "income.invoice_in_force")
    assert "document_cancelled" not in result["warnings"]


def test_a_one_off_acts_invoice_is_shown_and_not_averaged_as_a_month() -> None:
    """An "ato isolado" (round 23: read as an ordinary fatura-recibo) is income that happened once: averaged in,
    a single 9 000 € job would have raised the monthly income of six months of work."""
    documents = [invoice(month, 1000.0) for month in range(5, 11)] + [invoice(11, 9000.0, ["one_off_act"])]
    result = income(documents)
    one_off = next(c for c in result["checks"] if c["name"] == "income.invoice_recurring" and not c["passed"])
    assert one_off["document_id"] == "fr-11"
    assert "ato isolado" in one_off["evidence"]
    assert Decimal(result["average_monthly_income"]) == Decimal("1000.00")
    assert "one_off_act" in result["warnings"]


def test_a_fatura_with_no_receipt_is_not_counted_and_says_why() -> None:
    """A "Fatura" (type FT) bills a service; its "Total a pagar" was read as the amount received and counted (doc
    probe 32). Flagged ``invoice_not_receipt`` by the extraction, it is stated and left out, as a cancelled one is."""
    documents = [invoice(month, 1000.0) for month in range(5, 11)] + [invoice(11, 9000.0, ["invoice_not_receipt"])]
    result = income(documents)
    unpaid = next(c for c in result["checks"] if c["name"] == "income.invoice_paid")
    assert (unpaid["passed"], unpaid["document_id"]) == (False, "fr-11")
    assert "sem recibo" in unpaid["evidence"]
    assert "2026-11" not in result["months"]
    assert Decimal(result["average_monthly_income"]) == Decimal("1000.00")
    assert "invoice_not_receipt" in result["warnings"]
    assert not [c for c in income(documents[:6])["checks"] if c["name"] == "income.invoice_paid"]
