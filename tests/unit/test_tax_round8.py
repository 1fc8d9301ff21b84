"""IRS documents the blind probe of round 8 misread: the taxpayer's name on a line of its own with the NIF after
it (under "Identificação do sujeito passivo", or in a joint return with the spouse's box first), "Titular:" over
an annex printed alone with "Rendimentos 2025" for its year, and Anexo B's rows by field code with their "Soma"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


NOTA_AMOUNTS = """Rendimento global 31.260,00 (1)
Rendimento coletável 26.140,00 (5)
Coleta líquida 4.310,55 (14)
Retenções na fonte 4.900,00 (16)
Pagamentos por conta 0,00 (17)
Valor a reembolsar 589,45 (20)"""


@pytest.mark.parametrize("separator", [" NIF ", " · NIF: ", "   Contribuinte n.º "])
def test_the_name_under_the_taxpayers_heading_with_the_nif_after_it(separator: str) -> None:
    """Round 8: "Identificação do sujeito passivo" / "<name> NIF 216403871" gave no taxpayer name."""
    text = f"""Autoridade Tributária e Aduaneira Nota de Liquidação
IRS — Rendimentos do ano de 2025 Liquidação 2025 5003 118220
Identificação do sujeito passivo
Rosa Amélia Brandão Figueiredo{separator}245367926
{NOTA_AMOUNTS}"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert (fields["taxpayer_name"], fields["taxpayer_nif"]) == ("Rosa Amélia Brandão Figueiredo", "245367926")
    assert fields["year"] == 2025


def test_a_joint_return_gives_sujeito_passivo_a_though_b_is_printed_first() -> None:
    """Round 8: B's box printed before A's: no name was read (the NIF was B's)."""
    text = f"""IRS 2025 — Demonstração de liquidação
Tributação conjunta · Estado civil: casados
Sujeito passivo B
Rosa Amélia Brandão Figueiredo NIF 245367926
Sujeito passivo A
Jorge Humberto Pinheiro Valente NIF 119336359
Dependentes: 1
{NOTA_AMOUNTS}"""
    _, fields, _ = read(text)
    assert (fields["taxpayer_name"], fields["taxpayer_nif"]) == ("Jorge Humberto Pinheiro Valente", "119336359")


def test_with_no_label_the_name_before_a_nif_is_read_but_never_under_the_spouses_heading() -> None:
    text = f"""Demonstração de liquidação de IRS 2025
Cônjuge
Rosa Amélia Brandão Figueiredo NIF 245367926
Jorge Humberto Pinheiro Valente NIF 119336359
{NOTA_AMOUNTS}"""
    _, fields, _ = read(text)
    assert fields["taxpayer_name"] == "Jorge Humberto Pinheiro Valente"


def test_a_name_followed_by_a_companys_nif_is_no_taxpayer() -> None:
    text = f"""Demonstração de liquidação de IRS 2025
Identificação do sujeito passivo
Serviço de Finanças Lisboa NIF 500464332
{NOTA_AMOUNTS}"""
    _, fields, _ = read(text)
    assert fields.get("taxpayer_name") is None


ANEXO_B = """IRS — Modelo 3 · Anexo B Rendimentos 2025
Titular: Bruno Filipe Aragão Mesquita · NIF 137797370
Regime simplificado · Código de atividade 2010 (Arquitetos)
Quadro 4A — Rendimentos brutos
403 Prestações de serviços (art.º 151.º CIRS) 21.400,00
404 Outras prestações de serviços 1.150,00
405 Propriedade intelectual 600,00
{total}"""


def test_an_annex_printed_alone_names_its_titular_and_year_and_its_rows_add_up() -> None:
    """Round 8: "Titular:" and "Rendimentos 2025" were not read; the gross was the first row of Anexo B's table
    (14.250,00 of 16.630,00) and the self-employment income was lost."""
    kind, fields, warnings = read(ANEXO_B.format(total="Soma 23.150,00"))
    assert kind == DocumentKind.DECLARACAO_IRS
    assert (fields["taxpayer_name"], fields["taxpayer_nif"]) == ("Bruno Filipe Aragão Mesquita", "137797370")
    assert fields["year"] == 2025
    assert fields["annexes"] == ["B"]
    assert fields["self_employment_income"] == Decimal("23150.00")
    assert fields["gross_income"] == Decimal("23150.00")
    assert "arithmetic_mismatch" not in warnings


def test_anexo_b_rows_with_no_soma_are_summed() -> None:
    _, fields, _ = read(ANEXO_B.format(total=""))
    assert fields["self_employment_income"] == Decimal("23150.00")
    assert fields["gross_income"] == Decimal("23150.00")


def test_anexo_b_rows_that_do_not_add_up_to_the_soma_are_flagged_and_not_trusted() -> None:
    _, fields, warnings = read(ANEXO_B.format(total="Soma 24.150,00"))
    assert "arithmetic_mismatch" in warnings
    assert fields.get("self_employment_income") is None
    assert fields.get("gross_income") != Decimal("21400.00")


def test_a_table_of_withholdings_by_code_is_no_income() -> None:
    text = """IRS — Modelo 3 · Anexo B Rendimentos 2025
Titular: Bruno Filipe Aragão Mesquita · NIF 137797370
Quadro 6 — Retenções na fonte
601 Retenções na fonte (Cat. B) 5.350,00
602 Retenções na fonte — propriedade intelectual 150,00"""
    _, fields, _ = read(text)
    assert fields.get("self_employment_income") is None
