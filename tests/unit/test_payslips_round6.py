"""Payslips the blind probe of round 6 misread: a public or charitable employer, which has no legal form to find it
by (its letterhead names it), and a fraction in the quantity column taken into the amount beside it."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

PAYSLIP = """{letterhead}
Divisão de Recursos Humanos
NIPC 506183033 Av. 5 de Outubro, 2560-270 Torres Vedras
RECIBO DE VENCIMENTO
Processamento: outubro de 2026
Trabalhador(a): Joana Filipa Duarte Marques N.º Mecanográfico: 4512
NIF: 247138592 NISS: 12093847561
Código Descrição Quant. Abonos Descontos
0001 Remuneração base 30 1.009,51
0240 Subsídio de refeição 22 132,00
8001 Segurança Social - Trabalhador (11%) 111,05
8201 IRS - Retenção na fonte (taxa 9,7%) 98,00
Totais 1.141,51 209,05
Líquido a receber 932,46"""


@pytest.mark.parametrize(
    ("letterhead", "employer"),
    [
        ("MUNICÍPIO DE TORRES VEDRAS", "Município de Torres Vedras"),
        ("Santa Casa da Misericórdia de Arouca", "Santa Casa da Misericórdia de Arouca"),
        ("DIREÇÃO-GERAL DO TERRITÓRIO", "Direção-Geral do Território"),
    ],
)
def test_a_public_employers_payslip_is_headed_by_its_name(letterhead: str, employer: str) -> None:
    kind, fields, _ = read_text(PAYSLIP.format(letterhead=letterhead), document_type="PROOF_OF_INCOME",
                                today=dt.date(2026, 12, 3))  # fmt: skip
    assert kind == DocumentKind.RECIBO_VENCIMENTO
    assert fields["employer_name"] == employer
    assert fields["net_pay"] is not None and str(fields["net_pay"]) == "932.46"


def test_a_fraction_in_the_quantity_column_is_no_part_of_the_amount_beside_it() -> None:
    """Blind probe, round 6: "1/12 104,17" read as 12 104,17, a subsidy in twelfths of 24 208,34 € with no warning."""
    text = """RECIBO DE VENCIMENTO   Junho 2026
Empresa: NorteSoft Informática, S.A.  NIF 508192030
Empregado: Sofia Alexandra Rebelo Nunes  NIF 245718931
Ordenado base 30 1.250,00
Duodécimo Subsídio de Férias 1/12 104,17
Duodécimo Subsídio de Natal 1/12 104,17
Total Remunerações 1.458,34
Segurança Social 11% 160,42
Retenção IRS 162,00
Total Líquido 1.135,92"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert str(fields["subsidy_twelfths_amount"]) == "208.34"
    assert (str(fields["gross_pay"]), str(fields["net_pay"])) == ("1458.34", "1135.92")
    assert warnings == []


ROWS = """Vencimento base 1.180,00
Subsídio de refeição 21 dias 126,00
Total ilíquido 1.306,00
Segurança Social 129,80
IRS 88,00
Líquido 1.088,20"""


@pytest.mark.parametrize(
    ("header", "employee"),
    [
        # The name alone in capitals, the NIF on the next line with no label before it but "Contribuinte".
        ("RUI FILIPE CARDOSO NETO\nContribuinte 118625276 · Motorista de pesados", "Rui Filipe Cardoso Neto"),
        # A job title as the label ("Enfermeira:"), which no vocabulary can hold.
        ("Enfermeira: Helena Sofia Bastos Leal\nNIF 121547280 · Serviço de Urgência", "Helena Sofia Bastos Leal"),
        # Label, name, "NIF" and the number each on a line of their own.
        ("Rececionista\nDuarte Miguel Sampaio Reis\nNIF\n200182633", "Duarte Miguel Sampaio Reis"),
        # An employee number before the name, the NIF's label after it.
        ("Func. 114 Inês Carolina Pacheco Vaz Contribuinte N.º 256355150", "Inês Carolina Pacheco Vaz"),
        # A window envelope's addressee.
        (
            "Exma. Senhora\nCláudia Patrícia Gomes Rebelo\nRua do Bonfim 12, 3.º Dto.\n4300-069 Porto\n"
            "N.º 31 Contribuinte: 251402614 Categoria: Administrativa",
            "Cláudia Patrícia Gomes Rebelo",
        ),
        # An English label over the name.
        ("Employee\nTiago Nuno Fragoso Pires\nTax ID (NIF)\n216786843", "Tiago Nuno Fragoso Pires"),
    ],
)
def test_the_employee_is_named_however_the_header_presents_them(header: str, employee: str) -> None:
    """Blind probe, round 6: 10 of 24 payslips gave no employee name. Where no known label names the
    employee, the name is the one printed beside or just above their NIF."""
    text = f"Padaria Flor do Vale, Lda.  NIF 576283312\nRECIBO DE VENCIMENTO  Março 2026\n{header}\n{ROWS}"
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert fields["employee_name"] == employee
    assert fields["employer_name"] == "Padaria Flor do Vale, Lda."


