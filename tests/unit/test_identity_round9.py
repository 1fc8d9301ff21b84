"""Identity documents as the blind probe of round 9 found them: an expired passport, a document number printed in
hyphen-joined groups, names the MRZ writes the ICAO way (no apostrophe, a hyphen as a filler), a Czech card's
bilingual labels and values, and OCR noise before a name on a phone photo.

The texts are shaped as the reader hands them over (one line per printed line, columns joined by spaces), with
names and numbers of their own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from applicants.identifiers import cc_check_digit
from documents.extraction import mrz
from documents.extraction.parsers.identity import parse_identity, visual_nationality
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import fields_revalidate
from samples.identity import td1, td3
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str, *, today: dt.date = TODAY) -> tuple[DocumentKind, dict[str, Any], list[str]]:
    return read_text(text, document_type="ID_DOCUMENT", today=today)


# --- An expired document is flagged, its expiry date kept (S7) -------------------------------------------

PASSPORT_PAGE = """REPÚBLICA FEDERATIVA DO BRASIL
PASSAPORTE / PASSPORT
Sobrenome / Surname
CARVALHO PINHEIRO
Nome / Given names
RENATA LUÍSA
Nacionalidade / Nationality BRASILEIRA
Data de nascimento / Date of birth 14 FEV/FEB 1979
Sexo / Sex F
Data de expiração / Date of expiry {printed_expiry}
Número do passaporte / Passport No. GK708412"""


def brazilian_passport(expiry: dt.date) -> str:
    mrz = td3(code="P", state="BRA", number="GK708412", nationality="BRA", birth=dt.date(1979, 2, 14), sex="F",
              expiry=expiry, surname="Carvalho Pinheiro", given="Renata Luísa")  # fmt: skip
    printed = expiry.strftime("%d %b %Y").upper()
    return "\n".join([PASSPORT_PAGE.format(printed_expiry=printed), *mrz])


def test_a_passport_past_its_expiry_date_is_flagged_and_keeps_the_date() -> None:
    kind, fields, warnings = read(brazilian_passport(dt.date(2024, 7, 9)))
    assert kind == DocumentKind.PASSAPORTE
    assert fields["mrz_valid"] is True
    assert fields["expiry_date"] == dt.date(2024, 7, 9)
    assert "document_expired" in warnings


def test_a_passport_still_valid_carries_no_expiry_warning() -> None:
    _, fields, warnings = read(brazilian_passport(dt.date(2029, 7, 9)))
    assert fields["expiry_date"] == dt.date(2029, 7, 9)
    assert warnings == []


def test_a_document_is_valid_on_its_expiry_day_and_expired_the_day_after() -> None:
    expiry = dt.date(2027, 1, 15)
    _, _, on_the_day = read(brazilian_passport(expiry), today=expiry)
    _, _, day_after = read(brazilian_passport(expiry), today=expiry + dt.timedelta(days=1))
    assert "document_expired" not in on_the_day
    assert "document_expired" in day_after


@pytest.mark.parametrize("kind", [DocumentKind.CARTAO_CIDADAO, DocumentKind.TITULO_RESIDENCIA])
def test_any_backends_expired_identity_fields_are_flagged_by_the_shared_checks(kind: DocumentKind) -> None:
    # A number read, as every side prints one: unread, it is warned ``missing:document_number`` (blind probe r75d).
    number = "11223344 9 ZZ" + cc_check_digit("112233449ZZ") if kind == DocumentKind.CARTAO_CIDADAO else "Y4K7N2P81"
    fields: dict[str, Any] = {"full_name": "Rui Vasco Lemos", "date_of_birth": dt.date(1970, 3, 2),
                              "expiry_date": dt.date(2025, 2, 28), "document_number": number}  # fmt: skip
    warnings = fields_revalidate(kind, fields, document_type="ID_DOCUMENT", today=TODAY)
    assert warnings == ["document_expired"]
    assert fields["expiry_date"] == dt.date(2025, 2, 28)


def test_an_implausible_expiry_is_dropped_not_also_called_expired() -> None:
    fields: dict[str, Any] = {"full_name": "Rui Vasco Lemos", "date_of_birth": dt.date(1970, 3, 2),
                              "expiry_date": dt.date(1969, 1, 1)}  # fmt: skip
    warnings = fields_revalidate(DocumentKind.PASSAPORTE, fields, document_type="ID_DOCUMENT", today=TODAY)
    assert "expiry_date_implausible" in warnings and "document_expired" not in warnings


# --- A document number in hyphen-joined groups is kept whole (S5) ------------------------------------------

AUTHORISATION = """AUTORIZAÇÃO DE RESIDÊNCIA
Apelidos SANTOS LOUREIRO
Nomes DJAMILA ROSA
Nacionalidade CABO-VERDIANA
Data de nascimento 09/10/1990
Sexo F
N.º do documento {number}
Válido até 15/08/2027"""


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("ARC-2026-7730519", "ARC-2026-7730519"),
        ("ARC - 2026 - 7730519", "ARC-2026-7730519"),  # OCR spaced the hyphens
        ("ARC–2026–7730519", "ARC-2026-7730519"),  # a dash for a hyphen
        ("PT-A-91827364", "PT-A-91827364"),
        ("ARC20267730519", "ARC20267730519"),  # the same number printed without hyphens
    ],
)
def test_a_permits_number_in_groups_of_letters_and_digits_is_read_whole(printed: str, expected: str) -> None:
    kind, fields, _ = read(AUTHORISATION.format(number=printed))
    assert kind == DocumentKind.TITULO_RESIDENCIA
    assert fields["document_number"] == expected


def test_a_date_with_hyphens_after_the_number_label_is_no_document_number() -> None:
    text = AUTHORISATION.format(number="").replace("Válido até 15/08/2027", "Válido até\n15-AGO-2027")
    _, fields, _ = read(text)
    assert fields.get("document_number") is None


def test_the_mrz_without_the_printed_hyphens_confirms_the_number_and_the_printed_form_stays() -> None:
    mrz = td1(code="IR", state="PRT", number="AR4471093", birth=dt.date(1990, 10, 9), sex="F",
              expiry=dt.date(2027, 8, 15), nationality="CPV", surname="Santos Loureiro", given="Djamila Rosa")  # fmt: skip
    text = "\n".join([AUTHORISATION.format(number="AR-447-1093"), *mrz])
    _, fields, warnings = read(text)
    assert fields["mrz_valid"] is True
    assert fields["document_number"] == "AR-447-1093"
    assert not [code for code in warnings if code.startswith("mrz_viz_mismatch")]


# --- Names compared with the MRZ the ICAO way (F2) ---------------------------------------------------------

UK_PASSPORT = """UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND
PASSPORT
Surname
{surname}
Given names
{given}
Nationality BRITISH CITIZEN
Date of birth 11 JUN 1983
Sex M
Date of expiry 25 SEP 2032
Passport No. 533019846"""


def uk_passport(printed_surname: str, mrz_surname: str, printed_given: str = "LIAM PATRICK",
                mrz_given: str = "Liam Patrick") -> str:  # fmt: skip
    mrz = td3(code="P", state="GBR", number="533019846", nationality="GBR", birth=dt.date(1983, 6, 11), sex="M",
              expiry=dt.date(2032, 9, 25), surname=mrz_surname, given=mrz_given)  # fmt: skip
    return "\n".join([UK_PASSPORT.format(surname=printed_surname, given=printed_given), *mrz])


@pytest.mark.parametrize(
    ("printed", "in_mrz", "expected"),
    [
        ("D'ARCY-FLYNN", "DARCY FLYNN", "D'Arcy-Flynn"),  # apostrophe dropped, hyphen a filler
        ("D'ARCY", "DARCY", "D'Arcy"),
        ("MCALLISTER-HOWE", "MCALLISTER HOWE", "Mcallister-Howe"),
        ("D’ARCY", "DARCY", "D'Arcy"),  # a typographic apostrophe
    ],
)
def test_a_surname_with_an_apostrophe_or_a_hyphen_agrees_with_its_mrz_form(
    printed: str, in_mrz: str, expected: str
) -> None:
    _, fields, warnings = read(uk_passport(printed, in_mrz))
    assert fields["mrz_valid"] is True
    assert fields["surname"] == expected
    assert warnings == []


def test_a_given_name_with_a_hyphen_agrees_with_its_mrz_form() -> None:
    _, fields, warnings = read(uk_passport("FLYNN", "Flynn", printed_given="JEAN-LUC", mrz_given="Jean Luc"))
    assert fields["given_names"] == "Jean-Luc"
    assert warnings == []


def test_a_surname_that_differs_from_the_mrz_beyond_punctuation_is_still_flagged() -> None:
    _, _, warnings = read(uk_passport("D'ARCY-FLYNN", "DARCY FLINT"))
    assert "mrz_viz_mismatch:surname" in warnings


def test_a_transliterated_letter_agrees_in_either_of_icaos_forms() -> None:
    for in_mrz in ("MUELLER BRANDT", "MULLER BRANDT"):
        _, _, warnings = read(uk_passport("MÜLLER-BRANDT", in_mrz))
        assert warnings == [], in_mrz


def test_icao_name_forms() -> None:
    assert mrz.mrz_name_forms("O'Connor-White") == {"OCONNORWHITE"}
    assert mrz.mrz_name_forms("Conceição da Silva") == {"CONCEICAODASILVA"}
    assert mrz.mrz_name_forms("Sørensen") == {"SOERENSEN", "SORENSEN"}
    assert mrz.mrz_name_forms("Łukasiewicz") == {"LUKASIEWICZ"}


# --- A Czech card's front: bilingual labels and values (M6) ------------------------------------------------

CZECH_FRONT = """CESKÁ REPUBLIKA
OBCANSKY PRÚKAZ - IDENTITY CARD
Prijmení / Sumame
DVORÁKOVÁ
Jméno / Given names
ZUZANA
Datum narození / Date of birth Pohlaví / Sex
17.05.1992 {sex}
Státní obéanství | Nationality
{nationality}
Platnost do / Date of expiry Císlo dokladu / Doc. No.
08.09.2031 114205367"""


def test_a_czech_card_front_reads_its_number_nationality_and_sex() -> None:
    kind, fields, _ = read(CZECH_FRONT.format(sex="ZIF", nationality="CESKA REPUBLIKA"))
    assert kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    assert fields["document_number"] == "114205367"
    assert fields["nationality"] == "CZE"
    assert fields["sex"] == "F"
    assert fields["date_of_birth"] == dt.date(1992, 5, 17)
    assert fields["expiry_date"] == dt.date(2031, 9, 8)


@pytest.mark.parametrize(
    ("printed", "expected"), [("Ž/F", "F"), ("Z/F", "F"), ("Z|F", "F"), ("M/M", "M"), ("K/F", "F")]
)
def test_a_sex_printed_in_the_cards_language_and_icaos_is_the_icao_letter(printed: str, expected: str) -> None:
    _, fields, _ = read(CZECH_FRONT.format(sex=printed, nationality="CESKA REPUBLIKA"))
    assert fields["sex"] == expected


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("ČESKÁ REPUBLIKA", "CZE"),
        ("CZECH REPUBLIC", "CZE"),
        ("SLOVENSKÁ REPUBLIKA", "SVK"),
        ("MAGYAR", "HUN"),
        ("HRVATSKA", "HRV"),
        ("LIETUVOS RESPUBLIKA", "LTU"),
        ("EESTI", "EST"),
        ("SUOMI", "FIN"),
        ("DANMARK", "DNK"),
    ],
)
def test_more_eu_nationalities_as_words(word: str, code: str) -> None:
    assert visual_nationality(word) == code


# --- A name with photo noise before it (M6, CC front photo) ------------------------------------------------


def photo_lines(surname_line: str) -> list[Line]:
    texts = ['"', "PORTUGAL CARTÃO DE CIDADÃO / CITIZEN CARD", "A ss] APELIDO(S) / SURNAME", surname_line,
             "E É NOME(S) / GIVEN NAMES .", "| JOANA MARGARIDA |", "| ) SEXO / SEX ALTURA / HEIGHT",
             "F 1,68", "DATA DE NASCIMENTO / DATE OF BIRTH", "21 03 1991 |"]  # fmt: skip
    return [Line(text, 0.75) for text in texts]


def test_ocr_noise_in_lower_case_before_a_name_in_capitals_is_dropped() -> None:
    parsed = parse_identity(photo_lines("dao FIGUEIREDO ANTUNES"), DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["surname"] == "Figueiredo Antunes"
    assert parsed.fields["full_name"] == "Joana Margarida Figueiredo Antunes"


def test_a_particle_in_lower_case_before_a_name_is_not_dropped_as_noise() -> None:
    # "da" may be the name's own particle read in the wrong case: no guess is made either way.
    parsed = parse_identity(photo_lines("da FIGUEIREDO ANTUNES"), DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields.get("surname") != "Figueiredo Antunes"


def test_a_typed_text_layer_keeps_its_lower_case_words() -> None:
    lines = [Line(line.text, 1.0) for line in photo_lines("dao FIGUEIREDO ANTUNES")]
    parsed = parse_identity(lines, DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields.get("surname") != "Figueiredo Antunes"


# --- The CC back's NIF in a row of three caption/value pairs (M6) ------------------------------------------


def test_the_cc_backs_nif_is_its_own_column_in_a_row_of_three_numbers() -> None:
    mrz = td1(code="I", state="PRT", number="154327869ZY5", birth=dt.date(1988, 4, 2), sex="M",
              expiry=dt.date(2031, 2, 9), nationality="PRT", surname="Serrano", given="Vasco")  # fmt: skip
    text = "\n".join(
        [
            "FILIAÇÃO / PARENTS",
            "JOSÉ SERRANO * ANA LUZ",
            "N.º IDENTIFICAÇÃO FISCAL N.º SEGURANÇA SOCIAL N.º UTENTE SAÚDE",
            "268413576 12043785019 285637010",
            *mrz,
        ]
    )
    _, fields, _ = read(text)
    assert fields["nif"] == "268413576"


def test_a_letter_ocr_doubled_before_a_passports_short_number_is_no_three_letter_series() -> None:
    # "FXx482913" for FX482913: nothing in the visual zone, the MRZ's number, and no mismatch.
    mrz = td3(code="P", state="UKR", number="FX482913", nationality="UKR", birth=dt.date(1990, 7, 21), sex="F",
              expiry=dt.date(2029, 3, 4), surname="Shevchenko", given="Olena")  # fmt: skip
    text = "\n".join(["UKRAINE / PASSPORT", "Type / Tum Code Passport No.", "P UKR FXx482913", "Surname",
                      "SHEVCHENKO", "Given names", "OLENA", *mrz])  # fmt: skip
    _, fields, warnings = read(text)
    assert fields["document_number"] == "FX482913"
    assert warnings == []
