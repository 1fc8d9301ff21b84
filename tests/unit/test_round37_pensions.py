"""Pension documents of blind probe r37b: a simulation of a pension and a claim still "em análise" read as pensions
paid (refused now, as a salary's simulation is); two pensions on one letter with no total row (the first row taken
for the month, the net for the gross); a date OCR split ("18/1 1/2026") read as 1 January; the Segurança Social's
statement of a year's pension for the IRS return read as the return itself; a Swiss "Montant annuel" and a year's
line whose "ilíquido" OCR doubted left unread."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.common import parse_dates
from documents.extraction.parsers.pension import parse_pension
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 10))


# --- A pension not paid: a simulation, a claim not yet decided --------------------------------------------------

SIMULATION = """Segurança Social
Centro Nacional de Pensões
SIMULAÇÃO DE PENSÃO DE INVALIDEZ
Nome Teodoro Vasco Salgueiro Pimenta
NIF 198057814
Data da simulação 14/11/2026
Data prevista de início 01/03/2029
Valor estimado da pensão mensal 986,40 €
Valor anual estimado (14 meses) 13.809,60 €
Esta simulação tem caráter meramente informativo e não constitui atribuição de pensão."""


@pytest.mark.parametrize(
    "text",
    [
        SIMULATION,
        # Its title lost (a photo's top cut off), the type under a caption: the estimate's own words.
        SIMULATION.replace("SIMULAÇÃO DE PENSÃO DE INVALIDEZ", "Tipo de pensão: Invalidez"),
        # Its estimate's caption in other words, the title only.
        SIMULATION.replace("Valor estimado da pensão mensal", "Pensão mensal").replace(
            " e não constitui atribuição de pensão", ""
        ),
    ],
)
def test_a_pension_s_simulation_is_no_pension_paid(text: str) -> None:
    """Blind probe r37b: its estimate was read as the pension paid, gross x 14, with no warning."""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.UNKNOWN
    assert fields == {}


CLAIM = """Segurança Social Direta
COMPROVATIVO DE ENTREGA DE REQUERIMENTO
Prestação requerida Pensão de sobrevivência
Requerente Leonor Brites Cabral Meireles
NIF 294667202
Data de entrada 03/12/2026
N.º do pedido PS-2026-551870
Estado Em análise
O seu requerimento foi recebido e encontra-se em análise. Será notificado(a) da decisão por escrito."""


@pytest.mark.parametrize(
    "text",
    [
        CLAIM,
        # Its title lost: the state of the claim.
        CLAIM.replace("COMPROVATIVO DE ENTREGA DE REQUERIMENTO\n", ""),
        # Its state lost: the title, and the disclaimer naming the decision it is not.
        CLAIM.replace("Estado Em análise\n", "").replace(
            "encontra-se em análise", "aguarda tratamento. Este comprovativo não constitui deferimento da pensão"
        ),
    ],
)
def test_a_claim_for_a_pension_not_yet_decided_is_no_pension_paid(text: str) -> None:
    """Blind probe r37b: accepted as a DECLARACAO_PENSAO with its type and NIF, and no amount."""
    assert read(text)[0] == DocumentKind.UNKNOWN


def test_a_claim_granted_is_the_pension_s_statement() -> None:
    """Guard (passes before and after): the decision on a claim, granted, states the pension paid."""
    granted = """Centro Nacional de Pensões
Assunto: Deferimento do requerimento de pensão de velhice
Requerente: Leonor Brites Cabral Meireles · NIF 294667202
Decisão: Deferido. O processo esteve em análise de 02/06/2026 a 20/10/2026.
Valor mensal da pensão: 812,35 €, paga 14 vezes por ano
Lisboa, 28 de outubro de 2026"""
    kind, fields, _ = read(granted)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("812.35")


def test_a_salary_s_simulation_and_an_unemployment_benefit_stay_refused() -> None:
    """Guard (passes before and after)."""
    assert classify("SIMULAÇÃO DE VENCIMENTO\nRemuneração base 1.100,00\nLíquido estimado 979,00 €") == (
        DocumentKind.UNKNOWN
    )
    unemployment = """SEGURANÇA SOCIAL
