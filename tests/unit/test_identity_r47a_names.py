"""Names and fields the blind probe of round 47A read wrong: a passport's guilloche read as a hyphen at a name's
edge (the printed surname lost to the MRZ's cut one, a stray "-Charlotte"), a single name in the primary
identifier's place left without a full name, another script's name line joined to the Latin one, a signature across
a printed date, AIMA's paper residence permit and an EU citizen's registration certificate. Texts are shaped as
the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.parsers import classify
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td3
from tests.helpers import parse_identity_lines

BIRTH, EXPIRY = dt.date(1979, 6, 23), dt.date(2033, 2, 11)


def passport(*, state: str, surname: str, given: str, expiry: dt.date = EXPIRY) -> list[str]:
    return td3(code="P", state=state, number="KT5518204", birth=BIRTH, sex="F", expiry=expiry, nationality=state,
               surname=surname, given=given)  # fmt: skip


def data_page(*, surname: str | list[str], given: str | list[str], expiry: str = "11 FEB 2033") -> list[str]:
    surnames = [surname] if isinstance(surname, str) else surname
    givens = [given] if isinstance(given, str) else given
    return ["PASSPORT", "Surname", *surnames, "Given names", *givens, "Nationality", "Date of birth Sex",
            "23 JUN 1979 F", "Date of expiry Authority", expiry]  # fmt: skip


def mismatches(warnings: list[str]) -> list[str]:
    return [code for code in warnings if code.startswith("mrz_viz_mismatch")]


def test_a_surname_the_mrz_cut_is_read_whole_from_the_page_with_a_stroke_read_as_a_hyphen() -> None:
    """Blind probe r47a: the guilloche between two words read "DOS -SANTOS"; the line was taken for no name, and the
    MRZ's cut "... DOS SANTOS FE" stood as the surname."""
    surname, given = "DA COSTA NASCIMENTO DOS SANTOS MAGALHAES", "ANA LUISA"
    page = data_page(surname="DA COSTA NASCIMENTO DOS -SANTOS MAGALHAES", given=given)
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=passport(state="BRA", surname=surname,
                                                                                        given=given))  # fmt: skip
    assert fields["surname"] == "da Costa Nascimento dos Santos Magalhaes"
    assert fields["full_name"] == "Ana Luisa da Costa Nascimento dos Santos Magalhaes"
    assert not mismatches(warnings)


def test_a_stroke_read_as_a_hyphen_before_a_given_name_is_dropped_and_a_names_own_hyphen_kept() -> None:
    """Blind probe r47a: "ALEXANDRA -CHARLOTTE ELIZABETH" was reported with its stray hyphen."""
    surname, given = "ASHBURNHAM-KINGSTONE", "VICTORIA ELEANOR MARGARET"
    page = data_page(surname=surname, given="VICTORIA -ELEANOR MARGARET")
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=passport(state="GBR", surname=surname,
                                                                                given=given))  # fmt: skip
    assert fields["given_names"] == "Victoria Eleanor Margaret"
    assert fields["surname"] == "Ashburnham-Kingstone"


def test_a_single_name_in_the_primary_identifiers_place_is_the_full_name() -> None:
    """Blind probe r47a: "P<INDRAMESH<<<" printed under "Surname", the given names blank: no full name, and
    ``missing:full_name``."""
    page = data_page(surname="SURESH", given=[])
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=passport(state="IND", surname="SURESH",
                                                                                given=""))  # fmt: skip
    assert fields["surname"] == "Suresh"
    assert fields["full_name"] == "Suresh"


def test_a_surname_alone_filling_the_mrz_field_gives_no_full_name() -> None:
    """The converse: a primary identifier that fills the name field was cut, and the given names ICAO left out are
    unknown; the surname is not the whole name."""
    surname = "VENKATARAMANASUBRAMANIANPARAMESWARANAYYAR"
    fields, _ = parse_identity_lines(data_page(surname=surname, given=[]), DocumentKind.PASSAPORTE,
                                     mrz=passport(state="IND", surname=surname, given=""))  # fmt: skip
    assert "full_name" not in fields


def test_a_name_line_in_another_script_under_the_latin_one_is_not_joined_to_it() -> None:
    """Blind probe r47a: a Ukrainian passport's Cyrillic lines, read as Latin letters ("KOBAJNEHKO"), were joined to
    "KOVALENKO" and "OLENA", and the genuine page was flagged ``mrz_viz_mismatch`` on every name."""
    page = data_page(surname=["SHEVCHUK", "WEBYYK"], given=["IRYNA", "IPNHA"])
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=passport(state="UKR", surname="SHEVCHUK",
                                                                                        given="IRYNA"))  # fmt: skip
    assert (fields["surname"], fields["given_names"]) == ("Shevchuk", "Iryna")
    assert not mismatches(warnings)


def test_a_name_wrapping_onto_a_second_line_is_still_joined_where_the_mrz_cut_it() -> None:
    """The wrapped line stays a name's where the MRZ's field is full: it did not spell the whole name."""
    surname = "DE ALBUQUERQUE CAVALCANTI NASCIMENTO"
    page = data_page(surname=["DE ALBUQUERQUE CAVALCANTI", "NASCIMENTO"], given="MARIA")
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=passport(state="BRA", surname=surname,
                                                                                given="MARIA"))  # fmt: skip
    assert fields["surname"] == "de Albuquerque Cavalcanti Nascimento"


