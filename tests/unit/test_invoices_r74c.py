"""A PDF of several faturas-recibo, one a page (blind probe r74c, F1, F2, F6): the heading's number under its caption
("FATURA-RECIBO" / "N.º do documento FR ATSIRE01FR/1") was no heading alone, and the parser never saw where the pages
began, so eight months' invoices were read as one (``parts`` empty, no warning), its number and date from the first
page and its amounts from the third; the method then said "média de 1 faturas-recibo". Texts of our own, in the
probe's layout family."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from documents.extraction.local import LocalExtractor
from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line
from screening.rules import verify_income

ISSUER = "247036110"
CLIENT = "536299293"
# (number, date of issue, base): each month's fatura-recibo, exempt of VAT and withholding, received as its base.
MONTHS = [("1", "2026-03-20", "1 100,00"), ("2", "2026-04-27", "1 250,00"), ("3", "2026-05-21", "980,00")]


def portal_page(
    number: str, issued: str, base: str, *, heading: str = "N.º do documento FR ATSIRE01FR/{number}"
) -> list[str]:
    return [
        "Autoridade Tributária e Aduaneira — Portal das Finanças",
        "Recibos Verdes Eletrónicos",
        "FATURA-RECIBO",
        heading.format(number=number, issued=issued),
        f"Data de emissão {issued}",
        f"Data de prestação do serviço {issued}",
        "Transmitente / Prestador de serviços",
        "Nome Ricardo Alves Pinto",
        f"NIF {ISSUER}",
        "Adquirente",
        "Nome Escola de Línguas Atlântico, Lda",
        f"NIF {CLIENT}",
        "Descrição Aulas particulares de inglês",
        f"Valor base {base} €",
        "IVA — isento ao abrigo do artigo 53.º do CIVA 0,00 €",
        "Retenção na fonte de IRS — dispensa (art. 101.º-B CIRS) 0,00 €",
        f"Importância recebida {base} €",
        f"Documento emitido eletronicamente em {issued} — ATCUD: JJ9625-{number}",
    ]


def pdf_of_pages(pages: list[list[str]]) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in pages:
        pdf.setFont("Helvetica", 11)
        for index, text in enumerate(page):
            pdf.drawString(50, 790 - 20 * index, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def extracted(pages: list[list[str]]) -> list[dict[str, Any]]:
    """The file's invoices as the extraction gives them: its reading, then its parts."""
    result = LocalExtractor().extract(pdf_of_pages(pages), document_type="PROOF_OF_INCOME")
    return [result.fields, *(part.fields for part in result.parts)]


def amount(text: str) -> Decimal:
    return Decimal(text.replace(" ", "").replace(",", "."))


def test_a_pdf_of_faturas_recibo_a_page_each_gives_each_invoice_with_its_own_amounts() -> None:
    invoices = extracted([portal_page(*month) for month in MONTHS])
    assert len(invoices) == 3
    read = {fields["invoice_number"]: fields for fields in invoices}
    for number, issued, base in MONTHS:
        fields = read[f"FRATSIRE01FR/{number}"]
        # F2: the amounts come from the page the number and the date come from.
        assert fields["issue_date"] == dt.date.fromisoformat(issued)
        assert fields["base_amount"] == amount(base)
        assert fields["amount_received"] == amount(base)


def test_each_page_its_own_invoice_is_parted_where_no_heading_stands_alone() -> None:
    """The page boundaries alone: the number shares its line with the ATCUD, so no heading is alone."""
    heading = "N.º FR ATSIRE01FR/{number} · ATCUD JJ9625-{number}"
    invoices = extracted([portal_page(*month, heading=heading) for month in MONTHS])
    assert [(fields["invoice_number"], fields["base_amount"]) for fields in invoices] == [
        ("FRATSIRE01FR/3", Decimal("980.00")),
        ("FRATSIRE01FR/2", Decimal("1250.00")),
        ("FRATSIRE01FR/1", Decimal("1100.00")),
    ]


def test_the_numbers_caption_on_its_heading_parts_the_invoices_of_one_text() -> None:
    """The headings alone, no page boundaries (a text read as one page)."""
    parsed = parse_invoice([Line(text) for month in MONTHS for text in portal_page(*month)])
    assert parsed.fields["invoice_number"] == "FRATSIRE01FR/3"
    assert [other.fields["invoice_number"] for other in parsed.other_documents] == ["FRATSIRE01FR/2", "FRATSIRE01FR/1"]


def test_a_number_that_comes_back_is_a_copy_read_once() -> None:
    heading = "N.º FR ATSIRE01FR/{number} · ATCUD JJ9625-{number}"
    first, second = (portal_page(*month, heading=heading) for month in MONTHS[:2])
    pages = [first, second, first]
    lines = [Line(text) for page in pages for text in page]
    parsed = parse_invoice(lines, page_starts=(0, len(first), 2 * len(first)))
    assert parsed.fields["invoice_number"] == "FRATSIRE01FR/2"
    assert [other.fields["invoice_number"] for other in parsed.other_documents] == ["FRATSIRE01FR/1"]


def test_guard_a_second_page_of_one_invoice_is_no_invoice_of_its_own() -> None:
    """A page of terms, and a page that repeats the heading's number, belong to the one invoice."""
    number, issued, base = MONTHS[0]
    terms = ["Condições gerais", "Referente à fatura-recibo FR ATSIRE01FR/7 de adiantamento.", "Pagamento recebido."]
    for second in (terms, portal_page(number, issued, base)[:6]):
        invoices = extracted([portal_page(number, issued, base), second])
        assert len(invoices) == 1
        assert invoices[0]["invoice_number"] == "FRATSIRE01FR/1"
        assert invoices[0]["base_amount"] == amount(base)


def test_guard_a_file_of_one_invoice_reads_as_before() -> None:
    result = LocalExtractor().extract(pdf_of_pages([portal_page(*MONTHS[2])]), document_type="PROOF_OF_INCOME")
    assert result.parts == [] and "multiple_invoices" not in result.warnings
    assert result.fields["invoice_number"] == "FRATSIRE01FR/3"
    assert result.fields["amount_received"] == Decimal("980.00")


def invoice(month: int, base: float) -> dict[str, Any]:
    fields = {"issuer_nif": ISSUER, "issue_date": f"2026-{month:02d}-20", "base_amount": base, "vat_amount": 0.0,
              "irs_withholding": 0.0, "amount_received": base, "invoice_number": f"FR A/{month}"}  # fmt: skip
    return {"document_id": f"fr-{month}", "status": "EXTRACTED", "kind": "FATURA_RECIBO", "fields": fields,
            "warnings": []}  # fmt: skip


def method(documents: list[dict[str, Any]]) -> str:
    applicant = {"nif": ISSUER, "name": "Ricardo Alves Pinto", "date_of_birth": "1974-05-22"}
    result = verify_income({"applicant": applicant, "today": "2026-11-23", "documents": documents})
    return str(result["method"])


def test_one_invoice_averaged_is_said_in_the_singular() -> None:
    assert "média de 1 fatura-recibo," in method([invoice(10, 1000.0)])
    assert "média de 2 faturas-recibo," in method([invoice(9, 1000.0), invoice(10, 1000.0)])
