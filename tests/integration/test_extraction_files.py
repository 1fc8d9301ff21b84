"""Files as real uploads come (blind probe, 2026-12-02): several payslips in one PDF, a text layer turned
by the page's /Rotate, a transparent or 16-bit PNG, and a card whose MRZ cuts the name short."""

from __future__ import annotations

import datetime as dt
import io
import random
from decimal import Decimal

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image

from documents.extraction.local import LocalExtractor
from documents.extraction.mrz import check_digit as icao_check_digit
from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import Line
from samples.synthetic import Synthetic, make_person, payslip_pdf
from tests.helpers import pdf_of

TODAY = dt.date(2026, 12, 2)
FIELDS = ("employee_name", "employee_nif", "period", "gross_pay", "net_pay", "social_security", "irs_withholding")


def payslip(seed: int, month: int, base: str) -> Synthetic:
    person = make_person(random.Random(seed), TODAY)
    return payslip_pdf(person, dt.date(2026, month, 1), base=Decimal(base), variant=0, rng=random.Random(seed + month))


def read(data: bytes, document_type: str = "PROOF_OF_INCOME") -> tuple[dict[str, object], list[str]]:
    result = LocalExtractor().extract(data, document_type=document_type)
    return result.json_fields(), result.warnings


def expected(document: Synthetic) -> dict[str, object]:
    return {name: document.expected[name] for name in FIELDS}


def test_two_months_in_one_pdf_read_as_the_latest_with_a_warning_never_a_mix() -> None:
    october, november = payslip(31, 10, "1850"), payslip(31, 11, "1850")
    for data in (pdf_of(october.data, november.data), pdf_of(november.data, october.data)):
        fields, warnings = read(data)
        assert {name: fields[name] for name in FIELDS} == expected(november)
        assert "multiple_payslips" in warnings


def test_a_couples_payslips_in_one_pdf_are_not_added_up() -> None:
    first, second = payslip(31, 11, "1850"), payslip(77, 11, "1320")
    fields, warnings = read(pdf_of(first.data, second.data))
    assert {name: fields[name] for name in FIELDS} == expected(first)
    assert "multiple_payslips" in warnings


def test_a_payslip_and_its_duplicate_copy_read_as_one_without_a_warning() -> None:
    november = payslip(31, 11, "1850")
    fields, warnings = read(pdf_of(november.data, november.data))
    assert {name: fields[name] for name in FIELDS} == expected(november)
    assert "multiple_payslips" not in warnings


def one_sheet(top: bytes, bottom: bytes) -> bytes:
    """Two payslips printed on one A4 sheet, one above the other at half size (some payroll software's layout)."""
    sheet = pikepdf.new()
    sheet.add_blank_page(page_size=(595.27, 841.89))
    page = sheet.pages[0]
    sources = [pikepdf.open(io.BytesIO(data)) for data in (top, bottom)]  # open until copied
    forms = [sheet.copy_foreign(source.pages[0].as_form_xobject()) for source in sources]
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Top=forms[0], Bottom=forms[1]))
    page.obj.Contents = sheet.make_stream(
        b"q 0.5 0 0 0.5 148.8 420.9 cm /Top Do Q q 0.5 0 0 0.5 148.8 0 cm /Bottom Do Q"
    )
    out = io.BytesIO()
    sheet.save(out)
    return out.getvalue()


def test_two_months_printed_on_one_sheet_read_as_the_latest_with_a_warning() -> None:
    """Read as one payslip, the sheet gave the first month's figures and no warning: a month went missing
    without anyone being told."""
    october, november = payslip(31, 10, "1850"), payslip(31, 11, "1850")
    for data in (one_sheet(october.data, november.data), one_sheet(november.data, october.data)):
        fields, warnings = read(data)
        assert {name: fields[name] for name in FIELDS} == expected(november)
        assert "multiple_payslips" in warnings
    fields, warnings = read(one_sheet(november.data, november.data))  # the original and its duplicate
    assert {name: fields[name] for name in FIELDS} == expected(november)
    assert "multiple_payslips" not in warnings


