"""Identity documents the blind probe of round 16 found read wrong: a Cartão de Cidadão front printing each value
above its caption, whose number row under the birth date's caption hid the layout (the captions took the next
row's values); a residence permit's nationality captioned "Nac. / Nat." beside the sex; a permit's validity whose
day OCR read with one digit lost ("1/05/2028" for 31/05/2028), returned as another date; an MRZ whose document code
OCR misread ("T<LTU", "[<PRT"), so a valid card was refused or a citizen card taken for a residence permit. The
texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from documents.extraction.mrz import read_mrz
from documents.extraction.parsers.classify import kind_from_mrz
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def parse(text: str, kind: DocumentKind, confidence: float = 0.93) -> dict[str, Any]:
    return parse_identity([Line(line, confidence) for line in text.splitlines() if line.strip()], kind).fields


# --- A CC front printing each value above its caption ---------------------------------------------------

VALUES_ABOVE_WITH_NUMBER_ROW = """REPÚBLICA PORTUGUESA - PORTUGAL
CARTÃO DE CIDADÃO
BETTENCOURT D'ORNELAS
Apelido(s) / Surname
TOMÁS HENRIQUE
Nome(s) / Given name(s)
M PRT 17 06 1994
Sexo / Sex Nacionalidade Data de nascimento
13572468 0 ZY4 08 10 2032
N.º documento / Document No. Data de validade"""


def test_values_above_their_captions_are_read_though_the_number_row_sits_under_the_birth_caption() -> None:
    """The row under 'Sexo ... Data de nascimento' is the number and validity's, with a date in it: the values
    above their captions still outnumber it."""
    fields = parse(VALUES_ABOVE_WITH_NUMBER_ROW, DocumentKind.CARTAO_CIDADAO)
    assert fields["surname"] == "Bettencourt D'Ornelas"
    assert fields["given_names"] == "Tomás Henrique"
    assert fields["sex"] == "M"
    assert fields["nationality"] == "PRT"
    assert fields["date_of_birth"] == dt.date(1994, 6, 17)
    assert fields["expiry_date"] == dt.date(2032, 10, 8)


def test_a_lone_figure_the_portrait_adds_before_a_name_is_no_part_of_it() -> None:
    text = VALUES_ABOVE_WITH_NUMBER_ROW.replace("TOMÁS HENRIQUE", "0 TOMÁS HENRIQUE")
    fields = parse(text, DocumentKind.CARTAO_CIDADAO, confidence=0.85)
    assert fields["given_names"] == "Tomás Henrique"


def test_a_card_printing_values_under_captions_with_a_number_row_is_still_read_under_them() -> None:
    """The guard: above the validity's caption sits the previous row's values, a date among them; under every
    caption its own value. The card is read caption over value."""
    text = """REPÚBLICA PORTUGUESA - PORTUGAL
