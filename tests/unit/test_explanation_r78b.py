"""Blind probe r78b: the applicant's explanation of a lone tenant with a guarantor, the one-person "what would change",
the two limits of the taxa de esforço, and the limits' figures in staff's justification.

- Cause 2: a lone tenant whose application has a guarantor read of the tenants' income "em conjunto" and of "outro
  arrendatário": a guarantor is no tenant. Their page did not say that the guarantor's cover keeps their result.
- Cause 3: a one-person application read the target income, where a household reads the amount to add: both now.
- Cause 1: ``dti_limit`` is the agency's maximum; ``dti_recommended`` and the entry's ``above_recommended`` say the
  limit a ratio between the two passes the maximum but is rated MEDIUM by.
- Also seen: "a taxa de esforço está acima do limite recomendado" said no figure.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from screening.explanation import applicant_explanation
from screening.rules.affordability import least_income_within
from screening.rules.common import format_eur
from tests.factories import make_nif
from tests.unit.test_explanation import agency, form_for, person, screened, whole_text

KEEPS = "é essa garantia que mantém o resultado da avaliação onde está"


def affordability_of(explanation: dict) -> dict:
    return next(c for c in explanation["checks"] if c["name"] == "affordability")


def test_a_lone_tenant_with_a_covering_guarantor_reads_the_one_person_wording_and_what_keeps_the_result() -> None:
    # 1 200 / 1 700 = 70,59 %: HIGH, lowered to MEDIUM by a guarantor earning 4 500 € (26,67 %, within 30 %).
    form = form_for(agency(), price="1200")
    ines = person(form, name="Inês Carvalho Lopes", income=Decimal("1700.00"))
    pai = person(form, role="GUARANTOR", name="Jorge Carvalho Lopes", nif=make_nif(515), income=Decimal("4500.00"))
    state, report = screened(form, ines, pai, graph=False)
    assert state["affordability"]["risk_level"] == "MEDIUM"
    explanation = applicant_explanation(applicant=ines.applicant, report=report)
    text = affordability_of(explanation)["text"]

    assert "sobre o seu rendimento mensal comprovado" in text and "em conjunto" not in text
    assert "O fiador cobre a renda mensal: " + KEEPS in text
    # Within 40 % with the guarantor's cover lowers it to LOW: the amount more and the total, no other tenant.
    needed = least_income_within(Decimal("1200"), Decimal("0.40"))
    assert explanation["what_would_change"] == [
        f"Com mais {format_eur(needed - Decimal('1700.00'))} por mês de rendimento comprovado, ou seja, pelo menos "
        f"{format_eur(needed)}, o resultado da avaliação melhoraria."
    ]
    assert "arrendatário" not in " ".join(explanation["what_would_change"])
    # Never the guarantor's figures.
    assert "4 500,00 €" not in whole_text(explanation) and "26,67 %" not in whole_text(explanation)
    english = applicant_explanation(applicant=ines.applicant, report=report, language="en")
    assert "over your verified monthly income" in affordability_of(english)["text"]
    assert "The guarantor covers the monthly rent: that guarantee is what keeps" in affordability_of(english)["text"]
    assert "another tenant" not in whole_text(english) and "€4,500.00" not in whole_text(english)


def test_a_guarantor_who_does_not_cover_keeps_nothing_and_is_not_said_to() -> None:
    form = form_for(agency(), price="1200")
    ines = person(form, name="Inês Carvalho Lopes", income=Decimal("1700.00"))
    pai = person(form, role="GUARANTOR", name="Jorge Carvalho Lopes", nif=make_nif(515), income=Decimal("3000.00"))
    _, report = screened(form, ines, pai, graph=False)
    explanation = applicant_explanation(applicant=ines.applicant, report=report)
    assert KEEPS not in affordability_of(explanation)["text"]
    assert "sobre o seu rendimento mensal comprovado" in affordability_of(explanation)["text"]


def test_a_couple_with_a_covering_guarantor_still_reads_the_households_wording() -> None:
    """A guard: two tenants are a household; the guarantor's cover is said to them too."""
    form = form_for(agency(), price="1500")
    lead = person(form, name="Inês Carvalho Lopes", income=Decimal("1100.00"))
    partner = person(form, role="CO_TENANT", name="Rafael Sousa Nunes", nif=make_nif(616), income=Decimal("900.00"))
    mae = person(form, role="GUARANTOR", name="Paula Sousa Nunes", nif=make_nif(717), income=Decimal("6000.00"))
    _, report = screened(form, lead, partner, mae, graph=False)
    explanation = applicant_explanation(applicant=partner.applicant, report=report)
    assert "dos arrendatários em conjunto" in affordability_of(explanation)["text"]
    assert KEEPS in affordability_of(explanation)["text"]
    assert any("(o seu ou de outro arrendatário)" in s for s in explanation["what_would_change"])


