"""Faturas-recibo of blind probe r62a: the Portal's two boxes side by side (the issuer's left, the client's right)
on a photo, OCR reading the client's caption a line above the issuer's; and a reading whose issuer's NIF is a
company's under a person's name while the page's other NIF is a person's."""

from __future__ import annotations

from documents.extraction.parsers.common import VALIDATED_CONFIDENCE
from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line

ISSUER_NIF = "263819426"
CLIENT_NIF = "516238477"


def ocr_line(top: int, *words: tuple[str, int]) -> Line:
    """Words as OCR boxed them on a photo: (word, left), each 20 px wide a letter, 30 px tall, from ``top``."""
    return Line(
        " ".join(word for word, _ in words),
        0.95,
        [(word, 0.95) for word, _ in words],
        [(left, top, 20 * len(word), 30) for word, left in words],
    )


def spaced(top: int, left: int, text: str) -> list[tuple[str, int]]:
    """The words of ``text`` from ``left`` on, as a line prints them."""
    words, at = [], left
    for word in text.split():
        words.append((word, at))
        at += 20 * len(word) + 12
    return words


def boxes_read(heading: list[Line]) -> list[Line]:
    """The Portal's boxes under a heading OCR read as given: the issuer's box at x=100, the client's at x=1000."""
    return [
        ocr_line(20, *spaced(20, 100, "FATURA-RECIBO N.º FR ATSIRE01FR/12")),
        *heading,
        ocr_line(140, *spaced(140, 100, "Tiago Henrique Vaz Louro"), *spaced(140, 1000, f"NIF: {CLIENT_NIF}")),
        ocr_line(172, *spaced(172, 100, f"NIF: {ISSUER_NIF}"), *spaced(172, 1000, "Rua do Souto, 4, Braga")),
        ocr_line(204, *spaced(204, 100, "Largo da Sé, 2, Viseu"), *spaced(204, 1000, "País: Portugal")),
        ocr_line(260, *spaced(260, 100, "Data de emissão 14/09/2026 Data da prestação do serviço 14/09/2026")),
        ocr_line(300, *spaced(300, 600, "Valor base 900,00 €")),
        ocr_line(330, *spaced(330, 600, "Importância recebida 900,00 €")),
    ]


def test_a_client_caption_read_a_line_above_the_issuers_leaves_each_nif_in_its_own_column() -> None:
    heading = [
        ocr_line(70, *spaced(70, 1000, "Adquirente")),
        ocr_line(
            100, *spaced(100, 100, "Transmitente / Prestador de serviços"), *spaced(100, 1000, "Tipografia Avenal, Lda")
        ),
    ]
    fields = parse_invoice(boxes_read(heading)).fields
    assert fields["issuer_nif"] == ISSUER_NIF
    assert fields["acquirer_nif"] == CLIENT_NIF
    assert fields["issuer_name"] == "Tiago Henrique Vaz Louro"
    assert fields["acquirer_name"] == "Tipografia Avenal, Lda"


def test_an_issuer_caption_read_a_line_above_the_clients_leaves_each_nif_in_its_own_column() -> None:
    # The other way round: the issuer's caption alone, then the client's beside the line of the client's name.
    heading = [
        ocr_line(70, *spaced(70, 100, "Prestador de serviços")),
        ocr_line(100, *spaced(100, 1000, "Adquirente")),
    ]
    lines = boxes_read(heading)
    lines.insert(3, ocr_line(120, *spaced(120, 1000, "Tipografia Avenal, Lda")))
    fields = parse_invoice(lines).fields
    assert fields["issuer_nif"] == ISSUER_NIF
    assert fields["acquirer_nif"] == CLIENT_NIF


def test_noise_beside_a_split_caption_is_no_line_of_the_issuers_box() -> None:
    # A WhatsApp image's speck read as letters left of the client's caption ("i A Adquirente"): the issuer's name
    # is still the first line of its box.
    heading = [
        ocr_line(70, ("i", 300), ("A", 600), ("Adquirente", 1000)),
        ocr_line(
            70, *spaced(70, 100, "Transmitente / Prestador de serviços"), *spaced(70, 1000, "Tipografia Avenal, Lda")
        ),
    ]
    fields = parse_invoice(boxes_read(heading)).fields
    assert fields["issuer_name"] == "Tiago Henrique Vaz Louro"
    assert fields["issuer_nif"] == ISSUER_NIF


def test_a_company_nif_under_a_persons_name_gives_way_to_the_pages_personal_nif() -> None:
    # No words' boxes (a line order rebuilt): the client's caption first, so its NIF came first after the captions.
    lines = [
        Line("FATURA-RECIBO N.º FR ATSIRE01FR/12"),
        Line("Adquirente"),
        Line("Transmitente / Prestador de serviços"),
        Line("Tiago Henrique Vaz Louro"),
        Line(f"NIF: {CLIENT_NIF}"),
        Line(f"NIF: {ISSUER_NIF}"),
        Line("Valor base 900,00 €"),
        Line("Importância recebida 900,00 €"),
    ]
    parsed = parse_invoice(lines)
    assert parsed.fields["issuer_nif"] == ISSUER_NIF
    assert parsed.fields["acquirer_nif"] == CLIENT_NIF
    assert parsed.confidence["issuer_nif"] < VALIDATED_CONFIDENCE  # by the kinds, not the layout


def test_a_companys_own_receipt_keeps_its_company_nif() -> None:
    # Guard (passes either way): a company's name over its NIF is no contradiction to mend.
    lines = [
        Line("FATURA-RECIBO N.º FR 2026/12"),
        Line("Tipografia Avenal, Lda"),
        Line(f"NIF: {CLIENT_NIF}"),
        Line("Adquirente"),
        Line("Tiago Henrique Vaz Louro"),
        Line(f"NIF: {ISSUER_NIF}"),
        Line("Importância recebida 900,00 €"),
    ]
    fields = parse_invoice(lines).fields
    assert fields["issuer_nif"] == CLIENT_NIF
    assert fields["acquirer_nif"] == ISSUER_NIF
