"""Amounts as people in Portugal type them (blind probe r73c, F1): "850,00" is 850 €, never 85 000 €."""

from __future__ import annotations

from decimal import Decimal

import pytest

from applicants.amounts import AmountUnread, amount_read, price_questioned


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("850,00", "850.00"),
        ("850,50", "850.50"),
        ("850", "850"),
        ("850,5", "850.5"),
        ("1.250,00", "1250.00"),
        ("1 250,00", "1250.00"),
        ("1\u00a0250,00", "1250.00"),
        ("1\u202f250,00 €", "1250.00"),
        ("850.00", "850.00"),
        ("850 €", "850"),
        ("€ 850", "850"),
        ("850€", "850"),
        ("850 EUR", "850"),
        ("850 euros", "850"),
        ("1.250", "1250"),
        ("1.250.000", "1250000"),
        ("1.250.000,00", "1250000.00"),
        ("1 250 000", "1250000"),
        ("1,250.00", "1250.00"),
        ("1,25", "1.25"),
        (" 950 ", "950"),
    ],
)
def test_an_amount_typed_the_portuguese_way_reads_as_meant(typed: str, amount: str) -> None:
    assert amount_read(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["1,250", "12,500", "1,250,000", "850,001"])
def test_a_comma_before_three_digits_alone_is_ambiguous_never_guessed(typed: str) -> None:
    with pytest.raises(AmountUnread) as refused:
        amount_read(typed)
    assert refused.value.code == "ambiguous"


@pytest.mark.parametrize(
    "typed",
    ["", "€", "oitocentos", "850,0011", "1.250.50", "1,250,50", "85 0", "12 50,00", "1.250 000", "-850", "8a50"],
)
def test_what_is_no_amount_is_refused(typed: str) -> None:
    with pytest.raises(AmountUnread) as refused:
        amount_read(typed)
    assert refused.value.code == "unreadable"


def test_a_rent_of_tens_of_thousands_or_a_sale_price_of_hundreds_is_questioned() -> None:
    assert price_questioned("ARRENDAMENTO", Decimal("85000")) is not None
    assert price_questioned("VENDA", Decimal("850")) is not None
    for listing_type, price in [("ARRENDAMENTO", "850"), ("ARRENDAMENTO", "4500"), ("VENDA", "250000"),
                                ("VENDA", "8000")]:  # fmt: skip
        assert price_questioned(listing_type, Decimal(price)) is None, (listing_type, price)
