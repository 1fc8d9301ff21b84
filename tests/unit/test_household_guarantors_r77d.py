"""Blind probe r77d: guarantors in students' households.

- F3: a guarantor whose income is proven only in part (four months of faturas-recibo of the six) was judged to cover
  on the income counted: "O fiador cobre a renda (22,22 %)" and the risk lowered one level, beside his own
  explanation "só ficou comprovado em parte". A guarantee not proven lowers no risk: the verdict says he would cover
  if the income were proven, and what is missing (docs/api.md, Households; ADR 011).

The people and figures are written here, in words of their own.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import translation

from screening.explanation import applicant_explanation
from screening.models import ScreeningReport
from screening.rules.report import changes_sentence
from tests.unit.test_explanation import agency, form_for, person, screened
from tests.unit.test_household_r74c import ENROLMENT_CERTIFICATE_REFUSED, PENSIONER, failed_proof
from tests.unit.test_rules import id_document
from tests.unit.test_rules_household_currency import MONTHS, PARTNER, PORTO, household_screened, in_pounds, payslip

SELF_EMPLOYED = {**PENSIONER, "income_profile": "SELF_EMPLOYED"}


def fatura_recibo(nif: str, issued: str, base: float) -> dict[str, Any]:
    fields = {"issuer_nif": nif, "issue_date": issued, "base_amount": base, "amount_received": base,
              "invoice_number": f"FR A/{issued}"}  # fmt: skip
    return {"document_id": f"fr-{nif}-{issued}", "status": "EXTRACTED", "kind": "FATURA_RECIBO", "fields": fields,
            "warnings": []}  # fmt: skip


def months_of_invoices(nif: str, first: int, last: int, base: float = 2250.0) -> list[dict[str, Any]]:
    return [fatura_recibo(nif, f"2026-{month:02d}-20", base) for month in range(first, last + 1)]


def student_and_guarantor(invoices: list[dict[str, Any]], *, rent: str = "500") -> tuple[dict[str, Any], str]:
    """A student with no proof of income and a self-employed guarantor paid by faturas-recibo."""
    members: list[dict[str, Any]] = [
        {"applicant_id": "t", "role": "TENANT", "applicant": PARTNER, "documents": []},
        {"applicant_id": "g", "role": "GUARANTOR", "applicant": SELF_EMPLOYED, "documents": invoices},
    ]
    return household_screened(members, rent=rent)


def test_a_guarantor_with_four_months_of_six_does_not_cover_nor_lower_the_risk() -> None:
    # August to November, 2 250,00 € each, screened 2026-12-04: 500 / 2 250,00 = 22,22 %, four months of six.
    affordability, report = student_and_guarantor(months_of_invoices(SELF_EMPLOYED["nif"], 8, 11))
    verdict = affordability["guarantor"]
    assert (verdict["covers"], verdict["income_verified"], verdict["dti_ratio"]) == (False, False, "0.2222")
    assert verdict["shortfall"] is None
    assert affordability["risk_level"] == "HIGH"
    assert "guarantor_covers" not in affordability["reasons"]
    assert "guarantor_income_partial" in affordability["reasons"]
    assert "O fiador cobre a renda" not in report
    assert (
        "O fiador cobriria a renda (taxa de esforço do fiador 22,22 %, limite 30 %) se o rendimento ficasse "
        "comprovado, mas só está comprovado em parte (faltam faturas-recibo de mais 2 meses distintos, necessários 6 "
        "dos últimos 12): não baixa o risco." in report
    )
    assert "o rendimento do fiador só está comprovado em parte" in report
    household_check = next(c for c in affordability["checks"] if c["name"] == "household.guarantor_covers")
    assert not household_check["passed"] and "só em parte" in household_check["evidence"]


def test_a_guarantor_with_six_months_still_covers_and_lowers_the_risk() -> None:
    """Guard: June to November proven in full reads as before."""
    affordability, report = student_and_guarantor(months_of_invoices(SELF_EMPLOYED["nif"], 6, 11))
    verdict = affordability["guarantor"]
    assert (verdict["covers"], verdict["income_verified"]) == (True, True)
    assert affordability["risk_level"] == "MEDIUM"
    assert "O fiador cobre a renda (taxa de esforço do fiador 22,22 %, limite 30 %)." in report


def test_a_partly_proven_guarantor_short_of_income_is_still_short() -> None:
    """Guard: four months at 1 000,00 € a month (50 %) read as not enough income, with the shortfall."""
    affordability, report = student_and_guarantor(months_of_invoices(SELF_EMPLOYED["nif"], 8, 11, base=1000.0))
    verdict = affordability["guarantor"]
    assert verdict["covers"] is False and verdict["shortfall"] == "666.39"
    assert "O fiador não cobre a renda (taxa de esforço 50 %, limite 30 %): faltam 666,39 €" in report


def test_what_changed_says_the_guarantors_income_was_partly_proven() -> None:
    before = {"created_at": "2026-11-20T10:00:00+00:00", "risk_level": "HIGH", "identity_verified": True,
              "average_monthly_income": None, "dti_ratio": None}  # fmt: skip
    partly = {"covers": False, "income_verified": False, "dti_ratio": "0.2222", "shortfall": None,
              "threshold": "0.300", "income_needed": "1666.39"}  # fmt: skip
    covering = {**partly, "covers": True, "income_verified": True}
    after = {key: value for key, value in before.items() if key != "created_at"}
    sentence = changes_sentence(
        {**before, "guarantor": partly}, {**after, "risk_level": "MEDIUM", "guarantor": covering}
    )
    assert sentence.endswith("fiador: não cobre (rendimento comprovado só em parte) → cobre a renda."), sentence


def test_the_guarantors_own_explanation_agrees_that_he_does_not_cover_yet() -> None:
    form = form_for(agency(), price="500")
    student = person(form, income=None)
    father = person(form, role="GUARANTOR", name="Rui Moreira", nif="288966171", income=None,
                    extra=tuple(months_of_invoices("288966171", 7, 10)))  # fmt: skip
    state, report = screened(form, student, father)
    assert state["affordability"]["guarantor"]["covers"] is False
    explanation = applicant_explanation(applicant=father.applicant, report=report)
    guarantor_line = next(c for c in explanation["checks"] if c["name"] == "guarantor")
    assert guarantor_line["passed"] is False
    assert "só ficou comprovado em parte" in guarantor_line["text"]
    assert "pode garantir esta candidatura" not in guarantor_line["text"].replace("poderá garantir", "")
    assert explanation["what_would_change"], explanation
    assert any("faturas-recibo" in s for s in explanation["what_would_change"]), explanation["what_would_change"]
    assert report.risk_level == "HIGH" and Decimal(str(report.household["guarantor"]["dti_ratio"])) <= Decimal("0.30")


PARTLY_PROVEN = {"applicant_id": "g", "covers": False, "identity_verified": True, "income_verified": False,
                 "dti_ratio": "0.2222", "threshold": "0.300", "income_needed": "1666.39", "shortfall": None}  # fmt: skip


def test_the_report_pdf_and_the_admin_say_the_guarantors_income_is_proven_only_in_part() -> None:
    from screening.admin import guarantor_html
    from workspace.report_pdf import guarantor_view

    assert guarantor_view(PARTLY_PROVEN, can_view_pii=True)["income_partial"] is True
    with translation.override("pt-pt"):
        html = str(guarantor_html(PARTLY_PROVEN))
    assert "O fiador não cobre o encargo" in html and "rendimento do fiador comprovado só em parte" in html
    # Guard: a verdict stored before income_verified existed, and one proven in full, say nothing of it.
    for verdict in ({**PARTLY_PROVEN, "covers": True, "income_verified": True},
                    {k: v for k, v in PARTLY_PROVEN.items() if k != "income_verified"}):  # fmt: skip
        assert guarantor_view(verdict, can_view_pii=True)["income_partial"] is False
        with translation.override("pt-pt"):
            assert "só em parte" not in str(guarantor_html(verdict))


# --- F5: several guarantors, each judged alone against the whole rent (art. 649.º Código Civil) -----------------

FATHER = {"nif": "123456789", "name": "Abel Pinto Sousa", "date_of_birth": "1970-03-01", "income_profile": "EMPLOYEE"}
MOTHER = {"nif": "111111111", "name": "Berta Lima Sousa", "date_of_birth": "1972-05-09", "income_profile": "EMPLOYEE"}


def student_and_parents(*nets: float, rent: str = "700") -> tuple[dict[str, Any], str]:
    """A student with no proof of income and one guarantor a net pay (x 14 / 12), paid by one employer each."""
    members: list[dict[str, Any]] = [{"applicant_id": "t", "role": "TENANT", "applicant": PARTNER, "documents": []}]
    for number, (parent, net) in enumerate(zip((FATHER, MOTHER), nets, strict=False), start=1):
        slips = [payslip(parent, month, net, PORTO) for month in MONTHS]
        members.append({"applicant_id": f"g{number}", "role": "GUARANTOR", "applicant": parent, "documents": slips})
    return household_screened(members, rent=rent)


def test_two_guarantors_neither_covering_say_how_many_and_which_one_falls_short() -> None:
    # 1 400,00 x 14 / 12 = 1 633,33 € (42,86 %) and 1 200,00 x 14 / 12 = 1 400,00 € (50 %): neither covers 700,00 €.
    affordability, report = student_and_parents(1400.0, 1200.0)
    assert affordability["guarantor"]["applicant_id"] == "g1"
    assert (
        "Há 2 fiadores, cada um avaliado sozinho contra a renda toda, e nenhum cobre sozinho a renda; o mais perto de "
        "cobrir, o fiador 1, não cobre a renda (taxa de esforço 42,86 %, limite 30 %): faltam 699,62 € de rendimento "
        "mensal." in report
    )
    assert "nenhum dos fiadores tem sozinho rendimento suficiente para garantir a renda" in report
    assert "O fiador não cobre" not in report


def test_of_two_guarantors_the_one_who_covers_is_named_by_number() -> None:
    affordability, report = student_and_parents(1400.0, 3000.0)
    assert affordability["guarantor"]["applicant_id"] == "g2" and affordability["risk_level"] == "MEDIUM"
    assert (
        "Há 2 fiadores, cada um avaliado sozinho contra a renda toda, e só um cobre sozinho a renda: o fiador 2 "
        in report
    )
    assert "o fiador 2 cobre a renda (taxa de esforço do fiador 20 %, limite 30 %)." in report
    _, report = student_and_parents(3400.0, 3000.0)
    assert "e 2 cobrem sozinhos a renda; o de menor taxa de esforço, o fiador 1, cobre a renda" in report


def test_one_guarantor_reads_as_before() -> None:
    """Guard: a single guarantor is 'O fiador', with no count."""
    _, report = student_and_parents(1400.0)
    assert "O fiador não cobre a renda (taxa de esforço 42,86 %, limite 30 %): faltam 699,62 €" in report
    assert "o fiador não tem rendimento suficiente para garantir a renda" in report
    assert "fiadores" not in report


def test_the_report_pdf_numbers_several_guarantors_and_says_whom_the_verdict_is_about() -> None:
    from workspace.report_pdf import guarantor_view, numbered_guarantors

    people = [{"applicant_id": "t", "role": "TENANT", "role_label": "Arrendatário", "name": "C*** S***"},
              {"applicant_id": "g1", "role": "GUARANTOR", "role_label": "Fiador", "name": "A*** S***"},
              {"applicant_id": "g2", "role": "GUARANTOR", "role_label": "Fiador", "name": "B*** S***"}]  # fmt: skip
    numbered_guarantors(people)
    assert [p["role_label"] for p in people] == ["Arrendatário", "Fiador 1", "Fiador 2"]
    verdict = {**PARTLY_PROVEN, "applicant_id": "g2", "covers": True, "income_verified": True}
    assert guarantor_view(verdict, can_view_pii=False, people=people)["who"] == "O fiador 2 (B*** S***)"
    # Guard: one guarantor stays 'Fiador', 'O fiador'.
    alone = people[:2]
    alone[1]["role_label"] = "Fiador"
    numbered_guarantors(alone)
    assert alone[1]["role_label"] == "Fiador"
    assert guarantor_view({**verdict, "applicant_id": "g1"}, can_view_pii=False, people=alone)["who"] == "O fiador"


# --- F4: a guarantor's identity not confirmed says why ---------------------------------------------------------------


def guarantor_with_card(expiry: str) -> tuple[dict[str, Any], ScreeningReport]:
    """A student on no income (rent 400,00 €) and a mother with 2 500,00 € by IRS and a Cartão de Cidadão."""
    form = form_for(agency(), price="400")
    student = person(form, income=None)
    mother = person(form, role="GUARANTOR", name="Maria João Santos", nif="288966171", income=Decimal("2500.00"))
    mother.documents[0] = id_document(nif="288966171", expiry_date=expiry)
    return screened(form, student, mother, graph=False)


def test_a_guarantors_expired_card_is_named_as_the_reason_her_identity_is_not_confirmed() -> None:
    # Screened 2026-11-23: the card expired on 31/10/2026.
    state, report = guarantor_with_card("2026-10-31")
    assert state["affordability"]["guarantor"]["identity_verified"] is False
    assert "Identidade não confirmada: fiador (documento caducado em 31/10/2026)." in report.justification
    assert "guarantor_identity_not_verified" in state["affordability"]["reasons"]


def test_a_guarantors_valid_card_reads_as_before() -> None:
    """Guard: a card in force confirms her, and the opening says everyone's identity is."""
    _, report = guarantor_with_card("2031-05-10")
    assert "Identidade confirmada para todas as pessoas da candidatura." in report.justification
    assert "caducado" not in report.justification


