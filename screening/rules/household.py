"""Households: the tenants' incomes together against the monthly cost, and the guarantor's verdict.

A household is the lead tenant, any co-tenants and any guarantors (*fiadores*)
of one application, each already through the identity and income nodes. The
tenants' taxa de esforço is the monthly cost over the sum of their monthly
incomes; a guarantor *covers* when their identity is verified and the cost
over their own income is within the agency's (stricter) guarantor threshold.
A covering guarantor lowers an affordability-only risk by one level, never a
risk that comes from an unverified identity or an inconsistent document. One
tenant and no guarantor gives exactly the single-person assessment.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from screening.rules.affordability import dti_check, dti_ratio, property_monthly_cost, risk_reasons
from screening.rules.common import check, format_eur, format_percent, money, quantize

TENANT_ROLES = ("TENANT", "CO_TENANT")
GUARANTOR_ROLE = "GUARANTOR"
DEFAULT_GUARANTOR_THRESHOLD = Decimal("0.30")
# Reasons about money alone: the only ones a guarantor's income can answer for.
AFFORDABILITY_REASONS = frozenset(
    {"dti_above_high", "dti_above_medium", "income_unknown", "no_attributable_income", "partial_income_months"}
)
LOWER = {"HIGH": "MEDIUM", "MEDIUM": "LOW", "LOW": "LOW"}


def assess_household(state: dict[str, Any]) -> dict[str, Any]:
    """Node for an application: ``state["members"]`` holds each person's role, identity and income results."""
    thresholds = state["thresholds"]
    monthly_cost, cost_label = property_monthly_cost(state["property"], thresholds)
    tenants = [m for m in state["members"] if m["role"] in TENANT_ROLES]
    guarantors = [m for m in state["members"] if m["role"] == GUARANTOR_ROLE]
    income = household_income(tenants)
    dti = dti_ratio(monthly_cost, income)
    reasons_high, reasons_medium = risk_reasons(
        household_identity(tenants), household_income_result(tenants), dti=dti, thresholds=thresholds
    )
    risk = "HIGH" if reasons_high else "MEDIUM" if reasons_medium else "LOW"
    verdicts = [guarantor_verdict(g, monthly_cost=monthly_cost, thresholds=thresholds) for g in guarantors]
    guarantor = best_guarantor(verdicts)
    reasons = reasons_high + reasons_medium
    if guarantor is not None:
        risk, extra = guarantor_effect(guarantor, risk=risk, reasons_high=reasons_high, reasons_medium=reasons_medium)
        reasons += extra
    high = Decimal(str(thresholds["dti_high"]))
    checks = [dti_check(dti, high=high, monthly_cost=monthly_cost, cost_label=cost_label, income=income)]
    checks += [guarantor_check(verdict, monthly_cost=monthly_cost) for verdict in verdicts]
    return {
        "dti_ratio": None if dti is None else str(dti),
        "monthly_cost": str(monthly_cost),
        "cost_label": cost_label,
        "risk_level": risk,
        "reasons": reasons,
        "checks": checks,
        "household_monthly_income": None if income is None else str(income),
        "members": member_shares(tenants, income) + [member_summary(g, share=None) for g in guarantors],
        "guarantor": guarantor,
    }


def household_income(tenants: list[dict[str, Any]]) -> Decimal | None:
    """The sum of the tenants' monthly incomes that could be computed; None when none could."""
    incomes = [money(t["income"]["average_monthly_income"]) for t in tenants]
    known = [value for value in incomes if value is not None]
    return quantize(sum(known, Decimal(0))) if known else None


def household_identity(tenants: list[dict[str, Any]]) -> dict[str, Any]:
    """Verified only when every tenant's identity is; the tenants' warnings together."""
    return {
        "verified": bool(tenants) and all(t["identity"]["verified"] for t in tenants),
        "warnings": [w for t in tenants for w in t["identity"]["warnings"]],
    }


