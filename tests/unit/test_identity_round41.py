"""Blind probe r41a, identity documents: a card's MRZ name filling its 30 characters reported cut though the front
on the same page prints it the same; a Spanish passport's name flagged against its valid MRZ because the page's OCR
read the names line's fillers as small letters ("GARCIAc<LUCIAc<<<e<<"), which made a surname of "GARCIAC LUCIAC";
a photo of a card's front losing its birth date ("1407 1991") and its sex ("E" for "F"); a residence permit's number
of letters and few figures ("Y48K2P7Q1") under its caption not read. Texts of our own in the probe's layouts."""

from __future__ import annotations

import datetime as dt

from applicants.identifiers import cc_check_digit
from documents.extraction.mrz import best_of, fillers_read_in_lower_case, read_mrz
from documents.extraction.parsers.identity import name_printed_whole, parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3
from tests.helpers import parse_identity_lines

TRUNCATED = "mrz_name_truncated"
CC_NUMBER = "30718264" + "5" + "ZY" + cc_check_digit("30718264" + "5" + "ZY")
BIRTH = dt.date(1984, 9, 12)
EXPIRY = dt.date(2031, 3, 5)


def cc_mrz(*, surname: str, given: str) -> list[str]:
    return td1(code="I", state="PRT", number=CC_NUMBER, birth=BIRTH, sex="M", expiry=EXPIRY, nationality="PRT",
               surname=surname, given=given)  # fmt: skip


def card_front(*, surname: str, given: str) -> list[str]:
    return [
        "REPÚBLICA PORTUGUESA PRT",
        "CARTÃO DE CIDADÃO / CITIZEN CARD",
        "APELIDO(S) / SURNAME",
        surname,
        "NOME(S) / GIVEN NAMES",
        given,
        "SEXO / SEX ALTURA / HEIGHT NACIONALIDADE / NATIONALITY",
        "M 1,77 PRT",
        "DATA DE NASCIMENTO / DATE OF BIRTH",
        BIRTH.strftime("%d %m %Y"),
    ]


# --- 1. A name that fills the MRZ's field is only possibly cut -----------------------------------------------------

# 30 characters exactly: "TEIXEIRA<BRANDAO<<RICARDO<JOSE".
FULL_FIELD = {"surname": "TEIXEIRA BRANDAO", "given": "RICARDO JOSE"}


def test_a_name_filling_the_mrz_field_printed_the_same_on_the_front_is_not_reported_cut() -> None:
    mrz = cc_mrz(**FULL_FIELD)
    assert mrz[2] == "TEIXEIRA<BRANDAO<<RICARDO<JOSE"
    lines = [*card_front(surname="TEIXEIRA BRANDÃO", given="RICARDO JOSÉ"), "FILIAÇÃO / PARENTS", "MANUEL BRANDÃO"]
    fields, warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO, mrz=mrz)
    assert fields["mrz_valid"] is True
    assert fields["given_names"] == "Ricardo José"
    assert TRUNCATED not in warnings


def test_a_back_alone_whose_name_fills_the_field_is_still_said_possibly_cut() -> None:
    """Guard (passes before and after): nothing printed tells whether "RICARDO<JOSE" was cut."""
    lines = ["N.º IDENTIFICAÇÃO FISCAL / TAX No.", "218464207", "LOCAL DE PEDIDO / PLACE OF REQUEST", "FARO"]
    _fields, warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO, mrz=cc_mrz(**FULL_FIELD))
    assert TRUNCATED in warnings


def test_a_reading_cut_where_the_mrz_name_ends_with_its_line_going_on_proves_nothing() -> None:
    """Guard: a name read beside another column is cut where the MRZ's ends (``within_the_mrz_name``); its line
    goes on ("RICARDO JOSÉ ANTUNES"), so it does not show the name whole. Only a line ending with it does."""
    mrz = read_mrz(cc_mrz(**FULL_FIELD))
    assert mrz is not None
    printed = {"surname": "Teixeira Brandão", "given_names": "Ricardo José"}
    assert not name_printed_whole([Line("RICARDO JOSÉ ANTUNES", 0.9)], printed, mrz)
    assert name_printed_whole([Line("RICARDO JOSÉ", 0.9)], printed, mrz)
    assert not name_printed_whole([Line("RICARDO JOSÉ", 0.9)], {"surname": "Teixeira Brandão"}, mrz)


