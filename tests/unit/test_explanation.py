"""The applicant's explanation: their own checks, the taxa de esforço, and what would change the outcome.

Reports are built the way ``report_store`` builds them, from the real rules
(through the graph) over the rule tests' documents; people, forms and agencies
are unsaved models, except in the one test that reads a stored report back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

from applicants.models import Applicant, IntakeFormRequest, Organization
from screening import rules
from screening.assessors import RulesAssessor
from screening.explanation import (
    COVERS,
    RISK_ORDER,
    OutcomeChange,
    applicant_explanation,
    outcome_changes,
)
from screening.graph import ScreeningState, run_screening
from screening.models import ScreeningReport
from screening.rules.common import format_eur, format_percent
from screening.selectors import organization_thresholds
from screening.services import household_summary
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, make_nif
from tests.unit.test_rules import NIF, THREE_MONTHS, TODAY, id_document, payslip, tax_document

LEAD_NAME = "Maria João Santos"
LEAD_BIRTH = "1990-06-15"


# --- Building reports through the rules ------------------------------------------------------------


def agency(**thresholds: Any) -> Organization:
    return Organization(name="Agência de teste", **thresholds)


def form_for(organization: Organization, *, price: str = "700", listing: str = "ARRENDAMENTO") -> IntakeFormRequest:
    return IntakeFormRequest(
        organization=organization,
        listing_type=listing,
        property_type="APARTAMENTO",
        property_title="T2",
        property_price=Decimal(price),
    )


@dataclass
class Member:
    applicant: Applicant
    documents: list[dict[str, Any]] = field(default_factory=list)


def identity_documents(name: str, nif: str, birth: str) -> list[dict[str, Any]]:
    return [id_document(full_name=name, nif=nif, date_of_birth=birth)]


def payslips(name: str, nif: str, net: Decimal, periods: list[str]) -> list[dict[str, Any]]:
    return [payslip(period, employee_name=name, employee_nif=nif, net_pay=str(net)) for period in periods]


def irs(name: str, nif: str, monthly: Decimal) -> list[dict[str, Any]]:
    """An IRS document of last year whose income less tax over 12 is exactly ``monthly``.

    The tests set incomes to the cent this way: how payslips are counted (an
    average, or x 14 / 12) is the income rules' business and may change.
    """
    return [tax_document(gross=float(monthly * 12), tax=0.0, nif=nif, name=name)]


def person(
    form: IntakeFormRequest,
    *,
    role: str = "TENANT",
    name: str = LEAD_NAME,
    nif: str = NIF,
    income: Decimal | None = Decimal("2000.00"),
    months: int = 0,
    net: Decimal = Decimal("2000.00"),
    identity_ok: bool = True,
    extra: tuple[dict[str, Any], ...] = (),
) -> Member:
    """A person with a Cartão de Cidadão (birth date wrong when not ``identity_ok``), an IRS document
    proving ``income`` a month (none when None) and ``months`` payslips of ``net``."""
    applicant = Applicant(
        id=uuid.uuid4(),
        organization=form.organization,
        form_request=form,
        role=role,
        name=name,
        nif=nif,
        date_of_birth=dt.date.fromisoformat(LEAD_BIRTH),
    )
    documents = [
        *identity_documents(name, nif, LEAD_BIRTH if identity_ok else "1980-01-01"),
        *(irs(name, nif, income) if income is not None else []),
        *payslips(name, nif, net, THREE_MONTHS[:months]),
        *extra,
    ]
    return Member(applicant, documents)


def facts(applicant: Applicant) -> dict[str, Any]:
    return {"nif": applicant.nif, "name": applicant.name, "date_of_birth": applicant.date_of_birth.isoformat()}


def initial_state(form: IntakeFormRequest, members: list[Member]) -> dict[str, Any]:
    """What ``screening_state_build`` gives the graph: the lead's facts, and everyone's with several."""
    lead = members[0]
    state: dict[str, Any] = {
        "applicant": facts(lead.applicant),
        "property": {"listing_type": form.listing_type, "price": str(form.property_price), "title": "T2"},
        "thresholds": organization_thresholds(form.organization),
        "today": TODAY.isoformat(),
        "documents": lead.documents,
    }
    if len(members) > 1:
        state["members"] = [
            {
                "applicant_id": str(m.applicant.id),
                "role": m.applicant.role,
                "applicant": facts(m.applicant),
                "documents": m.documents,
            }
            for m in members
        ]
    return state


def rules_run(state: dict[str, Any]) -> dict[str, Any]:
    """The four rule nodes in the graph's order, without the graph (fast, same results)."""
    steps = (
        ("identity", rules.identity_node),
        ("income", rules.income_node),
        ("affordability", rules.affordability_node),
        ("report", rules.report_node),
    )
    for key, node in steps:
        state = {**state, key: node(state)}
    return state


