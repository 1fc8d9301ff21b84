"""Property: every "what would change" fed back into the rules changes the outcome, and by no less.

Over random incomes, rents and sale prices, agency thresholds (within the
model's constraints), single tenants, households and guarantors: each change
the explanation offers is turned back into documents (a valid identity
document, more payslips, an IRS document proving the amount, a guarantor), the
rules run again, and the outcome must be strictly better and exactly the one
announced; one cent (or one month) less must not be better.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from applicants.models import Applicant, IntakeFormRequest
from screening.explanation import OutcomeChange, applicant_explanation, outcome_changes
from screening.rules.affordability import property_monthly_cost
from tests.factories import make_nif
from tests.unit.test_explanation import (
    LEAD_BIRTH,
    LEAD_NAME,
    THREE_MONTHS,
    Member,
    agency,
    change_rank,
    form_for,
    identity_documents,
    initial_state,
    irs,
    outcome_rank,
    payslips,
    person,
    report_of,
    rules_run,
)
from tests.unit.test_rules import NIF, payslip

CENT = Decimal("0.01")
CO_TENANT_NAME = "Beatriz Helena Carvalho"
GUARANTOR_NAME = "Rui Manuel Costa"


@dataclass(frozen=True)
class Income:
    """How a person proves income: an IRS document of ``amount`` a month, ``months`` payslips of it, or nothing."""

    how: str  # irs, payslips, none
    amount: Decimal
    months: int = 3


@dataclass(frozen=True)
class Case:
    thresholds: dict[str, Decimal]
    listing: str
    price: Decimal
    shape: str  # single, household, guarantor
    viewer_is_lead: bool
    viewer_income: Income
    viewer_identity_ok: bool
    viewer_bad_payslip: bool
    other_income: Decimal | None
    guarantor_income: Decimal | None


amounts = st.integers(min_value=1, max_value=1_000_000).map(lambda cents: Decimal(cents) * CENT)
# The agency's default loan terms: the sale's monthly cost, to draw incomes near it.
LOAN_TERMS = {"sale_loan_to_value": "0.900", "sale_annual_interest_rate": "0.0400", "sale_loan_term_years": 30}


def near(cost: Decimal) -> st.SearchStrategy[Decimal]:
    """Any amount, or (more often) one between a fifth of the monthly cost and thirty times it."""
    scaled = st.integers(min_value=20, max_value=3000).map(
        lambda percent: max(CENT, (cost * percent / 100).quantize(CENT))
    )
    return st.one_of(amounts, scaled, scaled)


def incomes(cost: Decimal) -> st.SearchStrategy[Income]:
    return st.one_of(
        st.builds(Income, how=st.just("irs"), amount=near(cost)),
        st.builds(Income, how=st.just("payslips"), amount=near(cost), months=st.integers(min_value=1, max_value=3)),
        st.builds(Income, how=st.just("none"), amount=st.just(Decimal(0)), months=st.just(0)),
    )


@st.composite
def thresholds(draw: st.DrawFn) -> dict[str, Decimal]:
    """``Organization``'s constraints: three places, medium <= high, guarantor > 0."""
    medium = draw(st.integers(min_value=50, max_value=900))
    high = draw(st.integers(min_value=medium, max_value=1000))
    guarantor = draw(st.integers(min_value=50, max_value=900))
    return {
        "dti_medium_threshold": Decimal(medium) / 1000,
        "dti_high_threshold": Decimal(high) / 1000,
        "dti_guarantor_threshold": Decimal(guarantor) / 1000,
    }


@st.composite
def cases(draw: st.DrawFn) -> Case:
    listing = draw(st.sampled_from(["ARRENDAMENTO", "ARRENDAMENTO", "VENDA"]))
    price = (
        draw(st.integers(min_value=10_000, max_value=500_000)) * CENT
        if listing == "ARRENDAMENTO"
        else Decimal(draw(st.integers(min_value=50_000, max_value=900_000)))
    )
    shape = draw(st.sampled_from(["single", "household", "guarantor"]))
    cost = property_monthly_cost({"listing_type": listing, "price": str(price)}, LOAN_TERMS)[0]
    return Case(
        thresholds=draw(thresholds()),
        listing=listing,
        price=price,
        shape=shape,
        viewer_is_lead=draw(st.booleans()),
        viewer_income=draw(incomes(cost)),
        viewer_identity_ok=draw(st.sampled_from([True, True, True, False])),
        viewer_bad_payslip=draw(st.sampled_from([False, False, False, True])),
        other_income=draw(st.one_of(st.none(), near(cost))),
        guarantor_income=draw(st.one_of(st.none(), near(cost))) if shape != "single" else None,
    )


