"""Blind probe C32: who the applicant is, across their documents.

D1: an expired residence permit sent beside a valid passport failed the identity (the checks ran on the permit
alone). D3: "Jürgen Großmann" typed as printed was "only similar" to the card read "Jürgen Grossmann" (ICAO writes
ß as SS), which alone made the risk MEDIUM, and "what would change" said nothing. D6: a payslip whose name is spelled
otherwise was counted with no word to staff. The documents are the rule tests' dicts, with names and numbers of
their own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from screening.explanation import EN, applicant_explanation, outcome_changes
from screening.rules.identity import verify_identity
from screening.rules.names import mrz_name_fits, name_match, names_the_applicant
from tests.unit.test_explanation import Member, agency, form_for, person, screened
from tests.unit.test_rules import NIF, THREE_MONTHS, TODAY, id_document, payslip, screen, state

NAME, BIRTH = "Maria João Santos", "1990-06-15"


def passport(**overrides: Any) -> dict[str, Any]:
    """A valid passport: no NIF printed, MRZ check digits right."""
    fields = {"nif": None, "document_number": "FX7730418", "expiry_date": "2032-04-10", "mrz_valid": True}
    document = id_document(**{**fields, **overrides})
    return {**document, "document_id": "passport", "kind": "PASSAPORTE"}


def residence_permit(**overrides: Any) -> dict[str, Any]:
    """A título de residência sent whole (both sides in one file), printing the NIF typed: it reads more fields
    than the passport, so it was the one checked."""
    fields = {"document_number": "P7X41C2L9", "expiry_date": "2025-10-31", "mrz_valid": True, "side": "both",
              "nationality": "UKR", "sex": "F"}  # fmt: skip
    document = id_document(**{**fields, **overrides})
    return {**document, "document_id": "permit", "kind": "TITULO_RESIDENCIA", "warnings": ["document_expired"]}


def payslips() -> list[dict[str, Any]]:
    return [payslip(period) for period in THREE_MONTHS]


def named(result: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [c for c in result["identity"]["checks"] + result["income"]["checks"] if c["name"] == name]


# --- D1: several identity documents, the one that holds confirms -------------------------------------------------


@pytest.mark.parametrize("order", ["permit first", "passport first"])
def test_an_expired_residence_permit_beside_a_valid_passport_does_not_fail_the_identity(order: str) -> None:
    documents = [residence_permit(), passport()]
    if order == "passport first":
        documents.reverse()
    result = screen([*documents, *payslips()])

    assert result["identity"]["verified"]
    assert result["affordability"]["risk_level"] == "LOW"
    [read] = named(result, "identity.document_read")
    assert "(passaporte)" in read["evidence"] and read["document_id"] == "passport"
    assert all(c["passed"] for c in named(result, "identity.not_expired"))
    [note] = named(result, "identity.other_documents")
    assert note["passed"] and note["document_id"] == "permit"
    assert "título de residência (documento caducado em 31/10/2025)" in note["evidence"]
    assert "confirmada pelo passaporte" in note["evidence"]
    # The right of residence is not the screening's: no prompt to ask for more (blind probe r68a, ADR 038).
    assert "renovação" not in note["evidence"] and "peça" not in note["evidence"]


def test_the_expired_permit_alone_still_fails_the_identity() -> None:
    result = screen([residence_permit(), *payslips()])
    assert not result["identity"]["verified"]
    assert not named(result, "identity.not_expired")[0]["passed"]
    assert not named(result, "identity.other_documents")


def test_another_identity_document_in_the_applicants_name_printing_another_nif_still_fails() -> None:
    """The passport holds, but the permit in her name contradicts the NIF typed: a typo or another person's
    documents, as the permit alone would have said."""
    result = screen([residence_permit(nif="245718940"), passport(), *payslips()])
    assert not result["identity"]["verified"]
    [note] = named(result, "identity.other_documents")
    assert not note["passed"] and note["value"] == "245718940" and note["expected"] == NIF
    assert "outro NIF" in note["evidence"]


def test_of_two_valid_documents_the_one_without_warnings_confirms() -> None:
    """A permit expiring next month beside a passport valid for years: not "expiring soon"."""
    expiring = {**residence_permit(expiry_date=(TODAY + dt.timedelta(days=27)).isoformat()), "warnings": []}
    result = verify_identity(state([expiring, passport()]))
    assert result["verified"] and result["warnings"] == []
    assert result["checks"][0]["document_id"] == "passport"
    [note] = [c for c in result["checks"] if c["name"] == "identity.other_documents"]
    assert note["passed"] and "caduca dentro de" in note["evidence"]


def test_a_cards_two_sides_are_still_one_document_beside_a_passport() -> None:
    """A Cartão de Cidadão's front and back merge into one identity, checked before the passport."""
    front = {**id_document(nif=None, side="front"), "document_id": "front"}
    back = {**id_document(side="back", mrz_valid=True), "document_id": "back"}
    result = verify_identity(state([passport(), front, back]))
    assert result["verified"]
    assert result["checks"][0]["document_id"] == "front"
    assert any(c["name"] == "identity.sides_agree" and c["passed"] for c in result["checks"])
    assert not [c for c in result["checks"] if c["name"] == "identity.other_documents"]


