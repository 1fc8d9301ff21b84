"""Blind probe r63a: an identity document's specimen (a sample an issuer publishes, with a made-up holder) passed
every check. The word is found in the page's text, in an MRZ's names or as ICAO's made-up state; the identity then
fails on it."""

from __future__ import annotations

import pytest

from documents.extraction.specimen import specimen_marked
from tests.unit.test_rules import id_document, screen


@pytest.mark.parametrize(
    "text",
    [
        "REPUBLIQUE FRANCAISE\nCARTE NATIONALE D'IDENTITE\nSPECIMEN",
        "IDPRTC123456789<ZZ1<<<<<<<<<<<\n8807145F3107302PRT<<<<<<<<<<<8\nSPECIMEN<<JOANA<MARIA<<<<<<<<<",
        "Nome / Given names\nESPÉCIME",
        "Name / Surname\nMUSTERMANN\nVornamen / Given names\nERIKA",
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "S P E C I M E N",
    ],
    ids=["word", "mrz_surname", "portuguese", "german_holder", "utopia", "spaced"],
)
def test_a_specimen_is_known_by_its_word_or_icaos_made_up_state(text: str) -> None:
    assert specimen_marked([text])


@pytest.mark.parametrize(
    "text",
    [
        "PASSAPORTE / PASSPORT\nSpecimen signature of holder / Assinatura do titular",
        "P<PRTCOSTA<<SPECIMENA<<<<<<<<<<<<<<<<<<<<<<<",
        "Nome / Given names\nMARIA UTOPIA\nP<BRASILVA<<MARIA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
        "CARTÃO DE CIDADÃO\nAPELIDO(S) Surname\nMUSTAFA\nNOME(S) Given names\nAHMED",
        "CARTA D'IDENTITÀ\nCOGNOME / SURNAME\nCAMPIONE\nNOME / NAME\nGIULIA",
        "PERSONALAUSWEIS\nName / Surname\nMUSTER\nVornamen / Given names\nJONAS",
        "PASSAPORTE\nApelido / Surname\nCOUTO VAZ\nNome / Given names\nRITA",
    ],
    ids=[
        "signature_caption",
        "word_inside_a_name",
        "utopia_as_a_name",
        "a_name_that_starts_alike",
        "campione",
        "muster",
        "a_surname_after_the_documents_letter",
    ],
)
def test_genuine_documents_are_not_specimens(text: str) -> None:
    # Guards as much as tests: words and names that only resemble the marks.
    assert not specimen_marked([text])


def test_a_specimen_identity_document_fails_the_identity_whatever_else_holds() -> None:
    result = screen([{**id_document(), "warnings": ["specimen"]}])
    [specimen] = [c for c in result["identity"]["checks"] if c["name"] == "identity.not_specimen"]
    assert not specimen["passed"] and "espécime (SPECIMEN)" in specimen["evidence"]
    assert not result["identity"]["verified"]
    assert result["affordability"]["risk_level"] == "HIGH"


def test_a_genuine_identity_document_has_no_specimen_check() -> None:
    result = screen([id_document()])
    assert [c for c in result["identity"]["checks"] if c["name"] == "identity.not_specimen"] == []
