"""E2e probe c24: a Cartão de Cidadão's parents printed on their caption's own line were read as the holder's
spelling. The mother's "Maria" ("Filiação / Parents José * Maria") replaced the holder's "MARTA", a letter apart,
though the front and the MRZ both printed MARTA."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import read_text

CARD = """REPÚBLICA PORTUGUESA CARTÃO DE CIDADÃO
Apelido(s) / Surname
COSTA PIRES
Nome(s) / Given Name
MARTA ISABEL
Sexo / Sex F Altura / Height 1,68 Nacionalidade / Nationality PRT
Data de nascimento / Date of birth 30 05 1990
N.º Documento / Document No. 159357462 ZZ9
Data de validade / Expiry date 15 09 2029
{parents}
N.º Identificação Fiscal / Tax No. 258147369
I<PRT159357462<ZZ91<<<<<<<<<<<
9005307F2909152PRT<<<<<<<<<<<2
COSTA<PIRES<<MARTA<ISABEL<<<<<"""


@pytest.mark.parametrize(
    "parents",
    ["Filiação / Parents José * Maria", "Filiação / Parents José Pires * Maria Costa", "Filiação\nJOSÉ * MARIA"],
)
def test_the_parents_names_on_their_captions_line_are_not_the_holders_spelling(parents: str) -> None:
    _, fields, _ = read_text(CARD.format(parents=parents), document_type="ID_DOCUMENT", today=dt.date(2026, 12, 5))
    assert fields["given_names"] == "Marta Isabel"
    assert fields["full_name"] == "Marta Isabel Costa Pires"


def test_the_holders_accents_printed_on_the_front_are_still_taken() -> None:
    """The guard: the front's "INÊS" over the MRZ's INES keeps its accent."""
    text = CARD.format(parents="Filiação / Parents José * Maria").replace("MARTA ISABEL", "INÊS ISABEL")
    text = text.replace("COSTA<PIRES<<MARTA<ISABEL<<<<<", "COSTA<PIRES<<INES<ISABEL<<<<<<")
    _, fields, _ = read_text(text, document_type="ID_DOCUMENT", today=dt.date(2026, 12, 5))
    assert fields["given_names"] == "Inês Isabel"
