"""Identity documents the blind probe of round 24 found read without a word: two people's Cartões de Cidadão
(front and back each) copied onto one A4 page, one person read and nothing said of the other. Two different valid
MRZs, card numbers or NIFs on one document are two documents: ``multiple_identity_documents``. Texts are shaped
as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from applicants.identifiers import cc_check_digit, nif_check_digit
from documents.extraction.schema import DocumentKind
from samples.identity import td1
from tests.helpers import parse_identity_lines

MULTIPLE = "multiple_identity_documents"


def nif(first_eight: str) -> str:
    return first_eight + str(nif_check_digit(first_eight))


def cc_number(first_eleven: str) -> str:
    """A CC number "DDDDDDDD D VVC" printed as the card prints it, its check character computed."""
    full = first_eleven + cc_check_digit(first_eleven)
    return f"{full[:8]} {full[8]} {full[9:]}"


def cc_mrz(*, number: str, surname: str, given: str, birth: dt.date) -> list[str]:
    return td1(code="I", state="PRT", number=number.replace(" ", ""), birth=birth, sex="F",
               expiry=dt.date(2031, 5, 9), nationality="PRT", surname=surname, given=given)  # fmt: skip


def cc_card(*, number: str, nif_number: str, surname: str, given: str, mrz_lines: list[str]) -> list[str]:
    """A card's front and back as one page reads them: captions, values, NIF under its caption, then the MRZ."""
    return [
        "REPÚBLICA PORTUGUESA",
        "CARTÃO DE CIDADÃO",
        "APELIDO(S)",
        surname,
        "NOME(S)",
        given,
        "SEXO",
        "F",
        "DATA DE NASCIMENTO",
        "03 04 1987",
        "N.º DOCUMENTO",
        number,
        "NÚMERO DE IDENTIFICAÇÃO FISCAL",
        nif_number,
        "NÚMERO DE UTENTE DE SAÚDE",
        "174839205",
        *mrz_lines,
    ]


FIRST_NUMBER = cc_number("15408832" + "7" + "ZZ")
SECOND_NUMBER = cc_number("13377129" + "4" + "ZY")
FIRST = {"number": FIRST_NUMBER, "nif_number": nif("23918405"), "surname": "Carvalho Reis", "given": "Marta Sofia"}
SECOND = {"number": SECOND_NUMBER, "nif_number": nif("24477013"), "surname": "Nunes Prata", "given": "Rui Miguel"}


def first_mrz() -> list[str]:
    return cc_mrz(number=FIRST_NUMBER, surname="CARVALHO REIS", given="MARTA SOFIA", birth=dt.date(1987, 4, 3))


def second_mrz() -> list[str]:
    return cc_mrz(number=SECOND_NUMBER, surname="NUNES PRATA", given="RUI MIGUEL", birth=dt.date(1985, 9, 21))


def test_two_peoples_cards_on_one_page_are_flagged() -> None:
    """Two cards, each with its own valid MRZ, number and NIF: the first is read, the second named in a warning."""
    lines = [*cc_card(**FIRST, mrz_lines=first_mrz()), *cc_card(**SECOND, mrz_lines=second_mrz())]
    fields, warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO)
    assert fields["surname"] == "Carvalho Reis"
    assert MULTIPLE in warnings


def test_two_valid_mrzs_alone_are_flagged() -> None:
    """Both cards' visual zones lost (captions and numbers unread): two valid MRZs of different documents."""
    lines = ["CARTÃO DE CIDADÃO", *first_mrz(), "CARTÃO DE CIDADÃO", *second_mrz()]
    _, warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO)
    assert MULTIPLE in warnings


def test_two_card_numbers_alone_are_flagged() -> None:
    """Two fronts whose check characters hold, no MRZ read (its lines lost in a photocopy's grey)."""
    fronts = [line for card in (FIRST, SECOND) for line in cc_card(**card, mrz_lines=[])[:12]]
    _, warnings = parse_identity_lines(fronts, DocumentKind.CARTAO_CIDADAO)
    assert MULTIPLE in warnings


def test_two_labelled_nifs_alone_are_flagged() -> None:
    """Two backs' NIFs under their captions, both valid, MRZs unread."""
    backs = [line for card in (FIRST, SECOND) for line in ["NÚMERO DE IDENTIFICAÇÃO FISCAL", str(card["nif_number"])]]
    _, warnings = parse_identity_lines(["CARTÃO DE CIDADÃO", *backs], DocumentKind.CARTAO_CIDADAO)
    assert MULTIPLE in warnings


def test_one_card_front_and_back_is_not_flagged() -> None:
    """Guard (passes before and after the fix): one card, its number on the front and in the MRZ, is one person."""
    fields, warnings = parse_identity_lines(cc_card(**FIRST, mrz_lines=first_mrz()), DocumentKind.CARTAO_CIDADAO)
    assert fields["nif"] == FIRST["nif_number"]
    assert MULTIPLE not in warnings


def test_the_same_card_copied_twice_is_not_flagged() -> None:
    """Guard (passes before and after the fix): one card photocopied twice on a page is still one person."""
    card = cc_card(**FIRST, mrz_lines=first_mrz())
    _, warnings = parse_identity_lines([*card, *card], DocumentKind.CARTAO_CIDADAO)
    assert MULTIPLE not in warnings


def test_one_card_number_and_its_ocr_misreading_are_one_card() -> None:
    """A card's number read once as printed and once with a look-alike digit ("722563353" and "122563353": the weak
    check character may accept both, as cases probe 10 saw) is one card, not a second person (lead's review)."""
    from documents.extraction.parsers.identity import two_cards

    assert not two_cards({"722563353", "122563353"})
    assert two_cards({"722563353", "145029387"})
