"""Whose a proof of income is (blind probe r69b; docs/adr/041-whose-documents.md).

F5: payslips printing the applicant's NIF beside another person's name ("Nuno Filipe Carvalho" for "Joana Marques
Leal", or the first name alone shared) read "pertence ao candidato (por NIF); nome no recibo escrito de outra forma",
LOW, the note a real variation gets. F6: payslips in the applicant's name with another NIF, the identity card printing
the NIF typed, gave the reason "não há comprovativos de rendimentos em nome do candidato". T07: a text layer printing
a worker's NIF that fails its check digit was matched by the name without a word. H01: a couple each sending the
other's payslips read as two tenants with a stranger's payslips.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from screening.explanation import EN, PT, applicant_explanation, outcome_changes, payslip_findings
from screening.rules.household import verify_incomes
from screening.rules.income import shares_a_surname
from screening.rules.report import REASON_TEXT
from tests.unit.test_explanation import LEAD_NAME, agency, form_for, payslips, person, screened, whole_text
from tests.unit.test_household_reasons_whose import LEAD, PARTNER, couple, steady
from tests.unit.test_rules import NIF, THREE_MONTHS, check_named, id_document, payslip, screen

EMPLOYER_NAME, EMPLOYER_NIF = "Padaria Central do Norte, Lda.", "506465985"


def owner_checks(result: dict[str, Any], name: str = "income.payslip_owner") -> list[dict[str, Any]]:
    return [c for c in result["income"]["checks"] if c["name"] == name]


def printed_as(employee_name: str, **extra: Any) -> list[dict[str, Any]]:
    return [id_document(), *(payslip(p, employee_name=employee_name, **extra) for p in THREE_MONTHS)]


# --- F5: the applicant's NIF, another person's name ------------------------------------------------------------


@pytest.mark.parametrize("printed", ["Nuno Filipe Carvalho", "Maria Cristina Vidal Gomes", "CARVALHO, Nuno"])
def test_a_payslip_with_the_applicants_nif_and_none_of_their_surnames_is_counted_and_raises_the_risk(
    printed: str,
) -> None:
    result = screen(printed_as(printed))

    assert result["income"]["average_monthly_income"] == "2000.00"
    assert result["affordability"]["risk_level"] == "MEDIUM"
    assert result["affordability"]["reasons"] == ["owner_name_differs"]
    for owner in owner_checks(result):
        assert owner["passed"]
        assert "nome impresso não é o do candidato (nenhum apelido em comum)" in owner["evidence"]
        assert "escrito de outra forma" not in owner["evidence"]
    stated = owner_checks(result, "income.owner_name")
    assert len(stated) == 3 and not any(c["passed"] for c in stated)
    # Staff are told the NIF is the applicant's; the other name is printed in no evidence the applicant may read.
    assert all("o NIF é o do candidato" in c["evidence"] and printed not in c["evidence"] for c in stated)
    assert REASON_TEXT["owner_name_differs"] in result["report"]["justification"]


@pytest.mark.parametrize(
    "printed",
    [
        "Maria J. Santos",  # initials (G04)
        "Maria João Santos Ferreira",  # a married woman's husband's surname added (G01)
        "SANTOS, Maria Joao",  # surname first, capitals without accents (G06)
        "Santos",  # the surname alone
        "Maria J. Sant",  # cut at the payroll program's field width (G49)
        "Mariana Santos",  # another first name, the surname the same: a sibling by NIF is the identity's question
    ],
)
def test_a_name_written_otherwise_that_keeps_a_surname_still_reads_as_a_variation(printed: str) -> None:
    result = screen(printed_as(printed))

    assert result["affordability"]["risk_level"] == "LOW"
    assert not owner_checks(result, "income.owner_name")
    assert all("nenhum apelido" not in c["evidence"] for c in owner_checks(result))


def test_a_transliterated_surname_is_the_same_word() -> None:
    # Blind probe C32: "Alexandr Gritsenko" by NIF for "Oleksandr Hrytsenko", a variation, not another person.
    card = id_document(full_name="Oleksandr Hrytsenko", given_names="Oleksandr", surname="Hrytsenko")
    documents = [card, *(payslip(p, employee_name="Alexandr Gritsenko") for p in THREE_MONTHS)]
    result = screen(documents, name="Oleksandr Hrytsenko")

    assert result["affordability"]["risk_level"] == "LOW"
    assert not owner_checks(result, "income.owner_name")
    assert all("escrito de outra forma" in c["evidence"] for c in owner_checks(result))


def test_shares_a_surname_reads_the_applicants_words_past_the_first() -> None:
    assert not shares_a_surname("Sara Barbosa Lemos", "Sara Cristina Vidal Gomes")
    assert not shares_a_surname("Joana Marques Leal", "Nuno Filipe Carvalho")
    assert shares_a_surname("Ana Guilhermina Vasconcelos Albuquerque", "Ana Guilhermina Vasconcelos Albuqu")
    assert shares_a_surname("Zhang Wei Min", "Wei Min Zhang")
    assert shares_a_surname("Joana Marques Leal", "Joana M. L.")  # initials alone stand for the surnames
    assert not shares_a_surname("Joana Marques Leal", "Joana C. V.")


def test_the_applicant_is_told_without_the_other_name() -> None:
    result = screen(printed_as("Nuno Filipe Carvalho"))

    findings = payslip_findings(result["income"]["checks"], PT)
    assert findings == [PT.owner_name_differs]
    assert "Nuno" not in " ".join(findings) and "Carvalho" not in " ".join(findings)


# --- F6: in the applicant's name with another NIF, the card printing the NIF typed -----------------------------


def test_payslips_in_the_applicants_name_with_another_nif_are_said_so_in_the_reasons() -> None:
    result = screen([id_document(), *(payslip(p, employee_nif="232014556") for p in THREE_MONTHS)])

    assert result["affordability"]["risk_level"] == "HIGH"
    assert "own_income_other_nif" in result["affordability"]["reasons"]
    justification = result["report"]["justification"]
    assert "não há comprovativos de rendimentos em nome do candidato" not in justification
    assert "os comprovativos de rendimentos em nome do candidato têm outro NIF que não o indicado" in justification


def test_another_persons_payslips_still_read_none_in_the_applicants_name() -> None:
    documents = [
        id_document(),
        *(payslip(p, employee_nif="232014556", employee_name="Nuno Filipe Carvalho") for p in THREE_MONTHS),
    ]
    result = screen(documents)

    assert "no_attributable_income" in result["affordability"]["reasons"]
    assert REASON_TEXT["no_attributable_income"] in result["report"]["justification"]


# --- T07: a worker's NIF that cannot exist, printed on a text layer ---------------------------------------------


def impossible_nif(method: str | None = "text", **extra: Any) -> list[dict[str, Any]]:
    slips = [
        {
            **payslip(
                p,
                warnings=["nif_checksum_invalid"],
                employee_nif=None,
                employer_name=EMPLOYER_NAME,
                employer_nif=EMPLOYER_NIF,
                **extra,
            ),
            "method": method,
        }
        for p in THREE_MONTHS
    ]
    return [id_document(), *slips]


def test_a_text_layer_printing_an_impossible_worker_nif_is_said_and_raises_the_risk() -> None:
    result = screen(impossible_nif())

    assert result["income"]["average_monthly_income"] == "2000.00"
    assert result["affordability"]["risk_level"] == "MEDIUM"
    assert result["affordability"]["reasons"] == ["owner_nif_invalid"]
    for owner in owner_checks(result):
        assert owner["passed"] and "não é válido (dígito de controlo errado)" in owner["evidence"]
    assert len(owner_checks(result, "income.owner_nif_valid")) == 3


def test_a_scan_with_an_impossible_nif_is_a_misread_and_changes_nothing() -> None:
    # Off an image the extraction warns nif_unread; a document read by OCR is never taken for a printed one either.
    result = screen(impossible_nif(method="ocr"))

    assert result["affordability"]["risk_level"] == "LOW"
    assert not owner_checks(result, "income.owner_nif_valid")


def test_a_payslip_without_the_workers_nif_and_no_warning_is_matched_by_name_as_before() -> None:
    documents = [
        id_document(),
        *(
            {**payslip(p, employee_nif=None, employer_name=EMPLOYER_NAME, employer_nif=EMPLOYER_NIF), "method": "text"}
            for p in THREE_MONTHS
        ),
    ]
    result = screen(documents)

    assert result["affordability"]["risk_level"] == "LOW"
    assert check_named(result, "income.payslip_owner")["evidence"].endswith("pertence ao candidato (por nome).")


# --- H01: a couple, each sending the other's payslips -----------------------------------------------------------


def test_a_couples_swapped_payslips_are_said_to_be_the_other_members() -> None:
    affordability, report = couple(steady(PARTNER, 1500.0), steady(LEAD, 1200.0), "900")

    assert affordability["risk_level"] == "HIGH"
    assert (
        "os enviados pelo arrendatário principal são do coarrendatário (3); os enviados pelo coarrendatário são do "
        "arrendatário principal (3)" in report
    )
    assert "arrendatário principal e coarrendatário: " + REASON_TEXT["no_attributable_income"] in report
    assert PARTNER["name"] not in report and LEAD["name"] not in report


def test_a_swapped_payslips_owner_check_names_the_member_by_role() -> None:
    state: dict[str, Any] = {
        "thresholds": {},
        "property": {"listing_type": "ARRENDAMENTO", "price": "900"},
        "today": "2026-12-04",
        "members": [
            {"applicant_id": "lead", "role": "TENANT", "applicant": LEAD, "documents": steady(PARTNER, 1500.0)},
            {"applicant_id": "co", "role": "CO_TENANT", "applicant": PARTNER, "documents": steady(LEAD, 1200.0)},
        ],
    }
    lead = verify_incomes(state)["members"]["lead"]
    owner = next(c for c in lead["checks"] if c["name"] == "income.payslip_owner")
    assert not owner["passed"]
    assert "é de outra pessoa da mesma candidatura (coarrendatário, pelo NIF); não contado" in owner["evidence"]
    assert (
        "de outra pessoa da mesma candidatura"
        in next(c for c in lead["checks"] if c["name"] == "income.profile_documents")["evidence"]
    )


def test_one_tenants_own_payslips_beside_the_partners_read_as_before() -> None:
    affordability, report = couple(steady(LEAD, 1500.0), steady(PARTNER, 1200.0), "900")

    assert affordability["risk_level"] == "LOW"
    assert "são do" not in report


# --- What the applicant is shown -------------------------------------------------------------------------------


def test_the_applicants_explanation_says_a_proof_is_not_in_their_name_and_what_answers_it() -> None:
    form = form_for(agency(), price="450")
    other = "Nuno Filipe Carvalho"
    maria = person(form, income=None, extra=tuple(payslips(other, NIF, Decimal("1500.00"), THREE_MONTHS)))
    _, report = screened(form, maria)
    assert report.risk_level == "MEDIUM"
    assert [(c.kind, c.reaches) for c in outcome_changes(applicant=maria.applicant, report=report)] == [
        ("corrected_proof", "LOW")
    ]
    pt = applicant_explanation(applicant=maria.applicant, report=report)
    assert PT.owner_name_differs in pt["checks"][1]["text"]
    assert pt["what_would_change"] == [f"Com {PT.corrected_proof}, o resultado da avaliação melhoraria."]
    en = applicant_explanation(applicant=maria.applicant, report=report, language="en")
    assert EN.owner_name_differs in en["checks"][1]["text"]
    for text in (whole_text(pt), whole_text(en)):
        assert "Nuno" not in text and "Carvalho" not in text and LEAD_NAME not in text


def test_a_surname_only_similar_to_one_of_the_applicants_is_no_surname_shared() -> None:
    """Blind probe r69a, a3: "Joana Martins Ferreira" on payslips with the NIF of "Joana Pereira Lopes". Ferreira is
    within OCR's slips of Pereira, but Martins is nobody's spelling of the applicant's words: another person's name."""
    assert not shares_a_surname("Joana Pereira Lopes", "Joana Martins Ferreira")
    assert not shares_a_surname("Joana Pereira Lopes", "Nuno Martins Ferreira")
    # Guards: the whole name another spelling of theirs, and a misread surname beside a surname shared.
    assert shares_a_surname("Oleksandr Hrytsenko", "Alexandr Gritsenko")
    assert shares_a_surname("Joana Pereira Lopes", "Joana Pereira Lopez")
    assert shares_a_surname("Joana Pereira Lopes", "Joana Pereire Lopes")
