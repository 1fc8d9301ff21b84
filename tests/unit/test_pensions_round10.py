"""Pension statements the blind probe of round 10 misread: foreign statements refused (a Swiss AVS rent in French
with CHF amounts grouped by a space, a UK State Pension paid by the week, a Dutch AOW statement, a Brazilian INSS
"aposentadoria"), an annual-update letter whose old amount was taken for the new one, and a letter's addressee
under a salutation alone on its line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers.classify import classify
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


SWISS = """Caisse cantonale de compensation AVS
Route de Chavannes 12, 1007 Lausanne
Madame
Ermelinda Sousa Carvalhal
Largo do Chafariz 7, 6300-559 Guarda
Attestation de rente 2026
Lausanne, le 3 mars 2026
NIF portugais 190830166
Nous attestons que l'intéressée perçoit une rente ordinaire de vieillesse.
Rente mensuelle de vieillesse : CHF 2'035.50
Versement : mensuel, 12 fois par an.
Aucune retenue n'est effectuée."""


def test_a_swiss_old_age_rent_in_francs() -> None:
    """Blind probe, round 10: a Swiss 'attestation de rente AVS' with 'CHF 1 146.00' was refused."""
    kind, fields, _warnings = read(SWISS)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Ermelinda Sousa Carvalhal"
    assert fields["pensioner_nif"] == "190830166"
    assert fields["pension_type"] == "velhice"
    assert fields["issue_date"] == dt.date(2026, 3, 3)
    assert fields["gross_monthly_amount"] == Decimal("2035.50")
    assert fields["deductions"] == Decimal(0)
    assert fields["payments_per_year"] == 12


def test_an_amount_in_francs_grouped_by_a_space_is_read_and_said_not_in_euros() -> None:
    _, fields, warnings = read(SWISS.replace("CHF 2'035.50", "CHF 2 035.50"))
    assert fields["gross_monthly_amount"] == Decimal("2035.50")
    assert "currency_not_eur" in warnings


UK = """The Pension Service
International Pension Centre, Newcastle upon Tyne
Date: 2 May 2026
Mr Albano Reis Whitmore
Rua do Sol Nascente 4, 8600-712 Lagos
Your State Pension from 11 April 2026
Portuguese tax number (NIF): 275749118
Your State Pension is £180.60 a week.
Tax is not deducted by us. Income tax may be payable where you live."""


def test_a_uk_state_pension_paid_by_the_week() -> None:
    """Blind probe, round 10: 'Your new State Pension is £230.25 a week' was refused: the month's worth is
    the week's x 52 / 12, said derived and not in euros."""
    kind, fields, warnings = read(UK)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_nif"] == "275749118"
    assert fields["pension_type"] == "velhice"
    assert fields["issue_date"] == dt.date(2026, 5, 2)
    assert fields["gross_monthly_amount"] == Decimal("782.60")
    assert "derived:gross_monthly_amount" in warnings
    assert "currency_not_eur" in warnings
    assert fields["deductions"] == Decimal(0)
    assert fields["payments_per_year"] == 12


def test_a_name_over_an_address_in_portugal_is_the_addressee() -> None:
    _, fields, _ = read(UK.replace("Mr Albano Reis Whitmore", "Albano Reis Whitmore"))
    assert fields["pensioner_name"] == "Albano Reis Whitmore"


def test_a_labelled_amount_paid_every_four_weeks_is_a_months_worth() -> None:
    text = UK.replace("Your State Pension is £180.60 a week.", "Gross pension: £722.40 every 4 weeks")
    _, fields, warnings = read(text)
    assert fields["gross_monthly_amount"] == Decimal("782.60")
    assert "derived:gross_monthly_amount" in warnings


DUTCH = """Sociale Verzekeringsbank
SVB · AOW pension · Postbus 1100, Amstelveen
Jaaropgave AOW 2026 Amstelveen, 6 March 2026
Name / Naam: Wilhelmina Cardoso de Groot
Tax number Portugal (NIF): 239548620
Gross AOW pension per month / Bruto AOW per maand € 1.412,08
Wage tax / Loonheffing € 61,40
Net per month / Netto per maand € 1.350,68"""


def test_a_dutch_aow_statement_in_english_and_dutch() -> None:
    """Blind probe, round 10: an SVB 'Bruto AOW per maand' statement was refused."""
    kind, fields, warnings = read(DUTCH)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Wilhelmina Cardoso de Groot"
    assert fields["pensioner_nif"] == "239548620"
    assert fields["pension_type"] == "velhice"
    assert fields["issue_date"] == dt.date(2026, 3, 6)
    assert fields["gross_monthly_amount"] == Decimal("1412.08")
    assert fields["deductions"] == Decimal("61.40")
    assert fields["net_monthly_amount"] == Decimal("1350.68")
    assert "currency_not_eur" not in warnings
    assert "arithmetic_mismatch" not in warnings