def report_of(state: dict[str, Any], lead: Applicant) -> ScreeningReport:
    """The report ``report_store`` writes for this state (unsaved)."""
    identity, income, affordability = state["identity"], state["income"], state["affordability"]
    average, dti = income["average_monthly_income"], affordability["dti_ratio"]
    return ScreeningReport(
        organization=lead.organization,
        applicant=lead,
        household=household_summary(state),  # type: ignore[arg-type]
        risk_level=affordability["risk_level"],
        identity_verified=identity["verified"],
        income_verified=income["verified"],
        dti_ratio=None if dti is None else Decimal(dti),
        average_monthly_income=None if average is None else Decimal(average),
        justification=state["report"]["justification"],
        checks=[*identity["checks"], *income["checks"], *affordability["checks"]],
        backend="rules",
        rules_version=rules.RULES_VERSION,
    )


def screened(form: IntakeFormRequest, *members: Member, graph: bool = True) -> tuple[dict[str, Any], ScreeningReport]:
    state = initial_state(form, list(members))
    result = dict(run_screening(ScreeningState(**state), RulesAssessor())) if graph else rules_run(state)  # type: ignore[typeddict-item]
    return result, report_of(result, members[0].applicant)


def outcome_rank(state: dict[str, Any], viewer: Applicant) -> int:
    """The viewer's outcome, lower is better: the risk level for a tenant, covering or not for a guarantor."""
    affordability = state["affordability"]
    if viewer.role == "GUARANTOR":
        guarantor = affordability.get("guarantor") or {}
        return 0 if guarantor.get("applicant_id") == str(viewer.id) and guarantor["covers"] else 1
    return RISK_ORDER[affordability["risk_level"]]


def change_rank(change: OutcomeChange) -> int:
    return 0 if change.reaches == COVERS else RISK_ORDER[change.reaches]


def whole_text(explanation: dict[str, Any]) -> str:
    return " ".join([*(c["text"] for c in explanation["checks"]), *explanation["what_would_change"]])


def by_kind(changes: list[OutcomeChange]) -> dict[str, OutcomeChange]:
    return {c.kind: c for c in changes}


# --- One applicant ---------------------------------------------------------------------------------


def test_a_low_risk_applicant_sees_what_was_checked_and_nothing_to_change() -> None:
    form = form_for(agency())
    maria = person(form, income=None, months=3)
    _, report = screened(form, maria)
    explanation = applicant_explanation(applicant=maria.applicant, report=report)

    assert report.risk_level == "LOW" and report.dti_ratio is not None
    assert set(explanation) == {"checks", "dti_ratio", "dti_limit", "dti_recommended", "what_would_change"}
    identity, income, affordability = explanation["checks"]
    assert identity["name"] == "identity" and identity["passed"]
    assert "Cartão de Cidadão" in identity["text"]
    assert income["passed"]
    assert "recibos de vencimento de agosto, setembro e outubro de 2026" in income["text"]
    assert format_eur(report.average_monthly_income) in income["text"]
    assert affordability["passed"]
    assert format_percent(report.dti_ratio) in affordability["text"]
    assert "é de 40 %." in affordability["text"] and "renda mensal de 700,00 €" in affordability["text"]
    assert explanation["dti_ratio"] == pytest.approx(float(report.dti_ratio))
    assert explanation["dti_limit"] == pytest.approx(0.40)
    assert explanation["what_would_change"] == []


