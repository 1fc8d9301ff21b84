"""The months of pay a life event leaves on an applicant's payslips (blind probe r68b): a sick leave's days withheld
under an absence's name ("Ausência por doença (8 dias) -333,33") warned nothing; unpaid leave was said to be paid by
the Segurança Social; a contract's last month was called a month of subsidies or bonuses; a second employer's
payslip was dropped in silence; a new job's first, partial month was averaged with no word, and the months before
the admission asked for."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from screening.assessors import RulesAssessor
from screening.graph import run_screening
from screening.rules.income import (
    FIRST_MONTHS,
    LEAVE_MONTHS,
    LEAVE_PAID_APART_MONTHS,
    TERMINATION_MONTHS,
)
from tests.helpers import read_text
from tests.unit.test_rules import THREE_MONTHS, id_document, payslip, screen, state


def screen_employee(documents: list[dict[str, Any]]) -> dict[str, Any]:
    """Screened as someone who declared being employed: what is missing is payslips."""
    employee = state(documents)
    employee["applicant"] = {**employee["applicant"], "income_profile": "EMPLOYEE"}
    return dict(run_screening(employee, RulesAssessor()))  # type: ignore[arg-type]


def read(text: str) -> tuple[dict[str, Any], list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 7))
    return fields, warnings


def slip(rows: str, totals: str, net: str, *, header: str = "", month: str = "Outubro de 2026") -> str:
    """A payslip as a Portuguese payroll program prints it, earnings and deductions in two columns."""
    return f"""Épsilon Indústria Metalúrgica, S.A.
NIF: 505678900
RECIBO DE VENCIMENTO
Período: {month} Data de pagamento: 28/10/2026
Nome: Diogo Alexandre Martins Silva
NIF: 214476022 N.º Seg. Social: 10002718405
{header}
Vencimento base: 1.250,00 €
Descrição Abonos Descontos
Vencimento base 1.250,00
{rows}
Totais {totals}
Líquido a receber {net} €"""


def withheld(caption: str) -> str:
    """Eight days' pay withheld under ``caption``, printed with a minus among the earnings."""
    return slip(
        f"{caption} -333,33\nSegurança Social (11%) 100,83\nRetenção IRS 80,00",
        "916,67 180,83",
        "735,84",
    )


PLAIN = slip("Segurança Social (11%) 137,50\nRetenção IRS 125,00", "1.250,00 262,50", "987,50")


# --- F2: any caption naming an absence, a leave or an illness ---------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Ausência por doença (8 dias)",
        "Ausências por doença",
        "Falta por doença (8 dias)",
        "Faltas por doença",
        "Doença (8 dias)",
        "Dias de doença",
        "Baixa por doença (8 dias)",
        "Baixa médica",
        "Assistência a filho",
        "Licença parental inicial (8 dias)",
    ],
)
def test_pay_withheld_for_an_illness_or_a_leave_the_social_security_pays_warns_both(caption: str) -> None:
    fields, warnings = read(withheld(caption))
    assert "leave_withheld" in warnings, caption
    assert "leave_paid_apart" in warnings, caption
    assert (fields["base_salary"], fields["net_pay"]) == (Decimal("1250.00"), Decimal("735.84")), caption
    assert "base_salary_implausible" not in warnings, caption


@pytest.mark.parametrize(
    "caption",
    [
        "Ausência injustificada (8 dias)",
        "Ausência justificada",
        "Faltas injustificadas (8 dias)",
        "Licença sem vencimento (8 dias)",
        "Greve (8 dias)",
    ],
)
def test_an_absence_or_unpaid_leave_warns_it_withheld_but_paid_by_nobody(caption: str) -> None:
    _, warnings = read(withheld(caption))
    assert "leave_withheld" in warnings, caption
    assert "leave_paid_apart" not in warnings, caption


def test_an_absence_among_the_deductions_warns_it_too() -> None:
    text = slip(
        "Segurança Social (11%) 137,50\nRetenção IRS 80,00\nAusência por doença (8 dias) 333,33",
        "1.250,00 550,83",
        "699,17",
    )
    _, warnings = read(text)
    assert "leave_withheld" in warnings and "arithmetic_mismatch" not in warnings


