"""A passport whose caption grid prints two captions on a row ("Given Name(s)  Nationality" over "PRIYA  IND"): the
blind probe of round 11 found the nationality's value kept at the end of the given names. The texts are shaped as
the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind

TODAY = dt.date(2026, 12, 3)

GRID = """REPUBLIC OF INDIA PASSPORT
Passport No. Surname
W5512938 IYER
Given Name(s) Nationality
{given} IND
Date of Birth Sex
{birth} F
Date of Expiry
01/03/2032"""


def given_names(text: str) -> str | None:
    lines = [Line(line, 0.93) for line in text.splitlines() if line.strip()]
    return parse_identity(lines, DocumentKind.PASSAPORTE).fields.get("given_names")


def test_the_next_caption_s_value_is_no_part_of_the_name() -> None:
    assert given_names(GRID.format(given="MEERA LAKSHMI", birth="19/08/1994")) == "Meera Lakshmi"


def test_a_name_whose_caption_row_names_nothing_else_is_kept_whole() -> None:
    """The guard: under "Given Name(s)" alone, every word of the value is the name's."""
    text = GRID.format(given="MEERA LAKSHMI", birth="19/08/1994").replace("Given Name(s) Nationality", "Given Name(s)")
    assert given_names(text) == "Meera Lakshmi Ind"


def test_a_one_word_name_is_never_emptied() -> None:
    """The first word stays, whatever it looks like: a name may be a country's code too ("BEN")."""
    assert given_names(GRID.format(given="BEN", birth="19/08/1994").replace("BEN IND", "BEN")) == "Ben"


FRONT_ENGLISH_FIRST = """PORTUGAL CITIZEN CARD / CARTÃO DE CIDADÃO
Surname / {surname_caption}: BETTENCOURT DA PONTE
Given names / {given_caption}: GONÇALO AFONSO
Sex / Sexo: M
Nationality / Nacionalidade: PRT
Date of birth / Data de nascimento: 22 01 1987
Expiry / Validade: 17 06 2031"""


def test_a_caption_in_english_then_portuguese_leaves_no_caption_in_the_name() -> None:
    """A front printing "Surname / Apelido: VALUE" on one line: the caption's second language is no name."""
    for surname_caption, given_caption in [
        ("Apelido", "Nomes"),
        ("Apelido(s)", "Nome(s)"),
        ("APELIDOS", "NOMES PRÓPRIOS"),
    ]:
        text = FRONT_ENGLISH_FIRST.format(surname_caption=surname_caption, given_caption=given_caption)
        lines = [Line(line, 0.94) for line in text.splitlines()]
        fields = parse_identity(lines, DocumentKind.CARTAO_CIDADAO).fields
        assert (fields.get("surname"), fields.get("given_names")) == ("Bettencourt da Ponte", "Gonçalo Afonso")