def household_income_result(tenants: list[dict[str, Any]]) -> dict[str, Any]:
    """The income facts the risk reasons read, over all tenants (partial months if any tenant's are)."""
    partial = [t["income"] for t in tenants if not t["income"]["verified"] and t["income"]["months_verified"]]
    return {
        "attributable": any(t["income"]["attributable"] for t in tenants),
        "verified": not partial and all(t["income"]["verified"] for t in tenants),
        "months_verified": min((p["months_verified"] for p in partial), default=0),
        "warnings": [w for t in tenants for w in t["income"]["warnings"]],
    }


def member_shares(tenants: list[dict[str, Any]], total: Decimal | None) -> list[dict[str, Any]]:
    """Each tenant's part of the household income (0..1, four decimals)."""
    shares = []
    for tenant in tenants:
        own = money(tenant["income"]["average_monthly_income"])
        share = None if own is None or not total else (own / total).quantize(Decimal("0.0001"))
        shares.append(member_summary(tenant, share=share))
    return shares


def member_summary(member: dict[str, Any], *, share: Decimal | None) -> dict[str, Any]:
    return {
        "applicant_id": member["applicant_id"],
        "role": member["role"],
        "identity_verified": member["identity"]["verified"],
        "income_verified": member["income"]["verified"],
        "average_monthly_income": member["income"]["average_monthly_income"],
        "income_share": None if share is None else str(share),
    }


def guarantor_verdict(member: dict[str, Any], *, monthly_cost: Decimal, thresholds: dict[str, Any]) -> dict[str, Any]:
    """Covers when identity is verified and cost / income <= the guarantor threshold; else the shortfall."""
    threshold = Decimal(str(thresholds.get("dti_guarantor", DEFAULT_GUARANTOR_THRESHOLD)))
    income = money(member["income"]["average_monthly_income"])
    dti = dti_ratio(monthly_cost, income)
    affordable = dti is not None and dti <= threshold
    needed = quantize(monthly_cost / threshold)
    shortfall = None if affordable else quantize(needed - (income or Decimal(0)))
    return {
        "applicant_id": member["applicant_id"],
        "covers": affordable and member["identity"]["verified"],
        "identity_verified": member["identity"]["verified"],
        "dti_ratio": None if dti is None else str(dti),
        "threshold": str(threshold),
        "income_needed": str(needed),
        "shortfall": None if shortfall is None else str(shortfall),
    }


def best_guarantor(verdicts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The covering guarantor with the lowest ratio; else the one closest to covering."""
    if not verdicts:
        return None
    return min(verdicts, key=lambda v: (not v["covers"], Decimal(v["shortfall"] or 0), Decimal(v["dti_ratio"] or 999)))


def guarantor_effect(
    guarantor: dict[str, Any], *, risk: str, reasons_high: list[str], reasons_medium: list[str]
) -> tuple[str, list[str]]:
    """The risk after the guarantor, and the reason that says what the guarantor did (or could not do)."""
    if not guarantor["covers"]:
        return risk, ["guarantor_does_not_cover"]
    at_level = reasons_high if risk == "HIGH" else reasons_medium if risk == "MEDIUM" else []
    if at_level and set(at_level) <= AFFORDABILITY_REASONS:
        return LOWER[risk], ["guarantor_covers"]
    return risk, ["guarantor_covers_but_not_applied"] if risk != "LOW" else []


def guarantor_check(verdict: dict[str, Any], *, monthly_cost: Decimal) -> dict[str, Any]:
    ratio = format_percent(money(verdict["dti_ratio"]))
    limit = format_percent(money(verdict["threshold"]))
    if verdict["covers"]:
        evidence = f"Fiador cobre a renda: taxa de esforço do fiador {ratio} (limite {limit})."
    elif not verdict["identity_verified"]:
        evidence = "Fiador sem identidade confirmada: não pode garantir a renda."
    else:
        evidence = (
            f"Fiador não cobre a renda: taxa de esforço {ratio} (limite {limit}); "
            f"faltam {format_eur(money(verdict['shortfall']))} de rendimento mensal "
            f"(necessários {format_eur(money(verdict['income_needed']))} para {format_eur(monthly_cost)})."
        )
    return check(
        "household.guarantor_covers",
        verdict["covers"],
        evidence,
        field="dti_ratio",
        value=verdict["dti_ratio"],
        expected=f"<= {verdict['threshold']}",
    )