def test_guard_ordinary_rows_warn_no_leave() -> None:
    """Guards: a whole month, a correction printed with a minus, a deduction naming no absence."""
    for text in (
        PLAIN,
        withheld("Acerto"),
        slip("Segurança Social (11%) 137,50\nQuotização sindical 12,50", "1.250,00 150,00", "1.100,00"),
    ):
        _, warnings = read(text)
        assert "leave_withheld" not in warnings and "leave_paid_apart" not in warnings


# --- F8: the Segurança Social named only for the leaves it pays -------------------------------------------------


def test_the_method_says_the_social_security_pays_apart_only_a_leave_it_pays() -> None:
    sick = screen(
        [
            id_document(),
            payslip(THREE_MONTHS[0], 900.0, warnings=["leave_withheld", "leave_paid_apart"]),
            *(payslip(p) for p in THREE_MONTHS[1:]),
        ]
    )
    assert LEAVE_PAID_APART_MONTHS + "10/2026" in sick["income"]["method"]
    unpaid = screen(
        [
            id_document(),
            payslip(THREE_MONTHS[0], 900.0, warnings=["leave_withheld"]),
            *(payslip(p) for p in THREE_MONTHS[1:]),
        ]
    )
    method = unpaid["income"]["method"]
    assert LEAVE_MONTHS + "10/2026" in method
    assert "Segurança Social" not in method


# --- F7: a contract's last month named for what it paid -------------------------------------------------------


def test_a_contracts_last_month_names_its_compensation_not_a_subsidy() -> None:
    last = payslip(
        THREE_MONTHS[0], 1979.5, warnings=["termination_pay"], regular_net_pay=1053.0, subsidy_twelfths_amount=None
    )
    result = screen(
        [id_document(), last, *(payslip(p, 1053.0, subsidy_twelfths_amount=None) for p in THREE_MONTHS[1:])]
    )
    method = result["income"]["method"]
    assert TERMINATION_MONTHS + "10/2026 contado 1 053,00 € em vez dos 1 979,50 € impressos" in method
    assert "pagamentos pontuais" not in method


def test_guard_a_bonus_month_still_reads_as_one_off_pay() -> None:
    bonus = payslip(THREE_MONTHS[0], 1500.0, regular_net_pay=1053.0, subsidy_twelfths_amount=None)
    result = screen(
        [id_document(), bonus, *(payslip(p, 1053.0, subsidy_twelfths_amount=None) for p in THREE_MONTHS[1:])]
    )
    method = result["income"]["method"]
    assert "mês com pagamentos pontuais" in method and TERMINATION_MONTHS not in method


# --- F4: a second employer's payslip not counted, said ----------------------------------------------------------

FIRST_JOB: dict[str, Any] = {"employer_name": "Iota Farmácias, Lda.", "employer_nif": "503504564"}
SECOND_JOB: dict[str, Any] = {"employer_name": "Eta Restauração, Lda.", "employer_nif": "509999990"}


