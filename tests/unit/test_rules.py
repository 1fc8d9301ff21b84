"""The rules matrix: each check passing and failing, each risk boundary, name variants, VENDA."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from screening import rules
from screening.assessors import RulesAssessor
from screening.graph import run_screening

TODAY = dt.date(2026, 11, 23)
NIF = "245718931"
THRESHOLDS = {
    "dti_high": "0.400",
    "dti_medium": "0.350",
    "id_expiry_warning_days": 60,
    "sale_loan_to_value": "0.900",
    "sale_annual_interest_rate": "0.0400",
    "sale_loan_term_years": 30,
}


def id_document(**overrides: Any) -> dict[str, Any]:
    fields = {
        "full_name": "Maria João Santos",
        "given_names": "Maria João",
        "surname": "Santos",
        "nif": NIF,
        "document_number": "00000000 0 ZZ4",
        "date_of_birth": "1990-06-15",
        "expiry_date": "2030-01-01",
    }
    fields.update(overrides)
    return {
        "document_id": "id-1",
        "document_type": "ID_DOCUMENT",
        "status": "EXTRACTED",
        "kind": "CARTAO_CIDADAO",
        "fields": fields,
        "warnings": [],
    }


# These payslips pay the subsidies monthly in duodécimos, so each net is the monthly income as printed (no
# x 14 / 12) and the boundaries below stay round; test_plain_payslips_are_annualised_over_fourteen_payments
# covers the other case.
def payslip(period: str, net: float = 2000.0, warnings: list[str] | None = None, **overrides: Any) -> dict[str, Any]:
    fields = {
        "employee_name": "Maria João Santos",
        "employee_nif": NIF,
        "period": period,
        "gross_pay": net * 1.3,
        "net_pay": net,
        "subsidy_twelfths_amount": round(net * 0.2, 2),
    }
    fields.update(overrides)
    return {
        "document_id": f"p-{period}",
        "document_type": "PROOF_OF_INCOME",
        "status": "EXTRACTED",
        "kind": "RECIBO_VENCIMENTO",
        "fields": fields,
        "warnings": warnings or [],
    }


def tax_document(
    year: int = 2025, gross: float = 36000.0, tax: float = 6000.0, nif: str | None = NIF, name: str | None = None
) -> dict[str, Any]:
    fields = {"taxpayer_name": name, "taxpayer_nif": nif, "year": year, "gross_income": gross, "tax_paid": tax}
    return {
        "document_id": "irs",
        "document_type": "PROOF_OF_INCOME",
        "status": "EXTRACTED",
        "kind": "DECLARACAO_IRS",
        "fields": fields,
        "warnings": [],
    }


THREE_MONTHS = ["2026-10", "2026-09", "2026-08"]


def state(
    documents: list[dict[str, Any]],
    *,
    price: str = "700",
    listing: str = "ARRENDAMENTO",
    name: str = "Maria João Santos",
    birth: str = "1990-06-15",
) -> dict[str, Any]:
    return {
        "applicant": {"nif": NIF, "name": name, "date_of_birth": birth},
        "property": {"listing_type": listing, "price": price, "title": "T2"},
        "thresholds": THRESHOLDS,
        "today": TODAY.isoformat(),
        "documents": documents,
    }


def screen(documents: list[dict[str, Any]], **kwargs: Any) -> dict[str, Any]:
    return dict(run_screening(state(documents, **kwargs), RulesAssessor()))  # type: ignore[arg-type]


def check_named(result: dict[str, Any], name: str) -> dict[str, Any]:
    all_checks = result["identity"]["checks"] + result["income"]["checks"] + result["affordability"]["checks"]
    return next(c for c in all_checks if c["name"] == name)


def good_documents(net: float = 2000.0) -> list[dict[str, Any]]:
    return [id_document(), *(payslip(p, net) for p in THREE_MONTHS)]


def test_good_applicant_is_low_risk_with_verified_identity_and_income() -> None:
    result = screen(good_documents())
    assert result["affordability"]["risk_level"] == "LOW"
    assert result["identity"]["verified"] and result["income"]["verified"]
    assert result["income"]["average_monthly_income"] == "2000.00"
    assert result["affordability"]["dti_ratio"] == "0.3500"
    assert "Risco baixo." in result["report"]["justification"]
    assert result["report"]["language"] == "pt-PT"


def test_plain_payslips_are_annualised_over_fourteen_payments() -> None:
    documents = [id_document(), *(payslip(p, 1800.0, subsidy_twelfths_amount=None) for p in THREE_MONTHS)]
    result = screen(documents)
    # 1800 x 14 / 12 = 2100.00; rent 700 / 2100 = 0.3333 (LOW; at 1800 a month it would be 0.3889, MEDIUM)
    assert result["income"]["average_monthly_income"] == "2100.00"
    assert result["affordability"]["dti_ratio"] == "0.3333"
    assert result["affordability"]["risk_level"] == "LOW"
    assert "vencimento regular x 14 / 12" in result["report"]["justification"]


# --- Risk boundaries (rent 700; income chosen so the ratio lands exactly) --------------------------


@pytest.mark.parametrize(
    ("net", "risk", "ratio"),
    [
        (2000.0, "LOW", "0.3500"),  # exactly 0.35 -> not above medium
        (1999.0, "MEDIUM", "0.3502"),  # just above 0.35
        (1750.0, "MEDIUM", "0.4000"),  # exactly 0.40 -> not above high
        (1749.0, "HIGH", "0.4002"),  # just above 0.40
        (2100.0, "LOW", "0.3333"),
        (1000.0, "HIGH", "0.7000"),
    ],
)
def test_dti_boundaries(net: float, risk: str, ratio: str) -> None:
    result = screen(good_documents(net))
    assert result["affordability"]["dti_ratio"] == ratio
    assert result["affordability"]["risk_level"] == risk


def test_agency_thresholds_are_used() -> None:
    custom = state(good_documents(1999.0))
    custom["thresholds"] = {**THRESHOLDS, "dti_medium": "0.360"}
    assert run_screening(custom, RulesAssessor())["affordability"]["risk_level"] == "LOW"  # type: ignore[arg-type,typeddict-item]


# --- Identity checks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "failing_check"),
    [
        ({"nif": "123456789"}, "identity.nif_match"),
        ({"full_name": "Ana Rita Sousa", "given_names": "Ana Rita", "surname": "Sousa"}, "identity.name_match"),
        ({"date_of_birth": "1991-06-15"}, "identity.birth_date_match"),
        ({"date_of_birth": None}, "identity.birth_date_match"),
        ({"expiry_date": "2026-11-22"}, "identity.not_expired"),
        ({"expiry_date": None}, "identity.not_expired"),
    ],
)
def test_each_identity_check_failing_makes_it_high_risk(overrides: dict[str, Any], failing_check: str) -> None:
    result = screen([id_document(**overrides), *(payslip(p) for p in THREE_MONTHS)])
    assert not check_named(result, failing_check)["passed"]
    assert not result["identity"]["verified"]
    assert result["affordability"]["risk_level"] == "HIGH"


def test_no_identity_document_is_high_risk() -> None:
    result = screen([payslip(p) for p in THREE_MONTHS])
    assert not check_named(result, "identity.document_read")["passed"]
    assert result["affordability"]["risk_level"] == "HIGH"


def test_identity_document_without_printed_nif_is_checked_by_name_and_birth() -> None:
    result = screen([id_document(nif=None), *(payslip(p) for p in THREE_MONTHS)])
    assert check_named(result, "identity.nif_match")["passed"]
    assert result["identity"]["verified"]


def test_expiry_on_screening_day_is_still_valid_but_expiring_soon_is_medium() -> None:
    today = screen([id_document(expiry_date=TODAY.isoformat()), *(payslip(p) for p in THREE_MONTHS)])
    assert today["identity"]["verified"]
    assert today["affordability"]["risk_level"] == "MEDIUM"
    assert "id_expiring_soon" in today["affordability"]["reasons"]


@pytest.mark.parametrize(("days", "risk"), [(59, "MEDIUM"), (60, "MEDIUM"), (61, "LOW")])
def test_id_expiry_warning_window(days: int, risk: str) -> None:
    expiry = (TODAY + dt.timedelta(days=days)).isoformat()
    result = screen([id_document(expiry_date=expiry), *(payslip(p, 2100.0) for p in THREE_MONTHS)])
    assert result["affordability"]["risk_level"] == risk


@pytest.mark.parametrize(
    ("submitted", "read", "expected"),
    [
        ("Maria João Santos", "MARIA JOAO SANTOS", "exact"),
        ("maria joão santos", "Maria João Santos", "exact"),
        ("Santos Maria João", "Maria João Santos", "exact"),
        ("Maria Santos", "Maria João Conceição Santos", "partial"),
        ("Maria João da Silva Santos", "Maria João Silva Santos", "exact"),
        ("Maria Joao Santoss", "Maria João Santos", "fuzzy"),
        ("Ana Sousa", "Maria João Santos", "none"),
        ("Maria", "Maria João Santos", "none"),
    ],
)
def test_name_variants(submitted: str, read: str, expected: str) -> None:
    assert rules.name_match(submitted, read) == expected


def test_fuzzy_only_name_match_is_medium() -> None:
    result = screen(good_documents(2100.0), name="Maria Joao Santoss")
    assert result["identity"]["verified"]
    assert result["affordability"]["risk_level"] == "MEDIUM"
    assert "fuzzy_name_match" in result["affordability"]["reasons"]


# --- Income checks -----------------------------------------------------------------------------


def test_two_months_of_payslips_is_medium_with_partial_income() -> None:
    result = screen([id_document(), payslip("2026-10", 2100.0), payslip("2026-09", 2100.0)])
    assert not result["income"]["verified"]
    assert result["income"]["months_verified"] == 2
    assert result["affordability"]["risk_level"] == "MEDIUM"
    assert "partial_income_months" in result["affordability"]["reasons"]


def test_three_distinct_months_are_needed_not_three_payslips() -> None:
    result = screen([id_document(), payslip("2026-10"), payslip("2026-10"), payslip("2026-09")])
    assert result["income"]["months_verified"] == 2


def test_average_uses_the_latest_three_months() -> None:
    documents = [
        id_document(),
        payslip("2026-10", 3000.0),
        payslip("2026-09", 2000.0),
        payslip("2026-08", 1000.0),
        payslip("2026-07", 9000.0),
    ]
    assert screen(documents)["income"]["average_monthly_income"] == "2000.00"


def test_payslips_older_than_six_months_do_not_count() -> None:
    result = screen([id_document(), payslip("2026-10"), payslip("2026-09"), payslip("2026-04")])
    assert result["income"]["months_verified"] == 2
    assert any(not c["passed"] for c in result["income"]["checks"] if c["name"] == "income.payslip_recent")


def test_payslip_of_someone_else_is_not_attributable_and_high_risk() -> None:
    # Another person's name as well as another NIF: in the applicant's own name the reason says so instead
    # (own_income_other_nif; tests/unit/test_owner_r69b.py).
    others = [payslip(p, employee_nif="123456789", employee_name="Rui Costa") for p in THREE_MONTHS]
    result = screen([id_document(), *others])
    assert not result["income"]["attributable"]
    assert result["affordability"]["risk_level"] == "HIGH"
    assert "no_attributable_income" in result["affordability"]["reasons"]


def test_payslip_without_nif_is_attributed_by_name() -> None:
    result = screen([id_document(), *(payslip(p, 2100.0, employee_nif=None) for p in THREE_MONTHS)])
    assert result["income"]["verified"]
    assert result["affordability"]["risk_level"] == "LOW"


def test_arithmetic_mismatch_is_a_medium_warning_and_the_month_does_not_count() -> None:
    documents = [
        id_document(),
        payslip("2026-10", 2100.0, warnings=["arithmetic_mismatch"]),
        *(payslip(p, 2100.0) for p in ["2026-09", "2026-08", "2026-07"]),
    ]
    result = screen(documents)
    assert result["income"]["verified"]
    assert result["affordability"]["risk_level"] == "MEDIUM"
    assert "arithmetic_mismatch" in result["affordability"]["reasons"]


def test_tax_declaration_for_last_year_verifies_income() -> None:
    result = screen([id_document(), tax_document(2025, gross=36000.0, tax=6000.0)])
    assert result["income"]["verified"]
    assert result["income"]["source"] == "tax"
    assert result["income"]["average_monthly_income"] == "2500.00"
    assert result["affordability"]["dti_ratio"] == "0.2800"
    assert result["affordability"]["risk_level"] == "LOW"


def test_old_tax_declaration_does_not_verify_income() -> None:
    result = screen([id_document(), tax_document(2023)])
    assert not result["income"]["verified"]
    assert result["affordability"]["risk_level"] == "HIGH"


def test_tax_declaration_of_another_person_is_not_used() -> None:
    result = screen([id_document(), tax_document(2025, nif="123456789")])
    assert not result["income"]["attributable"]
    assert result["affordability"]["risk_level"] == "HIGH"


def test_failed_documents_are_ignored_and_screening_goes_on() -> None:
    failed = {**payslip("2026-07"), "status": "FAILED", "kind": None, "fields": {}}
    result = screen([*good_documents(2100.0), failed])
    assert result["affordability"]["risk_level"] == "LOW"


# --- VENDA -------------------------------------------------------------------------------------


def test_sale_uses_the_loan_payment_at_the_agency_terms() -> None:
    payment = rules.loan_monthly_payment(
        price=Decimal("200000"), loan_to_value=Decimal("0.9"), annual_rate=Decimal("0.04"), years=30
    )
    assert payment == Decimal("859.35")  # standard annuity: 180000 at 4%/12 over 360 months
    result = screen(good_documents(3000.0), price="200000", listing="VENDA")
    assert result["affordability"]["monthly_cost"] == "859.35"
    assert result["affordability"]["dti_ratio"] == "0.2865"
    assert result["affordability"]["risk_level"] == "LOW"
    assert "crédito" in result["report"]["justification"]


def test_sale_too_expensive_is_high() -> None:
    assert screen(good_documents(2000.0), price="400000", listing="VENDA")["affordability"]["risk_level"] == "HIGH"


def test_zero_interest_loan_is_principal_over_months() -> None:
    assert rules.loan_monthly_payment(
        price=Decimal("120000"), loan_to_value=Decimal("1"), annual_rate=Decimal("0"), years=10
    ) == Decimal("1000.00")


def test_graph_runs_nodes_in_order_and_is_deterministic() -> None:
    first = screen(good_documents())
    second = screen(good_documents())
    assert first == second
    assert {"identity", "income", "affordability", "report"} <= set(first)
    assert asyncio.run(RulesAssessor().verify_identity(state(good_documents())))["verified"]


def test_an_irregular_certificate_is_stated_in_the_report_and_leaves_the_risk_alone() -> None:
    certificate = {
        "document_id": "cert",
        "status": "EXTRACTED",
        "kind": "DECLARACAO_SS",
        "fields": {
            "issuer": "SS",
            "holder_nif": NIF,
            "status": "IRREGULAR",
            "issue_date": TODAY.isoformat(),
            "valid_until": (TODAY + dt.timedelta(days=90)).isoformat(),
            "validation_code": "X1",
        },
    }
    plain = screen(good_documents())
    result = screen([*good_documents(), certificate])
    assert result["affordability"]["risk_level"] == plain["affordability"]["risk_level"] == "LOW"
    assert check_named(result, "certificates.ss_situation")["passed"] is False
    assert "A ponderar (não altera o risco)" in result["report"]["justification"]
    assert "não regularizada" in result["report"]["justification"]
    assert "A ponderar" not in plain["report"]["justification"]
