"""Blind probe r67b: a salary advance printed with a sign in the deductions column ("-250,00", "250,00-",
"(250,00)") added back to the month's regular net as the same advance printed without one; and a codes-only table
("902 98,40") read by the captions of its legend at the slip's foot ("902 – IRS"), the advance under its code too.
Lines of our own wording; names and numbers of our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.local import validated
from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import Line
from tests.helpers import read_text


def read(*texts: str) -> tuple[dict[str, Any], list[str]]:
    _, fields, warnings = read_text("\n".join(texts), document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))
    return fields, warnings


# Base 1.240,00 and meal 110,00: gross 1.350,00; SS 148,50, IRS 121,50 and 250,00 advanced: deductions 520,00,
# net 830,00. The month paid 1.080,00.
def signed_slip(sign: str) -> list[str]:
    """The slip with its deductions printed as ``sign`` formats them."""
    return [
        "Serralharia Norte Atlântico, Lda",
        "NIF: 508765439",
        "Recibo de Vencimento",
        "Período: 01/03/2026 a 31/03/2026",
        "Trabalhador: Tiago Lemos Carvalho",
        "NIF: 232415676",
        "Cód. Descrição Abonos Descontos",
        "010 Remuneração base 1.240,00",
        "020 Subsídio de refeição 110,00",
        f"800 Segurança Social {sign.format('148,50')}",
        f"810 IRS {sign.format('121,50')}",
        f"700 Adiantamento de vencimento {sign.format('250,00')}",
        f"Totais 1.350,00 {sign.format('520,00')}",
        "Total líquido: 830,00 €",
    ]


@pytest.mark.parametrize("sign", ["-{}", "{}-", "({})"])
def test_an_advance_printed_with_a_sign_is_added_back(sign: str) -> None:
    fields, warnings = read(*signed_slip(sign))
    assert fields["net_pay"] == Decimal("830.00")
    assert fields["regular_net_pay"] == Decimal("1080.00")
    assert "derived:regular_net_pay" in warnings
    assert "arithmetic_mismatch" not in warnings


def test_guard_an_advance_printed_without_a_sign_is_added_back() -> None:
    """The guard (passes before the fix too): the same slip, no sign."""
    fields, _ = read(*signed_slip("{}"))
    assert fields["regular_net_pay"] == Decimal("1080.00")


def test_guard_a_signed_advance_on_totals_that_do_not_hold_is_not_added() -> None:
    """The guard: a net the printed totals do not give vouches for no advance, and the slip stays flagged."""
    texts = [text.replace("830,00", "630,00") for text in signed_slip("-{}")]
    fields, warnings = read(*texts)
    assert fields["regular_net_pay"] != Decimal("1080.00")
    assert "arithmetic_mismatch" in warnings


# A codes-only table: base 1.310,00, meal 120,00, gross 1.430,00; SS 144,10, IRS 98,40 and union dues 13,10:
# deductions 255,60, net 1.174,40.
CODES = [
    "Padaria Serra da Estrela, Lda",
    "NIF: 509876544",
    "Recibo de Vencimento",
    "Mês/Ano 05/2026",
    "Trabalhador: Sofia Amaral Pinto",
    "NIF: 245678913",
    "Cód. Qtd. Vencimentos Descontos",
    "101 30 d 1.310,00",
    "140 20 d 120,00",
    "901 144,10",
    "902 98,40",
    "611 13,10",
    "TOT 1.430,00 255,60",
    "Líquido: 1.174,40",
    "Legenda: 101 – Vencimento base   140 – Subsídio de refeição   901 – Segurança Social   902 – IRS   611 –",
    "Quotização sindical",
]


def test_a_codes_only_table_is_read_by_its_legend() -> None:
    fields, warnings = read(*CODES)
    assert fields["gross_pay"] == Decimal("1430.00")
    assert fields["social_security"] == Decimal("144.10")
    assert fields["irs_withholding"] == Decimal("98.40")
    assert fields["net_pay"] == Decimal("1174.40")
    assert not [warning for warning in warnings if warning.startswith("missing:")]
    assert "arithmetic_mismatch" not in warnings


def test_an_advance_under_its_code_is_added_back() -> None:
    """The advance's row is its code only ("615 200,00"); the legend says what it is."""
    texts = [text.replace("611 13,10", "615 200,00").replace("255,60", "442,50").replace("1.174,40", "987,50")
             for text in CODES]  # fmt: skip
    texts = [text.replace("611 –", "615 –") for text in texts]
    texts[-1] = "Adiantamento de vencimento"
    fields, warnings = read(*texts)
    assert fields["net_pay"] == Decimal("987.50")
    assert fields["regular_net_pay"] == Decimal("1187.50")
    assert "derived:regular_net_pay" in warnings


def test_guard_a_codes_only_slip_that_does_not_add_up_stays_flagged() -> None:
    """The guard: the legend names the rows; a net the totals do not give is still flagged."""
    _, warnings = read(*[text.replace("1.174,40", "1.274,40") for text in CODES])
    assert "arithmetic_mismatch" in warnings


def test_guard_a_row_with_its_own_caption_keeps_it() -> None:
    """The guard (passes before the fix too): a row printing its caption is read by it, whatever a legend says."""
    texts = [text.replace("901 144,10", "901 Segurança Social 144,10") for text in CODES]
    texts = [text.replace("901 – Segurança Social", "901 – Prémio") for text in texts]
    fields, _ = read(*texts)
    assert fields["social_security"] == Decimal("144.10")


def test_a_scanned_codes_only_table_keeps_its_codes_apart_from_the_figures() -> None:
    """On a scan (OCR's lines, thousands maybe grouped by a space) "901 144,10" is the code and 144,10, not
    901 144,10: the legend says 901 is a row's code."""
    kind = classify("\n".join(CODES))
    parsed = parse_document(kind, [Line(text, 0.9) for text in CODES])
    fields, _, warnings = validated(kind, parsed, document_type="PROOF_OF_INCOME")
    assert fields["social_security"] == Decimal("144.10")
    assert fields["irs_withholding"] == Decimal("98.40")
    assert fields["gross_pay"] == Decimal("1430.00")
    assert "arithmetic_mismatch" not in warnings