@pytest.mark.parametrize("rotate", [90, 270])
def test_a_text_layer_shown_upright_by_the_pages_rotate_entry_reads_row_by_row(rotate: int) -> None:
    """A portrait payslip drawn sideways on a landscape page that /Rotate turns upright (some exports)."""
    november = payslip(31, 11, "1850")
    source = pikepdf.open(io.BytesIO(november.data))
    turned = pikepdf.new()
    turned.add_blank_page(page_size=(841.89, 595.27))
    form = turned.copy_foreign(source.pages[0].as_form_xobject())
    page = turned.pages[0]
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fx0=form))
    # Drawn a quarter turn one way, shown a quarter turn the other.
    placement = b"0 1 -1 0 841.89 0 cm" if rotate == 90 else b"0 -1 1 0 0 595.27 cm"
    page.obj.Contents = turned.make_stream(b"q " + placement + b" /Fx0 Do Q")
    page.obj.Rotate = rotate
    out = io.BytesIO()
    turned.save(out)
    fields, _ = read(out.getvalue())
    assert {name: fields[name] for name in FIELDS} == expected(november)


def page_image(document: Synthetic) -> Image.Image:
    return pdfium.PdfDocument(document.data)[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")


@pytest.mark.ocr
def test_a_transparent_png_and_a_16_bit_png_read_as_their_page() -> None:
    """convert("L") kept the black under the transparency (black on black) and clipped 16-bit grey."""
    november = payslip(31, 11, "1850")
    grey = page_image(november)
    transparent = Image.new("RGBA", grey.size, (0, 0, 0, 0))
    transparent.putalpha(grey.point(lambda value: 255 - value))  # black ink, transparent paper
    sixteen = grey.convert("I").point(lambda value: value * 257).convert("I;16")
    for image in (transparent, sixteen):
        out = io.BytesIO()
        image.save(out, format="PNG")
        fields, _ = read(out.getvalue())
        assert {name: fields[name] for name in FIELDS} == expected(november), image.mode


def test_an_mrz_that_cuts_the_given_names_short_is_no_mismatch() -> None:
    """ICAO cuts a long name to the 30 characters of a TD1 name line: "HENRIQUE<JO" is Henrique José."""

    def with_check(data: str) -> str:
        return data + icao_check_digit(data)

    number = "148392636ZY0"
    line1 = f"I<PRT{number[:9]}<{number[9:]}{icao_check_digit(number)}".ljust(30, "<")
    birth, expiry = with_check("850219"), with_check("310708")
    line2 = f"{birth}M{expiry}PRT" + "<" * 11
    line2 += icao_check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    line3 = "MONTEIRO<DA<SILVA<<HENRIQUE<JOSE"[:30]
    text = [
        "REPÚBLICA PORTUGUESA", "CARTÃO DE CIDADÃO / IDENTITY CARD", "APELIDO(S) / SURNAME", "MONTEIRO DA SILVA",
        "NOME(S) / GIVEN NAMES", "HENRIQUE JOSÉ", "SEXO / SEX  ALTURA / HEIGHT  NACIONALIDADE / NATIONALITY",
        "M  1,78  PRT", "DATA DE NASCIMENTO / DATE OF BIRTH", "19 02 1985",
        "N.º DOCUMENTO / DOCUMENT No.  DATA DE VALIDADE / EXPIRY DATE", "14839263 6 ZY0  08 07 2031",
        line1, line2, line3,
    ]  # fmt: skip
    parsed = parse_document(classify("\n".join(text)), [Line(line) for line in text])
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["given_names"] == "Henrique José"
    assert not [code for code in parsed.warnings if code.startswith("mrz_viz_mismatch")], parsed.warnings