def test_a_category_that_holds_a_label_word_is_no_name() -> None:
    """Blind probe, round 6: "Categoria: Trabalhadora de limpeza · Contrato a tempo parcial" gave the
    employee "Contrato Tempo Parcial"."""
    header = "Funcionária\nRosa Maria Teixeira Lobo\nNIF\n238014126\nCategoria: Trabalhadora de cozinha · Contrato a termo certo"
    text = f"Padaria Flor do Vale, Lda.  NIF 576283312\nRECIBO DE VENCIMENTO  Março 2026\n{header}\n{ROWS}"
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert fields["employee_name"] == "Rosa Maria Teixeira Lobo"


def test_figures_a_space_apart_are_two_columns_on_a_page_that_groups_thousands_with_dots() -> None:
    """Blind probe, round 6: "Sub. Férias 1 940,00" (quantity 1) read as 1 940,00, silently."""
    text = """Oficina Auto Correia, Lda. NIF 548936439 Recibo n.º 14/2026
Período: Jul/2026
Nome: Paulo Jorge Correia Matos NIF: 252984153
Cód Descrição Qtd Valor
01 Venc. Base 30 860,00
05 Sub. Natal 1 860,00
11 Sub. Alim. 22 132,00
Tot. Ilíq. 1.852,00
50 Seg. Social -203,72
60 IRS -91,00
Líq. a Receber 1.557,28"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert (str(fields["base_salary"]), str(fields["subsidy_amount"])) == ("860.00", "860.00")
    assert (str(fields["gross_pay"]), str(fields["net_pay"])) == ("1852.00", "1557.28")


@pytest.mark.parametrize("gross", ["1 772,00", "1.772,00"])
def test_without_a_quantity_column_figures_a_space_apart_are_thousands(gross: str) -> None:
    """Some programs group thousands with spaces in the rows and with dots in the totals."""
    text = f"""Oficina Auto Correia, Lda. NIF 548936439
RECIBO DE VENCIMENTO  Julho 2026
Nome: Paulo Jorge Correia Matos NIF: 252984153
Vencimento base 1 640,00
Subsídio de refeição 132,00
Total ilíquido {gross}
Segurança Social 180,40
IRS 205,00
Líquido 1 386,60"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    read = (str(fields["base_salary"]), str(fields["gross_pay"]), str(fields["net_pay"]))
    assert read == ("1640.00", "1772.00", "1386.60")


@pytest.mark.parametrize(
    ("letterhead", "employer"),
    [
        # The document's title printed on the letterhead's line, before or after the name.
        ("PAYSLIP Nortada Digital, Unipessoal Lda.", "Nortada Digital, Unipessoal Lda."),
        ("Marisqueira do Cais - Restauração, Lda. RECIBO DE REMUNERAÇÕES", "Marisqueira do Cais - Restauração, Lda."),
        # A name printed over two lines, the legal form on the second.
        ("ESCOLA MONTE VERDE\nEnsino e Formação, Lda. · Alvará 77", "ESCOLA MONTE VERDE - Ensino e Formação, Lda."),
        # A brand over its legal name is no part of the name.
        ("Verdemar\nVerdemar Portugal - Comércio Alimentar, S.A.", "Verdemar Portugal - Comércio Alimentar, S.A."),
    ],
)
def test_the_employer_is_the_letterheads_name_and_nothing_else(letterhead: str, employer: str) -> None:
    """Blind probe, round 6: "PAYSLIP Remote Tech ..." kept the title; "Tasca da Ribeira - Restauração,
    Lda. RECIBO DE REMUNERAÇÕES" gave "Tasca da Ribeira"; a name over two lines gave its second line."""
    header = "NIPC 519554590\nRecibo de vencimento  Março 2026\nNome: Sara Lopes Dinis  NIF 118625276"
    text = f"{letterhead}\n{header}\n{ROWS}"
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert fields["employer_name"] == employer


def test_an_english_payslip_gives_its_period_base_salary_and_social_security() -> None:
    text = """Payslip
Lisbon Cloud Works, Unipessoal Lda.  Company Tax ID: 571616828
Pay period: 1 Sep 2026 - 30 Sep 2026
Employee name: Marta Isabel Pinho Serra   Tax ID (NIF): 256355150
Base salary 2.900,00
Meal allowance 22 days 224,40
Gross pay 3.124,40
Social Security (11%) 319,00
Income tax withholding (IRS) 615,00
Net pay 2.190,40"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert fields["period"] == "2026-09"
    assert (str(fields["base_salary"]), str(fields["social_security"])) == ("2900.00", "319.00")
    assert fields["employee_name"] == "Marta Isabel Pinho Serra"
    assert warnings == []
