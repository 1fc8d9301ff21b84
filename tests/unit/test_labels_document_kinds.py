"""Every document kind the extraction recognises has its words (ADR 047): the readable copy of a person's data, the
admin's "tipo reconhecido" filter and its pages printed "DECLARACAO_ENTIDADE_PATRONAL" and "NOTA_LIQUIDACAO"."""

from __future__ import annotations

import pytest
from django.utils import translation

from documents.extraction.schema import DocumentKind
from documents.labels import DOCUMENT_KIND_LABELS, kind_label


def test_every_kind_the_extraction_recognises_has_words() -> None:
    assert sorted(set(DocumentKind) - set(DOCUMENT_KIND_LABELS)) == []


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("DECLARACAO_ENTIDADE_PATRONAL", "Declaração da entidade patronal"),
        ("NOTA_LIQUIDACAO", "Nota de liquidação de IRS"),
        ("CERTIDAO_AT", "Certidão das Finanças"),
        # The ones named before read as before.
        ("RECIBO_VENCIMENTO", "Recibo de vencimento"),
        ("CARTAO_CIDADAO", "Cartão de Cidadão"),
    ],
)
def test_a_kind_reads_as_its_words_in_portuguese(kind: str, words: str) -> None:
    with translation.override("pt-pt"):
        assert kind_label(kind) == words


def test_and_in_english() -> None:
    with translation.override("en"):
        assert kind_label("DECLARACAO_ENTIDADE_PATRONAL") == "Employer's declaration"
