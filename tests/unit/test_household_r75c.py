"""Blind probe r75c, S15: a guarantor whose only pension letter is over a year old.

- F4: a guarantor with no income counted is shown with the income needed, not as short of all of it (docs/api.md,
  Households): the report's sentence said so, but the verdict's ``shortfall`` was the income needed and a later
  report's "what changed" read "fiador: não cobre (faltam 1 499,76 €)".
- F5: the reason read "o rendimento do fiador não está comprovado (comprovativos em falta, ilegíveis, de outra pessoa
  ou noutra moeda)" and the letter was listed "fora do período pedido": none of these happened; a pension letter is
  asked for within a year, not for a period.

The letters and figures are written here, in words of their own.
"""

from __future__ import annotations

from typing import Any

from screening.rules.household import best_guarantor
from screening.rules.report import REASON_TEXT, changes_sentence
from tests.unit.test_household_r74c import PENSIONER, pension
from tests.unit.test_rules_household_currency import MONTHS, PARTNER, PORTO, household_screened, payslip

OLD_LETTER = pension("2025-09-15", issuer="SEGURANCA_SOCIAL", net=1800.0, payments=14)
RECENT_LOW_LETTER = pension("2026-11-10", issuer="SEGURANCA_SOCIAL", net=900.0, payments=14)


def tenant_and_guarantor(guarantor_documents: list[dict[str, Any]]) -> tuple[dict[str, Any], str]:
    """A tenant on 700,00 € net (x 14 / 12 = 816,67 €) for 450,00 € of rent (HIGH alone), and a pensioner guarantor."""
    members = [
        {"applicant_id": "t", "role": "TENANT", "applicant": PARTNER,
         "documents": [payslip(PARTNER, m, 700.0, PORTO) for m in MONTHS]},
        {"applicant_id": "g", "role": "GUARANTOR", "applicant": PENSIONER, "documents": guarantor_documents},
    ]  # fmt: skip
    return household_screened(members, rent="450")


def test_a_guarantor_with_no_income_counted_has_the_income_needed_and_no_shortfall() -> None:
    affordability, report = tenant_and_guarantor([OLD_LETTER])
    verdict = affordability["guarantor"]
    assert (verdict["covers"], verdict["dti_ratio"], verdict["shortfall"]) == (False, None, None)
    assert verdict["income_needed"] == "1499.76"
    assert "seriam necessários 1 499,76 € de rendimento mensal" in report and "faltam" not in report


def test_a_guarantor_short_of_some_income_still_has_the_shortfall() -> None:
    """Guard: 450 / 1 050,00 = 0.4286 > 0.30, short by 449,76 €."""
    affordability, report = tenant_and_guarantor([RECENT_LOW_LETTER])
    verdict = affordability["guarantor"]
    assert (verdict["covers"], verdict["dti_ratio"], verdict["shortfall"]) == (False, "0.4286", "449.76")
    assert "faltam 449,76 € de rendimento mensal" in report


def test_the_reason_says_the_guarantors_pension_letter_is_over_a_year_old() -> None:
    affordability, report = tenant_and_guarantor([OLD_LETTER])
    assert "guarantor_income_not_proven" in affordability["reasons"]
    assert (
        "o rendimento do fiador não está comprovado, por não terem sido contados os comprovativos enviados: 1 "
        "declaração de pensão (com mais de um ano)" in report
    )
    assert REASON_TEXT["guarantor_income_not_proven"] not in report
    # Listed by its age, not "fora do período pedido": a pension letter is asked for within a year.
    assert "fiador: 1 declaração de pensão (com mais de um ano)" in report
    assert "fora do período pedido" not in report


def test_a_guarantor_who_sent_no_proof_is_said_to_have_sent_none() -> None:
    affordability, report = tenant_and_guarantor([])
    assert affordability["guarantor"]["shortfall"] is None
    assert "o rendimento do fiador não está comprovado: não enviou nenhum comprovativo de rendimentos" in report


def test_what_changed_says_a_guarantor_had_no_income_counted_not_short_of_all_of_it() -> None:
    before = {"created_at": "2026-11-20T10:00:00+00:00", "risk_level": "HIGH", "identity_verified": True,
              "average_monthly_income": "816.67", "dti_ratio": "0.5510"}  # fmt: skip
    after = {key: value for key, value in before.items() if key != "created_at"}
    covering = {"covers": True, "dti_ratio": "0.2143", "shortfall": None, "income_needed": "1499.76"}
    nothing = {"covers": False, "dti_ratio": None, "shortfall": None, "income_needed": "1499.76"}
    # A report stored before this change carried the income needed as the shortfall.
    stored_before = {**nothing, "shortfall": "1499.76"}
    for earlier in (nothing, stored_before):
        sentence = changes_sentence(
            {**before, "guarantor": earlier}, {**after, "risk_level": "MEDIUM", "guarantor": covering}
        )
        assert sentence.endswith("fiador: não cobre (sem rendimento comprovado) → cobre a renda."), sentence


def test_a_pension_letter_dated_ahead_is_listed_so_not_as_too_old() -> None:
    """Guard: a pension_recent failure that is no age (a date still to come) keeps its own words."""
    _, report = tenant_and_guarantor([pension("2026-12-20", issuer="SEGURANCA_SOCIAL", net=1800.0, payments=14)])
    assert "1 declaração de pensão (com data ainda por vir)" in report
    assert "com mais de um ano" not in report


def test_the_guarantor_closest_to_covering_is_still_the_one_short_by_least() -> None:
    """Guard on the ranking: a guarantor with no income counted (no shortfall now) is the furthest from covering."""
    verdict = best_guarantor(
        [
            {"covers": False, "dti_ratio": None, "shortfall": None, "income_needed": "1499.76"},
            {"covers": False, "dti_ratio": "0.4286", "shortfall": "449.76", "income_needed": "1499.76"},
        ]
    )
    assert verdict is not None and verdict["shortfall"] == "449.76"
    # One whose income would cover behind an identity not verified is closer than one with none counted.
    unverified = {"covers": False, "dti_ratio": "0.2000", "shortfall": None, "income_needed": "1499.76"}
    assert best_guarantor([{"covers": False, "dti_ratio": None, "shortfall": None, "income_needed": "1499.76"},
                           unverified]) is unverified  # fmt: skip
