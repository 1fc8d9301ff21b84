"""A contract's last payslip beside a later month's paid payslip (blind probe r80c, findings 2 and 3).

October's payslip ended a contract ("Férias não gozadas", "Cessação do contrato"), November's was another employer's
("Data de admissão: 01/11/2026", paid): the report stayed MEDIUM for "o rendimento desse emprego pode não continuar",
staff were asked to confirm the current job and the applicant to send a recent payslip, which was in the file; a
couple MEDIUM for the ratio too had ``what_would_change: []``. A later month that paid, of the same employer or of a
job taken up after, shows the person working: the end is stated, no reason of the risk. A later month of a job held
beside the ended one all along does not: the ended job's pay is what stops (ADR 027, amended 2026-12-08).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from screening.explanation import applicant_explanation, outcome_changes
from tests.factories import make_nif
from tests.unit.test_explanation import LEAD_NAME, agency, form_for, person, screened
from tests.unit.test_rules import NIF, id_document, payslip, screen

# TODAY (tests.unit.test_rules) is 2026-11-23: August to October are the months counted.
OLD_JOB = {"employer_name": "Construções Vale do Sousa, Lda.", "employer_nif": make_nif(7101, "5")}
NEW_JOB = {"employer_name": "Hotelaria Atlântida, S.A.", "employer_nif": make_nif(7202, "5")}


def slip(period: str, job: dict[str, str], net: float = 2000.0, *, last: bool = False, **extra: Any) -> dict[str, Any]:
    """A payslip of ``job``; ``last``: the contract's last, its unused holidays paid (2 600,00 € printed)."""
    printed, warnings = (2600.0, ["termination_pay"]) if last else (net, list(extra.pop("warnings", [])))
    document = payslip(period, printed, warnings, **({"regular_net_pay": net} if last else {}), **job, **extra)
    document["document_id"] = f"p-{period}-{job['employer_nif']}"
    return document


def contract_check(result: dict[str, Any]) -> dict[str, Any]:
    [found] = [c for c in result["income"]["checks"] if c["name"] == "income.payslip_contract_ongoing"]
    return found


def test_a_new_employers_later_paid_payslip_states_the_end_and_is_no_reason() -> None:
    result = screen(
        [id_document(), slip("2026-08", OLD_JOB), slip("2026-09", OLD_JOB, last=True), slip("2026-10", NEW_JOB)]
    )
    ended = contract_check(result)
    assert ended["passed"] and ended["document_id"] == "p-2026-09-" + OLD_JOB["employer_nif"]
    assert "último recibo de um contrato que terminou" in ended["evidence"]
    assert "O recibo de 10/2026, de outra entidade patronal, mostra trabalho pago depois do fim" in ended["evidence"]
    assert "confirme a situação profissional atual" not in ended["evidence"]
    assert result["affordability"]["risk_level"] == "LOW"
    assert "payslip_contract_ended" not in result["affordability"]["reasons"]
    assert "pode não continuar" not in result["report"]["justification"]
    # The month still counts at its regular net, and the method still names it.
    assert result["income"]["average_monthly_income"] == "2000.00"
    assert "último mês de um contrato que terminou" in result["income"]["method"]


def test_a_renewal_by_the_same_employer_is_work_after_the_end_too() -> None:
    result = screen(
        [id_document(), slip("2026-08", OLD_JOB), slip("2026-09", OLD_JOB, last=True), slip("2026-10", OLD_JOB)]
    )
    ended = contract_check(result)
    assert ended["passed"] and "da mesma entidade patronal" in ended["evidence"]
    assert result["affordability"]["risk_level"] == "LOW"


def test_a_new_job_begun_within_the_ended_month_is_one_taken_up_after() -> None:
    started = slip("2026-09", NEW_JOB, 900.0, warnings=["started_within_month"])
    result = screen(
        [
            id_document(),
            slip("2026-08", OLD_JOB),
            slip("2026-09", OLD_JOB, last=True),
            started,
            slip("2026-10", NEW_JOB),
        ]
    )
    assert contract_check(result)["passed"]


def test_no_later_month_keeps_the_end_a_reason() -> None:
    result = screen(
        [id_document(), slip("2026-08", OLD_JOB), slip("2026-09", OLD_JOB), slip("2026-10", OLD_JOB, last=True)]
    )
    ended = contract_check(result)
    assert not ended["passed"] and "confirme a situação profissional atual" in ended["evidence"]
    assert result["affordability"]["risk_level"] == "MEDIUM"
    assert "payslip_contract_ended" in result["affordability"]["reasons"]


def test_a_later_month_of_a_job_held_beside_the_ended_one_keeps_it_a_reason() -> None:
    """Two jobs at once, one ending in September: October's payslip of the other shows that one goes on, not that
    the ended one's pay is replaced."""
    result = screen(
        [
            id_document(),
            slip("2026-08", OLD_JOB, 1200.0),
            slip("2026-08", NEW_JOB, 800.0),
            slip("2026-09", OLD_JOB, 1200.0, last=True),
            slip("2026-09", NEW_JOB, 800.0),
            slip("2026-10", NEW_JOB, 800.0),
        ]
    )
    assert not contract_check(result)["passed"]
    assert "payslip_contract_ended" in result["affordability"]["reasons"]


def test_a_later_month_that_paid_nothing_shows_no_work() -> None:
    nothing = slip("2026-10", NEW_JOB, 0.0, gross_pay=0.0)
    result = screen([id_document(), slip("2026-08", OLD_JOB), slip("2026-09", OLD_JOB, last=True), nothing])
    assert not contract_check(result)["passed"]


def test_a_couple_medium_for_the_ratio_alone_is_told_the_amount() -> None:
    """Blind probe r80c, D: MEDIUM for the ratio and the ended contract, neither alone lifting it, so neither tenant
    was told anything; with the new job's payslip the ratio is the one reason, and its amount is said."""
    form = form_for(agency(), price="900")  # 900 / (2 000 + 500) = 0,36: above the recommended 35 %
    lead_jobs = (slip("2026-08", OLD_JOB), slip("2026-09", OLD_JOB, last=True), slip("2026-10", NEW_JOB))
    lead = person(form, income=None, extra=tuple({**d, "fields": {**d["fields"], "employee_name": LEAD_NAME,
                                                                  "employee_nif": NIF}} for d in lead_jobs))  # fmt: skip
    co_nif = make_nif(4343)
    co = person(form, role="CO_TENANT", name="João Pedro Pereira", nif=co_nif, income=Decimal("500.00"))
    _, report = screened(form, lead, co)
    assert report.risk_level == "MEDIUM"
    assert "pode não continuar" not in report.justification
    for member in (lead, co):
        changes = outcome_changes(applicant=member.applicant, report=report)
        assert [(c.kind, c.reaches) for c in changes][:1] == [("household_income", "LOW")]
        # A ratio of 0,3500 at four places: 900 / 0,35005 = 2 571,06... €, so 2 571,07 €, 71,07 € more.
        assert changes[0].amount == Decimal("71.07")
        said = applicant_explanation(applicant=member.applicant, report=report)["what_would_change"]
        assert "71,07 €" in said[0]
