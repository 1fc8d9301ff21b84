"""Cases probe 14: five things the report said that the documents did not.

A typed NIF that the payslips in the applicant's own name contradict (D8), a co-tenant whose proofs of income
could not be read (C3), a pension amount not stated as net (B4), a subsidy month counted at an estimate (B1), and
the report's Portuguese (E2).
"""

from __future__ import annotations

from typing import Any

from screening.assessors import RulesAssessor
from screening.graph import run_screening
from tests.unit.test_rules import NIF, THREE_MONTHS, TODAY, id_document, payslip, screen, state

OTHER_NIF = "253829712"


def passport() -> dict[str, Any]:
    """A passport shows no NIF: the typed NIF is checked by nothing on it."""
    document = id_document(nif=None, mrz_valid=True)
    return {**document, "kind": "PASSAPORTE"}


def unreadable(document_id: str) -> dict[str, Any]:
    """A proof of income sent whose reading failed (a corrupt PDF): no kind, no fields."""
    return {
        "document_id": document_id,
        "document_type": "PROOF_OF_INCOME",
        "status": "FAILED",
        "kind": None,
        "fields": {},
        "warnings": [],
    }


def named_checks(result: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [c for c in result["identity"]["checks"] + result["income"]["checks"] if c["name"] == name]


# --- D8: the typed NIF against the payslips in the applicant's name ---------------------------------------------


def test_a_typed_nif_the_payslips_in_the_applicants_name_contradict_fails_the_identity_and_is_named() -> None:
    result = screen([passport(), *(payslip(p, employee_nif=OTHER_NIF) for p in THREE_MONTHS)])
    justification = result["report"]["justification"]
    assert result["affordability"]["risk_level"] == "HIGH"
    assert not result["identity"]["verified"]
    conflict = named_checks(result, "identity.nif_documents")
    assert [c["passed"] for c in conflict] == [False]
    assert "Identidade confirmada" not in justification
    assert "o NIF indicado difere do NIF dos comprovativos de rendimentos em nome do candidato" in justification
    # How to correct it, as docs/api.md says (blind probe r75c, S09): the person's data, not a new application.
    assert "um erro no NIF indicado, a corrigir nos dados do candidato (retificação), ou documentos" in justification
    evidence = named_checks(result, "identity.nif_documents")[0]["evidence"]
    assert "a corrigir nos dados do candidato (retificação)" in evidence
    # They are in the candidate's name: the report must not say there are none.
    assert "não há comprovativos de rendimentos em nome do candidato" not in justification
    # With a NIF on the identity document, that document decides: someone else's payslips stay an income question.
    printed = screen([id_document(), *(payslip(p, employee_nif=OTHER_NIF) for p in THREE_MONTHS)])
    assert printed["identity"]["verified"] and named_checks(printed, "identity.nif_documents") == []
    # Payslips in another name with another NIF are another person's, no NIF conflict.
    others = [passport(), *(payslip(p, employee_nif=OTHER_NIF, employee_name="Rui Costa") for p in THREE_MONTHS)]
    other = screen(others)
    assert other["identity"]["verified"]
    assert "não há comprovativos de rendimentos em nome do candidato" in other["report"]["justification"]


# --- C3: proofs of income sent that could not be read -------------------------------------------------------------


def household_state(lead_documents: list[dict[str, Any]], co_documents: list[dict[str, Any]]) -> dict[str, Any]:
    lead = {"nif": NIF, "name": "Maria João Santos", "date_of_birth": "1990-06-15", "income_profile": "EMPLOYEE"}
    co = {"nif": "213509628", "name": "Ana Rita Sousa", "date_of_birth": "1991-03-02", "income_profile": "EMPLOYEE"}
    members = [
        {"applicant_id": "a", "role": "TENANT", "applicant": lead, "documents": lead_documents},
        {"applicant_id": "b", "role": "CO_TENANT", "applicant": co, "documents": co_documents},
    ]
    return {**state(lead_documents, price="700"), "applicant": lead, "members": members}


def screen_household(household: dict[str, Any]) -> dict[str, Any]:
    return dict(run_screening(household, RulesAssessor()))  # type: ignore[arg-type]


def co_tenant_id() -> dict[str, Any]:
    document = id_document(
        nif="213509628", full_name="Ana Rita Sousa", given_names="Ana Rita", surname="Sousa", date_of_birth="1991-03-02"
    )
    return {**document, "document_id": "id-b"}


def test_a_co_tenant_whose_proofs_of_income_could_not_be_read_is_medium_and_they_are_asked_again() -> None:
    lead_documents = [id_document(), *(payslip(p, 3000.0) for p in THREE_MONTHS)]
    co_documents = [co_tenant_id(), *(unreadable(f"bad-{n}") for n in range(3))]
    result = screen_household(household_state(lead_documents, co_documents))
    assert result["affordability"]["risk_level"] == "MEDIUM"
    justification = result["report"]["justification"]
    assert "há comprovativos de rendimentos enviados que não foram contados" in justification
    assert (
        "enviados e não contados por não se conseguirem ler (ilegíveis ou corrompidos), a pedir de novo: "
        "coarrendatário (3 ficheiros)" in justification
    )
    profile = next(
        c for c in result["income"]["checks"] if c["name"] == "income.profile_documents" and c["applicant_id"] == "b"
    )
    assert "Enviados e não lidos (ilegíveis ou corrompidos): 3 ficheiros" in profile["evidence"]
    read = [c for c in result["income"]["checks"] if c["name"] == "income.document_read"]
    assert [(c["applicant_id"], c["passed"]) for c in read] == [("b", False)] * 3
    # A co-tenant who sent nothing is not said to have sent unreadable files.
    nothing = screen_household(household_state(lead_documents, [co_tenant_id()]))
    assert "não foram contados" not in nothing["report"]["justification"]


def test_a_single_applicant_with_unreadable_proofs_has_them_named_as_a_reason() -> None:
    result = screen([id_document(), *(unreadable(f"bad-{n}") for n in range(3))])
    assert result["affordability"]["risk_level"] == "HIGH"
    assert "income_documents_unreadable" in result["affordability"]["reasons"]
    assert "há comprovativos de rendimentos enviados que não foram contados" in result["report"]["justification"]
    # An unreadable extra file beside a proven income raises nothing.
    proven = screen([id_document(), *(payslip(p) for p in THREE_MONTHS), unreadable("bad")])
    assert proven["affordability"]["risk_level"] == "LOW"
    assert "income_documents_unreadable" not in proven["affordability"]["reasons"]


# --- B4: a pension amount the statement does not call net ---------------------------------------------------------


def pension(**fields: Any) -> dict[str, Any]:
    return {
        "document_id": "pension",
        "document_type": "PROOF_OF_INCOME",
        "status": "EXTRACTED",
        "kind": "DECLARACAO_PENSAO",
        "fields": {
            "pensioner_name": "Maria João Santos",
            "pensioner_nif": NIF,
            "issuer": "SEGURANCA_SOCIAL",
            "issue_date": "2026-10-01",
            "payments_per_year": 14,
            **fields,
        },
        "warnings": [],
    }


def test_a_pensions_one_unlabelled_amount_is_not_called_net() -> None:
    result = screen([id_document(), pension(gross_monthly_amount=1050, net_monthly_amount=None)])
    justification = result["report"]["justification"]
    assert result["income"]["average_monthly_income"] == "1225.00"
    assert "Rendimento médio mensal de 1 225,00 €" in justification
    assert "líquidos" not in justification
    assert "valor da pensão de 1 050,00 €, não indicado como líquido" in justification
    # A printed net is still called net.
    net = screen([id_document(), pension(gross_monthly_amount=1200, deductions=150, net_monthly_amount=1050)])
    assert "Rendimento médio mensal líquido de 1 225,00 €" in net["report"]["justification"]
    assert "(1 050,00 € líquidos)" in net["report"]["justification"]


# --- B1: a subsidy month's counted value ---------------------------------------------------------------------------


def test_a_subsidy_months_counted_estimate_is_shown_beside_its_printed_net() -> None:
    documents = [
        id_document(),
        payslip("2026-10", 1358.0, subsidy_twelfths_amount=None),
        payslip("2026-09", 2328.0, subsidy_twelfths_amount=None, regular_net_pay=1164.0),
        payslip("2026-08", 776.0, subsidy_twelfths_amount=None),
    ]
    result = screen(documents)
    method = next(c for c in result["income"]["checks"] if c["name"] == "income.monthly_income")["evidence"]
    assert "09/2026 contado 1 164,00 € em vez dos 2 328,00 € impressos" in method
    assert "estimativa" in method
    assert "09/2026 contado 1 164,00 €" in result["report"]["justification"]


# --- E2: the report's Portuguese ----------------------------------------------------------------------------------


def test_the_report_says_igual_ao_liquido_and_writes_dates_and_months_the_portuguese_way() -> None:
    result = screen([id_document(expiry_date="2029-05-22"), *(payslip(p) for p in THREE_MONTHS)])
    evidence = [c["evidence"] for c in result["identity"]["checks"] + result["income"]["checks"]]
    assert "Recibo 10/2026: ilíquido menos descontos igual ao líquido." in evidence
    assert "Documento válido até 22/05/2029." in evidence
    assert "média dos recibos de 08/2026, 09/2026, 10/2026" in result["report"]["justification"]
    # The structured values stay ISO, as the API documents.
    expiry = next(c for c in result["identity"]["checks"] if c["name"] == "identity.not_expired")
    assert expiry["value"] == "2029-05-22"


def test_an_expired_document_and_an_inconsistent_payslip_in_portuguese() -> None:
    result = screen([id_document(expiry_date="2026-11-22"), payslip("2026-10", warnings=["arithmetic_mismatch"])])
    evidence = [c["evidence"] for c in result["identity"]["checks"] + result["income"]["checks"]]
    assert "Documento caducado em 22/11/2026." in evidence
    assert "Recibo 10/2026: ilíquido menos descontos diferente do líquido." in evidence


def test_date_and_month_forms() -> None:
    from screening.rules.common import format_date, format_month

    assert format_date("2029-05-22") == "22/05/2029"
    assert format_date(TODAY) == "23/11/2026"
    assert format_month("2026-09") == "09/2026"


def test_an_unread_proof_says_why_it_was_not_read_and_what_to_send_instead() -> None:
    """Cases probe 16: a password-protected PDF and an oversized image read "ilegível ou corrompido"."""
    protected = {
        **unreadable("locked"),
        "failure_reason": "PDF protegido por palavra-passe: envie uma versão sem proteção.",
    }
    result = screen([id_document(), *(payslip(p) for p in THREE_MONTHS), protected, unreadable("bad")])
    read = {c["document_id"]: c["evidence"] for c in result["income"]["checks"] if c["name"] == "income.document_read"}
    assert read["locked"] == (
        "Comprovativo de rendimentos enviado e não contado: PDF protegido por palavra-passe: envie uma "
        "versão sem proteção."
    )
    # Without a reason recorded (a report of before), the general words.
    assert "ilegível ou corrompido" in read["bad"]
