"""Identity documents the blind probe of round 55B found read wrong: a genuine passport's grey scan, its issue and
expiry dates side by side, whose issue date's translated month OCR cut a letter short ("10 JUN/UN 2021"); the row then
gave only the expiry, taken for the issue date, and the passport was "issued in the future". Texts are shaped as the
reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.parsers.identity import issue_row_dates, written_card_dates
from documents.extraction.schema import ISSUE_DATE_IMPLAUSIBLE, DocumentKind
from tests.helpers import parse_identity_lines


def passport(dates_row: str) -> list[str]:
    """A passport's data page whose issue and expiry dates share one row under their two labels."""
    return [
        "REPÚBLICA FEDERATIVA DO BRASIL",
        "PASSAPORTE / PASSPORT",
        "Tipo / Type Código do país / Issuing country Passaporte n.º / Passport No.",
        "P BRA GK482913",
        "Sobrenome / Surname",
        "FERNANDES DA COSTA",
        "Nome / Given names",
        "LARISSA BEATRIZ",
        "Data de nascimento / Date of birth Sexo / Sex",
        "22 MAR/MAR 1990 F",
        "Data de expedição / Date of issue Data de validade / Date of expiry",
        dates_row,
    ]


def test_a_translated_month_ocr_cut_short_still_reads_the_date() -> None:
    assert written_card_dates("10 JUN/UN 2021") == [dt.date(2021, 6, 10)]
    assert issue_row_dates("10 JUN/UN 2021 09 JUN/JUN 2031") == [dt.date(2021, 6, 10), dt.date(2031, 6, 9)]


def test_two_months_that_disagree_are_still_no_date() -> None:
    # Guard: a translation naming another month is no misreading of this one.
    assert written_card_dates("10 MAR/MAY 2021") == []
    assert written_card_dates("10 XYZ/FEB 2027") == []


def test_a_genuine_passports_damaged_issue_date_is_no_sign() -> None:
    _, warnings = parse_identity_lines(passport("10 JUN/UN 2021 09 JUN/JUN 2031"), DocumentKind.PASSAPORTE)
    assert ISSUE_DATE_IMPLAUSIBLE not in warnings


def test_a_row_of_two_dates_one_lost_to_ocr_gives_no_issue_date_rather_than_the_expiry() -> None:
    # The issue date unreadable altogether ("1O JUH/UN 2O21"): the one date read is the expiry's column's, unknown
    # which, and never taken for the issue date.
    _, warnings = parse_identity_lines(passport("1O JUH/UN 2O21 09 JUN/JUN 2031"), DocumentKind.PASSAPORTE)
    assert ISSUE_DATE_IMPLAUSIBLE not in warnings


def test_an_issue_date_still_to_come_beside_its_expiry_is_still_a_sign() -> None:
    # Guard: both dates read, the issue date's column still says when it was issued.
    later = dt.date.today().year + 1
    _, warnings = parse_identity_lines(passport(f"10 JUN/JUN {later} 09 JUN/JUN 2031"), DocumentKind.PASSAPORTE)
    assert ISSUE_DATE_IMPLAUSIBLE in warnings


# --- A card recognised by its title of which no holder's field reads ---------------------------------------------


def blank_cc_front(*, surname: str = "", given: str = "") -> bytes:
    """A Cartão de Cidadão's front as its template prints it: the title and every caption, the values left blank
    (or only the names filled in)."""
    from samples.identity import Card

    card = Card(1300, 820, (250, 250, 250))
    card.text((40, 30), "REPÚBLICA PORTUGUESA", size=32, bold=True)
    card.text((40, 72), "CARTÃO DE CIDADÃO / CITIZEN CARD", size=20)
    card.photo((40, 130, 330, 500))
    card.field((380, 130), "Apelido(s) / Surname", surname)
    card.field((380, 220), "Nome(s) / Given Name(s)", given)
    card.field((380, 310), "Sexo / Sex", "")
    card.field((780, 310), "Nacionalidade / Nationality", "")
    card.field((380, 400), "Data de Nascimento / Date of Birth", "")
    card.field((380, 490), "N.º Documento / Document No.", "")
    card.field((830, 490), "Data de Validade / Expiry Date", "")
    return card.png()


def test_a_blank_card_template_is_refused_saying_what_to_send() -> None:
    import pytest

    from documents.extraction.errors import ExtractionFailed
    from documents.extraction.local import IDENTITY_DATA_UNREAD, LocalExtractor

    with pytest.raises(ExtractionFailed) as refused:
        LocalExtractor().extract(blank_cc_front(), document_type="ID_DOCUMENT")
    assert refused.value.reason == IDENTITY_DATA_UNREAD


def test_a_card_whose_names_alone_read_is_still_read() -> None:
    # Guard: one field of the holder's is a reading to keep (its gaps are warned as missing), not a refusal.
    from documents.extraction.local import LocalExtractor

    result = LocalExtractor().extract(
        blank_cc_front(surname="TEIXEIRA MOTA", given="INÊS"), document_type="ID_DOCUMENT"
    )
    assert result.kind == DocumentKind.CARTAO_CIDADAO
    assert str(result.fields["surname"]).upper() == "TEIXEIRA MOTA"
    assert "missing:date_of_birth" in result.warnings


def test_an_mrz_whose_check_digits_fail_is_kept_though_nothing_else_read() -> None:
    # Guard: a failing MRZ is a signal for staff (``mrz_check_invalid``), not a reading to ask again for.
    from documents.extraction.local import nothing_of_the_holder

    assert nothing_of_the_holder({"nationality": "PRT", "side": "front", "mrz_valid": None})
    assert not nothing_of_the_holder({"side": "back", "mrz_valid": False})
    assert not nothing_of_the_holder({"side": "back", "nif": "123456789", "mrz_valid": None})


def test_a_brazilian_issue_date_captioned_data_de_expedicao_alone_is_read_as_the_issue_date() -> None:
    """Fixer r63a: Brazil's documents caption it "Data de expedição"; with no English beside it, the issue date was
    read as no issue date at all, and one still to come went unflagged."""
    later = dt.date.today().year + 1
    page = [*passport("")[:-2], "Data de expedição", f"10/06/{later}", "Data de validade", "09/06/2031"]
    _, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE)
    assert ISSUE_DATE_IMPLAUSIBLE in warnings