# --- D3: ICAO 9303's transliterations are the same letters ---------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Jürgen Großmann", "Jürgen Grossmann"),
        ("Jürgen Großmann", "Juergen Grossmann"),
        ("Jurgen Grossmann", "Jürgen Großmann"),
        ("Søren Ødegård", "Soeren Oedegaard"),
        ("Soren Odegard", "Søren Ødegård"),
        ("Ægir Œhlenschläger", "Aegir Oehlenschlaeger"),
        ("Þóra Guðrún Ðorsteinn", "Thora Gudrun Dorsteinn"),
        ("Ĳsbrand Müller", "IJsbrand Mueller"),
        ("Björn Åkesson", "Bjoern Aakesson"),
    ],
)
def test_a_name_and_its_icao_transliteration_match_exactly_both_ways(typed: str, read: str) -> None:
    assert name_match(typed, read) == "exact"
    assert name_match(read, typed) == "exact"


def test_a_transliteration_is_not_a_licence_for_any_digraph() -> None:
    """Only a word that holds one of the letters is the same as its transliteration: "Michael" is not "Michal"."""
    assert name_match("Michael Kowalski", "Michal Kowalski") == "fuzzy"
    assert name_match("Jürgen Großmann", "Jürgen Peter Grossmann") == "partial"
    assert name_match("Jürgen Großmann", "Jürgen Kleinmann") != "exact"


def test_the_printed_name_fits_the_mrz_that_transliterates_it() -> None:
    assert mrz_name_fits("Søren Ødegård", surname="OEDEGAARD", given_names="SOEREN")
    assert mrz_name_fits("Jürgen Großmann", surname="GROSSMANN", given_names="JUERGEN")


def test_a_name_typed_as_printed_against_the_cards_mrz_spelling_is_low_risk() -> None:
    card = id_document(full_name="Jürgen Grossmann", given_names="Jürgen", surname="Grossmann", nif=None,
                       mrz_valid=True)  # fmt: skip
    card = {**card, "kind": "CARTAO_IDENTIDADE_ESTRANGEIRO", "fields": {**card["fields"], "side": "both"}}
    slips = [payslip(p, employee_name="Jürgen Großmann", net=1500.0) for p in THREE_MONTHS]
    result = screen([card, *slips], name="Jürgen Großmann", price="400")
    assert named(result, "identity.name_match")[0]["evidence"] == "Nome igual ao do documento."
    assert "fuzzy_name_match" not in result["affordability"]["reasons"]
    assert result["affordability"]["risk_level"] == "LOW"


def test_a_payslip_in_the_icao_spelling_is_the_applicants_own() -> None:
    assert names_the_applicant("Jürgen Großmann", "JUERGEN GROSSMANN")


# --- D3: a name only similar says what would change it ---------------------------------------------------------------


def typo_in_the_name() -> Member:
    """A LOW-risk applicant but for the name she typed, one letter off her card's."""
    form = form_for(agency())
    maria = person(form)
    maria.documents[0] = id_document(full_name="Maria João Santoz")
    return maria


def test_a_medium_risk_from_a_name_only_similar_says_what_would_change_it() -> None:
    maria = typo_in_the_name()
    _, report = screened(maria.applicant.form_request, maria)
    assert report.risk_level == "MEDIUM"
    changes = outcome_changes(applicant=maria.applicant, report=report)
    assert [(c.kind, c.reaches) for c in changes] == [("name", "LOW")]
    explanation = applicant_explanation(applicant=maria.applicant, report=report, language="en")
    assert explanation["what_would_change"] == [
        f"With {EN.name_as_written}, the outcome of the assessment would improve."
    ]
    pt = applicant_explanation(applicant=maria.applicant, report=report)
    assert pt["what_would_change"][0].startswith("Com o seu nome completo confirmado à agência")


