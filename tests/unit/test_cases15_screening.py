"""Cases probe 15: what the report and the applicant were told about documents that were theirs.

K05: a Cartão de Cidadão and payslips printing one NIF, the NIF typed with a typo: the NIF conflict is named (not
"no proof of income in the candidate's name", not payslips "in another person's name"), and the same person applying
again with the NIF corrected is recognised by her card's number, not flagged for reusing her own documents.
K13: three payslips in one file, only the latest read: said, and each month asked for as its own file.
K12: the same payslip sent twice: counted once, and said.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

import pytest

from applicants.crypto import nif_index_for
from applicants.identifiers import cc_check_digit
from applicants.models import Applicant
from documents.models import Document, DocumentStatus, ExtractedData
from screening.assessors import RulesAssessor
from screening.explanation import applicant_explanation
from screening.graph import run_screening
from screening.rules.income import OWN_NAME_OTHER_NIF
from screening.selectors import SAME_HOLDER_TEXT, reuse_signals
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, OrganizationFactory
from tests.unit.test_explanation import agency, form_for, person, screened
from tests.unit.test_rules import NIF, THREE_MONTHS, id_document, payslip, screen, state

# A valid NIF one digit off NIF's (its check digit holds): the typo.
TYPO_NIF = "245718940"


def checks_named(result: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [c for c in result["identity"]["checks"] + result["income"]["checks"] if c["name"] == name]


def typo_state_documents() -> list[dict[str, Any]]:
    """Her card and her payslips print NIF; she typed TYPO_NIF."""
    return [id_document(), *(payslip(p) for p in THREE_MONTHS)]


# --- K05: the NIF typed with a typo, against her own card and payslips --------------------------------------------


def test_a_typo_in_the_nif_the_card_and_own_payslips_contradict_is_named_as_the_reason() -> None:
    state_documents = typo_state_documents()
    result = screen(state_documents)  # NIF typed: the right one
    assert result["affordability"]["risk_level"] == "LOW"
    typo = screen_typed(state_documents, nif=TYPO_NIF)
    justification = typo["report"]["justification"]
    assert typo["affordability"]["risk_level"] == "HIGH"
    assert not typo["identity"]["verified"] and typo["identity"]["nif_conflict"]
    [conflict] = checks_named(typo, "identity.nif_documents")
    assert not conflict["passed"]
    assert (
        "O documento de identificação e 3 comprovativos de rendimentos em nome do candidato mostram o mesmo NIF"
        in (conflict["evidence"])
    )
    assert "nif_differs_from_documents" in typo["affordability"]["reasons"]
    assert "no_attributable_income" not in typo["affordability"]["reasons"]
    assert "o NIF indicado difere do NIF do documento de identificação e dos comprovativos de rendimentos" in (
        justification
    )
    assert "não há comprovativos de rendimentos em nome do candidato" not in justification
    # Sent, not missing: no "Em falta … recibos de vencimento" for the payslips she sent.
    assert "Em falta" not in justification
    assert "corrija-o nos dados do candidato (retificação)" in justification
    assert "nova candidatura" not in justification
    owners = checks_named(typo, "income.payslip_owner")
    assert len(owners) == 3 and all(not c["passed"] and OWN_NAME_OTHER_NIF in c["evidence"] for c in owners)
    assert all("não pertence ao candidato" not in c["evidence"] for c in owners)


def screen_typed(documents: list[dict[str, Any]], *, nif: str) -> dict[str, Any]:
    """``screen`` with another NIF typed than the documents'."""
    typed = state(documents)
    typed["applicant"] = {**typed["applicant"], "nif": nif}
    return dict(run_screening(typed, RulesAssessor()))  # type: ignore[arg-type]


def test_a_card_confirming_the_nif_typed_leaves_namesake_payslips_an_income_question_worded_as_such() -> None:
    other_nif = [id_document(), *(payslip(p, employee_nif=TYPO_NIF) for p in THREE_MONTHS)]
    result = screen(other_nif)
    assert result["identity"]["verified"] and checks_named(result, "identity.nif_documents") == []
    assert result["affordability"]["risk_level"] == "HIGH"
    # Said as its checks say it, in the applicant's name with another NIF (blind probe r69b, F6), not "none in their
    # name".
    assert "own_income_other_nif" in result["affordability"]["reasons"]
    assert "no_attributable_income" not in result["affordability"]["reasons"]
    owners = checks_named(result, "income.payslip_owner")
    assert all(OWN_NAME_OTHER_NIF in c["evidence"] for c in owners)
    # Another name and another NIF: another person's, as before.
    others = screen(
        [id_document(), *(payslip(p, employee_nif=TYPO_NIF, employee_name="Rui Costa") for p in THREE_MONTHS)]
    )
    assert all(
        "não pertence ao candidato (por NIF)" in c["evidence"] for c in checks_named(others, "income.payslip_owner")
    )
    # A card printing another NIF with no proof of income to compare: the NIF check alone, no conflict named.
    alone = screen_typed([id_document()], nif=TYPO_NIF)
    assert checks_named(alone, "identity.nif_documents") == [] and not alone["identity"]["nif_conflict"]


