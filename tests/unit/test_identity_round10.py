"""Identity documents as the blind probe of round 10 found them: an MRZ whose document number OCR read with "O" for
"0" (the visual zone prints it right), two readings of a card's MRZ that read one glyph differently, a phone photo
the general pass turned wrongly, a card printing each value above its caption, and English labels first.

The texts are shaped as the reader hands them over (one line per printed line, columns joined by spaces), with
names and numbers of their own.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from documents.extraction import mrz_ocr
from documents.extraction.mrz import read_mrz, with_document_number
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, Any], list[str]]:
    return read_text(text, document_type="ID_DOCUMENT", today=TODAY)


def ocr_lines(text: str) -> list[Line]:
    return [Line(line, 0.92) for line in text.splitlines() if line.strip()]


# --- F1: the visual zone's number is a second reading of the MRZ's ------------------------------------------

PASSPORT_MRZ = td3(code="P", state="CAN", number="GK0715293", nationality="CAN", birth=dt.date(1979, 6, 2), sex="F",
                   expiry=dt.date(2031, 4, 18), surname="Tremblay", given="Josee Anne")  # fmt: skip
# OCR read the number's "0" as the letter "O": a letter may stand there, so no repair turns it back.
MISREAD_MRZ = [PASSPORT_MRZ[0], PASSPORT_MRZ[1].replace("GK0715293", "GKO715293")]


def passport_page(number: str, mrz_lines: list[str]) -> str:
    return "\n".join(
        [
            "PASSPORT / PASSEPORT CANADA",
            "Type / Type Issuing Country / Pays émetteur Passport No. / N° de passeport",
            f"P CAN {number}",
            "Surname / Nom",
            "TREMBLAY",
            "Given names / Prénoms",
            "JOSEE ANNE",
            "Nationality / Nationalité CANADIAN/CANADIENNE",
            "Date of birth / Date de naissance 02 JUN 1979 Sex / Sexe F",
            "Date of expiry / Date d'expiration 18 APR 2031",
            *mrz_lines,
        ]
    )


def test_an_mrz_number_read_with_o_for_zero_is_valid_with_the_visual_zones_number() -> None:
    kind, fields, warnings = read(passport_page("GK0715293", MISREAD_MRZ))
    assert kind == DocumentKind.PASSAPORTE
    assert fields["mrz_valid"] is True
    assert fields["document_number"] == "GK0715293"
    assert "mrz_check_invalid" not in warnings


# The "0" read as "D": a letter numbers hold, so unlike "O" the MRZ's check digits alone never turn it back.
MISREAD_D_MRZ = [PASSPORT_MRZ[0], PASSPORT_MRZ[1].replace("GK0715293", "GKD715293")]


def test_a_visual_zone_number_differing_by_more_than_a_look_alike_never_makes_the_mrz_valid() -> None:
    # The visual zone reads another digit (a tampered MRZ or a misread): nothing proves either.
    _, fields, warnings = read(passport_page("GK0715298", MISREAD_D_MRZ))
    assert fields["mrz_valid"] is False
    assert "mrz_check_invalid" in warnings


def test_a_look_alike_number_is_taken_only_when_every_check_then_holds() -> None:
    # The MRZ's number check digit was altered: the visual zone's "0" makes no check hold it did not.
    tampered = [MISREAD_MRZ[0], MISREAD_MRZ[1][:9] + "0" + MISREAD_MRZ[1][10:]]
    mrz = read_mrz(tampered, today=TODAY)
    assert mrz is not None and not mrz.valid
    assert with_document_number(mrz, "GK0715293", today=TODAY) is None
    _, fields, warnings = read(passport_page("GK0715293", tampered))
    assert fields["mrz_valid"] is False and "mrz_check_invalid" in warnings


# --- F1: one glyph read as two by one pass, as another by the other -----------------------------------------

PERMIT_BACK = td1(code="IR", state="PRT", number="X26193614", nationality="IND", birth=dt.date(1990, 11, 23), sex="M",
                  expiry=dt.date(2029, 5, 31), surname="Sharma", given="Ravi Kumar")  # fmt: skip
# One pass reads the number's "6" as "0"; the other reads it as "60", one character too many.
AS_ZERO = [PERMIT_BACK[0].replace("X26193614", "X20193614"), *PERMIT_BACK[1:]]
AS_TWO = [PERMIT_BACK[0].replace("X26193614", "X260193614"), *PERMIT_BACK[1:]]


def test_two_readings_of_a_split_glyph_give_the_mrz_the_check_digits_confirm() -> None:
    assert len(AS_TWO[0]) == 31
    assert not read_mrz(AS_ZERO, today=TODAY).valid  # type: ignore[union-attr]
    mrz = read_mrz([*AS_ZERO, "", *AS_TWO], today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "X26193614"


def test_a_split_glyph_reading_is_never_taken_when_the_check_digits_do_not_hold() -> None:
    # The printed number itself differs from what its check digit vouches for: no reading repairs that.
    forged = [PERMIT_BACK[0].replace("X26193614", "X26193615"), *PERMIT_BACK[1:]]
    as_two = [forged[0].replace("X26193615", "X260193615"), *forged[1:]]
    as_zero = [forged[0].replace("X26193615", "X20193615"), *forged[1:]]
    mrz = read_mrz([*as_zero, "", *as_two], today=TODAY)
    assert mrz is not None and not mrz.valid


def test_a_line_one_character_too_long_without_a_second_reading_stays_invalid() -> None:
    mrz = read_mrz(AS_TWO, today=TODAY)
    assert mrz is None or not mrz.valid


# --- R2: a page the general pass turned wrongly is read as it came ------------------------------------------


def png(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (width, height), 255).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_turned_page_whose_mrz_fails_is_read_again_as_it_came(monkeypatch: Any) -> None:
    def tesseract(image: Any) -> list[str]:
        # Upright (wider than high) the card's MRZ reads; turned a quarter, only noise.
        return PERMIT_BACK if image.width > image.height else ["A A A", "AAA"]

    monkeypatch.setattr(mrz_ocr, "mrz_read", tesseract)
    mrz = read_mrz(mrz_ocr.mrz_ocr_texts(png(1600, 1000), turns=(270,)), today=TODAY)
    assert mrz is not None and mrz.valid


def test_a_page_read_as_it_came_is_not_read_again(monkeypatch: Any) -> None:
    calls: list[int] = []

    def tesseract(image: Any) -> list[str]:
        calls.append(image.width)
        return ["A A A"]

    monkeypatch.setattr(mrz_ocr, "mrz_read", tesseract)
    mrz_ocr.mrz_ocr_texts(png(1600, 1000), turns=(0,))
    assert len(calls) == 1


# --- M1: values printed above their captions ----------------------------------------------------------------

VALUES_ABOVE = """CARTÃO DE CIDADÃO PORTUGAL - PRT
LI WEI
Apelido(s) / Surname Nome(s) / Given name(s)
M 1,74 PRT
Sexo / Sex Altura / Height Nacionalidade / Nationality
23 05 1988 14 02 2033
Data de nascimento / Date of birth Validade / Expiry
N.º de documento / Document No.
Assinatura: Li Wei"""


def test_a_card_printing_each_value_above_its_caption_is_read_from_above() -> None:
    parsed = parse_identity(ocr_lines(VALUES_ABOVE), DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["surname"] == "Li"
    assert parsed.fields["given_names"] == "Wei"
    assert parsed.fields["sex"] == "M"
    assert parsed.fields["nationality"] == "PRT"
    assert parsed.fields["date_of_birth"] == dt.date(1988, 5, 23)
    assert parsed.fields["expiry_date"] == dt.date(2033, 2, 14)


def test_names_above_two_captions_are_not_split_when_the_words_do_not_match_the_columns() -> None:
    text = VALUES_ABOVE.replace("LI WEI", "COSTA NUNES RAFAEL")
    parsed = parse_identity(ocr_lines(text), DocumentKind.CARTAO_CIDADAO)
    assert "surname" not in parsed.fields and "given_names" not in parsed.fields
    assert parsed.fields["sex"] == "M"


def test_a_card_printing_values_under_their_captions_still_reads_them_there() -> None:
    text = """CARTÃO DE CIDADÃO PORTUGAL - PRT
