"""Blind probe r69b: one person's name written differently across documents (ADR 040).

F1: a given name split on one document and joined on another ("WEI MIN" / "Weimin", "Xiao Ming" / XIAOMING,
"Min-Jun" / MINJUN) failed the identity. F2: middle names typed as initials ("Maria J. S. Teles") failed it. F3:
payslips without a NIF whose name was such a variation, or cut by the payroll's field ("... Albuqu"), were another
person's. F4: a card printing "SANT'ANA", whose MRZ writes SANTANA as ICAO 9303 drops the apostrophe, had sides that
"do not agree". The documents are the rule tests' dicts, with the tester's names.
"""

from __future__ import annotations

from typing import Any

import pytest

from screening.rules.identity import verify_identity
from screening.rules.names import mrz_name_fits, name_match, name_variation, names_the_applicant
from tests.unit.test_identity_c32 import passport
from tests.unit.test_rules import THREE_MONTHS, check_named, id_document, payslip, screen
from tests.unit.test_rules_identity import BACK, FRONT, cc_side, identity_state

# --- F1: a given name split or joined ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Weimin Zhang", "Wei Min Zhang"),  # G22
        ("Xiao Ming Li", "Xiaoming Li"),  # G32
        ("Min-Jun Kim", "Minjun Kim"),  # G40
        ("Min-Jun Kim", "KIM Min Jun"),  # G40's payslip
        ("Wei Min Zhang", "Zhang Weimin"),  # G41's payslip
        ("Leonor Sant'Ana Vidal", "Leonor Santana Vidal"),  # G44's payslip
    ],
)
def test_a_word_written_in_two_or_joined_is_the_same_name(typed: str, printed: str) -> None:
    assert name_match(typed, printed) == "exact"
    assert name_match(printed, typed) == "exact"
    assert names_the_applicant(typed, printed)


def test_joining_words_is_no_licence_for_other_letters_or_a_name_of_one_word() -> None:
    assert name_match("Wei Min Zhang", "Wei Lin Zhang") == "none"  # a sibling
    assert name_match("Min Jun Kim", "Junmin Kim") == "none"  # the letters in another order
    assert name_match("Ana Belo", "Anabelo") == "none"  # a name of one word names no one
    # An apostrophe's letter stays a word of its own where the other name has no joined word for it.
    assert name_match("Vera D'Almeida Costa", "Vera Almeida Costa") == "partial"
    assert name_match("Vera D'Almeida Costa", "Vera Dalmeida Costa") == "exact"


def test_a_passport_splitting_the_given_name_typed_joined_confirms_the_identity() -> None:
    """G22: the passport's "Wei Min Zhang", the form's "Weimin Zhang"."""
    document = passport(full_name="Wei Min Zhang", given_names="Wei Min", surname="Zhang")
    slips = [payslip(p, 2100.0, employee_name="Zhang Weimin") for p in THREE_MONTHS]
    result = screen([document, *slips], name="Weimin Zhang", price="400")
    check = check_named(result, "identity.name_match")
    assert check["passed"] and "palavras juntas ou separadas" in check["evidence"]
    assert result["identity"]["verified"]
    assert result["affordability"]["risk_level"] == "LOW"


# --- F2: middle names as initials ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Maria J. S. Teles", "Maria Joana Santos Teles"),  # G43
        ("Maria Joana Santos Valente", "Maria J. S. Valente"),  # G35's payslip
        ("Maria Joana Santos Valadares", "Maria Joana S. Valadares"),  # G38's payslip
        ("Maria J. Teles", "Maria Joana Santos Teles"),  # an initial, the other middle name left out
        ("Maria J.S. Teles", "Maria Joana Santos Teles"),
    ],
)
def test_middle_names_written_as_initials_match_as_middle_names_left_out(typed: str, printed: str) -> None:
    assert name_match(typed, printed) == "partial"
    assert name_match(printed, typed) == "partial"
    assert names_the_applicant(typed, printed)


@pytest.mark.parametrize(
    "typed",
    [
        "Maria I. S. Teles",  # an initial of no middle name printed
        "Maria S. J. Teles",  # the initials out of order
        "M. Joana Santos Teles",  # the first name an initial only
        "Maria Joana Santos T.",  # the last surname an initial only
        "Marta J. S. Teles",  # a sister
    ],
)
def test_initials_that_stand_for_no_printed_word_in_order_do_not_match(typed: str) -> None:
    assert name_match(typed, "Maria Joana Santos Teles") in {"none", "fuzzy"}
    assert not names_the_applicant(typed, "Maria Joana Santos Teles")


def test_an_apostrophes_letter_is_no_initial() -> None:
    """The "D" of "D'Almeida" is part of the word, not an initial standing for "Dias"."""
    assert name_match("Vera D'Almeida Costa", "Vera Dias Almeida Costa") == "none"


def test_a_name_typed_with_middle_initials_confirms_the_identity_and_says_so() -> None:
    """G43: the form's "Maria J. S. Teles" against the card's "Maria Joana Santos Teles"."""
    card = id_document(full_name="Maria Joana Santos Teles", given_names="Maria Joana", surname="Santos Teles")
    slips = [payslip(p, 2100.0, employee_name="Maria Joana Santos Teles") for p in THREE_MONTHS]
    result = screen([card, *slips], name="Maria J. S. Teles", price="400")
    check = check_named(result, "identity.name_match")
    assert check["passed"] and "iniciais" in check["evidence"]
    assert result["affordability"]["risk_level"] == "LOW"


