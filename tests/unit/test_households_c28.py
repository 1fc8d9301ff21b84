"""Probe C28's findings that need no database: a MORE_INFO message with no documents asked, a one-letter name."""

from __future__ import annotations

import pytest
from django.utils import translation

from workspace.serializers import DecisionCreateSerializer


def decision_errors(**body: object) -> dict[str, object]:
    serializer = DecisionCreateSerializer(data={"reason": "Falta um recibo.", **body})
    serializer.is_valid()
    return dict(serializer.errors)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pt-pt", "A mensagem só chega ao candidato com documentos pedidos (requested_documents)."),
        ("en", "The message reaches the applicant only with documents requested (requested_documents)."),
    ],
)
def test_a_more_info_message_with_no_documents_asked_is_a_field_error_saying_why(language: str, expected: str) -> None:
    """Probe C28: answered 201, and the message went nowhere (no request, so no e-mail)."""
    with translation.override(language):
        errors = decision_errors(decision="MORE_INFO", message_to_applicant="Vamos analisar")
    assert errors == {"message_to_applicant": [expected]}


def test_a_more_info_without_a_message_or_with_documents_is_still_taken() -> None:
    assert decision_errors(decision="MORE_INFO") == {}
    assert decision_errors(decision="MORE_INFO", message_to_applicant="   ") == {}
    asked = [{"document_type": "PROOF_OF_INCOME"}]
    assert decision_errors(decision="MORE_INFO", message_to_applicant="Falta outubro.", requested_documents=asked) == {}
