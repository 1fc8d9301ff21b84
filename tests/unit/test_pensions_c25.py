"""Two pensions from one payer (blind probe c25): a survivor's or an invalidity pension beside one's own retirement
pension is a second income; the same pension sent twice, or a statement printing no type, is counted once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from screening.rules import verify_income
from screening.rules.authenticity import described

TODAY = dt.date(2026, 11, 23)
NIF = "245718931"


def pension(net: float, kind: str | None, *, issuer: str = "CGA", number: int = 1, **fields: Any) -> dict[str, Any]:
    return {
        "document_id": f"pension-{number}",
        "status": "EXTRACTED",
        "kind": "DECLARACAO_PENSAO",
        "fields": {
            "pensioner_nif": NIF,
            "issuer": issuer,
            "pension_type": kind,
            "net_monthly_amount": net,
            "payments_per_year": 14,
            "issue_date": "2026-11-02",
            **fields,
        },
        "warnings": [],
    }


def income(documents: list[dict[str, Any]]) -> dict[str, Any]:
    applicant = {"nif": NIF, "name": "Joaquim Ferreira", "date_of_birth": "1950-03-01", "income_profile": "PENSIONER"}
    return verify_income({"applicant": applicant, "today": TODAY.isoformat(), "documents": documents})


def test_a_survivors_pension_from_the_same_payer_adds_to_the_retirement_pension() -> None:
    result = income([pension(1369.0, "aposentacao"), pension(410.0, "sobrevivencia", number=2)])
    # (1369 + 410) x 14 / 12 = 2075.50
    assert result["verified"] and result["average_monthly_income"] == "2075.50"
    assert result["method"] == (
        "pensão x 14 / 12 (1 369,00 € líquidos) + pensão de sobrevivência x 14 / 12 (410,00 € líquidos)"
    )


def test_the_segurança_socials_old_age_and_invalidity_pensions_add_up_too() -> None:
    documents = [pension(760.0, "velhice", issuer="SEGURANCA_SOCIAL"), pension(290.0, "invalidez", number=2)]
    documents[1]["fields"]["issuer"] = "SEGURANCA_SOCIAL"
    # (760 + 290) x 14 / 12 = 1225.00
    assert income(documents)["average_monthly_income"] == "1225.00"


def test_one_pension_sent_twice_counts_once() -> None:
    documents = [pension(760.0, "velhice"), pension(760.0, "reforma", number=2)]
    # aposentação, reforma and velhice are one's own retirement pension: 760 x 14 / 12 = 886.67
    assert income(documents)["average_monthly_income"] == "886.67"


def test_a_statement_printing_no_type_is_not_added_beside_one_that_does() -> None:
    # The untyped statement (a year's declaration, say) may be either pension: counting it again could count one
    # pension twice, so the typed ones stand.
    documents = [
        pension(1369.0, "aposentacao"),
        pension(410.0, "sobrevivencia", number=2),
        pension(1369.0, None, number=3),
    ]
    assert income(documents)["average_monthly_income"] == "2075.50"
    assert income([pension(900.0, None), pension(900.0, None, number=2)])["average_monthly_income"] == "1050.00"


def test_the_survivors_pension_is_named_in_its_checks_and_in_the_authenticity_description() -> None:
    survivor = pension(410.0, "sobrevivencia", number=2)
    checks = income([pension(1369.0, "aposentacao"), survivor])["checks"]
    evidence = [c["evidence"] for c in checks if c["document_id"] == "pension-2"]
    assert evidence and all(e.startswith("Declaração de pensão de sobrevivência (CGA)") for e in evidence)
    assert described(survivor) == "a declaração de pensão de sobrevivência"
    assert described(pension(900.0, "velhice")) == "a declaração de pensão"


def test_two_payers_pensions_each_say_whose_they_are() -> None:
    """e2e probe c30: "pensão x 14 / 12 (720,40 €) + pensão x 12 / 12 (609,15 €)" did not say which payer's was which;
    one payer's two pensions (above) need no name."""
    fund = pension(609.15, None, issuer="", number=2, payments_per_year=12)
    result = income([pension(720.40, "velhice", issuer="SEGURANCA_SOCIAL"), fund])
    assert result["method"] == (
        "pensão da Segurança Social x 14 / 12 (720,40 € líquidos) + pensão de outra entidade x 12 / 12 (609,15 € líquidos)"
    )