# --- 2. A names line whose fillers the page's OCR read as letters ---------------------------------------------------


def spanish_mrz() -> list[str]:
    return td3(code="P", state="ESP", number="XDF402817", birth=dt.date(1990, 2, 8), sex="M",
               expiry=dt.date(2032, 7, 19), nationality="ESP", surname="SANCHEZ MORENO", given="ALVARO")  # fmt: skip


def fillers_read_as_letters(names_line: str) -> str:
    """The names line as a page's OCR reads it: some fillers after words and in the closing run as "c" or "e"."""
    return names_line.replace("MORENO<<", "MORENOc<").replace("ALVARO<<<<", "ALVAROc<<<e<<cc<")


def test_the_mrz_pass_reading_whose_names_field_closes_with_fillers_is_taken() -> None:
    """Two readings every check digit holds for (names have none): the page's, fillers read as capitals, and the MRZ
    pass's."""
    clean = spanish_mrz()
    page = [fillers_read_as_letters(clean[0]).upper(), clean[1]]
    from_page, from_pass = read_mrz(page), read_mrz(clean)
    assert from_page is not None and from_pass is not None and from_page.valid and from_pass.valid
    for candidates in ((from_page, from_pass), (from_pass, from_page)):
        best = best_of(*candidates)
        assert best is not None and (best.surname, best.given_names) == ("SANCHEZ MORENO", "ALVARO")


def spanish_passport_page() -> list[Line]:
    clean = spanish_mrz()
    page = [
        "REINO DE ESPAÑA",
        "PASAPORTE / PASSPORT / PASSEPORT",
        "Apellidos/Surname",
        "SÁNCHEZ MORENO",
        "Nombre/Given names",
        "ÁLVARO",
        "Nacionalidad/Nationality",
        "ESPAÑOLA",
        fillers_read_as_letters(clean[0]),
        clean[1],
    ]
    return [Line(text, 0.9) for text in page]


def test_a_names_line_whose_fillers_ocr_read_in_lower_case_gives_the_printed_names() -> None:
    """The page's MRZ holds every check digit, so no MRZ pass is made: its names line is all there is."""
    parsed = parse_identity(spanish_passport_page(), DocumentKind.PASSAPORTE)
    assert parsed.fields["mrz_valid"] is True
    assert (parsed.fields["surname"], parsed.fields["given_names"]) == ("Sánchez Moreno", "Álvaro")
    assert not [warning for warning in parsed.warnings if warning.startswith("mrz_viz_mismatch")]


def test_the_mrz_pass_does_not_lose_to_the_pages_misread_names_line() -> None:
    page = spanish_passport_page()
    page[-2] = Line(page[-2].text.upper(), 0.9)
    parsed = parse_identity(page, DocumentKind.PASSAPORTE, extra_mrz_texts=spanish_mrz())
    assert (parsed.fields["surname"], parsed.fields["given_names"]) == ("Sánchez Moreno", "Álvaro")
    assert not [warning for warning in parsed.warnings if warning.startswith("mrz_viz_mismatch")]


def test_a_capital_read_in_lower_case_before_clean_fillers_stays_a_letter() -> None:
    """Guard: only lower-case letters standing among the closing fillers show that OCR read fillers so."""
    assert fillers_read_in_lower_case("P<ESPMARc<<LUCIA<<<<<<<<<<<") == "P<ESPMARc<<LUCIA<<<<<<<<<<<"
    assert fillers_read_in_lower_case("P<ESPMARc<<LUCIA<<<c<<e<<") == "P<ESPMAR<<<LUCIA<<<<<<<<<"


# --- 3. A photo of a card's front: birth date figures run together, an "E" for the "F" -------------------------------


def photographed_front(*, sex_row: str, birth_row: str) -> list[str]:
    return [
        "REPÚBLICA PORTUGUESA PRT :",
        "CARTÃO DE CIDADÃO / CITIZEN CARD",
        "APELIDO(S) / SURNAME ;",
        "CARDOSO PINTO",
        "NOME(S) / GIVEN NAMES",
        "MARTA ISABEL",
        "SEXO / SEX ALTURA / HEIGHT NACIONALIDADE / NATIONALITY j",
        sex_row,
        "DATA DE NASCIMENTO / DATE OF BIRTH Á",
        birth_row,
        "N.º DOCUMENTO / DOCUMENT No. DATA DE VALIDADE / EXPIRY DATE F",
        f"{CC_NUMBER[:8]} {CC_NUMBER[8]} {CC_NUMBER[9:]} 05 03 2031",
    ]


