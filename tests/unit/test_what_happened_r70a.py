"""Blind probe r70a: the report's reasons and the applicant's explanation say what happened, from the checks' own
results.

F11: a pension counted as printed, not given as net, is not called "líquido" to the applicant. F12: proofs of income
that were unread or refused for what they are are not "not in the candidate's name". F13: no identity document sent
is not "none could be read". F14/F25: an identity document that expired says on which day, to staff and to the
applicant; F15: what to send to confirm the identity is named. F23: refused proofs get one lead-in and their
reasons as clauses, in the explanation and in staff's evidence. F30: the candidate is not "o seu" in staff's text.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from documents.extraction.local import SALARY_NOT_PAID
from screening.explanation import EN, PT, applicant_explanation
from screening.rules import income
from screening.rules import report as report_rules
from tests.unit.test_explanation import agency, form_for, person, screened
from tests.unit.test_explanation_refused import failed_proof, income_text, two_months_and
from tests.unit.test_rules import NIF, THREE_MONTHS, id_document, payslip, screen

RENT_RECEIPT = (
    "Este documento é um recibo de renda, que não é lido como comprovativo de rendimentos: se recebe rendas, envie a "
    "declaração de IRS com o Anexo F ou a nota de liquidação; senão, envie recibos de vencimento, faturas-recibo, a "
    "declaração da pensão ou outro comprovativo de rendimentos."
)


def unread(document_id: str) -> dict[str, Any]:
    return failed_proof(document_id, "Imagem corrompida ou ilegível: envie o documento outra vez, em PDF, JPEG ou PNG.")


def reasons_of(justification: str) -> str:
    return justification.partition("Motivos: ")[2]


def pension(**amounts: Any) -> dict[str, Any]:
    return {
        "document_id": "pension-1",
        "document_type": "PROOF_OF_INCOME",
        "status": "EXTRACTED",
        "kind": "DECLARACAO_PENSAO",
        "fields": {
            "pensioner_name": "Maria João Santos",
            "pensioner_nif": NIF,
            "issuer": "SEGURANCA_SOCIAL",
            "payments_per_year": 14,
            "issue_date": "2026-11-02",
            **amounts,
        },
        "warnings": [],
    }


def pension_explanation(*documents: dict[str, Any]) -> str:
    form = form_for(agency(), price="500")
    maria = person(form, name="Maria João Santos", income=None, extra=documents)
    _, report = screened(form, maria)
    return income_text(applicant_explanation(applicant=maria.applicant, report=report))


# --- F11: what a pension counted ---------------------------------------------------------------------------------


def test_a_pension_printed_without_saying_net_is_not_called_net_to_the_applicant() -> None:
    text = pension_explanation(pension(gross_monthly_amount=1540.0))
    assert PT.method_pension_printed in text
    assert "líquido, vezes" not in text


def test_a_pension_with_its_net_printed_still_reads_as_net() -> None:
    text = pension_explanation(pension(gross_monthly_amount=1800.0, deductions=260.0, net_monthly_amount=1540.0))
    assert PT.method_pension in text


def test_a_year_s_gross_pension_is_said_as_the_year_s_gross() -> None:
    text = pension_explanation(pension(annual_amount=18480.0))
    assert PT.method_pension_year in text


# --- F12: no income put to the person, said as what happened ----------------------------------------------------


def test_unreadable_proofs_are_not_said_to_be_in_another_name() -> None:
    result = screen([id_document(), unread("bad-1"), unread("bad-2")])
    reasons = reasons_of(result["report"]["justification"])
    assert "no_attributable_income" in result["affordability"]["reasons"]  # the code stays (docs/api.md)
    assert "em nome do candidato" not in reasons
    assert "por não se conseguirem ler" in reasons


def test_refused_proofs_are_not_said_to_be_in_another_name() -> None:
    result = screen([id_document(), failed_proof("sim-1", SALARY_NOT_PAID), failed_proof("rent-1", RENT_RECEIPT)])
    reasons = reasons_of(result["report"]["justification"])
    assert "em nome do candidato" not in reasons
    assert "recusados pelo que são" in reasons


def test_no_proof_sent_is_said_so() -> None:
    reasons = reasons_of(screen([id_document()])["report"]["justification"])
    assert "não foi enviado nenhum comprovativo de rendimentos" in reasons
    assert "em nome do candidato" not in reasons


def test_another_person_s_payslips_are_still_not_in_the_candidate_s_name() -> None:
    """The guard: proofs of another person keep their words, unread files beside them or not."""
    others = [payslip(p, employee_name="Rui Manuel Vaz", employee_nif="253829712") for p in THREE_MONTHS]
    for extra in ([], [unread("bad-1")]):
        reasons = reasons_of(screen([id_document(), *others, *extra])["report"]["justification"])
        assert "não há comprovativos de rendimentos em nome do candidato" in reasons


# --- F13, F14, F15, F25: identity ---------------------------------------------------------------------------------


def test_no_identity_document_sent_is_said_so_to_staff_and_to_the_applicant() -> None:
    result = screen([*(payslip(p) for p in THREE_MONTHS)])
    assert "não foi enviado nenhum documento de identificação" in reasons_of(result["report"]["justification"])
    form = form_for(agency(), price="500")
    maria = person(form, income=Decimal("2000.00"))
    maria.documents[:] = [d for d in maria.documents if d["document_type"] != "ID_DOCUMENT"]
    _, report = screened(form, maria)
    explanation = applicant_explanation(applicant=maria.applicant, report=report)
    assert explanation["checks"][0]["text"] == PT.no_identity_document_sent
    assert any(s.startswith(f"Com {PT.identity_lever_send}") for s in explanation["what_would_change"])


def test_an_identity_document_sent_and_not_read_is_said_so() -> None:
    unreadable_id = {**unread("id-bad"), "document_type": "ID_DOCUMENT"}
    result = screen([unreadable_id, *(payslip(p) for p in THREE_MONTHS)])
    assert "nenhum dos documentos de identificação enviados se conseguiu ler" in result["report"]["justification"]
    assert result["identity"]["checks"][0]["evidence"] == "Nenhum documento de identificação foi lido."


def test_an_expired_card_says_on_which_day_to_staff_and_to_the_applicant() -> None:
    result = screen([id_document(expiry_date="2026-08-31"), *(payslip(p) for p in THREE_MONTHS)])
    reasons = reasons_of(result["report"]["justification"])
    assert "a identidade não foi confirmada (documento caducado em 31/08/2026)" in reasons
    assert "pelos documentos" not in reasons

    form = form_for(agency(), price="500")
    maria = person(form, income=Decimal("2000.00"))
    maria.documents[0]["fields"]["expiry_date"] = "2026-08-31"
    _, report = screened(form, maria)
    explanation = applicant_explanation(applicant=maria.applicant, report=report)
    assert explanation["checks"][0]["text"].endswith(": o documento caducou em 31/08/2026.")
    assert f"Com {PT.identity_lever_valid}, o resultado da avaliação melhoraria." in explanation["what_would_change"]
    english = applicant_explanation(applicant=maria.applicant, report=report, language="en")
    assert english["checks"][0]["text"].endswith(f": the document expired on {EN.date('2026-08-31')}.")


def test_an_expiry_not_read_is_said_as_not_read() -> None:
    form = form_for(agency(), price="500")
    maria = person(form, income=Decimal("2000.00"))
    maria.documents[0]["fields"]["expiry_date"] = None
    _, report = screened(form, maria)
    explanation = applicant_explanation(applicant=maria.applicant, report=report)
    assert explanation["checks"][0]["text"].endswith(f": {PT.identity_expiry_unread}.")
    assert (
        f"Com {PT.identity_lever_expiry_readable}, o resultado da avaliação melhoraria."
        in (explanation["what_would_change"])
    )


def test_an_identity_confirmed_keeps_its_words() -> None:
    result = screen([id_document(), *(payslip(p) for p in THREE_MONTHS)])
    assert "Identidade confirmada pelo documento de identificação." in result["report"]["justification"]
    assert (
        report_rules.reason_words("identity_not_verified", {"checks": []}, {})
        == "a identidade não foi confirmada pelos documentos"
    )


# --- F23: refused proofs, one lead-in -----------------------------------------------------------------------------


def test_refused_proofs_of_different_kinds_get_one_lead_in_and_clauses() -> None:
    _, report, rui = two_months_and(failed_proof("sim-1", SALARY_NOT_PAID), failed_proof("rent-1", RENT_RECEIPT))
    text = income_text(applicant_explanation(applicant=rui.applicant, report=report))
    assert text.count("não foram aceites como comprovativos") == 1
    assert "não foi aceite como comprovativo" not in text
    assert "Um deles: este documento é uma simulação" in text
    assert "Outro: este documento é um recibo de renda" in text
    assert ": Este documento" not in text
    english = income_text(applicant_explanation(applicant=rui.applicant, report=report, language="en"))
    assert english.count(EN.refused_several.format(count=2)) == 1


def test_one_refused_proof_reads_as_one_sentence_with_a_lowercase_clause() -> None:
    _, report, rui = two_months_and(failed_proof("sim-1", SALARY_NOT_PAID))
    text = income_text(applicant_explanation(applicant=rui.applicant, report=report))
    assert "e enviá-lo de novo não mudaria isso: este documento é uma simulação" in text


def test_staff_evidence_of_a_refused_proof_has_no_capital_after_the_lead_in() -> None:
    result = screen([id_document(), failed_proof("sim-1", SALARY_NOT_PAID)])
    [read] = [c for c in result["income"]["checks"] if c["name"] == "income.document_read"]
    assert read["evidence"].startswith("Comprovativo de rendimentos enviado e não contado: este documento é ")
    assert income.refusal_of(read) == SALARY_NOT_PAID


def test_a_report_written_before_still_reads_its_refusal() -> None:
    old = {
        "name": "income.document_read",
        "passed": False,
        "evidence": f"{income.NOT_COUNTED_LEAD_IN} — {RENT_RECEIPT}",
    }
    assert income.refusal_of(old) == RENT_RECEIPT


# --- F30 -----------------------------------------------------------------------------------------------------------


def test_the_candidate_is_named_not_o_seu_in_staff_s_reason() -> None:
    text = report_rules.reason_words("owner_name_differs", {}, {})
    assert "um nome que não é o do candidato" in text
    assert "o seu" not in text
