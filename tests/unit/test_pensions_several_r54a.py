"""Blind probe r54a (pe04): a statement of several pensions, counted once beside single statements.

A statement whose amount is the total of one person's retirement and survivor's pensions (``pension_types``) stands
for both: the survivor's pension's own statement from the same payer is the same pension, not added, whatever order
they came in; an invalidity pension's statement from that payer still adds, and so does another payer's pension. The
report names what the combined statement is ("pensões de velhice e sobrevivência").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from screening.rules import verify_income
from screening.rules.authenticity import described

TODAY = dt.date(2026, 11, 23)
NIF = "245718931"
SS = "SEGURANCA_SOCIAL"


def pension(gross: float, kind: str | None, *, issuer: str = SS, number: int = 1, **fields: Any) -> dict[str, Any]:
    return {
        "document_id": f"pension-{number}",
        "status": "EXTRACTED",
        "kind": "DECLARACAO_PENSAO",
        "fields": {
            "pensioner_nif": NIF,
            "issuer": issuer,
            "pension_type": kind,
            "gross_monthly_amount": gross,
            "deductions": 0.0,
            "payments_per_year": 14,
            "issue_date": "2026-11-02",
            **fields,
        },
        "warnings": [],
    }


def combined(number: int = 1, **fields: Any) -> dict[str, Any]:
    """ "Pensão de velhice 612,40", "Pensão de sobrevivência 287,55", "Total bruto 899,95"."""
    return pension(899.95, "velhice", number=number, pension_types=["velhice", "sobrevivencia"], **fields)


def income(documents: list[dict[str, Any]]) -> dict[str, Any]:
    applicant = {"nif": NIF, "name": "Joaquim Ferreira", "date_of_birth": "1950-03-01", "income_profile": "PENSIONER"}
    return verify_income({"applicant": applicant, "today": TODAY.isoformat(), "documents": documents})


@pytest.mark.parametrize("combined_first", [True, False])
def test_the_survivors_own_statement_beside_the_combined_one_counts_once(combined_first: bool) -> None:
    survivor = pension(287.55, "sobrevivencia", number=2)
    documents = [combined(), survivor] if combined_first else [survivor, combined()]
    result = income(documents)
    # 899,95 x 14 / 12 = 1049.94: the survivor's 287,55 is in the total, not added again.
    assert result["average_monthly_income"] == "1049.94"
    assert result["method"] == "pensões de velhice e sobrevivência x 14 / 12 (899,95 € líquidos)"


@pytest.mark.parametrize("combined_first", [True, False])
def test_the_retirement_pensions_own_statement_beside_the_combined_one_counts_once(combined_first: bool) -> None:
    retirement = pension(612.40, "velhice", number=2)
    documents = [combined(), retirement] if combined_first else [retirement, combined()]
    assert income(documents)["average_monthly_income"] == "1049.94"


def test_both_pensions_own_statements_and_the_combined_one_count_once() -> None:
    documents = [pension(612.40, "velhice", number=2), pension(287.55, "sobrevivencia", number=3), combined()]
    result = income(documents)
    assert result["average_monthly_income"] == "1049.94"
    # The combined statement stands for both, whatever came before it.
    assert result["method"] == "pensões de velhice e sobrevivência x 14 / 12 (899,95 € líquidos)"


def test_an_invalidity_pension_from_the_same_payer_adds_to_the_combined_one() -> None:
    result = income([combined(), pension(310.00, "invalidez", number=2)])
    # (899,95 + 310,00) x 14 / 12 = 1411.61
    assert result["average_monthly_income"] == "1411.61"
    # The invalidity pension is a "pensão": its kind is health data (blind probe r68a, ADR 038).
    assert result["method"] == (
        "pensões de velhice e sobrevivência x 14 / 12 (899,95 € líquidos) + pensão x 14 / 12 (310,00 € líquidos)"
    )


def test_another_payers_survivors_pension_still_adds() -> None:
    result = income([combined(), pension(287.55, "sobrevivencia", issuer="CGA", number=2)])
    # (899,95 + 287,55) x 14 / 12 = 1385.42
    assert result["average_monthly_income"] == "1385.42"
    assert result["method"] == (
        "pensões de velhice e sobrevivência da Segurança Social x 14 / 12 (899,95 € líquidos)"
        " + pensão de sobrevivência da CGA x 14 / 12 (287,55 € líquidos)"
    )


def test_a_combined_year_declaration_and_the_survivors_monthly_statement_count_once() -> None:
    year = pension(
        0.0, "velhice", pension_types=["velhice", "sobrevivencia"], annual_amount=18747.96, payments_per_year=None
    )
    del year["fields"]["gross_monthly_amount"], year["fields"]["deductions"]
    for documents in (
        [year, pension(287.55, "sobrevivencia", number=2)],
        [pension(287.55, "sobrevivencia", number=2), year],
    ):
        result = income(documents)
        # 18 747,96 / 12 = 1562.33
        assert result["average_monthly_income"] == "1562.33"
        assert result["method"] == "pensões de velhice e sobrevivência anuais / 12 (18 747,96 € ilíquidos no ano)"


def test_a_statement_printing_no_type_is_still_not_added_beside_a_combined_one() -> None:
    assert income([pension(899.95, None, number=2), combined()])["average_monthly_income"] == "1049.94"


def test_the_combined_statement_is_named_as_what_it_is_in_its_checks_and_descriptions() -> None:
    statement = combined()
    evidence = [c["evidence"] for c in income([statement])["checks"] if c["document_id"] == "pension-1"]
    assert evidence and all(
        e.startswith("Declaração de pensões de velhice e sobrevivência (Segurança Social)") for e in evidence
    )
    assert described(statement) == "a declaração de pensões de velhice e sobrevivência"
    cga = pension(1200.0, "aposentacao", issuer="CGA", pension_types=["aposentacao", "sobrevivencia"])
    assert described(cga) == "a declaração de pensões de aposentação e sobrevivência"