def test_a_birth_date_whose_day_and_month_ocr_ran_together_is_read() -> None:
    fields, _ = parse_identity_lines(
        photographed_front(sex_row="F 1,64 PRT ,", birth_row="2306 1989 )"), DocumentKind.CARTAO_CIDADAO
    )
    assert fields["date_of_birth"] == dt.date(1989, 6, 23)
    fields, _ = parse_identity_lines(
        photographed_front(sex_row="F 1,64 PRT", birth_row="23 061989"), DocumentKind.CARTAO_CIDADAO
    )
    assert fields["date_of_birth"] == dt.date(1989, 6, 23)


def test_eight_figures_run_together_or_no_date_are_not_read_as_the_birth_date() -> None:
    """Guard: both spaces lost are as often a number; "2331 1989" is no date."""
    for birth_row in ("23061989", "2331 1989"):
        fields, _ = parse_identity_lines(
            photographed_front(sex_row="F 1,64 PRT", birth_row=birth_row), DocumentKind.CARTAO_CIDADAO
        )
        assert "date_of_birth" not in fields


def test_an_e_opening_the_sex_row_of_a_portuguese_card_is_its_f() -> None:
    fields, _ = parse_identity_lines(
        photographed_front(sex_row="E 1,64 PRT ,", birth_row="23 06 1989"), DocumentKind.CARTAO_CIDADAO
    )
    assert fields["sex"] == "F"


def test_an_e_is_no_sex_on_other_documents_nor_away_from_the_rows_start() -> None:
    """Guard: a Turkish card's "E" is erkek (male); on a Portuguese card an "E" after the height is no sex."""
    lines = ["PASSPORT", "Surname", "YILMAZ", "Given names", "EMRE", "Sex / Cinsiyeti", "E", "Date of birth"]
    fields, _ = parse_identity_lines(lines, DocumentKind.PASSAPORTE)
    assert "sex" not in fields
    fields, _ = parse_identity_lines(
        photographed_front(sex_row="1,64 E PRT", birth_row="23 06 1989"), DocumentKind.CARTAO_CIDADAO
    )
    assert "sex" not in fields


# --- 4. A residence permit's number of letters and few figures under its caption -----------------------------------


def permit_front(number: str, *, caption: str = "N.º DOCUMENTO / DOCUMENT No.") -> list[str]:
    return [
        "PORTUGAL",
        "TÍTULO DE RESIDÊNCIA / RESIDENCE PERMIT",
        "APELIDO(S) / SURNAME",
        "RAMOS OLIVEIRA",
        "NOME(S) / GIVEN NAMES",
        "GABRIEL",
        "SEXO / SEX NACIONALIDADE / NATIONALITY DATA DE NASC. / DATE OF BIRTH",
        "M BRA 17 11 1993",
        f"{caption} VÁLIDO ATÉ / VALID UNTIL",
        f"{number} 30 04 2028",
        "TIPO DE TÍTULO / TYPE OF PERMIT",
        "AUTORIZAÇÃO DE RESIDÊNCIA - ART. 88.º N.º 2",
    ]


def test_a_permit_number_of_letters_and_few_figures_is_read_under_the_documents_caption() -> None:
    fields, _ = parse_identity_lines(permit_front("K7MX3PR9D"), DocumentKind.TITULO_RESIDENCIA)
    assert fields["document_number"] == "K7MX3PR9D"
    assert fields["expiry_date"] == dt.date(2028, 4, 30)


def test_under_the_documents_caption_a_word_or_a_short_code_is_no_number() -> None:
    """Guard: nine letters, a single figure, eight characters; and under the bare "N.º / No." few figures stay
    unread (round 14)."""
    for value in ("RESIDENTE", "RESIDENT1", "K7MX3PR9"):
        fields, _ = parse_identity_lines(permit_front(value), DocumentKind.TITULO_RESIDENCIA)
        assert fields.get("document_number") is None, value
    fields, _ = parse_identity_lines(permit_front("K7MX3PR9D", caption="N.º / No."), DocumentKind.TITULO_RESIDENCIA)
    assert fields.get("document_number") is None