def test_a_last_surname_left_out_is_a_name_only_similar_to_the_explanation_too() -> None:
    """Its evidence has its own words ("sem o último apelido"); the explanation read it as no warning at all."""
    form = form_for(agency())
    maria = person(form, name="Maria João")
    maria = dataclasses.replace(maria, documents=[id_document(full_name="Maria João Santos"), *maria.documents[1:]])
    _, report = screened(form, maria)
    assert report.risk_level == "MEDIUM"
    assert [c.kind for c in outcome_changes(applicant=maria.applicant, report=report)] == ["name"]


# --- D6: a payslip's name spelled otherwise is said to staff --------------------------------------------------------


def test_a_payslip_counted_by_nif_under_a_name_spelled_otherwise_says_so() -> None:
    slips = [payslip(p, employee_name="Mariya Zhoao Santush") for p in THREE_MONTHS]
    result = screen([id_document(), *slips])
    owners = named(result, "income.payslip_owner")
    assert result["income"]["verified"] and all(c["passed"] for c in owners)
    assert all(c["evidence"].endswith("(por NIF); nome no recibo escrito de outra forma.") for c in owners)


def test_a_payslip_counted_by_name_with_the_last_surname_left_out_says_so() -> None:
    slips = [payslip(p, employee_name="Maria João", employee_nif=None) for p in THREE_MONTHS]
    result = screen([id_document(), *slips])
    owners = named(result, "income.payslip_owner")
    assert all(c["passed"] and "nome no recibo escrito de outra forma" in c["evidence"] for c in owners)


@pytest.mark.parametrize("printed", ["SANTOS, Maria João", "Maria Santos", "MARIA JOAO SANTOS"])
def test_a_payslip_name_in_another_order_case_or_without_middle_names_is_not_written_otherwise(printed: str) -> None:
    result = screen([id_document(), *(payslip(p, employee_name=printed) for p in THREE_MONTHS)])
    assert all("escrito de outra forma" not in c["evidence"] for c in named(result, "income.payslip_owner"))


def test_a_payslip_of_another_person_is_not_counted_and_gets_no_spelling_note() -> None:
    slips = [payslip(p, employee_name="Rui Costa", employee_nif="245718940") for p in THREE_MONTHS]
    result = screen([id_document(), *slips])
    owners = named(result, "income.payslip_owner")
    assert all(not c["passed"] and "escrito de outra forma" not in c["evidence"] for c in owners)


def test_income_is_unchanged_by_the_note() -> None:
    plain = screen([id_document(), *payslips()])
    spelled = screen([id_document(), *(payslip(p, employee_name="Mariya Santush") for p in THREE_MONTHS)])
    assert plain["income"]["average_monthly_income"] == spelled["income"]["average_monthly_income"]
    assert Decimal(plain["affordability"]["dti_ratio"]) == Decimal(spelled["affordability"]["dti_ratio"])


# --- r60a: a card about to expire says what would change it ----------------------------------------------------


def test_a_medium_risk_from_a_card_about_to_expire_says_renewing_it_would_change_it() -> None:
    """Blind probe r60a (A2): MEDIUM from a card expiring in 22 days alone, and an empty ``what_would_change``."""
    form = form_for(agency())
    maria = person(form)
    expires = (TODAY + dt.timedelta(days=22)).isoformat()
    maria.documents[0] = id_document(expiry_date=expires)
    _, report = screened(maria.applicant.form_request, maria)
    assert report.risk_level == "MEDIUM"
    changes = outcome_changes(applicant=maria.applicant, report=report)
    assert [(c.kind, c.reaches) for c in changes] == [("renewed_document", "LOW")]
    explanation = applicant_explanation(applicant=maria.applicant, report=report, language="en")
    assert explanation["what_would_change"] == [
        f"With {EN.renewed_document}, the outcome of the assessment would improve."
    ]
    pt = applicant_explanation(applicant=maria.applicant, report=report)
    assert pt["what_would_change"][0].startswith("Com o documento de identificação renovado")


def test_a_card_far_from_its_expiry_has_no_renewal_lever() -> None:
    """Guard: passes either way; the lever is only for the warning."""
    maria = typo_in_the_name()
    _, report = screened(maria.applicant.form_request, maria)
    assert "renewed_document" not in [c.kind for c in outcome_changes(applicant=maria.applicant, report=report)]
