"""Blind probe r62b: a proof of income that could not be read, then answered by the documents the agency asked for
in a second round, is no longer listed as one to send again; only a later round's proof that was read answers it."""

from __future__ import annotations

from typing import Any

from tests.unit.test_report_wording_cases14 import unreadable
from tests.unit.test_rules import THREE_MONTHS, id_document, payslip, screen


def read_checks(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in result["income"]["checks"] if c["name"] == "income.document_read"]


def second_round(document: dict[str, Any], request: str = "req-1") -> dict[str, Any]:
    return {**document, "info_request_id": request}


def test_an_unread_payslip_answered_by_a_second_rounds_payslip_passes_as_replaced() -> None:
    first = [id_document(), payslip(THREE_MONTHS[1]), payslip(THREE_MONTHS[2]), unreadable("photo")]
    result = screen([*first, second_round(payslip(THREE_MONTHS[0]))])
    [read] = read_checks(result)
    assert read["passed"] and read["document_id"] == "photo"
    assert "substituído pelos documentos enviados depois, a pedido da agência" in read["evidence"]
    assert result["affordability"]["risk_level"] == "LOW", result["report"]["justification"]
    assert "a pedir de novo" not in result["report"]["justification"]
    assert "income_documents_unreadable" not in result["income"]["warnings"]


def test_without_a_second_round_the_unread_file_is_still_one_to_send_again() -> None:
    # The same documents, the last one sent with the submission: nothing answered the unread photo.
    result = screen([id_document(), payslip(THREE_MONTHS[1]), payslip(THREE_MONTHS[2]), unreadable("photo"),
                     payslip(THREE_MONTHS[0])])  # fmt: skip
    [read] = read_checks(result)
    assert not read["passed"]


def test_a_second_rounds_file_that_could_not_be_read_either_answers_nothing() -> None:
    result = screen([id_document(), payslip(THREE_MONTHS[1]), unreadable("photo"), second_round(unreadable("again"))])
    assert sorted((c["document_id"], c["passed"]) for c in read_checks(result)) == [("again", False), ("photo", False)]


def test_an_unread_file_of_the_second_round_is_not_answered_by_its_own_rounds_payslip() -> None:
    # Both sent in answer to one request: the payslip was no answer to a failure the agency had not yet seen.
    documents = [id_document(), payslip(THREE_MONTHS[2]), second_round(unreadable("photo")),
                 second_round(payslip(THREE_MONTHS[1]))]  # fmt: skip
    [read] = read_checks(screen(documents))
    assert not read["passed"]


def test_an_unread_file_sent_after_the_second_rounds_payslip_is_not_answered_by_it() -> None:
    documents = [id_document(), payslip(THREE_MONTHS[2]), second_round(payslip(THREE_MONTHS[1])),
                 second_round(unreadable("late"), request="req-2")]  # fmt: skip
    [read] = read_checks(screen(documents))
    assert not read["passed"]
