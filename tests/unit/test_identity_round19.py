"""Identity documents the blind probe of round 19 found read wrong: a name a valid MRZ vouches for reported in the
MRZ's transliteration ("FATIMA", "OCONNOR WHITAKER") though the visual zone prints it with its accents, apostrophe
and hyphen; a glyph OCR read twice in the MRZ's names line ("J0OAO") read as a letter more ("JOOAO"); a speck OCR
doubted read as a last given name ("RAJESH KUMAR ES"); a permit's number under a bare "N.º" ending a row of
captions not read; the card's edge beside a Cartão de Cidadão's full names line read into the surname
("GUIMARAES<<B e"). The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from documents.extraction.mrz import read_mrz
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3


def parse(
    lines: Sequence[str | Line], kind: DocumentKind, *, mrz: list[str] | None = None
) -> tuple[dict[str, object], list[str]]:
    read = [line if isinstance(line, Line) else Line(line, 0.9) for line in lines]
    parsed = parse_identity(read + [Line(text, 0.85) for text in mrz or []], kind)
    return parsed.fields, parsed.warnings


def passport_mrz(surname: str, given: str) -> list[str]:
    return td3(code="P", state="CPV", number="PA4417206", birth=dt.date(1994, 5, 12), sex="F",
               expiry=dt.date(2032, 3, 8), nationality="CPV", surname=surname, given=given)  # fmt: skip


# --- 1 and 2. The printed spelling of a name the MRZ vouches for -------------------------------------------------


def test_a_given_name_taken_from_the_mrz_keeps_the_accents_the_visual_zone_prints() -> None:
    """The given names' caption lost and their line split by OCR ("MAR Ia LENE DA CONCEIÇÃO"): the MRZ's names are
    reported, and the word the visual zone prints with its accent, the same letters, is written as printed."""
    lines = ["Surname / Apelido", "LOPES FURTADO", "MAR Ia LENE DA CONCEIÇÃO", "Nationality / Nacionalidade"]
    fields, warnings = parse(lines, DocumentKind.PASSAPORTE, mrz=passport_mrz("LOPES FURTADO", "MARILENE DA CONCEICAO"))
    assert fields["given_names"] == "Marilene da Conceição"
    assert fields["full_name"] == "Marilene da Conceição Lopes Furtado"
    assert fields["mrz_valid"] is True
    assert not [code for code in warnings if code.startswith("mrz_viz_mismatch")]


@pytest.mark.parametrize("in_mrz", ["OBRIEN MACKAY", "O BRIEN MACKAY"])
def test_a_surname_taken_from_the_mrz_keeps_its_printed_apostrophe_and_hyphen(in_mrz: str) -> None:
    """No caption read on a photo: "O'BRIEN-MACKAY" printed, "OBRIEN<MACKAY" in the MRZ (ICAO drops the apostrophe;
    some states write it as a filler, "O<BRIEN<MACKAY") and the hyphen a filler: one printed word for the MRZ's."""
    lines = ["REPUBLIC OF CABO VERDE", "> O'BRIEN-MACKAY", "FIONA GRACE", "CAPE VERDEAN"]
    fields, _ = parse(lines, DocumentKind.PASSAPORTE, mrz=passport_mrz(in_mrz, "FIONA GRACE"))
    assert fields["surname"] == "O'Brien-Mackay"
    assert fields["full_name"] == "Fiona Grace O'Brien-Mackay"


def test_a_printed_word_with_other_letters_is_no_spelling_of_the_mrz_s() -> None:
    """Guard (passes before the fix too): a printed word whose letters differ from the MRZ's ("FÁTIMO" for "FATIMA")
    is another word, not the MRZ's in its spelling; the MRZ's name stands."""
    lines = ["Surname / Apelido", "LOPES FURTADO", "EUN Ie CE DE FÁTIMO"]
    fields, _ = parse(lines, DocumentKind.PASSAPORTE, mrz=passport_mrz("LOPES FURTADO", "EUNICE DE FATIMA"))
    assert fields["given_names"] == "Eunice de Fatima"


# --- 3. A glyph OCR read twice in the MRZ's names line ----------------------------------------------------------


def brazilian_mrz() -> list[str]:
    return td3(code="P", state="BRA", number="FX561203", birth=dt.date(2000, 4, 7), sex="M",
               expiry=dt.date(2034, 6, 1), nationality="BRA", surname="PAIVA MOTA", given="JOAO LUCAS")  # fmt: skip


def doubled_o_mrz() -> list[str]:
    first, second = brazilian_mrz()
    return [first.replace("JOAO", "J0OAO"), second]


def test_a_glyph_read_twice_in_the_names_line_is_one_letter() -> None:
    """ "J0OAO" in a names line one character too long: a names line holds no digit, so the "0" beside the "O" is the
    same glyph read twice, never a letter more ("JOOAO"); the fillers stay as printed."""
    mrz = read_mrz(doubled_o_mrz())
    assert mrz is not None and mrz.valid
    assert mrz.given_names == "JOAO LUCAS"


