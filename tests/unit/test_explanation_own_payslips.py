"""The applicant is told what was found in their own payslips that raised the risk, and what would answer it
(blind probe r68b, F6).

A contract's last payslip (``termination_pay``: the report fails ``income.payslip_contract_ongoing``) and a latest
payslip months old (``income.payslip_latest``) each make the report MEDIUM while the income counts. The explanation
read "O seu rendimento foi comprovado ..." with ``what_would_change: []``: the latest payslip was named when it was
the only finding (r60a), but beside a contract that ended neither alone lifted the MEDIUM, and nothing was said. The
person is now told what was found, in their own entry, and that showing their current job (a recent payslip or the
employer's declaration) is what a better outcome lacks; never another member's data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from screening.explanation import EN, PT, applicant_explanation, outcome_changes
from tests.factories import make_nif
from tests.unit.test_explanation import LEAD_NAME, agency, form_for, payslips, person, screened, whole_text
from tests.unit.test_rules import NIF, payslip

# TODAY (tests.unit.test_rules) is 2026-11-23: September is recent enough, August months old. 1 500,00 € a month
# (the fixture pays the subsidies in twelfths) against a rent of 450,00 €: 30 %, within the limits.
ON_TIME = ["2026-07", "2026-08", "2026-09"]
LATE = ["2026-06", "2026-07", "2026-08"]
CO_NAME = "João Pedro Pereira"


def ended_in(periods: list[str], *, name: str = LEAD_NAME, nif: str = NIF) -> tuple[dict[str, Any], ...]:
    """Three payslips of 1 500,00 € net, the last one the contract's last (compensation paid, 2 400,00 € printed)."""
    *steady, last = periods
    return (
        *payslips(name, nif, Decimal("1500.00"), steady),
        payslip(last, 2400.0, ["termination_pay"], employee_name=name, employee_nif=nif, regular_net_pay=1500.0),
    )


def test_a_contract_that_ended_and_a_latest_payslip_months_old_are_told_with_what_answers_them() -> None:
    form = form_for(agency(), price="450")
    maria = person(form, income=None, extra=ended_in(LATE))
    _, report = screened(form, maria)
    assert report.risk_level == "MEDIUM"
    changes = outcome_changes(applicant=maria.applicant, report=report)
    assert [(c.kind, c.reaches) for c in changes] == [("current_job", "LOW")]

    pt = applicant_explanation(applicant=maria.applicant, report=report)
    income = pt["checks"][1]["text"]
    assert "O recibo de vencimento de agosto de 2026 é o último de um contrato que terminou" in income
    assert "O recibo de vencimento mais recente que enviou é de agosto de 2026" in income
    assert pt["what_would_change"] == [f"Com {PT.current_job}, {PT.agency_confirms}."]

    en = applicant_explanation(applicant=maria.applicant, report=report, language="en")
    income_en = en["checks"][1]["text"]
    assert "The payslip for August 2026 is the last of a contract that ended" in income_en
    assert "The latest payslip you sent is for August 2026" in income_en
    assert en["what_would_change"] == [f"With {EN.current_job}, {EN.agency_confirms}."]


def test_a_contract_that_ended_alone_is_told_and_the_latest_payslip_is_not_asked_for() -> None:
    form = form_for(agency(), price="450")
    maria = person(form, income=None, extra=ended_in(ON_TIME))
    _, report = screened(form, maria)
    assert report.risk_level == "MEDIUM"
    assert [c.kind for c in outcome_changes(applicant=maria.applicant, report=report)] == ["current_job"]
    text = applicant_explanation(applicant=maria.applicant, report=report)["checks"][1]["text"]
    assert "O recibo de vencimento de setembro de 2026 é o último de um contrato que terminou" in text
    assert "mais recente que enviou" not in text


