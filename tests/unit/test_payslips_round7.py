"""Payslips the blind probe of round 7 misread: both columns' totals on the gross row, an English pay
statement, a spreadsheet export, a title in capitals glued to a public employer's name, month and year
under labels of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize("gross_row", ["Ilíquido 1.208,40 176,62", "Total ilíquido € 1.208,40 € 176,62"])
def test_a_gross_row_under_earnings_and_deductions_columns_prints_both_totals(gross_row: str) -> None:
    """Round 7: "Ilíquido 947,83 123,27" gave the gross 123,27 (the row's last amount), and the base salary
    was then dropped as implausible."""
    text = f"""Serralharia Monte Alto, Lda.  NIF 548936439
Recibo de vencimento  Fevereiro 2026
Nome: Vítor Manuel Garcia Ramos  NIF 252984153
Descrição Abonos Descontos
Vencimento base 1.080,00
Subsídio de refeição 128,40
Segurança Social 118,80
IRS 57,82
{gross_row}
Líquido 1.031,78"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (str(fields["gross_pay"]), str(fields["base_salary"]), str(fields["net_pay"])) == (
        "1208.40",
        "1080.00",
        "1031.78",
    )
    assert warnings == []


def test_an_english_pay_statement_with_english_figures_is_read() -> None:
    """Round 7: the title "Pay Statement" was refused; once accepted, "3,364.20" read as 364,20."""
    text = """Pay Statement
Employee name: Sofia Raquel Antunes Brito Employee tax number: 216786843
Harbourline Software Portugal, Lda.  Tax ID (NIPC): 519554590
Pay period: August 2026
Base salary 2,480.00
Meal allowance 224.40
Gross pay 2,704.40
Social Security (11%) 272.80
Income tax withholding (IRS) 431.00
Net pay 2,000.60"""
    kind, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert kind == DocumentKind.RECIBO_VENCIMENTO
    assert fields["employee_name"] == "Sofia Raquel Antunes Brito"
    assert (str(fields["base_salary"]), str(fields["gross_pay"]), str(fields["net_pay"])) == (
        "2480.00",
        "2704.40",
        "2000.60",
    )
    assert fields["period"] == "2026-08"
    assert warnings == []


def test_a_spreadsheet_export_names_the_employee_by_its_header_row() -> None:
    """Round 7: a header row of labels over a row of values gave the employee the company's name, and
    "30;870,00" (quantity, then amount) lost the base salary."""
    text = """Entidade;NIF Entidade;Trabalhador;NIF Trabalhador;Periodo
Talho Central do Fundão, Lda.;548936439;Rui Miguel Pestana Alves;256355150;2026-09
Codigo;Descricao;Quantidade;Abono;Desconto
A01;Vencimento base;30;905,00;
A20;Subsidio de refeicao;21;126,00;
B01;Seguranca Social 11%;;;99,55
B02;Retencao IRS;;;42,00
Total Abonos;1031,00
Total Descontos;141,55
Liquido;889,45"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employee_name"] == "Rui Miguel Pestana Alves"
    assert fields["employer_name"] == "Talho Central do Fundão, Lda."
    assert (str(fields["base_salary"]), str(fields["net_pay"])) == ("905.00", "889.45")


def test_a_company_is_never_the_employee() -> None:
    text = """RECIBO DE VENCIMENTO  Maio 2026
Trabalhador
Frutaria Beira Rio, Lda.
NIF 576283312
Vencimento base 900,00
Segurança Social 99,00
Líquido 801,00"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employee_name"] is None


def test_a_surname_sa_is_no_legal_form() -> None:
    text = """Frutaria Beira Rio, Lda.  NIF 576283312
RECIBO DE VENCIMENTO  Maio 2026
Funcionária
Marta Isabel Nogueira Sá
NIF 216786843
Vencimento base 900,00
Segurança Social 99,00
Líquido 801,00"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employee_name"] == "Marta Isabel Nogueira Sá"


def test_a_title_in_capitals_is_no_part_of_a_public_employers_name() -> None:
    """Round 7: OCR joined a right-aligned "ABONOS E DESCONTOS" to "Agrupamento de Escolas ...", and the
    period printed as "Ano 2026  Mês 10" was not read."""
    text = """Agrupamento de Escolas Rainha Santa Isabel ABONOS E DESCONTOS
Coimbra · NIF 600079210  Ano 2026  Mês 4
Nome: Helena Sofia Bastos Leal  NIF 121547280
Remuneração base 1.640,00
Caixa Geral de Aposentações 180,40
IRS 212,00
Total ilíquido 1.640,00
Líquido 1.247,60"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_name"] == "Agrupamento de Escolas Rainha Santa Isabel"
    assert fields["period"] == "2026-04"


@pytest.mark.parametrize(("line", "period"), [("MÊS: JULHO   ANO: 2026", "2026-07"), ("Ano: 2026  Mês: 11", "2026-11")])
def test_month_and_year_under_labels_of_their_own(line: str, period: str) -> None:
    text = f"""Frutaria Beira Rio, Lda.  NIF 576283312
RECIBO DE VENCIMENTO
{line}
Nome: Marta Isabel Nogueira Sá  NIF 216786843
Vencimento base 900,00
Segurança Social 99,00
Líquido 801,00"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["period"] == period


def test_withholding_and_net_in_other_words() -> None:
    text = """Frutaria Beira Rio, Lda.  NIF 576283312
RECIBO DE VENCIMENTO  Maio 2026
Nome: Marta Isabel Nogueira Sá  NIF 216786843
Vencimento base 1.400,00
Segurança Social 154,00
Imposto sobre o rendimento (retenção) 126,00
Importância líquida 1.120,00"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (str(fields["irs_withholding"]), str(fields["net_pay"])) == ("126.00", "1120.00")
    assert warnings == []


def test_of_this_month_the_year_to_date_and_last_month_columns_the_month_is_read() -> None:
    """Round 7: "Valor do mês  Acumulado no ano  Mês anterior" lost the base salary (the last column is last
    month's, the one before it the year's)."""
    text = """Frutaria Beira Rio, Lda.  NIF 576283312
RECIBO DE VENCIMENTO  Setembro 2026
Nome: Marta Isabel Nogueira Sá  NIF 216786843
Rubrica Valor do mês Acumulado no ano Mês anterior
Vencimento base 1.240,00 11.160,00 1.240,00
Subsídio de refeição 132,00 1.188,00 126,00
Total ilíquido 1.372,00 12.348,00 1.366,00
Segurança Social 150,92 1.358,28 150,26
IRS 96,00 864,00 95,00
Líquido 1.125,08 10.125,72 1.120,74"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    read = (fields["base_salary"], fields["gross_pay"], fields["net_pay"], fields["irs_withholding"])
    assert tuple(map(str, read)) == ("1240.00", "1372.00", "1125.08", "96.00")
    assert warnings == []
