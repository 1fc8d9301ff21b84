"""Blind probe r76c (unsure, done): a month of sick leave that paid 0,00 € was averaged in with the method saying it
was "contado pelo que pagou" and not that it counted 0,00 €; whoever averages the nets by hand is told."""

from __future__ import annotations

from screening.rules.income import LEAVE_MONTHS, LEAVE_PAID_APART_MONTHS, NOTHING_PAID_MONTHS
from tests.unit.test_rules import THREE_MONTHS, id_document, payslip, screen

SICK_AND_NOTHING_PAID = ["leave_withheld", "leave_paid_apart", "nothing_paid"]


def method_with_first_month(first: dict[str, object]) -> str:
    result = screen([id_document(), first, *(payslip(p) for p in THREE_MONTHS[1:])])
    return str(result["income"]["method"])


def test_a_leave_month_that_paid_nothing_says_it_counted_nothing() -> None:
    method = method_with_first_month(payslip(THREE_MONTHS[0], 0.0, warnings=SICK_AND_NOTHING_PAID))
    assert LEAVE_PAID_APART_MONTHS + "10/2026 (nada pago: contado como 0,00 €)" in method


def test_a_month_that_paid_nothing_and_names_no_leave_says_it_counted_nothing() -> None:
    method = method_with_first_month(payslip(THREE_MONTHS[0], 0.0, warnings=["nothing_paid"]))
    assert NOTHING_PAID_MONTHS + "10/2026" in method


def test_a_leave_month_that_paid_something_is_named_as_before() -> None:
    # Guards: a leave month that paid part is counted at what it paid, no 0,00 € said; a whole month says nothing.
    method = method_with_first_month(payslip(THREE_MONTHS[0], 900.0, warnings=["leave_withheld"]))
    assert LEAVE_MONTHS + "10/2026" in method and "0,00 €" not in method
    assert NOTHING_PAID_MONTHS not in method_with_first_month(payslip(THREE_MONTHS[0]))
