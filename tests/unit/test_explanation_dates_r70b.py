"""Blind probe r70b: what the applicant is told of an IRS document or a pension statement not counted says which of
its reasons it was, from the check's own result, not "another person's or not the latest year" (T02) nor "issued
with no date read or over a year ago" of a date read (P02)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from screening.explanation import applicant_explanation
from screening.rules.income import pension_recent
from tests.unit.test_explanation import LEAD_NAME, agency, form_for, person, screened
from tests.unit.test_rules import NIF, tax_document

TODAY = dt.date(2026, 11, 23)


def income_text(*documents: dict[str, Any]) -> str:
    form = form_for(agency())
    member = person(form, income=None, extra=documents)
    _, report = screened(form, member)
    explanation = applicant_explanation(applicant=member.applicant, report=report)
    return next(entry["text"] for entry in explanation["checks"] if entry["name"] == "income")


@pytest.mark.parametrize(
    ("document", "said", "not_said"),
    [
        (tax_document(year=2023, nif=NIF, name=LEAD_NAME), "que não é do último ano", "de outra pessoa"),
        (tax_document(year=2025, nif="123456789", name="Rui Costa"), "de outra pessoa", "último ano"),
    ],
)
def test_an_irs_document_not_counted_is_told_by_its_own_reason(
    document: dict[str, Any], said: str, not_said: str
) -> None:
    text = income_text(document)
    assert f"um documento de IRS {said}" in text
    assert not_said not in text


def pension(issued: str | None) -> dict[str, Any]:
    fields = {"pensioner_nif": NIF, "pensioner_name": LEAD_NAME, "issue_date": issued,
              "net_monthly_amount": 900.0, "payments_per_year": 14}  # fmt: skip
    return {"document_id": f"p-{issued}", "status": "EXTRACTED", "kind": "DECLARACAO_PENSAO", "fields": fields,
            "warnings": []}  # fmt: skip


@pytest.mark.parametrize(
    ("issued", "evidence"),
    [
        (None, "sem data de emissão lida"),
        ("2024-01-22", "emitida há mais de um ano (22/01/2024)"),
        ("2027-01-10", "emitida com data posterior ao dia da análise (10/01/2027)"),
        ("2026-01-10", "emitida há menos de um ano"),
    ],
)
def test_a_pension_statements_date_is_said_as_it_was_read(issued: str | None, evidence: str) -> None:
    assert pension_recent(pension(issued), today=TODAY)["evidence"].endswith(f"{evidence}.")


@pytest.mark.parametrize(
    ("issued", "said"),
    [
        ("2024-01-22", "uma declaração de pensão com mais de um ano"),
        (None, "uma declaração de pensão cuja data de emissão não foi possível ler"),
        ("2027-01-10", "uma declaração de pensão com data futura"),
    ],
)
def test_the_applicant_is_told_why_a_pension_statement_was_not_counted(issued: str | None, said: str) -> None:
    assert said in income_text(pension(issued))


def test_an_irs_document_counted_is_not_listed() -> None:
    """Guard: the applicant's own return of the latest year counts, and nothing is said of it as not counted."""
    text = income_text(tax_document(year=2025, gross=float(Decimal("24000")), nif=NIF, name=LEAD_NAME))
    assert "Documentos não contados" not in text
