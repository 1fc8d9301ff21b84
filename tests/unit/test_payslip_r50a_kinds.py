"""What the blind probe of round 50A found in a payslip's kinds and checks: a base salary above the gross dropped as
implausible on a month the slip says it paid in part (unpaid leave, a contract started within the month); a
statement of per diems and kilometres read as a payslip with every amount null; and a month that paid nothing, with
no signal of it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import translation

from documents.extraction import local
from documents.extraction.parsers.classify import classify
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from intake.status import reason_in_language
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))


def read_page(text: str) -> ReadDocument:
    return ReadDocument(lines=[Line(line) for line in text.splitlines() if line.strip()], pages=1, method="text")


def slip(header: str, rows: str, gross: str, social: str, irs: str, deductions: str, net: str) -> str:
    return f"""Serralharia Costa & Lemos, Lda.
NIF 512345678
RECIBO DE VENCIMENTO
Período: Outubro 2026
Nome: Rui Filipe Lemos Sardinha NIF: 219485631
{header}
Cód. Descrição Qtd. Abonos Descontos
{rows}
500 Segurança Social 11% {social}
501 IRS {irs}
Totais {gross} {deductions}
Líquido a receber: {net} €"""


# Base 1.240,00, 7 days of unpaid leave withheld (−289,33), meal 15 x 6,00: gross 1.040,67; SS 114,47, IRS 52,20.
UNPAID_LEAVE = slip(
    "Vencimento base mensal: 1.240,00 € Admissão: 02/05/2017",
    """100 Vencimento base 30 d 1.240,00
101 Subsídio de alimentação 15 d x 6,00 90,00
130 Licença sem retribuição (7 dias) 7 d -289,33""",
    "1.040,67",
    "114,47",
    "52,20",
    "166,67",
    "874,00",
)


def test_unpaid_leave_printed_with_a_minus_keeps_the_base_above_the_gross() -> None:
    _, fields, warnings = read(UNPAID_LEAVE)
    assert fields["base_salary"] == Decimal("1240.00")
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1040.67"), Decimal("874.00"))
    assert "base_salary_implausible" not in warnings


def test_guard_the_same_base_above_the_gross_with_no_row_withholding_pay_is_still_implausible() -> None:
    """The guard (passes before the fix too): the leave's row gone, nothing explains the base above the gross."""
    _, fields, warnings = read(UNPAID_LEAVE.replace("130 Licença sem retribuição (7 dias) 7 d -289,33\n", ""))
    assert fields["base_salary"] is None
    assert "base_salary_implausible" in warnings


# Admitted on 13 October: 19 of 31 days, paid 19/30 of 2.100,00 = 1.330,00; meal 13 x 7,00 = 91,00; gross 1.421,00;
# SS 156,31, IRS 127,89.
STARTED_WITHIN_THE_MONTH = slip(
    "Remuneração base: 2.100,00 € Data de admissão: 13-10-2026",
    """100 Remuneração (13 a 31 de outubro) 1.330,00
101 Subsídio de alimentação 13 d x 7,00 91,00""",
    "1.421,00",
    "156,31",
    "127,89",
    "284,20",
    "1.136,80",
)


def test_a_contract_started_within_the_month_keeps_the_monthly_base_above_the_gross() -> None:
    _, fields, warnings = read(STARTED_WITHIN_THE_MONTH)
    assert fields["base_salary"] == Decimal("2100.00")
    assert fields["gross_pay"] == Decimal("1421.00")
    assert "base_salary_implausible" not in warnings


def test_a_contract_ended_within_the_month_keeps_the_base_too() -> None:
    ended = STARTED_WITHIN_THE_MONTH.replace("Data de admissão: 13-10-2026", "Data de saída: 19/10/2026").replace(
        "Remuneração (13 a 31 de outubro)", "Remuneração"
    )
    _, fields, warnings = read(ended)
    assert fields["base_salary"] == Decimal("2100.00")
    assert "base_salary_implausible" not in warnings


def test_a_base_row_paying_some_days_keeps_the_monthly_base() -> None:
    days = STARTED_WITHIN_THE_MONTH.replace(" Data de admissão: 13-10-2026", "").replace(
        "Remuneração (13 a 31 de outubro)", "Remuneração base 19 d"
    )
    _, fields, warnings = read(days)
    assert fields["base_salary"] == Decimal("2100.00")
    assert "base_salary_implausible" not in warnings


