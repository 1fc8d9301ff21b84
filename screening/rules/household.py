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

from collections import Counter
from decimal import Decimal
from typing import Any

from django.utils.translation import ngettext

from documents.extraction.schema import TAX_KINDS
from screening.rules.affordability import (
    OWN_INCOME_OTHER_NIF,
    counted_income_suffices,
    dti_check,
    dti_ratio,
    effort_sentences,
    income_partial,
    least_income_within,
    property_monthly_cost,
    risk_reasons,
    uncounted_income_stated,
)
from screening.rules.authenticity import REASON as AUTHENTICITY_REASON
from screening.rules.common import check, extracted, format_eur, format_percent, money, quantize
from screening.rules.employment import CURRENCY_NOT_EUR
from screening.rules.identity import verify_identity
from screening.rules.income import (
    OTHER_MEMBER_S,
    OWN_INCOME_KINDS,
    OWNER_CHECKS,
    REFUSED_WARNING,
    UNREADABLE_WARNING,
    refusal_of,
    refusals_in,
    refused_documents_words,
)
from screening.rules.person import person_income
from screening.rules.report import (
    ADVICE_SENTENCE,
    REASON_TEXT,
    RISK_WORDS,
    ROLE_WORDS,
    UNCOUNTED_PROOFS_LEAD_IN,
    guarantor_income_words,
    identity_failure_words,
    not_counted_words,
    not_submitted_sentence,
    reason_with_limit,
    reason_words,
    role_words,
    selling,
)

TENANT_ROLES = ("TENANT", "CO_TENANT")
GUARANTOR_ROLE = "GUARANTOR"
DEFAULT_GUARANTOR_THRESHOLD = Decimal("0.30")
# Reasons about money alone: the only ones a guarantor's income can answer for.
AFFORDABILITY_REASONS = frozenset(
    {
        "dti_above_high",
        "dti_above_medium",
        "income_unknown",
        "no_attributable_income",
        OWN_INCOME_OTHER_NIF,
        "partial_income_months",
    }
)
LOWER = {"HIGH": "MEDIUM", "MEDIUM": "LOW", "LOW": "LOW"}
# A guarantor whose income counted would cover but is proven only in part (blind probe r77d, F3).
GUARANTOR_INCOME_PARTIAL = "guarantor_income_partial"


def assess_household(state: dict[str, Any]) -> dict[str, Any]:
    """Node for an application: ``state["members"]`` holds each person's role, identity and income results."""
    thresholds = state["thresholds"]
    monthly_cost, cost_label = property_monthly_cost(state["property"], thresholds)
    tenants = [m for m in state["members"] if m["role"] in TENANT_ROLES]
    guarantors = [m for m in state["members"] if m["role"] == GUARANTOR_ROLE]
    income = household_income(tenants)
    dti = dti_ratio(monthly_cost, income)
    income_result = household_income_result(tenants)
    reasons_high, reasons_medium = risk_reasons(
        household_identity(tenants), income_result, dti=dti, thresholds=thresholds
    )
    reasons_medium = refusals_left_out(reasons_medium, income_result, dti=dti, thresholds=thresholds)
    # A guarantor's documents count for authenticity too, though their income is not the household's.
    if (
        any(AUTHENTICITY_REASON in g["income"]["warnings"] for g in guarantors)
        and AUTHENTICITY_REASON not in reasons_medium
    ):
        reasons_medium.append(AUTHENTICITY_REASON)
    risk = "HIGH" if reasons_high else "MEDIUM" if reasons_medium else "LOW"
    verdicts = [guarantor_verdict(g, monthly_cost=monthly_cost, thresholds=thresholds) for g in guarantors]
    guarantor = best_guarantor(verdicts)
    reasons = reasons_high + reasons_medium
    if guarantor is not None:
        risk, extra = guarantor_effect(guarantor, risk=risk, reasons_high=reasons_high, reasons_medium=reasons_medium)
        reasons += extra
    high = Decimal(str(thresholds["dti_high"]))
    medium = Decimal(str(thresholds["dti_medium"]))
    checks = [dti_check(dti, high=high, medium=medium, monthly_cost=monthly_cost, cost_label=cost_label, income=income)]
    checks += [
        guarantor_check(
            verdict,
            monthly_cost=monthly_cost,
            income_warnings=g["income"]["warnings"],
            income_missing=income_missing_words(g["income"]),
        )
        for verdict, g in zip(verdicts, guarantors, strict=True)
    ]
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


def refusals_left_out(
    reasons_medium: list[str], income: dict[str, Any], *, dti: Decimal | None, thresholds: dict[str, Any]
) -> list[str]:
    """The medium reasons without ``income_documents_refused`` when the income counted, fully proven, is within the
    recommended limit: a tenant's proof refused for what it is (a parental allowance, an enrolment certificate) is no
    income of theirs, and a tenant with none proven does not by themselves raise the risk (docs/api.md; blind probe
    r74c, F4: a couple at 35 % exactly rated MEDIUM for the lead's allowance). A file that could not be read
    (``income_documents_unreadable``) may be the income the household needs, and a document's authenticity is the
    household's concern: both stay. The report still names the refused documents, whose they are and what each is
    (docs/adr/011-households.md, amended 2026-12-07)."""
    if not counted_income_suffices(income, dti=dti, medium=Decimal(str(thresholds["dti_medium"]))):
        return reasons_medium
    return [reason for reason in reasons_medium if reason != REFUSED_WARNING]


