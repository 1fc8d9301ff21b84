"""Blind probe r78c: a scan saved as a PDF reads as the same scan as an image does (F2); the owner check of a
document whose owner's boxes did not read says what did read (F2); names on scans keep their last word and lose a
speck's dot (F5)."""

from __future__ import annotations

import datetime as dt
import io
import random
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageEnhance, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from documents.extraction import reader
from documents.extraction.local import LocalExtractor
from documents.extraction.parsers.common import clean_name
from documents.extraction.parsers.pension import name_as_printed
from documents.extraction.reader import Line
from samples.synthetic import sensor_noise
from screening.rules import verify_income

# --- A scan in a PDF, read at its own resolution ---------------------------------------------------------------------


def picture_pdf(picture: Any, *, dpi: float, at: tuple[float, float] = (0, 0)) -> bytes:
    """An A4 page drawing ``picture`` at ``dpi`` (Flate-encoded, as reportlab stores it), from ``at`` (points)."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    png = io.BytesIO()
    picture.save(png, format="PNG")
    width, height = picture.width * 72 / dpi, picture.height * 72 / dpi
    page.drawImage(ImageReader(io.BytesIO(png.getvalue())), at[0], A4[1] - at[1] - height, width, height)
    page.save()
    return buffer.getvalue()


def rendered_width(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        return reader.render_scan_or_page(pdf[0]).width
    finally:
        pdf.close()


@pytest.mark.parametrize("mode", ["L", "RGB", "1"])
def test_a_scanned_page_is_rendered_at_its_own_resolution_not_enlarged(mode: str) -> None:
    """A 150 dpi page, grey, colour or black and white: 1240 px wide, as its picture is, not 2480 as at 300 dpi."""
    page = Image.new(mode, (1240, 1754), "white")
    assert abs(rendered_width(picture_pdf(page, dpi=150)) - 1240) <= 2


def test_a_sharp_scan_a_card_on_a_page_and_a_drawn_page_are_rendered_at_the_readers_resolution() -> None:
    full = 595 * 300 / 72
    assert abs(rendered_width(picture_pdf(Image.new("L", (4960, 7016), "white"), dpi=600)) - full) <= 2
    card = Image.new("L", (502, 319), "white")  # a card scanned at 150 dpi, a tenth of the page
    assert abs(rendered_width(picture_pdf(card, dpi=150, at=(60, 60))) - full) <= 2
    buffer = io.BytesIO()
    drawn = canvas.Canvas(buffer, pagesize=A4)
    drawn.drawString(72, 700, "Sem imagens")
    drawn.save()
    assert abs(rendered_width(buffer.getvalue()) - full) <= 2


def fatura_recibo(issuer: tuple[str, str], client: tuple[str, str]) -> bytes:
    """A Portal das Finanças fatura-recibo, the issuer's and the client's boxes side by side."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    rows = [
        (50, 800, "Portal das Finanças", 12), (340, 800, "Autoridade Tributária e Aduaneira", 10),
        (50, 770, "FATURA-RECIBO N.º FR ATSIRE01FR/71", 13), (50, 752, "ATCUD: KQ2R7W4M-71", 9),
        (50, 736, "Data de emissão: 2026-10-28", 10),
        (50, 706, "Transmitente / Prestador de serviços", 10), (310, 706, "Adquirente / Destinatário", 10),
        (50, 688, f"NIF: {issuer[1]}", 10), (310, 688, f"NIF: {client[1]}", 10),
        (50, 672, f"Nome: {issuer[0]}", 10), (310, 672, f"Nome: {client[0]}", 10),
        (50, 640, "Descrição: Consultoria em contabilidade", 10), (50, 622, "Regime de IVA: Regime normal", 10),
        (50, 590, "Valor base", 10), (450, 590, "1.240,00 €", 10), (50, 574, "IVA (23%)", 10),
        (450, 574, "285,20 €", 10), (50, 558, "IRS - Retenção na fonte (25%)", 10), (450, 558, "310,00 €", 10),
        (50, 542, "Importância recebida", 10), (450, 542, "1.215,20 €", 10),
        (50, 510, "Recebi a quantia de 1.215,20 € em 2026-10-28.", 10),
    ]  # fmt: skip
    for x, y, text, size in rows:
        page.setFont("Helvetica", size)
        page.drawString(x, y, text)
    page.save()
    return buffer.getvalue()


def office_scan(data: bytes, *, dpi: int) -> Image.Image:
    """A grey page as an office scanner saves it: tilted, soft, specks of dust, grain, contrast raised."""
    pdf = pdfium.PdfDocument(data)
    image = pdf[0].render(scale=dpi / 72).to_pil().convert("L")
    pdf.close()
    rng = random.Random(dpi)
    image = image.rotate(0.7, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=245)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    pixels = image.load()
    for _ in range(int(image.width * image.height * 0.004)):
        pixels[rng.randrange(image.width), rng.randrange(image.height)] = rng.choice([0, 90, 255])
    image = Image.blend(image, sensor_noise(image.size, sigma=14, rng=rng).convert("L"), 0.08)
    return ImageEnhance.Contrast(image).enhance(1.15)


