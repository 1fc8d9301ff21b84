"""A report's texts as printed pages show them to staff without ``applicants.view_pii``: no one's income.

The PDF (``workspace/report_pdf.py``) and every admin page that prints a report (the applicant's and the
application's review pages, the report's own page under "Relatórios de análise") mask through these functions,
so a page cannot drift from the PDF. The staff API gives the amounts in clear on purpose (docs/api.md
§Authentication): the ratio and the public monthly cost give them back, and staff still assess affordability;
what gets printed and passed on reads "(reservado)" instead.
"""

from __future__ import annotations

import re
from typing import Any

from applicants.masking import RESERVED, checks_for_viewer
from applicants.models import Applicant
from screening.models import ScreeningReport
from screening.rules.affordability import property_monthly_cost
from screening.rules.common import format_eur, money
from screening.selectors import organization_thresholds

# An amount as the rules write it in the justification and the checks' evidence ("1 563,37 €").
AMOUNT = re.compile(r"\d{1,3}(?: \d{3})*,\d{2} €")

# Checks kept by ``checks_for_viewer`` (they compare nothing that identifies a person) whose ``value`` is still
# someone's income: a payslip's net pay.
CHECKS_VALUED_IN_INCOME = frozenset({"income.payslip_arithmetic"})


def public_amounts(applicant: Applicant) -> set[str]:
    """The amounts in a report's texts that are no one's income: the property's price and its monthly cost."""
    form = applicant.form_request
    listing = {"listing_type": form.listing_type, "price": str(form.property_price)}
    cost, _ = property_monthly_cost(listing, organization_thresholds(applicant.organization))
    return {format_eur(money(form.property_price)), format_eur(cost)}


def without_incomes(text: str, *, public: set[str]) -> str:
    """A report's text with every amount but the public ones "(reservado)": an income, a shortfall or an amount
    needed would tell what someone earns (the rules' sentences print them: "Rendimento médio mensal líquido de
    1 563,37 €", "faltam 400,08 €")."""
    return AMOUNT.sub(lambda amount: amount.group(0) if amount.group(0) in public else RESERVED, text)


def report_justification_for_viewer(report: ScreeningReport, *, can_view_pii: bool) -> str:
    """The report's summary as the viewer may read it."""
    if can_view_pii:
        return report.justification
    return without_incomes(report.justification, public=public_amounts(report.applicant))


def report_checks_for_viewer(report: ScreeningReport, *, can_view_pii: bool) -> list[dict[str, Any]]:
    """The report's checks as the viewer may read them: ``checks_for_viewer``'s masks (no personal values), and
    without ``view_pii`` no income in the evidence nor in a value."""
    checks = checks_for_viewer(list(report.checks), can_view_pii=can_view_pii)
    if can_view_pii:
        return checks
    public = public_amounts(report.applicant)
    return [
        {
            **check,
            "evidence": without_incomes(str(check.get("evidence", "")), public=public),
            **({"value": RESERVED} if check.get("name") in CHECKS_VALUED_IN_INCOME and check.get("value") else {}),
        }
        for check in checks
    ]


def report_household_for_viewer(report: ScreeningReport, *, can_view_pii: bool) -> dict[str, Any]:
    """A household report's figures as the viewer may read them: without ``view_pii`` the household's income,
    each member's and the guarantor's shortfall read "(reservado)"; the monthly cost, ratios and shares stay."""
    household: dict[str, Any] = dict(report.household or {})
    if can_view_pii or not household:
        return household
    if household.get("household_monthly_income") is not None:
        household["household_monthly_income"] = RESERVED
    household["members"] = [
        {**member, **({"average_monthly_income": RESERVED} if member.get("average_monthly_income") is not None else {})}
        for member in household.get("members") or []
    ]
    guarantor = household.get("guarantor")
    if guarantor and guarantor.get("shortfall") is not None:
        household["guarantor"] = {**guarantor, "shortfall": RESERVED}
    return household