Assunto: Deferimento do requerimento de Subsídio de Desemprego
Beneficiário: Leonor Brites Cabral Meireles NIF: 294667202
Montante mensal: 744,10 €"""
    assert classify(unemployment) == DocumentKind.UNKNOWN


# --- Two pensions on one letter -------------------------------------------------------------------------------

TWO_PENSIONS = """Segurança Social
Centro Nacional de Pensões
DECLARAÇÃO DE PENSÕES
Declara-se que Albertina Sousa Guedes Rebelo, contribuinte n.º 161845690, recebe do Centro Nacional de
Pensões as seguintes prestações, pagas 14 vezes por ano:
Prestação Valor mensal
Pensão de sobrevivência 412,66 €
Pensão de velhice 903,18 €
{total}IRS retido (mensal) 88,00 €
Valor líquido mensal 1.227,84 €
Coimbra, 19 de novembro de 2026"""


def test_two_pensions_with_no_total_row_add_up_to_the_gross() -> None:
    """Blind probe r37b: the first row was the month's gross, then swapped with the net (gross 1.227,84, net
    412,66), with an arithmetic mismatch."""
    kind, fields, warnings = read(TWO_PENSIONS.format(total=""))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("1315.84")
    assert fields["deductions"] == Decimal("88.00")
    assert fields["net_monthly_amount"] == Decimal("1227.84")
    assert "derived:gross_monthly_amount" in warnings
    assert "arithmetic_mismatch" not in warnings


def test_two_pensions_with_their_total_row_read_the_total() -> None:
    """Guard (passes before and after): the printed total is read, not worked out."""
    _, fields, warnings = read(TWO_PENSIONS.format(total="Total ilíquido 1.315,84 €\n"))
    assert fields["gross_monthly_amount"] == Decimal("1315.84")
    assert fields["net_monthly_amount"] == Decimal("1227.84")
    assert not [warning for warning in warnings if warning.startswith(("derived", "arithmetic"))]


# --- A date OCR split -------------------------------------------------------------------------------------------

SPLIT_DATE = """Segurança Social
DECLARAÇÃO
Declara-se que Vasco Meireles Tavares, NIF 290893860, é pensionista do Centro Nacional de Pensões, titular
de pensão de velhice, com o valor mensal ilíquido de 1.020,00 €, paga 14 vezes por ano.
Segurança Social Direta, {date}"""


def test_a_date_whose_month_ocr_split_is_read_whole() -> None:
    """Blind probe r37b: "18/1 1/2026" was read as 1 January 2026, a silent wrong date."""
    assert read(SPLIT_DATE.format(date="24/1 1/2026"))[1]["issue_date"] == dt.date(2026, 11, 24)
    assert parse_dates("Data: 07/1 0/2026") == [dt.date(2026, 10, 7)]


@pytest.mark.parametrize("broken", ["24/1 3/2026", "24/1 1-2026"])
def test_a_date_split_into_no_date_gives_none(broken: str) -> None:
    """Split otherwise (no month 13, two separators), the figures after the gap are no date of their own."""
    assert read(SPLIT_DATE.format(date=broken))[1]["issue_date"] is None


def test_dates_printed_whole_are_read_as_before() -> None:
    """Guard (passes before and after): a period's two dates, spaced figures, a year first."""
    assert parse_dates("Período 01/10-31/10/2026") == [dt.date(2026, 10, 31)]
    assert parse_dates("Data 15 03 2026") == [dt.date(2026, 3, 15)]
    assert parse_dates("Emitido em 2026-11-18 e 19/11/2026") == [dt.date(2026, 11, 18), dt.date(2026, 11, 19)]


# --- The Segurança Social's statement of a year's pension for the IRS return ---------------------------------

YEAR_STATEMENT = """Segurança Social
Instituto da Segurança Social, I.P.
DECLARAÇÃO DE RENDIMENTOS — ANO 2025
{subtitle}Nome Joaquina Prates Lacerda
NIF 100851932
NISS 21198746020
Prestação Pensão de sobrevivência
{monthly}Rendimentos pagos em 2025 Montante
Rendimento bruto (código 401) 11 473,28 €
Retenções na fonte de IRS 604,00 €
Emitido em 09/12/2026 através da Segurança Social Direta.
Os valores declarados foram comunicados à Autoridade Tributária e Aduaneira."""
SUBTITLE = "(para efeitos de IRS — Modelo 3, Anexo A, categoria H)\n"


@pytest.mark.parametrize("subtitle", [SUBTITLE, ""])
def test_the_social_security_s_statement_of_a_year_for_the_return_is_a_pension_statement(subtitle: str) -> None:
    """Blind probe r37b: with its subtitle naming the Modelo 3, a DECLARACAO_IRS and every pension field lost;
    without it, the year's gross unread."""
    kind, fields, _ = read(YEAR_STATEMENT.format(subtitle=subtitle, monthly=""))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["annual_amount"] == Decimal("11473.28")
    assert fields["pensioner_name"] == "Joaquina Prates Lacerda"
    assert fields["pensioner_nif"] == "100851932"
    assert fields["issuer"] == "SEGURANCA_SOCIAL"
    assert fields["pension_type"] == "sobrevivencia"
    assert fields["issue_date"] == dt.date(2026, 12, 9)
    # The year's tax withheld is no month's deductions.
    assert fields["deductions"] is None


