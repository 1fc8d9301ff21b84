"""The default, offline extractor: pypdfium2 text layer, else Tesseract, then parsers."""

from __future__ import annotations

from documents.extraction.errors import ExtractionFailed
from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import read_document
from documents.extraction.schema import IDENTITY_KINDS, INCOME_KINDS, DocumentKind, ExtractionResult, fields_validate

EXPECTED_KINDS = {"ID_DOCUMENT": IDENTITY_KINDS, "PROOF_OF_INCOME": INCOME_KINDS}


class LocalExtractor:
    name = "local"
    version = "1.0.0"

    def extract(self, data: bytes, *, document_type: str) -> ExtractionResult:
        read = read_document(data)
        if not read.text.strip():
            raise ExtractionFailed("Não foi possível ler texto no documento (digitalização ilegível?).")
        kind = classify(read.text)
        if kind == DocumentKind.UNKNOWN:
            raise ExtractionFailed(
                "Documento não reconhecido: esperava Cartão de Cidadão, título de residência, passaporte, "
                "recibo de vencimento ou declaração/nota de liquidação de IRS."
            )
        parsed = parse_document(kind, read.lines)
        warnings = list(dict.fromkeys(parsed.warnings))
        if document_type in EXPECTED_KINDS and kind not in EXPECTED_KINDS[document_type]:
            warnings.append("document_type_mismatch")
        return ExtractionResult(
            kind=kind,
            fields=fields_validate(kind, parsed.fields),
            confidence=parsed.confidence,
            warnings=warnings,
            pages=read.pages,
            method="ocr" if read.method == "ocr" else "text",
            extractor=self.name,
            extractor_version=self.version,
        )
