"""Pension statements the blind probe of round 8 misread: statements printing a payslip's words ("ilíquido",
"Descontos", "ABONOS") read as payslips, "pensionista de invalidez" not known as a pension, a foreign statement in
English refused, and tiles printing each value above its caption read one tile off."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


@pytest.mark.parametrize("gross_caption", ["Total mensal ilíquido", "Montante mensal bruto"])
def test_a_social_pension_table_with_payroll_words_is_a_pension(gross_caption: str) -> None:
    """Blind probe, round 8: an SS 'pensão social de velhice' table with 'ilíquido', 'Descontos' and 'líquido' was a
    payslip whose employee was 'Beneficiária <name>'."""
    text = f"""Instituto da Segurança Social, I.P.
Centro Distrital de Viseu
Assunto: Pensão social de invalidez (regime não contributivo) — declaração de montantes
Beneficiário: Horácio Augusto Vilela Pestana · NIF 135623014 · NISS 12093847561
Pensão social de invalidez 281,40 €
Complemento extraordinário de solidariedade 141,20 €
{gross_caption} 422,60 €
Descontos 0,00 €
Valor mensal líquido 422,60 €
Paga em 14 prestações anuais. Viseu, 3 de março de 2026."""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Horácio Augusto Vilela Pestana"
    assert fields["pensioner_nif"] == "135623014"
    assert fields["issuer"] == "SEGURANCA_SOCIAL"
    assert fields["pension_type"] == "invalidez"
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("422.60"), Decimal("0.00"), Decimal("422.60"),
    )  # fmt: skip
    assert fields["payments_per_year"] == 14
    assert fields["issue_date"] == dt.date(2026, 3, 3)
    assert "arithmetic_mismatch" not in warnings


def test_a_cga_pension_receipt_in_columns_is_a_pension() -> None:
    """Blind probe, round 8: 'RECIBO DE PENSÃO' with columns ABONOS / DESCONTOS and LÍQUIDO was a payslip."""
    text = """CAIXA GERAL DE APOSENTAÇÕES, I.P.
RECIBO DE PENSÃO — OUTUBRO 2026
APOSENTADO: RUI FILIPE DAMASCENO TORRES
NIF: 123836077 SUBSCRITOR N.º 0583921 APOSENTAÇÃO
ABONOS DESCONTOS
Pensão 2.214,90 IRS 402,00
ADSE 3,5% 77,52
TOTAL ABONOS 2.214,90 TOTAL DESCONTOS 479,52 LÍQUIDO 1.735,38
Emitido em 2026-10-20. Pagamento em 14 prestações anuais."""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Rui Filipe Damasceno Torres"
    assert fields["pensioner_nif"] == "123836077"
    assert (fields["issuer"], fields["pension_type"]) == ("CGA", "aposentacao")
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("2214.90"), Decimal("479.52"), Decimal("1735.38"),
    )  # fmt: skip
    assert fields["payments_per_year"] == 14
    assert "arithmetic_mismatch" not in warnings


@pytest.mark.parametrize("kind_word", ["invalidez relativa", "sobrevivência"])
def test_a_pensionista_letter_with_no_deductions(kind_word: str) -> None:
    """Blind probe, round 8: 'é pensionista de invalidez' was not known as a pension (refused, or a payslip once
    'ilíquido' was printed), and 'sem descontos' gave the net to the deductions."""
    text = f"""Segurança Social — Centro Nacional de Pensões
Declaração
Declara-se que Amélia Rosário Quintas Barreto, NIF 177679360, é pensionista de {kind_word},
recebendo mensalmente a pensão de 488,15 € e o complemento por dependência de 102,85 €,
no total ilíquido de 591,00 €, sem descontos, correspondendo o valor líquido a 591,00 €.
As prestações são pagas catorze vezes por ano.
Porto, 14 de abril de 2026"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Amélia Rosário Quintas Barreto"
    assert fields["pension_type"] == kind_word.split()[0].replace("ê", "e")
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("591.00"), Decimal("0"), Decimal("591.00"),
    )  # fmt: skip
    assert fields["payments_per_year"] == 14
    assert fields["issue_date"] == dt.date(2026, 4, 14)
    assert "arithmetic_mismatch" not in warnings


def test_with_no_deductions_and_no_gross_printed_the_gross_is_the_net_said_derived() -> None:
    text = """Segurança Social — Centro Nacional de Pensões
Declara-se que Amélia Rosário Quintas Barreto, NIF 177679360, é pensionista de velhice,
sem descontos, sendo o valor líquido mensal de 612,70 €. Pago 14 vezes por ano."""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("612.70"), Decimal("0"), Decimal("612.70"),
    )  # fmt: skip
    assert "derived:gross_monthly_amount" in warnings


