"""A scanned AT certidão whose holder's NIF OCR read with a space in it ("número de identificação fiscal 1782
78068", doc probe 32): the text PDF's NIF was read, the scan's lost."""

from __future__ import annotations

from documents.extraction.parsers.certificate import parse_certificate
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind

CERTIDAO = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO
(Situação tributária regularizada)
Certifica-se, para os devidos efeitos, que o contribuinte Teresa Moura Vilaça,
com o número de identificação fiscal {nif}, tem a sua situação tributária
regularizada, nos termos do artigo 177.º-A do Código de Procedimento e de Processo Tributário.
Emitida em 2026-10-10 via Portal das Finanças."""


def holder_nif(nif: str) -> object:
    lines = [Line(line, 0.95) for line in CERTIDAO.format(nif=nif).splitlines()]
    return parse_certificate(lines, DocumentKind.CERTIDAO_AT).fields.get("holder_nif")


def test_a_holder_s_nif_read_in_two_groups_is_one_nif() -> None:
    assert holder_nif("2457 18931") == "245718931"


def test_two_groups_that_make_no_valid_nif_stay_unread() -> None:
    """Guard: the check digit decides; nine digits that fail it are no NIF."""
    assert holder_nif("2457 18932") is None
