"""Blind probe r71a: a payslip's payment date as payroll programs print it (docs/adr/044). A payment to come is never
this slip's (F7); the date in words (F1), with a two-digit year (F2), after dot leaders (F3), under its caption in a
header table (F4), after "Pagamento" alone (F5) or "Data da transferência" (F6)."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.parsers.common import Parsed
from documents.extraction.parsers.payslip import payslip_payment_date
from documents.extraction.reader import Line
from tests.helpers import read_text
from tests.unit.test_payslip_paydates_r70b import SCREENED, SLIP
from tests.unit.test_rules import NIF


def slip_fields(period: str, paid: str) -> dict[str, object]:
    _, fields, _ = read_text(SLIP.format(period=period, paid=paid), document_type="PROOF_OF_INCOME", today=SCREENED)
    return fields


def assert_other_fields_as_before(fields: dict[str, object], period: str = "2026-11") -> None:
    assert fields["period"] == period and str(fields["net_pay"]) == "972.00"
    assert fields["employee_nif"] == NIF and str(fields["gross_pay"]) == "1200.00"


@pytest.mark.parametrize(
    "paid",
    [
        "Próxima data de pagamento: 23/12/2026\nData de pagamento: 27/11/2026",
        "Next payment date: 23/12/2026\nPayment date: 27/11/2026",
        "Data do próximo pagamento: 23/12/2026\nData de pagamento: 27/11/2026",
        "Data de pagamento prevista do próximo recibo: 23/12/2026     Data de pagamento: 27/11/2026",
        "Próximo pagamento: 23/12/2026\nPagamento: 27/11/2026",
        "Data de pagamento: 27/11/2026\nPróxima data de pagamento: 23/12/2026",
    ],
)
def test_a_next_payments_date_is_never_this_slips_whatever_the_caption_and_the_order(paid: str) -> None:
    fields = slip_fields("Período: 11/2026", paid)
    assert fields["payment_date"] == dt.date(2026, 11, 27)
    assert_other_fields_as_before(fields)


def test_a_next_payment_alone_gives_no_payment_date() -> None:
    assert slip_fields("Período: 11/2026", "Próxima data de pagamento: 23/12/2026")["payment_date"] is None
    assert slip_fields("Período: 11/2026", "Next pay date: 31 December 2026")["payment_date"] is None


@pytest.mark.parametrize(
    ("paid", "expected"),
    [
        ("Data de pagamento: 30 de novembro de 2026", dt.date(2026, 11, 30)),
        ("Data de pagamento: 10 de dezembro de 2026", dt.date(2026, 12, 10)),
        ("Data de pagamento / Payment date: 30 de novembro de 2026", dt.date(2026, 11, 30)),
        ("Paid on: 30 November 2026", dt.date(2026, 11, 30)),
        ("Data de pagamento: 10-dez-2026", dt.date(2026, 12, 10)),
        ("Data de pagamento: 30-nov-2026", dt.date(2026, 11, 30)),
    ],
)
def test_a_payment_date_in_words_is_read(paid: str, expected: dt.date) -> None:
    fields = slip_fields("Período: 11/2026", paid)
    assert fields["payment_date"] == expected
    assert_other_fields_as_before(fields)


@pytest.mark.parametrize(
    ("paid", "expected"),
    [
        ("Data de pagamento: 27/11/26", dt.date(2026, 11, 27)),
        ("Data de pagamento: 10/12/26", dt.date(2026, 12, 10)),
        ("Pago em 27.11.26", dt.date(2026, 11, 27)),
    ],
)
def test_a_payment_date_with_a_two_digit_year_is_this_centurys(paid: str, expected: dt.date) -> None:
    fields = slip_fields("Período: 11/2026", paid)
    assert fields["payment_date"] == expected
    assert_other_fields_as_before(fields)


@pytest.mark.parametrize(
    "paid",
    [
        "Data de Pagamento.......: 10/12/2026",
        "Data de pagamento ____ 10/12/2026",
        "Data de pagamento . . . : 10/12/2026",
    ],
)
def test_a_payment_date_after_dot_leaders_is_read(paid: str) -> None:
    fields = slip_fields("Período: 11/2026", paid)
    assert fields["payment_date"] == dt.date(2026, 12, 10)
    assert_other_fields_as_before(fields)


def test_a_header_tables_payment_date_is_the_one_under_its_caption_not_the_admissions() -> None:
    rows = (
        "Período            Data de pagamento        Data de admissão        Categoria\n"
        "11/2026            27/11/2026               01/03/2019              Técnico"
    )
    fields = slip_fields("", rows)
    assert fields["payment_date"] == dt.date(2026, 11, 27)
    assert_other_fields_as_before(fields)
    admission_first = "Data de admissão        Data de pagamento        Período\n01/03/2019              10/12/2026               11/2026"
    assert slip_fields("", admission_first)["payment_date"] == dt.date(2026, 12, 10)


def test_a_header_table_with_a_field_missing_below_gives_no_payment_date() -> None:
    rows = (
        "Período            Data de pagamento        Data de admissão        Categoria\n"
        "11/2026            01/03/2019              Técnico"
    )
    assert slip_fields("", rows)["payment_date"] is None


def test_a_header_tables_payment_date_is_read_by_the_words_boxes() -> None:
    # A text layer's or a scan's rows: the spaces between the columns are lost, the boxes keep them.
    captions = Line(
        "Período Data de pagamento Data de admissão Categoria",
        word_boxes=[(51, 0, 44, 10), (101, 0, 25, 10), (132, 0, 12, 10), (150, 0, 56, 10),
                    (213, 0, 25, 10), (244, 0, 12, 10), (262, 0, 50, 10), (318, 0, 56, 10)],
    )  # fmt: skip
    values = Line(
        "11/2026 27/11/2026 01/03/2019 Técnico",
        word_boxes=[(50, 16, 54, 8), (112, 16, 77, 8), (196, 16, 77, 8), (281, 16, 54, 8)],
    )
    parsed = Parsed()
    payslip_payment_date([captions, values], parsed)
    assert parsed.fields["payment_date"] == dt.date(2026, 11, 27)
    admission = Line("Data de admissão Data de pagamento", word_boxes=[(50, 0, 25, 10), (80, 0, 12, 10),
                     (95, 0, 50, 10), (200, 0, 25, 10), (230, 0, 12, 10), (245, 0, 56, 10)])  # fmt: skip
    only_admission_below = Line("01/03/2019", word_boxes=[(55, 16, 77, 8)])
    parsed = Parsed()
    payslip_payment_date([admission, only_admission_below], parsed)
    assert "payment_date" not in parsed.fields


@pytest.mark.parametrize(
    ("period", "paid", "expected"),
    [
        ("Período: 11/2026", "Pagamento: 27/11/2026", dt.date(2026, 11, 27)),
        ("", "Período 01/11/2026 a 30/11/2026    Pagamento 10/12/2026", dt.date(2026, 12, 10)),
        ("Período: 11/2026", "Data da transferência: 10/12/2026", dt.date(2026, 12, 10)),
        ("Período: 11/2026", "Data de transferência: 27/11/2026", dt.date(2026, 11, 27)),
        # Not a payment's day: how it is paid, an earnings row's caption, a subsidy's.
        ("Período: 11/2026", "Pagamento: transferência bancária", None),
        ("Período: 11/2026", "Forma de pagamento: 10/12/2026", None),
        ("Período: 11/2026", "Pagamento de férias 15/08/2026", None),
        ("", "Período de pagamento: 01/11/2026 a 30/11/2026", None),
        ("Período: 11/2026", "Modo de pagamento: 27/11/2026", None),
        ("Período: 11/2026", "Pagamento do subsídio de férias: 30-06-2027", None),
    ],
)
def test_pagamento_alone_and_a_transfers_date_are_the_payment_date(
    period: str, paid: str, expected: dt.date | None
) -> None:
    fields = slip_fields(period, paid)
    assert fields["payment_date"] == expected
    assert_other_fields_as_before(fields)