def test_the_report_pdf_says_the_households_identity_line_is_the_tenants() -> None:
    from workspace.report_pdf import identity_label

    couple = {"members": [{"role": "TENANT"}, {"role": "CO_TENANT"}, {"role": "GUARANTOR"}]}
    assert identity_label(couple, listing_type="ARRENDAMENTO") == "Identidade dos arrendatários verificada"
    assert identity_label(couple, listing_type="VENDA") == "Identidade dos compradores verificada"
    student = {"members": [{"role": "TENANT"}, {"role": "GUARANTOR"}]}
    assert identity_label(student, listing_type="ARRENDAMENTO") == "Identidade do arrendatário verificada"
    # Guard: one person's report, no household, as before.
    assert identity_label({}, listing_type="ARRENDAMENTO") == "Identidade verificada"


# --- F6: one figure for the household, whichever tenant reads it -------------------------------------------------


def students_with_a_covering_mother(lead_income: str = "1283.38") -> tuple[list[Any], ScreeningReport]:
    """Rent 1 200,00 €: a working student by IRS, a co-tenant who sent only an enrolment certificate (refused for what
    it is), a mother with 4 148,67 € a month (28,92 %, covers)."""
    form = form_for(agency(), price="1200")
    lead = person(form, income=Decimal(lead_income))
    co_tenant = person(form, role="CO_TENANT", name="Sofia Lima Reis", nif="232014556", income=None,
                       extra=(failed_proof("enrolment-1", ENROLMENT_CERTIFICATE_REFUSED),))  # fmt: skip
    mother = person(form, role="GUARANTOR", name="Rosa Lima Reis", nif="288966171", income=Decimal("4148.67"))
    _, report = screened(form, lead, co_tenant, mother, graph=False)
    return [lead, co_tenant], report


