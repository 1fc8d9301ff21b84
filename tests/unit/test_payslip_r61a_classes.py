"""Blind probe r61a: payslips of the sectors where most tenants work.

Finding 3: overtime and per diems left in the regular net. A quantity column whose heading OCR misread ("Qt." as
"ot.") glued each row's quantity to its amount as a thousands group ("Horas extra 8 138,60" read 8 138,60), so the
one-off rows came to more than the gross and none was taken out; overtime captioned by the law's older word
("Trabalho extraordinário") was not overtime. Finding 2: a piece of the employer's name, and a name OCR could not
make out, given as the worker's. Finding 5: a Christmas month's regular net left null when no IRS was withheld.
Names and figures of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from tests.helpers import payslip_rows_checked, slip_totals


def scanned(*texts: str) -> list[Line]:
    return [Line(text, 0.9) for text in texts]


def side_by_side(*rows: str, totals: str, net: str) -> list[Line]:
    """An OCR'd slip with earnings and deductions side by side, its "Qt." column heading read "ot."."""
    return scanned(
        "Centro Hospitalar do Litoral, E.P.E.",
        "Rua do Mar 4, 4450-001 Matosinhos — Contribuinte n.º 507654323",
        "Recibo de Remunerações — OUT/2026",
        "Nome: Marta Sofia Pereira Antunes Contribuinte: 234567899",
        "ABONOS ot. Valor DESCONTOS Base Valor",
        *rows,
        totals,
        f"LÍQUIDO: {net} EUR",
    )


def test_overtime_under_a_misread_quantity_heading_is_taken_out_of_the_regular_net() -> None:
    parsed = parse_payslip(
        side_by_side(
            "Remuneração base 1.500,00 Segurança Social 1.638,60 180,25",
            "Horas extra 8 138,60 IRS 1.638,60 200,00",
            "Subsídio de refeição 21 126,00 Quota sindical 15,00",
            totals="Total Abonos: 1.764,60 Total Descontos: 395,25",
            net="1.369,35",
        )
    )
    assert parsed.fields["gross_pay"] == Decimal("1764.60")
    # 138,60 less 15,25 (11 %) and 16,92 (IRS 200,00 over the 1 638,60 social security is on).
    assert parsed.fields["variable_net_pay"] == Decimal("106.43")
    assert parsed.fields["regular_net_pay"] == Decimal("1262.92")
    assert {"derived:regular_net_pay", "derived:variable_net_pay"} <= set(parsed.warnings)


def test_per_diems_and_kilometres_under_a_misread_quantity_heading_are_left_out_whole() -> None:
    parsed = parse_payslip(
        side_by_side(
            "Vencimento base 1.200,00 Segurança Social 1.200,00 132,00",
            "Ajudas de custo (obra Évora) 4 200,80 IRS 1.200,00 90,00",
            "Kms 320 128,00",
            "Subsídio de alimentação 20 120,00",
            totals="Total Abonos: 1.648,80 Total Descontos: 222,00",
            net="1.426,80",
        )
    )
    assert parsed.fields["gross_pay"] == Decimal("1648.80")
    assert parsed.fields["regular_net_pay"] == Decimal("1098.00")
    # Per diems may recur; mileage pays a cost back (ADR 030).
    assert parsed.fields["variable_net_pay"] == Decimal("200.80")


def test_a_spaced_thousand_that_adds_up_is_still_a_thousand() -> None:
    """Guard (passes either way): with no quantity heading, figures a space apart that make the printed total are
    one amount."""
    parsed = parse_payslip(
        side_by_side(
            "Remuneração base 2 150,00 Segurança Social 2.150,00 236,50",
            "Subsídio de refeição 126,00 IRS 2.150,00 310,00",
            totals="Total Abonos: 2 276,00 Total Descontos: 546,50",
            net="1.729,50",
        )
    )
    assert parsed.fields["base_salary"] == Decimal("2150.00")
    assert parsed.fields["regular_net_pay"] == Decimal("1729.50")


@pytest.mark.parametrize(
    "caption", ["Trabalho extraordinário", "Trab. extra", "Serviço extraordinário / suplementar", "Serv. suplementar"]
)
def test_overtime_by_the_laws_older_word_is_one_off_pay(caption: str) -> None:
    rows = f"""Vencimento base 30 d 1.000,00
{caption} 10 h x 8,65 86,50
Subsídio de alimentação 21 d x 6,00 126,00
Segurança Social 11% 119,52
IRS 10,0% 108,65"""
    fields, warnings = payslip_rows_checked(rows, slip_totals("1.212,50", "228,17", "984,33"))
    # 86,50 less 9,52 and 8,65 at the month's rate.
    assert fields["regular_net_pay"] == Decimal("916.00")
    assert fields["variable_net_pay"] == Decimal("68.33")
    assert "derived:variable_net_pay" in warnings


def test_a_christmas_month_without_irs_withheld_has_its_regular_net() -> None:
    rows = """Vencimento base 30 d 870,00
Subsídio de Natal 870,00
Subsídio de alimentação 20 d x 5,20 104,00
Segurança Social 11% 191,40
Quota sindical 8,70"""
    fields, warnings = payslip_rows_checked(rows, slip_totals("1.844,00", "200,10", "1.643,90"))
    assert fields["subsidy_amount"] == Decimal("870.00")
    # The subsidy less its 95,70 of social security, and no IRS: the month withheld none.
    assert fields["regular_net_pay"] == Decimal("869.60")
    assert "derived:regular_net_pay" in warnings


