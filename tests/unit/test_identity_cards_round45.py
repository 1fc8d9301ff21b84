"""Identity cards the blind probe of round 45A found read wrong: a passport's date of issue written with the month's
abbreviations in two languages ("10 FEV/FEB 2027") not read, so an issue date still to come went unflagged; a
residence permit's back, which prints the birth date beside the MRZ, said "both" sides; a Cartão de Cidadão's number
taken from its MRZ with the version's letters read as digits ("223" for "ZZ3"); a permit's front said to miss the
birth date it never prints; and a card's back with an address only refused as no identity document. Texts are
shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from applicants.identifiers import cc_check_digit
from applicants.text import fold
from documents.extraction.local import ADDRESS_ONLY_BACK, UNRECOGNISED, address_only_back, refusal
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import ISSUE_DATE_IMPLAUSIBLE, DocumentKind
from documents.extraction.validation import fields_revalidate
from samples.identity import td1
from tests.helpers import parse_identity_lines

TODAY = dt.date(2026, 3, 10)


def passport(issued: str) -> list[str]:
    """A Portuguese passport's data page as OCR reads it, its dates written with bilingual month abbreviations."""
    return [
        "REPÚBLICA PORTUGUESA",
        "PASSAPORTE / PASSPORT",
        "Tipo / Type Código / Code Passaporte n.º / Passport No.",
        "P PRT CD204917",
        "Apelido / Surname",
        "QUEIRÓS",
        "Nome próprio / Given names",
        "TOMÁS ARTUR",
        "Nacionalidade / Nationality",
        "PORTUGUESA",
        "Data de nascimento / Date of birth Sexo / Sex",
        "19 MAI/MAY 1983 M",
        "Data de emissão / Date of issue Autoridade / Authority",
        f"{issued} SEF",
        "Data de validade / Date of expiry",
        "02 DEZ/DEC 2034",
    ]


def test_an_issue_date_written_with_the_months_abbreviations_is_read() -> None:
    """Blind probe r45a: "10 FEV/FEB 2027" as the date of issue was not read, so a passport issued in the future
    raised nothing (its figures, "10/02/2027", did). Both spellings are now read; a date of issue in the past, or
    before the expiry, is no sign."""
    issued_later = dt.date.today().year + 2
    _, warnings = parse_identity_lines(passport(f"10 FEV/FEB {issued_later}"), DocumentKind.PASSAPORTE)
    assert ISSUE_DATE_IMPLAUSIBLE in warnings
    _, warnings = parse_identity_lines(passport("03 JAN/JAN 2035"), DocumentKind.PASSAPORTE)
    assert ISSUE_DATE_IMPLAUSIBLE in warnings  # after its own expiry
    fields, warnings = parse_identity_lines(passport("03 DEZ/DEC 2024"), DocumentKind.PASSAPORTE)
    assert ISSUE_DATE_IMPLAUSIBLE not in warnings
    assert fields["date_of_birth"] == dt.date(1983, 5, 19)
    assert fields["expiry_date"] == dt.date(2034, 12, 2)


PERMIT_MRZ = td1(code="IR", state="PRT", number="D07162534", birth=dt.date(1991, 8, 4), sex="F",
                 expiry=dt.date(2028, 5, 17), nationality="NPL", surname="GURUNG", given="SARITA")  # fmt: skip
PERMIT_BACK = [
    "SEXO / SEX NACIONALIDADE / NATIONALITY",
    "F NEPALESA",
    "DATA DE NASCIMENTO / DATE OF BIRTH LOCAL DE NASCIMENTO / PLACE OF BIRTH",
    "04 08 1991 POKHARA - NPL",
    "EMITIDO EM / ISSUED ON ENTIDADE EMISSORA / ISSUING AUTHORITY",
    "20 05 2024 AIMA",
]
PERMIT_FRONT = [
    "TÍTULO DE RESIDÊNCIA",
    "REPÚBLICA PORTUGUESA - RESIDENCE PERMIT",
    "APELIDO(S) / SURNAME",
    "GURUNG",
    "NOME(S) / GIVEN NAME(S)",
    "SARITA",
    "N.º DO DOCUMENTO / DOCUMENT No. VÁLIDO ATÉ / VALID UNTIL",
    "D07162534 17 05 2028",
]


