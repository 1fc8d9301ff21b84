"""Faturas-recibo of doc probe round 29 still read wrong: the issuer's and the acquirer's boxes side by side,
their names read across as one line (the gap between the boxes now kept from where the words stand on the
page), and a person's letterhead over the title with the NIF further down."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line, gapped_text, read_document

SIDE_BY_SIDE = [
    ("Fatura-recibo", 60),
    ("Emitente", 60, "Cliente / Adquirente", 320),
    ("Martim Tomás Antunes Magalhães", 60, "Hotelaria Guimarães, S.A.", 320),
    ("NIF: 245690271", 60, "NIF: 556878000", 320),
    ("Documento: FR 2026/15", 60, "Emitido em: 22-09-2026", 320),
    ("Serviços de design gráfico", 60, "1850,00", 450),
    ("Total ilíquido", 60, "1850,00", 450),
    ("Imposto (IVA 23%)", 60, "425,50", 450),
    ("Retenção na fonte", 60, "Dispensado", 450),
    ("Importância recebida", 60, "2275,50", 450),
]


def side_by_side_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica", 10)
    for row, cells in enumerate(SIDE_BY_SIDE):
        for text, x in zip(cells[::2], cells[1::2], strict=True):
            page.drawString(x, 780 - 22 * row, str(text))
    page.save()
    return buffer.getvalue()


def test_two_boxes_names_read_across_a_text_layer_are_parted_at_the_gap_between_them() -> None:
    read = read_document(side_by_side_pdf())
    names = next(line for line in read.lines if line.text.startswith("Martim"))
    assert names.text == "Martim Tomás Antunes Magalhães Hotelaria Guimarães, S.A."  # the text itself unchanged
    assert gapped_text(names) == "Martim Tomás Antunes Magalhães   Hotelaria Guimarães, S.A."
    fields = parse_invoice(read.lines).fields
    assert fields["issuer_name"] == "Martim Tomás Antunes Magalhães"
    assert fields["acquirer_name"] == "Hotelaria Guimarães, S.A."
    assert fields["issuer_nif"] == "245690271"
    assert fields["acquirer_nif"] == "556878000"


def ocr_line(*words: tuple[str, int, int]) -> Line:
    """Words as OCR boxed them: (word, left, width), all 30 px tall on one row."""
    return Line(
        " ".join(word for word, _, _ in words),
        0.95,
        [(word, 0.95) for word, _, _ in words],
        [(left, 100, width, 30) for _, left, width in words],
    )


def test_two_boxes_names_read_across_a_scan_are_parted_at_the_gap_between_them() -> None:
    lines = [
        Line("Fatura-Recibo", 0.92),
        Line("Emitente Cliente / Adquirente", 0.92),
        ocr_line(
            ("Joaquim", 100, 120),
            ("Romão", 232, 90),
            ("Sá", 334, 30),
            ("Metalomecânica", 600, 220),
            ("da", 832, 30),
            ("Beira", 874, 80),
            ("Lda.", 966, 60),
        ),
        Line("NIF: 222864400 NIF: 583611931", 0.94),
        Line("Documento: FR-006 Emitido em: 29-09-2026", 0.95),
        Line("Base tributável 980,50", 0.97),
        Line("IVA à taxa de 23% 225,52", 0.96),
        Line("Total a receber 1.206,02", 0.96),
    ]
    fields = parse_invoice(lines).fields
    assert fields["issuer_name"] == "Joaquim Romão Sá"
    assert fields["acquirer_name"] == "Metalomecânica da Beira Lda."


def test_words_a_word_space_apart_stay_one_phrase() -> None:
    line = ocr_line(("Joaquim", 100, 120), ("Romão", 232, 90), ("Sá", 334, 30))
    assert gapped_text(line) == "Joaquim Romão Sá"
    assert gapped_text(Line("Joaquim Romão Sá")) == "Joaquim Romão Sá"  # no boxes: the text as it is


LETTERHEAD = """Márcia Lourenço Simões
Consultoria em engenharia
Rua da Constituição, 39, 4700-435 Braga
Fatura-Recibo
N.º: FR A/61
Emitida em: 27/11/2026
NIF: 161920381
Nome do adquirente Clínica Dentária Beira-Mar Unipessoal Lda.
NIF do adquirente: 553217844
Descrição: Serviços prestados em Novembro
Valor dos serviços 1200,50
IVA 0,00 (isento, Artigo 53.º do CIVA)
Retenção na fonte IRS 25% 300,13
Valor recebido 900,37"""


def test_a_person_s_letterhead_over_the_title_is_the_issuer() -> None:
    fields = parse_invoice([Line(text) for text in LETTERHEAD.splitlines()]).fields
    assert fields["issuer_name"] == "Márcia Lourenço Simões"
    assert fields["issuer_nif"] == "161920381"
    assert fields["acquirer_name"] == "Clínica Dentária Beira-Mar Unipessoal Lda."


def test_a_letterhead_over_a_company_s_nif_is_not_taken_for_a_person() -> None:
    # A company's NIF: the name over the title is no person issuing as an independent worker; the rule stays away.
    text = LETTERHEAD.replace("NIF: 161920381", "NIF: 509442013")
    fields = parse_invoice([Line(line) for line in text.splitlines()]).fields
    assert fields.get("issuer_name") != "Márcia Lourenço Simões"


def test_the_acquirer_s_caption_with_its_complement_is_no_name_and_a_spaced_type_and_sequence_is_the_number() -> None:
    """Doc probe 30A: "Adquirente do serviço" gave the acquirer "do serviço" (3 of 3), and "N.º FR 40" no number."""
    text = LETTERHEAD.replace("Nome do adquirente Clínica", "Adquirente do serviço\nNome Clínica").replace(
        "N.º: FR A/61", "FATURA-RECIBO N.º FR 40"
    )
    fields = parse_invoice([Line(line) for line in text.splitlines()]).fields
    assert fields["acquirer_name"] == "Clínica Dentária Beira-Mar Unipessoal Lda."
    assert fields["invoice_number"] == "FR 40"
