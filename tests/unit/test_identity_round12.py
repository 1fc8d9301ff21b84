"""Identity cards and passports the blind probe of round 12 found read short: a Cartão de Cidadão front whose
captions in capitals add French as a third language ("NOME(S) PRÓPRIO(S) / GIVEN NAMES / PRÉNOMS"), French
captions on their own, and a passport's dates printed with the month's abbreviation ("11 SET/SEP 2033") when its
MRZ fails. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind

TRILINGUAL_FRONT = """REPÚBLICA PORTUGUESA CARTÃO DE CIDADÃO
APELIDO(S) / SURNAME / NOM
MARTINHO SEQUEIRA
NOME(S) PRÓPRIO(S) / GIVEN NAMES / PRÉNOMS
LEONOR VITÓRIA
SEXO / SEX / SEXE ALTURA / HEIGHT NACIONALIDADE
F 1,58 PRT
DATA DE NASCIMENTO / DATE OF BIRTH VALIDADE / EXPIRY
21 03 1992 20 03 2032
N.º DOCUMENTO / DOCUMENT No. / Nº DU DOCUMENT
Assinatura / Signature:"""


def parse(text: str, kind: DocumentKind) -> dict[str, object]:
    lines = [Line(line, 0.93) for line in text.splitlines() if line.strip()]
    return parse_identity(lines, kind).fields


def test_a_caption_in_capitals_with_bracketed_endings_is_no_mrz_line() -> None:
    """ "NOME(S) PRÓPRIO(S) / GIVEN NAMES / PRÉNOMS" cleans up like an MRZ line (its brackets as fillers): the
    given names under it were lost with it."""
    fields = parse(TRILINGUAL_FRONT, DocumentKind.CARTAO_CIDADAO)
    assert fields["given_names"] == "Leonor Vitória"
    assert fields["surname"] == "Martinho Sequeira"
    assert fields["full_name"] == "Leonor Vitória Martinho Sequeira"


def test_the_french_caption_after_the_others_is_no_part_of_the_name() -> None:
    """The caption and its value on one line: every language of the caption goes, the French one too."""
    text = (
        "CARTÃO DE CIDADÃO\n"
        "APELIDO(S) / SURNAME / NOM: MARTINHO SEQUEIRA\n"
        "NOME(S) PRÓPRIO(S) / GIVEN NAMES / PRÉNOMS: LEONOR VITÓRIA\n"
        "SEXO / SEX / SEXE: F"
    )
    fields = parse(text, DocumentKind.CARTAO_CIDADAO)
    assert fields["surname"] == "Martinho Sequeira"
    assert fields["given_names"] == "Leonor Vitória"


FRENCH_CARD = """RÉPUBLIQUE FRANÇAISE CARTE NATIONALE D'IDENTITÉ
NOM
LEFEBVRE
PRÉNOMS
JULIETTE MARIE
SEXE NATIONALITÉ
F FRA
DATE DE NAISSANCE
09 11 1988
DATE D'EXPIRATION
30 06 2033"""


def test_french_captions_on_their_own_are_read() -> None:
    """A card captioned only in French: "NATIONALITÉ", "DATE DE NAISSANCE", "DATE D'EXPIRATION" name their fields
    (the dates are told apart by their captions, not by which is earlier)."""
    fields = parse(FRENCH_CARD, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert fields["surname"] == "Lefebvre"
    assert fields["given_names"] == "Juliette Marie"
    assert fields["nationality"] == "FRA"
    assert fields["sex"] == "F"
    assert fields["date_of_birth"] == dt.date(1988, 11, 9)
    assert fields["expiry_date"] == dt.date(2033, 6, 30)


def test_a_french_birth_date_caption_is_not_the_expiry() -> None:
    """The guard for the captions: with the expiry printed before the birth date, each still follows its
    caption."""
    text = FRENCH_CARD.replace("DATE DE NAISSANCE\n09 11 1988\nDATE D'EXPIRATION\n30 06 2033", "")
    text += "\nDATE D'EXPIRATION\n30 06 2033\nDATE DE NAISSANCE\n09 11 1988"
    fields = parse(text, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert fields["expiry_date"] == dt.date(2033, 6, 30)
    assert fields["date_of_birth"] == dt.date(1988, 11, 9)


PASSPORT_PHOTO = """REPÚBLICA FEDERATIVA DO BRASIL - PASSAPORTE
Passaporte Nº / Passport No.
GK305718
Sobrenome / Surname
MOREIRA CAMPOS
Nome / Given names
RAFAELA
Nacionalidade / Nationality
BRA
Data de nascimento / Date of birth
{birth}
Sexo / Sex
F
Data de validade / Date of expiry
{expiry}
P<BRAMOREIRA<CAMPOS<<RAFAELA<<<<<<<<<<<<<<<<
GK305718<8BRA9104163F3104 ad |<<<eccaaa<"""


def test_a_passport_date_with_the_month_in_two_languages_is_read() -> None:
    """The MRZ's expiry lost to a blurred photo: the visual zone's "22 ABR/APR 2031" stands (flagged by the MRZ's
    failed check, not left missing)."""
    fields = parse(PASSPORT_PHOTO.format(birth="16 ABR/APR 1991", expiry="22 ABR/APR 2031"), DocumentKind.PASSAPORTE)
    assert fields["expiry_date"] == dt.date(2031, 4, 22)
    assert fields["mrz_valid"] is False


def test_a_slash_read_as_a_letter_still_parts_the_two_months() -> None:
    fields = parse(PASSPORT_PHOTO.format(birth="16 ABR/APR 1991", expiry="22 SETISEP 2031"), DocumentKind.PASSAPORTE)
    assert fields["expiry_date"] == dt.date(2031, 9, 22)


def test_two_abbreviations_naming_different_months_are_no_date() -> None:
    """The guard: "22 ABR/SEP 2031" could be either month; nothing is read rather than a guess."""
    fields = parse(PASSPORT_PHOTO.format(birth="16 ABR/APR 1991", expiry="22 ABR/SEP 2031"), DocumentKind.PASSAPORTE)
    assert fields.get("expiry_date") not in {dt.date(2031, 4, 22), dt.date(2031, 9, 22)}
