"""Passports and cards the blind probe of round 45A read wrong: an open passport's facing page (a sentence naming the
holder "... NASCIMENTO" taken for the birth date's caption, a sentence joined before the given names), a passport's
data line read with its fillers faded and fitted as a TD2's, an MRZ filler read as a letter, a Cyrillic name line
read as Latin letters before the Latin one, a valid MRZ whose names line another reading had right, and a Cartão
de Cidadão's name field cut after a particle. Texts are shaped as the reader hands them over, with names and numbers
of their own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.mrz import read_mrz
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import MRZ_NAME_TRUNCATED, DocumentKind
from samples.identity import td1, td3
from tests.helpers import parse_identity_lines

BIRTH, EXPIRY = dt.date(1988, 9, 14), dt.date(2031, 4, 2)


def passport(*, state: str, surname: str, given: str, number: str = "KP4417203") -> list[str]:
    return td3(code="P", state=state, number=number, birth=BIRTH, sex="M", expiry=EXPIRY, nationality=state,
               surname=surname, given=given)  # fmt: skip


def data_page(*, surname: str, given: str, given_line: str | None = None) -> list[str]:
    return [
        "PASSAPORTE / PASSPORT",
        "SOBRENOME / SURNAME",
        surname,
        "NOME / GIVEN NAMES",
        given_line or given,
        "DATA DE NASCIMENTO / DATE OF BIRTH SEXO / SEX",
        "14/09/1988 M",
        "VÁLIDO ATÉ / DATE OF EXPIRY",
        "02/04/2031",
    ]


def test_the_birth_date_is_under_its_caption_in_full_not_under_a_surname_nascimento() -> None:
    """Blind probe r45a: the facing page's "CONHECIDO POR: PEDRO NASCIMENTO" was taken for the bare birth caption,
    and the former passport's issue date on the next line for the birth date, against the MRZ's."""
    facing = ["OBSERVAÇÕES / OBSERVATIONS", "O TITULAR TAMBÉM É CONHECIDO POR: PEDRO NASCIMENTO",
              "PASSAPORTE ANTERIOR Nº XK112233 EMITIDO EM 03/05/2012"]  # fmt: skip
    page = data_page(surname="ROCHA NASCIMENTO", given="PEDRO LUCAS")
    fields, warnings = parse_identity_lines(
        [*facing, *page],
        DocumentKind.PASSAPORTE,
        mrz=passport(state="BRA", surname="ROCHA NASCIMENTO", given="PEDRO LUCAS"),
    )
    assert fields["date_of_birth"] == BIRTH
    assert not [code for code in warnings if code.startswith("mrz_viz_mismatch")]


def test_a_passports_data_line_with_its_fillers_faded_is_read_as_a_td3() -> None:
    """Blind probe r45a: ten of the personal number's fillers lost, the data line fitted only a TD2's width, whose
    check digits hold on a passport's first 28 characters: the names line was cut at 36 ("JEAN<BAPTISTESL")."""
    names, data = passport(state="FRA", surname="MERCIER-DUVAL", given="JEAN-BAPTISTE LOUIS")
    faded = data[:28] + "<<<<<" + data[-1]
    mrz = read_mrz([names[:-2], faded])
    assert mrz is not None and mrz.valid
    assert mrz.format == "TD3"
    assert mrz.given_names == "JEAN BAPTISTE LOUIS"


def test_a_name_after_the_facing_pages_sentence_is_read() -> None:
    """Blind probe r45a: the facing page's sentence ("... contains 34 pages") joined before the given names on their
    row, its figures cut the name off, and the MRZ's misread names stood alone."""
    page = data_page(surname="MERCIER-DUVAL", given="JEAN-BAPTISTE, LOUIS",
                     given_line="Ce passeport contient 34 pages | This passport contains 34 pages JEAN-BAPTISTE, LOUIS")  # fmt: skip
    # The visual zone alone (its MRZ unread): the printed name is read from the row.
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE)
    assert fields["given_names"] == "Jean-Baptiste Louis"


def test_an_mrz_filler_read_as_a_letter_between_two_printed_words_does_not_replace_them() -> None:
    """Blind probe r45a: the MRZ's "JEAN<BAPTISTE<LOUIS" read "JEAN<BAPTISTESLOUIS", one letter more than the printed
    name, was taken for a letter the visual zone's typeface merged, and replaced "JEAN-BAPTISTE LOUIS"."""
    names, data = passport(state="FRA", surname="MERCIER-DUVAL", given="JEAN-BAPTISTE LOUIS")
    misread = names.replace("BAPTISTE<LOUIS", "BAPTISTESLOUIS")
    page = data_page(surname="MERCIER-DUVAL", given="JEAN-BAPTISTE, LOUIS")
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=[misread, data])
    assert fields["given_names"] == "Jean-Baptiste Louis"
    assert not [code for code in warnings if code.startswith("mrz_viz_mismatch")]


