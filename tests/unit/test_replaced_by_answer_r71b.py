"""Blind probe r71b (C05, C06, C08): a proof of income of the first round not counted for its age (an IRS document not
of the latest year, a pension statement over a year old, a payslip or fatura-recibo outside its window), once a later
request's answer of the same kind is read and counted, is listed as replaced: its check passes, saying so, and the
applicant's explanation no longer lists it among the documents not counted. Another person's proof, an answer not
counted, an answer of another kind or of the same round keep the failure."""

from __future__ import annotations

from typing import Any

import pytest

from screening.explanation import applicant_explanation
from tests.unit.test_explanation import LEAD_NAME, agency, form_for, person, screened
from tests.unit.test_invoices_r70b import invoice
from tests.unit.test_rules import NIF, THREE_MONTHS, id_document, payslip, screen, tax_document

REPLACED = "enviado depois, a pedido da agência."


def second_round(document: dict[str, Any], request: str = "req-1") -> dict[str, Any]:
    return {**document, "info_request_id": request}


def irs(year: int, nif: str = NIF) -> dict[str, Any]:
    return {**tax_document(year=year, nif=nif), "document_id": f"irs-{year}-{nif}"}


def pension(issued: str, nif: str = NIF) -> dict[str, Any]:
    fields = {"pensioner_nif": nif, "pensioner_name": LEAD_NAME, "issue_date": issued,
              "net_monthly_amount": 1900.0, "payments_per_year": 14}  # fmt: skip
    return {"document_id": f"pen-{issued}-{nif}", "document_type": "PROOF_OF_INCOME", "status": "EXTRACTED",
            "kind": "DECLARACAO_PENSAO", "fields": fields, "warnings": []}  # fmt: skip