def income_documents(name: str, nif: str, income: Income) -> list[dict[str, Any]]:
    if income.how == "irs":
        return irs(name, nif, income.amount)
    if income.how == "payslips":
        return payslips(name, nif, income.amount, THREE_MONTHS[: income.months])
    return []


def bad_payslip(name: str, nif: str) -> dict[str, Any]:
    """A payslip whose amounts do not add up: not counted, and a warning the rules keep."""
    return payslip("2026-11", employee_name=name, employee_nif=nif, net_pay="1000.00", warnings=["arithmetic_mismatch"])


@dataclass
class World:
    """The people of one case; ``viewer`` is the one who reads the explanation."""

    form: IntakeFormRequest
    members: list[Member]
    viewer: Member


def world_of(case: Case) -> World:
    form = form_for(agency(**case.thresholds), price=str(case.price), listing=case.listing)
    viewer_role = {"single": "TENANT", "household": "TENANT" if case.viewer_is_lead else "CO_TENANT"}.get(
        case.shape, "GUARANTOR"
    )
    viewer = person(
        form,
        role=viewer_role,
        income=None,
        identity_ok=case.viewer_identity_ok,
        extra=(
            *income_documents(LEAD_NAME, NIF, case.viewer_income),
            *([bad_payslip(LEAD_NAME, NIF)] if case.viewer_bad_payslip else []),
        ),
    )
    if case.shape == "single":
        return World(form, [viewer], viewer)
    other_role = "CO_TENANT" if case.viewer_is_lead and case.shape == "household" else "TENANT"
    other = person(form, role=other_role, name=CO_TENANT_NAME, nif=make_nif(4242), income=case.other_income)
    people = [viewer, other] if other_role == "CO_TENANT" else [other, viewer]
    if case.shape == "household" and case.guarantor_income is not None:
        people.append(guarantor(form, case.guarantor_income))
    return World(form, people, viewer)


def guarantor(form: IntakeFormRequest, income: Decimal) -> Member:
    return person(form, role="GUARANTOR", name=GUARANTOR_NAME, nif=make_nif(777), income=income)


def rerun(world: World, members: list[Member]) -> dict[str, Any]:
    return rules_run(initial_state(world.form, members))


def fed_back(world: World, change: OutcomeChange, amount: Decimal, own_income: Decimal) -> int:
    """The viewer's outcome by the rules once the change is made with ``amount``."""
    viewer = world.viewer
    keep_identity = not (change.with_identity or change.kind == "identity")
    identity = viewer.documents[:1] if keep_identity else identity_documents(LEAD_NAME, NIF, LEAD_BIRTH)
    income = viewer.documents[1:]
    warnings_kept = [d for d in income if "arithmetic_mismatch" in d["warnings"]]
    members = world.members
    if change.kind == "payslip_months":
        have = [d for d in income if d not in warnings_kept]
        net = Decimal(str(have[0]["fields"]["net_pay"]))
        periods = THREE_MONTHS[len(have) : len(have) + int(amount)]
        income = [*income, *payslips(LEAD_NAME, NIF, net, periods)]
    elif change.kind in ("monthly_income", "own_guarantor_income"):
        income = [*irs(LEAD_NAME, NIF, amount), *warnings_kept]
    elif change.kind == "household_income":
        income = [*irs(LEAD_NAME, NIF, own_income + amount), *warnings_kept]
    elif change.kind == "guarantor_income":
        members = [*members, guarantor(world.form, amount)]
    members = [dataclasses.replace(m, documents=identity + income) if m is viewer else m for m in members]
    return outcome_rank(rerun(world, members), viewer.applicant)


# The changes ``fed_back`` models by an IRS document in the viewer's income's place.
INCOME_AS_IRS = frozenset({"monthly_income", "own_guarantor_income", "household_income"})


def tighter(change: OutcomeChange) -> Decimal | None:
    """One step less of the change: a cent less, or one month less; None when there is no smaller step."""
    assert change.amount is not None
    if change.kind == "payslip_months":
        return change.amount - 1 if change.amount > 1 else None
    return change.amount - CENT


