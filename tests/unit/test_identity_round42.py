"""Identity documents the blind probe of round 42A found read wrong: two people's Cartão de Cidadão fronts copied
onto one page read as a mix of both (the first card's given-names caption unread, its surname run on into its given
names and the second card's given names taken), and a card's front, a payslip and its back in one file sent as the
identity document read as the back alone (the front, its title unread, not counted as an identity page). Texts are
shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from applicants.identifiers import cc_check_digit
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from samples.identity import td1
from tests.helpers import parse_identity_lines

MULTIPLE = "multiple_identity_documents"


def cc_number(first_eleven: str) -> str:
    full = first_eleven + cc_check_digit(first_eleven)
    return f"{full[:8]} {full[8]} {full[9:]}"


FIRST_NUMBER = cc_number("16204417" + "3" + "ZX")
SECOND_NUMBER = cc_number("11872093" + "5" + "ZY")


def front(*, surname: str, given: str, sex: str, birth: str, number: str, expiry: str) -> list[str]:
    """A front as one page reads it, no title (OCR lost it on a photocopy), captions above values."""
    return [
        "APELIDO(S) / SURNAME",
        surname,
        "NOME(S) / GIVEN NAMES",
        given,
        "SEXO / SEX",
        sex,
        "NACIONALIDADE / NATIONALITY",
        "PRT",
        "DATA DE NASCIMENTO / DATE OF BIRTH",
        birth,
        "N.º DOCUMENTO / DOCUMENT No.",
        number,
        "DATA DE VALIDADE / EXPIRY DATE",
        expiry,
    ]


HER = front(surname="FERREIRA LOPES", given="CLÁUDIA SOFIA", sex="F", birth="22 07 1990", number=FIRST_NUMBER,
            expiry="11 03 2031")  # fmt: skip
HIM = front(surname="MOTA PINHEIRO", given="NUNO ANDRÉ", sex="M", birth="05 12 1987", number=SECOND_NUMBER,
            expiry="30 09 2029")  # fmt: skip


def test_a_couples_fronts_are_read_as_the_first_card_alone() -> None:
    """Blind probe r42a: her given-names caption unread, the page gave "Nuno André Ferreira Lopes Cláudia Sofia". Every
    field now comes from her card (the given names, under no caption of hers, are not taken from his)."""
    without_caption = [line for line in HER if line != "NOME(S) / GIVEN NAMES"]
    fields, warnings = parse_identity_lines([*without_caption, *HIM], DocumentKind.CARTAO_CIDADAO)
    assert MULTIPLE in warnings
    assert fields["surname"] == "Ferreira Lopes"
    assert fields.get("given_names") in (None, "")
    assert fields["document_number"] == FIRST_NUMBER
    assert fields["sex"] == "F"


def test_a_field_the_first_card_lacks_is_not_the_second_cards() -> None:
    """Her birth date unread: his is not hers."""
    without_birth = [line for line in HER if line != "22 07 1990"]
    fields, warnings = parse_identity_lines([*without_birth, *HIM], DocumentKind.CARTAO_CIDADAO)
    assert MULTIPLE in warnings
    assert fields.get("date_of_birth") != dt.date(1987, 12, 5)
    assert fields["given_names"] == "Cláudia Sofia"
    assert fields["expiry_date"] == dt.date(2031, 3, 11)


def test_one_card_front_and_back_is_read_whole() -> None:
    """Guard (passes before and after the fix): one card's front and back on one page, one person, read whole."""
    mrz = td1(code="I", state="PRT", number=FIRST_NUMBER.replace(" ", ""), birth=dt.date(1990, 7, 22), sex="F",
              expiry=dt.date(2031, 3, 11), nationality="PRT", surname="FERREIRA LOPES", given="CLAUDIA SOFIA")  # fmt: skip
    fields, warnings = parse_identity_lines([*HER, "DATA DE EMISSÃO / DATE OF ISSUE", "11 03 2021", *mrz],
                                            DocumentKind.CARTAO_CIDADAO)  # fmt: skip
    assert MULTIPLE not in warnings
    assert fields["side"] == "both"
    assert fields["given_names"] == "Cláudia Sofia"


def lines(texts: list[str]) -> list[Line]:
    return [Line(text, 0.9) for text in texts]


PAYSLIP = [
    "RECIBO DE VENCIMENTO",
    "Serralharia Costa & Filhos, Lda.",
    "NIF: 509876543",
    "Período: Março 2026",
    "Nome: Cláudia Sofia Ferreira Lopes",
    f"CC n.º {FIRST_NUMBER}",
    "Vencimento base 1 280,00",
    "Segurança Social (11%) 140,80",
    "Retenção IRS 120,00",
    "Total ilíquido 1 280,00",
    "Líquido a receber 1 019,20 €",
]


def test_a_front_whose_title_was_lost_is_an_identity_page() -> None:
    """Blind probe r42a: a front, a payslip and the back in one PDF sent as the identity document; the front, its title
    unread, was left out with the payslip, and the card read as its back alone. A page of another kind printing the
    holder's number stays out."""
    from documents.extraction.local import page_of_type
    from documents.extraction.schema import KINDS_BY_DOCUMENT_TYPE

    expected = KINDS_BY_DOCUMENT_TYPE["ID_DOCUMENT"]
    assert page_of_type(lines(HER), expected, identity=True)
    assert not page_of_type(lines(PAYSLIP), expected, identity=True)
    assert not page_of_type(lines(HER), KINDS_BY_DOCUMENT_TYPE["PROOF_OF_INCOME"], identity=False)


def test_a_front_and_back_split_by_a_payslip_combine() -> None:
    """The identity pages of the file, wherever they are, read together: both sides."""
    from documents.extraction.local import pages_of_the_declared_type
    from documents.extraction.parsers import classify

    mrz = td1(code="I", state="PRT", number=FIRST_NUMBER.replace(" ", ""), birth=dt.date(1990, 7, 22), sex="F",
              expiry=dt.date(2031, 3, 11), nationality="PRT", surname="FERREIRA LOPES", given="CLAUDIA SOFIA")  # fmt: skip
    back = ["FILIAÇÃO / PARENTS", "N.º IDENTIFICAÇÃO FISCAL / TAX No.", "231456780", *mrz]
    pages = [HER, PAYSLIP, back]
    starts = (0, len(HER), len(HER) + len(PAYSLIP))
    read = ReadDocument(lines=lines([text for page in pages for text in page]), pages=3, method="ocr",
                        turns=(0, 0, 0), page_starts=starts)  # fmt: skip
    narrowed, kind, was_narrowed = pages_of_the_declared_type(read, classify(read.text), "ID_DOCUMENT")
    assert was_narrowed
    assert kind == DocumentKind.CARTAO_CIDADAO
    assert [line.text for line in narrowed.lines] == [*HER, *back]


def test_a_second_reading_of_another_card_fills_no_gap() -> None:
    """On a page of several people's cards a second reading's first card may be the other one: its fields are taken
    only when its number is the first reading's."""
    from documents.extraction.local import same_card
    from documents.extraction.parsers import Parsed

    first, again = Parsed(), Parsed()
    first.put("document_number", FIRST_NUMBER, 0.9)
    again.put("document_number", SECOND_NUMBER, 0.9)
    assert same_card(first, again)
    first.warnings.append(MULTIPLE)
    assert not same_card(first, again)
    again.fields["document_number"] = FIRST_NUMBER
    assert same_card(first, again)
