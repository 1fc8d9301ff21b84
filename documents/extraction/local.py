"""The default, offline extractor: pypdfium2 text layer, else Tesseract, then parsers."""

from __future__ import annotations

from documents.extraction.errors import ExtractionFailed
from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import read_document
from documents.extraction.schema import DocumentKind, ExtractionResult, fields_validate
from documents.extraction.validation import fields_revalidate


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
        fields = fields_validate(kind, parsed.fields)
        checked = fields_revalidate(kind, fields, document_type=document_type, total_deductions=parsed.total_deductions)
        return ExtractionResult(
            kind=kind,
            fields=fields,
            # A field dropped by the checks has no confidence left to report.
            confidence={name: value for name, value in parsed.confidence.items() if fields.get(name) is not None},
            warnings=list(dict.fromkeys([*parsed.warnings, *checked])),
            pages=read.pages,
            method="ocr" if read.method == "ocr" else "text",
            extractor=self.name,
            extractor_version=self.version,
        )
