"""Blind probe r81b finding 2: the employer's name in a coloured header band, beside a round logo, over its address,
a line of contacts (telephone, e-mail) and its NIF, with no legal form. The contacts' line ended the letterhead's
address there, so the name over it was not read, on a text layer as in a photo. Names, numbers and layouts of our
own."""

from __future__ import annotations

import io

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from documents.extraction.local import LocalExtractor
from documents.extraction.parsers.payslip import contacts_line, parse_payslip
from documents.extraction.reader import Line

EMPLOYER_NIF = "516304828"
WORKER_NIF = "298714655"

ROWS = (
    "Recibo de Vencimento - Outubro de 2026",
    f"Trabalhador: Rui Manuel Pacheco Brandão NIF: {WORKER_NIF}",
    "Vencimento base 1.180,00 €",
    "Subsídio de refeição 22 x 7,00 154,00 €",
    "Segurança Social 11% 129,80 €",
    "IRS 94,00 €",
    "Total 1.334,00 € 223,80 €",
    "Líquido a receber 1.110,20 €",
)


def slip(*letterhead: str) -> list[Line]:
    return [Line(text) for text in (*letterhead, *ROWS)]


@pytest.mark.parametrize(
    "contacts",
    [
        ("Tel. 253 410 220 · geral@padariaflor.pt",),
        ("Telefone / Fax: 253 410 220", "E-mail: encomendas@padariaflor.pt   www.padariaflor.pt"),
        ("T. +351 253 410 220 | M. 912 440 118",),
        # A photo: the logo's edge read before the caption, the "@" as a letter.
        ("o Telef. 253410220 - geralwpadariaflor.pt",),
    ],
    ids=["one-line", "two-lines", "letters-only", "photo"],
)
def test_contacts_between_the_address_and_the_nif_leave_the_name_read(contacts: tuple[str, ...]) -> None:
    lines = slip(
        "Padaria Flor do Minho",
        "Avenida da Liberdade, 120",
        "4710-249 Braga",
        *contacts,
        f"Contribuinte n.º {EMPLOYER_NIF}",
    )
    parsed = parse_payslip(lines)
    assert parsed.fields["employer_name"] == "Padaria Flor do Minho"
    assert "missing:employer_name" not in parsed.warnings


def test_the_logos_monogram_read_on_the_names_line_is_no_part_of_it() -> None:
    parsed = parse_payslip(
        slip("PFM Padaria Flor do Minho", "Avenida da Liberdade, 120 - 4710-249 Braga", f"NIF {EMPLOYER_NIF}")
    )
    assert parsed.fields["employer_name"] == "Padaria Flor do Minho"


@pytest.mark.parametrize(
    ("text", "contacts"),
    [
        ("Telemóvel 912 440 118", True),
        ("www.padariaflor.pt", True),
        ("encomendas@padariaflor.pt · 253 410 220", True),
        ("Web Ideias do Algarve", False),  # a caption's word starting a name, no contact after it
        ("Telhados do Norte", False),
        ("NIF 516304828", False),
        ("Avenida da Liberdade, 120", False),
    ],
)
def test_a_contacts_line(text: str, contacts: bool) -> None:
    assert contacts_line(text) is contacts


def band_payslip_pdf() -> bytes:
    """A text PDF: the name in white, large type on a coloured band beside a round logo with its initials, the
    address, the contacts and the NIF under it in white."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    pdf.setFillColor(colors.Color(0.45, 0.1, 0.2))
    pdf.rect(0, height - 120, width, 120, stroke=0, fill=1)
    pdf.setFillColor(colors.Color(0.9, 0.8, 0.3))
    pdf.circle(width - 80, height - 60, 34, stroke=0, fill=1)
    pdf.setFillColor(colors.white)
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawCentredString(width - 80, height - 67, "PF")
    pdf.drawString(40, height - 48, "Padaria Flor do Minho")
    pdf.setFont("Helvetica", 9)
    pdf.drawString(40, height - 66, "Avenida da Liberdade, 120, 4710-249 Braga")
    pdf.drawString(40, height - 79, "Telefone 253 410 220  ·  encomendas@padariaflor.pt")
    pdf.drawString(40, height - 92, f"Contribuinte {EMPLOYER_NIF}")
    pdf.setFillColor(colors.black)
    pdf.setFont("Helvetica", 10)
    for row, text in enumerate(ROWS):
        pdf.drawString(40, height - 160 - 16 * row, text)
    pdf.save()
    return buffer.getvalue()


def test_a_coloured_bands_letterhead_gives_the_employers_name() -> None:
    result = LocalExtractor().extract(band_payslip_pdf(), document_type="PROOF_OF_INCOME")
    assert result.fields["employer_name"] == "Padaria Flor do Minho"
    assert result.fields["employee_name"] == "Rui Manuel Pacheco Brandão"
    assert "missing:employer_name" not in result.warnings
