"""Blind probe r76b, N1: an independent worker's average could not be redone by hand. Each fatura-recibo's check showed
only the amount received (base + VAT - IRS, 1 200,00 € on an invoice that counts 924,00 €) and the method only the
total ("6 545,00 € em 10 meses"). Each invoice's arithmetic check now says what it gives the average and from which
figures, so the method's total is the sum of what the checks say. Figures of our own."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from screening.rules import verify_income
from tests.unit.test_rules import NIF

APPLICANT = {"nif": NIF, "name": "Maria João Santos", "date_of_birth": "1990-06-15"}
# (month, base, IRS withheld): bases that differ, so each invoice's share is its own.
INVOICES = [(6, 1200, 276), (7, 1500, 345), (8, 600, 138), (9, 1000, 230), (10, 1350, 310.5), (11, 900, 207)]
GIVES = re.compile(r"dá ([\d ]+,\d{2}) € de rendimento: base ([\d ]+,\d{2}) € - retenção de IRS ([\d ]+,\d{2}) €")


def invoice(month: int, base: float, withheld: float, *, adds_up: bool = True) -> dict[str, Any]:
    vat = round(base * 0.23, 2)
    received = round(base + vat - withheld, 2) + (0 if adds_up else 100)
    fields = {"issuer_nif": NIF, "issue_date": f"2026-{month:02d}-20", "base_amount": base, "vat_amount": vat,
              "irs_withholding": withheld, "amount_received": received, "invoice_number": f"FR A/{month}"}  # fmt: skip
    return {"document_id": f"fr-{month}", "status": "EXTRACTED", "kind": "FATURA_RECIBO", "fields": fields,
            "warnings": [] if adds_up else ["arithmetic_mismatch"], "method": "text"}  # fmt: skip


def decimal_of(printed: str) -> Decimal:
    return Decimal(printed.replace(" ", "").replace(",", "."))


def arithmetic_evidence(income: dict[str, Any]) -> list[str]:
    return [c["evidence"] for c in income["checks"] if c["name"] == "income.invoice_arithmetic"]


def test_each_invoice_says_what_it_gives_and_the_method_s_total_is_their_sum() -> None:
    documents = [invoice(*row) for row in INVOICES]
    income = verify_income({"applicant": APPLICANT, "today": "2026-12-07", "documents": documents})
    shares = [GIVES.search(evidence) for evidence in arithmetic_evidence(income)]
    assert all(shares), arithmetic_evidence(income)
    assert "dá 924,00 € de rendimento: base 1 200,00 € - retenção de IRS 276,00 €" in arithmetic_evidence(income)[0]
    for share in shares:
        assert share is not None
        assert decimal_of(share[1]) == decimal_of(share[2]) - decimal_of(share[3])
    total = sum((decimal_of(share[1]) for share in shares if share), Decimal(0))
    assert total == Decimal("5043.50")
    assert "5 043,50 € em 6 meses" in income["method"]


def test_an_invoice_that_does_not_add_up_gives_nothing_said() -> None:
    """Guard: an invoice not counted for its figures is not said to give the average anything."""
    documents = [invoice(6, 1200, 276, adds_up=False)]
    income = verify_income({"applicant": APPLICANT, "today": "2026-12-07", "documents": documents})
    (evidence,) = arithmetic_evidence(income)
    assert evidence == "Fatura-recibo 20/06/2026: base + IVA - retenção diferente da importância recebida."