def test_a_ratio_above_the_limit_says_the_least_income_and_guarantor_income_that_improve_it() -> None:
    # 700 / 1500 = 0.4667 > 0.40: HIGH. The ratio rounds to four places half-up, so 700 / 1749.79 = 0.400048
    # is 0.4000 (within the limit) and 700 / 1749.78 = 0.400050 is 0.4001; for a guarantor at 0.30,
    # 700 / 2332.95 = 0.300049 covers and 700 / 2332.94 = 0.300051 does not.
    form = form_for(agency())
    maria = person(form, income=Decimal("1500.00"))
    _, report = screened(form, maria)
    changes = by_kind(outcome_changes(applicant=maria.applicant, report=report))

    assert report.risk_level == "HIGH"
    assert set(changes) == {"monthly_income", "guarantor_income"}
    assert changes["monthly_income"].amount == Decimal("1749.79")
    assert changes["monthly_income"].reaches == "MEDIUM"
    assert changes["guarantor_income"].amount == Decimal("2332.95")
    assert changes["guarantor_income"].reaches == "MEDIUM"
    explanation = applicant_explanation(applicant=maria.applicant, report=report)
    assert not explanation["checks"][2]["passed"]
    assert "46,67 %" in explanation["checks"][2]["text"]
    assert explanation["what_would_change"] == [
        "Com mais 249,79 € por mês de rendimento comprovado, ou seja, pelo menos 1 749,79 €, o resultado da "
        "avaliação melhoraria.",
        "Com um fiador com identidade confirmada e rendimento mensal comprovado de pelo menos 2 332,95 €, "
        "o resultado da avaliação melhoraria.",
    ]


def test_the_amounts_fed_back_into_the_rules_improve_the_outcome_and_a_cent_less_does_not() -> None:
    form = form_for(agency(dti_medium_threshold=Decimal("0.330"), dti_high_threshold=Decimal("0.420")))
    maria = person(form, income=Decimal("1234.56"))
    state, report = screened(form, maria)
    change = by_kind(outcome_changes(applicant=maria.applicant, report=report))["monthly_income"]
    assert change.amount is not None

    def risk_at(net: Decimal) -> int:
        return outcome_rank(screened(form, person(form, income=net), graph=False)[0], maria.applicant)

    assert risk_at(change.amount) < outcome_rank(state, maria.applicant)
    assert risk_at(change.amount) == change_rank(change)
    assert risk_at(change.amount - Decimal("0.01")) == outcome_rank(state, maria.applicant)


def test_two_months_of_payslips_ask_for_one_more_and_say_which_months_counted() -> None:
    # 700 / 2000 = 0.35: only the missing month keeps it MEDIUM; a covering guarantor would too.
    form = form_for(agency())
    maria = person(form, income=None, months=2)
    _, report = screened(form, maria)
    explanation = applicant_explanation(applicant=maria.applicant, report=report)
    changes = by_kind(outcome_changes(applicant=maria.applicant, report=report))

    assert report.risk_level == "MEDIUM"
    assert set(changes) == {"payslip_months", "guarantor_income"}
    assert changes["payslip_months"].amount == 1 and changes["payslip_months"].reaches == "LOW"
    income = explanation["checks"][1]
    assert not income["passed"]
    assert "2 meses" in income["text"] and "setembro e outubro de 2026" in income["text"]
    assert explanation["what_would_change"][0].startswith("Com mais um recibo de vencimento de outro mês")


