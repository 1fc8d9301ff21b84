"""Blind probe r77d, F1: a student who sent no proof of income read "não foi enviado nenhum comprovativo de
rendimentos" on a first submission, but the same person with the same files for a second room (students apply for
several) read "não há comprovativos de rendimentos em nome do candidato", which staff read as someone else's
documents. The card sent before carried an authenticity note ("documento já enviado antes pela mesma pessoa"), whose
check names the card, and any check naming a document was taken for a proof sent. Whether one was sent is now said
from the files sent as proofs of income for this application."""

from __future__ import annotations

from typing import Any

import pytest

from screening.assessors import RulesAssessor
from screening.graph import run_screening
from screening.rules.report import REASON_TEXT
from screening.selectors import screening_state_build
from tests.factories import OrganizationFactory
from tests.unit.test_cases15_screening import applicant_in, card_fields, cc_number, stored
from tests.unit.test_household_r74c import PENSIONER, pension
from tests.unit.test_rules import NIF, THREE_MONTHS, id_document, payslip, screen
from tests.unit.test_rules_household_currency import MONTHS, PARTNER, PORTO, household_screened
from tests.unit.test_rules_household_currency import payslip as household_payslip
from tests.unit.test_what_happened_r70a import reasons_of

NONE_SENT = "não foi enviado nenhum comprovativo de rendimentos"
SENT_BEFORE = {
    "code": "DOCUMENT_SENT_BEFORE",
    "severity": "LOW",
    "evidence": {"match": "file"},
    "explanation": "A mesma pessoa já enviou este documento noutra candidatura desta agência.",
    "source": "reuse",
}


def card(*, sent_before: bool, **overrides: Any) -> dict[str, Any]:
    document = id_document(**overrides)
    return {**document, "reuse": [SENT_BEFORE]} if sent_before else document


def test_a_person_with_no_proof_reads_none_sent_on_the_first_and_a_repeated_submission() -> None:
    for sent_before in (False, True):
        result = screen([card(sent_before=sent_before)])
        reasons = reasons_of(result["report"]["justification"])
        assert NONE_SENT in reasons, sent_before
        assert REASON_TEXT["no_attributable_income"] not in reasons
    # The note on the card is still there, for staff to weigh.
    assert any(c["name"] == "authenticity.document" for c in result["income"]["checks"])
    assert result["income"]["proofs_sent"] == 0


def test_another_person_s_payslips_keep_their_words_beside_a_card_sent_before() -> None:
    """Guard: proofs of another person sent with a card sent before are still not in the candidate's name."""
    others = [payslip(p, employee_name="Rui Manuel Vaz", employee_nif="253829712") for p in THREE_MONTHS]
    result = screen([card(sent_before=True), *others])
    assert REASON_TEXT["no_attributable_income"] in reasons_of(result["report"]["justification"])
    assert result["income"]["proofs_sent"] == 3


def student_and_guarantor(*, sent_before: bool, guarantor_documents: list[dict[str, Any]]) -> str:
    """A student who sent only their card, for a room of 450,00 €, and a pensioner guarantor."""
    student = card(sent_before=sent_before, nif=PARTNER["nif"], full_name=PARTNER["name"])
    members = [
        {"applicant_id": "t", "role": "TENANT", "applicant": PARTNER, "documents": [student]},
        {"applicant_id": "g", "role": "GUARANTOR", "applicant": PENSIONER, "documents": guarantor_documents},
    ]
    return household_screened(members, rent="450")[1]


def test_a_student_with_a_guarantor_reads_none_sent_on_the_first_and_a_repeated_submission() -> None:
    covering = [pension("2026-11-10", issuer="SEGURANCA_SOCIAL", net=1800.0, payments=14)]
    for sent_before in (False, True):
        report = student_and_guarantor(sent_before=sent_before, guarantor_documents=covering)
        assert f"arrendatário principal: {NONE_SENT}" in report, sent_before
        assert REASON_TEXT["no_attributable_income"] not in report


def test_a_guarantor_who_sent_only_a_card_sent_before_is_said_to_have_sent_no_proof() -> None:
    guarantor_card = {**card(sent_before=True), "document_id": "id-g"}
    tenant = [household_payslip(PARTNER, m, 700.0, PORTO) for m in MONTHS]
    members = [
        {"applicant_id": "t", "role": "TENANT", "applicant": PARTNER, "documents": tenant},
        {"applicant_id": "g", "role": "GUARANTOR", "applicant": PENSIONER, "documents": [guarantor_card]},
    ]
    report = household_screened(members, rent="450")[1]
    assert "o rendimento do fiador não está comprovado: não enviou nenhum comprovativo de rendimentos" in report


@pytest.mark.django_db
def test_a_student_applying_again_with_the_same_card_reads_none_sent_as_the_first_time() -> None:
    """Through the selectors' state: the second room's submission carries the card's reuse note (the same file, the
    same person) and still reads that no proof was sent."""
    organization = OrganizationFactory()
    card_file = card_fields(nif=NIF, number=cc_number("123456780"))
    justifications, notes = [], []
    for _ in range(2):
        applicant = applicant_in(organization, NIF)
        stored(applicant, sha256="same-card".ljust(64, "0"), kind="CARTAO_CIDADAO", fields=card_file)
        result = run_screening(screening_state_build(applicant=applicant), RulesAssessor())
        justifications.append(reasons_of(result["report"]["justification"]))
        notes.append([c for c in result["income"]["checks"] if c["name"] == "authenticity.document"])
    assert notes[0] == [] and notes[1] != []  # the second is the repeat the probe saw
    for reasons in justifications:
        assert NONE_SENT in reasons
        assert REASON_TEXT["no_attributable_income"] not in reasons
