"""Payslips the blind probe of round 15 misread: an employer's name followed by its address after a comma, a
period written as 'mês de fevereiro do ano de 2026', an hourly part-time worker's month under 'Remuneração
horária' (hours, rate, amount) and a domestic worker's one earning under a bare 'Retribuição'. The texts are
shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)

ROWS = """Retribuição mensal 820,00
Soma das retribuições 820,00
Contribuição para a Segurança Social (11%) 90,20
Retenção de IRS 0,00
Soma dos descontos 90,20
Importância a receber 729,80"""


def read(text: str) -> dict:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)[1]


def header(employer: str, period: str = "março de 2026") -> str:
    return f"""RECIBO DE RETRIBUIÇÕES
{period}
Entidade empregadora: {employer} NIPC 901234567
Trabalhador(a): Aminata Sow Camará — porteira NIF 283746190
{ROWS}"""


@pytest.mark.parametrize(
    "address",
    [
        "Av. da Liberdade 210, Lisboa",
        "Avenida Fernão de Magalhães 1200, Porto",
        "Rua de Cedofeita 455, Porto",
        "R. do Almada 12, Porto",
        "Praça da Batalha 3, Porto",
        "Largo do Carmo 7, Lisboa",
        "Urbanização Quinta Nova, Lote 12, Braga",
        "Zona Industrial de Ovar, Lote 4",
        "4450-123 Matosinhos",
    ],
)
def test_the_address_after_a_comma_is_no_part_of_the_employers_name(address: str) -> None:
    fields = read(header(f"Condomínio do Edifício Miramar, {address}"))
    assert fields["employer_name"] == "Condomínio do Edifício Miramar"


@pytest.mark.parametrize(
    "employer",
    [
        "Santos, Ferreira & Filhos",
        "Serralharia Bastos & Irmão, Lda.",
        "Construções Miramar, S.A.",
        "Adega Cooperativa de Borba, CRL",
        "Vinhas do Sado, ACE",
    ],
)
def test_a_comma_that_opens_no_address_stays_in_the_name(employer: str) -> None:
    """Guard: a comma before a legal form or a partner's name is the name's own."""
    fields = read(header(employer))
    assert fields["employer_name"] == employer


@pytest.mark.parametrize(
    "period",
    [
        "mês de abril do ano de 2026",
        "Recibo do mês de abril do ano 2026",
        "abril do ano 2026",
    ],
)
def test_a_month_of_a_year_in_words_is_the_period(period: str) -> None:
    fields = read(header("Condomínio do Edifício Miramar", period))
    assert fields["period"] == "2026-04"


def test_a_month_of_a_year_after_the_period_is_not_the_period() -> None:
    """Guard: the month the payslip pays ('Referente ao mês de abril de 2026') wins over a later sentence's month of
    a year ('admitida em janeiro do ano de 2019')."""
    text = header("Condomínio do Edifício Miramar", "Referente ao mês de abril de 2026")
    fields = read(text.replace("— porteira", "— porteira, admitida em janeiro do ano de 2019"))
    assert fields["period"] == "2026-04"


HOURLY = """Drogaria Central de Tomar, Lda.
Contribuinte 509876544 · Tomar
Processamento de salários — Maio 2026
Ajudante de armazém (tempo parcial) · Olena Kovalchuk · NIF 283746190
Rubrica Horas/Dias Preço Montante
{row}
Subsídio de refeição 15 d 6,00 90,00
Montante bruto {gross}
Taxa social única — trabalhador 11% -{ss}
IRS 0,00
Montante transferido para PT50 0035 **** 1234 {net}"""


@pytest.mark.parametrize(
    ("row", "base", "gross", "ss", "net"),
    [
        ("Remuneração horária 92,50 h 5,90 545,75", "545,75", "635,75", "69,93", "565,82"),
        ("Remuneração horária 92 h 5,90 542,80", "542,80", "632,80", "69,61", "563,19"),
        ("Salário/hora 92,50 5,90 545,75", "545,75", "635,75", "69,93", "565,82"),
    ],
)
def test_an_hourly_workers_hours_at_the_rate_are_no_base_salary(
    row: str, base: str, gross: str, ss: str, net: str
) -> None:
    fields = read(HOURLY.format(row=row, gross=gross, ss=ss, net=net))
    # An hourly wage prints no base salary as such (docs/api.md; blind probe r61a).
    assert fields["base_salary"] is None
    assert base
    assert fields["gross_pay"] == Decimal(gross.replace(",", "."))


def test_a_rate_alone_is_no_base_salary() -> None:
    """Guard: a rate printed as information ('Remuneração horária 5,90'), with the month's base on its own row."""
    fields = read(
        HOURLY.format(row="Vencimento base 545,75\nRemuneração horária 5,90", gross="635,75", ss="69,93", net="565,82")
    )
    assert fields["base_salary"] == Decimal("545.75")


def test_overtime_at_a_rate_is_no_base_salary() -> None:
    """Guard: overtime hours at their rate ('Horas extra valor/hora 10 7,50 75,00') are an earning, not the base."""
    fields = read(
        HOURLY.format(
            row="Vencimento base 545,75\nHoras extra valor/hora 10 7,50 75,00", gross="710,75", ss="78,18", net="632,57"
        )
    )
    assert fields["base_salary"] == Decimal("545.75")


def test_a_bare_retribuicao_is_the_base_salary() -> None:
    fields = read("""Recibo de vencimento — serviço doméstico
Empregador(a): Rosa Maria Pestana Vidal, NIF 184736293
Morada: Rua do Paraíso 14, 4000-376 Porto
Empregada doméstica: Jocelyn Reyes Bautista, NIF 283746190
Mês a que respeita: outubro de 2026
Retribuição 910,00 €
Desconto Segurança Social (serviço doméstico 9,4%) 85,54 €
Retenção na fonte de IRS 0,00 €
Valor pago 824,46 €""")
    assert fields["base_salary"] == Decimal("910.00")
    assert fields["gross_pay"] == Decimal("910.00")