BRAZIL = """INSTITUTO NACIONAL DO SEGURO SOCIAL — INSS
EXTRATO DE PAGAMENTO DE BENEFÍCIO Competência: 09/2026
Nome do beneficiário Josefa Aparecida Nunes Bastos
NIF (Portugal) 284837261
Espécie 32 — Aposentadoria por invalidez
101 VALOR TOTAL DE MR DO PERÍODO R$ 3.120,40
IRRF R$ 212,15
Valor líquido R$ 2.908,25
Emitido em 07/10/2026"""


def test_a_brazilian_aposentadoria_in_reais() -> None:
    """Blind probe, round 10: an INSS 'Aposentadoria por idade' in R$ was refused ('aposentadoria', not 'pensão')."""
    kind, fields, warnings = read(BRAZIL)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Josefa Aparecida Nunes Bastos"
    assert fields["pensioner_nif"] == "284837261"
    assert fields["pension_type"] == "invalidez"
    assert fields["issue_date"] == dt.date(2026, 10, 7)
    assert fields["gross_monthly_amount"] == Decimal("3120.40")
    assert fields["deductions"] == Decimal("212.15")
    assert fields["net_monthly_amount"] == Decimal("2908.25")
    assert "currency_not_eur" in warnings


def test_a_payslip_naming_a_pension_fund_is_still_a_payslip() -> None:
    text = """RECIBO DE VENCIMENTO  Março 2026
Trabalhador: Rui Pedro Antunes Vaz
Vencimento base 1.200,00
Fundo de pensões 24,00
Segurança Social 132,00
IRS 98,00
Líquido 946,00"""
    assert classify(text) == DocumentKind.RECIBO_VENCIMENTO


UPDATE = """Instituto da Segurança Social, I.P.
Centro Nacional de Pensões
Ex.mo Senhor
Arnaldo Baptista Quintela Rocha
Rua da Escola 12, 4750-210 Barcelos
Assunto: Atualização anual das pensões Porto, 15 de janeiro de 2026
A sua pensão de invalidez (NIF 190830166) foi atualizada com efeitos a 1 de janeiro de 2026.
Valor mensal em dezembro de 2025: 702,10 €
Valor mensal a partir de janeiro de 2026: 719,65 €"""


def test_an_annual_update_takes_the_amount_from_the_new_year() -> None:
    """Blind probe, round 10: 'Valor mensal em dezembro de 2025: 517,84 €' then '... a partir de janeiro de 2026:
    530,78 €' gave the old amount."""
    kind, fields, _ = read(UPDATE)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("719.65")


def test_an_annual_update_with_the_new_amount_first() -> None:
    lines = UPDATE.splitlines()
    _, fields, _ = read("\n".join([*lines[:-2], lines[-1], lines[-2]]))
    assert fields["gross_monthly_amount"] == Decimal("719.65")


def test_an_update_naming_the_previous_and_the_updated_amount_in_words() -> None:
    text = UPDATE.replace("Valor mensal em dezembro de 2025:", "Valor mensal anterior:").replace(
        "Valor mensal a partir de janeiro de 2026:", "Valor mensal atualizado:"
    )
    _, fields, _ = read(text)
    assert fields["gross_monthly_amount"] == Decimal("719.65")


def test_a_salutation_alone_on_its_line_is_over_the_pensioners_name() -> None:
    """Blind probe, round 10: 'Ex.ma Senhora' / the name on the next line was not read."""
    _, fields, _ = read(UPDATE)
    assert fields["pensioner_name"] == "Arnaldo Baptista Quintela Rocha"


def test_the_letters_place_and_date_beat_a_date_in_its_text() -> None:
    _, fields, _ = read(UPDATE)
    assert fields["issue_date"] == dt.date(2026, 1, 15)


def test_a_nota_de_abono_with_no_count_printed_gets_the_laws_fourteen() -> None:
    """A CGA 'NOTA DE ABONO' of one month ('PERÍODO: 2026/03') does not say how many payments a year: none is read
    off the page; the CGA pays fourteen by law, worked out and said so (blind probe r53a: every such statement
    warned ``missing:payments_per_year``)."""
    text = """CAIXA GERAL DE APOSENTAÇÕES NOTA DE ABONO
PERÍODO: 2026/05
APOSENTADO: LEONOR MARIA FAGUNDES TEIXEIRA
NIF: 239548620 PENSÃO DE APOSENTAÇÃO
DESCRIÇÃO ABONOS DESCONTOS
PENSÃO DE APOSENTAÇÃO 1.402,18
IRS 160,00
TOTAIS 1.402,18 160,00
LÍQUIDO A RECEBER 1.242,18"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Leonor Maria Fagundes Teixeira"
    assert fields["payments_per_year"] == 14
    assert "derived:payments_per_year" in warnings