def test_a_printed_date_a_signature_crossed_is_no_mismatch_but_a_clear_different_date_is() -> None:
    """Blind probe r47a: a signature across a photocopied passport's expiry made "2032" read "2037" on an unsure
    line, and the genuine page was flagged; a different birth date printed clearly is still flagged."""
    mrz = passport(state="PHL", surname="REYES", given="ANA")
    crossed = data_page(surname="REYES", given="ANA", expiry="11 FEB 2038")
    crossed[-1] = (". 11 FEB 2038 DFA", 0.55)  # type: ignore[call-overload]
    fields, warnings = parse_identity_lines(crossed, DocumentKind.PASSAPORTE, mrz=mrz)
    assert fields["expiry_date"] == EXPIRY
    assert "mrz_viz_mismatch:expiry_date" not in warnings

    forged = data_page(surname="REYES", given="ANA")
    forged[forged.index("23 JUN 1979 F")] = ("23 JUN 1977 F", 0.96)  # type: ignore[call-overload]
    fields, warnings = parse_identity_lines(forged, DocumentKind.PASSAPORTE, mrz=mrz)
    assert fields["date_of_birth"] == BIRTH
    assert "mrz_viz_mismatch:date_of_birth" in warnings


def sheet(texts: list[str]) -> list[Line]:
    """A text layer's lines down an A4 page, in PDF points (the y axis downwards from the top, as read)."""
    return [Line(text, 1.0, [], [(50, -800 + 80 * row, 60, 12)]) for row, text in enumerate(texts)]


CPLP_PERMIT = [
    "REPÚBLICA PORTUGUESA",
    "AUTORIZAÇÃO DE RESIDÊNCIA - MOBILIDADE CPLP",
    "Apelido(s) FERREIRA DA SILVA",
    "Nome(s) próprio(s) JOANA",
    "Data de nascimento 03/04/1994",
    "Nacionalidade BRASILEIRA",
    "Documento de viagem Passaporte BRA n.º FK220981",
    "N.º da autorização AIMA2024/0077321",
    "Válida até 02/05/2028",
]

EU_CITIZEN_CERTIFICATE = [
    "REPÚBLICA PORTUGUESA",
    "CERTIFICADO DE REGISTO DE CIDADÃO DA UNIÃO EUROPEIA",
    "Nome completo MARCO ESPOSITO GALLI",
    "Nacionalidade ITALIANA",
    "Data de nascimento 11/12/1990",
    "Documento de identificação Carta d'identità n.º CB11223TR, válida até 01/02/2030",
    "N.º do certificado CRUE-PRT-2023-104455",
    "Válido até 20/09/2028",
]


def test_a_paper_permit_is_read_by_its_numbers_caption_and_has_no_side() -> None:
    """Blind probe r47a: AIMA's CPLP mobility permit, an A4 text PDF: its number after "N.º da autorização" unread
    (the passport's number on the line above is not the permit's), and "front" reported for a sheet."""
    from documents.extraction.parsers.identity import parse_identity

    lines = sheet(CPLP_PERMIT)
    assert classify("\n".join(CPLP_PERMIT)) == DocumentKind.TITULO_RESIDENCIA
    parsed = parse_identity(lines, DocumentKind.TITULO_RESIDENCIA)
    assert parsed.fields["document_number"] == "AIMA2024/0077321"
    assert parsed.fields["full_name"] == "Joana Ferreira da Silva"
    assert "side" not in parsed.fields


def test_an_eu_citizens_registration_certificate_is_not_taken_for_the_identity_card_it_names() -> None:
    """Blind probe r47a: the Certificado de Registo de Cidadão da União Europeia was read as another state's
    identity card (it names the holder's "Carta d'identità"). It proves residence, not identity: unrecognised, and
    refused asking for the card or the passport, as round 13 decided (test_unrecognised_document)."""
    assert classify("\n".join(EU_CITIZEN_CERTIFICATE)) == DocumentKind.UNKNOWN


def test_a_whole_name_under_nome_completo_is_the_full_name() -> None:
    """A paper document's "Nome completo" captions the whole name, not the given names."""
    from documents.extraction.parsers.identity import parse_identity

    permit = [line for line in CPLP_PERMIT if not line.startswith(("Apelido", "Nome"))]
    permit.insert(2, "Nome completo JOANA FERREIRA DA SILVA")
    parsed = parse_identity(sheet(permit), DocumentKind.TITULO_RESIDENCIA)
    assert parsed.fields["full_name"] == "Joana Ferreira da Silva"
    assert "given_names" not in parsed.fields


def test_a_cards_text_layer_keeps_its_side() -> None:
    """A card's lines, a card's length apart, are a card's: its side is still read."""
    from documents.extraction.parsers.identity import parse_identity

    # Without the captions only the sheet prints (its number as the authorisation's, the travel document it goes
    # with), which tell a sheet in a photo too (blind probe r77c, F2).
    printed = [text for text in CPLP_PERMIT if not text.startswith(("N.º da autorização", "Documento de viagem"))]
    card = [Line(text, 1.0, [], [(20, 10 + 14 * row, 60, 10)]) for row, text in enumerate(printed)]
    parsed = parse_identity(card, DocumentKind.TITULO_RESIDENCIA)
    assert parsed.fields["side"] == "front"
