"""Blind probe r49a, names and the documents of a bundle: a page of another document in a proof of income (a
card's scan before the payslip, a bank's transfer receipt after it) is left out and warned, not read as the
payslip's; a company's name keeps its dotted form and its branch; a name never ends in a caption."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from documents.extraction.local import OTHER_DOCUMENTS_IN_FILE, LocalExtractor
from documents.extraction.schema import DocumentKind


def text_pdf(*pages: list[str]) -> bytes:
    """A text PDF of one page per list of lines."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    for lines in pages:
        for number, line in enumerate(lines):
            pdf.drawString(50, 790 - 18 * number, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def payslip(*, employer: str = "Serralharia Monteiro & Filhos, Lda.") -> list[str]:
    return [
        f"{employer}   RECIBO DE VENCIMENTO",
        "Avenida da Liberdade, 12, 3000-100 Coimbra   Período: Outubro de 2026",
        "NIF: 503504564   De 01/10/2026 a 31/10/2026",
        "Nome: Rodrigo Teixeira Valente   N.º Mecan.: 0042",
        "NIF: 232013969   N.º Seg. Social: 12345678901   Categoria: Serralheiro",
        "Cód. Descrição   Qtd.   Remunerações   Descontos",
        "R01 Vencimento base   30,00   1.500,00",
        "D01 Segurança Social (11,00%)   165,00",
        "D02 IRS (taxa 10,00%)   150,00",
        "Total Ilíquido   1.500,00",
        "Total Descontos   315,00",
        "Líquido a receber   1.185,00 €",
    ]


CARD_SCAN = [
    "REPÚBLICA PORTUGUESA CARTÃO DE CIDADÃO",
    "Apelido(s) / Surname",
    "Teixeira Valente",
    "Nome(s) / Given Names",
    "Rodrigo",
    "Sexo / Sex   Altura / Height 1,80",
    "Nacionalidade / Nationality   PRT",
    "Data de Nascimento / Date of Birth   14 02 1990",
    "N.º Identificação Fiscal   N.º Segurança Social   N.º Utente de Saúde",
    "232013969   12345678901   123456789",
]

TRANSFER_RECEIPT = [
    "Banco Exemplo, S.A.",
    "COMPROVATIVO DE TRANSFERÊNCIA",
    "Ordenante: Serralharia Monteiro & Filhos, Lda.",
    "Beneficiário: Rodrigo Teixeira Valente",
    "IBAN beneficiário: PT50 0000 0000 0000 0000 0000 0",
    "Montante: 1.185,00 EUR",
    "Data-valor: 31/10/2026",
]


def test_a_card_scanned_before_the_payslip_is_another_document() -> None:
    result = LocalExtractor().extract(text_pdf(CARD_SCAN, payslip()), document_type="PROOF_OF_INCOME")
    assert result.kind == DocumentKind.RECIBO_VENCIMENTO
    assert result.fields["employee_name"] == "Rodrigo Teixeira Valente"
    assert OTHER_DOCUMENTS_IN_FILE in result.warnings


def test_a_banks_transfer_receipt_after_the_payslip_is_another_document() -> None:
    result = LocalExtractor().extract(text_pdf(payslip(), TRANSFER_RECEIPT), document_type="PROOF_OF_INCOME")
    assert result.fields["employer_name"] == "Serralharia Monteiro & Filhos, Lda."
    assert str(result.fields["net_pay"]) == "1185.00"
    assert OTHER_DOCUMENTS_IN_FILE in result.warnings


def test_a_cover_page_and_a_payslips_second_page_are_the_documents_own() -> None:
    cover = ["De: recursos.humanos@exemplo.pt", "Assunto: recibo de outubro", "Segue em anexo o recibo."]
    notes = ["Notas: o subsídio de férias é pago em junho.", "Processado por computador 1.185,00"]
    result = LocalExtractor().extract(text_pdf(cover, payslip(), notes), document_type="PROOF_OF_INCOME")
    assert result.fields["employee_name"] == "Rodrigo Teixeira Valente"
    assert OTHER_DOCUMENTS_IN_FILE not in result.warnings
