"""Affordability: the monthly cost over the verified income, and the risk level with its reasons."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any

from screening.rules.common import check, format_eur, format_percent, money, quantize
from screening.rules.income import REQUIRED_PAYSLIP_MONTHS

# A ratio is stored up to this ceiling: a cost of 100 times the income is past any
# threshold an agency can set (at most 9.999), and the report's column holds it
# (DecimalField(8, 4)). A few cents of income against a big rent would otherwise
# give a ratio of millions that no column holds and that says nothing more.
DTI_RATIO_CEILING = Decimal("99.9999")


def assess_affordability(state: dict[str, Any]) -> dict[str, Any]:
    """Node: debt-to-income ratio against the agency's thresholds; any high reason makes the risk HIGH."""
    thresholds = state["thresholds"]
    monthly_cost, cost_label = property_monthly_cost(state["property"], thresholds)
    average = money(state["income"]["average_monthly_income"])
    dti = dti_ratio(monthly_cost, average)
    reasons_high, reasons_medium = risk_reasons(state["identity"], state["income"], dti=dti, thresholds=thresholds)
    high = Decimal(str(thresholds["dti_high"]))
    return {
        "dti_ratio": None if dti is None else str(dti),
        "monthly_cost": str(monthly_cost),
        "cost_label": cost_label,
        "risk_level": "HIGH" if reasons_high else "MEDIUM" if reasons_medium else "LOW",
        "reasons": reasons_high + reasons_medium,
        "checks": [
            dti_check(
                dti,
                high=high,
                medium=Decimal(str(thresholds["dti_medium"])),
                monthly_cost=monthly_cost,
                cost_label=cost_label,
                income=average,
            )
        ],
    }


def property_monthly_cost(listing: dict[str, Any], thresholds: dict[str, Any]) -> tuple[Decimal, str]:
    """The rent, or for a sale the loan payment at the agency's terms; with its pt-PT label."""
    price = Decimal(str(listing["price"]))
    if listing["listing_type"] != "VENDA":
        return quantize(price), "renda mensal"
    payment = loan_monthly_payment(
        price=price,
        loan_to_value=Decimal(str(thresholds["sale_loan_to_value"])),
        annual_rate=Decimal(str(thresholds["sale_annual_interest_rate"])),
        years=int(thresholds["sale_loan_term_years"]),
    )
    return payment, "prestação estimada do crédito"


def effort_sentences(affordability: dict[str, Any], state: dict[str, Any], *, whose: str = "") -> list[str]:
    """The report's ratio sentence ("Taxa de esforço do agregado ..." with ``whose``), and for a sale the loan terms
    after it: one place, so an applicant's report and a household's say the same."""
    sentences = []
    dti = money(affordability["dti_ratio"])
    if dti is not None:
        sentences.append(
            f"Taxa de esforço {whose + ' ' if whose else ''}de {format_percent(dti)} ({affordability['cost_label']} "
            f"de {format_eur(money(affordability['monthly_cost']))})."
        )
    terms = loan_terms_sentence(state.get("property") or {}, state.get("thresholds") or {})
    if terms:
        sentences.append(terms)
    return sentences


def loan_terms_sentence(listing: dict[str, Any], thresholds: dict[str, Any]) -> str:
    """For a sale, the loan behind the payment the ratio divides (the agency's terms), so whoever checks the figure can
    (blind probe r60a: the report printed a payment and nothing of the loan it assumed); '' for a rent."""
    if listing.get("listing_type") != "VENDA":
        return ""
    price = quantize(Decimal(str(listing["price"])))
    loan_to_value = Decimal(str(thresholds["sale_loan_to_value"]))
    return (
        f"Prestação de um crédito estimado de {format_eur(quantize(price * loan_to_value))} "
        f"({plain_percent(loan_to_value)} do preço de {format_eur(price)}), a {int(thresholds['sale_loan_term_years'])} "
        f"anos, à taxa anual de {plain_percent(Decimal(str(thresholds['sale_annual_interest_rate'])))}, em prestações "
        "constantes: os pressupostos da agência, não uma proposta de um banco."
    )


def plain_percent(rate: Decimal) -> str:
    """'90 %', '3,75 %': an agency's term as it was set (the settings allow two places at most)."""
    return format_percent(rate)


def loan_monthly_payment(*, price: Decimal, loan_to_value: Decimal, annual_rate: Decimal, years: int) -> Decimal:
    principal = price * loan_to_value
    monthly_rate = annual_rate / 12
    periods = years * 12
    if monthly_rate == 0:
        return quantize(principal / periods)
    factor = (1 + monthly_rate) ** periods
    return quantize(principal * monthly_rate * factor / (factor - 1))


def dti_ratio(monthly_cost: Decimal, income: Decimal | None) -> Decimal | None:
    """Monthly cost over monthly income, four decimals, at most ``DTI_RATIO_CEILING``; None without a positive income."""
    if income is None or income <= 0:
        return None
    return min((monthly_cost / income).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP), DTI_RATIO_CEILING)


