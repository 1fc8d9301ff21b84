"""Blind probe r80a: payslips from payroll programs the product had not seen.

Cause 1: a subsidy month on a layout with a year-to-date column. The social security captioned "Taxa Social Única"
was named by no pattern, so it was worked out of the total, and with it the IRS withheld apart on the subsidy (a
row of the same amount as the month's IRS, taken for it restated): a slip that adds up warned arithmetic_mismatch.
Cause 2: a two-page payslip stacked in one tall image. Cause 3: a misread page number. Names and figures of our
own."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from PIL import Image, ImageDraw

from documents.extraction.local import LocalExtractor
from documents.extraction.parsers.payslip import pages_missing, parse_payslip, role_of
from documents.extraction.reader import Line, read_document, stacked_pages
from samples.synthetic import pil_font


@pytest.mark.parametrize(
    "caption",
    [
        "Taxa Social Única (trab.)",
        "Taxa social unica",
        "Taxa Soc. Única 11%",
        "Seg. Soc.",
        "Desc. Seg. Soc. 11%",
        "Segurança Soc. (trabalhador)",
    ],
)
def test_the_social_security_spelled_out_or_cut_short_is_named(caption: str) -> None:
    assert role_of(caption) == "social_security"


@pytest.mark.parametrize("caption", ["Seguro social do trabalhador", "Seguro de acidentes pessoais"])
def test_an_insurance_is_no_social_security(caption: str) -> None:
    assert role_of(caption) == "other_deduction"


def ytd_slip(social_caption: str, subsidy_irs_caption: str, *, subsidy_irs_first: bool = False) -> list[Line]:
    """A Christmas month with "Mês" and "Acumulado" columns: the subsidy's own IRS row is its first this year, so its
    year to date is the month's figure."""
    irs_rows = ["IRS 61,20 € 183,60 €", f"{subsidy_irs_caption} 61,20 € 61,20 €"]
    if subsidy_irs_first:
        irs_rows.reverse()
    return [
        Line(text, 1.0)
        for text in (
            "Oficina Mecânica Vale do Sousa, Lda. Contribuinte 509442310",
            "Recibo de Vencimento — Mês: Novembro de 2026",
            "Nome do trabalhador: Ricardo Manuel Teixeira Lopes",
            "Descrição Mês Acumulado",
            "Vencimento base 960,00 € 2 880,00 €",
            "Subsídio de Natal 960,00 € 960,00 €",
            "Total ilíquido 1 920,00 € 3 840,00 €",
            f"{social_caption} 211,20 € 422,40 €",
            *irs_rows,
            "Total descontos 333,60 € 667,20 €",
            "Líquido 1 586,40 € 3 172,80 €",
        )
    ]


@pytest.mark.parametrize(
    "subsidy_irs_caption", ["Ret. IRS SN", "IRS - Subs. Natal", "Retenção IRS s/ S. Natal", "IRS s/ Sub Natal"]
)
@pytest.mark.parametrize("subsidy_irs_first", [False, True])
def test_the_subsidys_irs_beside_a_tsu_spelled_out_is_irs(subsidy_irs_caption: str, subsidy_irs_first: bool) -> None:
    parsed = parse_payslip(
        ytd_slip("Taxa Social Única (trab.)", subsidy_irs_caption, subsidy_irs_first=subsidy_irs_first)
    )
    assert parsed.fields["social_security"] == Decimal("211.20")
    assert parsed.fields["irs_withholding"] == Decimal("122.40")
    assert not {"derived:social_security", "arithmetic_mismatch"} & set(parsed.warnings)


def test_an_irs_row_of_the_months_irs_amount_is_never_worked_into_an_unnamed_social_security() -> None:
    # The social security under a caption no pattern knows: what the total leaves once both IRS rows are out is that
    # row, not the row plus one IRS row.
    parsed = parse_payslip(ytd_slip("Contribuição obrigatória do trabalhador", "IRS s/ Sub. Férias"))
    assert parsed.fields["irs_withholding"] == Decimal("122.40")
    assert parsed.fields["social_security"] == Decimal("211.20")
    assert "arithmetic_mismatch" not in parsed.warnings


# Cause 2: a two-page payslip saved as one tall image, page above page, each photographed at its own tilt. Read whole,
# one tilt was measured for both and the second page's totals went unread.


