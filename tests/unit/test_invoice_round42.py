"""A fatura-recibo with the issuer's and the buyer's boxes side by side ("Transmitente" over one, "Adquirente" over the
other), its text layer giving one box's lines, then the other's (blind probe r42a): the buyer's NIF, read after the
issuer's as the block's second NIF, was given as the issuer's at 0.99, and no name was read. The boxes of the words
now tell each line's column; where they are unknown, neither box's NIF is given."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line, read_document

ISSUER = ["Inês Carvalho Mota", "NIF: 245690271", "Atividade: 1332 - Consultores"]
ACQUIRER = ["Padaria Central do Bonfim, Lda.", "NIF: 556878000", "País: PORTUGAL"]
BELOW = [
    "Descrição: Serviços de contabilidade e apoio à gestão - setembro 2026, por avença mensal",
    "Valor Base 900,00 €",
    "IVA (Isento - artigo 53.º do CIVA) 0,00 €",
    "Retenção na fonte de IRS (art. 101.º, n.º 1, CIRS) 25% 225,00 €",
    "Importância recebida 675,00 €",
]


def boxes_one_after_the_other_pdf(*, left_label: str = "Transmitente", right_label: str = "Adquirente") -> bytes:
    """The Portal's fatura-recibo with its two boxes drawn one after the other: the left box's lines, then the
    right's, as the layer then gives them."""
    left, right = (ISSUER, ACQUIRER) if left_label == "Transmitente" else (ACQUIRER, ISSUER)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica", 9)
    page.drawString(40, 790, "FATURA-RECIBO N.º FR ATSIRE01FR/9")
    page.drawString(40, 775, "Data de emissão: 2026-09-30")
    page.drawString(40, 745, left_label)
    page.drawString(320, 745, right_label)
    for x, box in ((40, left), (320, right)):
        for row, text in enumerate(box):
            page.drawString(x, 730 - 13 * row, text)
    for row, text in enumerate(BELOW):
        page.drawString(40, 680 - 15 * row, text)
    page.save()
    return buffer.getvalue()


def test_two_boxes_given_one_after_the_other_give_each_party_its_own_name_and_nif() -> None:
    read = read_document(boxes_one_after_the_other_pdf())
    assert [line.text for line in read.lines[3:9]] == ISSUER + ACQUIRER  # one box's lines, then the other's
    fields = parse_invoice(read.lines).fields
    assert (fields["issuer_name"], fields["issuer_nif"]) == ("Inês Carvalho Mota", "245690271")
    assert (fields["acquirer_name"], fields["acquirer_nif"]) == ("Padaria Central do Bonfim, Lda.", "556878000")


def test_the_buyer_s_box_on_the_left_is_the_buyer_s() -> None:
    fields = parse_invoice(read_document(boxes_one_after_the_other_pdf(left_label="Adquirente", right_label="Transmitente")).lines).fields  # fmt: skip
    assert (fields["issuer_name"], fields["issuer_nif"]) == ("Inês Carvalho Mota", "245690271")
    assert (fields["acquirer_name"], fields["acquirer_nif"]) == ("Padaria Central do Bonfim, Lda.", "556878000")


def test_a_line_that_is_one_column_of_its_row_gets_its_words_boxes() -> None:
    read = read_document(boxes_one_after_the_other_pdf())
    by_text = {line.text: line for line in read.lines}
    issuer_name, acquirer_nif = by_text["Inês Carvalho Mota"], by_text["NIF: 556878000"]
    assert len(issuer_name.word_boxes) == 3 and 38 <= issuer_name.word_boxes[0][0] <= 42
    assert len(acquirer_nif.word_boxes) == 2 and 318 <= acquirer_nif.word_boxes[0][0] <= 322


def test_where_the_columns_cannot_be_told_apart_neither_box_s_nif_is_given() -> None:
    """The same lines without their words' boxes: the second NIF may be either box's, so it is nobody's."""
    lines = [
        Line(text) for text in ["FATURA-RECIBO N.º FR ATSIRE01FR/9", "Transmitente Adquirente", *ISSUER, *ACQUIRER]
    ]
    fields = parse_invoice([*lines, *(Line(text) for text in BELOW)]).fields
    assert "issuer_nif" not in fields and "acquirer_nif" not in fields
    assert fields["amount_received"] == 675