def test_the_mrz_s_given_names_take_the_printed_spelling_once_undoubled() -> None:
    """The visual zone prints "JOÃO LUCAS" on a line whose caption OCR lost: the MRZ's names, read right, are
    reported in that spelling."""
    lines = ["Surname ! Apelido", "PAIVA MOTA", "JOÃO LUCAS", "Nationality / Nacionalidade", "BRASILEIRO(A)"]
    fields, _ = parse(lines, DocumentKind.PASSAPORTE, mrz=doubled_o_mrz())
    assert fields["full_name"] == "João Lucas Paiva Mota"


def test_a_digit_in_a_names_line_of_its_width_is_a_letter_misread() -> None:
    """Guard (passes before the fix too): a names line of its own width with a "0" where the "O" is ("J0AO") reads
    the "0" as the letter: nothing was read twice there."""
    first, second = brazilian_mrz()
    mrz = read_mrz([first.replace("JOAO", "J0AO"), second])
    assert mrz is not None and mrz.given_names == "JOAO LUCAS"


# --- 4. A residence permit's front: a speck after the given names, the number under "N.º" --------------------


def permit_front(given: Line) -> list[str | Line]:
    return [
        "REPÚBLICA PORTUGUESA",
        "TÍTULO DE RESIDÊNCIA / RESIDENCE PERMIT",
        "APELIDO / SURNAME",
        "GURUNG",
        "NOME / NAME",
        given,
        "SEXO NACIONALIDADE",
        "F NPL",
        "DATA DE NASCIMENTO",
        "02 03 1991",
        "VÁLIDO ATÉ N.º",
        "D 14 06 2029 Y7B204913",
    ]


def test_a_short_last_word_ocr_doubts_is_no_given_name() -> None:
    """ "SITA DEVI ES", the "ES" read at 0.35 after two words at 0.9 (a glare's edge on a photo): not a name."""
    given = Line("SITA DEVI ES", 0.72, [("SITA", 0.92), ("DEVI", 0.94), ("ES", 0.35)])
    fields, _ = parse(permit_front(given), DocumentKind.TITULO_RESIDENCIA)
    assert fields["given_names"] == "Sita Devi"
    assert fields["full_name"] == "Sita Devi Gurung"


def test_a_short_last_word_read_as_surely_as_the_others_stays() -> None:
    """Guard (passes before the fix too): a short last word read as surely as the rest ("SITA DEVI KC") is a name."""
    given = Line("SITA DEVI KC", 0.9, [("SITA", 0.92), ("DEVI", 0.94), ("KC", 0.88)])
    fields, _ = parse(permit_front(given), DocumentKind.TITULO_RESIDENCIA)
    assert fields["given_names"] == "Sita Devi Kc"


def test_a_number_under_a_bare_caption_ending_a_row_of_captions_is_read() -> None:
    """ "VÁLIDO ATÉ  N.º" over "14 06 2029  Y7B204913": the last caption of the row is the number's."""
    given = Line("SITA DEVI", 0.9, [("SITA", 0.92), ("DEVI", 0.94)])
    fields, _ = parse(permit_front(given), DocumentKind.TITULO_RESIDENCIA)
    assert fields["document_number"] == "Y7B204913"
    assert fields["expiry_date"] == dt.date(2029, 6, 14)


def test_a_lower_case_no_ending_a_line_is_no_number_caption() -> None:
    """Guard (passes before the fix too): "no" in lower case ending a line is a word, not "N.º"."""
    lines = [
        "APELIDO / SURNAME",
        "GURUNG",
        "NOME / NAME",
        "SITA DEVI",
        "Válido até 14 06 2029, emitido no",
        "Y7B204913",
    ]
    fields, _ = parse(lines, DocumentKind.TITULO_RESIDENCIA)
    assert "document_number" not in fields


# --- 5. The card's edge beside a full names line ------------------------------------------------------------


def test_a_glyph_beyond_a_full_names_line_is_no_part_of_the_name() -> None:
    """A Cartão de Cidadão's names line filled to its 30 characters, the name cut short ("…GUIMARAES<<B"), and the
    card's edge read as a lone glyph after a gap ("… <<B e"): the surname is the MRZ's, the glyph no letter of it."""
    first, second, third = td1(code="I", state="PRT", number="147293057ZZ9", birth=dt.date(1991, 4, 23), sex="F",
                               expiry=dt.date(2031, 8, 15), nationality="PRT",
                               surname="CARVALHO DA SILVA GUIMARAES", given="BEATRIZ")  # fmt: skip
    assert third.endswith("<<B")
    lines = ["N.º IDENTIFICAÇÃO FISCAL / TAX No.", first, second, f"{third} e"]
    fields, warnings = parse(lines, DocumentKind.CARTAO_CIDADAO)
    assert fields["mrz_valid"] is True
    assert fields["surname"] == "Carvalho da Silva Guimaraes"
    assert "mrz_name_truncated" in warnings


def test_other_languages_particles_between_two_words_of_a_name_are_in_lower_case() -> None:
    """Round 19's Spanish passport and DNI gave "Fernández de La Vega", "García de La Torre"; a particle first or
    last may be a name of its own ("Le", "Van") and keeps its capital."""
    from documents.extraction.parsers.common import title_case

    assert title_case("MARÍA JOSÉ FERNÁNDEZ DE LA VEGA") == "María José Fernández de la Vega"
    assert title_case("PIETER VAN DER BERG") == "Pieter van der Berg"
    assert title_case("THI HOA LE") == "Thi Hoa Le"
    assert title_case("VAN HOUTEN") == "Van Houten"