def photographed_page(rows: list[str], *, tilt: float) -> Image.Image:
    """An A4 page of ``rows`` on a grey surface, tilted as a hand-held photo is."""
    page = Image.new("L", (1240, 1754), 245)
    draw = ImageDraw.Draw(page)
    font = pil_font(30)
    for index, row in enumerate(rows):
        caption, _, figure = row.partition("\t")
        draw.text((110, 140 + 58 * index), caption, fill=20, font=font)
        if figure:
            draw.text((1130 - draw.textlength(figure, font=font), 140 + 58 * index), figure, fill=20, font=font)
    surface = Image.new("L", (1340, 1854), 95)
    surface.paste(page.rotate(tilt, expand=False, fillcolor=95, resample=Image.Resampling.BICUBIC), (50, 50))
    return surface


def two_pages_stacked() -> bytes:
    first = photographed_page(
        [
            "Serralharia Ribeiro & Filhos, Lda.  NIPC 509442310\tPág. 1/2",
            "RECIBO DE VENCIMENTO  Outubro de 2026",
            "Trabalhador: Joana Patrícia Moreira Gaspar  NIF 232189480",
            "Vencimento base\t1.240,00",
            "Duodécimo subsídio de Natal\t103,33",
            "Segurança Social\t147,77",
            "Retenção IRS\t118,00",
            "(continua na página seguinte)",
        ],
        tilt=2.5,
    )
    second = photographed_page(
        [
            "Serralharia Ribeiro & Filhos, Lda.\tPág. 2/2",
            "Total de abonos\t1.343,33",
            "Total de descontos\t265,77",
            "Líquido a receber\t1.077,56",
        ],
        tilt=-3.5,
    )
    stacked = Image.new("L", (first.width, first.height + second.height), 230)
    stacked.paste(first, (0, 0))
    stacked.paste(second, (0, first.height))
    out = io.BytesIO()
    stacked.save(out, format="JPEG", quality=85)
    return out.getvalue()


def test_pages_stacked_in_one_tall_image_are_parted_where_they_meet() -> None:
    blank_between = Image.new("L", (1000, 2900), 255)
    draw = ImageDraw.Draw(blank_between)
    for top in (100, 400, 1300, 1500, 1700, 2700):
        draw.rectangle((100, top, 800, top + 20), fill=0)
    boxes = stacked_pages(blank_between)
    assert [(top, bottom) for _, top, _, bottom in boxes] == [(0, 1450), (1450, 2900)]


@pytest.mark.parametrize("size", [(1240, 1754), (1080, 2400)])
def test_a_page_or_a_phones_screenshot_is_one_page(size: tuple[int, int]) -> None:
    assert stacked_pages(Image.new("L", size, 255)) == []


def test_writing_across_where_pages_would_meet_is_read_whole() -> None:
    one_tall_page = Image.new("L", (1000, 2900), 255)
    ImageDraw.Draw(one_tall_page).rectangle((100, 900, 800, 2000), fill=0)
    assert stacked_pages(one_tall_page) == []


@pytest.mark.ocr
def test_a_two_page_payslip_stacked_in_one_image_reads_its_totals_from_page_two() -> None:
    data = two_pages_stacked()
    read = read_document(data)
    assert read.pages == 2
    result = LocalExtractor().extract(data, document_type="PROOF_OF_INCOME")
    assert result.fields["gross_pay"] == Decimal("1343.33")
    assert result.fields["net_pay"] == Decimal("1077.56")
    assert result.fields["social_security"] == Decimal("147.77")
    assert "payslip_pages_missing" not in result.warnings


# Cause 3: an image-only PDF holding both pages, page 2's "Pág. 2/2" read "Pág. 212" by OCR, warned that pages were
# missing.


@pytest.mark.parametrize("misread", ["Pág. 212", "Pag. 2l2", "Página 2|2", "Page 2 1 2"])
def test_a_page_number_whose_slash_ocr_misread_still_names_the_page(misread: str) -> None:
    read = [Line("Metalúrgica do Vale, S.A. Pág. 1/2", 0.95), Line("Total de abonos 1.341,66", 0.94)]
    assert not pages_missing([*read, Line(f"Metalúrgica do Vale, S.A. {misread}", 0.93)])
    assert pages_missing(read)


def test_a_text_layers_figures_are_no_misread_page_number() -> None:
    assert pages_missing([Line("Pág. 1/2", 1.0), Line("Pág. 212", 1.0)])