def test_an_unconfirmed_identity_with_too_little_income_needs_both_and_says_so() -> None:
    form = form_for(agency())
    maria = person(form, income=Decimal("1500.00"), identity_ok=False)
    _, report = screened(form, maria)
    explanation = applicant_explanation(applicant=maria.applicant, report=report)
    changes = by_kind(outcome_changes(applicant=maria.applicant, report=report))

    assert report.risk_level == "HIGH"
    # Neither alone lowers a HIGH risk that has two causes; the identity alone is no change to offer.
    assert "identity" not in changes
    assert changes["monthly_income"].with_identity and changes["monthly_income"].amount == Decimal("1749.79")
    identity = explanation["checks"][0]
    assert not identity["passed"] and "data de nascimento" in identity["text"]
    # The birth date read differs: the details to set right are named (blind probe r70a, F15).
    assert explanation["what_would_change"][0].startswith(
        "Com os seus dados indicados à agência tal como estão no documento de identificação e "
    )
    assert "1 749,79 €" in explanation["what_would_change"][0]


def test_an_unconfirmed_identity_alone_is_the_one_change() -> None:
    form = form_for(agency())
    maria = person(form, identity_ok=False)
    _, report = screened(form, maria)
    changes = outcome_changes(applicant=maria.applicant, report=report)

    assert [(c.kind, c.reaches) for c in changes] == [("identity", "LOW")]


def test_income_from_an_irs_document_says_the_year_and_how_it_was_counted() -> None:
    form = form_for(agency())
    maria = person(form, income=None, extra=(tax_document(),))
    _, report = screened(form, maria)
    income = applicant_explanation(applicant=maria.applicant, report=report)["checks"][1]

    # (36 000 - 6 000) / 12 = 2 500.
    assert income["passed"]
    assert "documento de IRS de 2025" in income["text"] and "2 500,00 €" in income["text"]


def test_a_payslip_that_does_not_add_up_is_named_as_not_counted() -> None:
    form = form_for(agency())
    bad = payslip("2026-07", employee_name=LEAD_NAME, net_pay="2000.00", warnings=["arithmetic_mismatch"])
    maria = person(form, extra=(bad,))
    _, report = screened(form, maria)
    explanation = applicant_explanation(applicant=maria.applicant, report=report)

    # The warning keeps it MEDIUM and no amount answers it: nothing promised.
    assert report.risk_level == "MEDIUM"
    assert "valores que não batem certo" in explanation["checks"][1]["text"]
    assert explanation["what_would_change"] == []


def test_a_document_to_check_with_the_issuer_keeps_the_risk_medium_so_no_amount_is_promised() -> None:
    # 700 / 1990 = 0.3518: MEDIUM by the ratio alone, and a document whose signal raises keeps it at least
    # MEDIUM (docs/api.md), so neither more income nor a guarantor would make it LOW. (The cases probe's
    # s3: the applicant was promised an improvement at 1 400,20 € because the single-person explanation
    # read only the identity and income checks, not the authenticity one beside them.)
    form = form_for(agency())
    maria = person(form, income=Decimal("1990.00"))
    for document in maria.documents:
        if document["kind"] == "DECLARACAO_IRS":
            document["reuse"] = [
                {"code": "DOCUMENT_REUSED", "severity": "HIGH", "evidence": {"match": "content"}, "source": "reuse"}
            ]
    _, report = screened(form, maria)

    assert report.risk_level == "MEDIUM"
    assert any(c["name"] == "authenticity.document" and not c["passed"] for c in report.checks)
    assert outcome_changes(applicant=maria.applicant, report=report) == []
    assert applicant_explanation(applicant=maria.applicant, report=report)["what_would_change"] == []