def test_guard_a_start_in_another_month_or_far_too_few_days_leaves_the_base_implausible() -> None:
    """The guard: an admission years ago explains nothing; and a start within the month explains only the days
    before it (a base of 9.000,00 on a gross of 1.421,00, started on the 13th, is still a misreading)."""
    earlier = STARTED_WITHIN_THE_MONTH.replace("13-10-2026", "13-10-2019").replace(
        "Remuneração (13 a 31 de outubro)", "Remuneração"
    )
    _, fields, warnings = read(earlier)
    assert fields["base_salary"] is None
    assert "base_salary_implausible" in warnings
    _, fields, warnings = read(
        STARTED_WITHIN_THE_MONTH.replace("Remuneração base: 2.100,00", "Remuneração base: 9.000,00")
    )
    assert fields["base_salary"] is None
    assert "base_salary_implausible" in warnings


EXPENSE_STATEMENT = """Transportes Costa & Lemos, Lda.
NIF 512345678
BOLETIM ITINERÁRIO - AJUDAS DE CUSTO E QUILÓMETROS
Outubro de 2026
Colaborador: Rui Filipe Lemos Sardinha NIF: 219485631
Data Destino / Serviço Dias Km Valor
06/10/2026 Cliente Évora - montagem 1 262 150,44
14/10/2026 Obra Faro 2 556 301,92
21/10/2026 Cliente Setúbal - reparação 1 98 75,64
Total a pagar 528,00 €
Montantes isentos de IRS e de contribuições para a Segurança Social nos limites legais.
Pago por transferência bancária juntamente com o vencimento de outubro."""

PER_DIEM_IN_A_PAYSLIP = slip(
    "Vencimento base mensal: 1.240,00 €",
    """100 Vencimento base 30 d 1.240,00
102 Ajudas de custo (boletim itinerário) 3 d x 50,20 150,60""",
    "1.390,60",
    "136,40",
    "60,00",
    "196,40",
    "1.194,20",
)


def test_a_statement_of_per_diems_and_kilometres_is_refused_as_no_pay() -> None:
    assert classify(EXPENSE_STATEMENT) == DocumentKind.UNKNOWN
    reason = local.EXPENSE_STATEMENT_REFUSED
    assert local.refusal(read_page(EXPENSE_STATEMENT), "PROOF_OF_INCOME", []) == reason
    with translation.override("en"):
        assert reason_in_language(reason) != reason


@pytest.mark.parametrize("title", ["Mapa de ajudas de custo e deslocações", "Nota de despesas de deslocação"])
def test_an_expense_statement_by_another_title_is_refused_too(title: str) -> None:
    text = EXPENSE_STATEMENT.replace("BOLETIM ITINERÁRIO - AJUDAS DE CUSTO E QUILÓMETROS", title.upper())
    assert classify(text) == DocumentKind.UNKNOWN


def test_guard_a_payslip_paying_a_per_diem_stays_a_payslip() -> None:
    """The guard: a per diem among a payslip's earnings, even one naming the itinerary, leaves it a payslip."""
    kind, fields, _ = read(PER_DIEM_IN_A_PAYSLIP)
    assert kind == DocumentKind.RECIBO_VENCIMENTO
    assert fields["net_pay"] == Decimal("1194.20")


# A whole month of sick leave: the base withheld in full, nothing paid.
NOTHING_PAID = slip(
    "Vencimento base mensal: 1.240,00 €",
    """100 Vencimento base 30 d 1.240,00
102 Faltas por doença (baixa - 31 dias) 30 d -1.240,00""",
    "0,00",
    "0,00",
    "0,00",
    "0,00",
    "0,00",
)


def test_a_month_that_paid_nothing_says_so() -> None:
    _, fields, warnings = read(NOTHING_PAID)
    assert fields["net_pay"] == Decimal("0.00")
    assert "nothing_paid" in warnings


def test_guard_a_month_paid_raises_no_nothing_paid() -> None:
    _, _, warnings = read(UNPAID_LEAVE)
    assert "nothing_paid" not in warnings
