"""A PDF holding several months' faturas-recibo is read as its latest, flagged ``multiple_invoices`` (the blind
probe of round 21 found only the first read, silently): the report says the other months were not read and
must each be sent on their own."""

from __future__ import annotations

import datetime as dt

from screening.rules.income import invoice_checks

TODAY = dt.date(2026, 12, 3)
APPLICANT = {"nif": "245718931", "name": "Inês Carvalhal Rebelo"}


def invoice(warnings: list[str]) -> dict[str, object]:
    return {
        "document_id": "d1",
        "kind": "FATURA_RECIBO",
        "status": "EXTRACTED",
        "fields": {
            "issuer_nif": "245718931",
            "issue_date": "2026-10-30",
            "base_amount": "1200.00",
            "irs_withholding": "276.00",
            "amount_received": "924.00",
        },
        "warnings": warnings,
    }


def test_a_file_of_several_invoices_says_only_the_latest_was_read() -> None:
    checks = invoice_checks(invoice(["multiple_invoices"]), APPLICANT, today=TODAY)
    assert all(c["passed"] for c in checks)
    assert "só a mais recente foi lida: envie cada uma à parte" in checks[-1]["evidence"]


def test_guard_one_invoice_says_nothing_of_others() -> None:
    """The guard (passes before and after): a file of one invoice carries no such sentence."""
    checks = invoice_checks(invoice([]), APPLICANT, today=TODAY)
    assert not any("mais de uma fatura-recibo" in c["evidence"] for c in checks)
