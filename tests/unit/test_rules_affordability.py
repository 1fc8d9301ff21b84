"""The affordability pieces on their own: monthly cost, ratio, reasons, the check."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from screening.rules.affordability import dti_check, dti_ratio, property_monthly_cost, risk_reasons

THRESHOLDS = {
    "dti_high": "0.400",
    "dti_medium": "0.350",
    "sale_loan_to_value": "0.900",
    "sale_annual_interest_rate": "0.0400",
    "sale_loan_term_years": 30,
}
IDENTITY_OK = {"verified": True, "warnings": []}
INCOME_OK = {"verified": True, "attributable": True, "months_verified": 3, "warnings": []}


def reasons(
    identity: dict[str, Any] = IDENTITY_OK, income: dict[str, Any] = INCOME_OK, dti: str | None = "0.3000"
) -> tuple[list[str], list[str]]:
    return risk_reasons(identity, income, dti=None if dti is None else Decimal(dti), thresholds=THRESHOLDS)


def test_property_monthly_cost_is_the_rent_or_the_loan_payment_for_a_sale() -> None:
    assert property_monthly_cost({"listing_type": "ARRENDAMENTO", "price": "700"}, THRESHOLDS) == (
        Decimal("700.00"),
        "renda mensal",
    )
    assert property_monthly_cost({"listing_type": "VENDA", "price": "200000"}, THRESHOLDS) == (
        Decimal("859.35"),
        "prestação estimada do crédito",
    )


def test_dti_ratio_is_none_without_income_and_rounds_to_four_places() -> None:
    assert dti_ratio(Decimal(700), None) is None
    assert dti_ratio(Decimal(700), Decimal(0)) is None
    assert dti_ratio(Decimal(700), Decimal(1999)) == Decimal("0.3502")


def test_risk_reasons_put_identity_income_and_high_ratio_in_high() -> None:
    assert reasons() == ([], [])
    assert reasons(identity={"verified": False, "warnings": []})[0] == ["identity_not_verified"]
    assert reasons(income={**INCOME_OK, "attributable": False})[0] == ["no_attributable_income"]
    assert reasons(dti=None)[0] == ["income_unknown"]
    assert reasons(dti="0.4001")[0] == ["dti_above_high"]


def test_risk_reasons_put_ratio_above_medium_partial_months_and_warnings_once_in_medium() -> None:
    assert reasons(dti="0.4000") == ([], ["dti_above_medium"])
    partial = {
        **INCOME_OK,
        "verified": False,
        "months_verified": 2,
        "warnings": ["arithmetic_mismatch", "arithmetic_mismatch"],
    }
    assert reasons(income=partial)[1] == ["partial_income_months", "arithmetic_mismatch"]


def dti_check_at(dti: str | None, income: Decimal | None = Decimal(1750)) -> dict[str, Any]:
    ratio = None if dti is None else Decimal(dti)
    return dti_check(ratio, high=Decimal("0.400"), monthly_cost=Decimal(700), cost_label="renda mensal", income=income)


def test_dti_check_fails_above_the_maximum_and_without_a_ratio() -> None:
    assert dti_check_at("0.4000")["passed"]
    assert not dti_check_at("0.4002")["passed"]
    missing = dti_check_at(None, income=None)
    assert not missing["passed"]
    assert missing["evidence"] == "Sem rendimento verificável para calcular a taxa de esforço."


def test_dti_ratio_is_capped_at_a_ceiling_the_report_column_holds() -> None:
    from screening.models import ScreeningReport
    from screening.rules.affordability import DTI_RATIO_CEILING

    field = ScreeningReport._meta.get_field("dti_ratio")
    assert Decimal(10 ** (field.max_digits - field.decimal_places)) > DTI_RATIO_CEILING
    assert dti_ratio(Decimal("1000000.00"), Decimal("0.01")) == DTI_RATIO_CEILING
    assert dti_ratio(Decimal(700), Decimal("-5")) is None
    capped = dti_check(
        DTI_RATIO_CEILING, high=Decimal("0.4"), monthly_cost=Decimal(1), cost_label="renda", income=Decimal(1)
    )
    assert not capped["passed"] and "acima de" in capped["evidence"]


def test_a_sale_s_report_states_the_loan_behind_the_payment() -> None:
    """Blind probe r60a: a sale's report printed the estimated payment and nothing of the loan it assumed."""
    from tests.unit.test_rules import good_documents, screen

    sale = screen(good_documents(), listing="VENDA", price="200000")["report"]["justification"]
    assert "prestação estimada do crédito de 859,35 €" in sale
    assert (
        "Prestação de um crédito estimado de 180 000,00 € (90 % do preço de 200 000,00 €), a 30 anos, à taxa anual "
        "de 4 %, em prestações constantes: os pressupostos da agência, não uma proposta de um banco." in sale
    )
    rent = screen(good_documents())["report"]["justification"]
    assert "crédito" not in rent


def test_an_agency_s_terms_are_printed_as_they_were_set() -> None:
    from screening.rules.affordability import loan_terms_sentence

    terms = {
        **THRESHOLDS,
        "sale_loan_to_value": "0.800",
        "sale_annual_interest_rate": "0.0375",
        "sale_loan_term_years": 35,
    }
    sentence = loan_terms_sentence({"listing_type": "VENDA", "price": "312500.50"}, terms)
    assert "de 250 000,40 € (80 % do preço de 312 500,50 €), a 35 anos, à taxa anual de 3,75 %" in sentence