def test_two_co_tenants_are_told_the_same_household_figure() -> None:
    tenants, report = students_with_a_covering_mother()
    assert report.risk_level == "MEDIUM"
    said = [applicant_explanation(applicant=t.applicant, report=report)["what_would_change"] for t in tenants]
    household = [[s for s in sentences if "por mês de rendimento comprovado" in s] for sentences in said]
    assert len(household[0]) == len(household[1]) == 1, said
    # One figure, whoever reads it; the co-tenant whose income it must be reads that it is hers.
    assert household[0][0].replace(" (o seu)", "") == household[1][0].replace(" (o seu)", ""), said
    assert "(o seu)" in household[1][0] and "(o seu)" not in household[0][0]
    # 1 200,00 / 0,40 = 3 000,00 € less 1 283,38 €, proven by the co-tenant, whose refused proof is then no reason and
    # the covering mother lowers the MEDIUM left: the least change; added to the lead's own it would not do.
    assert household[0][0].startswith("Com mais 1 716,")
    assert "de um coarrendatário" in household[0][0]


def test_a_household_figure_anyone_can_add_reads_as_before() -> None:
    """Guard: with no refused proof, the same amount added to either tenant's income: 'o seu ou de outro'."""
    form = form_for(agency(), price="1200")
    lead = person(form, income=Decimal("1283.38"))
    co_tenant = person(form, role="CO_TENANT", name="Sofia Lima Reis", nif="232014556", income=Decimal("500.00"))
    _, report = screened(form, lead, co_tenant, graph=False)
    said = [applicant_explanation(applicant=m.applicant, report=report)["what_would_change"] for m in (lead, co_tenant)]
    household = [[s for s in sentences if "por mês de rendimento comprovado" in s] for sentences in said]
    assert household[0] == household[1] and "(o seu ou de outro arrendatário)" in household[0][0], said