def least_income_within(monthly_cost: Decimal, limit: Decimal) -> Decimal:
    """The least income, in cents, whose ratio as ``dti_ratio`` rounds it is within ``limit``.

    The verdicts compare the four-place ratio, so ``monthly_cost / limit`` (what the
    report used to print as the income needed) can be a few tens of cents above the
    income that already passes: a guarantor then "covers" with less than the income
    the same report says is needed, and the applicant's page names another amount.
    """
    cent = Decimal("0.01")
    needed = (monthly_cost / (limit + Decimal("0.00005"))).quantize(cent, rounding=ROUND_CEILING)
    while (dti_ratio(monthly_cost, needed) or DTI_RATIO_CEILING) > limit:
        needed += cent
    while needed > cent and (dti_ratio(monthly_cost, needed - cent) or DTI_RATIO_CEILING) <= limit:
        needed -= cent
    return needed


# The reason of a person whose only proofs of income are in their name with another NIF than the one typed, when the
# identity document vouches for the NIF typed (else ``nif_differs_from_documents`` says it).
OWN_INCOME_OTHER_NIF = "own_income_other_nif"


def risk_reasons(
    identity: dict[str, Any], income: dict[str, Any], *, dti: Decimal | None, thresholds: dict[str, Any]
) -> tuple[list[str], list[str]]:
    """The reasons for a HIGH risk and those for a MEDIUM one; the nodes' warnings are all medium."""
    high, medium = Decimal(str(thresholds["dti_high"])), Decimal(str(thresholds["dti_medium"]))
    reasons_high: list[str] = []
    reasons_medium: list[str] = []
    if not identity["verified"]:
        reasons_high.append("identity_not_verified")
    if identity.get("nif_conflict"):
        # The proofs are in the person's name with another NIF: not "none in their name" (cases probe 14).
        reasons_high.append("nif_differs_from_documents")
    elif not income["attributable"]:
        # Those sent in the person's name with another NIF than the one typed are said as such, as their checks say
        # (blind probe r69b, F6: "none in the candidate's name" beside three in their name).
        reasons_high.append(OWN_INCOME_OTHER_NIF if income.get("own_name_other_nif") else "no_attributable_income")
    if dti is None:
        reasons_high.append("income_unknown")
    elif dti > high:
        reasons_high.append("dti_above_high")
    elif dti > medium:
        reasons_medium.append("dti_above_medium")
    if income_partial(income):
        reasons_medium.append("partial_income_months")
    warnings = dict.fromkeys(identity["warnings"] + income["warnings"])
    if counted_income_suffices(income, dti=dti, medium=medium):
        warnings = {w: None for w in warnings if w not in UNCOUNTED_INCOME_WARNINGS}
    reasons_medium.extend(warnings)
    return reasons_high, reasons_medium


# Warnings about an income left out of the count that a person could weigh (one in another currency: no exchange
# rate is the product's to pick). A reason for the risk only while that income is needed: the income counted does
# not already meet the agency's recommended limit (blind probe r66c: a couple's euro income within it rated MEDIUM
# for the other tenant's payslips in pounds). Otherwise the report states it, the risk unchanged.
UNCOUNTED_INCOME_WARNINGS = ("currency_not_eur",)


def counted_income_suffices(income: dict[str, Any], *, dti: Decimal | None, medium: Decimal) -> bool:
    """The income counted, fully proven, gives a ratio within the recommended limit: what was left out is not
    needed."""
    return dti is not None and dti <= medium and not income_partial(income)


def uncounted_income_stated(warnings: list[str], reasons: list[str]) -> list[str]:
    """The warnings of ``UNCOUNTED_INCOME_WARNINGS`` that the risk's ``reasons`` left out, for the report to state."""
    return [w for w in dict.fromkeys(warnings) if w in UNCOUNTED_INCOME_WARNINGS and w not in reasons]


def income_partial(income: dict[str, Any]) -> bool:
    """The income counted is only partly proven (too few months of payslips or faturas-recibo)."""
    if "partial" in income:
        return bool(income["partial"])
    return not income["verified"] and 1 <= income["months_verified"] < REQUIRED_PAYSLIP_MONTHS


def dti_check(
    dti: Decimal | None,
    *,
    high: Decimal,
    medium: Decimal | None = None,
    monthly_cost: Decimal,
    cost_label: str,
    income: Decimal | None,
) -> dict[str, Any]:
    """Passes when the ratio is known and within the agency's maximum; between the recommended limit and the
    maximum it passes and says it is above the recommended one, the risk's reason (cases probe 16: a passed check
    the only reason for a MEDIUM, with nothing on it to say so)."""
    ratio = f"acima de {format_percent(DTI_RATIO_CEILING)}" if dti == DTI_RATIO_CEILING else format_percent(dti)
    above_recommended = (
        f" Acima da recomendada ({format_percent(medium)})."
        if dti is not None and medium is not None and medium < dti <= high
        else ""
    )
    return check(
        "affordability.dti",
        dti is not None and dti <= high,
        f"Taxa de esforço {ratio} ({cost_label} {format_eur(monthly_cost)} / rendimento {format_eur(income)})."
        + above_recommended
        if dti is not None
        else "Sem rendimento verificável para calcular a taxa de esforço.",
        field="dti_ratio",
        value=dti,
        expected=f"<= {high}",
    )
