"""Blind probe r80d, after round 80's fixes: a German passport whose MRZ number OCR read with a "7" for its "T"
("C27Y03T65" read "C27Y03765") is made valid by the page's printed number, inside the MRZ's merge; the names were
then put in the page's spelling from the reading kept before the repair, which had failed, so the printed "JÜRGEN"
(OCR's "JÚRGEN") stayed the MRZ's "JUERGEN". Names and numbers of our own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.schema import DocumentKind
from samples.identity import td3
from tests.helpers import parse_identity_lines

NUMBER = "C27Y03T65"


def passport(*, number_read: str) -> tuple[list[str], list[str]]:
    mrz = td3(code="P", state="D<<", number=NUMBER, birth=dt.date(1979, 4, 3), sex="M", expiry=dt.date(2032, 8, 14),
              nationality="D<<", surname="GRUENEWALD", given="JUERGEN KLAUS")  # fmt: skip
    mrz[1] = number_read + mrz[1][9:]
    page = [
        "BUNDESREPUBLIK DEUTSCHLAND",
        "REISEPASS / PASSPORT",
        "Type / Tipo Code / Código Passport No. / N.º",
        f"P D {NUMBER}",
        "Surname / Apelido",
        "GRÚNEWALD",
        "xx ramos | Mtsd prágr",
        "JÚRGEN KLAUS",
        "Nationality / Nacionalidade",
        "DEUTSCH",
        "03 APR/APR 1979 M",
    ]
    return page, mrz


def test_the_names_take_the_page_spelling_once_its_number_repairs_the_mrz() -> None:
    page, mrz = passport(number_read="C27Y03765")
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=mrz)
    assert fields["mrz_valid"] is True
    assert fields["document_number"] == NUMBER
    assert fields["given_names"] == "Jürgen Klaus"
    assert fields["surname"] == "Grünewald"


def test_as_read_right_it_was_already_so() -> None:
    page, mrz = passport(number_read=NUMBER)
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=mrz)
    assert (fields["given_names"], fields["surname"]) == ("Jürgen Klaus", "Grünewald")