CARTÃO DE CIDADÃO
Apelido(s) / Surname
BETTENCOURT D'ORNELAS
Nome(s) / Given name(s)
TOMÁS HENRIQUE
Sexo / Sex Nacionalidade Data de nascimento
M PRT 17 06 1994
N.º documento / Document No. Data de validade
13572468 0 ZY4 08 10 2032"""
    fields = parse(text, DocumentKind.CARTAO_CIDADAO)
    assert fields["surname"] == "Bettencourt D'Ornelas"
    assert fields["given_names"] == "Tomás Henrique"
    assert fields["sex"] == "M" and fields["nationality"] == "PRT"
    assert fields["date_of_birth"] == dt.date(1994, 6, 17)
    assert fields["expiry_date"] == dt.date(2032, 10, 8)


# --- A residence permit's combined sex and nationality row ------------------------------------------------

PERMIT_FRONT = """TÍTULO DE RESIDÊNCIA - RESIDENCE PERMIT
PORTUGAL
Apelido / Surname
THAPA MAGAR
Nome / Given names
SUNITA
Sexo / Sex  Nac. / Nat.
F    NPL
Data de nascimento / Date of birth
04/11/1991
N.º do título / Permit No.
R3M508271
Válido até / Valid until  Tipo: Autorização de residência temporária
{validity}  Art.º 88.º, n.º 2 — Lei 23/2007"""


def test_the_nationality_abbreviated_beside_the_sex_is_read() -> None:
    fields = parse(PERMIT_FRONT.format(validity="30/09/2028"), DocumentKind.TITULO_RESIDENCIA)
    assert fields["sex"] == "F"
    assert fields["nationality"] == "NPL"
    assert fields["expiry_date"] == dt.date(2028, 9, 30)


# --- A date OCR lost a digit of ------------------------------------------------------------------------


def test_a_validity_whose_day_lost_a_digit_is_missing_never_another_date() -> None:
    """'31/05/2028' read '1/05/2028' under a photo's shadow is another date. A card prints two-digit days: the
    short one is left unread, and the missing expiry is flagged."""
    kind, fields, warnings = read_text(
        PERMIT_FRONT.format(validity="1/05/2028"), document_type="ID_DOCUMENT", today=TODAY
    )
    assert kind == DocumentKind.TITULO_RESIDENCIA
    assert fields["expiry_date"] is None
    assert "missing:expiry_date" in warnings
    assert fields["date_of_birth"] == dt.date(1991, 11, 4)


def test_a_two_digit_first_day_of_the_month_is_still_read() -> None:
    """The guard: '01/05/2028' prints both digits of its day."""
    fields = parse(PERMIT_FRONT.format(validity="01/05/2028"), DocumentKind.TITULO_RESIDENCIA)
    assert fields["expiry_date"] == dt.date(2028, 5, 1)


# --- An MRZ whose document code OCR misread ---------------------------------------------------------------

LT_CARD = td1(code="I", state="LTU", number="47291835", birth=dt.date(1988, 2, 21), sex="M",
              expiry=dt.date(2031, 7, 12), nationality="LTU", surname="Petrauskas", given="Jonas",
              optional="38802210457")  # fmt: skip
CC_BACK = td1(code="I", state="PRT", number="135724680ZY4", birth=dt.date(1975, 4, 2), sex="F",
              expiry=dt.date(2029, 3, 11), nationality="PRT", surname="Sa e Melo", given="Ines")  # fmt: skip


def test_a_card_code_read_as_t_is_still_an_identity_card() -> None:
    """'I<LTU' read 'T<LTU' (the I's lower serif faded): every check digit holds, and the code can only be I."""
    mrz = read_mrz([LT_CARD[0].replace("I<LTU", "T<LTU", 1), *LT_CARD[1:]], today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.document_code == "I"
    assert kind_from_mrz(mrz) == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO


def test_a_citizen_cards_code_read_as_a_bracket_is_still_a_citizen_card() -> None:
    """'I<PRT' read '[<PRT' (glare), which cleans up as '<<PRT': an empty code is no residence permit's."""
    mrz = read_mrz([CC_BACK[0].replace("I<PRT", "[<PRT", 1), *CC_BACK[1:]], today=TODAY)
    assert mrz is not None and mrz.valid
    assert kind_from_mrz(mrz) == DocumentKind.CARTAO_CIDADAO


def test_a_residence_permits_two_letter_code_is_kept() -> None:
    """The guard: a code of the format ('IR') is never changed."""
    permit = td1(code="IR", state="PRT", number="R3M508271", birth=dt.date(1991, 11, 4), sex="F",
                 expiry=dt.date(2028, 9, 30), nationality="NPL", surname="Thapa Magar", given="Sunita")  # fmt: skip
    mrz = read_mrz(permit, today=TODAY)
    assert mrz is not None and mrz.document_code == "IR"
    assert kind_from_mrz(mrz) == DocumentKind.TITULO_RESIDENCIA