def test_the_applicant_is_told_her_own_payslips_carry_another_nif_and_to_correct_it() -> None:
    form = form_for(agency())
    member = person(form, nif=TYPO_NIF, income=None)
    # Her card and payslips print NIF, her name: she typed TYPO_NIF.
    documents = [id_document(), *(payslip(p) for p in THREE_MONTHS)]
    member = dataclasses.replace(member, documents=documents)
    result, report = screened(form, member)
    assert result["affordability"]["risk_level"] == "HIGH"
    explanation = applicant_explanation(applicant=member.applicant, report=report)
    income = next(c for c in explanation["checks"] if c["name"] == "income")
    assert "3 recibos de vencimento em seu nome, mas com outro NIF que não o que indicou" in income["text"]
    assert "outra pessoa" not in income["text"]
    assert explanation["what_would_change"][0].startswith("Confirme o NIF que indicou")
    # Staff correct it (rectification): someone who submitted gets no new link (blind probe r75c, S09).
    assert "peça à agência que corrija o NIF nos seus dados" in explanation["what_would_change"][0]
    assert "nova ligação" not in explanation["what_would_change"][0]
    english = applicant_explanation(applicant=member.applicant, report=report, language="en")
    assert "3 payslips in your name, but with another NIF" in " ".join(c["text"] for c in english["checks"])
    assert english["what_would_change"][0].startswith("Check the NIF you gave")
    assert "ask the agency to correct the NIF" in english["what_would_change"][0]
    assert "new link" not in english["what_would_change"][0]


# --- K05, second part: the same person under the corrected NIF ---------------------------------------------------


def cc_number(first_nine: str) -> str:
    return f"{first_nine[:8]} {first_nine[8]} ZZ{cc_check_digit(first_nine + 'ZZ')}"


def stored(applicant: Applicant, *, sha256: str, kind: str, fields: dict[str, Any]) -> Document:
    document = Document.objects.create(
        organization=applicant.organization,
        applicant=applicant,
        document_type="ID_DOCUMENT" if kind == "CARTAO_CIDADAO" else "PROOF_OF_INCOME",
        storage_key=f"documents/{uuid.uuid4()}.pdf",
        original_filename="f.pdf",
        content_type="application/pdf",
        sha256=sha256,
        size=10,
        status=DocumentStatus.EXTRACTED,
    )
    ExtractedData.objects.create(document=document, kind=kind, fields=fields, method="text", extractor="t")
    return Document.objects.select_related("extracted").get(id=document.id)


def card_fields(*, nif: str | None, number: str) -> dict[str, Any]:
    return {"full_name": "Maria Santos", "document_number": number, "date_of_birth": "1990-06-15", "nif": nif}


def send(applicant: Applicant, *, card: dict[str, Any], files: str = "a") -> list[Document]:
    return [
        stored(applicant, sha256=f"{files}-card".ljust(64, "0"), kind="CARTAO_CIDADAO", fields=card),
        stored(applicant, sha256=f"{files}-slip".ljust(64, "0"), kind="RECIBO_VENCIMENTO", fields={"net_pay": "1"}),
    ]


def applicant_in(organization: Any, nif: str) -> Applicant:
    form = IntakeFormRequestFactory(organization=organization)
    return ApplicantFactory(form_request=form, nif=nif, nif_index=nif_index_for(nif))  # type: ignore[return-value]


def codes(found: dict[str, list[dict[str, Any]]]) -> set[tuple[str, str]]:
    return {(s["code"], s["severity"]) for signals in found.values() for s in signals}


@pytest.mark.django_db
def test_the_same_card_holder_applying_again_with_the_nif_corrected_is_the_same_person() -> None:
    organization = OrganizationFactory()
    number = cc_number("123456780")
    typo = applicant_in(organization, TYPO_NIF)
    send(typo, card=card_fields(nif=NIF, number=number))
    corrected = applicant_in(organization, NIF)
    documents = send(corrected, card=card_fields(nif=NIF, number=number))
    found = reuse_signals(applicant=corrected, documents=documents)
    assert codes(found) == {("DOCUMENT_SENT_BEFORE", "LOW")}
    signals = [s for signals in found.values() for s in signals]
    assert all(s["explanation"] == SAME_HOLDER_TEXT for s in signals)
    assert all(s["evidence"]["other_applicant_ids"] == [str(typo.id)] for s in signals)
    assert NIF not in str(found) and number not in str(found)


