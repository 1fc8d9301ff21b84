"""Blind probe r77c: AIMA's documents read for what they are.

F1-F3: the CPLP mobility residence permit, an A4 sheet with a QR code and no MRZ, failed ``identity.mrz_valid``
("obrigatória neste documento"); a photo of it was a card's front, "falta o verso", and its holder was asked to
photograph MRZ lines it does not print. F4: such a permit, valid, beside an expired passport confirmed nothing. F5: an
appointment letter quoting the passport's number was read as a passport, its appointment the expiry. F6: a permit's
front alone failed a birth date the front does not print, and its holder was never asked for the back. F7: a permit
and a passport both expired named only the permit's date.
"""

from __future__ import annotations

from typing import Any

from applicants.text import fold
from documents.extraction.local import UNRECOGNISED, unrecognised_card_front
from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from screening.explanation import PT, Person, identity_entry, identity_lever
from screening.rules.identity import verify_identity
from tests.unit.test_rules import id_document, state

# The sheet as OCR reads a phone photo of it (pixels, no paper size to go by).
CPLP_SHEET = [
    "REPÚBLICA PORTUGUESA",
    "AIMA - Agência para a Integração, Migrações e Asilo, I.P.",
    "AUTORIZAÇÃO DE RESIDÊNCIA CPLP",
    "Título de residência emitido ao abrigo do artigo 87.º-A da Lei n.º 23/2007, de 4 de julho",
    "N.º da autorização: CPLP2026017147",
    "Nome completo: MARIA JOÃO SANTOS",
    "Nacionalidade: Angolana",
    "Data de nascimento: 15/06/1990",
    "Sexo: F",
    "Documento de viagem: Passaporte n.º N3847261",
    "Data de emissão: 15/04/2026",
    "Válido até: 15/04/2027",
]

# A permit card's front as OCR reads a photo of it: the uniform format's captions, no birth date, no MRZ.
PERMIT_CARD_FRONT = [
    "REPÚBLICA PORTUGUESA",
    "TÍTULO DE RESIDÊNCIA / RESIDENCE PERMIT",
    "Apelido(s) / Surname",
    "SANTOS",
    "Nome(s) / Given names",
    "MARIA JOÃO",
    "Tipo de título / Type of permit",
    "AUTORIZAÇÃO DE RESIDÊNCIA TEMPORÁRIA",
    "Válido até / Date of expiry",
    "15/04/2027",
    "N.º DOCUMENTO / DOCUMENT No.",
    "Y7K4M2P91",
]

APPOINTMENT_LETTER = """AIMA - Agência para a Integração, Migrações e Asilo, I.P.
NOTIFICAÇÃO DE AGENDAMENTO
Nome: Maria João Santos
Nacionalidade: Paquistanesa
Data de nascimento: 15/06/1990
Documento de viagem: Passaporte n.º EC3948172
N.º do processo: PRC-2024-5581902
Data e hora: 15/01/2027 às 10:30
Local: Loja AIMA Lisboa - Avenida António Augusto de Aguiar, 20
Deve comparecer munido do passaporte válido e dos documentos indicados no pedido.
A presente notificação não constitui título de residência."""


def photographed(texts: list[str]) -> list[Line]:
    """OCR's lines of a photo: pixels, confidences under 1."""
    return [Line(text, 0.95, [], [(100, 90 + 60 * row, 600, 30)]) for row, text in enumerate(texts)]


def paper_permit(**overrides: Any) -> dict[str, Any]:
    fields = {"nif": None, "document_number": "CPLP2026017147", "expiry_date": "2027-04-15", "mrz_printed": False}
    document = id_document(**{**fields, **overrides})
    return {**document, "document_id": "permit", "kind": "TITULO_RESIDENCIA"}


def passport(**overrides: Any) -> dict[str, Any]:
    fields = {"nif": None, "document_number": "FX7730418", "expiry_date": "2032-04-10", "mrz_valid": True}
    document = id_document(**{**fields, **overrides})
    return {**document, "document_id": "passport", "kind": "PASSAPORTE"}


