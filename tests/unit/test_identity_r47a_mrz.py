"""Identity documents as blind probe r47a found them: a document number's "0" read as "O" or "Q" in the MRZ, which
only the number's check digit can turn back (a number may mix letters and digits anywhere); a driving licence that
prints its holder's parents read as a Cartão de Cidadão's back, a certificate of temporary protection that
names its holder's passport read as a passport, a card's front in two scripts whose English title OCR misread, refused
as if it were no identity document, and a Cartão de Cidadão back's NIF lost at the image's own size.

The MRZ lines are built here with names and numbers of their own.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from typing import Any

import pytest
from PIL import Image

from documents.extraction import local
from documents.extraction.local import (
    CARD_FRONT_UNREAD,
    DRIVING_LICENCE_REFUSED,
    NO_IDENTITY_PROVED,
    UNRECOGNISED,
    refusal,
)
from documents.extraction.mrz import read_mrz
from documents.extraction.parsers import Parsed, classify
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3

TODAY = dt.date(2026, 12, 5)

# --- A: a letter read for a digit in the document number -----------------------------------------------------

PASSPORT = td3(code="P", state="BGD", number="K03518264", nationality="BGD", birth=dt.date(1990, 5, 14), sex="M",
               expiry=dt.date(2030, 2, 9), surname="Karim", given="Abdul Hasan")  # fmt: skip


def misread(lines: list[str], row: int, old: str, new: str) -> list[str]:
    assert old in lines[row]
    return [line.replace(old, new, 1) if index == row else line for index, line in enumerate(lines)]


def test_a_passport_numbers_zero_read_as_q_is_read_back_by_its_check_digit() -> None:
    # The number's check digit and the composite hold only with the "0": the reading that makes both hold is taken.
    mrz = read_mrz(misread(PASSPORT, 1, "K035", "KQ35"), today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "K03518264"


def test_a_passport_numbers_zero_read_as_o_is_read_back_by_its_check_digit() -> None:
    mrz = read_mrz(misread(PASSPORT, 1, "K035", "KO35"), today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "K03518264"


def test_a_cards_one_read_as_i_is_read_back_by_its_check_digit() -> None:
    card = td1(code="ID", state="NLD", number="NX1R4K6P2", nationality="NLD", birth=dt.date(1991, 7, 19), sex="F",
               expiry=dt.date(2033, 4, 2), surname="Jansen", given="Sanne")  # fmt: skip
    mrz = read_mrz(misread(card, 0, "NX1R", "NXIR"), today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "NX1R4K6P2"


def test_a_number_printed_with_the_letter_o_stays_as_printed() -> None:
    # A letter really printed holds every check as read; the digit would fail them both.
    lines = td3(code="P", state="GBR", number="AO4418273", nationality="GBR", birth=dt.date(1980, 1, 2), sex="F",
                expiry=dt.date(2031, 3, 4), surname="Smith", given="Jane")  # fmt: skip
    mrz = read_mrz(lines, today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "AO4418273"


def test_the_composite_from_one_pass_and_the_number_from_another_make_one_right_mrz() -> None:
    # The page's pass reads the composite wrong, the MRZ's own pass the number's "0" as "O" (blind probe r47a, a
    # phone photo of a Nepali passport): the second pass alone, its "O" read back, holds every check.
    right = td3(code="P", state="NPL", number="PA0817263", nationality="NPL", birth=dt.date(1988, 4, 13), sex="M",
                expiry=dt.date(2031, 8, 18), surname="Shrestha", given="Bishnu Prasad")  # fmt: skip
    page = [right[0], right[1][:-1] + str((int(right[1][-1]) + 4) % 10)]
    mrz_pass = misread(right, 1, "PA08", "PAO8")
    mrz = read_mrz([*page, "", *mrz_pass], today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "PA0817263"


def with_digit(line: str, index: int, digit: str) -> str:
    return line[:index] + digit + line[index + 1 :]


def test_an_altered_number_check_digit_stays_wrong_whatever_look_alike_the_number_holds() -> None:
    # Every wrong number check digit on a number holding "O", "Q" and "I": no single look-alike read back makes
    # both the number's check and the composite hold, so the forgery stays flagged.
    lines = td3(code="P", state="UTO", number="QO7I31842", nationality="UTO", birth=dt.date(1991, 1, 27), sex="M",
                expiry=dt.date(2029, 10, 3), surname="Rahman", given="Arif")  # fmt: skip
    right = lines[1][9]
    for digit in sorted(set("0123456789") - {right}):
        mrz = read_mrz([lines[0], with_digit(lines[1], 9, digit)], today=TODAY)
        assert mrz is not None and not mrz.valid, digit
        assert not mrz.checked("document_number")


def test_an_altered_composite_digit_stays_wrong_whatever_look_alike_the_number_holds() -> None:
    lines = td3(code="P", state="UTO", number="QO7I31842", nationality="UTO", birth=dt.date(1991, 1, 27), sex="M",
                expiry=dt.date(2029, 10, 3), surname="Rahman", given="Arif")  # fmt: skip
    right = lines[1][43]
    for digit in sorted(set("0123456789") - {right}):
        mrz = read_mrz([lines[0], with_digit(lines[1], 43, digit)], today=TODAY)
        assert mrz is not None and not mrz.valid, digit


def test_a_changed_digit_in_a_number_holding_look_alikes_is_read_valid_no_more_often_than_by_chance() -> None:
    # A digit misprinted or misread elsewhere in the number moves both checks alike, and a look-alike read back
    # can move them back by chance; only "O", "Q" and "I" are read back (letters issuers leave out of numbers),
    # one at a time, so this stays rare even on numbers holding two of them.
    rng = random.Random(4747)
    trials = valid = 0
    for _ in range(300):
        letters = rng.sample("OQI", 2)
        digits = [rng.choice("0123456789") for _ in range(7)]
        number = "".join(letters + digits)
        lines = td3(code="P", state="UTO", number=number, nationality="UTO", birth=dt.date(1985, 3, 3), sex="F",
                    expiry=dt.date(2030, 3, 3), surname="Test", given="Ana")  # fmt: skip
        index = rng.randrange(2, 9)
        digit = rng.choice(sorted(set("0123456789") - {lines[1][index]}))
        mrz = read_mrz([lines[0], with_digit(lines[1], index, digit)], today=TODAY)
        assert mrz is not None
        trials += 1
        valid += mrz.valid
    assert valid < 0.3 * trials


# --- F: documents that are no identity document, refused as what they are -----------------------------------


def read_page(text: str) -> ReadDocument:
    return ReadDocument(lines=[Line(line) for line in text.splitlines()], pages=1, method="text")


# A driving licence's page, as a photo's OCR reads it: its parents under "Filiação", as a Cartão de Cidadão's back.
BRAZILIAN_LICENCE = """REPÚBLICA FEDERATIVA DO BRASIL
CARTEIRA NACIONAL DE HABILITAÇÃO
NOME
RAFAEL COSTA MENDES
DOC IDENTIDADE ORG. EMISSOR UF
RJ20481736 DETRAN RJ
CPF DATA NASCIMENTO
111.444.777-35 03/09/1979
FILIAÇÃO
PAULO MENDES / LUCIA COSTA MENDES
CAT. HAB. B
Nº REGISTRO VALIDADE
07712390418 22/01/2032"""

PORTUGUESE_LICENCE = """CARTA DE CONDUÇÃO
REPÚBLICA PORTUGUESA
1. PIRES
2. JOANA MARIA
3. 14.06.1990 LISBOA
4b. 14.06.2035
Filiação: Rui Pires / Ana Maria Pires"""


@pytest.mark.parametrize("text", [BRAZILIAN_LICENCE, PORTUGUESE_LICENCE])
def test_a_driving_licence_printing_the_parents_is_no_citizen_card(text: str) -> None:
    assert classify(text) == DocumentKind.UNKNOWN
    assert refusal(read_page(text), "ID_DOCUMENT", []) == DRIVING_LICENCE_REFUSED


def test_a_citizen_cards_back_without_its_mrz_is_still_known_by_its_parents() -> None:
    back = "FILIAÇÃO\nRUI PIRES\nANA MARIA PIRES\nN.º UTENTE DE SAÚDE 123456789"
    assert classify(back) == DocumentKind.CARTAO_CIDADAO


# The certificate names the holder's passport by a caption, and no residence permit (blind probe r47a).
PROTECTION_NAMING_THE_PASSPORT = """REPÚBLICA PORTUGUESA
CERTIFICADO DE CONCESSÃO DE PROTEÇÃO TEMPORÁRIA
Nome / Ім'я OKSANA
Apelido / Прізвище MELNYK
Data de nascimento 02/05/1981
Nacionalidade UCRANIANA
Passaporte FE402917
N.º do certificado PT-PROT-2022-0417720
Válido até 04/03/2027"""


def test_a_temporary_protection_certificate_naming_the_passport_is_refused_asking_for_it() -> None:
    assert classify(PROTECTION_NAMING_THE_PASSPORT) == DocumentKind.UNKNOWN
    assert refusal(read_page(PROTECTION_NAMING_THE_PASSPORT), "ID_DOCUMENT", []) == NO_IDENTITY_PROVED


def test_a_passport_is_still_a_passport_whatever_a_page_says_of_protection() -> None:
    # The passport's own MRZ: a page that holds one is the document it names.
    lines = td3(code="P", state="UKR", number="FE402917", nationality="UKR", birth=dt.date(1981, 5, 2), sex="F",
                expiry=dt.date(2030, 1, 1), surname="Melnyk", given="Oksana")  # fmt: skip
    page = "\n".join(["PASSPORT / ПАСПОРТ", "Temporary protection granted 2022", *lines])
    assert classify(page) == DocumentKind.PASSAPORTE


# --- C: another state's card front, its title in two scripts -------------------------------------------------

# A card's front as OCR in Latin letters reads it: the national script's words as Latin look-alikes, the English
# title's first letter misread beside them, and the birth date's caption with a hyphen for a space.
CARD_FRONT = """YKPAIHA / UKRAINE
MACNMOPT FPOMALAHUHA YKPAÍHV:/ADENTITY CARD
Mpissnuje /Surname
TKACHENKO
Im'a / Given names
OLHA
Crarb / Sex TpomagaHerBo / Nationality
X/F YkKpaiHa/UKR
Dara HapoaxeHHa / Date of-birth
21 03 1987
BincHun no / Date of expiry
21 03 2029"""


def test_a_card_front_nothing_recognised_is_asked_for_its_back_or_a_sharper_front() -> None:
    # Its title misread, as the national script's words around it: the captions say it is a card's front.
    assert classify(CARD_FRONT) == DocumentKind.UNKNOWN
    assert refusal(read_page(CARD_FRONT), "ID_DOCUMENT", []) == CARD_FRONT_UNREAD


def test_a_page_naming_a_date_or_two_keeps_the_general_reason() -> None:
    letter = "Clube Desportivo\nFicha de sócio\nNome: Ana Lopes\nData de nascimento: 02/03/1990\nQuota paga"
    assert refusal(read_page(letter), "ID_DOCUMENT", []) == UNRECOGNISED["ID_DOCUMENT"]


# --- E: a Cartão de Cidadão back's NIF, read again as the reader prepares a page ----------------------------------


def back_lines(nif_row: str) -> list[Line]:
    return [Line(text) for text in ["FILIAÇÃO / PARENTS", "RUI COSTA", "TAX No. N.º SEGURANÇA SOCIAL", nif_row]]


def small_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 520), (240, 236, 226)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_backs_nif_lost_at_its_own_size_is_read_on_the_page_as_the_reader_prepares_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A WhatsApp copy 800 px wide: at its own size the NIF's last digit reads "!", enlarged it reads whole.
    def laid_out(page: Any) -> list[Line]:
        return back_lines("29556158! 12093847561" if page.width < 1000 else "295561580 12093847561")

    monkeypatch.setattr(local, "laid_out_reading", laid_out)
    parsed = Parsed(warnings=["missing:nif"])
    read = ReadDocument(lines=[], pages=1, method="ocr", turns=(0,))
    local.nif_from_a_laid_out_reading(small_png(), DocumentKind.CARTAO_CIDADAO, read, parsed)
    assert parsed.fields["nif"] == "295561580"
    assert "missing:nif" not in parsed.warnings


def test_a_back_not_owing_a_nif_is_read_again_at_its_own_size_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # An older residence permit prints none: its back is not read a third time.
    sizes: list[int] = []

    def laid_out(page: Any) -> list[Line]:
        sizes.append(page.width)
        return back_lines("")

    monkeypatch.setattr(local, "laid_out_reading", laid_out)
    parsed = Parsed()
    read = ReadDocument(lines=[], pages=1, method="ocr", turns=(0,))
    local.nif_from_a_laid_out_reading(small_png(), DocumentKind.TITULO_RESIDENCIA, read, parsed)
    assert sizes == [800] and "nif" not in parsed.fields
