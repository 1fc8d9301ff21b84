"""What the blind probe C32 found in reading passports and residence papers: a Norwegian passport's printed "ØDEGÅRD"
read "GDEGÂRD" by OCR kept against a valid MRZ's OEDEGAARD (and its "SØREN" given as the MRZ's "Soeren"), an EU
citizen's registration certificate asked for a card's back it does not have, and AIMA's receipt of a permit's renewal
told only "not recognised". Texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.local import refusal
from documents.extraction.parsers import classify
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from samples.identity import td3
from tests.helpers import parse_identity_lines

BIRTH, EXPIRY = dt.date(1979, 3, 2), dt.date(2031, 8, 19)


def passport(*, state: str, surname: str, given: str) -> list[str]:
    return td3(code="P", state=state, number="KR4471092", birth=BIRTH, sex="F", expiry=EXPIRY, nationality=state,
               surname=surname, given=given)  # fmt: skip


def data_page(*, surname: str, given: str, confidence: float = 0.6) -> list[str | tuple[str, float]]:
    return ["PASSPORT", (f"Surname: {surname}", confidence), f"Given names: {given}",
            "Date of birth: 02 MAR 1979", "Date of expiry: 19 AUG 2031"]  # fmt: skip


def mismatches(warnings: list[str]) -> list[str]:
    return [code for code in warnings if code.startswith("mrz_viz_mismatch")]


def test_a_norwegian_letter_misread_is_the_mrzs_name_in_the_states_letters() -> None:
    """C32 (c17): "ØDEGÅRD" read "GDEGÂRD" at 0.6 over the MRZ's OEDEGAARD was kept, flagged, and the given name
    "S9REN" (OCR's Ø) gave way to the MRZ's "Soeren". Each is the MRZ's name with one character where the MRZ writes
    two letters for a Norwegian one: the printed name, in its letters."""
    page = data_page(surname="HGVÂLAND", given="BJ9RG")
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE,
                                            mrz=passport(state="NOR", surname="HOEVAALAND", given="BJOERG"))  # fmt: skip
    assert fields["surname"] == "Høvåland"
    assert fields["given_names"] == "Bjørg"
    assert fields["full_name"] == "Bjørg Høvåland"
    assert not mismatches(warnings)


def test_a_german_sharp_s_misread_is_restored_over_the_mrzs_ss() -> None:
    """The same for a German passport's ß (the MRZ's SS) read as a B."""
    page = data_page(surname="WEIBKOPF", given="HELGA", confidence=0.9)
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE,
                                            mrz=passport(state="D<<", surname="WEISSKOPF", given="HELGA"))  # fmt: skip
    assert fields["surname"] == "Weißkopf"
    assert not mismatches(warnings)


def test_a_state_without_those_letters_keeps_the_printed_name_flagged() -> None:
    """Where the state's alphabet has no one letter for the MRZ's pair, a character in its place is no letter of it:
    the printed name stays, flagged, as before."""
    page = data_page(surname="HGVALAND", given="MARIA", confidence=0.9)
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE,
                                            mrz=passport(state="ITA", surname="HOEVAALAND", given="MARIA"))  # fmt: skip
    assert fields["surname"] == "Hgvaland"
    assert "mrz_viz_mismatch:surname" in warnings


def read_page(text: str) -> ReadDocument:
    return ReadDocument(lines=[Line(line) for line in text.splitlines()], pages=1, method="text")


EU_CERTIFICATE = """CERTIFICADO DE REGISTO DE CIDADÃO DA UNIÃO EUROPEIA
Câmara Municipal de Braga
Nome: ANNELIESE VOGT
Nacionalidade: Austríaca
Data de nascimento: 17/05/1991
Documento de identificação: Personalausweis N8K2X41P7
Data de emissão: 03/03/2025
Válido até: 03/03/2030"""

RENEWAL_RECEIPT = """AIMA — Agência para a Integração, Migrações e Asilo
Comprovativo de pedido de renovação de autorização de residência
Requerente: TARAS MELNYK
Nacionalidade: Ucraniana
Título de residência n.º Q2B58R7K1, válido até 14/02/2026
Data do pedido: 02/01/2026
Estado: em análise"""


def test_an_eu_registration_certificate_is_told_it_proves_residence_not_identity() -> None:
    """C32 (c06): it was asked for the back of the card with its MRZ, which a certificate has not."""
    reason = refusal(read_page(EU_CERTIFICATE), "ID_DOCUMENT", [])
    assert reason.startswith("Este documento é um certificado de registo de cidadão da União Europeia")
    assert "o cartão de identidade ou o passaporte do seu país" in reason
    assert "verso" not in reason


def test_a_permits_renewal_receipt_is_told_what_it_is_and_that_the_passport_identifies() -> None:
    """C32 (c03): AIMA's receipt of a renewal got the generic "not recognised as an identity document"."""
    assert classify("\n".join(RENEWAL_RECEIPT.splitlines())) == DocumentKind.UNKNOWN
    reason = refusal(read_page(RENEWAL_RECEIPT), "ID_DOCUMENT", [])
    assert reason.startswith("Este documento é o comprovativo de um pedido de autorização de residência")
    assert "passaporte" in reason