# --- F3: payslips without a NIF, by name ---------------------------------------------------------------------------


def test_payslips_without_a_nif_in_a_variation_of_the_name_are_the_applicants() -> None:
    """G35, G41: no NIF printed, the name with initials or the given name joined: counted, by name."""
    for typed, on_payslip in [("Maria Joana Santos Valente", "Maria J. S. Valente"), ("Wei Min Zhang", "Zhang Weimin")]:
        given, _, surname = typed.rpartition(" ")
        card = id_document(full_name=typed, given_names=given, surname=surname)
        slips = [payslip(p, 2100.0, employee_name=on_payslip, employee_nif=None) for p in THREE_MONTHS]
        result = screen([card, *slips], name=typed, price="400")
        assert result["income"]["verified"], typed
        assert "pertence ao candidato (por nome)" in check_named(result, "income.payslip_owner")["evidence"]


NAME = "Ana Guilhermina Vasconcelos Albuquerque"


def test_a_payslip_name_cut_by_the_payrolls_field_is_the_applicants() -> None:
    """G50: the payroll's field held 34 characters, "Ana Guilhermina Vasconcelos Albuqu", and no NIF is printed."""
    assert name_match(NAME, "Ana Guilhermina Vasconcelos Albuqu") == "partial"
    card = id_document(full_name=NAME, given_names="Ana Guilhermina", surname="Vasconcelos Albuquerque")
    cut = "Ana Guilhermina Vasconcelos Albuqu"
    slips = [payslip(p, 2100.0, employee_name=cut, employee_nif=None) for p in THREE_MONTHS]
    result = screen([card, *slips], name=NAME, price="400")
    assert result["income"]["verified"]
    assert result["affordability"]["risk_level"] == "LOW"


@pytest.mark.parametrize(
    ("whole", "cut"),
    [
        ("Ana Costa Anabela", "Ana Costa Ana"),  # "Ana" for "Anabela": too few letters, too short a name
        ("Ana Maria Rosado", "Ana Maria Rosa"),  # a short name is no field filled to its end
        (NAME, "Ana Guilhermina Vasconcelos Alb"),  # three letters of the last word
        (NAME, "Rita Guilhermina Vasconcelos Albuqu"),  # a sister, cut
        (NAME, "Ana Guilhermina Vasconcelos Albuqa"),  # not a start of the word
    ],
)
def test_a_last_word_is_taken_for_cut_only_in_a_long_name_and_with_enough_letters(whole: str, cut: str) -> None:
    assert name_match(whole, cut) in {"none", "fuzzy"}
    assert not names_the_applicant(whole, cut)


@pytest.mark.parametrize(
    ("typed", "printed", "variation"),
    [
        ("Weimin Zhang", "Wei Min Zhang", "joined"),
        ("Maria J. S. Teles", "Maria Joana Santos Teles", "initials"),
        (NAME, "Ana Guilhermina Vasconcelos Albuqu", "cut"),
        # Words joined in a name that leaves out a middle name: worded as the middle name left out, not "igual".
        ("Wei Min Zhang", "Weimin Li Zhang", None),
        ("Maria Santos", "Maria João Santos", None),
    ],
)
def test_the_variation_that_made_names_match_is_named_for_the_evidence(
    typed: str, printed: str, variation: str | None
) -> None:
    assert name_variation(typed, printed) == variation


# --- F4: an apostrophe the MRZ drops -------------------------------------------------------------------------------


def sides_check(front: dict[str, Any], back: dict[str, Any]) -> dict[str, Any]:
    result = verify_identity(identity_state([cc_side("front", "f", **front), cc_side("back", "b", **back)]))
    return next(c for c in result["checks"] if c["name"] == "identity.sides_agree")


@pytest.mark.parametrize(
    ("printed", "surname", "given_names"),
    [
        ("Paulo Sant'Ana Correia", "SANTANA CORREIA", "PAULO"),  # G48
        ("Leonor Sant'Ana Vidal", "SANTANA VIDAL", "LEONOR"),  # G44
        ("Vera D'Almeida Costa", "DALMEIDA COSTA", "VERA"),  # G47, which passed and still does
        ("Xiao Ming Li", "LI", "XIAOMING"),
    ],
)
def test_a_printed_name_fits_the_mrz_that_writes_its_words_joined(printed: str, surname: str, given_names: str) -> None:
    assert mrz_name_fits(printed, surname=surname, given_names=given_names)
    check = sides_check({**FRONT, "full_name": printed}, {**BACK, "surname": surname, "given_names": given_names})
    assert check["passed"], check["evidence"]


def test_words_joined_fit_the_mrz_only_as_they_are_written() -> None:
    """The guard: another surname or another given name on the back still fails, joined words or not."""
    assert not mrz_name_fits("Paulo Sant'Ana Correia", surname="SANTOS CORREIA", given_names="PEDRO")
    assert not mrz_name_fits("Paulo Sant'Ana Correia", surname="ANASANT CORREIA", given_names="PAULO")
    check = sides_check(
        {**FRONT, "full_name": "Paulo Sant'Ana Correia"}, {**BACK, "surname": "SANTANA", "given_names": "PEDRO"}
    )
    assert not check["passed"]
