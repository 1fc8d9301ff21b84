"""Certificates blind probe r56b found misread: a certidão's grey scan gave its code cut where OCR read a capital in
lower case, and no issue date (the date after "Data de emissão" lost); the Segurança Social's code lost its last
group of two letters. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

HOLDER_NIF = "138620474"


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 6))


def certidao(*, issued: str = "Data de emissão 2026-11-03", code: str = "R4TN-8WQk-2LP6-HX9C") -> str:
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO
Certifica-se, para os efeitos previstos no artigo 177.º-A do Código de Procedimento e de Processo
Tributário, que Duarte Manuel Freitas Antunes, NIF {HOLDER_NIF}, tem a sua situação tributária
regularizada, não sendo devedor(a) perante a Fazenda Pública de quaisquer impostos.
{issued}
Validade 3 meses a contar da data de emissão
Código de validação {code}
A validade desta certidão pode ser confirmada em www.portaldasfinancas.gov.pt, com o código acima."""


def test_a_codes_capital_read_in_lower_case_is_the_capital_and_the_code_whole() -> None:
    kind, fields, _ = read(certidao())
    assert kind == DocumentKind.CERTIDAO_AT
    assert fields["validation_code"] == "R4TN-8WQK-2LP6-HX9C"


def test_words_joined_by_hyphens_are_no_code_to_put_in_capitals() -> None:
    """Guard (passes either way): only a code's groups, mostly capitals and figures, are read so."""
    _, fields, _ = read(certidao(code="de acordo com o pedido n.º 44871"))
    assert fields["validation_code"] is None or fields["validation_code"].isdigit()


def test_the_social_securitys_code_runs_to_the_end_of_its_hyphened_groups() -> None:
    text = f"""SEGURANÇA SOCIAL
Declaração de situação contributiva
Declara-se, para os devidos efeitos, que Duarte Manuel Freitas Antunes, NIF {HOLDER_NIF}, tem a sua
situação contributiva regularizada perante a Segurança Social.
Data de emissão 2026-09-14
Código de acesso SS-8302-1175-QT
Pode confirmar a autenticidade em www.seg-social.pt com o código de acesso."""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_SS
    assert fields["validation_code"] == "SS-8302-1175-QT"


def test_a_code_set_apart_from_a_short_word_by_a_space_keeps_its_groups() -> None:
    """Guard (passes either way): a space does not join a group of two to the code."""
    _, fields, _ = read(certidao(code="R4TN-8WQK-2LP6-HX9C em 2026"))
    assert fields["validation_code"] == "R4TN-8WQK-2LP6-HX9C"


def test_a_scans_issue_date_lost_is_taken_from_a_reading_by_blocks(monkeypatch: Any) -> None:
    from documents.extraction import local
    from documents.extraction.parsers import parse_document
    from documents.extraction.reader import Line, ReadDocument

    first = [Line(text, 0.93) for text in certidao(issued="Data de emissão E").splitlines()]
    parsed = parse_document(DocumentKind.CERTIDAO_AT, first)
    assert parsed.fields.get("issue_date") is None
    assert local.gaps_wanted(DocumentKind.CERTIDAO_AT, parsed)
    # Tesseract is the boundary: its reading of the page's blocks is the text given here.
    second = [Line(text, 0.95) for text in certidao().splitlines()]
    monkeypatch.setattr(local, "page_images", lambda data: ["page"])
    monkeypatch.setattr(local, "own_size", lambda image: image)
    monkeypatch.setattr(local, "laid_out_reading", lambda page: second)
    read_document = ReadDocument(lines=first, pages=1, method="ocr", turns=(0,))
    local.gaps_from_a_laid_out_reading(b"", DocumentKind.CERTIDAO_AT, read_document, parsed)
    assert parsed.fields["issue_date"] == dt.date(2026, 11, 3)
    assert parsed.fields["valid_until"] == dt.date(2027, 2, 3)
    assert "derived:valid_until" in parsed.warnings


def test_another_holders_certificate_read_by_blocks_gives_nothing(monkeypatch: Any) -> None:
    from documents.extraction import local
    from documents.extraction.parsers import parse_document
    from documents.extraction.reader import Line, ReadDocument

    first = [Line(text, 0.93) for text in certidao(issued="Data de emissão E").splitlines()]
    parsed = parse_document(DocumentKind.CERTIDAO_AT, first)
    other = certidao().replace(HOLDER_NIF, "237194651")
    monkeypatch.setattr(local, "page_images", lambda data: ["page"])
    monkeypatch.setattr(local, "own_size", lambda image: image)
    monkeypatch.setattr(local, "laid_out_reading", lambda page: [Line(text, 0.95) for text in other.splitlines()])
    read_document = ReadDocument(lines=first, pages=1, method="ocr", turns=(0,))
    local.gaps_from_a_laid_out_reading(b"", DocumentKind.CERTIDAO_AT, read_document, parsed)
    assert parsed.fields.get("issue_date") is None
