"""A household report's reasons say whose they are (blind probe r68b, F5).

A couple, the co-tenant's seasonal contract ended in September (its last payslip pays the compensation for its end,
``termination_pay``) and screened in December: the report read "Motivos: um recibo de vencimento é o último de um
contrato que terminou ...; o recibo de vencimento mais recente tem mais de dois meses ...", both the co-tenant's,
said as the household's, while the notes "A ponderar" already said whose ("fiador: ..."). A reason of the
household's own, the ratio, stays as it was.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from screening.rules.household import assess_household_node, household_report, verify_incomes
from screening.rules.report import REASON_TEXT

TODAY = dt.date(2026, 12, 4)
THRESHOLDS = {"dti_high": "0.400", "dti_medium": "0.350", "dti_guarantor": "0.300", "sale_loan_to_value": "0.900",
              "sale_annual_interest_rate": "0.0400", "sale_loan_term_years": 30}  # fmt: skip
LEAD = {"nif": "245718931", "name": "Duarte Vilaça Amaral", "date_of_birth": "1991-05-02", "income_profile": "EMPLOYEE"}
PARTNER = {"nif": "232014556", "name": "Leonor Faria Quintas", "date_of_birth": "1993-08-17",
           "income_profile": "EMPLOYEE"}  # fmt: skip
PORTO = {"employer_name": "Tecelagem Ribeirinha, S.A.", "employer_nif": "501495347"}
ENDED = REASON_TEXT["payslip_contract_ended"]
OLD = REASON_TEXT["latest_payslip_old"]


def payslip(who: dict[str, str], period: str, net: float, warnings: list[str] | None = None,
            **extra: Any) -> dict[str, Any]:  # fmt: skip
    fields = {"employee_name": who["name"], "employee_nif": who["nif"], "period": period, "net_pay": net,
              "gross_pay": round(net / 0.89, 2), **PORTO, **extra}  # fmt: skip
    return {"document_id": f"{who['nif']}-{period}", "status": "EXTRACTED", "kind": "RECIBO_VENCIMENTO",
            "fields": fields, "warnings": warnings or []}  # fmt: skip


def steady(who: dict[str, str], net: float) -> list[dict[str, Any]]:
    return [payslip(who, month, net) for month in ("2026-09", "2026-10", "2026-11")]


def ended_in_september(who: dict[str, str]) -> list[dict[str, Any]]:
    return [
        payslip(who, "2026-07", 774.30),
        payslip(who, "2026-08", 774.30),
        payslip(who, "2026-09", 1117.87, ["termination_pay"], regular_net_pay=774.30),
    ]


def couple(lead_documents: list[dict[str, Any]], co_documents: list[dict[str, Any]], rent: str,
           *, co_identity: dict[str, Any] | None = None) -> tuple[dict[str, Any], str]:  # fmt: skip
    members = [
        {"applicant_id": "lead", "role": "TENANT", "applicant": LEAD, "documents": lead_documents},
        {"applicant_id": "co", "role": "CO_TENANT", "applicant": PARTNER, "documents": co_documents},
    ]
    identities = {"lead": {"verified": True, "warnings": []}, "co": co_identity or {"verified": True, "warnings": []}}
    state: dict[str, Any] = {"thresholds": THRESHOLDS, "property": {"listing_type": "ARRENDAMENTO", "price": rent},
                             "today": TODAY.isoformat(), "members": members,
                             "identity": {"members": identities}}  # fmt: skip
    state["income"] = verify_incomes(state)
    state["affordability"] = assess_household_node(state)
    return state["affordability"], str(household_report(state)["justification"])


def reasons_of(report: str) -> str:
    return report.split("Motivos: ")[1].split(". Este relatório")[0]


def test_the_co_tenants_own_payslip_reasons_are_said_as_theirs() -> None:
    affordability, report = couple(steady(LEAD, 1140.0), ended_in_september(PARTNER), "650")
    assert affordability["risk_level"] == "MEDIUM"
    assert affordability["reasons"] == ["payslip_contract_ended", "latest_payslip_old"]
    assert reasons_of(report) == f"coarrendatário: {ENDED}; coarrendatário: {OLD}"


def test_a_reason_both_tenants_give_names_both_and_the_ratio_stays_the_households() -> None:
    # Both tenants' latest payslips are September's; the rent puts the ratio above the recommended limit.
    lead = [payslip(LEAD, month, 900.0) for month in ("2026-07", "2026-08", "2026-09")]
    affordability, report = couple(lead, ended_in_september(PARTNER), "700")
    assert affordability["reasons"] == ["dti_above_medium", "latest_payslip_old", "payslip_contract_ended"]
    assert reasons_of(report) == (
        f"{REASON_TEXT['dti_above_medium']} (35 %); arrendatário principal e coarrendatário: {OLD}; coarrendatário: {ENDED}"
    )


def test_a_co_tenant_not_confirmed_is_named_in_the_reason_too() -> None:
    affordability, report = couple(steady(LEAD, 1140.0), steady(PARTNER, 800.0), "650",
                                   co_identity={"verified": False, "warnings": []})  # fmt: skip
    assert affordability["reasons"] == ["identity_not_verified"]
    assert "Identidade não confirmada: coarrendatário." in report
    assert reasons_of(report) == f"coarrendatário: {REASON_TEXT['identity_not_verified']}"


def test_a_household_with_no_member_reason_reads_as_before() -> None:
    """A guard: a ratio above the recommended limit alone is the household's, said with no role."""
    affordability, report = couple(steady(LEAD, 900.0), steady(PARTNER, 500.0), "600")
    assert affordability["reasons"] == ["dti_above_medium"]
    assert reasons_of(report) == REASON_TEXT["dti_above_medium"] + " (35 %)"