def test_a_lone_tenant_with_an_unproven_income_is_asked_for_the_total_its_proofs_must_show() -> None:
    """A guard: the amount more is said of a proven income; one not proven keeps the total and the proofs."""
    form = form_for(agency(), price="900")
    # Two payslips of 1 500 €: proven only in part.
    rita = person(form, name="Rita Almeida Cruz", income=None, months=2, net=Decimal("1500.00"))
    _, report = screened(form, rita, graph=False)
    sentences = applicant_explanation(applicant=rita.applicant, report=report)["what_would_change"]
    assert any("pelo menos" in s and "(recibos de vencimento de 3 meses" in s for s in sentences), sentences
    assert not any("ou seja" in s for s in sentences)


@pytest.mark.parametrize(
    ("income", "above", "risk"),
    [
        (Decimal("1900.00"), True, "MEDIUM"),  # 700 / 1 900 = 36,84 %: within 40 %, above 35 %
        (Decimal("2100.00"), False, "LOW"),  # 33,33 %
    ],
)
def test_the_explanation_says_both_limits_and_a_ratio_between_them(income: Decimal, above: bool, risk: str) -> None:
    form = form_for(agency())
    tomas = person(form, name="Tomás Ferreira Gil", income=income)
    _, report = screened(form, tomas, graph=False)
    assert report.risk_level == risk
    explanation = applicant_explanation(applicant=tomas.applicant, report=report)
    entry = affordability_of(explanation)
    assert explanation["dti_limit"] == pytest.approx(0.40) and explanation["dti_recommended"] == pytest.approx(0.35)
    # passed keeps its meaning (within the maximum); above_recommended says the ratio past the recommended limit.
    assert entry["passed"] is True and entry["above_recommended"] is above


def test_a_guarantors_explanation_has_one_limit_in_both_fields() -> None:
    form = form_for(agency(), price="900")
    lead = person(form, name="Inês Carvalho Lopes", income=Decimal("1200.00"))
    pai = person(form, role="GUARANTOR", name="Jorge Carvalho Lopes", nif=make_nif(515), income=Decimal("3500.00"))
    _, report = screened(form, lead, pai, graph=False)
    explanation = applicant_explanation(applicant=pai.applicant, report=report)
    assert explanation["dti_limit"] == explanation["dti_recommended"] == pytest.approx(0.30)


def test_a_guarantors_own_income_change_reads_the_amount_more_and_the_total() -> None:
    form = form_for(agency(), price="1000")
    lead = person(form, name="Inês Carvalho Lopes", income=Decimal("1500.00"))
    pai = person(form, role="GUARANTOR", name="Jorge Carvalho Lopes", nif=make_nif(515), income=Decimal("3000.00"))
    _, report = screened(form, lead, pai, graph=False)
    sentences = applicant_explanation(applicant=pai.applicant, report=report)["what_would_change"]
    needed = least_income_within(Decimal("1000"), Decimal("0.30"))
    assert (
        f"Com mais {format_eur(needed - Decimal('3000.00'))} por mês de rendimento comprovado, ou seja, pelo menos "
        f"{format_eur(needed)}, poderia garantir esta candidatura." in sentences
    )


@pytest.mark.parametrize(
    ("income", "words"),
    [
        (Decimal("1800.00"), "a taxa de esforço está acima do limite recomendado (33 %)"),  # 700 / 1 800 = 38,89 %
        (Decimal("1500.00"), "a taxa de esforço excede o limite máximo da agência (45 %)"),  # 46,67 %
    ],
)
def test_the_justification_names_the_agencys_limit_the_ratio_is_past(income: Decimal, words: str) -> None:
    organization = agency(dti_medium_threshold=Decimal("0.33"), dti_high_threshold=Decimal("0.45"))
    single = person(form_for(organization), name="Tomás Ferreira Gil", income=income)
    _, report = screened(form_for(organization), single, graph=False)
    assert words in report.justification
    # And a household's, said as the household's.
    form = form_for(organization)
    lead = person(form, name="Tomás Ferreira Gil", income=income / 2)
    partner = person(form, role="CO_TENANT", name="Rafael Sousa Nunes", nif=make_nif(616), income=income / 2)
    _, household = screened(form, lead, partner, graph=False)
    assert words in household.justification