def test_a_residence_permits_back_is_its_back() -> None:
    """Blind probe r45a: a permit's back prints the birth date, the sex and the nationality beside its MRZ, and was
    said to be "both" sides, so the front (the photo, the printed name) was never asked for. Its front is told by
    the name's caption; both sides on one image are still both, and so is a Cartão de Cidadão's birth-date caption
    beside its MRZ."""
    fields, _ = parse_identity_lines(PERMIT_BACK, DocumentKind.TITULO_RESIDENCIA, mrz=PERMIT_MRZ)
    assert fields["side"] == "back"
    assert fields["date_of_birth"] == dt.date(1991, 8, 4)
    fields, _ = parse_identity_lines(PERMIT_FRONT, DocumentKind.TITULO_RESIDENCIA)
    assert fields["side"] == "front"
    fields, _ = parse_identity_lines([*PERMIT_FRONT, *PERMIT_BACK], DocumentKind.TITULO_RESIDENCIA, mrz=PERMIT_MRZ)
    assert fields["side"] == "both"
    card = ["DATA DE NASCIMENTO / DATE OF BIRTH", "04 08 1991"]
    fields, _ = parse_identity_lines(card, DocumentKind.CARTAO_CIDADAO, mrz=PERMIT_MRZ)
    assert fields["side"] == "both"


def test_a_cards_mrz_version_read_as_digits_is_letters() -> None:
    """Blind probe r45a: a Cartão de Cidadão's back whose birth date's check digit failed gave "39799355 2 223" for
    "ZZ3": OCR read the MRZ's version letters as digits, which the MRZ's reading puts right only where every check
    holds, and neither the card's check character nor the MRZ's check digit tells "ZZ" from "22"."""
    number = "14830926" + "4" + "ZZ"
    number += cc_check_digit(number)
    mrz = td1(code="I", state="PRT", number=number, birth=dt.date(1986, 2, 11), sex="F",
              expiry=dt.date(2030, 9, 3), nationality="PRT", surname="BRITO", given="LUANA")  # fmt: skip
    wrong_check = str((int(mrz[1][6]) + 1) % 10)
    misread = [mrz[0].replace("ZZ", "22"), mrz[1][:6] + wrong_check + mrz[1][7:], mrz[2]]
    fields, warnings = parse_identity_lines(["FILIAÇÃO / PARENTS", "N.º UTENTE DE SAÚDE"],
                                            DocumentKind.CARTAO_CIDADAO, mrz=misread)  # fmt: skip
    assert "mrz_check_invalid" in warnings
    assert fields["document_number"] == f"{number[:8]} {number[8]} {number[9:]}"
    assert "date_of_birth" not in fields


def identity_fields(**fields: object) -> dict[str, object]:
    return {"full_name": "Sarita Gurung", "date_of_birth": None, "expiry_date": dt.date(2028, 5, 17), **fields}


def test_a_permits_front_does_not_miss_the_birth_date_it_never_prints() -> None:
    """Blind probe r45a: every permit's front said "missing:date_of_birth", read as a fault in the upload; the EU's
    uniform permit prints it on the back. A permit's back, both sides, and a Cartão de Cidadão's front still miss it."""
    front = fields_revalidate(DocumentKind.TITULO_RESIDENCIA, identity_fields(side="front"),
                              document_type="ID_DOCUMENT", today=TODAY)  # fmt: skip
    assert "missing:date_of_birth" not in front
    for kind, side in ((DocumentKind.TITULO_RESIDENCIA, "back"), (DocumentKind.TITULO_RESIDENCIA, "both"),
                       (DocumentKind.CARTAO_CIDADAO, "front")):  # fmt: skip
        warnings = fields_revalidate(kind, identity_fields(side=side), document_type="ID_DOCUMENT", today=TODAY)
        assert "missing:date_of_birth" in warnings


def read_of(texts: list[str]) -> ReadDocument:
    return ReadDocument(lines=[Line(text, 0.95) for text in texts], pages=1, method="ocr", turns=(0,))


def test_a_cards_back_with_an_address_only_is_told_to_send_the_front() -> None:
    """Blind probe r45a: a Romanian card's back (an address and its issuer) was refused as "not recognised ... send
    your country's identity card", which the sender had just sent. A page with an identity's captions, or as long as a
    letter, keeps the general reason."""
    back = [
        "Domiciliu / Adresse / Address",
        "Jud. Cluj, Mun. Cluj-Napoca, Str. Horea nr. 41 ap. 7",
        "Emisă de / Délivrée par / Issued by",
        "SPCLEP Cluj-Napoca",
    ]
    assert refusal(read_of(back), "ID_DOCUMENT", []) == ADDRESS_ONLY_BACK
    assert not address_only_back(fold("\n".join([*back, "Nume / Nom / Last name", "POP"])))
    letter = [*back, *(f"Linha {index} de uma carta com a morada" for index in range(12))]
    assert refusal(read_of(letter), "ID_DOCUMENT", []) == UNRECOGNISED["ID_DOCUMENT"]
