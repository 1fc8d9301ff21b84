"""Round 68: a payslip for less than a month (weekly, fortnightly, semi-monthly) says so, by its words or by a pay
period of 7 or 14 days that is not a month's first or last days (ADR 037). Lines of our own wording; names and
numbers of our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tests.helpers import read_text


def read(*texts: str) -> tuple[dict[str, Any], list[str]]:
    _, fields, warnings = read_text("\n".join(texts), document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))
    return fields, warnings


# A week at 6,00 an hour: 40 h = 240,00; SS 26,40, IRS 0: net 213,60.
def slip(title: str, period_line: str, *extra: str) -> list[str]:
    return [
        "Construções Vale do Sousa, Lda",
        "NIF: 508765439",
        title,
        period_line,
        "Trabalhador: Rui Manuel Peixoto",
        "NIF: 232415676",
        *extra,
        "Descrição Abonos Descontos",
        "Vencimento base 240,00",
        "Segurança Social 26,40",
        "Total ilíquido 240,00",
        "Total descontos 26,40",
        "Líquido a receber: 213,60 €",
    ]


@pytest.mark.parametrize(
    ("title", "frequency"),
    [
        ("Recibo de Vencimento Semanal", "WEEKLY"),
        ("Recibo de Vencimento - Quinzenal", "SEMI_MONTHLY"),
        ("Recibo de Vencimento (1.ª quinzena)", "SEMI_MONTHLY"),
        ("Recibo de Vencimento — Semana n.º 45", "WEEKLY"),
        ("Recibo de Vencimento quincenal", "SEMI_MONTHLY"),
        ("Recibo de Vencimento hebdomadaire", "WEEKLY"),
    ],
)
def test_a_stub_says_its_frequency_in_its_title(title: str, frequency: str) -> None:
    fields, _ = read(*slip(title, "Período: novembro de 2026"))
    assert fields["pay_frequency"] == frequency
    assert fields["period"] == "2026-11"
    assert fields["period_start"] is None


def test_a_stubs_printed_week_gives_its_frequency_and_its_days() -> None:
    fields, warnings = read(*slip("Recibo de Vencimento", "Período: 03/11/2026 a 09/11/2026"))
    assert fields["pay_frequency"] == "WEEKLY"
    assert fields["period_start"] == dt.date(2026, 11, 3)
    assert fields["period_end"] == dt.date(2026, 11, 9)
    assert fields["period"] == "2026-11"
    assert fields["net_pay"] == Decimal("213.60")
    assert "arithmetic_mismatch" not in warnings


def test_a_printed_fortnight_is_fortnightly() -> None:
    fields, _ = read(*slip("Recibo de Vencimento", "Período: 09/11/2026 a 22/11/2026"))
    assert fields["pay_frequency"] == "FORTNIGHTLY"


def test_a_quinzena_of_fourteen_days_is_every_other_week() -> None:
    fields, _ = read(*slip("Recibo quinzenal", "Período: 09/11/2026 a 22/11/2026"))
    assert fields["pay_frequency"] == "FORTNIGHTLY"


def test_a_week_that_starts_in_one_month_and_ends_in_the_next_is_the_first_months() -> None:
    fields, _ = read(*slip("Recibo de Vencimento", "Período: 27/10/2026 a 02/11/2026"))
    assert fields["pay_frequency"] == "WEEKLY"
    assert fields["period"] == "2026-10"
    assert fields["period_start"] == dt.date(2026, 10, 27)


def test_an_english_fortnightly_payslip() -> None:
    fields, _ = read(
        "Payslip",
        "Harbour Lights Catering Ltd",
        "Employee: Aoife Brennan",
        "Pay frequency: Fortnightly",
        "Period: 02/11/2026 - 15/11/2026",
        "Basic pay €1,100.00",
        "PAYE -€80.00",
        "USC -€20.00",
        "PRSI -€44.00",
        "Gross pay €1,100.00",
        "Net pay €956.00",
    )
    assert fields["pay_frequency"] == "FORTNIGHTLY"
    assert fields["period_start"] == dt.date(2026, 11, 2)


def test_a_week_printed_by_its_last_day_starts_six_days_before() -> None:
    fields, _ = read(
        "Payslip",
        "Harbour Lights Catering Ltd",
        "Employee: Aoife Brennan",
        "Week ending 04/12/2026",
        "Basic pay €500.00",
        "PAYE -€40.00",
        "PRSI -€20.00",
        "Gross pay €500.00",
        "Net pay €440.00",
    )
    assert fields["pay_frequency"] == "WEEKLY"
    assert (fields["period_start"], fields["period_end"]) == (dt.date(2026, 11, 28), dt.date(2026, 12, 4))
    assert fields["period"] == "2026-11"


def test_a_week_by_its_number_is_weekly() -> None:
    fields, _ = read(*slip("Recibo de Vencimento", "Período: Semana 45 (03/11/2026 a 09/11/2026)"))
    assert fields["pay_frequency"] == "WEEKLY"
    assert fields["period_start"] == dt.date(2026, 11, 3)


# --- Guards (pass before the change too): a monthly slip stays one -------------------------------------------------


@pytest.mark.parametrize(
    "period_line",
    [
        "Período: 01/11/2026 a 30/11/2026",
        "Período: novembro de 2026",
        # A worker admitted on the 24th, or leaving on the 7th, gets a monthly slip for those days.
        "Período: 24/11/2026 a 30/11/2026",
        "Período: 01/11/2026 a 07/11/2026",
        "Período: 17/11/2026 a 30/11/2026",
    ],
)
def test_guard_a_monthly_slip_has_no_frequency(period_line: str) -> None:
    fields, _ = read(*slip("Recibo de Vencimento", period_line))
    assert fields.get("pay_frequency") is None
    assert fields.get("period_start") is None
    assert fields["period"] == "2026-11"


@pytest.mark.parametrize(
    "row",
    [
        "Horas semanais: 40",
        "Horário semanal 40 h",
        "Período normal de trabalho semanal: 40 h",
        "Férias gozadas 09/11/2026 a 15/11/2026",
        "Baixa médica 10/11/2026 a 16/11/2026",
    ],
)
def test_guard_a_row_about_working_time_or_leave_is_no_frequency(row: str) -> None:
    fields, _ = read(*slip("Recibo de Vencimento", "Período: novembro de 2026", row))
    assert fields.get("pay_frequency") is None


def test_guard_a_row_paying_a_weekly_rest_day_is_no_frequency() -> None:
    fields, _ = read(
        *slip("Recibo de Vencimento", "Período: novembro de 2026", "Trabalho em dia de descanso semanal 45,00")
    )
    assert fields.get("pay_frequency") is None


@pytest.mark.parametrize(
    ("line", "period", "start"),
    [
        ("Período: 2026-11-03 a 2026-11-09", "2026-11", dt.date(2026, 11, 3)),
        ("Pay period: 2026-10-28 to 2026-11-03", "2026-10", dt.date(2026, 10, 28)),
    ],
)
def test_a_week_written_year_first_is_a_weekly_stub(line: str, period: str, start: dt.date) -> None:
    """ISO 8601 dates, as HR portals print them: the week read as the day-first one is (the session's own gap)."""
    fields, _ = read(*slip("Recibo de Vencimento", line))
    assert fields["pay_frequency"] == "WEEKLY"
    assert fields["period_start"] == start and fields["period"] == period


def test_guard_a_whole_month_written_year_first_is_a_months_slip() -> None:
    fields, _ = read(*slip("Recibo de Vencimento", "Período: 2026-11-01 a 2026-11-30"))
    assert fields.get("pay_frequency") is None and fields["period"] == "2026-11"
