"""Which reading of an MRZ to trust, as blind probe r63a found it: a names line whose separator's filler OCR read as a
letter glued to the surname, chosen because its data lines held every check; the good lines of a reading that lost
one of its lines, lost with it; and a passport photo's data line whose first glyph the edge cut, every field then one
place early and no date read.

The MRZ lines are built here with names and numbers of their own.
"""

from __future__ import annotations

import datetime as dt

from documents.extraction.mrz import best_of, read_mrz, read_mrz_assembled
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3

TODAY = dt.date(2026, 12, 6)

PERMIT = td1(code="IR", state="PRT", number="R05216843", birth=dt.date(1991, 4, 23), sex="F",
             expiry=dt.date(2029, 8, 17), nationality="NPL", surname="KHADKA", given="SUNITA")  # fmt: skip
CARD = td1(code="ID", state="BGR", number="731940286", birth=dt.date(1984, 11, 2), sex="M",
           expiry=dt.date(2031, 1, 27), nationality="BGR", surname="DIMITROV", given="STOYAN PETROV")  # fmt: skip
PASSPORT = td3(code="P", state="BRA", number="GK481957", birth=dt.date(1996, 7, 14), sex="F",
               expiry=dt.date(2031, 3, 2), nationality="BRA", surname="DOS REIS", given="ANA LUCIA")  # fmt: skip
BETWEEN = "ASSINATURA DO TITULAR"


def misread(line: str, old: str, new: str) -> str:
    assert old in line
    return line.replace(old, new, 1)


# --- Finding 2: the names line's separator read as a letter --------------------------------------------------------


def test_the_names_line_with_its_separator_wins_over_one_whose_filler_reads_as_a_letter() -> None:
    first, second, names = PERMIT
    glued = misread(names, "KHADKA<<", "KHADKAS<")
    mrz = read_mrz([first, second, glued, BETWEEN, first, second, names], today=TODAY)
    assert mrz is not None and mrz.valid
    assert (mrz.surname, mrz.given_names) == ("KHADKA", "SUNITA")


def test_the_page_reading_lends_its_names_line_to_the_mrz_pass_whose_data_lines_it_misread() -> None:
    # The page dropped a digit of the number (its check fails); the MRZ pass read every check and "KHADKAC<SUNITA".
    first, second, names = PERMIT
    page = [
        Line("TÍTULO DE RESIDÊNCIA", 0.9),
        *(Line(text, 0.9) for text in (misread(first, "52", "5"), second, names)),
    ]
    extra = [first, second, misread(names, "KHADKA<<", "KHADKAC<")]
    parsed = parse_identity(page, DocumentKind.TITULO_RESIDENCIA, extra_mrz_texts=extra)
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["surname"] == "Khadka"
    assert parsed.fields["given_names"] == "Sunita"


def test_best_of_takes_the_names_line_whose_filler_was_not_read_as_a_letter() -> None:
    first, second, names = PERMIT
    chosen = read_mrz([first, second, misread(names, "KHADKA<<", "KHADKAK<")], today=TODAY)
    other = read_mrz([misread(first, "52", "5"), second, names], today=TODAY)
    best = best_of(chosen, other)
    assert best is not None and best.valid and best.given_names == "SUNITA"


def test_a_surname_ending_in_s_is_kept_when_the_other_reading_lost_the_letter_to_a_filler() -> None:
    # Guard (passes either way): only a line that parts no given names gives way, never an ordinary name.
    surname_s = td1(code="ID", state="BGR", number="731940286", birth=dt.date(1984, 11, 2), sex="M",
                    expiry=dt.date(2031, 1, 27), nationality="BGR", surname="MARKOS", given="ELENI")  # fmt: skip
    first, second, names = surname_s
    mrz = read_mrz([first, second, names, BETWEEN, first, second, misread(names, "MARKOS<<", "MARKO<<<")], today=TODAY)
    assert mrz is not None and (mrz.surname, mrz.given_names) == ("MARKOS", "ELENI")