def household_income(tenants: list[dict[str, Any]]) -> Decimal | None:
    """The sum of the tenants' monthly incomes that could be computed; None when none could."""
    incomes = [money(t["income"]["average_monthly_income"]) for t in tenants]
    known = [value for value in incomes if value is not None]
    return quantize(sum(known, Decimal(0))) if known else None


def household_identity(tenants: list[dict[str, Any]]) -> dict[str, Any]:
    """Verified only when every tenant's identity is; the tenants' warnings together."""
    return {
        "verified": bool(tenants) and all(t["identity"]["verified"] for t in tenants),
        "nif_conflict": any(t["identity"].get("nif_conflict") for t in tenants),
        "warnings": [w for t in tenants for w in t["identity"]["warnings"]],
    }


def household_income_result(tenants: list[dict[str, Any]]) -> dict[str, Any]:
    """The income facts the risk reasons read, over all tenants (partial months if any tenant's are)."""
    partial = [t["income"] for t in tenants if income_partial(t["income"])]
    return {
        "partial": bool(partial),
        "attributable": any(t["income"]["attributable"] for t in tenants),
        "own_name_other_nif": any(t["income"].get("own_name_other_nif") for t in tenants),
        "verified": not partial and all(t["income"]["verified"] for t in tenants),
        "months_verified": min((p["months_verified"] for p in partial), default=0),
        "warnings": [w for t in tenants for w in t["income"]["warnings"]],
    }


def member_shares(tenants: list[dict[str, Any]], total: Decimal | None) -> list[dict[str, Any]]:
    """Each tenant's part of the household income (0..1, four decimals): 0 for a tenant with no income proven (a
    partner without income, or whose documents did not count); None only without a household income."""
    shares = []
    for tenant in tenants:
        own = money(tenant["income"]["average_monthly_income"]) or Decimal(0)
        share = None if not total else (own / total).quantize(Decimal("0.0001"))
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
    """Covers when identity and income are verified and cost / income <= the guarantor threshold; else the shortfall.
    With no income counted there is no ratio and no shortfall (``null``): the income needed says it, not "short of
    all of it" (docs/api.md, Households; the field read 1499.76, the income needed, and a later report "faltam
    1 499,76 €": blind probe r75c, S15). An income proven only in part (four months of faturas-recibo of the six)
    gives a ratio but no cover: a guarantee that is not proven lowers no risk (blind probe r77d, F3; ADR 011)."""
    threshold = Decimal(str(thresholds.get("dti_guarantor", DEFAULT_GUARANTOR_THRESHOLD)))
    income = money(member["income"]["average_monthly_income"])
    dti = dti_ratio(monthly_cost, income)
    affordable = dti is not None and dti <= threshold
    needed = least_income_within(monthly_cost, threshold)
    shortfall = None if affordable or dti is None or income is None else quantize(needed - income)
    return {
        "applicant_id": member["applicant_id"],
        "covers": affordable and member["identity"]["verified"] and member["income"]["verified"],
        "identity_verified": member["identity"]["verified"],
        "income_verified": member["income"]["verified"],
        "dti_ratio": None if dti is None else str(dti),
        "threshold": str(threshold),
        "income_needed": str(needed),
        "shortfall": None if shortfall is None else str(shortfall),
    }