# --- F7: a guarantor paid in another currency is asked for what helps -------------------------------------------------


def test_a_guarantor_paid_in_pounds_is_asked_for_a_proof_in_euros_not_the_payslips_he_sent() -> None:
    form = form_for(agency(), price="600")
    student = person(form, income=None)
    father = person(form, role="GUARANTOR", name="Marco Rossi", nif="288966171", income=None)
    father.documents.extend(in_pounds({"nif": "288966171", "name": "Marco Rossi"}))
    _, report = screened(form, student, father, graph=False)
    explanation = applicant_explanation(applicant=father.applicant, report=report)
    sentence = explanation["what_would_change"][0]
    assert "em euros de pelo menos 1 999,67 €" in sentence and "noutra moeda" in sentence, sentence
    assert "recibos de vencimento de 3 meses" not in sentence
    english = applicant_explanation(applicant=father.applicant, report=report, language="en")
    assert "in another currency" in english["what_would_change"][0]


def test_a_guarantor_who_sent_no_proof_is_still_asked_for_payslips_or_irs() -> None:
    """Guard: nothing in another currency, the proofs of his profile as before."""
    form = form_for(agency(), price="600")
    student = person(form, income=None)
    father = person(form, role="GUARANTOR", name="Marco Rossi", nif="288966171", income=None)
    _, report = screened(form, student, father, graph=False)
    sentence = applicant_explanation(applicant=father.applicant, report=report)["what_would_change"][0]
    assert "(recibos de vencimento de 3 meses ou o documento de IRS do último ano)" in sentence, sentence