PAYSLIP_WITH_PENSION_WORDS = """{title}
Banco Atlântico de Investimento, S.A.   NIPC 589342584
Nome: Sérgio Manuel Carvalho Neves   NIF 276141164   N.º Beneficiário SS 12345678901
Categoria: Técnico bancário
Período: outubro 2026
Vencimento base 2.100,00
Subsídio de refeição 176,00
Segurança Social 231,00
Fundo de Pensões (contribuição do trabalhador) 105,00
IRS 398,00
Penhora — pensão de alimentos 250,00
Total ilíquido 2.276,00 Total descontos 984,00 Líquido 1.292,00"""


@pytest.mark.parametrize("title", ["RECIBO DE VENCIMENTO", "Processamento de salários"])
def test_a_payslip_naming_pensions_and_social_security_stays_a_payslip(title: str) -> None:
    """A payslip deducts 'Segurança Social', a pension fund, a garnishment for a 'pensão de alimentos', and prints
    the worker's social security number: none of it makes it a pension statement."""
    assert classify(PAYSLIP_WITH_PENSION_WORDS.format(title=title)) == DocumentKind.RECIBO_VENCIMENTO


def test_a_public_servants_payslip_deducting_cga_stays_a_payslip() -> None:
    text = """Agrupamento de Escolas de Valongo
Nome: Paula Cristina Antunes Reis   NIF 296105317
Vencimento 1.802,30
CGA 11% 198,25
ADSE 3,5% 63,08
IRS 301,00
Líquido 1.239,97"""
    assert classify(text) == DocumentKind.RECIBO_VENCIMENTO


@pytest.mark.parametrize(
    ("benefit", "pension_type"),
    [("Retirement pension (employee scheme)", "velhice"), ("Survivor's pension", "sobrevivencia")],
)
def test_a_foreign_pension_statement_in_english(benefit: str, pension_type: str) -> None:
    """Blind probe, round 8: 'PENSION PAYMENT STATEMENT' with English labels and figures ('EUR 1,412.50') was
    refused."""
    text = f"""Deutsche Rentenversicherung — Pensions Service
Berlin, 12 March 2026
PENSION PAYMENT STATEMENT
Beneficiary: Mariana Lúcia Esteves Carreira
Portuguese tax number (NIF): 117304867 · Pension file no.: 44 120358 K 005
Type of benefit: {benefit}
Gross monthly amount EUR 1,608.40
Health insurance contribution (7.30%) EUR 117.41
Long-term care contribution EUR 54.69
Total deductions EUR 172.10
Net monthly amount paid EUR 1,436.30
Paid monthly (12 payments per year) by transfer to IBAN PT50 0035 0000 1234 5678 9012 3."""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Mariana Lúcia Esteves Carreira"
    assert fields["pensioner_nif"] == "117304867"
    assert fields["pension_type"] == pension_type
    assert fields["issuer"] is None
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("1608.40"), Decimal("172.10"), Decimal("1436.30"),
    )  # fmt: skip
    assert fields["payments_per_year"] == 12
    assert fields["issue_date"] == dt.date(2026, 3, 12)
    assert "arithmetic_mismatch" not in warnings


TILES_VALUE_ABOVE = """SEGURANÇA SOCIAL · Pensão de sobrevivência · Informação anual 2026
Clotilde Amparo Saraiva Fontes   |   NIF 278392911
Data de emissão: 2026-02-11
{tiles}
14
prestações / ano"""


def test_tiles_with_the_value_above_the_caption() -> None:
    """Blind probe, round 8: '1.104,36 €' / 'valor mensal bruto' / '71,00 €' / 'retenção IRS' ... gave the gross the
    IRS and the deductions the net; the name beside its NIF, with no label, was not read."""
    tiles = "\n".join(["862,45 €", "valor mensal bruto", "38,00 €", "retenção IRS", "824,45 €", "valor mensal líquido"])
    kind, fields, warnings = read(TILES_VALUE_ABOVE.format(tiles=tiles))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("862.45"), Decimal("38.00"), Decimal("824.45"),
    )  # fmt: skip
    assert fields["pensioner_name"] == "Clotilde Amparo Saraiva Fontes"
    assert fields["pensioner_nif"] == "278392911"
    assert fields["payments_per_year"] == 14
    assert "arithmetic_mismatch" not in warnings


def test_tiles_with_the_caption_above_the_value_still_read() -> None:
    tiles = "\n".join(["valor mensal bruto", "862,45 €", "retenção IRS", "38,00 €", "valor mensal líquido", "824,45 €"])
    _, fields, _ = read(TILES_VALUE_ABOVE.format(tiles=tiles))
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("862.45"), Decimal("38.00"), Decimal("824.45"),
    )  # fmt: skip


def test_a_bodys_name_beside_its_own_nif_is_not_the_pensioner() -> None:
    text = """Instituto da Segurança Social | NIF 505305500
Declaração de valor de pensão
NIF do pensionista: 280732970
Tipo de pensão: Velhice
Valor mensal ilíquido 700,00 €
Valor líquido 700,00 €"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] is None
