"""A proof of income refused for what it is (a draft, a simulation, a document of another kind) is told apart from a
file that could not be read, and the month it leaves unproven is offered as what would change the outcome (blind
probe r66c, F5: a refused draft payslip explained as "a file that could not be read ... send it again", and
``what_would_change`` empty although one more month's payslip alone made the report LOW)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from documents.extraction.local import DOCUMENTS_THAT_SAY_WHAT_THEY_ARE, PAYSLIP_AMOUNTS_UNREAD, SALARY_NOT_PAID
from screening.explanation import EN, PT, applicant_explanation, outcome_changes
from screening.rules import income
from tests.unit.test_explanation import agency, form_for, payslips, person, screened
from tests.unit.test_rules import NIF

TWO_MONTHS = ["2026-10", "2026-09"]


def failed_proof(document_id: str, reason: str = "") -> dict[str, Any]:
    """A proof of income whose extraction failed, with the extraction's reason ("" for none)."""
    return {
        "document_id": document_id,
        "document_type": "PROOF_OF_INCOME",
        "status": "FAILED",
        "failure_reason": reason,
        "kind": None,
        "fields": {},
        "warnings": [],
    }


def two_months_and(*failed: dict[str, Any]) -> tuple[Any, Any, Any]:
    """A tenant with payslips of two months (2 100,00 € net) and ``failed``, for a rent of 600 €: only partly
    proven (MEDIUM), at a ratio a third month would make LOW."""
    form = form_for(agency(), price="600")
    rui = person(
        form,
        name="Rui Manuel Vaz",
        income=None,
        extra=(*payslips("Rui Manuel Vaz", NIF, Decimal("2100.00"), TWO_MONTHS), *failed),
    )
    result, report = screened(form, rui)
    return result, report, rui


def income_text(explanation: dict[str, Any]) -> str:
    return next(c["text"] for c in explanation["checks"] if c["name"] == "income")


def test_every_refusal_of_a_proof_of_income_says_what_the_document_is() -> None:
    """The convention the rules read: a proof of income refused for what it is says so first; the one reason of a
    payslip whose amounts were not read is a reading failure."""
    reasons = [reason for declared, _, reason in DOCUMENTS_THAT_SAY_WHAT_THEY_ARE if declared == "PROOF_OF_INCOME"]
    assert reasons
    for reason in reasons:
        assert reason.startswith(income.REFUSED_FOR_WHAT_IT_IS) == (reason != PAYSLIP_AMOUNTS_UNREAD), reason


def test_a_refused_simulation_is_explained_as_refused_with_its_reason_not_as_unreadable() -> None:
    _, report, rui = two_months_and(failed_proof("sim-1", SALARY_NOT_PAID))
    assert report.risk_level == "MEDIUM"
    text = income_text(applicant_explanation(applicant=rui.applicant, report=report))
    assert PT.income_not_counted["income.document_read"] not in text
    assert PT.refused_one.format(count=1, reason=income.reason_as_clause(SALARY_NOT_PAID)) in text
    english = income_text(applicant_explanation(applicant=rui.applicant, report=report, language="en"))
    assert EN.income_not_counted["income.document_read"] not in english
    in_english = EN.reason(SALARY_NOT_PAID)
    assert in_english != SALARY_NOT_PAID  # the catalogue's English, as on the document's own reason
    assert english.endswith(EN.refused_one.format(count=1, reason=income.reason_as_clause(in_english)))


def test_a_refused_document_beside_an_unreadable_file_is_each_said_as_what_it_is() -> None:
    _, report, rui = two_months_and(failed_proof("sim-1", SALARY_NOT_PAID), failed_proof("bad-1"))
    text = income_text(applicant_explanation(applicant=rui.applicant, report=report))
    assert PT.not_counted.format(items=PT.income_not_counted["income.document_read"]) in text
    assert PT.refused_one.format(count=1, reason=income.reason_as_clause(SALARY_NOT_PAID)) in text


def test_the_missing_month_is_what_would_change_the_outcome_beside_a_refused_document() -> None:
    _, report, rui = two_months_and(failed_proof("sim-1", SALARY_NOT_PAID))
    changes = outcome_changes(applicant=rui.applicant, report=report)
    assert ("payslip_months", Decimal(1), "LOW") in [(c.kind, c.amount, c.reaches) for c in changes]
    explanation = applicant_explanation(applicant=rui.applicant, report=report, language="en")
    assert (
        f"With {EN.more_payslips(1)}, the outcome of the assessment would improve." in explanation["what_would_change"]
    )


def test_the_missing_month_is_what_would_change_the_outcome_beside_an_unreadable_file() -> None:
    _, report, rui = two_months_and(failed_proof("bad-1"))
    changes = outcome_changes(applicant=rui.applicant, report=report)
    assert ("payslip_months", Decimal(1), "LOW") in [(c.kind, c.amount, c.reaches) for c in changes]


def test_staff_are_told_a_refused_document_apart_from_an_unreadable_file() -> None:
    result, report, _ = two_months_and(failed_proof("sim-1", SALARY_NOT_PAID))
    reasons = result["affordability"]["reasons"]
    assert "income_documents_refused" in reasons
    assert "income_documents_unreadable" not in reasons
    assert "recusados pelo que são" in report.justification
    assert "ilegíveis" not in report.justification
    profile = next(c for c in report.checks if c["name"] == "income.profile_documents")
    assert "Enviados e recusados pelo que são" in profile["evidence"]
    assert "não lidos" not in profile["evidence"]
    both, report, _ = two_months_and(failed_proof("sim-1", SALARY_NOT_PAID), failed_proof("bad-1"))
    assert {"income_documents_refused", "income_documents_unreadable"} <= set(both["affordability"]["reasons"])