def best_guarantor(verdicts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The covering guarantor with the lowest ratio; else the one closest to covering (one with no income counted
    is short of the whole income needed)."""
    if not verdicts:
        return None
    return min(verdicts, key=lambda v: (not v["covers"], short_of(v), Decimal(v["dti_ratio"] or 999)))


def short_of(verdict: dict[str, Any]) -> Decimal:
    """How far a guarantor is from covering, for ranking: the shortfall, or the income needed when none was
    counted (its ``shortfall`` is ``null`` then), 0 for one whose income would cover."""
    if verdict["shortfall"] is not None:
        return Decimal(verdict["shortfall"])
    return Decimal(verdict["income_needed"]) if verdict["dti_ratio"] is None else Decimal(0)


def guarantor_effect(
    guarantor: dict[str, Any], *, risk: str, reasons_high: list[str], reasons_medium: list[str]
) -> tuple[str, list[str]]:
    """The risk after the guarantor, and the reason that says what the guarantor did (or could not do)."""
    if not guarantor["covers"]:
        # A reason for a risk the guarantor could have lowered; the verdict itself is shown either way.
        return risk, [guarantor_shortcoming(guarantor)] if risk != "LOW" else []
    at_level = reasons_high if risk == "HIGH" else reasons_medium if risk == "MEDIUM" else []
    if at_level and set(at_level) <= AFFORDABILITY_REASONS:
        return LOWER[risk], ["guarantor_covers"]
    return risk, ["guarantor_covers_but_not_applied"] if risk != "LOW" else []


def guarantor_shortcoming(verdict: dict[str, Any]) -> str:
    """Why a guarantor does not cover: no income proven at all (no proof sent, or none counted: unreadable, or
    someone else's), an income too low, an income that would cover behind an identity not verified, or one proven
    only in part. "Not enough income" said of a fiador whose every payslip was a third person's was wrong (end-to-end
    probe 17)."""
    if verdict["dti_ratio"] is None:
        return "guarantor_income_not_proven"
    if Decimal(verdict["dti_ratio"]) > Decimal(verdict["threshold"]):
        return "guarantor_does_not_cover"
    if not verdict["identity_verified"]:
        return "guarantor_identity_not_verified"
    return GUARANTOR_INCOME_PARTIAL


def covers_if_proven(verdict: dict[str, Any]) -> bool:
    """The guarantor's income counted would cover, their identity is verified, and only the income's proof is short
    (months missing). A verdict stored before ``income_verified`` existed covered on the ratio alone."""
    return (
        not verdict["covers"]
        and verdict["identity_verified"]
        and verdict["dti_ratio"] is not None
        and Decimal(verdict["dti_ratio"]) <= Decimal(verdict["threshold"])
        and verdict.get("income_verified") is False
    )


def income_missing_words(income: dict[str, Any]) -> str:
    """What the proof of a partly proven income lacks, as its sources say ('faturas-recibo de mais 2 meses distintos
    (necessários 6 dos últimos 12)'); empty when none says."""
    sources = income.get("sources") or []
    return "; ".join(
        str(s["missing"])
        for s in sources
        if s.get("missing") and not s.get("verified") and s.get("average_monthly_income") is not None
    )


def guarantor_check(
    verdict: dict[str, Any],
    *,
    monthly_cost: Decimal,
    income_warnings: list[str] | tuple[str, ...] = (),
    income_missing: str = "",
) -> dict[str, Any]:
    ratio = format_percent(money(verdict["dti_ratio"]))
    limit = format_percent(money(verdict["threshold"]))
    if verdict["covers"]:
        evidence = f"Fiador cobre a renda: taxa de esforço do fiador {ratio} (limite {limit})."
    elif covers_if_proven(verdict):
        evidence = (
            f"Fiador com o rendimento comprovado só em parte: cobriria a renda se ficasse comprovado (taxa de esforço "
            f"do fiador {ratio}, limite {limit}){missing_clause(income_missing)}; até lá não garante a renda."
        )
    elif not verdict["identity_verified"]:
        evidence = "Fiador sem identidade confirmada: não pode garantir a renda."
    elif verdict["dti_ratio"] is None:
        evidence = (
            f"Fiador sem rendimento comprovado{not_counted_because(income_warnings)}: não pode garantir a renda "
            f"(necessários {format_eur(money(verdict['income_needed']))} de rendimento mensal para "
            f"{format_eur(monthly_cost)})."
        )
    else:
        evidence = (
            f"Fiador não cobre a renda: taxa de esforço {ratio} (limite {limit}); "
            f"faltam {format_eur(money(verdict['shortfall']))} de rendimento mensal "
            f"(necessários {format_eur(money(verdict['income_needed']))} para {format_eur(monthly_cost)})."
        )
    # Whose verdict it is: with two guarantors, two such checks said nothing of which one fell short (blind probe
    # r62b), and a guarantor's export took the other's too.
    return {
        **check(
            "household.guarantor_covers",
            verdict["covers"],
            evidence,
            field="dti_ratio",
            value=verdict["dti_ratio"],
            expected=f"<= {verdict['threshold']}",
        ),
        "applicant_id": verdict["applicant_id"],
        "role": GUARANTOR_ROLE,
    }


# --- The nodes for a household: each person through the single-person rules, then together ---------


def person_state(state: dict[str, Any], member: dict[str, Any]) -> dict[str, Any]:
    """The single-person state of one member: the shared facts with their own data and documents; their applicant
    data also says who stands beside them in the application (``co_members``: the other tenants of a tenant, the
    other guarantors of a guarantor), and ``shared_documents`` holds the joint IRS returns those sent that name
    this member as a taxpayer: a couple's return is both spouses', whichever sent it (e2e probe c24: the lead,
    sujeito passivo B, sent the nota and the couple's income counted nowhere). Both count it once
    (screening.rules.income.tax_share)."""
    tenant = member["role"] in TENANT_ROLES
    beside = [m for m in state["members"] if (m["role"] in TENANT_ROLES) == tenant and m is not member]
    words = role_words(state)
    applicant = {
        **member["applicant"],
        "co_members": [co_member(m, words) for m in beside],
        # Everyone else in the application, by NIF and role: a proof of income of one of them sent in this member's
        # slot is said to be theirs (screening.rules.income.co_member_of; blind probe r69b, H01).
        "application_members": [co_member(m, words) for m in state["members"] if m is not member],
    }
    nif = member["applicant"].get("nif")
    shared = [d for m in beside for d in extracted(m["documents"], TAX_KINDS) if joint_taxpayer(d, nif)]
    return {**state, "applicant": applicant, "documents": member["documents"], "shared_documents": shared}


def joint_taxpayer(document: dict[str, Any], nif: str | None) -> bool:
    """A joint IRS return naming ``nif`` as one of its two taxpayers."""
    fields = document.get("fields") or {}
    return (
        bool(nif) and bool(fields.get("joint_return")) and nif in {fields.get("taxpayer_nif"), fields.get("spouse_nif")}
    )


def co_member(member: dict[str, Any], words: dict[str, str]) -> dict[str, Any]:
    """A member's NIF, role in words, and whether they sent income documents of their own (payslips, invoices, a
    pension)."""
    return {
        "nif": member["applicant"].get("nif"),
        "role": words.get(member["role"], ""),
        "own_income_documents": bool(extracted(member["documents"], OWN_INCOME_KINDS)),
    }


def tagged(checks: list[dict[str, Any]], member: dict[str, Any]) -> list[dict[str, Any]]:
    """A member's checks, each saying whose it is (by id and role: never by name)."""
    return [{**c, "applicant_id": member["applicant_id"], "role": member["role"]} for c in checks]


def verify_identities(state: dict[str, Any]) -> dict[str, Any]:
    """Identity node for a household: each member checked on their own documents."""
    results = {m["applicant_id"]: verify_identity(person_state(state, m)) for m in state["members"]}
    tenants = [m for m in state["members"] if m["role"] in TENANT_ROLES]
    lead = state["members"][0]
    return {
        "verified": all(results[t["applicant_id"]]["verified"] for t in tenants),
        "checks": [c for m in state["members"] for c in tagged(results[m["applicant_id"]]["checks"], m)],
        "warnings": [w for t in tenants for w in results[t["applicant_id"]]["warnings"]],
        "name_match": results[lead["applicant_id"]]["name_match"],
        "members": results,
    }


def verify_incomes(state: dict[str, Any]) -> dict[str, Any]:
    """Income node for a household: each member's income on their own documents; the tenants' sum.

    What each member's certificates and employer declaration state is kept with whose it is
    (``stated``: applicant id, role and reason), for the report to word; it changes no risk.
    """
    results = {m["applicant_id"]: person_income(person_state(state, m)) for m in state["members"]}
    tenants = [{**m, "income": results[m["applicant_id"]]} for m in state["members"] if m["role"] in TENANT_ROLES]
    together = household_income_result(tenants)
    total = household_income(tenants)
    return {
        **together,
        "average_monthly_income": None if total is None else str(total),
        "source": "household",
        "months": [],
        "checks": [c for m in state["members"] for c in tagged(results[m["applicant_id"]]["checks"], m)],
        "members": results,
        "authenticity": [
            {**section, "applicant_id": m["applicant_id"], "role": m["role"]}
            for m in state["members"]
            for section in results[m["applicant_id"]]["authenticity"]
        ],
        "stated": [
            {"applicant_id": m["applicant_id"], "role": m["role"], "reason": reason}
            for m in state["members"]
            for reason in results[m["applicant_id"]]["stated"]
        ],
    }


def assess_household_node(state: dict[str, Any]) -> dict[str, Any]:
    """Affordability node for a household: the members' results into ``assess_household``."""
    identity, income = state["identity"]["members"], state["income"]["members"]
    members = [
        {
            "applicant_id": m["applicant_id"],
            "role": m["role"],
            "identity": identity[m["applicant_id"]],
            "income": income[m["applicant_id"]],
        }
        for m in state["members"]
    ]
    return assess_household({**state, "members": members})


def household_report(state: dict[str, Any]) -> dict[str, Any]:
    """Report node for a household: the household figures, who was not confirmed, the guarantor's verdict."""
    affordability = state["affordability"]
    identities = state["identity"]["members"]
    parts = [f"Risco {RISK_WORDS[affordability['risk_level']]}."]
    words = role_words(state)
    unconfirmed = [
        unconfirmed_words(state, m, words) for m in state["members"] if not identities[m["applicant_id"]]["verified"]
    ]
    parts.append(
        "Identidade confirmada para todas as pessoas da candidatura."
        if not unconfirmed
        else "Identidade não confirmada: " + ", ".join(unconfirmed) + "."
    )
    tenants = sum(1 for m in state["members"] if m["role"] in TENANT_ROLES)
    unproven = [
        m["role"]
        for m in affordability.get("members", [])
        if m["role"] in TENANT_ROLES and m["average_monthly_income"] is None
    ]
    parts.append(
        tenants_income_sentence(
            tenants,
            money(affordability["household_monthly_income"]),
            buyers=selling(state),
            proven=tenants - len(unproven),
        )
    )
    if unproven and tenants > 1 and affordability["household_monthly_income"] is not None:
        # The sum is of the incomes proven: say whose is not in it (the cases probe read a couple's
        # "conjunto" that was the lead's alone).
        parts.append("Sem rendimento comprovado, fora da soma: " + people_of_roles(unproven, words) + ".")
    unread = unreadable_by_member(state, words)
    if unread:
        # Sent, not missing: the files are to be sent again (cases probe 14 read "Em falta: recibos" and a LOW).
        parts.append(
            "Comprovativos de rendimentos enviados e não contados por não se conseguirem ler (ilegíveis ou "
            "corrompidos), a pedir de novo: " + ", ".join(unread) + "."
        )
    refused = refused_by_member(state, words)
    if refused:
        # Read and refused for what they are: the same file again would not help (blind probe r66c, F5); each said
        # as what it was taken for (blind probe r74c, F5).
        parts.append(
            "Comprovativos de rendimentos enviados e recusados pelo que são, a substituir pelo que o motivo de cada "
            "um indica: " + "; ".join(refused) + "."
        )
    uncounted = not_counted_by_member(state, words)
    if uncounted:
        parts.append(f"{UNCOUNTED_PROOFS_LEAD_IN}: " + "; ".join(uncounted) + ".")
    swapped = sent_for_another_member(state, words)
    if swapped:
        parts.append(
            "Comprovativos de rendimentos enviados por uma pessoa da candidatura que são de outra (pelo NIF), não "
            "contados: cada pessoa envia os seus na sua própria ligação; " + "; ".join(swapped) + "."
        )
    parts.extend(effort_sentences(affordability, state, whose="do agregado"))
    guarantor = affordability.get("guarantor")
    if guarantor is not None:
        results = (state.get("income") or {}).get("members") or {}
        income = results.get(guarantor["applicant_id"]) or {}
        cost = cost_words(state)
        verdicts = [c for c in affordability["checks"] if c["name"] == "household.guarantor_covers"]
        ordinal = guarantor_ordinal(state["members"], guarantor["applicant_id"])
        lead_in, who = ("", "O fiador") if len(verdicts) < 2 else guarantors_lead_in(verdicts, ordinal, cost=cost)
        sentence = guarantor_sentence(
            guarantor,
            cost=cost,
            income_warnings=income.get("warnings") or [],
            income_missing=income_missing_words(income),
            who=who,
        )
        parts.append(lead_in + sentence)
    reasons = reasons_by_member(state, words)
    if reasons:
        parts.append("Motivos: " + "; ".join(reasons) + ".")
    stated = stated_by_member(state["members"], not_already_reasons(state), words)
    if stated:
        parts.append("A ponderar (não altera o risco): " + "; ".join(stated) + ".")
    left_out = not_submitted_sentence(state.get("not_submitted") or [], words)
    if left_out:
        parts.append(left_out)
    parts.append(ADVICE_SENTENCE)
    return {"justification": " ".join(parts), "language": "pt-PT", "english": None}


def reasons_by_member(state: dict[str, Any], words: dict[str, str]) -> list[str]:
    """The risk's reasons, each one that comes from members' own documents or data said with whose it is, by role
    ('coarrendatário: um recibo de vencimento é o último de um contrato que terminou ...'), as the stated notes are;
    the household's own (the ratio, the guarantor's verdict) as they are. Two reasons of one co-tenant's payslips
    read as the household's, or the lead's (blind probe r68b, F5). Each member's reason is said from their own
    results, as a single applicant's is (blind probe r70a); members whose words are the same share one sentence, so
    two students who sent no proof read "não foi enviado nenhum comprovativo", not the words of another person's
    proofs (blind probe r72b, F1)."""
    said = []
    for reason in dict.fromkeys(state["affordability"]["reasons"]):
        members = [m for m in state["members"] if reason in member_reasons(state, m)]
        if reason == "guarantor_income_not_proven":
            said.append(guarantor_income_words(guarantor_income(state)))
            continue
        if reason == "guarantor_does_not_cover" and several_guarantors(state):
            # Of several, none covers alone: "o fiador não tem rendimento suficiente" read as the only one (r77d, F5).
            said.append(f"nenhum dos fiadores tem sozinho rendimento suficiente para garantir {cost_words(state)}")
            continue
        if not members:
            said.append(reason_with_limit(reason, state.get("thresholds")))
            continue
        owners_by_text: dict[str, list[str]] = {}
        for member in members:
            text = member_reason_words(state, member, reason)
            if text:
                owners_by_text.setdefault(text, []).append(member["role"])
        said.extend(f"{people_of_roles(owners, words)}: {text}" for text, owners in owners_by_text.items())
    return said


def unconfirmed_words(state: dict[str, Any], member: dict[str, Any], words: dict[str, str]) -> str:
    """A member whose identity is not confirmed, by role; a guarantor with why ('fiador (documento caducado em
    31/10/2026)'): a tenant's why is among the reasons (``identity_not_verified``), a guarantor's identity is no
    reason of the risk by itself, and "Identidade não confirmada: fiador" said nothing of an expired card (blind probe
    r77d, F4)."""
    if member["role"] != GUARANTOR_ROLE:
        return words[member["role"]]
    label = guarantor_label(state, member["applicant_id"])
    why = identity_failure_words(state["identity"]["members"][member["applicant_id"]])
    return f"{label} ({why})" if why else label


def guarantor_label(state: dict[str, Any], applicant_id: str) -> str:
    """'fiador', or 'fiador 2' of several (the number the verdict's sentence and the PDF use)."""
    if not several_guarantors(state):
        return "fiador"
    return f"fiador {guarantor_ordinal(state['members'], applicant_id)}"


def several_guarantors(state: dict[str, Any]) -> bool:
    return sum(1 for m in state["members"] if m["role"] == GUARANTOR_ROLE) > 1


def cost_words(state: dict[str, Any]) -> str:
    return "a prestação" if selling(state) else "a renda"


def guarantor_income(state: dict[str, Any]) -> dict[str, Any]:
    """The income results of the guarantor the verdict is on (the one who covers best)."""
    guarantor = state["affordability"].get("guarantor") or {}
    return ((state.get("income") or {}).get("members") or {}).get(guarantor.get("applicant_id")) or {}


def member_reason_words(state: dict[str, Any], member: dict[str, Any], reason: str) -> str:
    identity = ((state.get("identity") or {}).get("members") or {}).get(member["applicant_id"]) or {}
    income = ((state.get("income") or {}).get("members") or {}).get(member["applicant_id"]) or {}
    return reason_words(reason, identity, income)


def member_reasons(state: dict[str, Any], member: dict[str, Any]) -> set[str]:
    """The reasons of the risk that ``member``'s own results give: their identity's and income's warnings, an
    identity not confirmed, an income proven for too few months, a NIF their documents contradict. A guarantor's
    count only for authenticity, the one warning of theirs the household's risk takes (``assess_household``)."""
    identity = ((state.get("identity") or {}).get("members") or {}).get(member["applicant_id"]) or {}
    income = ((state.get("income") or {}).get("members") or {}).get(member["applicant_id"]) or {}
    warnings = {*(identity.get("warnings") or []), *(income.get("warnings") or [])}
    if member["role"] not in TENANT_ROLES:
        return warnings & {AUTHENTICITY_REASON}
    reasons = set(warnings)
    if identity and not identity.get("verified"):
        reasons.add("identity_not_verified")
    if identity.get("nif_conflict"):
        reasons.add("nif_differs_from_documents")
    if income and income_partial(income):
        reasons.add("partial_income_months")
    if income and not income.get("attributable"):
        # Whose income has no proof of theirs (blind probe r69b, H01: "em nome do candidato" of two tenants).
        reasons.add(OWN_INCOME_OTHER_NIF if income.get("own_name_other_nif") else "no_attributable_income")
    return reasons


def not_already_reasons(state: dict[str, Any]) -> list[dict[str, Any]]:
    """The members' stated notes, without one that is also a reason of the risk from that member's own results: "A
    ponderar (não altera o risco)" beside the same words among the reasons contradicted them (a co-tenant's employer
    declaring a contract that has ended, blind probe r68b)."""
    reasons = set(state["affordability"]["reasons"])
    members = {m["applicant_id"]: m for m in state["members"]}
    return [
        s
        for s in [*(state["income"].get("stated") or []), *uncounted_by_tenant(state)]
        if not (
            s["reason"] in reasons
            and s["applicant_id"] in members
            and s["reason"] in member_reasons(state, members[s["applicant_id"]])
        )
    ]


def joined_roles(roles: list[str]) -> str:
    """'arrendatário principal', 'arrendatário principal e coarrendatário', 'a, b e c'."""
    return roles[0] if len(roles) == 1 else ", ".join(roles[:-1]) + " e " + roles[-1]


def people_of_roles(roles: list[str], words: dict[str, str]) -> str:
    """The people of ``roles`` (one entry a person), each role once with how many hold it: 'arrendatário principal e
    2 coarrendatários', 'coarrendatário'. Each role said once read as one person where two co-tenants shared a reason
    (blind probe r81a: "arrendatário principal e coarrendatário" of three students)."""
    counts = Counter(roles)
    return joined_roles([counted_role(role, counts[role], words) for role in counts])


def counted_role(role: str, count: int, words: dict[str, str]) -> str:
    """'coarrendatário' for one, '2 coarrendatários' for more (ngettext: the plural is the language's)."""
    word = words[role]
    if count == 1:
        return word
    plurals = {
        "arrendatário principal": ngettext(
            "%(count)d arrendatário principal", "%(count)d arrendatários principais", count
        ),
        "coarrendatário": ngettext("%(count)d coarrendatário", "%(count)d coarrendatários", count),
        "comprador principal": ngettext("%(count)d comprador principal", "%(count)d compradores principais", count),
        "cocomprador": ngettext("%(count)d cocomprador", "%(count)d cocompradores", count),
        "fiador": ngettext("%(count)d fiador", "%(count)d fiadores", count),
    }
    return plurals[word] % {"count": count}


def uncounted_by_tenant(state: dict[str, Any]) -> list[dict[str, Any]]:
    """Each tenant's income left out that the risk did not take as a reason (the others' income meets the limit), as
    ``stated`` entries: the report still says it (an income in another currency not counted)."""
    results = (state.get("income") or {}).get("members") or {}
    reasons = state["affordability"]["reasons"]
    return [
        {"applicant_id": m["applicant_id"], "role": m["role"], "reason": reason}
        for m in state["members"]
        if m["role"] in TENANT_ROLES
        for reason in uncounted_income_stated((results.get(m["applicant_id"]) or {}).get("warnings") or [], reasons)
    ]


def unreadable_by_member(state: dict[str, Any], words: dict[str, str]) -> list[str]:
    """'coarrendatário (3 ficheiros)' for each member whose unproven income has proofs sent that could not be read."""
    results = (state.get("income") or {}).get("members") or {}
    said = []
    for member in state["members"]:
        income = results.get(member["applicant_id"]) or {}
        if UNREADABLE_WARNING not in (income.get("warnings") or []):
            continue
        count = sum(
            1
            for c in income.get("checks") or []
            if c["name"] == "income.document_read" and not c["passed"] and not refusal_of(c)
        )
        said.append(f"{words[member['role']]} ({'1 ficheiro' if count == 1 else f'{count} ficheiros'})")
    return said


def refused_by_member(state: dict[str, Any], words: dict[str, str]) -> list[str]:
    """'arrendatário principal: 1 documento que é de uma prestação temporária da Segurança Social (...)' for each
    member whose unproven income has proofs read and refused for what they are."""
    results = (state.get("income") or {}).get("members") or {}
    said = []
    for member in state["members"]:
        income = results.get(member["applicant_id"]) or {}
        refusals = refusals_in(income.get("checks") or [])
        if REFUSED_WARNING in (income.get("warnings") or []) and refusals:
            said.append(f"{words[member['role']]}: {refused_documents_words(refusals)}")
    return said


def not_counted_by_member(state: dict[str, Any], words: dict[str, str]) -> list[str]:
    """'arrendatário principal: 1 declaração de pensão (sem data lida)' for each member with proofs sent and not
    counted that the sentences before do not name (``report.not_counted_words``)."""
    results = (state.get("income") or {}).get("members") or {}
    said = []
    for member in state["members"]:
        uncounted = not_counted_words(results.get(member["applicant_id"]) or {})
        if uncounted:
            said.append(f"{words[member['role']]}: {uncounted}")
    return said


def sent_for_another_member(state: dict[str, Any], words: dict[str, str]) -> list[str]:
    """'os enviados pelo arrendatário principal são do coarrendatário (3)' for each member who sent proofs of income
    another member's NIF prints, by role, never by name: two tenants each sending the other's payslips read as two
    tenants with another person's documents (blind probe r69b, H01). Not counted for either (docs/adr/041)."""
    results = (state.get("income") or {}).get("members") or {}
    by_nif = {str(m["applicant"].get("nif")): m for m in state["members"] if m.get("applicant", {}).get("nif")}
    said = []
    for member in state["members"]:
        owners: dict[str, int] = {}
        for c in (results.get(member["applicant_id"]) or {}).get("checks") or []:
            owner = by_nif.get(str(c.get("value"))) if c["name"] in OWNER_CHECKS else None
            if owner is not None and owner is not member and not c["passed"] and OTHER_MEMBER_S in c["evidence"]:
                owners[words[owner["role"]]] = owners.get(words[owner["role"]], 0) + 1
        said += [f"os enviados pelo {words[member['role']]} são do {role} ({n})" for role, n in owners.items()]
    return said


def tenants_income_sentence(
    tenants: int, income: Decimal | None, *, buyers: bool = False, proven: int | None = None
) -> str:
    """'Rendimento mensal conjunto dos 2 arrendatários: 3 100,00 €.', or of the one tenant, or not proven; the
    buyers' for a sale. With some tenants' income not proven the sum says how many it adds (e2e probe c30: "conjunto
    dos 2 arrendatários" read as two incomes added when one was left out): 'Rendimento mensal comprovado de 1 dos 2
    arrendatários: 1 500,00 €.'"""
    one, many = ("comprador", "compradores") if buyers else ("arrendatário", "arrendatários")
    whose = f"do {one}" if tenants == 1 else f"dos {tenants} {many}"
    if income is None:
        return f"Rendimento {whose} não comprovado."
    if proven is not None and 0 < proven < tenants:
        together = "conjunto" if proven > 1 else "comprovado"
        return f"Rendimento mensal {together} de {proven} {whose}: {format_eur(income)}."
    together = "" if tenants == 1 else " conjunto"
    return f"Rendimento mensal{together} {whose}: {format_eur(income)}."


def stated_by_member(
    members: list[dict[str, Any]], stated: list[dict[str, Any]], words: dict[str, str] = ROLE_WORDS
) -> list[str]:
    """'fiador: <reason>, <reason>' for each member with something stated, in the application's order."""
    sentences = []
    for member in members:
        texts = [
            REASON_TEXT.get(s["reason"], s["reason"]) for s in stated if s["applicant_id"] == member["applicant_id"]
        ]
        if texts:
            sentences.append(f"{words[member['role']]}: " + ", ".join(dict.fromkeys(texts)))
    return sentences


def guarantor_sentence(
    guarantor: dict[str, Any],
    *,
    cost: str = "a renda",
    income_warnings: list[str] | tuple[str, ...] = (),
    income_missing: str = "",
    who: str = "O fiador",
) -> str:
    """The verdict on one guarantor, ``who`` naming them ('O fiador', or 'o fiador 2' after the lead-in of several)."""
    ratio, limit = format_percent(money(guarantor["dti_ratio"])), format_percent(money(guarantor["threshold"]))
    if guarantor["covers"]:
        return f"{who} cobre {cost} (taxa de esforço do fiador {ratio}, limite {limit})."
    if covers_if_proven(guarantor):
        # "O fiador cobre a renda" beside his own "só ficou comprovado em parte" lowered the risk on a guarantee not
        # proven (blind probe r77d, F3).
        return (
            f"{who} cobriria {cost} (taxa de esforço do fiador {ratio}, limite {limit}) se o rendimento ficasse "
            f"comprovado, mas só está comprovado em parte{missing_clause(income_missing)}: não baixa o risco."
        )
    if not guarantor["identity_verified"]:
        return f"{who} não tem a identidade confirmada e não pode garantir {cost}."
    if guarantor["dti_ratio"] is None:
        return (
            f"{who} não tem rendimento comprovado{not_counted_because(income_warnings)} e não pode garantir "
            f"{cost}: seriam necessários {format_eur(money(guarantor['income_needed']))} de rendimento mensal."
        )
    return (
        f"{who} não cobre {cost} (taxa de esforço {ratio}, limite {limit}): faltam "
        f"{format_eur(money(guarantor['shortfall']))} de rendimento mensal."
    )


def guarantor_ordinal(members: list[dict[str, Any]], applicant_id: str) -> int:
    """The guarantor's number among the application's guarantors (1, 2, ...), in the order the report's members,
    the API's ``household.members`` and the PDF's table list them."""
    ids = [m["applicant_id"] for m in members if m["role"] == GUARANTOR_ROLE]
    return ids.index(applicant_id) + 1 if applicant_id in ids else 0


def guarantors_lead_in(verdicts: list[dict[str, Any]], ordinal: int, *, cost: str) -> tuple[str, str]:
    """Before the verdict on one guarantor of several, and who it is about: how many there are, that each is judged
    alone against the whole cost (art. 649.º of the Código Civil: each fiador answers for the whole debt), how many
    cover, and which one the verdict is on ('Há 2 fiadores, ..., e nenhum cobre sozinho a renda; ', 'o mais perto de
    cobrir, o fiador 1,'). "O fiador não cobre a renda: faltam 699,62 €" of two guarantors read as the only
    guarantor's (blind probe r77d, F5). By number, never by name: the justification is stored and sent on; the
    number is the order of the report's members, the PDF's table and the API's ``household.members``."""
    covering = sum(1 for v in verdicts if v["passed"])
    judged = f"Há {len(verdicts)} fiadores, cada um avaliado sozinho contra {cost} toda, e "
    if covering == 0:
        return judged + f"nenhum cobre sozinho {cost}; ", f"o mais perto de cobrir, o fiador {ordinal},"
    if covering == 1:
        return judged + f"só um cobre sozinho {cost}: ", f"o fiador {ordinal}"
    return judged + f"{covering} cobrem sozinhos {cost}; ", f"o de menor taxa de esforço, o fiador {ordinal},"


def not_counted_because(income_warnings: list[str] | tuple[str, ...]) -> str:
    """Why a guarantor's income sent is not in the count, when it is one a person can weigh: paid in another
    currency. "Faltam 3 332,78 € de rendimento mensal" said of a fiador paid 5 000 pounds read as a fiador with no
    income at all (round 66C left it)."""
    if CURRENCY_NOT_EUR in income_warnings:
        return " em euros (é pago noutra moeda e não foi contado: o valor em euros fica para quem decide)"
    return ""


def missing_clause(missing: str) -> str:
    """' (faltam faturas-recibo de mais 2 meses distintos, necessários 6 dos últimos 12)', or nothing."""
    if not missing:
        return ""
    return " (faltam " + missing.replace(" (", ", ").replace(")", "") + ")"
