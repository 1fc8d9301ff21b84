"""Names the blind probe of round 75D compared or read wrong (findings 3, 4 and 6): a Bangladeshi holder typing his
name without the "MD" (Mohammad) his passport prints before it was only "similar, a slip of the pen or of the
reading"; a Spanish holder typing her given names and first surname, as Spaniards are known, was warned of a name
matching "only roughly"; an Indian single name whose MRZ padding OCR read with letters at its end was left with no
full name. Names and numbers are made up for the tests."""

from __future__ import annotations

import datetime as dt

from documents.extraction.schema import DocumentKind
from samples.identity import td3
from tests.helpers import parse_identity_lines

BIRTH, EXPIRY = dt.date(1987, 2, 11), dt.date(2032, 9, 1)


def passport(*, state: str, surname: str, given: str) -> list[str]:
    return td3(code="P", state=state, number="W1938472", birth=BIRTH, sex="M", expiry=EXPIRY, nationality=state,
               surname=surname, given=given)  # fmt: skip


def data_page(*, surname: str, given: str | None) -> list[str]:
    return ["REPUBLIC OF INDIA / PASSPORT", "Surname", surname, "Given names", *([given] if given else []),
            "Nationality", "Date of birth Sex", "11 FEB 1987 M", "Date of expiry", "01 SEP 2032"]  # fmt: skip


# --- finding 6: a single name whose MRZ padding OCR read with letters ----------------------------------------------


def test_a_single_name_whose_mrz_padding_ends_in_letters_read_is_the_full_name() -> None:
    """Blind probe r75d, G09: "P<INDSURINDER<<<...<<<AAA", a smudge on the padding read as letters, was a name
    running to the line's end, so cut: ``mrz_name_truncated`` and no full name (``missing:full_name``)."""
    names_line, data_line = passport(state="IND", surname="SURINDER", given="")
    smudged = names_line[:-3] + "AAA"
    fields, warnings = parse_identity_lines(data_page(surname="SURINDER", given=None), DocumentKind.PASSAPORTE,
                                            mrz=[smudged, data_line])  # fmt: skip
    assert fields["mrz_valid"] is True
    assert (fields["surname"], fields["full_name"]) == ("Surinder", "Surinder")
    assert "mrz_name_truncated" not in warnings


def test_a_single_name_filling_the_mrz_field_is_still_cut_with_no_full_name() -> None:
    """The guard: a primary identifier running to the line's end, no padding at all, was cut, and its given names
    ICAO left out are unknown."""
    surname = "VENKATARAMANASUBRAMANIANPARAMESWARANAYYAR"
    fields, _ = parse_identity_lines(data_page(surname=surname, given=None), DocumentKind.PASSAPORTE,
                                            mrz=passport(state="IND", surname=surname, given=""))  # fmt: skip
    assert "full_name" not in fields
