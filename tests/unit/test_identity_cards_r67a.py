"""Identity cards blind probe r67a read wrong: a card's front and back side by side said "back"; a passport card (a
TD1 card titled "PASSPORT CARD") read as a passport with no side; a card's valid MRZ whose names line lost a letter
left the holder unnamed beside the names printed without captions; a Spanish DNI's and a Polish card's fronts gave
no number under their own captions. Texts are shaped as the reader hands them over, with names and numbers of their
own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.identity import parse_identity, polish_card_number_holds
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1

FOREIGN_CARD = DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO


def lines_of(*texts: str, confidence: float = 0.9) -> list[Line]:
    return [Line(text, confidence) for text in texts]


def back(*, state: str = "ROU", surname: str = "IONESCU", given: str = "ELENA CORINA") -> list[str]:
    return td1(code="ID", state=state, number="KT5820417", birth=dt.date(1990, 6, 11), sex="F",
               expiry=dt.date(2031, 6, 11), nationality=state, surname=surname, given=given)  # fmt: skip


# --- Side by side: the front known by its nationality's caption ---------------------------------------------


def test_a_front_beside_its_back_keeping_only_its_nationality_caption_is_both_sides() -> None:
    front = ["ROMANIA", "CARTE DE IDENTITATE / IDENTITY CARD", "IONESCU", "ELENA CORINA",
             "Cetatenie / Nationality", "Romana / ROU", "11061990", "F"]  # fmt: skip
    parsed = parse_identity(lines_of(*front, *back()), FOREIGN_CARD)
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["side"] == "both"


def test_a_card_s_back_alone_is_still_its_back() -> None:
    """Guard, passes either way: the MRZ alone is the back."""
    parsed = parse_identity(lines_of("Domiciliu / Address", "STR. LALELELOR 4, IASI", *back()), FOREIGN_CARD)
    assert parsed.fields["side"] == "back"


def test_a_permit_s_back_printing_the_nationality_is_still_its_back() -> None:
    """Guard, passes either way: a permit in the EU's uniform format prints the nationality beside its MRZ."""
    lines = lines_of("NACIONALIDADE / NATIONALITY", "UCRANIANA", *back(state="UKR"))
    parsed = parse_identity(lines, DocumentKind.TITULO_RESIDENCIA)
    assert parsed.fields.get("side") == "back"


# --- A passport card: a TD1 card, not a passport ------------------------------------------------------------


def test_a_card_titled_passport_card_with_a_td1_mrz_is_another_state_s_card() -> None:
    page = ["EIRE / IRELAND", "CARTA PAS / PASSPORT CARD", "Sloinne / Surname", "MAC GIOLLA / MAC GIOLLA",
            *back(state="IRL", surname="MAC GIOLLA", given="AOIFE")]  # fmt: skip
    assert classify("\n".join(page)) == FOREIGN_CARD


def test_a_passport_s_data_page_stays_a_passport() -> None:
    """Guard, passes either way: a TD3 under the title "PASSPORT"."""
    page = ["IRELAND", "PASSPORT",
            "P<IRLMAC<GIOLLA<<AOIFE<<<<<<<<<<<<<<<<<<<<<",
            "PX48213760IRL9006117F3106118<<<<<<<<<<<<<<02"]  # fmt: skip
    assert classify("\n".join(page)) == DocumentKind.PASSAPORTE


# --- A valid MRZ's damaged names line, the names printed without captions -----------------------------------


def test_names_printed_without_captions_are_taken_where_the_damaged_names_line_spells_them() -> None:
    mrz = back(state="ESP", surname="ORTEGA DE LA TORRE", given="MARIA ROSA")
    # OCR lost the given names' first letter: a third filler where it stood ("<<<ARIA<ROSA").
    damaged = "ORTEGA<DE<LA<TORRE<<<ARIA<ROSA"
    page = ["ORTEGA DE LA TORRE", "MARÍA ROSA", "ESP", "11 06 1990", mrz[0], mrz[1], damaged]
    parsed = parse_identity(lines_of(*page), FOREIGN_CARD)
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["surname"] == "Ortega de la Torre"
    assert parsed.fields["given_names"] == "María Rosa"


def test_a_printed_line_two_letters_off_the_damaged_line_is_no_name() -> None:
    """Guard, passes either way: one lost letter is a misreading; more is another word."""
    mrz = back(state="ESP", surname="ORTEGAS DE LA TORRE", given="MARIA ROSA")
    damaged = "ORTEGAS<DE<LA<TORRE<<<RIA<ROSA"
    parsed = parse_identity(lines_of("MARÍA ROSA", mrz[0], mrz[1], damaged), FOREIGN_CARD)
    assert not parsed.fields.get("given_names")


# --- The fronts' numbers under their own captions -----------------------------------------------------------


def test_a_dni_front_s_number_is_under_its_cut_short_caption() -> None:
    front = ["REINO DE ESPAÑA", "DOCUMENTO NACIONAL DE IDENTIDAD", "APELLIDOS / SURNAME", "NAVARRO DE LA FUENTE",
             "NOMBRE / NAME", "LUCÍA INÉS", "NUM SOPORT", "DHT730451", "DNI", "71583046K"]  # fmt: skip
    parsed = parse_identity(lines_of(*front), FOREIGN_CARD)
    assert parsed.fields["document_number"] == "DHT730451"


def polish_front(number: str) -> list[str]:
    return ["RZECZPOSPOLITA POLSKA", "DOWÓD OSOBISTY / IDENTITY CARD", "NAZWISKO / SURNAME", "KOWALCZYK",
            "IMIONA / GIVEN NAMES", "MARTA", "NUMER DOWODU / ID NUMBER", number]  # fmt: skip


def test_poland_s_check_holds_for_its_published_example_and_fails_for_a_digit_changed() -> None:
    assert polish_card_number_holds("ABA300000")
    assert not polish_card_number_holds("ABA300001")


def test_a_polish_front_s_number_whose_check_digit_holds_is_read_surely() -> None:
    parsed = parse_identity(lines_of(*polish_front("ABS123456")), FOREIGN_CARD)
    assert parsed.fields["document_number"] == "ABS123456"
    assert parsed.confidence["document_number"] == 0.99


def test_a_polish_front_s_number_whose_check_digit_fails_is_left_out_and_flagged() -> None:
    parsed = parse_identity(lines_of(*polish_front("ABS123457")), FOREIGN_CARD)
    assert not parsed.fields.get("document_number")
    assert "document_number_check_invalid" in parsed.warnings