def income_checks(result: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    return {c["document_id"]: c for c in result["income"]["checks"] if c["name"] == name}


def test_an_irs_document_of_an_earlier_year_answered_with_the_latest_passes_as_replaced() -> None:
    result = screen([id_document(), irs(2021), second_round(irs(2025))])
    checks = income_checks(result, "income.tax_document")
    old = checks["irs-2021-245718931"]
    assert old["passed"], old
    assert old["evidence"] == (
        "Documento de IRS de 2021: não é do último ano; substituído pelo documento de IRS de 2025, "
        "enviado depois, a pedido da agência."
    )
    assert checks["irs-2025-245718931"]["passed"]
    assert result["income"]["verified"]
    assert not [c for c in result["income"]["checks"] if c["name"] == "income.tax_document" and not c["passed"]]


def test_a_pension_statement_over_a_year_old_answered_with_a_recent_one_passes_as_replaced() -> None:
    result = screen([id_document(), pension("2024-12-02"), second_round(pension("2026-11-02"))])
    old = income_checks(result, "income.pension_recent")["pen-2024-12-02-245718931"]
    assert old["passed"], old
    assert old["evidence"].endswith(
        "emitida há mais de um ano (02/12/2024); substituída pela declaração de pensão de 02/11/2026, enviada depois, "
        "a pedido da agência."
    )
    assert result["affordability"]["risk_level"] == "LOW", result["report"]["justification"]


def test_a_payslip_outside_its_window_answered_with_recent_payslips_passes_as_replaced() -> None:
    # Screened on 2026-11-23: March is eight months back, outside the six.
    documents = [id_document(), payslip(THREE_MONTHS[2]), payslip("2026-03"),
                 second_round(payslip(THREE_MONTHS[1])), second_round(payslip(THREE_MONTHS[0]))]  # fmt: skip
    result = screen(documents)
    old = income_checks(result, "income.payslip_recent")["p-2026-03"]
    assert old["passed"], old
    assert (
        "substituído pelos recibos de vencimento de 09/2026, 10/2026, enviados depois, a pedido da agência."
        in old["evidence"]
    )
    # Its month is no month counted.
    assert "2026-03" not in result["income"]["months"]


def test_a_fatura_recibo_outside_its_window_answered_with_a_recent_one_passes_as_replaced() -> None:
    result = screen([id_document(), invoice("2025-06-28"), second_round(invoice("2026-10-28"))])
    old = income_checks(result, "income.invoice_recent")["fr-2025-06-28"]
    assert old["passed"], old
    assert old["evidence"].endswith(
        "substituída pela fatura-recibo de 28/10/2026, enviada depois, a pedido da agência."
    )


@pytest.mark.parametrize(
    ("documents", "name", "old_id"),
    [
        # Another person's IRS document of an earlier year: its owner, not its year, kept it out.
        ([irs(2021, nif="123456789"), second_round(irs(2025))], "income.tax_document", "irs-2021-123456789"),
        # The answer is itself not counted (still over a year old).
        ([pension("2024-12-02"), second_round(pension("2025-01-15"))], "income.pension_recent",
         "pen-2024-12-02-245718931"),
        # The answer is of another kind: an IRS document does not replace a pension statement.
        ([pension("2024-12-02"), second_round(irs(2025))], "income.pension_recent", "pen-2024-12-02-245718931"),
        # Both sent with the submission: no request answered the old one.
        ([irs(2021), irs(2025)], "income.tax_document", "irs-2021-245718931"),
        # Both sent in answer to the same request.
        ([second_round(irs(2021)), second_round(irs(2025))], "income.tax_document", "irs-2021-245718931"),
        # A proof sent after the answer is not answered by it.
        ([second_round(irs(2025)), second_round(irs(2021), request="req-2")], "income.tax_document",
         "irs-2021-245718931"),
    ],
)  # fmt: skip
def test_a_proof_not_replaced_keeps_its_failure(documents: list[dict[str, Any]], name: str, old_id: str) -> None:
    old = income_checks(screen([id_document(), *documents]), name)[old_id]
    assert not old["passed"], old
    assert "a pedido da agência" not in old["evidence"]


def test_a_payslip_not_yet_paid_is_not_replaced_as_if_it_were_old() -> None:
    """Guard: a month not yet paid is not refused for its age; it counts in a screening made once it is paid."""
    documents = [id_document(), payslip("2026-12"), second_round(payslip(THREE_MONTHS[0]))]
    old = income_checks(screen(documents), "income.payslip_recent")["p-2026-12"]
    assert not old["passed"]


def income_text(*documents: dict[str, Any]) -> str:
    form = form_for(agency())
    member = person(form, income=None, extra=documents)
    _, report = screened(form, member)
    explanation = applicant_explanation(applicant=member.applicant, report=report)
    return next(entry["text"] for entry in explanation["checks"] if entry["name"] == "income")


def test_the_applicant_is_not_told_of_an_irs_document_replaced_and_is_told_the_year_counted() -> None:
    text = income_text(irs(2021), second_round(irs(2025)))
    assert "Documentos não contados" not in text
    assert "documento de IRS de 2025" in text
    assert "2021" not in text


def test_the_applicant_is_not_told_of_a_pension_statement_replaced() -> None:
    text = income_text(pension("2024-12-02"), second_round(pension("2026-11-02")))
    assert "Documentos não contados" not in text
    assert "declaração de pensão" in text


def test_the_applicant_is_still_told_of_a_proof_whose_answer_did_not_count() -> None:
    text = income_text(irs(2021), second_round(irs(2022)))
    assert "Documentos não contados: 2 documentos de IRS que não são do último ano" in text


def test_a_payslip_replaced_is_not_among_those_sent_and_not_counted_while_months_are_still_missing() -> None:
    # The answer counted, yet two months are one short: the old payslip is replaced, not "fora do período pedido".
    documents = [id_document(), payslip(THREE_MONTHS[2]), payslip("2026-03"), second_round(payslip(THREE_MONTHS[1]))]
    result = screen(documents)
    profile = next(c for c in result["income"]["checks"] if c["name"] == "income.profile_documents")
    assert not profile["passed"]
    assert "fora do período pedido" not in profile["evidence"], profile["evidence"]
    # Guard: without the request, it is still said as sent and not counted.
    unanswered = screen([id_document(), payslip(THREE_MONTHS[2]), payslip("2026-03"), payslip(THREE_MONTHS[1])])
    profile = next(c for c in unanswered["income"]["checks"] if c["name"] == "income.profile_documents")
    assert "1 recibo de vencimento (fora do período pedido)" in profile["evidence"]