def named(result: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [c for c in result["income"]["checks"] if c["name"] == name]


def test_a_new_second_jobs_payslip_is_not_counted_and_said_so() -> None:
    first = [payslip(p, 1000.0, **FIRST_JOB) for p in THREE_MONTHS]
    new_job = {**payslip(THREE_MONTHS[0], 400.0, **SECOND_JOB), "document_id": "eta"}
    result = screen([id_document(), *first, new_job])
    alone = screen([id_document(), *first])
    assert result["income"]["average_monthly_income"] == alone["income"]["average_monthly_income"]
    [other] = named(result, "income.payslip_other_job")
    assert other["passed"] and other["document_id"] == "eta"
    assert "não contado" in other["evidence"] and "com o recibo do mês seguinte" in other["evidence"]
    assert named(alone, "income.payslip_other_job") == []
    assert result["affordability"]["risk_level"] == alone["affordability"]["risk_level"]


def test_a_new_jobs_payslip_sent_before_the_main_jobs_is_not_counted_either() -> None:
    """The order the files come in changes nothing: the employer paying in most months sent counts first."""
    first = [payslip(p, 1000.0, **FIRST_JOB) for p in THREE_MONTHS]
    new_job = {**payslip(THREE_MONTHS[0], 400.0, **SECOND_JOB), "document_id": "eta"}
    sent_first = screen([id_document(), new_job, *first])
    alone = screen([id_document(), *first])
    assert sent_first["income"]["average_monthly_income"] == alone["income"]["average_monthly_income"]
    assert [c["document_id"] for c in named(sent_first, "income.payslip_other_job")] == ["eta"]


def test_guard_two_jobs_held_together_count_and_a_copy_is_a_repeat() -> None:
    first = [payslip(p, 1000.0, **FIRST_JOB) for p in THREE_MONTHS]
    second = [{**payslip(p, 400.0, **SECOND_JOB), "document_id": f"eta-{p}"} for p in THREE_MONTHS[:2]]
    both = screen([id_document(), *first, *second])
    assert named(both, "income.payslip_other_job") == []
    assert "somando 2 empregadores" in both["income"]["method"]
    copy = {**first[0], "document_id": "copy"}
    repeated = screen([id_document(), *first, copy])
    assert named(repeated, "income.payslip_other_job") == []
    assert [c["document_id"] for c in named(repeated, "income.payslip_repeated")] == ["copy"]


# --- F9: a new job's first, partial month ---------------------------------------------------------------------


def test_an_admission_within_the_month_warns_the_jobs_first_month() -> None:
    november = slip(
        "Segurança Social (11%) 92,40\nRetenção IRS 20,00",
        "840,00 112,40",
        "727,60",
        header="Admissão: 10/11/2026",
        month="Novembro de 2026",
    ).replace("Vencimento base 1.250,00", "Vencimento (10 a 30 de novembro) 21 d 840,00")
    fields, warnings = read(november)
    assert "started_within_month" in warnings
    assert fields["net_pay"] == Decimal("727.60")


def test_a_base_row_paying_from_a_later_day_to_the_months_end_is_a_first_month_too() -> None:
    november = slip(
        "Segurança Social (11%) 92,40\nRetenção IRS 20,00", "840,00 112,40", "727,60", month="Novembro de 2026"
    ).replace("Vencimento base 1.250,00", "Vencimento (10 a 30 de novembro) 21 d 840,00")
    _, warnings = read(november)
    assert "started_within_month" in warnings
    # Guard: a contract's last days ("1 a 15") are no first month.
    ending = november.replace("Vencimento (10 a 30 de novembro) 21 d", "Vencimento (1 a 21 de novembro) 21 d")
    assert "started_within_month" not in read(ending)[1]


def test_guard_an_admission_on_the_first_or_years_ago_is_no_first_month() -> None:
    for admitted in ("Admissão: 01/10/2026", "Admissão: 15/09/2019"):
        _, warnings = read(
            slip("Segurança Social (11%) 137,50\nRetenção IRS 125,00", "1.250,00 262,50", "987,50", header=admitted)
        )
        assert "started_within_month" not in warnings, admitted


def test_a_first_month_is_named_and_the_months_before_the_admission_not_asked_for() -> None:
    first = payslip("2026-10", 727.6, warnings=["started_within_month"], subsidy_twelfths_amount=None)
    result = screen_employee([id_document(), first])
    income = result["income"]
    assert income["average_monthly_income"] == "848.87"  # 727,60 x 14 / 12: what it paid
    assert FIRST_MONTHS + "10/2026" in income["method"]
    [missing, *_] = income["missing"]
    assert "os dos próximos meses do emprego atual, que começou em 10/2026" in missing
    assert "de antes da admissão, só os de um emprego anterior" in missing


def test_guard_a_steady_workers_month_reads_as_before() -> None:
    one = screen_employee([id_document(), payslip("2026-10", 727.6, subsidy_twelfths_amount=None)])
    assert one["income"]["average_monthly_income"] == "848.87"
    assert "incompleto" not in one["income"]["method"]
    assert (
        one["income"]["missing"][0] == "recibos de vencimento de mais 2 meses distintos (necessários 3 dos últimos 6)"
    )
    steady = screen([id_document(), *(payslip(p) for p in THREE_MONTHS)])
    assert "incompleto" not in steady["income"]["method"] and steady["income"]["missing"] == []


def test_a_first_month_older_than_the_months_averaged_is_not_named() -> None:
    """Three whole months of the job after its first: the first is not among those averaged."""
    months = ["2026-10", "2026-09", "2026-08", "2026-07"]
    documents = [payslip(p, warnings=["started_within_month"] if p == "2026-07" else None) for p in months]
    result = screen([id_document(), *documents])
    assert "incompleto" not in result["income"]["method"]
    assert result["income"]["average_monthly_income"] == "2000.00"
