"""A fatura-recibo read off its text layer with its base or its amount received unread (a layout whose captions the
reader does not know) failed ``income.invoice_arithmetic`` as "base + IVA - retenção diferente da importância
recebida", the report said "valores que não batem certo" and the proofs not counted "com contas que não batem certo":
words that read like an altered document, of figures never read (left alone by the round-78 pension fixer, as
payslips' and pensions' unread amounts are said unread). Off a photo the misread wording stays."""

from __future__ import annotations

from typing import Any

from screening.explanation import PT, reason_of
from screening.rules.report import REASON_TEXT
from tests.unit.test_nif_and_tax_year_r78c import fatura, income_checks
from tests.unit.test_rules import id_document, screen


def with_september(**fields: Any) -> dict[str, Any]:
    return screen([id_document(), *(fatura(m) for m in (5, 6, 7, 8, 10)), fatura(9, **fields)])


def test_an_invoice_whose_base_was_not_read_is_said_unread() -> None:
    result = with_september(base_amount=None)

    check = next(c for c in income_checks(result, "income.invoice_arithmetic") if c["document_id"] == "fr-9")
    assert not check["passed"] and check["value"] is None
    assert check["evidence"].endswith(": não se leu a base."), check["evidence"]
    reasons = result["affordability"]["reasons"]
    assert "invoice_amount_unread" in reasons and "arithmetic_mismatch" not in reasons
    assert "não batem certo" not in result["report"]["justification"]
    assert "1 fatura-recibo (sem a base ou a importância recebida lidas)" in result["income"]["not_counted"]
    assert "não se ter lido a base" in REASON_TEXT["invoice_amount_unread"]
    assert "não foi possível ler" in PT.income_not_counted[reason_of(check)]


def test_neither_amount_read_names_both() -> None:
    result = with_september(base_amount=None, amount_received=None)
    check = next(c for c in income_checks(result, "income.invoice_arithmetic") if c["document_id"] == "fr-9")
    assert check["evidence"].endswith(": não se leram a base nem a importância recebida."), check["evidence"]


def test_an_invoice_that_does_not_add_up_still_says_so() -> None:
    """Guard: figures read that disagree are still a mismatch."""
    document = fatura(9, amount_received=1900.0)
    document["warnings"] = ["arithmetic_mismatch"]
    result = screen([id_document(), *(fatura(m) for m in (5, 6, 7, 8, 10)), document])
    assert "arithmetic_mismatch" in result["affordability"]["reasons"]