# Found by hypothesis (2026-12-07): the agency's two limits equal, a co-tenant with one month of payslips at 0,01 €.
# The change promises MEDIUM (the missing months still floor it); fed back as an IRS document, the months are proven
# too and the rules give LOW: the model cures more than the change names, and the promise is the product's right one.
MONTHS_SHORT_EQUAL_LIMITS = Case(
    thresholds={
        "dti_medium_threshold": Decimal("0.526"),
        "dti_high_threshold": Decimal("0.526"),
        "dti_guarantor_threshold": Decimal("0.05"),
    },
    listing="ARRENDAMENTO",
    price=Decimal("100.00"),
    shape="household",
    viewer_is_lead=False,
    viewer_income=Income(how="payslips", amount=Decimal("0.01"), months=1),
    viewer_identity_ok=True,
    viewer_bad_payslip=False,
    other_income=None,
    guarantor_income=None,
)
# The reasons an income change fed back as an IRS document cures beside the amount (a whole year proven at once).
CURED_BY_THE_MODEL = frozenset({"partial_income_months"})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases())
@example(case=MONTHS_SHORT_EQUAL_LIMITS)
def test_each_change_fed_back_into_the_rules_improves_the_outcome_and_one_step_less_does_not(case: Case) -> None:
    world = world_of(case)
    state = rerun(world, world.members)
    report = report_of(state, world.members[0].applicant)
    viewer: Applicant = world.viewer.applicant
    baseline = outcome_rank(state, viewer)
    changes = outcome_changes(applicant=viewer, report=report)
    summaries = (report.household or {}).get("members", [])
    own = next((m["average_monthly_income"] for m in summaries if m["applicant_id"] == str(viewer.id)), None)
    own_income = Decimal(own) if own is not None else Decimal(0)

    if baseline == 0:
        assert changes == []
    for change in changes:
        event(f"{change.kind}{' with identity' if change.with_identity else ''} -> {change.reaches}")
        if change.kind == "identity":
            assert change.amount is None
            assert fed_back(world, change, Decimal(0), own_income) == change_rank(change) < baseline
            continue
        assert change.amount is not None and change.amount > 0
        assert change.amount == change.amount.quantize(CENT)
        reached = fed_back(world, change, change.amount, own_income)
        if change.kind in INCOME_AS_IRS and CURED_BY_THE_MODEL & set(state["affordability"].get("reasons") or []):
            # The model proves the missing months too: at least what was promised, perhaps better.
            assert reached <= change_rank(change) < baseline, change
        else:
            assert reached == change_rank(change) < baseline, change
        less = tighter(change)
        if less is not None:
            assert fed_back(world, change, less, own_income) >= baseline, change

    explanation = applicant_explanation(applicant=viewer, report=report)
    assert len(explanation["what_would_change"]) == len(changes)
    text = str(explanation)
    for other in world.members:
        if other is not world.viewer:
            assert other.applicant.nif not in text
            assert all(part not in text for part in other.applicant.name.split())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases())
def test_a_single_tenant_whose_only_problem_is_money_is_always_told_an_amount_and_a_guarantor(case: Case) -> None:
    case = dataclasses.replace(case, shape="single", viewer_identity_ok=True, viewer_bad_payslip=False)
    world = world_of(case)
    state = rerun(world, world.members)
    report = report_of(state, world.members[0].applicant)
    kinds = {c.kind for c in outcome_changes(applicant=world.viewer.applicant, report=report)}

    if report.risk_level == "LOW":
        assert kinds == set()
    else:
        assert kinds & {"monthly_income", "payslip_months"}
        assert "guarantor_income" in kinds


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases())
def test_a_guarantor_who_does_not_cover_is_told_the_income_that_would(case: Case) -> None:
    case = dataclasses.replace(case, shape="guarantor", viewer_identity_ok=True)
    world = world_of(case)
    state = rerun(world, world.members)
    report = report_of(state, world.members[0].applicant)
    kinds = [c.kind for c in outcome_changes(applicant=world.viewer.applicant, report=report)]

    covers = outcome_rank(state, world.viewer.applicant) == 0
    proven = state["income"]["members"][str(world.viewer.applicant.id)]["verified"]
    if covers or proven:
        assert kinds == ([] if covers else ["own_guarantor_income"])
    else:
        # Proven only in part covers nothing: the months missing, where the income counted would cover, or the
        # income proven in full that would (blind probe r77d, F3).
        assert kinds and set(kinds) <= {"payslip_months", "own_guarantor_income"}


def test_the_viewer_is_found_by_id_not_by_order() -> None:
    # A guarantor listed last and a tenant listed first: each gets their own role's explanation.
    world = world_of(
        Case(
            thresholds={
                "dti_medium_threshold": Decimal("0.35"),
                "dti_high_threshold": Decimal("0.40"),
                "dti_guarantor_threshold": Decimal("0.30"),
            },
            listing="ARRENDAMENTO",
            price=Decimal("1000"),
            shape="guarantor",
            viewer_is_lead=False,
            viewer_income=Income("irs", Decimal("2000.00")),
            viewer_identity_ok=True,
            viewer_bad_payslip=False,
            other_income=Decimal("1500.00"),
            guarantor_income=None,
        )
    )
    report = report_of(rerun(world, world.members), world.members[0].applicant)
    names = [c["name"] for c in applicant_explanation(applicant=world.viewer.applicant, report=report)["checks"]]
    assert names[-1] == "guarantor"
    lead = world.members[0].applicant
    assert [c["name"] for c in applicant_explanation(applicant=lead, report=report)["checks"]][-1] == "affordability"
