"""Blind probe r75a, D4 and D5: payslips whose figures or owner were not read (a stamp across the totals, one page of a
two-page slip sent as its own photo) were said to disagree ("ilíquido menos descontos diferente do líquido", "valores
que não batem certo") and to be another person's ("de outra pessoa, pelo nome ou pelo NIF", "em nome de outra
pessoa"). A reading's failure is said as one, with what to send instead."""

from __future__ import annotations

from typing import Any

from documents.extraction.schema import PAYSLIP_PAGES_MISSING
from screening.explanation import applicant_explanation
from tests.unit.test_explanation import LEAD_NAME, agency, form_for, person, screened
from tests.unit.test_rules import THREE_MONTHS, check_named, id_document, payslip, screen


def profile_evidence(result: dict[str, Any]) -> str:
    return str(check_named(result, "income.profile_documents")["evidence"])


def unread_net(period: str = THREE_MONTHS[0], warnings: list[str] | None = None) -> dict[str, Any]:
    return payslip(period, gross_pay=None, net_pay=None, warnings=warnings or ["missing:net_pay", "missing:gross_pay"])


def nobodys(period: str = THREE_MONTHS[0], warnings: list[str] | None = None) -> dict[str, Any]:
    return payslip(period, employee_name=None, employee_nif=None, warnings=warnings)


# --- D4: a net not read is no arithmetic disagreement ------------------------------------------------------------


def test_a_payslip_whose_net_was_not_read_is_not_said_to_disagree() -> None:
    result = screen([id_document(), unread_net(), *(payslip(p) for p in THREE_MONTHS[1:])])
    arithmetic = check_named(result, "income.payslip_arithmetic")
    assert not arithmetic["passed"]
    assert "diferente do líquido" not in arithmetic["evidence"]
    assert "o líquido não foi lido" in arithmetic["evidence"] and "fotografia nítida" in arithmetic["evidence"]
    justification = result["report"]["justification"]
    assert "não batem certo" not in justification
    assert "não se ter lido o líquido" in justification
    assert "1 recibo de vencimento (sem o líquido lido)" in profile_evidence(result)


def test_a_payslip_whose_figures_disagree_is_still_said_so() -> None:
    # Guard: figures read that do not add up.
    broken = payslip(THREE_MONTHS[0], warnings=["arithmetic_mismatch"])
    result = screen([id_document(), broken, *(payslip(p) for p in THREE_MONTHS[1:])])
    assert "diferente do líquido" in check_named(result, "income.payslip_arithmetic")["evidence"]
    assert "valores que não batem certo" in result["report"]["justification"]
    assert "1 recibo de vencimento (com contas que não batem certo)" in profile_evidence(result)


def test_a_page_of_a_longer_payslip_without_its_net_asks_for_the_whole_slip() -> None:
    page = unread_net(warnings=[PAYSLIP_PAGES_MISSING, "missing:net_pay"])
    result = screen([id_document(), page, *(payslip(p) for p in THREE_MONTHS[1:])])
    assert "num só ficheiro" in check_named(result, "income.payslip_arithmetic")["evidence"]


# --- D5: a payslip whose owner was not read is nobody's, not another person's --------------------------------------


def test_a_payslip_whose_owner_was_not_read_is_not_said_another_persons() -> None:
    result = screen([id_document(), nobodys(), *(payslip(p) for p in THREE_MONTHS[1:])])
    evidence = profile_evidence(result)
    assert "de outra pessoa" not in evidence
    assert "1 recibo de vencimento (sem o nome nem o NIF do titular lidos)" in evidence


def test_a_page_of_a_longer_payslip_naming_nobody_asks_for_the_whole_slip() -> None:
    result = screen([id_document(), nobodys(warnings=[PAYSLIP_PAGES_MISSING]), payslip(THREE_MONTHS[1])])
    owner = check_named(result, "income.payslip_owner")
    assert "nem NIF nem nome lidos" in owner["evidence"] and "num só ficheiro" in owner["evidence"]


def test_another_persons_payslip_is_still_said_so() -> None:
    # Guard.
    other = payslip(THREE_MONTHS[0], employee_name="Rui Pedro Costa", employee_nif="253829712")
    result = screen([id_document(), other, *(payslip(p) for p in THREE_MONTHS[1:])])
    assert "1 recibo de vencimento (de outra pessoa, pelo nome ou pelo NIF)" in profile_evidence(result)


# --- What the applicant reads ------------------------------------------------------------------------------------


def test_the_applicant_reads_a_payslip_unread_as_unread() -> None:
    form = form_for(agency())
    unread = payslip("2026-07", employee_name=LEAD_NAME, gross_pay=None, net_pay=None)
    no_one = payslip("2026-06", employee_name=None, employee_nif=None, net_pay="2000.00")
    maria = person(form, extra=(unread, no_one))
    _, report = screened(form, maria)
    text = applicant_explanation(applicant=maria.applicant, report=report)["checks"][1]["text"]
    assert "outra pessoa" not in text and "não batem certo" not in text
    assert "cujo valor líquido não foi possível ler" in text
    assert "não foi possível ler o seu nome nem o seu NIF" in text
    english = applicant_explanation(applicant=maria.applicant, report=report, language="en")["checks"][1]["text"]
    assert "another person" not in english and "neither your name nor your NIF could be read" in english
    assert "net pay could not be read" in english