Apelido(s) / Surname
ROCHA
Nome(s) / Given name(s)
MARTA
Sexo / Sex Altura / Height Nacionalidade / Nationality
F 1,62 PRT
Data de nascimento / Date of birth Validade / Expiry
11 09 1993 30 06 2032"""
    parsed = parse_identity(ocr_lines(text), DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["surname"] == "Rocha" and parsed.fields["given_names"] == "Marta"
    assert parsed.fields["sex"] == "F" and parsed.fields["date_of_birth"] == dt.date(1993, 9, 11)


# --- S5: a label word in the other language is never a value --------------------------------------------------


def test_a_portuguese_label_after_an_english_one_is_not_the_name() -> None:
    text = """RESIDENCE PERMIT
Autorização de Residência - PORTUGAL
SURNAME / APELIDO
OKAFOR
GIVEN NAMES / NOMES
CHIDI EMEKA
NATIONALITY / NACIONALIDADE SEX / SEXO
NGA M"""
    parsed = parse_identity(ocr_lines(text), DocumentKind.TITULO_RESIDENCIA)
    assert parsed.fields["given_names"] == "Chidi Emeka"
    assert parsed.fields["surname"] == "Okafor"


def test_a_filler_one_reading_has_more_never_replaces_a_character() -> None:
    # The number's last digit misread in both passes; one also reads a filler more: nothing turns the digit.
    misread = [PERMIT_BACK[0].replace("X26193614", "X26193617"), *PERMIT_BACK[1:]]
    longer = [misread[0] + "<", *misread[1:]]
    mrz = read_mrz([*misread, "", *longer], today=TODAY)
    assert mrz is not None and not mrz.valid
