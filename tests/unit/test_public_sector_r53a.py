"""Blind probe r53a: public-sector payslips and CGA pension statements.

A pension statement of a month paying a subsidy gives the month's own pension; a CGA or Segurança Social pension
is paid fourteen times a year; an employer's yearly declaration naming the Modelo 3 it is for is refused; the
regular net of a subsidy month takes the health scheme's share of the subsidy off; the employer's name ends
before another field's caption glued to it, and a body of one word keeps its paying service.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from applicants.text import fold
from documents.extraction.parsers.classify import classify, payers_yearly_declaration
from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.parsers.pension import parse_pension
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import pension_revalidate


def lines_of(text: str) -> list[Line]:
    return [Line(line) for line in text.splitlines()]


CHRISTMAS_MONTH = """Instituto da Segurança Social, I.P. — Centro Nacional de Pensões
Nota de pagamento de pensão — Dezembro de 2026
Pensionista: Maria Helena Sobral Antunes
NIF: 123456789
Pensão de velhice 1.210,00
Subsídio de Natal 1.210,00
Total ilíquido 2.420,00
IRS 145,20
IRS s/ Subsídio de Natal 145,20
Total descontos 290,40
Valor líquido a receber 2.129,60"""


def test_a_month_paying_the_christmas_subsidy_gives_the_months_own_pension() -> None:
    parsed = parse_pension(lines_of(CHRISTMAS_MONTH))
    assert parsed.fields["gross_monthly_amount"] == Decimal("1210.00")
    assert parsed.fields["deductions"] == Decimal("145.20")
    assert parsed.fields["net_monthly_amount"] == Decimal("1064.80")
    for field in ("gross_monthly_amount", "deductions", "net_monthly_amount"):
        assert f"derived:{field}" in parsed.warnings
    assert pension_revalidate(dict(parsed.fields), today=dt.date(2026, 12, 20)) == []


FOURTEENTH_MONTH_NO_OWN_DEDUCTIONS = """CAIXA GERAL DE APOSENTAÇÕES
Nota de abonos e descontos — Julho de 2026
Nome: Rui Manuel Pais Tavares
NIF: 210987650
Pensão de aposentação 2.000,00
14.º mês 2.000,00
Total ilíquido 4.000,00
ADSE (3,5%) 140,00
IRS 720,00
Total descontos 860,00
Líquido 3.140,00"""


def test_the_subsidys_deductions_are_their_share_when_no_row_names_it() -> None:
    parsed = parse_pension(lines_of(FOURTEENTH_MONTH_NO_OWN_DEDUCTIONS))
    assert parsed.fields["gross_monthly_amount"] == Decimal("2000.00")
    assert parsed.fields["deductions"] == Decimal("430.00")
    assert parsed.fields["net_monthly_amount"] == Decimal("1570.00")


def test_a_letter_stating_the_pension_and_its_subsidy_apart_is_left_as_read() -> None:
    text = """Centro Nacional de Pensões
Pensionista: Maria Helena Sobral Antunes NIF: 123456789
Valor mensal da pensão 900,00
Subsídio de Natal 900,00"""
    parsed = parse_pension(lines_of(text))
    assert parsed.fields["gross_monthly_amount"] == Decimal("900.00")
    assert "pension_subsidy_month" not in parsed.warnings


CGA_MONTH = """CAIXA GERAL DE APOSENTAÇÕES, I.P.
Nota de abonos e descontos — Outubro de 2026
Nome: Rui Manuel Pais Tavares
NIF: 210987650
Tipo de pensão: Pensão de aposentação
Pensão de aposentação 1.500,00
IRS 180,00
Total descontos 180,00
Valor líquido a receber 1.320,00"""


def test_a_cga_pension_is_paid_fourteen_times_by_law() -> None:
    parsed = parse_pension(lines_of(CGA_MONTH))
    assert parsed.fields["payments_per_year"] == 14
    assert "derived:payments_per_year" in parsed.warnings


def test_a_benefit_paid_twelve_times_gets_no_count_by_law() -> None:
    text = CGA_MONTH.replace("CAIXA GERAL DE APOSENTAÇÕES, I.P.", "Segurança Social").replace(
        "Tipo de pensão: Pensão de aposentação", "Prestação Social para a Inclusão (pensão de invalidez)"
    )
    assert parse_pension(lines_of(text)).fields.get("payments_per_year") is None


EMPLOYERS_YEAR = """Município de Vale Alto
NIF 500111227
DECLARAÇÃO DE RENDIMENTOS — ANO 2025
(art. 119.º, n.º 1, alínea b) do Código do IRS)
Nome: Maria Helena Sobral Antunes NIF: 123456789
Rendimentos brutos pagos no ano 21.400,00 €
Retenções na fonte de IRS 2.310,00 €
Declaração emitida para efeitos do preenchimento da declaração Modelo 3 de IRS."""


def test_an_employers_yearly_declaration_naming_the_modelo_3_is_refused() -> None:
    assert classify(EMPLOYERS_YEAR) == DocumentKind.UNKNOWN
    # Named for the return it is for, with no article cited.
    no_article = EMPLOYERS_YEAR.replace("(art. 119.º, n.º 1, alínea b) do Código do IRS)", "")
    assert payers_yearly_declaration(fold(no_article))


SUBSIDY_MONTH_WITH_ADSE = """Município de Vale Alto
NIF 500111227
RECIBO DE VENCIMENTO
Mês de processamento: Novembro de 2026
Nome: Maria Helena Sobral Antunes
NIF: 123456789
Cód. Descrição Abonos Descontos
0001 Remuneração base 1.400,00
0501 Subsídio de Natal 1.400,00
9001 CGA - Quota (11%) 308,00
9101 ADSE (3,5%) 98,00
9201 IRS 168,00
9202 IRS - Subsídio de Natal 168,00
Total abonos: 2.800,00 Total descontos: 742,00
Líquido a receber 2.058,00 €"""


def test_the_regular_net_takes_the_health_schemes_share_of_the_subsidy_off() -> None:
    parsed = parse_payslip(lines_of(SUBSIDY_MONTH_WITH_ADSE))
    # The month without the subsidy: 1 400,00 less 154,00 CGA, 49,00 ADSE and 168,00 IRS.
    assert parsed.fields["regular_net_pay"] == Decimal("1029.00")
    assert "derived:regular_net_pay" in parsed.warnings


def test_another_fields_caption_glued_after_the_employers_name_is_cut() -> None:
    text = SUBSIDY_MONTH_WITH_ADSE.replace(
        "Município de Vale Alto\nNIF 500111227\nRECIBO DE VENCIMENTO\nMês de processamento: Novembro de 2026",
        "Agrupamento de Escolas de Vale Alto Mês de Processamento:\nNIF 600555127 Novembro de 2026\n"
        "RECIBO DE VENCIMENTO",
    )
    assert parse_payslip(lines_of(text)).fields["employer_name"] == "Agrupamento de Escolas de Vale Alto"


def test_a_one_word_body_before_its_paying_service_is_kept() -> None:
    text = SUBSIDY_MONTH_WITH_ADSE.replace(
        "Município de Vale Alto\nNIF 500111227",
        "MINISTÉRIO DA DEFESA NACIONAL\nArmada - Direção de Finanças Navais NIF da entidade: 600555127",
    )
    assert parse_payslip(lines_of(text)).fields["employer_name"] == "Armada - Direção de Finanças Navais"