AMOUNTS = (
    "Vencimento base 990,00",
    "Total ilíquido 990,00",
    "Segurança Social 108,90",
    "Líquido a receber 881,10",
)


def test_a_piece_of_the_employers_name_is_not_the_worker() -> None:
    parsed = parse_payslip(
        scanned(
            "Frio Norte - Logística e Armazenagem, S.A. NIF 234567899 - NISS 12345678901",
            "Zona Industrial 3, 4470-000 Maia - NIF 507654323 Categoria: Operador de Armazém",
            "Recibo de vencimento - Outubro 2026",
            *AMOUNTS,
        )
    )
    assert parsed.fields.get("employee_name") is None


def test_the_workers_name_beside_their_nif_on_the_employers_line_is_read() -> None:
    """Guard (passes either way): the name before the NIF, after the employer's."""
    parsed = parse_payslip(
        scanned(
            "Frio Norte, S.A. Empregado: Paulo Jorge Matos Silva - NIF 234567899 - NISS 12345678901",
            "Zona Industrial 3, 4470-000 Maia - NIF 507654323 Categoria: Operador de Armazém",
            "Recibo de vencimento - Outubro 2026",
            *AMOUNTS,
        )
    )
    assert parsed.fields["employee_name"] == "Paulo Jorge Matos Silva"


def nif_line(name_confidence: float) -> Line:
    text = "Mercado Novo, Lda. Empregado: Rui Manuel Costa Dias - NIF 234567899"
    confidences = {"Rui": name_confidence, "Manuel": name_confidence, "Costa": name_confidence, "Dias": 0.2}
    words = [(word, confidences.get(word, 0.95)) for word in text.split()]
    return Line(text, sum(c for _, c in words) / len(words), word_confidences=words)


@pytest.mark.parametrize(("confidence", "name"), [(0.1, None), (0.9, "Rui Manuel Costa Dias")])
def test_a_name_ocr_could_not_make_out_is_left_unread(confidence: float, name: str | None) -> None:
    parsed = parse_payslip(
        [
            nif_line(confidence),
            *scanned("Rua Nova 8, 1000-001 Lisboa - NIF 507654323", "Recibo de vencimento - Outubro 2026", *AMOUNTS),
        ]
    )
    assert parsed.fields.get("employee_name") == name


# Finding 4: a 200 dpi landscape scan refused, its title and the worker's line lost by the first reading; the
# page's blocks read apart by Tesseract gave both.
SLIP_BODY = (
    "Vencimento base 950,00",
    "Gorjetas 180,00",
    "Total ilíquido 1.130,00",
    "Segurança Social 124,30",
    "IRS 40,00",
    "Líquido a receber 965,70",
)


def first_and_second_readings(net_again: str) -> tuple[list[Line], list[Line]]:
    first = scanned("Casa do Petisco, Lda. Rua Nova 8, 1000-001 Lisboa - NIF 507654323", *SLIP_BODY)
    second = [
        Line(text, 0.74)
        for text in (
            "Recibo de vencimento - Processamento: Outubro de 2026",
            "Casa do Petisco, Lda. Empregado: Joana Rita Dias Lopes - NIF 234567899",
            "Rua Nova 8, 1000-001 Lisboa - NIF 507654323",
            *SLIP_BODY[:-1],
            f"Líquido a receber {net_again}",
        )
    ]
    return first, second


@pytest.mark.parametrize(("net_again", "read"), [("965,70", True), ("1.965,70", False)])
def test_a_payslip_of_nobody_and_no_month_is_read_again_by_its_blocks(
    monkeypatch: pytest.MonkeyPatch, net_again: str, read: bool
) -> None:
    from documents.extraction import local
    from documents.extraction.parsers import parse_document
    from documents.extraction.reader import ReadDocument
    from documents.extraction.schema import DocumentKind

    first, second = first_and_second_readings(net_again)
    parsed = parse_document(DocumentKind.RECIBO_VENCIMENTO, first)
    assert local.gaps_wanted(DocumentKind.RECIBO_VENCIMENTO, parsed)
    # Tesseract is the boundary: its reading of the page's blocks is the text given here.
    monkeypatch.setattr(local, "page_images", lambda data: ["page"])
    monkeypatch.setattr(local, "own_size", lambda image: image)
    monkeypatch.setattr(local, "laid_out_reading", lambda page: second)
    local.gaps_from_a_laid_out_reading(
        b"", DocumentKind.RECIBO_VENCIMENTO, ReadDocument(lines=first, pages=1, method="ocr", turns=(0,)), parsed
    )
    # Only whose slip and which month; a second reading of other amounts is another slip, and gives nothing.
    expected = {"employee_name": "Joana Rita Dias Lopes", "employee_nif": "234567899", "period": "2026-10"}
    got = {name: parsed.fields.get(name) for name in expected}
    assert got == (expected if read else dict.fromkeys(expected))
    assert parsed.fields["net_pay"] == Decimal("965.70")


def test_a_year_to_date_caption_ocr_misread_is_still_the_years() -> None:
    parsed = parse_payslip(
        scanned(
            "Recibo de vencimento - Outubro 2026",
            # The tips' row lost to a stain: the earnings read make no total.
            SLIP_BODY[0],
            "TOTAIS DO MÊS 1.130,00 . 164,30",
            "Acurnulados 2026: ilíquido 11.402,50 - descontos 1.650,10",
            "Segurança Social 124,30",
            "IRS 40,00",
            "Líquido a receber 965,70",
        )
    )
    assert parsed.fields["gross_pay"] == Decimal("1130.00")
