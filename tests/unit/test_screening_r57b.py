"""What blind probe r57b found the report saying of the applicant's own documents under a NIF typed with a typo:
with the name typed without its last surname too, the name check accepted the name while the payslips in that name
were called "another person's" and no NIF conflict was named; and with the name typed whole, the profile check still
listed the payslips sent as missing, "de outra pessoa, pelo nome ou pelo NIF"."""

from __future__ import annotations

from typing import Any

from screening.assessors import RulesAssessor
from screening.graph import run_screening
from screening.rules.income import OWN_NAME_OTHER_NIF
from screening.rules.names import names_the_applicant
from screening.rules.profiles import EMPLOYEE
from tests.unit.test_cases15_screening import TYPO_NIF, checks_named, typo_state_documents
from tests.unit.test_rules import NIF, state


def screen_typed(*, nif: str, name: str = "Maria João Santos", profile: str = "") -> dict[str, Any]:
    """Her card and three payslips print NIF and "Maria João Santos"; she typed ``nif``, ``name`` and the income
    ``profile``."""
    typed = state(typo_state_documents(), name=name)
    typed["applicant"] = {**typed["applicant"], "nif": nif, "income_profile": profile}
    return dict(run_screening(typed, RulesAssessor()))  # type: ignore[arg-type]


def test_the_name_typed_without_its_last_surname_names_the_applicant_as_the_name_check_accepts_it() -> None:
    assert names_the_applicant("Ricardo Manuel Teixeira", "RICARDO MANUEL TEIXEIRA GOMES")
    # Guards: another first name, or a word typed the document does not print, is not her name.
    assert not names_the_applicant("Manuel Teixeira", "Ricardo Manuel Teixeira Gomes")
    assert not names_the_applicant("Ricardo Manuel Sousa", "Ricardo Manuel Teixeira Gomes")


def test_a_nif_typo_with_the_last_surname_left_out_names_the_nif_conflict_not_another_persons_payslips() -> None:
    result = screen_typed(nif=TYPO_NIF, name="Maria João")
    assert checks_named(result, "identity.name_match")[0]["passed"]
    [conflict] = checks_named(result, "identity.nif_documents")
    assert not conflict["passed"]
    assert "nif_differs_from_documents" in result["affordability"]["reasons"]
    justification = result["report"]["justification"]
    assert "não há comprovativos de rendimentos em nome do candidato" not in justification
    owners = checks_named(result, "income.payslip_owner")
    assert len(owners) == 3 and all(OWN_NAME_OTHER_NIF in c["evidence"] for c in owners)


def test_the_profile_check_says_the_payslips_sent_carry_another_nif_not_that_they_are_another_persons() -> None:
    [profile] = checks_named(screen_typed(nif=TYPO_NIF, profile=EMPLOYEE), "income.profile_documents")
    assert not profile["passed"]
    assert "de outra pessoa" not in profile["evidence"]
    assert f"3 recibos de vencimento ({OWN_NAME_OTHER_NIF})" in profile["evidence"]
    assert "Em falta com o NIF indicado: recibos de vencimento" in profile["evidence"]
    # Guard: with the NIF typed right they count, and nothing is missing.
    [right] = checks_named(screen_typed(nif=NIF, profile=EMPLOYEE), "income.profile_documents")
    assert right["passed"] and "Em falta" not in right["evidence"]
