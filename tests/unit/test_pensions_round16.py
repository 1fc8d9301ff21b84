"""Pension statements the blind probe of round 16 misread: a foreign pension fund's certificate with each caption in
its own alphabet and in English ('Вид пенсії / Type: за віком / old-age', 'До виплати / Net payable', 'Дата
видачі / Date of issue'), whose type, net and date of issue went unread. The texts are shaped as the reader hands
them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


def certificate(kind: str) -> str:
    return f"""Пенсійний фонд України / Pension Fund of Ukraine
Довідка про розмір пенсії / Certificate of pension amount
Пенсіонер / Pensioner: Коваленко Олег Петрович (Oleh Petrovych Kovalenko)
Вид пенсії / Type: {kind}
Розмір пенсії (грн) / Monthly pension (UAH): 7 480,20
Утримання / Deductions: 0,00
До виплати / Net payable: 7 480,20
Дата видачі / Date of issue: 14.09.2026"""


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("за віком / old-age", "velhice"), ("у зв'язку з втратою годувальника / survivor's", "sobrevivencia")],
)
def test_english_captions_give_the_type_the_net_and_the_date_of_issue(printed: str, expected: str) -> None:
    kind, fields, _ = read(certificate(printed))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pension_type"] == expected
    assert fields["net_monthly_amount"] == Decimal("7480.20")
    assert fields["issue_date"] == dt.date(2026, 9, 14)


def test_guard_a_type_caption_without_a_type_word_gives_no_type() -> None:
    """The guard: 'Type:' names a type only through the type's own words; a code after it is none."""
    _, fields, _ = read(certificate("ПВ-3"))
    assert fields.get("pension_type") is None