@pytest.mark.django_db
def test_a_grey_200_dpi_scan_saved_as_a_pdf_reads_both_boxes_and_the_date() -> None:
    """Rendered at 300 dpi the scan's specks grew into blots: the issuer's NIF and the date were lost, the two boxes
    read as one line of noise. At its own 200 dpi it reads as the same scan as a JPEG does."""
    issuer, client = ("Helena Marques Rebelo", "213456788"), ("Contabilis - Gestão e Contas, Lda.", "509876544")
    buffer = io.BytesIO()
    office_scan(fatura_recibo(issuer, client), dpi=200).save(buffer, format="PDF", resolution=200, quality=75)
    result = LocalExtractor().extract(buffer.getvalue(), document_type="PROOF_OF_INCOME")
    assert result.kind == "FATURA_RECIBO"
    assert result.fields["issuer_nif"] == issuer[1]
    assert result.fields["acquirer_nif"] == client[1]
    assert result.fields["issue_date"] == dt.date(2026, 10, 28)


# --- The owner check says what did read --------------------------------------------------------------------------------

NIF = "245718931"


def owner_evidence(fields: dict[str, Any]) -> str:
    document = {"document_id": "fr", "status": "EXTRACTED", "kind": "FATURA_RECIBO", "warnings": [],
                "fields": {"issue_date": "2026-10-20", "base_amount": 900.0, "amount_received": 900.0, **fields}}  # fmt: skip
    applicant = {"nif": NIF, "name": "Tomás Valente Ribeiro", "date_of_birth": "1980-01-01", "income_profile": ""}
    result = verify_income({"applicant": applicant, "today": "2026-11-23", "documents": [document]})
    owner = next(check for check in result["checks"] if check["name"] == "income.invoice_owner")
    assert owner["passed"] is False
    return owner["evidence"]


def test_an_invoice_whose_owner_was_read_in_the_clients_box_says_so_not_that_nothing_was_read() -> None:
    evidence = owner_evidence({"acquirer_nif": NIF, "acquirer_name": "Tomás Valente Ribeiro Nome: Alfa, Lda."})
    assert "nem NIF nem nome lidos" not in evidence
    assert "não mostra de quem é" in evidence
    assert "NIF e nome do prestador não lidos" in evidence
    assert "o NIF e o nome do candidato lidos como os do adquirente" in evidence
    assert "o NIF do candidato lido como o do adquirente" in owner_evidence({"acquirer_nif": NIF})


def test_an_invoice_showing_nobody_still_says_nothing_was_read() -> None:
    assert "não mostra de quem é (nem NIF nem nome lidos)" in owner_evidence({"acquirer_nif": "509876544"})


def test_an_owner_read_elsewhere_is_still_not_counted_as_nobodys_else() -> None:
    """The invoice is not counted, for want of its owner read, not as another person's."""
    document = {"document_id": "fr", "status": "EXTRACTED", "kind": "FATURA_RECIBO", "warnings": [],
                "fields": {"acquirer_nif": NIF, "issue_date": "2026-10-20", "base_amount": 900.0,
                           "amount_received": 900.0}}  # fmt: skip
    applicant = {"nif": NIF, "name": "Tomás Valente Ribeiro", "date_of_birth": "1980-01-01", "income_profile": ""}
    result = verify_income({"applicant": applicant, "today": "2026-11-23", "documents": [document]})
    assert "de outra pessoa" not in str(result)


# --- Names on scans ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Nome: Rosa Maria Teixeira Lima :", "Rosa Maria Teixeira Lima"),
        ("Nome do pensionista: Albano Cruz Pestana : ", "Albano Cruz Pestana"),
        ("Beneficiário: Inês Falcão Moura .:", "Inês Falcão Moura"),
        # A caption with its value after it still ends the name, spaced as French sets it or not.
        ("Pensionnée : Odile Marchand Roux Matricule : 1957", "Odile Marchand Roux"),
        ("Nome: Vasco Rego Antunes Naturalidade: Braga", "Vasco Rego Antunes"),
    ],
)
def test_a_speck_read_as_a_colon_after_a_name_does_not_cut_its_last_word(printed: str, name: str) -> None:
    assert name_as_printed([Line(text=printed)])[0] == name


@pytest.mark.parametrize(
    ("read", "name"),
    [
        ("Joaquim. Serrano Dias", "Joaquim Serrano Dias"),
        ("Ana Luísa Correia. Barros", "Ana Luísa Correia Barros"),
        # Initials and abbreviations keep their dots.
        ("J. Serrano Dias", "J. Serrano Dias"),
        ("Assoc. Recreativa Flor do Vale", "Assoc. Recreativa Flor do Vale"),
        ("Profa. Lúcia Rocha", "Profa. Lúcia Rocha"),
    ],
)
def test_a_speck_read_as_a_dot_after_a_names_word_is_dropped(read: str, name: str) -> None:
    assert clean_name(read) == name
