"""Blind probe r64a: the parties' names and NIFs of a Portal fatura-recibo whose two boxes OCR read across, each
line the issuer's words then the client's (a clean image-only PDF, a photo, a scan); and the pensioner's name of a
Segurança Social Direta page, alone on its line over "NIF ... · NISS ..."."""

from __future__ import annotations

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.parsers.pension import parse_pension
from documents.extraction.reader import Line
from tests.unit.test_invoice_r62a import ocr_line

ISSUER_NIF = "249138077"
CLIENT_NIF = "508762146"
PENSIONER_NIF = "135720460"

LEFT, RIGHT = 100, 1000


def spaced(left: int, text: str) -> list[tuple[str, int]]:
    """The words of ``text`` from ``left`` on, as a line prints them."""
    words, at = [], left
    for word in text.split():
        words.append((word, at))
        at += 20 * len(word) + 12
    return words


def across(top: int, left_text: str, right_text: str = "") -> Line:
    """One line read across both boxes: the issuer's words at ``LEFT``, the client's at ``RIGHT``."""
    return ocr_line(top, *spaced(LEFT, left_text), *(spaced(RIGHT, right_text) if right_text else []))


def portal_page(boxes: list[Line]) -> list[Line]:
    return [
        across(20, "Portal das Finanças FATURA-RECIBO"),
        across(50, "N.º FR ATSIRE01FR/7"),
        ocr_line(100, *spaced(LEFT, "Transmitente / Prestador de serviços"), *spaced(RIGHT, "Adquirente dos bens")),
        *boxes,
        across(400, "Data de emissão 03-08-2026"),
        ocr_line(450, *spaced(600, "Valor base 740,00 €")),
        ocr_line(480, *spaced(600, "IRS - retenção na fonte 0,00 €")),
        ocr_line(510, *spaced(600, "Importância recebida 740,00 €")),
    ]


def test_boxes_read_across_give_each_party_its_name_and_its_nif() -> None:
    # The issuer's box a line shorter: its NIF beside the client's country, the client's NIF alone in its column.
    lines = portal_page(
        [
            across(140, "Rodrigo Vasques Teles", "Oficina Alvarinho, Lda."),
            across(172, "Fisioterapeuta", "Rua das Flores, 9, 4050-262"),
            across(204, "Praça do Giraldo, 3, 7000-508 Évora", "Porto"),
            across(236, f"NIF: {ISSUER_NIF}", "PORTUGAL"),
            ocr_line(268, *spaced(RIGHT, f"NIF: {CLIENT_NIF}")),
        ]
    )
    fields = parse_invoice(lines).fields
    assert fields["issuer_nif"] == ISSUER_NIF
    assert fields["acquirer_nif"] == CLIENT_NIF
    assert fields["issuer_name"] == "Rodrigo Vasques Teles"
    assert fields["acquirer_name"] == "Oficina Alvarinho, Lda."


def test_names_over_several_lines_of_address_are_read_with_the_two_nifs_on_one_line() -> None:
    # Both NIFs on one line, four lines of the boxes over it: the names are each column's first line.
    lines = portal_page(
        [
            across(140, "Rodrigo Vasques Teles", "Oficina Alvarinho, Lda."),
            across(172, "Fisioterapeuta", "Rua das Flores, 9, 4050-262"),
            across(204, "Praça do Giraldo, 3, 7000-508 Évora", "Porto"),
            across(236, "Évora", "PORTUGAL"),
            across(268, f"NIF: {ISSUER_NIF}", f"NIF: {CLIENT_NIF}"),
        ]
    )
    fields = parse_invoice(lines).fields
    assert fields["issuer_nif"] == ISSUER_NIF
    assert fields["acquirer_nif"] == CLIENT_NIF
    assert fields["issuer_name"] == "Rodrigo Vasques Teles"
    assert fields["acquirer_name"] == "Oficina Alvarinho, Lda."


def test_a_box_opening_with_an_address_gives_no_name() -> None:
    # Guard (passes either way): a column whose first line is no name names nobody; its second line is no name.
    lines = portal_page(
        [
            across(140, "Rua do Carmo, 5, 1200-093 Lisboa", "Oficina Alvarinho, Lda."),
            across(172, "Rodrigo Vasques Teles", "Rua das Flores, 9, 4050-262 Porto"),
            across(204, f"NIF: {ISSUER_NIF}", f"NIF: {CLIENT_NIF}"),
        ]
    )
    fields = parse_invoice(lines).fields
    assert "issuer_name" not in fields
    assert fields["issuer_nif"] == ISSUER_NIF


SS_DIRETA = f"""09:15 4G 64%
Segurança Social Direta
Pensões > Pagamentos
Beatriz Helena Quaresma Pinto
NIF {PENSIONER_NIF} - NISS 12045678901
Pensão de velhice
Mês de referência: agosto 2026
Data de pagamento: 2026-08-11
Valor ilíquido 842,30 €
Retenção IRS 31,20 €
Valor líquido 811,10 €"""


def test_a_segurança_social_direta_page_names_its_pensioner_over_the_nifs_line() -> None:
    parsed = parse_pension([Line(text) for text in SS_DIRETA.splitlines()])
    assert parsed.fields["pensioner_nif"] == PENSIONER_NIF
    assert parsed.fields["pensioner_name"] == "Beatriz Helena Quaresma Pinto"
    assert "missing:pensioner_name" not in parsed.warnings


def test_a_bodys_name_over_the_nifs_line_is_no_pensioners() -> None:
    # Guard (passes either way): the institute's name over the NIF's line names no pensioner.
    text = SS_DIRETA.replace("Beatriz Helena Quaresma Pinto", "Instituto da Segurança Social")
    parsed = parse_pension([Line(line) for line in text.splitlines()])
    assert "pensioner_name" not in parsed.fields


def test_a_line_of_figures_over_the_nifs_line_is_no_name() -> None:
    # Guard (passes either way): only a line that is a name and nothing else.
    text = SS_DIRETA.replace("Beatriz Helena Quaresma Pinto", "Pensões pagas em 2026: 8")
    parsed = parse_pension([Line(line) for line in text.splitlines()])
    assert "pensioner_name" not in parsed.fields


def test_a_name_wrapped_onto_the_nifs_line_is_read_whole() -> None:
    # Guard (passes either way: the reading of the boxes as one line kept the wrap too): the client's name runs
    # onto its NIF's line.
    lines = portal_page(
        [
            across(140, "Rodrigo Vasques Teles", "Associação Cultural Amigos do"),
            across(172, f"NIF: {ISSUER_NIF}", f"Castelo de Lanhoso — NIF: {CLIENT_NIF}"),
            across(204, "Praça do Giraldo, 3, 7000-508 Évora", "Rua das Flores, 9, 4050-262 Porto"),
        ]
    )
    fields = parse_invoice(lines).fields
    assert fields["acquirer_nif"] == CLIENT_NIF
    assert fields["acquirer_name"] == "Associação Cultural Amigos do Castelo de Lanhoso"
    assert fields["issuer_name"] == "Rodrigo Vasques Teles"
