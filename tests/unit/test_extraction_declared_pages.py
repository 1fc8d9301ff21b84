"""A PDF of several documents sent as one of them: the pages of the type it was sent as are read (round 22: a CC's
two sides and three payslips scanned into one file and sent as the identity document came out a payslip, the card
unread)."""

from __future__ import annotations

import datetime as dt
import io
import random
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from documents.extraction.local import OTHER_DOCUMENTS_IN_FILE, LocalExtractor
from samples.identity import td1
from samples.synthetic import Person, make_person, payslip_pdf
from tests.helpers import pdf_of

TODAY = dt.date(2026, 11, 20)


def card_pages(person: Person) -> bytes:
    """A Cartão de Cidadão's front and back as two text pages, the back's MRZ in a monospaced font."""
    mrz = td1(code="I", state="PRT", number=person.cc_number.replace(" ", ""), birth=person.date_of_birth, sex="F",
              expiry=person.expiry_date, nationality="PRT", surname=person.surname.upper(),
              given=person.given_names.upper())  # fmt: skip
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    front = ["REPÚBLICA PORTUGUESA", "CARTÃO DE CIDADÃO", "Apelido(s)", person.surname.upper(), "Nome(s)",
             person.given_names.upper(), f"Data de nascimento {person.date_of_birth:%d %m %Y}"]  # fmt: skip
    for row, text in enumerate(front):
        pdf.setFont("Helvetica", 14)
        pdf.drawString(60, 780 - 26 * row, text)
    pdf.showPage()
    pdf.setFont("Helvetica", 14)
    pdf.drawString(60, 780, "N.º de Identificação Fiscal")
    pdf.drawString(60, 756, person.nif)
    pdf.setFont("Courier", 14)
    for row, text in enumerate(mrz):
        pdf.drawString(60, 300 - 22 * row, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def person_and_payslips() -> tuple[Person, list[bytes]]:
    person = make_person(random.Random(22), TODAY)
    months = [dt.date(2026, month, 1) for month in (8, 9, 10)]
    return person, [payslip_pdf(person, month, base=Decimal("1320.00")).data for month in months]


def test_a_card_and_payslips_in_one_file_sent_as_the_identity_document_read_as_the_card() -> None:
    person, payslips = person_and_payslips()
    result = LocalExtractor().extract(pdf_of(card_pages(person), *payslips), document_type="ID_DOCUMENT")
    fields = result.json_fields()
    assert result.kind == "CARTAO_CIDADAO"
    assert (fields["nif"], fields["mrz_valid"]) == (person.nif, True)
    assert OTHER_DOCUMENTS_IN_FILE in result.warnings
    assert "document_type_mismatch" not in result.warnings


def test_the_same_file_sent_as_the_proof_of_income_reads_the_latest_payslip() -> None:
    """Guard (passes before and after): the payslips' words win a file read whole as income."""
    person, payslips = person_and_payslips()
    result = LocalExtractor().extract(pdf_of(card_pages(person), *payslips), document_type="PROOF_OF_INCOME")
    assert result.kind == "RECIBO_VENCIMENTO"
    assert result.json_fields()["period"] == "2026-10"


def test_a_card_first_then_one_payslip_sent_as_income_reads_the_payslip() -> None:
    """Guard (passes before and after): a card's two pages beside one payslip, sent as income, read as the
    payslip, whether the whole file or only its payslip's page is read."""
    person, payslips = person_and_payslips()
    result = LocalExtractor().extract(pdf_of(card_pages(person), payslips[0]), document_type="PROOF_OF_INCOME")
    assert result.kind == "RECIBO_VENCIMENTO"
    assert result.json_fields()["employee_nif"] == person.nif


def test_a_payslip_alone_sent_as_the_identity_document_is_still_read_as_the_payslip() -> None:
    """Guard (passes before and after): a file with no page of the declared type is read whole, as documented."""
    _, payslips = person_and_payslips()
    result = LocalExtractor().extract(payslips[0], document_type="ID_DOCUMENT")
    assert result.kind == "RECIBO_VENCIMENTO"
    assert "document_type_mismatch" in result.warnings
    assert OTHER_DOCUMENTS_IN_FILE not in result.warnings