def test_a_name_with_no_given_names_read_once_stays_as_read() -> None:
    # Guard (passes either way): no other reading to take a separator from.
    first, second, _ = PERMIT
    alone = "GURUNGPRASAIN<SHRESTHA<<<<<<<<"
    mrz = read_mrz([first, second, alone], today=TODAY)
    assert mrz is not None and mrz.valid
    assert (mrz.surname, mrz.given_names) == ("GURUNGPRASAIN SHRESTHA", "")


# --- Finding 4: a reading that lost a line keeps its good lines -----------------------------------------------------


def test_two_line_readings_lend_their_data_lines_to_the_only_reading_with_the_names_line() -> None:
    first, second, names = CARD
    birth_misread = misread(second, "841102", "241102")
    mrz = read_mrz([first, second, BETWEEN, first, birth_misread, names], today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.date_of_birth == dt.date(1984, 11, 2)
    assert (mrz.surname, mrz.given_names) == ("DIMITROV", "STOYAN PETROV")


def test_the_page_lends_its_names_line_to_an_mrz_pass_that_read_only_the_data_lines() -> None:
    first, second, names = CARD
    page = [Line(text, 0.9) for text in ("IDENTITY CARD", misread(first, "7319", "7379"), second, names)]
    parsed = parse_identity(page, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO, extra_mrz_texts=[first, second])
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["document_number"] == "731940286"
    assert parsed.fields["surname"] == "Dimitrov"


def test_two_cards_mrzs_are_never_mixed() -> None:
    # Guard: the other card's data lines differ, so its names line is never lent.
    other = td1(code="ID", state="BGR", number="608213579", birth=dt.date(1979, 6, 30), sex="F",
                expiry=dt.date(2030, 9, 5), nationality="BGR", surname="PETROVA", given="DESISLAVA")  # fmt: skip
    first, second, _ = CARD
    assert read_mrz_assembled([first, second], other, today=TODAY) is None


# --- Finding 8: a data line's first glyph lost at the photo's edge -------------------------------------------------


def test_a_data_line_that_lost_its_first_glyph_still_gives_its_dates() -> None:
    names, data = PASSPORT
    mrz = read_mrz([names, data[1:]], today=TODAY)
    assert mrz is not None
    assert mrz.checked("date_of_birth") and mrz.date_of_birth == dt.date(1996, 7, 14)
    assert mrz.checked("expiry_date") and mrz.expiry_date == dt.date(2031, 3, 2)
    # Nothing is guessed for the lost glyph: the number and the MRZ as a whole stay unvouched for.
    assert not mrz.checked("document_number") and not mrz.valid


def test_a_data_line_that_lost_a_filler_still_reads_whole() -> None:
    # Guard (passes either way): a filler lost in a run fits there, every check holding, over the lost first glyph.
    names, data = PASSPORT
    mrz = read_mrz([names, data.replace("<<<", "<<", 1)], today=TODAY)
    assert mrz is not None and mrz.valid and mrz.document_number == "GK481957"


def test_the_names_line_of_one_pass_joins_the_data_line_of_another() -> None:
    names, data = PASSPORT
    cut = data[1:]
    mrz = read_mrz(
        [misread(names, "P<BRADOS", "REEC<DOS"), cut, BETWEEN, names, misread(cut, "960714", "9G0714")], today=TODAY
    )
    assert mrz is not None and mrz.checked("date_of_birth")
    assert (mrz.issuing_state, mrz.surname, mrz.given_names) == ("BRA", "DOS REIS", "ANA LUCIA")


def test_a_passport_photo_whose_data_line_lost_its_first_glyph_gives_its_dates() -> None:
    names, data = PASSPORT
    page = [Line(text, 0.9) for text in ("REPÚBLICA FEDERATIVA DO BRASIL", "PASSAPORTE / PASSPORT", names, data[1:])]
    parsed = parse_identity(page, DocumentKind.PASSAPORTE)
    assert parsed.fields["date_of_birth"] == dt.date(1996, 7, 14)
    assert parsed.fields["expiry_date"] == dt.date(2031, 3, 2)
    assert parsed.fields["mrz_valid"] is False
