"""An IRS document not counted says why, one reason, not "não lidos, com totais que não batem certo, ou só o
comprovativo de entrega"; and an applicant whose return was refused for totals that do not add up is not asked for
"o documento de IRS do último ano" they sent, which sent again would be refused again (blind probe r80c, cause 1).
Documents of our own."""

from __future__ import annotations

from typing import Any

import pytest

from documents.extraction.parsers.tax import PROOF_OF_FILING_ONLY
from screening.explanation import (
    TAX_FILED_ONLY,
    TAX_INCOME_NOT_READ,
    TAX_TOTALS,
    applicant_explanation,
    reason_of,
)
from tests.unit.test_explanation import agency, form_for, person, screened, whole_text
from tests.unit.test_rules import NIF, check_named, id_document, screen


def declaracao(*, warnings: list[str] = (), gross: float | None = 27400.0) -> dict[str, Any]:  # type: ignore[assignment]
    fields = {"taxpayer_nif": NIF, "year": 2025, "gross_income": gross, "withholdings": 6302.0, "annexes": ["B"]}
    return {
        "document_id": "irs",
        "document_type": "PROOF_OF_INCOME",
        "status": "EXTRACTED",
        "kind": "DECLARACAO_IRS",
        "fields": fields,
        "warnings": list(warnings),
    }


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (declaracao(warnings=["arithmetic_mismatch"]), TAX_TOTALS),
        (declaracao(gross=None), TAX_INCOME_NOT_READ),
        (declaracao(gross=None, warnings=[PROOF_OF_FILING_ONLY]), TAX_FILED_ONLY),
    ],
)
def test_an_irs_document_not_counted_gives_its_own_reason(document: dict[str, Any], reason: str) -> None:
    tax = check_named(screen([id_document(), document]), "income.tax_document")
    assert not tax["passed"]
    assert reason_of(tax) == reason


@pytest.mark.django_db
def test_a_return_refused_for_its_totals_is_not_asked_for_again() -> None:
    form = form_for(agency())
    member = person(form, income=None, extra=(declaracao(warnings=["arithmetic_mismatch"]),))
    _, report = screened(form, member)
    pt = applicant_explanation(applicant=member.applicant, report=report)
    text = whole_text(pt)
    assert "um documento de IRS com totais que não batem certo" in text
    assert "não lidos, com totais" not in text
    asked = [line for line in pt["what_would_change"] if "rendimento mensal comprovado" in line]
    assert asked, pt["what_would_change"]
    assert all("ou o documento de IRS do último ano)" not in line for line in asked)
    assert any("o outro documento de IRS do último ano" in line for line in asked)
    en = applicant_explanation(applicant=member.applicant, report=report, language="en")
    assert "an IRS tax document whose totals do not add up" in whole_text(en)
    assert any("other IRS tax document" in line for line in en["what_would_change"])


@pytest.mark.django_db
def test_a_proof_of_filing_alone_still_asks_for_the_return_or_the_nota() -> None:
    form = form_for(agency())
    member = person(form, income=None, extra=(declaracao(gross=None, warnings=[PROOF_OF_FILING_ONLY]),))
    _, report = screened(form, member)
    pt = applicant_explanation(applicant=member.applicant, report=report)
    assert "só o comprovativo de entrega, sem os rendimentos" in whole_text(pt)
    assert any("ou o documento de IRS do último ano)" in line for line in pt["what_would_change"])
