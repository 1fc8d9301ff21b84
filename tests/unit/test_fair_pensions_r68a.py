"""Blind probe r68a, a fair-treatment audit by paired applications: the same documents, one attribute changed.

F4: an invalidity pension was named in the method, the checks and the descriptions ("pensão de invalidez x 14 / 12",
"Declaração de pensão de invalidez (Segurança Social)"), health data (RGPD art. 9.º) that changes nothing in the
figure, and only for the Segurança Social's: the CGA's incapacity pension and the Prestação Social para a Inclusão
read "pensão". docs/adr/038-no-document-kind-is-a-reason-to-ask.md.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from screening.rules.authenticity import described
from tests.unit.test_pensions_several_r54a import combined, income, pension

# --- F4: a pension's kind that tells of health is not named ---------------------------------------------------------


def said_of_the_pension(result: dict[str, Any]) -> list[str]:
    return [result["method"], *(c["evidence"] for c in result["checks"])]


@pytest.mark.parametrize("issuer", ["SEGURANCA_SOCIAL", "CGA"])
def test_an_invalidity_pension_reads_as_a_retirement_pension_of_the_same_amounts(issuer: str) -> None:
    invalidity = income([pension(1320.0, "invalidez", issuer=issuer)])
    retirement = income([pension(1320.0, "velhice", issuer=issuer)])
    assert invalidity["average_monthly_income"] == retirement["average_monthly_income"] == "1540.00"
    assert said_of_the_pension(invalidity) == said_of_the_pension(retirement)
    assert invalidity["method"] == "pensão x 14 / 12 (1 320,00 € líquidos)"
    assert described(pension(1320.0, "invalidez", issuer=issuer)) == "a declaração de pensão"


def test_an_invalidity_pension_beside_a_retirement_pension_still_adds_and_is_not_named() -> None:
    documents = [pension(760.0, "velhice"), pension(290.0, "invalidez", number=2)]
    result = income(documents)
    # (760 + 290) x 14 / 12 = 1225.00: two pensions, as before.
    assert result["average_monthly_income"] == "1225.00"
    assert result["method"] == "pensão x 14 / 12 (760,00 € líquidos) + pensão x 14 / 12 (290,00 € líquidos)"
    assert "invalidez" not in json.dumps(result, ensure_ascii=False)


def test_a_statement_of_several_pensions_one_an_invalidity_pension_is_pensoes() -> None:
    statement = pension(899.95, "sobrevivencia", pension_types=["sobrevivencia", "invalidez"])
    result = income([statement])
    # 899,95 x 14 / 12 = 1049.94: the figure is the pensions' total, as before.
    assert result["average_monthly_income"] == "1049.94"
    assert result["method"] == "pensões x 14 / 12 (899,95 € líquidos)"
    statement_checks = [c["evidence"] for c in result["checks"] if c["document_id"] == statement["document_id"]]
    assert statement_checks and all(
        e.startswith("Declaração de pensões (Segurança Social): ") for e in statement_checks
    )
    assert described(statement) == "a declaração de pensões"
    assert "invalidez" not in json.dumps(result, ensure_ascii=False)


def test_the_kinds_that_tell_nothing_of_health_are_still_named() -> None:
    """Guard (passes before and after): a survivor's pension, and a statement of retirement and survivor's pensions,
    are named as blind probes c25 and r54a asked."""
    assert income([combined()])["method"] == "pensões de velhice e sobrevivência x 14 / 12 (899,95 € líquidos)"
    survivor = pension(287.55, "sobrevivencia", issuer="CGA", number=2)
    result = income([combined(), survivor])
    assert result["method"] == (
        "pensões de velhice e sobrevivência da Segurança Social x 14 / 12 (899,95 € líquidos)"
        " + pensão de sobrevivência da CGA x 14 / 12 (287,55 € líquidos)"
    )
    assert described(survivor) == "a declaração de pensão de sobrevivência"


def test_the_extracted_type_is_kept_for_staff_who_see_the_document() -> None:
    """Guard: only the report's words change; the statement's fields still hold the type printed."""
    statement = pension(1320.0, "invalidez")
    income([statement])
    assert statement["fields"]["pension_type"] == "invalidez"