def test_several_documents_not_counted_for_one_reason_are_counted_in_the_sentence() -> None:
    """The cases probe's a2: three payslips in another person's name read "Não foi contado: um recibo ..."."""
    form = form_for(agency())
    others = tuple(
        payslip(period, employee_name="Ana Rita Sousa", employee_nif=make_nif(99), net_pay="2000.00")
        for period in THREE_MONTHS
    )
    late = payslip("2025-01", employee_name=LEAD_NAME, net_pay="2000.00")
    maria = person(form, extra=(*others, late))
    _, report = screened(form, maria)

    text = applicant_explanation(applicant=maria.applicant, report=report)["checks"][1]["text"]
    assert (
        "Documentos não contados: 3 recibos de vencimento em nome de outra pessoa; "
        "um recibo de vencimento com mais de" in text
    )
    english = applicant_explanation(applicant=maria.applicant, report=report, language="en")["checks"][1]["text"]
    assert "Documents not counted: 3 payslips in another person's name; a payslip older than" in english


def test_a_sale_names_the_loan_payment() -> None:
    form = form_for(agency(), price="200000", listing="VENDA")
    maria = person(form)
    _, report = screened(form, maria)
    text = applicant_explanation(applicant=maria.applicant, report=report)["checks"][2]["text"]

    assert "prestação mensal estimada do crédito de 859,35 €" in text


# --- Households ----------------------------------------------------------------------------------


MARIA_INCOME, JOAO_INCOME = Decimal("1500.00"), Decimal("1234.56")


def couple(form: IntakeFormRequest) -> tuple[Member, Member]:
    maria = person(form, income=MARIA_INCOME)
    joao = person(form, role="CO_TENANT", name="João Pedro Pereira", nif=make_nif(4242), income=JOAO_INCOME)
    return maria, joao


def test_a_household_member_sees_their_own_checks_and_the_household_ratio_only() -> None:
    # Rent 1000 over 1500 + 1234.56 = 2734.56: 0.3657, above 0.35: MEDIUM.
    form = form_for(agency(), price="1000")
    maria, joao = couple(form)
    _, report = screened(form, maria, joao)

    incomes = {maria.applicant.id: MARIA_INCOME, joao.applicant.id: JOAO_INCOME}
    for viewer, other in ((maria, joao), (joao, maria)):
        explanation = applicant_explanation(applicant=viewer.applicant, report=report)
        text = whole_text(explanation)
        assert [c["name"] for c in explanation["checks"]] == ["identity", "income", "affordability"]
        assert other.applicant.name.split()[0] not in text and other.applicant.name.split()[-1] not in text
        assert other.applicant.nif not in text and str(other.applicant.id) not in str(explanation)
        assert format_eur(incomes[other.applicant.id]) not in text
        assert format_eur(incomes[viewer.applicant.id]) in text
        assert "2 734,56 €" not in text  # the household's total would give away the other's income
        assert explanation["dti_ratio"] == pytest.approx(0.3657)
        assert "36,57 %" in explanation["checks"][2]["text"]


def test_a_household_member_is_told_how_much_more_the_household_needs_and_it_is_exact() -> None:
    form = form_for(agency(), price="1000")
    maria, joao = couple(form)
    state, report = screened(form, maria, joao)
    change = by_kind(outcome_changes(applicant=joao.applicant, report=report))["household_income"]
    assert change.amount is not None and change.reaches == "LOW"

    def risk_with_joao_earning(net: Decimal) -> int:
        richer = person(form, role="CO_TENANT", name=joao.applicant.name, nif=joao.applicant.nif, income=net)
        richer.applicant = joao.applicant
        return outcome_rank(screened(form, maria, richer, graph=False)[0], joao.applicant)

    assert risk_with_joao_earning(JOAO_INCOME + change.amount) == RISK_ORDER["LOW"]
    assert risk_with_joao_earning(JOAO_INCOME + change.amount - Decimal("0.01")) == outcome_rank(state, joao.applicant)
    sentence = applicant_explanation(applicant=joao.applicant, report=report)["what_would_change"][0]
    assert format_eur(change.amount) in sentence and "arrendatários" in sentence