def checks_named(result: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [c for c in result["checks"] if c["name"] == name]


# --- F2: the sheet in a photo has no side, and prints no MRZ ------------------------------------------------------


def test_a_photo_of_the_cplp_sheet_has_no_side_and_says_it_prints_no_mrz() -> None:
    parsed = parse_identity(photographed(CPLP_SHEET), DocumentKind.TITULO_RESIDENCIA)
    assert "side" not in parsed.fields
    assert parsed.fields["mrz_printed"] is False
    assert parsed.fields["document_number"] == "CPLP2026017147"


def test_a_photo_of_a_permit_cards_front_is_still_a_front_that_may_have_its_mrz_on_the_back() -> None:
    parsed = parse_identity(photographed(PERMIT_CARD_FRONT), DocumentKind.TITULO_RESIDENCIA)
    assert parsed.fields["side"] == "front"
    assert "mrz_printed" not in parsed.fields


# --- F1, F3: the sheet is identified by its printed fields ---------------------------------------------------------


def test_the_cplp_sheet_alone_confirms_the_identity_saying_what_no_machine_checked() -> None:
    result = verify_identity(state([paper_permit()]))
    assert result["verified"]
    assert not checks_named(result, "identity.mrz_valid")
    [read] = checks_named(result, "identity.document_read")
    assert "sem zona de leitura ótica" in read["evidence"] and "nenhum dígito de controlo" in read["evidence"]
    assert "falta o verso" not in read["evidence"]


def test_a_residence_permit_not_said_to_lack_an_mrz_still_needs_one() -> None:
    """A permit read with no side and no MRZ, by a reader that does not say it prints none (Reducto), is checked as
    before: the MRZ missing fails."""
    result = verify_identity(state([paper_permit(mrz_printed=None)]))
    assert not result["verified"]
    [mrz] = checks_named(result, "identity.mrz_valid")
    assert not mrz["passed"]


def test_the_applicant_with_the_sheet_is_never_asked_for_mrz_lines() -> None:
    result = verify_identity(state([paper_permit(expiry_date="2026-01-01")]))
    person = Person(applicant_id="a", role="TENANT", checks=result["checks"], identity=result, income={})
    text = identity_entry(person, PT)["text"] + identity_lever(person, PT)
    assert "<<<" not in text and "leitura ótica" not in text


# --- F4: the valid sheet beside an expired passport ---------------------------------------------------------------


def test_a_valid_cplp_sheet_beside_an_expired_passport_confirms_the_identity() -> None:
    result = verify_identity(state([passport(expiry_date="2025-11-30"), paper_permit()]))
    assert result["verified"]
    [read] = checks_named(result, "identity.document_read")
    assert read["document_id"] == "permit"
    [note] = checks_named(result, "identity.other_documents")
    assert "passaporte (documento caducado em 30/11/2025)" in note["evidence"]


# --- F5: an appointment letter is no passport -------------------------------------------------------------------


def test_an_appointment_letter_quoting_the_passport_is_not_a_passport() -> None:
    assert classify(APPOINTMENT_LETTER) == DocumentKind.UNKNOWN
    assert not unrecognised_card_front(fold(APPOINTMENT_LETTER))
    assert "não reconhecido como documento de identificação" in UNRECOGNISED["ID_DOCUMENT"]


def test_a_passports_data_page_is_still_a_passport() -> None:
    page = "REPÚBLICA FEDERATIVA DO BRASIL\nPASSAPORTE / PASSPORT\nTipo / Type: P\nSobrenome / Surname\nSANTOS"
    assert classify(page) == DocumentKind.PASSAPORTE


def test_a_card_front_read_by_its_captions_prints_no_sentence() -> None:
    front = "\n".join(
        ["Name / Surname", "HOFBAUER", "Vornamen / Given names", "MIRIAM", "Geburtsdatum / Date of birth",
         "14.07.1979", "Gültig bis / Date of expiry", "09.02.2032", "Dokumentnummer / Document No.", "P7K29Q44"]
    )  # fmt: skip
    assert unrecognised_card_front(fold(front))


# --- F6: a permit's front alone ---------------------------------------------------------------------------------


def permit_front() -> dict[str, Any]:
    fields = {"nif": None, "document_number": "Y7K4M2P91", "expiry_date": "2027-04-15", "side": "front",
              "date_of_birth": None}  # fmt: skip
    return {**id_document(**fields), "document_id": "front", "kind": "TITULO_RESIDENCIA"}


def test_a_permits_front_alone_fails_no_birth_date_it_does_not_print_and_asks_for_the_back() -> None:
    result = verify_identity(state([permit_front()]))
    assert not result["verified"]
    [birth] = checks_named(result, "identity.birth_date_match")
    assert birth["passed"] and "verso" in birth["evidence"]
    person = Person(applicant_id="a", role="TENANT", checks=result["checks"], identity=result, income={})
    entry = identity_entry(person, PT)["text"]
    assert "data de nascimento" not in entry.split("(e, num título")[0]
    assert "verso" in entry
    assert identity_lever(person, PT) == PT.identity_lever_back


def test_a_cards_front_that_prints_the_birth_date_still_fails_it_unread() -> None:
    front = {**permit_front(), "kind": "CARTAO_IDENTIDADE_ESTRANGEIRO"}
    [birth] = checks_named(verify_identity(state([front])), "identity.birth_date_match")
    assert not birth["passed"]


# --- F7: both expired -------------------------------------------------------------------------------------------


def test_both_documents_expired_are_both_named() -> None:
    result = verify_identity(state([paper_permit(expiry_date="2025-06-30"), passport(expiry_date="2025-11-30")]))
    assert not result["verified"]
    evidence = " ".join(c["evidence"] for c in result["checks"])
    assert "30/06/2025" in evidence and "30/11/2025" in evidence
    [note] = checks_named(result, "identity.other_documents")
    assert note["passed"] and "também não a confirma" in note["evidence"]
