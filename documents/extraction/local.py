"""The default, offline extractor: pypdfium2 text layer, else Tesseract, then parsers."""

from __future__ import annotations

from applicants.text import fold
from documents.extraction.errors import ExtractionFailed
from documents.extraction.mrz import read_mrz
from documents.extraction.mrz_ocr import mrz_ocr_texts
from documents.extraction.parsers import classify, kind_from_mrz, parse_document
from documents.extraction.parsers.classify import CC_BACK_SIGNS
from documents.extraction.reader import ReadDocument, read_document
from documents.extraction.schema import DocumentKind, ExtractionResult, fields_validate
from documents.extraction.validation import fields_revalidate

MRZ_KINDS = frozenset({DocumentKind.PASSAPORTE, DocumentKind.TITULO_RESIDENCIA})


class LocalExtractor:
    name = "local"
    version = "1.1.0"

    def extract(self, data: bytes, *, document_type: str) -> ExtractionResult:
        read = read_document(data)
        if not read.text.strip():
            raise ExtractionFailed("Não foi possível ler texto no documento (digitalização ilegível?).")
        kind = classify(read.text)
        extra_mrz_texts = mrz_ocr_texts(data, turns=read.turns) if needs_mrz_pass(kind, read) else []
        if kind == DocumentKind.UNKNOWN and extra_mrz_texts:
            kind = kind_from_mrz(read_mrz(extra_mrz_texts))
        if kind == DocumentKind.UNKNOWN:
            raise ExtractionFailed(
                "Documento não reconhecido: esperava Cartão de Cidadão (frente ou verso), título de residência, "
                "passaporte, recibo de vencimento ou declaração/nota de liquidação de IRS."
            )
        parsed = parse_document(kind, read.lines, extra_mrz_texts=extra_mrz_texts)
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


def needs_mrz_pass(kind: DocumentKind, read: ReadDocument) -> bool:
    """A scan that should carry an MRZ and whose first pass found none with every check digit holding."""
    if read.method != "ocr":
        return False
    first = read_mrz(line.text for line in read.lines)
    if first is not None and first.valid:
        return False
    if first is not None or kind in MRZ_KINDS:
        return True
    if kind == DocumentKind.CARTAO_CIDADAO:
        return bool(CC_BACK_SIGNS.search(fold(read.text)))
    # A scan nothing else recognised may be an MRZ read too poorly the first time: one more pass
    # before refusing it, whatever the upload was declared as.
    return kind == DocumentKind.UNKNOWN