def test_a_guarantor_sees_their_own_verdict_and_the_income_that_would_cover() -> None:
    # Rent 1000: the guarantor's 3000 gives 0.3333 > 0.30, not covering; the tenant is HIGH (0.6667).
    form = form_for(agency(), price="1000")
    maria = person(form, income=Decimal("1500.00"))
    rui = person(form, role="GUARANTOR", name="Rui Manuel Costa", nif=make_nif(777), income=Decimal("3000.00"))
    state, report = screened(form, maria, rui)
    explanation = applicant_explanation(applicant=rui.applicant, report=report)
    changes = outcome_changes(applicant=rui.applicant, report=report)

    assert [c["name"] for c in explanation["checks"]] == ["identity", "income", "guarantor"]
    assert not explanation["checks"][2]["passed"]
    assert explanation["dti_ratio"] == pytest.approx(0.3333) and explanation["dti_limit"] == pytest.approx(0.30)
    assert [(c.kind, c.reaches) for c in changes] == [("own_guarantor_income", COVERS)]
    text = whole_text(explanation)
    assert "Maria" not in text and "1 500,00 €" not in text and "66,7 %" not in text
    assert "3 000,00 €" in text
    amount = changes[0].amount
    assert amount is not None

    def covers_at(net: Decimal) -> int:
        richer = person(form, role="GUARANTOR", name=rui.applicant.name, nif=rui.applicant.nif, income=net)
        richer.applicant = rui.applicant
        return outcome_rank(screened(form, maria, richer, graph=False)[0], rui.applicant)

    assert outcome_rank(state, rui.applicant) == 1
    assert covers_at(amount) == 0 and covers_at(amount - Decimal("0.01")) == 1
    # And the tenant never sees the guarantor's income.
    assert "3 000,00 €" not in whole_text(applicant_explanation(applicant=maria.applicant, report=report))


def test_a_tenant_whose_guarantor_does_not_cover_is_told_of_that_one_or_another_without_their_income() -> None:
    # Blind probe c25: "Com um fiador com ... pelo menos X" read as if the application had no guarantor.
    form = form_for(agency(), price="1000")
    maria = person(form, income=Decimal("1500.00"))
    rui = person(form, role="GUARANTOR", name="Rui Manuel Costa", nif=make_nif(777), income=Decimal("3000.00"))
    _, report = screened(form, maria, rui)
    sentences = applicant_explanation(applicant=maria.applicant, report=report)["what_would_change"]
    english = applicant_explanation(applicant=maria.applicant, report=report, language="en")["what_would_change"]

    # 1000 / 3332.78 = 0.300050 rounds to 0.3000, within the 0.30 limit; 1000 / 3332.77 = 0.300051 does not.
    assert (
        "Com um fiador (o já indicado na candidatura ou outro) com identidade confirmada e rendimento mensal "
        "comprovado de pelo menos 3 332,78 €, o resultado da avaliação melhoraria." in sentences
    )
    assert any("a guarantor (the one already in the application or another)" in s for s in english)
    assert not any("3 000,00 €" in s or "Rui" in s for s in sentences)


def test_a_covering_guarantor_has_nothing_to_change() -> None:
    form = form_for(agency(), price="1000")
    maria = person(form, income=Decimal("1500.00"))
    rui = person(form, role="GUARANTOR", name="Rui Manuel Costa", nif=make_nif(777), income=Decimal("4000.00"))
    _, report = screened(form, maria, rui)
    explanation = applicant_explanation(applicant=rui.applicant, report=report)

    assert explanation["checks"][2]["passed"] and explanation["what_would_change"] == []
    # The tenant's HIGH was lowered to MEDIUM by the guarantor; another guarantor changes nothing more.
    assert report.risk_level == "MEDIUM"
    assert "guarantor_income" not in by_kind(outcome_changes(applicant=maria.applicant, report=report))


