"""Blind probe r35c (identity documents of expats): a D8 visa sticker, a person's name and dates under an MRZ like
a passport's, was read as a passport, or refused as an MRZ cut short. A visa proves no identity: it is refused,
and the applicant is told to send the passport's data page."""

from __future__ import annotations

from documents.extraction.local import VISA, a_visa
from documents.extraction.mrz import check_digit
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind


def visa_zone(code: str) -> list[str]:
    """An MRV-A's two lines (ICAO 9303 part 7): no composite check digit, unlike a passport's TD3."""
    first = f"{code}PRTHARPER<<GRACE<ELLEN".ljust(44, "<")
    number, birth, expiry = "L48213977", "950719", "270627"
    second = f"{number}{check_digit(number)}USA{birth}{check_digit(birth)}F{expiry}{check_digit(expiry)}".ljust(44, "<")
    return [first, second]


def page(mrz: list[str], title: str = "VISTO VISA PORTUGAL") -> ReadDocument:
    lines = [title, "TIPO DE VISTO / TYPE OF VISA  D", "N.º DO PASSAPORTE / PASSPORT NUMBER 488213977", *mrz]
    return ReadDocument(lines=[Line(text) for text in lines], pages=1, method="text")


def test_a_visa_sticker_is_told_apart_by_its_mrz_code() -> None:
    mrz = visa_zone("VD")
    assert a_visa(b"", page(mrz), DocumentKind.PASSAPORTE, mrz)
    assert a_visa(b"", page(mrz), DocumentKind.UNKNOWN, mrz)
    assert "visto" in VISA and "passaporte" in VISA


def test_a_passport_naming_visas_is_still_a_passport() -> None:
    # The same zone with a passport's code (its composite digit aside), on a page that speaks of visas.
    mrz = visa_zone("P<")
    assert not a_visa(b"", page(mrz, title="PASSPORT VISA PAGES 32"), DocumentKind.PASSAPORTE, mrz)
    # A V-coded zone whose check digits do not hold is no evidence of a visa.
    broken = [visa_zone("VD")[0], visa_zone("VD")[1].replace("L48213977", "L48213970")]
    broken[1] = broken[1][:10] + broken[1][10:13] + "950718" + broken[1][19:]
    assert not a_visa(b"", page(broken), DocumentKind.PASSAPORTE, broken)


def passport_zone(surname: str, given_names: str) -> list[str]:
    """A TD3's two lines with every check digit holding."""
    first = f"P<USA{surname}<<{given_names.replace(' ', '<')}".ljust(44, "<")[:44]
    number, birth, expiry, personal = "548213977", "880719", "310627", "<" * 14
    second = (
        f"{number}{check_digit(number)}USA{birth}{check_digit(birth)}F{expiry}{check_digit(expiry)}"
        f"{personal}{check_digit(personal)}"
    )
    composite = second[0:10] + second[13:20] + second[21:43]
    return [first, second + check_digit(composite)]


def test_a_short_stray_word_before_names_a_valid_mrz_prints_whole_is_dropped() -> None:
    from documents.extraction.mrz import read_mrz
    from documents.extraction.parsers.common import Parsed
    from documents.extraction.parsers.identity import after_a_stray_first_word, merge_name

    mrz = read_mrz(passport_zone("KOWALCZYK", "MARY ELIZABETH"))
    assert mrz is not None and mrz.valid
    parsed = Parsed()
    parsed.put("given_names", "Eb Mary Elizabeth", 0.83)
    merge_name(parsed, "given_names", mrz.given_names, mrz)
    assert parsed.fields["given_names"] == "Mary Elizabeth"
    assert not any(warning.startswith("mrz_viz_mismatch") for warning in parsed.warnings)
    # A particle is part of a name, and a name the MRZ does not print stays flagged.
    assert after_a_stray_first_word("Da Silva") is None
    other = Parsed()
    other.put("given_names", "Eb Anne Marie", 0.83)
    merge_name(other, "given_names", mrz.given_names, mrz)
    assert "mrz_viz_mismatch:given_names" in other.warnings


def test_a_letter_beginning_the_next_caption_is_no_sex() -> None:
    from documents.extraction.parsers.identity import ID_LABELS, find_label, visual_sex

    lines = [
        Line(text, confidence)
        for text, confidence in [
            ("5. Kön/sex 3. Medborgarskap/Nationality", 0.86),
            ("MIM SWE", 0.83),
            ("4. Födelsedatum/Date of birth", 0.79),
            ("23 01 1967", 0.89),
        ]
    ]
    found = find_label(lines, ID_LABELS["sex"])
    assert found is not None
    assert visual_sex(lines, found) == ("M", 0.83)


