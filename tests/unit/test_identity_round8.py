"""Identity documents' visual zone as the blind probe of round 8 found it: names wrapped onto a second line, a
row of date labels one of which is a bare "Nascimento", nationalities printed as words, a German card's
bilingual labels; and an MRZ that only two OCR readings together, or a reading at the image's own size, get
right.

The texts are shaped as the reader hands them over (one line per printed line, columns joined by spaces), with
names and numbers of their own.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest

from documents.extraction import mrz_ocr
from documents.extraction.mrz import read_mrz
from documents.extraction.parsers.identity import visual_nationality
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, Any], list[str]]:
    return read_text(text, document_type="ID_DOCUMENT", today=TODAY)


# --- Names wrapped onto more lines (S12) -----------------------------------------------------------------

CC_FRONT_WRAPPED = """CARTÃO DE CIDADÃO
República Portuguesa
Apelido(s)
{surname_1}
{surname_2}
Nome(s)
{given_1}
{given_2}
Sexo Data de nascimento Nacionalidade
M 14/06/1987 PRT
Documento n.º Validade
Validade 22/09/2032"""


def test_a_cc_front_name_wrapped_onto_a_second_line_keeps_that_line() -> None:
    text = CC_FRONT_WRAPPED.format(
        surname_1="QUEIRÓS DE MASCARENHAS", surname_2="BETTENCOURT PIMENTEL",
        given_1="RODRIGO AFONSO MARIA", given_2="LEOPOLDO",
    )  # fmt: skip
    _, fields, _ = read(text)
    assert fields["surname"] == "Queirós de Mascarenhas Bettencourt Pimentel"
    assert fields["given_names"] == "Rodrigo Afonso Maria Leopoldo"
    assert fields["full_name"] == "Rodrigo Afonso Maria Leopoldo Queirós de Mascarenhas Bettencourt Pimentel"


def test_the_card_border_a_photo_adds_at_the_end_of_each_line_does_not_stop_the_name() -> None:
    text = CC_FRONT_WRAPPED.format(
        surname_1="QUEIRÓS DE MASCARENHAS |", surname_2="BETTENCOURT PIMENTEL |",
        given_1="RODRIGO AFONSO MARIA |", given_2="LEOPOLDO |",
    )  # fmt: skip
    text = text.replace("Nome(s)", "Nome(s) |")
    _, fields, _ = read(text)
    assert fields["surname"] == "Queirós de Mascarenhas Bettencourt Pimentel"
    assert fields["given_names"] == "Rodrigo Afonso Maria Leopoldo"


def test_a_name_on_one_line_is_not_joined_to_the_next_label_or_its_value() -> None:
    text = CC_FRONT_WRAPPED.format(surname_1="PIMENTEL", surname_2="", given_1="LEOPOLDO", given_2="")
    _, fields, _ = read(text)
    assert (fields["surname"], fields["given_names"]) == ("Pimentel", "Leopoldo")


def test_lines_in_capitals_not_ended_by_a_label_are_not_taken_for_the_rest_of_a_name() -> None:
    # The given names' label lost to OCR: the line under the surname may be the given names.
    lost_label = "Apelido(s)\nPIMENTEL\nRODRIGO AFONSO\nSexo Data de nascimento\nM 14/06/1987"
    _, fields, _ = read("CARTÃO DE CIDADÃO\n" + lost_label)
    assert fields["surname"] == "Pimentel"
    # Capitals running to the end of what was read, with no label after them: nothing bounds the name.
    _, fields, _ = read("CARTÃO DE CIDADÃO\nApelido(s)\nPIMENTEL\nNome(s)\nRODRIGO\nAFONSO LISBOA")
    assert fields["given_names"] == "Rodrigo"


# --- A row of date labels with a bare "Nascimento" (S11), and the permit's number label ---------------------

PERMIT_FRONT = """PORTUGAL AUTORIZAÇÃO DE RESIDÊNCIA
Apelidos
KOVALENKO
Nomes
OLEKSANDRA
Nacionalidade Sexo
{nationality} F
Nascimento Válido até
07-03-1992 30-06-2030
Título n.º
P91827364
Local de nascimento
KYIV"""


def test_a_permits_birth_and_expiry_labels_on_one_row_pair_with_the_dates_under_them() -> None:
    kind, fields, warnings = read(PERMIT_FRONT.format(nationality="UCRÂNIA"))
    assert kind == DocumentKind.TITULO_RESIDENCIA
    assert fields["date_of_birth"] == dt.date(1992, 3, 7)
    assert fields["expiry_date"] == dt.date(2030, 6, 30)
    assert fields["document_number"] == "P91827364"
    assert fields["nationality"] == "UKR"
    assert warnings == []


def test_the_place_of_birth_label_is_no_birth_date_label() -> None:
    text = "PASSAPORTE\nApelido(s)\nSOUSA\nLocal de nascimento Data de validade\nLISBOA 11/04/2031"
    _, fields, _ = read(text)
    assert fields["expiry_date"] == dt.date(2031, 4, 11)


# --- Nationality printed as a word (F2) -----------------------------------------------------------------

PASSPORT_VIZ = """PASSAPORTE / PASSPORT
Apelido(s) / Surname
MENDES RIBEIRO
Nome(s) / Given names
TOMÁS
Nacionalidade / Nationality
{nationality}
Data de nascimento / Date of birth 21 AGO/AUG 1985
Sexo / Sex M
Data de validade / Date of expiry 03 MAR/MAR 2031
N.º do passaporte / Passport No. {number}"""


def passport(nationality_word: str, mrz_nationality: str, state: str = "PRT") -> str:
    mrz = td3(code="P", state=state, number="EK508213", nationality=mrz_nationality, birth=dt.date(1985, 8, 21),
              sex="M", expiry=dt.date(2031, 3, 3), surname="Mendes Ribeiro", given="Tomás")  # fmt: skip
    return "\n".join([PASSPORT_VIZ.format(nationality=nationality_word, number="EK508213"), *mrz])


@pytest.mark.parametrize(
    ("word", "code"),
    [("PORTUGUESA", "PRT"), ("PORTUGUÊS", "PRT"), ("BRASILEIRO(A)", "BRA"), ("BRAZILIAN", "BRA"),
     ("CABO-VERDIANA", "CPV"), ("MOÇAMBICANA", "MOZ")],
)  # fmt: skip
def test_a_nationality_printed_as_a_word_agrees_with_the_mrz_code(word: str, code: str) -> None:
    _, fields, warnings = read(passport(word, code))
    assert fields["mrz_valid"] is True
    assert fields["nationality"] == code
    assert warnings == []


def test_a_nationality_word_naming_another_country_than_the_mrz_is_still_flagged() -> None:
    _, fields, warnings = read(passport("ANGOLANA", "BRA"))
    assert fields["nationality"] == "BRA"
    assert "mrz_viz_mismatch:nationality" in warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PRT", "PRT"),
        ("BRASIL M", "BRA"),
        ("F 29/02/1990 NPL", "NPL"),
        ("CABO-VERDIANA", "CPV"),
        ("GUINÉ-BISSAU", "GNB"),
        ("SÃO TOMÉ E PRÍNCIPE", "STP"),
        ("Portuguesa", "PRT"),
        ("POLSKIE", "POL"),
        # Month abbreviations in a written date are no country codes (Angola's AGO, Morocco's MAR).
        ("Data de nascimento 21 AGO/AUG 1985", None),
        ("03 MAR 2031", None),
        ("MAR", "MAR"),
        ("Nationality", None),
        ("JUL", None),
    ],
)
def test_visual_nationality(text: str, expected: str | None) -> None:
    assert visual_nationality(text) == expected


# --- A German card: bilingual labels, "Sumame", W for a woman, "D" in the MRZ (M1) ---------------------------

GERMAN_FRONT = """BUNDESREPUBLIK DEUTSCHLAND
PERSONALAUSWEIS - IDENTITY CARD - CARTE D'IDENTITÉ
Name | Sumame / Nom
SCHRÖDER-HÄUSLER
Vornamen / Given names / Prénoms
KATHARINA
Geburtstag / Date of birth Staatsangehörigkeit / Nationality
02.11.1988 DEUTSCH
Geburtsort / Place of birth Gültig bis / Date of expiry
KÖLN 15.01.2030
Geschlecht / Sex
W"""


def test_a_german_card_front_is_read_by_its_bilingual_labels() -> None:
    kind, fields, _ = read(GERMAN_FRONT)
    assert kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    assert (fields["surname"], fields["given_names"]) == ("Schröder-Häusler", "Katharina")
    assert (fields["date_of_birth"], fields["expiry_date"]) == (dt.date(1988, 11, 2), dt.date(2030, 1, 15))
    assert (fields["nationality"], fields["sex"]) == ("DEU", "F")


def test_germanys_icao_code_d_agrees_with_deu_read_from_the_visual_zone() -> None:
    back = td1(code="ID", state="D<<", number="T22000129", nationality="D<<", birth=dt.date(1988, 11, 2), sex="F",
               expiry=dt.date(2030, 1, 15), surname="Schroeder Haeusler", given="Katharina")  # fmt: skip
    _, fields, warnings = read("\n".join([GERMAN_FRONT, *back]))
    assert fields["mrz_valid"] is True
    assert "mrz_viz_mismatch:nationality" not in warnings


# --- The MRZ from two OCR readings together, and read at the image's own size (F1) -------------------------

PERMIT_BACK = td1(code="IR", state="PRT", number="S07238165", nationality="UKR", birth=dt.date(1992, 3, 7), sex="F",
                  expiry=dt.date(2030, 6, 30), surname="Kovalenko", given="Oleksandra")  # fmt: skip


def test_two_readings_of_one_mrz_each_wrong_in_another_line_make_one_right_mrz() -> None:
    # One pass reads the number's "0" as "D" (a letter may stand there); the other drops line 2's last digit.
    first_pass = [PERMIT_BACK[0].replace("S07", "SD7"), PERMIT_BACK[1], PERMIT_BACK[2]]
    second_pass = [PERMIT_BACK[0], PERMIT_BACK[1][:-1], PERMIT_BACK[2]]
    assert not read_mrz(first_pass, today=TODAY).valid  # type: ignore[union-attr]
    assert not read_mrz(second_pass, today=TODAY).valid  # type: ignore[union-attr]
    mrz = read_mrz([*first_pass, "", *second_pass], today=TODAY)
    assert mrz is not None and mrz.valid and mrz.document_number == "S07238165"


def test_the_lines_of_two_different_mrzs_are_never_mixed() -> None:
    # Two cards in one file, each read with one error: this card's number line with the other's date line
    # would hold every check digit (the other's birth date chosen so that the composite holds by chance).
    for day in range(1, 29):
        other = td1(code="IR", state="PRT", number="K55102938", nationality="BRA", birth=dt.date(1979, 1, day),
                    sex="M", expiry=dt.date(2028, 8, 1), surname="Nunes", given="Caio")  # fmt: skip
        if read_mrz([PERMIT_BACK[0], other[1], PERMIT_BACK[2]], today=TODAY).valid:  # type: ignore[union-attr]
            break
    this_card = [PERMIT_BACK[0], PERMIT_BACK[1][:-1], PERMIT_BACK[2]]
    other_card = [other[0].replace("K55", "KSS"), other[1], other[2]]
    mrz = read_mrz([*this_card, "", *other_card], today=TODAY)
    assert mrz is not None and not mrz.valid


def png(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (width, height), 255).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_small_image_whose_mrz_fails_upscaled_is_read_again_at_its_own_size(monkeypatch: Any) -> None:
    widths: list[int] = []

    def tesseract(image: Any) -> list[str]:
        # Upscaled, the number's "6" reads as "0"; at the image's own size every glyph is right.
        widths.append(image.width)
        return PERMIT_BACK if image.width == 900 else [PERMIT_BACK[0].replace("65", "05"), *PERMIT_BACK[1:]]

    monkeypatch.setattr(mrz_ocr, "mrz_read", tesseract)
    mrz = read_mrz(mrz_ocr.mrz_ocr_texts(png(900, 570)), today=TODAY)
    assert mrz is not None and mrz.valid
    assert widths[-1] == 900 and len(widths) == 2


def test_an_mrz_read_right_the_first_time_is_not_read_again(monkeypatch: Any) -> None:
    widths: list[int] = []

    def tesseract(image: Any) -> list[str]:
        widths.append(image.width)
        return PERMIT_BACK

    monkeypatch.setattr(mrz_ocr, "mrz_read", tesseract)
    assert read_mrz(mrz_ocr.mrz_ocr_texts(png(900, 570)), today=TODAY).valid  # type: ignore[union-attr]
    assert len(widths) == 1