def test_a_student_with_no_income_and_a_covering_guarantor_reads_plainly_to_staff() -> None:
    """The cases probe's h4: the staff text said "Rendimento mensal conjunto de 1 arrendatário(s): —" and
    "nenhum comprovativo de rendimentos pertence ao candidato" of a student who sent none."""
    form = form_for(agency(), price="800")
    ines = person(form, name="Inês Sofia Matos", nif=make_nif(31), income=None)
    rui = person(form, role="GUARANTOR", name="Rui Manuel Costa", nif=make_nif(777), income=Decimal("4000.00"))
    _, report = screened(form, ines, rui)

    # No income is money alone: a covering guarantor lowers HIGH by one level (docs/api.md, Households).
    assert report.risk_level == "MEDIUM"
    assert "Rendimento do arrendatário não comprovado." in report.justification
    # She sent none: said so, not "none in the candidate's name" (blind probe r70a, F12).
    assert "arrendatário principal: não foi enviado nenhum comprovativo de rendimentos" in report.justification
    assert "arrendatário(s)" not in report.justification and "—" not in report.justification
    # Her own page says nothing was sent, not that something sent was not read (e2e probe 19).
    her_income = next(e for e in applicant_explanation(applicant=ines.applicant, report=report)["checks"]
                      if e["name"] == "income")  # fmt: skip
    assert "não recebemos nenhum comprovativo de rendimentos" in her_income["text"]

    # Two students who sent none: each said so, in one sentence, not as another person's proofs (blind probe r72b).
    students = form_for(agency(), price="800")
    tiago = person(students, role="CO_TENANT", name="Tiago Matos", nif=make_nif(32), income=None)
    ines_again = person(students, name="Inês Sofia Matos", nif=make_nif(33), income=None)
    guarantor = person(students, role="GUARANTOR", name="Rui Manuel Costa", nif=make_nif(778), income=Decimal("4000"))
    _, both = screened(students, ines_again, tiago, guarantor)
    assert (
        "arrendatário principal e coarrendatário: não foi enviado nenhum comprovativo de rendimentos"
        in both.justification
    )
    assert "em nome do candidato" not in both.justification

    couple_form = form_for(agency())
    maria, joao = couple(couple_form)
    _, together = screened(couple_form, maria, joao)
    assert "Rendimento mensal conjunto dos 2 arrendatários: 2 734,56 €." in together.justification
    assert "fora da soma" not in together.justification

    # A co-tenant whose income could not be proven is named as left out of the sum, not hidden in it.
    unproven = person(couple_form, role="CO_TENANT", name="João Pedro Pereira", nif=make_nif(4242), income=None)
    _, without = screened(couple_form, maria, unproven)
    # The sum says it is one income of the two (e2e probe c30 read "conjunto dos 2" as two added).
    assert "Rendimento mensal comprovado de 1 dos 2 arrendatários: 1 500,00 €." in without.justification
    assert "conjunto" not in without.justification
    assert "Sem rendimento comprovado, fora da soma: coarrendatário." in without.justification


def test_someone_the_report_does_not_cover_gets_no_checks() -> None:
    form = form_for(agency())
    maria = person(form)
    stranger = person(form, name="Ana Rita Sousa", nif=make_nif(99))
    _, report = screened(form, maria)
    explanation = applicant_explanation(applicant=stranger.applicant, report=report)

    assert explanation["checks"] == [] and explanation["what_would_change"] == []
    assert outcome_changes(applicant=stranger.applicant, report=report) == []


# --- The agency's choice, the language, a stored report ----------------------------------------------


@pytest.mark.parametrize("shown", [True, False])
def test_the_risk_word_is_there_only_when_the_agency_shows_it(shown: bool) -> None:
    form = form_for(agency(show_risk_to_applicant=shown))
    maria = person(form, income=Decimal("1500.00"))
    _, report = screened(form, maria)
    explanation = applicant_explanation(applicant=maria.applicant, report=report)

    assert ("risk_level" in explanation) is shown
    if shown:
        assert explanation["risk_level"] == "HIGH"


