"""Blind probe r49a, names and the documents of a bundle: a page of another document in a proof of income (a
card's scan before the payslip, a bank's transfer receipt after it) is left out and warned, not read as the
payslip's; a company's name keeps its dotted form and its branch; a name never ends in a caption."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from documents.extraction.local import OTHER_DOCUMENTS_IN_FILE, LocalExtractor
from documents.extraction.reader import Line
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


def test_a_french_companys_dotted_form_and_its_branch_are_kept() -> None:
    from documents.extraction.parsers.payslip import company_name

    line = "Maison Verte Logistique, S.A.S. - Sucursal em Portugal BULLETIN DE PAIE / RECIBO DE VENCIMENTO"
    assert company_name(line) == "Maison Verte Logistique, S.A.S. - Sucursal em Portugal"
    assert company_name("Ribeira Têxteis, S.A. - Recibo de Vencimento") == "Ribeira Têxteis, S.A."


def screenshot_lines(texts: list[str]) -> list[Line]:
    """Lines as OCR reads them off a screenshot: below 1.0 confidence."""
    return [Line(text, 0.85, [(word, 0.85) for word in text.split()]) for text in texts]


FATURA_RECIBO = [
    "Portal das Finanças Autoridade Tributária e Aduaneira",
    "FATURA-RECIBO N.º FR 2026/12",
    "ORIGINAL",
    "Emitente",
    "Tomás Ferreira Quintela NIE 209136561",
    "Rua das Flores, 20, 4050-262 Porto",
    "Adquirente",
    "Gabinete Norte de Arquitetura, Lda. NIE 50350456",
    "País PORTUGAL",
    "Data de emissão 30 09 2026",
    "Valor Base 900,00 €",
    "IVA (isento artigo 53.º do CIVA) 0,00 €",
    "IRS Retenção na fonte (23%) 207,00 €",
    "Importância recebida 693,00 €",
]


def test_a_nif_caption_misread_ends_no_name() -> None:
    from documents.extraction.parsers import parse_document
    from documents.extraction.parsers.common import clean_name

    parsed = parse_document(DocumentKind.FATURA_RECIBO, screenshot_lines(FATURA_RECIBO))
    assert parsed.fields["issuer_name"] == "Tomás Ferreira Quintela"
    assert parsed.fields["issuer_nif"] == "209136561"
    assert clean_name("Rui Sousa N1F: 209136561") == "Rui Sousa"
    assert clean_name("Ana Nie 209136561") == "Ana Nie"  # a word in mixed case is no caption


def test_a_nif_read_a_digit_short_is_unread() -> None:
    from documents.extraction.parsers import parse_document

    parsed = parse_document(DocumentKind.FATURA_RECIBO, screenshot_lines(FATURA_RECIBO))
    assert "acquirer_nif" not in parsed.fields
    assert "nif_unread" in parsed.warnings


def test_a_nif_read_whole_is_no_unread_one() -> None:
    from documents.extraction.parsers import parse_document

    lines = [text.replace("50350456", "503504564") for text in FATURA_RECIBO]
    parsed = parse_document(DocumentKind.FATURA_RECIBO, screenshot_lines(lines))
    assert parsed.fields["acquirer_nif"] == "503504564"
    assert "nif_unread" not in parsed.warnings


def test_a_small_mark_far_left_of_a_cards_name_is_no_word_of_it() -> None:
    from documents.extraction.parsers.identity import parse_identity
    from tests.helpers import boxed_line

    surname = boxed_line(("Do", 0.25, (230, 473, 88, 12)), ("Conceição", 0.96, (519, 435, 230, 42)),
                         ("Araújo", 0.97, (766, 435, 149, 43)))  # fmt: skip
    given = boxed_line(("Rui", 0.95, (514, 539, 70, 41)), ("Pedro", 0.95, (600, 540, 148, 41)))
    lines = [
        Line("REPÚBLICA PORTUGUESA CARTÃO DE CIDADÃO", 0.9),
        Line("Apelido(s) / Surname", 0.9),
        surname,
        Line("Nome(s) / Given Names", 0.9),
        given,
    ]
    parsed = parse_identity(lines, DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["surname"] == "Conceição Araújo"
    assert parsed.fields["full_name"] == "Rui Pedro Conceição Araújo"


def test_a_particle_printed_in_the_names_size_stays() -> None:
    from documents.extraction.parsers.identity import parse_identity
    from tests.helpers import boxed_line

    surname = boxed_line(("DA", 0.9, (460, 435, 50, 42)), ("CONCEIÇÃO", 0.96, (519, 435, 230, 42)))
    lines = [Line("Apelido(s) / Surname", 0.9), surname, Line("Nome(s) / Given Names", 0.9), Line("RUI PEDRO", 0.9)]
    parsed = parse_identity([Line("REPÚBLICA PORTUGUESA CARTÃO DE CIDADÃO", 0.9), *lines], DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["surname"] == "da Conceição"
