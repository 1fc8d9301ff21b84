"""A message, a deadline or documents for the applicant go with a MORE_INFO decision only: with another decision
nothing reaches the applicant, and the API answered 201 and dropped them (end-to-end probe 17)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from workspace.serializers import DecisionCreateSerializer


def errors(**body: object) -> dict[str, object]:
    serializer = DecisionCreateSerializer(data={"reason": "Rendimento comprovado.", **body})
    serializer.is_valid()
    return dict(serializer.errors)


@pytest.mark.parametrize("decision", ["APPROVED", "REJECTED"])
def test_a_message_or_a_deadline_with_another_decision_is_a_field_error(decision: str) -> None:
    assert set(errors(decision=decision, message_to_applicant="Parabéns!")) == {"message_to_applicant"}
    due = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    assert set(errors(decision=decision, due_at=due)) == {"due_at"}
    both = errors(decision=decision, message_to_applicant="Olá", requested_documents=[{"document_type": "ID_DOCUMENT"}])
    assert set(both) == {"message_to_applicant", "requested_documents"}


def test_a_blank_message_with_another_decision_and_a_message_with_more_info_are_taken() -> None:
    assert errors(decision="APPROVED", message_to_applicant="") == {}
    # With documents asked: the message travels in the request's e-mail (without, see test_households_c28).
    asked = [{"document_type": "PROOF_OF_INCOME"}]
    assert (
        errors(decision="MORE_INFO", message_to_applicant="Falta o recibo de outubro.", requested_documents=asked) == {}
    )