def test_english_says_the_same_in_english() -> None:
    form = form_for(agency())
    maria = person(form, income=Decimal("1500.00"))
    _, report = screened(form, maria)
    english = applicant_explanation(applicant=maria.applicant, report=report, language="en")
    portuguese = applicant_explanation(applicant=maria.applicant, report=report)

    assert [c["passed"] for c in english["checks"]] == [c["passed"] for c in portuguese["checks"]]
    assert english["dti_ratio"] == portuguese["dti_ratio"]
    assert "Citizen Card" in english["checks"][0]["text"]
    assert "2025 IRS tax document: €1,500.00 per month" in english["checks"][1]["text"]
    assert "46.67%" in english["checks"][2]["text"] and "is 40%." in english["checks"][2]["text"]
    assert english["what_would_change"][0] == (
        "With €249.79 more verified income a month, that is at least €1,749.79, the outcome of the assessment would "
        "improve."
    )
    assert "rendimento" not in whole_text(english)


def test_english_names_the_payslip_months_and_how_many_more_are_needed() -> None:
    form = form_for(agency())
    maria = person(form, income=None, months=2)
    _, report = screened(form, maria)
    english = applicant_explanation(applicant=maria.applicant, report=report, language="en")

    assert "payslips for 2 months (September and October 2026), where 3 are needed" in english["checks"][1]["text"]
    assert english["what_would_change"][0].startswith("With one more payslip for another month")


@pytest.mark.django_db
def test_a_stored_report_explains_the_same_as_the_one_built_in_memory() -> None:
    ApplicantFactory(
        form_request=IntakeFormRequestFactory(property_price=Decimal("700.00")),
        name=LEAD_NAME,
        nif=NIF,
        date_of_birth=dt.date.fromisoformat(LEAD_BIRTH),
    )
    stored = Applicant.objects.select_related("organization", "form_request").get()
    maria = person(stored.form_request, income=Decimal("1500.00"))
    maria.applicant = stored
    _, report = screened(stored.form_request, maria)
    report.save()
    reloaded = ScreeningReport.objects.get(pk=report.pk)
    applicant = Applicant.objects.select_related("organization", "form_request").get(pk=stored.pk)

    from_database = applicant_explanation(applicant=applicant, report=reloaded)
    assert from_database == applicant_explanation(applicant=stored, report=report)
    assert len(from_database["what_would_change"]) == 2


@pytest.mark.parametrize(
    ("profile", "language", "asked", "not_asked"),
    [
        ("PENSIONER", "pt-PT", "(a declaração da pensão ou o documento de IRS do último ano)", "recibos"),
        ("INDEPENDENT", "pt-PT", "(faturas-recibo de 6 meses ou o documento de IRS do último ano)", "recibos de"),
        ("", "pt-PT", "(recibos de vencimento de 3 meses ou o documento de IRS do último ano)", "pensão"),
        ("PENSIONER", "en", "(the pension statement or the latest IRS tax document)", "payslips"),
    ],
)
def test_the_proofs_asked_for_are_the_declared_profiles(
    profile: str, language: str, asked: str, not_asked: str
) -> None:
    """Cases probe 5: a pensioner with no usable proof was asked for "recibos de vencimento de 3 meses", while the
    staff's profile check rightly asked for the pension statement."""
    form = form_for(agency())
    maria = person(form, income=None)
    state = initial_state(form, [maria])
    state["applicant"]["income_profile"] = profile
    report = report_of(rules_run(state), maria.applicant)
    changes = applicant_explanation(applicant=maria.applicant, report=report, language=language)["what_would_change"]
    text = " ".join(changes)
    assert asked in text and not_asked not in text