@pytest.mark.django_db
def test_another_persons_card_or_another_agency_is_not_the_same_person() -> None:
    organization = OrganizationFactory()
    number = cc_number("123456780")
    owner = applicant_in(organization, NIF)
    send(owner, card=card_fields(nif=NIF, number=number))
    # The owner's card sent under one's own NIF: the card prints another NIF, so it does not vouch for this person.
    borrower = applicant_in(organization, TYPO_NIF)
    documents = send(borrower, card=card_fields(nif=NIF, number=number))
    assert codes(reuse_signals(applicant=borrower, documents=documents)) == {("DOCUMENT_REUSED", "HIGH")}
    # A number whose check character fails vouches for nothing.
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    send(applicant_in(organization, "123456789"), card=card_fields(nif=None, number=wrong), files="b")
    unchecked = applicant_in(organization, "213509628")
    documents = send(unchecked, card=card_fields(nif=None, number=wrong), files="b")
    assert codes(reuse_signals(applicant=unchecked, documents=documents)) == {("DOCUMENT_REUSED", "HIGH")}
    # The same card holder in another agency: nothing compared across agencies beyond the documented signal.
    elsewhere = applicant_in(OrganizationFactory(), "213509628")
    documents = send(elsewhere, card=card_fields(nif="213509628", number=number))
    assert codes(reuse_signals(applicant=elsewhere, documents=documents)) == {("DOCUMENT_SEEN_IN_OTHER_AGENCY", "HIGH")}


# --- K13: three payslips in one file -------------------------------------------------------------------------------


def screen_employee(documents: list[dict[str, Any]]) -> dict[str, Any]:
    """``screen`` for a person who declared the employee profile (the report then lists what is missing)."""
    typed = state(documents)
    typed["applicant"] = {**typed["applicant"], "income_profile": "EMPLOYEE"}
    return dict(run_screening(typed, RulesAssessor()))  # type: ignore[arg-type]


def test_a_file_of_several_payslips_is_said_and_each_month_is_asked_as_its_own_file() -> None:
    result = screen_employee([id_document(), payslip("2026-10", warnings=["multiple_payslips"])])
    assert result["affordability"]["risk_level"] == "MEDIUM"
    [combined] = checks_named(result, "income.payslip_file_combined")
    assert not combined["passed"] and combined["document_id"] == "p-2026-10"
    assert "o ficheiro tinha vários recibos de vencimento e só o mais recente foi lido" in combined["evidence"]
    assert "envie cada mês num ficheiro à parte" in combined["evidence"]
    assert "cada mês num ficheiro à parte" in result["report"]["justification"]
    # One payslip per file says nothing of the kind.
    plain = screen_employee([id_document(), payslip("2026-10")])
    assert checks_named(plain, "income.payslip_file_combined") == []
    assert "ficheiro à parte" not in plain["report"]["justification"]


def test_a_file_of_two_workers_payslips_is_said_to_hold_another_persons() -> None:
    # Blind probe r46b: the extraction tells two people's slips in one PDF apart (multiple_employees); the report
    # said only "other months".
    warnings = ["multiple_payslips", "multiple_employees"]
    [combined] = checks_named(screen_employee([id_document(), payslip("2026-10", warnings=warnings)]),
                              "income.payslip_file_combined")  # fmt: skip
    assert "recibos de vencimento de mais de uma pessoa" in combined["evidence"]
    assert "os de outra pessoa não contam: envie só os seus recibos" in combined["evidence"]
    assert "os outros meses" not in combined["evidence"]


def test_the_applicant_is_told_the_file_held_several_payslips_and_to_send_each_month_apart() -> None:
    form = form_for(agency())
    member = person(form, income=None, extra=(payslip("2026-10", warnings=["multiple_payslips"]),))
    result, report = screened(form, member)
    assert result["affordability"]["risk_level"] == "MEDIUM"
    explanation = applicant_explanation(applicant=member.applicant, report=report)
    income = next(c for c in explanation["checks"] if c["name"] == "income")
    assert "Um ficheiro que enviou tinha vários recibos de vencimento: só foi lido o mais recente" in income["text"]
    asked = [s for s in explanation["what_would_change"] if "recibos de vencimento de meses diferentes" in s]
    assert asked and all("cada mês num ficheiro à parte" in s for s in asked)


# --- K12: the same payslip twice -------------------------------------------------------------------------------------


def test_a_payslip_sent_twice_is_counted_once_and_said() -> None:
    october = payslip("2026-10", employer_name="Limpezas Lda", employer_nif="503504564")
    again = {**october, "document_id": "p-2026-10-again"}
    result = screen(
        [id_document(), october, again, payslip("2026-09", employer_name="Limpezas Lda", employer_nif="503504564")]
    )
    assert result["income"]["months_verified"] == 2
    [repeated] = checks_named(result, "income.payslip_repeated")
    assert repeated["passed"] and repeated["document_id"] == "p-2026-10-again"
    assert (
        "recibo repetido, o mesmo de um recibo já contado" in repeated["evidence"]
        and "contado uma vez" in repeated["evidence"]
    )
    assert result["affordability"]["risk_level"] == "MEDIUM"
    # Two jobs in one month are two incomes, not a repeat.
    second_job = payslip("2026-10", 800.0, employer_name="Outra Lda", employer_nif="509999990")
    jobs = screen([id_document(), october, {**second_job, "document_id": "p-job2"}])
    assert checks_named(jobs, "income.payslip_repeated") == []