def test_an_issuing_state_a_look_alike_makes_two_states_is_the_nationality() -> None:
    """Blind probe r45a: "P<ERA" reads as BRA or FRA; the French holder's nationality tells which."""
    names, data = passport(state="FRA", surname="MERCIER", given="PAUL")
    page = data_page(surname="MERCIER", given="PAUL")
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=[names.replace("P<FRA", "P<ERA"), data])
    assert fields["issuing_state"] == "FRA"


def test_a_latin_name_line_after_a_speck_stands_against_the_cyrillic_line_read_as_latin() -> None:
    """Blind probe r45a: "КОВАЛЕНКО" read "AR KOBANEHKO" came first; the Latin line under it, "Pc KOVALENKO" with a
    speck read as a word in mixed case, was no name in capitals, and the valid MRZ's KOVALENKO lost."""
    lines: list[Line | str] = [
        "ПАСПОРТ / PASSPORT",
        "Npissuue / Surname",
        Line("AR KOBANEHKO", 0.6, [("AR", 0.33), ("KOBANEHKO", 0.88)]),
        Line("Pc KOVALENKO", 0.53, [("Pc", 0.15), ("KOVALENKO", 0.92)]),
        "Im'a / Given Names",
        "OLEKSANDR",
        "Dara / Date of birth",
        "14 09 1988",
    ]
    mrz = passport(state="UKR", surname="KOVALENKO", given="OLEKSANDR")
    read = [line if isinstance(line, Line) else Line(line, 0.9) for line in [*lines, *mrz]]
    parsed = parse_identity(read, DocumentKind.PASSAPORTE)
    assert parsed.fields["surname"] == "Kovalenko"
    assert "mrz_viz_mismatch:surname" not in parsed.warnings


def test_a_valid_mrz_takes_its_names_line_from_the_reading_the_printed_names_agree_with() -> None:
    """Blind probe r45a: the second pass read the data lines whole and the names line "NNANTUNES<CARVALHO<<RUI<
    FILIPE" (the card's edge, its fillers lost); the first read the names line right, a data line one check short.
    The printed "ANTUNES CARVALHO" lost to "Nnantunes Carvalho", flagged as cut."""
    first, second, names = td1(code="I", state="PRT", number="203340868ZW9", birth=dt.date(1985, 2, 19), sex="M",
                               expiry=dt.date(2032, 10, 3), nationality="PRT", surname="ANTUNES CARVALHO",
                               given="RUI FILIPE")  # fmt: skip
    front = ["APELIDO(S) / SURNAME", "ANTUNES CARVALHO", "NOME(S) / GIVEN NAMES", "RUI FILIPE"]
    one_check_short = first.replace("203340868", "203346868")
    read = [Line(text, 0.9) for text in [*front, one_check_short, second, names]]
    parsed = parse_identity(read, DocumentKind.CARTAO_CIDADAO, extra_mrz_texts=[first, second, "NN" + names[:-2]])
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["surname"] == "Antunes Carvalho"
    assert MRZ_NAME_TRUNCATED not in parsed.warnings


def test_a_name_field_ending_in_a_particle_is_reported_cut() -> None:
    """Blind probe r45a: "FERREIRA<DOS<SANTOS<<MARIA<DA<" (Maria da Conceição) gave "Maria da" unflagged: no name
    ends in a particle, so the issuer cut the word after it."""
    mrz = td1(code="I", state="PRT", number="396357407ZW8", birth=dt.date(1978, 3, 14), sex="F",
              expiry=dt.date(2031, 6, 22), nationality="PRT", surname="FERREIRA DOS SANTOS",
              given="MARIA DA CONCEICAO")  # fmt: skip
    assert mrz[2] == "FERREIRA<DOS<SANTOS<<MARIA<DA<"
    fields, warnings = parse_identity_lines(["CARTÃO DE CIDADÃO", "FILIAÇÃO / PARENTS"], DocumentKind.CARTAO_CIDADAO,
                                            mrz=mrz)  # fmt: skip
    assert fields["given_names"] == "Maria da"
    assert MRZ_NAME_TRUNCATED in warnings
