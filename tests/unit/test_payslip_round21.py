"""Payslips the blind probe of round 21 misread: a period printed under its caption in a row of captions (and a
receipt's reference number "2026/10/0213" taken for a month of the year 213), a period written the English way
as a range of days ("Nov 1 – Nov 30, 2026"), a public body's name read together with the slip's title and month
that OCR joined to it, and a net printed only in words. A payslip two years old is read as it is: screening's
``income.payslip_recent`` refuses it. The texts are shaped as the reader hands them over, with names and numbers
of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from screening.rules.income import payslip_recent
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)

ROWS = """Vencimento base 1.150,00
Subsídio de refeição 132,00
Total ilíquido 1.282,00
Segurança Social 126,50
IRS 61,00
Líquido a receber 1.094,50"""


def read(text: str) -> tuple[dict, list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    return fields, warnings


def test_a_period_alone_under_its_caption_is_read_and_a_reference_number_is_no_period() -> None:
    fields, warnings = read(f"""Serralharia Fonte Nova, Lda.
NIPC 594904102
Recibo n.º 2025/07/0042
Trabalhador
Ionela Maria Popescu
NIF
257746374
Mês de referência
07/2026
Secção
Armazém
{ROWS}""")
    assert fields["period"] == "2026-07"
    assert "period_implausible" not in warnings


def test_a_reference_number_alone_names_no_period() -> None:
    fields, warnings = read(f"""Serralharia Fonte Nova, Lda.
NIPC 594904102
Recibo n.º 2025/07/0042
Trabalhador: Ionela Maria Popescu NIF 257746374
{ROWS}""")
    assert fields.get("period") is None
    assert "period_implausible" not in warnings


@pytest.mark.parametrize(
    ("captions", "values"),
    [
        ("Trabalhador | NIF | Mês de referência | Secção", "Ionela Maria Popescu | 257746374 | 08/2026 | Armazém"),
        # OCR's row: no bars between the cells, one month and year among the values.
        ("Trabalhador NIF Mês de referência Secção", "Ionela Maria Popescu 257746374 08/2026 Armazém"),
        # The admission's date beside it is no period.
        ("Admissão Período Secção", "15/03/2019 08/2026 Armazém"),
    ],
)
def test_a_period_in_a_row_of_captions_is_read_from_the_row_below(captions: str, values: str) -> None:
    fields, _ = read(f"""Serralharia Fonte Nova, Lda.
NIPC 594904102
Recibo n.º 2025/07/0042
{captions}
{values}
{ROWS}""")
    assert fields["period"] == "2026-08"


@pytest.mark.parametrize(
    "period_line",
    [
        "Pay period / Período: Sep 1 – Sep 30, 2026",
        "Pay period: September 1-30, 2026",
        "Period: Sep 1st to 30th, 2026",
    ],
)
def test_an_english_range_of_days_names_its_month(period_line: str) -> None:
    fields, _ = read(f"""Payslip · Recibo de vencimento
{period_line}
Serralharia Fonte Nova, Lda. NIF 594904102
Employee / Colaborador: Ionela Maria Popescu NIF 257746374
{ROWS}""")
    assert fields["period"] == "2026-09"


@pytest.mark.parametrize(
    ("letterhead", "employer"),
    [
        ("Município de Alvorada do Tejo Recibo de vencimento — Set. 2026", "Município de Alvorada do Tejo"),
        ("Município de Alvorada do Tejo  Setembro 2026", "Município de Alvorada do Tejo"),
        ("Junta de Freguesia de Alvorada do Tejo - 09/2026", "Junta de Freguesia de Alvorada do Tejo"),
    ],
)
def test_a_title_or_a_month_beside_a_public_bodys_name_is_no_part_of_it(letterhead: str, employer: str) -> None:
    fields, _ = read(f"""{letterhead}
NIPC 600123456 - Divisão de Recursos Humanos
Nome: Ionela Maria Popescu NIF: 257746374
{ROWS}""")
    assert fields["employer_name"] == employer


def test_a_net_printed_only_in_words_is_read_and_checked_by_the_arithmetic() -> None:
    fields, warnings = read("""Serralharia Fonte Nova, Lda.
Contribuinte n.º 594904102
RECIBO
Recebi as remunerações relativas ao mês de setembro de 2026:
Trabalhadora: Ionela Maria Popescu, NIF 257746374
Ordenado 1.150,00
Subsídio de alimentação 132,00
Soma 1.282,00
Desc. Segurança Social 126,50
Desc. IRS 61,00
A importância líquida de mil e noventa e quatro euros e cinquenta
cêntimos, que recebi e de que dou quitação.""")
    assert fields["net_pay"] == Decimal("1094.50")
    assert "arithmetic_mismatch" not in warnings


def test_a_net_in_words_that_the_arithmetic_does_not_make_is_flagged() -> None:
    fields, warnings = read("""Serralharia Fonte Nova, Lda.
Contribuinte n.º 594904102
RECIBO
Recebi as remunerações relativas ao mês de setembro de 2026:
Trabalhadora: Ionela Maria Popescu, NIF 257746374
Ordenado 1.150,00
Subsídio de alimentação 132,00
Soma 1.282,00
Desc. Segurança Social 126,50
Desc. IRS 61,00
A quantia líquida de mil cento e noventa e quatro euros e cinquenta cêntimos, que recebi.""")
    assert fields.get("net_pay") != Decimal("1094.50")
    assert "arithmetic_mismatch" in warnings


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("mil e sessenta e três", 1063),
        ("mil e sessenta e tres", 1063),
        ("dois mil trezentos e quinze", 2315),
        ("novecentos e oitenta e sete", 987),
        ("cem", 100),
        ("um milhão duzentos mil e um", 1_200_001),
    ],
)
def test_numbers_in_portuguese_words(words: str, value: int) -> None:
    from documents.extraction.parsers.payslip import written_amount

    assert written_amount(f"a quantia de {words} euros") == Decimal(value)


def test_an_amount_in_words_with_and_without_cents() -> None:
    from documents.extraction.parsers.payslip import written_amount

    assert written_amount("de oitocentos e doze euros e sete cêntimos") == Decimal("812.07")
    assert written_amount("de mil euros, que recebi") == Decimal("1000.00")
    assert written_amount("que recebi em numerário") is None


def test_guard_an_old_payslip_is_read_as_it_is_and_screening_refuses_it() -> None:
    """The guard (passes before and after this round's changes): a payslip two years old keeps its period at
    extraction, with no warning of its own there; screening's ``income.payslip_recent`` refuses it."""
    fields, warnings = read(f"""Serralharia Fonte Nova, Lda.
NIPC 594904102
RECIBO DE VENCIMENTO
Agosto de 2024
Nome: Ionela Maria Popescu
NIF: 257746374
{ROWS}""")
    assert fields["period"] == "2024-08"
    assert "period_implausible" not in warnings
    document = {"document_id": 1, "fields": fields, "warnings": warnings}
    assert not payslip_recent(document, today=TODAY)["passed"]
