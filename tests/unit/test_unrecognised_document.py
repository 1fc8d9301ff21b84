"""A file the extractor does not recognise says what to upload instead, for what the applicant said it was: an
EU citizen's registration certificate uploaded as an ID (blind probe round 13) was offered payslips and IRS."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen import canvas

from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import LocalExtractor


def text_pdf(lines: list[str]) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    for number, line in enumerate(lines):
        pdf.drawString(60, 780 - 20 * number, line)
    pdf.save()
    return buffer.getvalue()


CERTIFICATE = text_pdf(
    [
        "CERTIFICADO DE REGISTO DE CIDADAO DA UNIAO EUROPEIA",
        "Camara Municipal de Braga",
        "Certifica-se que o cidadao abaixo identificado se encontra registado.",
        "Registo n.o 2026/001533 - Lisboa, 3 de marco de 2026",
    ]
)


@pytest.mark.parametrize(
    ("document_type", "expected"),
    [
        ("ID_DOCUMENT", ["documento de identificação", "passaporte", "Cartão de Cidadão"]),
        ("PROOF_OF_INCOME", ["comprovativo de rendimentos", "recibos de vencimento", "faturas-recibo", "pensão"]),
    ],
)
def test_the_refusal_names_what_to_upload_for_the_type_declared(document_type: str, expected: list[str]) -> None:
    with pytest.raises(ExtractionFailed) as failed:
        LocalExtractor().extract(CERTIFICATE, document_type=document_type)
    for words in expected:
        assert words in failed.value.reason
    other = "recibo" if document_type == "ID_DOCUMENT" else "passaporte"
    assert other not in failed.value.reason