def test_the_year_s_statement_printing_the_month_reads_both() -> None:
    _, fields, _ = read(YEAR_STATEMENT.format(subtitle=SUBTITLE, monthly="Valor mensal da pensão 819,52 €\n"))
    assert fields["gross_monthly_amount"] == Decimal("819.52")
    assert fields["annual_amount"] == Decimal("11473.28")
    assert fields["payments_per_year"] == 14


@pytest.mark.parametrize(
    "text",
    [
        # The pensioner's own return names its payer and pension: no statement "para efeitos de IRS".
        "IRS - Declaração de Rendimentos Modelo 3\nAno 2025\nSujeito passivo A NIF 100851932\n"
        "Anexo A - Quadro 4A\nNIF da entidade pagadora 505305500 Instituto da Segurança Social\n"
        "Código 401 Pensão de sobrevivência 11.473,28",
        # Even one saying what it is for, while naming its taxpayers by their letters.
        "Declaração Modelo 3 de IRS para efeitos de IRS do ano 2025\nSujeito passivo A NIF 100851932\n"
        "Anexo A\nEntidade pagadora: Centro Nacional de Pensões\nPensão de velhice 9.100,00",
    ],
)
def test_an_irs_return_naming_the_social_security_s_pension_stays_a_return(text: str) -> None:
    """Guard (passes before and after)."""
    assert classify(text) == DocumentKind.DECLARACAO_IRS


# --- Annual amounts ----------------------------------------------------------------------------------------------

SWISS = """AVS Caisse suisse de compensation CSC
Genève, le 16.11.2026
Attestation de rente AVS
Nous attestons que Urs Bachmann, domicilié au Portugal, bénéficie d'une rente ordinaire de vieillesse.
Rente mensuelle CHF 1'545.00
Nombre de versements par an 12
Montant annuel CHF 18'540.00"""


def test_a_swiss_annual_amount_is_read() -> None:
    """Blind probe r37b: "Montant annuel" (French doubles the n) was not an annual amount's caption."""
    kind, fields, warnings = read(SWISS)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["annual_amount"] == Decimal("18540.00")
    assert fields["gross_monthly_amount"] == Decimal("1545.00")
    assert "arithmetic_mismatch" not in warnings


def scanned(text: str, doubted: str = "") -> Line:
    """A line as OCR gives it, the word ``doubted`` read at a low confidence."""
    words = [(word, 0.3 if word == doubted else 0.93) for word in text.split()]
    return Line(text, 0.85, word_confidences=words)


def test_a_year_s_line_whose_iliquido_ocr_doubted_is_still_the_year_s() -> None:
    """Blind probe r37b: a fund statement's photo read "Valor anual líquido:" at a low confidence, and the line was
    left out with the months' lines whose "líquido" OCR doubts: the year's amount was lost."""
    lines = [
        scanned("Fundo de Pensões do Banco Exemplar — declara que Rui Tomé Salgado, NIF 155820036, é beneficiário"),
        scanned("de uma pensão de reforma paga por este Fundo, nas seguintes condições:"),
        scanned("Pensão de reforma (ilíquida) 2.410,75 €"),
        scanned("Retenção IRS -498,00 €"),
        scanned("Valor líquido mensal 1.912,75 €"),
        scanned("A pensão é paga em 12 prestações mensais."),
        scanned("Valor anual líquido: 28.929,00 €", doubted="líquido:"),
    ]
    fields = parse_pension(lines).fields
    assert fields["annual_amount"] == Decimal("28929.00")
    assert fields["gross_monthly_amount"] == Decimal("2410.75")


def test_a_month_s_line_whose_liquido_ocr_doubted_is_still_left_out() -> None:
    """Guard (passes before and after): a month's amount captioned by a doubted "líquido" is not read either way."""
    lines = [
        scanned("Pensão de reforma — NIF 155820036"),
        scanned("Valor mensal líquido 2.410,75 €", doubted="líquido"),
    ]
    fields = parse_pension(lines).fields
    assert "net_monthly_amount" not in fields
    assert "gross_monthly_amount" not in fields


def test_the_sender_of_a_simulation_is_told_what_proves_a_pension() -> None:
    from documents.extraction.local import PENSION_NOT_PAID, UNRECOGNISED, refusal
    from documents.extraction.reader import Line, ReadDocument

    def read_page(text: str) -> ReadDocument:
        return ReadDocument(lines=[Line(line) for line in text.splitlines()], pages=1, method="text")

    assert refusal(read_page(SIMULATION), "PROOF_OF_INCOME", []) == PENSION_NOT_PAID
    # Any other refused document keeps the general reason.
    # (A bank statement, the example here before, has a reason of its own since blind probe r48a.)
    letter = "Agência Atlântico Viagens\nConfirmação de reserva\nTotal pago 1.234,56 €\nPartida em novembro de 2026"
    assert refusal(read_page(letter), "PROOF_OF_INCOME", []) == UNRECOGNISED["PROOF_OF_INCOME"]
