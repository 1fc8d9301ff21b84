"""Faturas-recibo, pension statements and payslips the blind probe of round 25 misread: a date of issue printed with
a two-digit year ("Data de emissão: 10/02/26", "Data: 15/03/26") not read at all, and the one-letter name word
"Ó" ("… do Ó", "Associação … Ó …") dropped from a name, or the name withheld for it. The texts are shaped as the
reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.parsers.common import clean_name
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def fatura(*, date_line: str = "Data de emissão: 2026-10-31", acquirer: str = "Vidros do Norte, Lda.") -> str:
    """A fatura-recibo as a text PDF gives it: label and value on one line."""
    return f"""FATURA-RECIBO
N.º FR ATSIRE01FR/41
{date_line}
Transmitente: Rui Miguel Tavares Leite
NIF: 218734603
Adquirente: {acquirer}
NIF: 509732143
Descrição: Prestação de serviços
Valor base 900,00 €
IVA (23%) 207,00 €
Retenção na fonte IRS (23%) 207,00 €
Importância recebida 900,00 €"""


def pension_letter(date_line: str) -> str:
    return f"""Caixa Geral de Aposentações, I.P.
DECLARAÇÃO
{date_line}
Declara-se que Manuel Augusto Faria Pinto, NIF 218734603,
é titular de pensão de aposentação,
Valor mensal ilíquido da pensão 1.412,30 €
Pago 14 vezes por ano."""


def payslip(employee: str) -> str:
    return f"""RECIBO DE VENCIMENTO
Entidade Empregadora: Vidros do Norte, Lda.
NIF: 509732143
Trabalhador: {employee}
NIF: 218734603
Período: Outubro de 2026
Descrição Valor
Vencimento base 1.200,00
Total Ilíquido 1.200,00
Segurança Social 132,00
IRS 48,00
Total Descontos 180,00
Líquido a Receber 1.020,00"""


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("Data de emissão: 14/09/26", "2026-09-14"),
        ("Data de emissão: 03.11.25", "2025-11-03"),
        ("Data: 07-10-26", "2026-10-07"),
    ],
)
def test_a_fatura_recibo_dated_with_a_two_digit_year_is_read(date_line: str, expected: str) -> None:
    """Round 25 (x1, i15): "Data de emissão: 10/02/26" was not read, the issue date withheld."""
    kind, fields, warnings = read(fatura(date_line=date_line))
    assert kind == DocumentKind.FATURA_RECIBO
    assert str(fields["issue_date"]) == expected
    assert "missing:issue_date" not in warnings


def test_a_fatura_recibo_dated_under_its_caption_with_a_two_digit_year_is_read() -> None:
    """Round 25: the two-digit year read under a "Data" caption too, as on the label's line."""
    _, fields, _ = read(fatura(date_line="Data\n21/08/26"))
    assert str(fields["issue_date"]) == "2026-08-21"


def test_a_two_digit_year_still_to_come_is_no_date_of_issue() -> None:
    """Guard (passes before and after the fix): a date of issue is recent, "15/03/56" is neither 2056 (to come)
    nor 1956: not read, and said missing."""
    _, fields, warnings = read(fatura(date_line="Data de emissão: 15/03/56"))
    assert fields.get("issue_date") is None
    assert "missing:issue_date" in warnings


def test_a_fatura_recibo_with_the_year_in_full_is_unchanged() -> None:
    """Guard (passes before and after the fix): the four-figure year read as before."""
    _, fields, _ = read(fatura(date_line="Data de emissão: 14/09/2026"))
    assert str(fields["issue_date"]) == "2026-09-14"


def test_a_pension_statement_dated_with_a_two_digit_year_is_read() -> None:
    """Round 25 (i17): a CGA declaration's "Data: 15/03/26" gave no issue date and no warning."""
    kind, fields, _ = read(pension_letter("Data: 22/04/26"))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert str(fields["issue_date"]) == "2026-04-22"


def test_a_pension_statement_with_the_year_in_full_is_unchanged() -> None:
    """Guard (passes before and after the fix)."""
    _, fields, _ = read(pension_letter("Data: 22/04/2026"))
    assert str(fields["issue_date"]) == "2026-04-22"


def test_a_one_letter_name_word_o_stays_in_an_acquirers_name() -> None:
    """Round 25 (i16): "Associação Cultural Ó Gente" read "Associação Cultural Gente", no warning."""
    _, fields, _ = read(fatura(acquirer="Clube Recreativo Ó Lindo"))
    assert fields["acquirer_name"] == "Clube Recreativo Ó Lindo"


def test_an_employee_surnamed_do_o_is_read() -> None:
    """Round 25 (x3): "Trabalhador: Rita Sofia do Ó" withheld (missing:employee_name): "do" taken for a name cut
    at its line's end once "Ó" was dropped."""
    kind, fields, warnings = read(payslip("Joana Beatriz do Ó"))
    assert kind == DocumentKind.RECIBO_VENCIMENTO
    assert fields["employee_name"] == "Joana Beatriz do Ó"
    assert "missing:employee_name" not in warnings


def test_an_employee_surnamed_do_o_in_capitals_is_read() -> None:
    """Round 25 (x3): the same in capitals, the particle put in lower case."""
    _, fields, _ = read(payslip("JOANA BEATRIZ DO Ó"))
    assert fields["employee_name"] == "Joana Beatriz do Ó"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Rita x Moura", "Ana Rita Moura"),
        ("Ana Rita Moura ó", "Ana Rita Moura"),
        ("Ana Rita Moura I", "Ana Rita Moura"),
    ],
)
def test_other_lone_letters_are_still_dropped_from_names(text: str, expected: str) -> None:
    """Guard (passes before and after the fix): a lone letter other than "Ó" is an initial's lost dot or a speck
    OCR read as a letter, and so is a lower-case "ó"."""
    assert clean_name(text) == expected