def test_a_latest_payslip_months_old_alone_is_still_the_latest_payslip_asked_for() -> None:
    """A guard: r60a's lever as it was, the finding now said in the income entry too."""
    form = form_for(agency(), price="450")
    maria = person(form, income=None, extra=tuple(payslips(LEAD_NAME, NIF, Decimal("1500.00"), LATE)))
    _, report = screened(form, maria)
    assert [c.kind for c in outcome_changes(applicant=maria.applicant, report=report)] == ["latest_payslip"]
    explanation = applicant_explanation(applicant=maria.applicant, report=report)
    assert "O recibo de vencimento mais recente que enviou é de agosto de 2026" in explanation["checks"][1]["text"]
    assert "contrato que terminou" not in whole_text(explanation)


def test_steady_recent_payslips_say_nothing_more() -> None:
    """A guard: no finding, no change."""
    form = form_for(agency(), price="450")
    maria = person(form, income=None, extra=tuple(payslips(LEAD_NAME, NIF, Decimal("1500.00"), ON_TIME)))
    _, report = screened(form, maria)
    assert report.risk_level == "LOW"
    explanation = applicant_explanation(applicant=maria.applicant, report=report)
    assert "contrato que terminou" not in whole_text(explanation)
    assert "mais recente que enviou" not in whole_text(explanation)
    assert explanation["what_would_change"] == []


def test_in_a_household_the_co_tenant_is_told_and_the_lead_reads_nothing_of_it() -> None:
    form = form_for(agency(), price="650")
    maria = person(
        form,
        income=None,
        extra=tuple(payslips(LEAD_NAME, NIF, Decimal("1500.00"), ["2026-08", "2026-09", "2026-10"])),
    )
    co_nif = make_nif(4242)
    joao = person(form, role="CO_TENANT", name=CO_NAME, nif=co_nif, income=None,
                  extra=ended_in(LATE, name=CO_NAME, nif=co_nif))  # fmt: skip
    _, report = screened(form, maria, joao)
    assert report.risk_level == "MEDIUM"
    assert "coarrendatário: " in report.justification.split("Motivos: ")[1]

    co = applicant_explanation(applicant=joao.applicant, report=report)
    assert "é o último de um contrato que terminou" in co["checks"][1]["text"]
    assert co["what_would_change"] == [f"Com {PT.current_job}, {PT.agency_confirms}."]

    lead = applicant_explanation(applicant=maria.applicant, report=report)
    text = whole_text(lead)
    assert "contrato que terminou" not in text and "mais recente que enviou" not in text
    assert "junho" not in text and CO_NAME.split()[0] not in text
    assert lead["what_would_change"] == []


def test_a_new_jobs_first_month_asks_the_applicant_for_the_next_months_not_the_last_six() -> None:
    """Blind probe r68b, F9 (1 000,00 € a month against 300,00 €: only the months are short): admitted on 10/11 after
    unemployment benefit, the one payslip a first month; the staff's
    missing text asked for the job's next months, the applicant's ``what_would_change`` still for "2 more payslips
    for different months (within the last 6 months)", months they cannot have."""
    form = form_for(agency(), price="300")
    first = payslip("2026-09", 1000.0, ["started_within_month"], employee_name=LEAD_NAME, employee_nif=NIF)
    maria = person(form, income=None, extra=(first,))
    _, report = screened(form, maria)
    assert [c.kind for c in outcome_changes(applicant=maria.applicant, report=report)][:1] == ["payslip_months"]
    pt = " ".join(applicant_explanation(applicant=maria.applicant, report=report)["what_would_change"])
    assert "mais dois recibos de vencimento: os dos próximos meses do seu emprego atual" in pt
    assert "de meses diferentes (dos últimos" not in pt
    en = " ".join(applicant_explanation(applicant=maria.applicant, report=report, language="en")["what_would_change"])
    assert "the next months' from your current job" in en


def test_guard_a_steady_workers_missing_months_are_asked_as_before() -> None:
    form = form_for(agency(), price="300")
    maria = person(form, income=None, extra=(payslip("2026-09", 1000.0, employee_name=LEAD_NAME, employee_nif=NIF),))
    _, report = screened(form, maria)
    pt = " ".join(applicant_explanation(applicant=maria.applicant, report=report)["what_would_change"])
    assert "mais dois recibos de vencimento de meses diferentes (dos últimos 6 meses)" in pt