def test_a_residence_permits_back_without_its_nif_is_read_again_for_it() -> None:
    from documents.extraction.local import nif_wanted
    from documents.extraction.parsers.common import Parsed

    back = Parsed(fields={"side": "back", "nif": None})
    assert nif_wanted(DocumentKind.TITULO_RESIDENCIA, back)
    assert not nif_wanted(DocumentKind.TITULO_RESIDENCIA, Parsed(fields={"side": "front"}))
    assert not nif_wanted(DocumentKind.TITULO_RESIDENCIA, Parsed(fields={"side": "back", "nif": "245718931"}))
    assert not nif_wanted(DocumentKind.PASSAPORTE, Parsed(fields={"side": "back"}))
    assert nif_wanted(DocumentKind.CARTAO_CIDADAO, Parsed(warnings=["missing:nif"]))


def test_words_after_a_printed_name_that_spells_a_whole_mrz_name_are_another_fields() -> None:
    from documents.extraction.mrz import read_mrz
    from documents.extraction.parsers.common import Parsed
    from documents.extraction.parsers.identity import merge_name

    mrz = read_mrz(passport_zone("PARK", "SEO YEON"))
    assert mrz is not None and mrz.valid
    parsed = Parsed()
    parsed.put("given_names", "Seoyeon República Of Korea", 0.89)
    merge_name(parsed, "given_names", mrz.given_names, mrz)
    assert parsed.fields["given_names"] == "Seoyeon"
    # A name field full to its end may have cut the name: the printed words after it stay, as before.
    cut = read_mrz(passport_zone("WOLFESCHLEGELSTEINHAUSENBERGER", "SEO YEON"))
    assert cut is not None and cut.valid and cut.given_names == "SEO YEO"
    kept = Parsed()
    kept.put("given_names", "Seoyeon Maria Grace", 0.89)
    merge_name(kept, "given_names", cut.given_names, cut)
    assert kept.fields["given_names"] == "Seoyeon Maria Grace"


def test_a_doubtful_first_word_goes_only_when_two_words_or_more_stay() -> None:
    from documents.extraction.parsers.identity import without_doubtful_first_word

    swedish = Line("SS ERIK JOHAN", 0.62, word_confidences=[("SS", 0.003), ("ERIK", 0.97), ("JOHAN", 0.95)])
    assert without_doubtful_first_word("SS ERIK JOHAN", swedish) == "ERIK JOHAN"
    # Blind probe r31b's German card: the given names unread, "ias" and the back's "CAN" on their line. "Can" alone
    # would have stood against the valid MRZ's JUERGEN; the doubtful pair gives way to it, as before.
    german = Line("ias CAN 243835", 0.68, word_confidences=[("ias", 0.11), ("CAN", 0.96), ("243835", 0.96)])
    assert without_doubtful_first_word("ias CAN", german) == "ias CAN"


def test_a_lone_e_before_a_name_is_a_stray_mark_not_the_particle() -> None:
    """Blind probe r45a (read again on a later commit): a British passport's "E O'BRIEN" and a Ukrainian's "E OLEKSANDR"
    beside valid MRZs were flagged ``mrz_viz_mismatch``: "e" joins two names and begins none."""
    from documents.extraction.mrz import read_mrz
    from documents.extraction.parsers.common import Parsed
    from documents.extraction.parsers.identity import after_a_stray_first_word, merge_name

    mrz = read_mrz(passport_zone("OBRIEN", "SIOBHAN MARY"))
    assert mrz is not None and mrz.valid
    parsed = Parsed()
    parsed.put("surname", "E O'Brien", 0.83)
    merge_name(parsed, "surname", mrz.surname, mrz)
    assert parsed.fields["surname"] == "O'Brien"
    assert not any(warning.startswith("mrz_viz_mismatch") for warning in parsed.warnings)
    # The particles a name begins with stay its own.
    assert after_a_stray_first_word("Do Carmo") is None and after_a_stray_first_word("Dos Santos") is None


def test_a_lone_e_opening_a_name_line_read_by_ocr_is_left_out() -> None:
    """Blind probe r51a (a card front at 600 px): "E FRAZÃO GUIMARÃES" under the surname caption gave the surname
    "e Frazão Guimarães"; a name wrapped onto a line beginning with the conjunction keeps it."""
    from documents.extraction.parsers.identity import name_value, without_leading_noise

    found = name_value([("E FRAZÃO GUIMARÃES", Line("E FRAZÃO GUIMARÃES", 0.85))])
    assert found is not None and found[0] == "FRAZÃO GUIMARÃES"
    assert without_leading_noise("É O'BRIEN") == "O'BRIEN"
    # Inside a name the conjunction is the name's own.
    assert without_leading_noise("SILVA E SOUSA") == "SILVA E SOUSA"
