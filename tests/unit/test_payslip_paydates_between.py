"""A payslip's payment date with something between its caption and the day (docs/adr/044): a linking word ("Pagamento
em 10/12/2026", "Data de pagamento a 27/11/2026", "Pago no dia 27/11/2026"), and leaders typed as the ellipsis
character (the reader writes them as dots, so the caption's offsets stay the printed line's)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.test_payslip_paydates_r71a import assert_other_fields_as_before, slip_fields


@pytest.mark.parametrize(
    ("paid", "expected"),
    [
        ("Pagamento em 10/12/2026", dt.date(2026, 12, 10)),
        ("Pagamento em: 27/11/2026", dt.date(2026, 11, 27)),
        ("Data de pagamento a 27/11/2026", dt.date(2026, 11, 27)),
        ("Pago no dia 27/11/2026", dt.date(2026, 11, 27)),
        ("Pagamento efetuado em 27 de novembro de 2026", dt.date(2026, 11, 27)),
        ("Payment date: on 27/11/2026", dt.date(2026, 11, 27)),
    ],
)
def test_a_linking_word_between_the_caption_and_the_date_is_read_past(paid: str, expected: dt.date) -> None:
    fields = slip_fields("Período: 11/2026", paid)
    assert fields["payment_date"] == expected
    assert_other_fields_as_before(fields)


@pytest.mark.parametrize(
    "paid",
    [
        "Data de Pagamento\u2026\u2026\u2026\u2026: 10/12/2026",
        "Data pagto.\u2026 10/12/2026",
        "Ref.\u2026 Data de pagamento: 10/12/2026",
    ],
)
def test_ellipsis_leaders_do_not_shift_the_date(paid: str) -> None:
    fields = slip_fields("Período: 11/2026", paid)
    assert fields["payment_date"] == dt.date(2026, 12, 10)
    assert_other_fields_as_before(fields)


@pytest.mark.parametrize(
    "paid",
    [
        "Pagamento em numerário",
        "Pagamento em 2 prestações de 486,00",
        # The transfer's day is the payment's ("Forma de pagamento: transferência em 27/11/2026" reads it since
        # blind probe r78a: tests/unit/test_payslip_paydates_r78a.py); the way of paying alone gives none.
        "Forma de pagamento: transferência bancária",
    ],
)
def test_a_payment_with_no_day_after_its_linking_word_gives_no_date(paid: str) -> None:
    assert slip_fields("Período: 11/2026", paid)["payment_date"] is None
