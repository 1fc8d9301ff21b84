"""A resubmission's report says what the new documents changed (cases probe 15, K04)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from screening.rules.report import changes_sentence

BEFORE = {
    "risk_level": "HIGH",
    "identity_verified": False,
    "average_monthly_income": None,
    "dti_ratio": None,
    "created_at": dt.date(2026, 11, 20),
}


def test_each_change_is_said_before_and_now() -> None:
    after = {
        "risk_level": "LOW",
        "identity_verified": True,
        "average_monthly_income": Decimal("1486.33"),
        "dti_ratio": Decimal("0.3364"),
    }
    assert changes_sentence(BEFORE, after) == (
        "Desde o relatório anterior (20/11/2026), com os documentos novos: risco alto → baixo; identidade não "
        "confirmada → confirmada; rendimento mensal não comprovado → 1 486,33 €; taxa de esforço — → 33,64 %."
    )


def test_only_what_changed_is_said() -> None:
    before = {**BEFORE, "risk_level": "MEDIUM", "identity_verified": True, "average_monthly_income": "1200.00"}
    after = {"risk_level": "MEDIUM", "identity_verified": True, "average_monthly_income": "1400.00", "dti_ratio": None}
    assert changes_sentence(before, after) == (
        "Desde o relatório anterior (20/11/2026), com os documentos novos: rendimento mensal 1 200,00 € → 1 400,00 €."
    )


def test_nothing_changed_is_said_as_such() -> None:
    after = {key: value for key, value in BEFORE.items() if key != "created_at"}
    assert changes_sentence(BEFORE, after).endswith(
        ": sem alterações no risco, na identidade, no rendimento nem na taxa de esforço."
    )


def test_an_income_that_became_proven_is_said_though_its_amount_stayed() -> None:
    """Cases probe 16: "risco MÉDIO → BAIXO" alone, the income having gone from partly proven to proven."""
    before = {**BEFORE, "risk_level": "MEDIUM", "identity_verified": True, "average_monthly_income": "1512.00"}
    after = {"risk_level": "LOW", "identity_verified": True, "average_monthly_income": "1512.00", "dti_ratio": None}
    assert changes_sentence({**before, "income_verified": False}, {**after, "income_verified": True}) == (
        "Desde o relatório anterior (20/11/2026), com os documentos novos: risco médio → baixo; rendimento mensal "
        "1 512,00 € (parcialmente comprovado) → 1 512,00 €."
    )
    # A report that does not say whether its income was proven in full compares its amount only.
    assert "rendimento" not in changes_sentence(before, after)


def test_a_guarantor_who_now_covers_is_said() -> None:
    """End-to-end probe 17: the fiador's new payslips were the whole change, and the sentence said only the risk."""
    before = {**BEFORE, "risk_level": "MEDIUM", "identity_verified": True, "average_monthly_income": "1345.75"}
    after = {key: value for key, value in before.items() if key != "created_at"}
    short = {"covers": False, "dti_ratio": "0.4000", "shortfall": "1666.39", "income_needed": "2221.85"}
    covering = {"covers": True, "dti_ratio": "0.2500", "shortfall": None, "income_needed": "2221.85"}
    sentence = changes_sentence({**before, "guarantor": short}, {**after, "risk_level": "LOW", "guarantor": covering})
    assert sentence == (
        "Desde o relatório anterior (20/11/2026), com os documentos novos: risco médio → baixo; fiador: não cobre "
        "(faltam 1 666,39 €) → cobre a renda."
    )
    assert changes_sentence(before, {**after, "guarantor": covering}).endswith("fiador: nenhum → cobre a renda.")
    assert "fiador" not in changes_sentence({**before, "guarantor": covering}, {**after, "guarantor": covering})
