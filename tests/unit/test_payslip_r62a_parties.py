"""Blind probe r62a findings 2, 3 and 6: a payslip's parties where the employer's block is printed on the left and the
worker's framed box on the right, a little higher, read by OCR as one block. The worker's name is read alone on the
first line and the rest of the box is joined to the employer's lines ("<employer> NIF: <worker's> NISS: ...").
Finding 2: the employer's name given as the worker's; finding 3: the worker's name glued before the employer's;
finding 6: nobody's slip, the page's blocks read apart giving the worker. The lines are shaped as the reader hands
them over; names and numbers of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line

BODY = (
    "RECIBO DE VENCIMENTO",
    "Período: Outubro 2026 Data de pagamento: 28/10/2026 Recibo n.º 0042",
    "Cód. Descrição Qtd. Valor unit. Abonos Descontos",
    "100 Vencimento base 30 1.400,00",
    "800 Segurança Social 11% 154,00",
    "810 IRS 98,00",
    "Totais 1.400,00 252,00",
    "Total ilíquido 1.400,00 €",
    "Total descontos 252,00 €",
    "Líquido a receber 1.148,00 €",
)


def photographed(*head: str) -> list[Line]:
    return [Line(text, 0.9) for text in (*head, *BODY)]


def test_the_employers_name_before_the_workers_nif_is_not_the_worker_and_the_name_above_is() -> None:
    # The employer's legal form misread ("E.PE."), so nothing tells its name from a person's on the NIF's line.
    parsed = parse_payslip(
        photographed(
            "Sandra Lopes Teixeira",
            "Hospital de Santa Luzia, E.PE. NIF: 245110372 NISS: 11223344556",
            "Rua do Rio 10, 4900-100 Viana do Castelo Categoria: Enfermeira",
            "NIF/NIPC: 508123453 Admissão: 01/03/2025",
        )
    )
    assert parsed.fields.get("employee_nif") == "245110372"
    assert parsed.fields.get("employee_name") == "Sandra Lopes Teixeira"


def test_a_name_that_is_part_of_the_employers_is_never_the_workers() -> None:
    # No name above the NIF's line: left unread rather than the employer's.
    parsed = parse_payslip(
        photographed(
            "Hospital de Santa Luzia, E.PE. NIF: 245110372 NISS: 11223344556",
            "Rua do Rio 10, 4900-100 Viana do Castelo Categoria: Enfermeira",
            "NIF/NIPC: 508123453 Admissão: 01/03/2025",
        )
    )
    assert parsed.fields.get("employee_name") != "Hospital De Santa Luzia"
    assert "santa luzia" not in (parsed.fields.get("employee_name") or "").lower()


def test_the_workers_name_read_over_the_letterhead_is_no_part_of_the_employers() -> None:
    parsed = parse_payslip(
        photographed(
            "Rita Sofia Marques",
            "Tasca & Companhia - Petiscos, S.A. NIF: 276330153 NISS: 12412345670",
            "Rua da Boavista, 90, 1200-066 Lisboa Categoria: Empregada de Mesa",
            "NIF/NIPC: 510443214 (trabalhadora-estudante)",
            "Admissão: 10/06/2026",
        )
    )
    assert parsed.fields.get("employee_name") == "Rita Sofia Marques"
    assert parsed.fields.get("employer_name") == "Tasca & Companhia - Petiscos, S.A."


def test_a_street_is_no_ones_name_and_the_name_after_the_employers_legal_form_is_the_workers() -> None:
    # The page's blocks read apart: the worker's name after the employer's on the first line, the NIF on the address.
    parsed = parse_payslip(
        photographed(
            "Instituto da Gestão Regional, I.P Carla Vieira Sampaio",
            "Rua de Santa Clara, 12, 1100-100 Lisboa NIF: 215884426 NISS: 12476543210",
            "Categoria: Técnica Superior",
            "NIF/NIPC: 508123453 Admissão: 03/01/2024",
        )
    )
    assert parsed.fields.get("employee_nif") == "215884426"
    assert parsed.fields.get("employee_name") == "Carla Vieira Sampaio"


def test_a_company_headed_by_a_brand_keeps_it() -> None:
    # Guard (passed before the fix too): a brand over the legal name is its head when no worker is named so.
    parsed = parse_payslip(
        photographed(
            "Ventos Atlânticos",
            "Energia Renovável, S.A. NIPC 508123453",
            "Nome: Rita Sofia Marques NIF: 276330153",
        )
    )
    assert parsed.fields.get("employee_name") == "Rita Sofia Marques"
    assert parsed.fields.get("employer_name") == "Ventos Atlânticos - Energia Renovável, S.A."


def first_and_second_readings() -> tuple[list[Line], list[Line]]:
    """A 200 dpi image PDF read as one block (the box's lines garbled) and read by its blocks."""
    first = [
        Line(text, 0.9)
        for text in (
            "Moinho Digital, Lda Tiago Manuel Rocha Pires",
            "Rua do Souto, 12, 4700-100 Braga E a",
            "IEENTEO: EUBBBT, Admissão: 01/02/2025",
            *BODY,
        )
    ]
    second = [
        Line(text, 0.78)
        for text in (
            "Tiago Manuel Rocha Pires",
            "Moinho Digital, Lda NIF: 261998706 NISS: 12054321876",
            "Rua do Souto, 12, 4700-100 Braga",
            "NIF/NIPC: 510443214",
            "Categoria: Programador",
            *BODY,
        )
    ]
    return first, second


def test_a_payslip_of_no_one_with_its_month_read_is_read_again_by_its_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    from documents.extraction import local
    from documents.extraction.parsers import parse_document
    from documents.extraction.reader import ReadDocument
    from documents.extraction.schema import DocumentKind

    first, second = first_and_second_readings()
    parsed = parse_document(DocumentKind.RECIBO_VENCIMENTO, first)
    assert parsed.fields.get("period") == "2026-10"
    assert not parsed.fields.get("employee_nif")
    assert local.gaps_wanted(DocumentKind.RECIBO_VENCIMENTO, parsed)
    # Tesseract is the boundary: its reading of the page's blocks is the text given here.
    monkeypatch.setattr(local, "page_images", lambda data: ["page"])
    monkeypatch.setattr(local, "own_size", lambda image: image)
    monkeypatch.setattr(local, "laid_out_reading", lambda page: second)
    local.gaps_from_a_laid_out_reading(
        b"", DocumentKind.RECIBO_VENCIMENTO, ReadDocument(lines=first, pages=1, method="ocr", turns=(0,)), parsed
    )
    assert parsed.fields.get("employee_name") == "Tiago Manuel Rocha Pires"
    assert parsed.fields.get("employee_nif") == "261998706"
    assert parsed.fields.get("employer_nif") == "510443214"
    assert parsed.fields.get("employer_name") == "Moinho Digital, Lda"
    assert parsed.fields["net_pay"] == Decimal("1148.00")
    assert "missing:employee_name" not in parsed.warnings


def test_a_public_bodys_legal_form_wrapped_after_its_comma_is_joined_to_its_name() -> None:
    # Finding 10: an HR app's screen wrapping "Empresa  Centro Hospitalar de Leiria," / "E.P.E.".
    parsed = parse_payslip(
        [
            Line(text, 0.93)
            for text in (
                "Recibo de vencimento - Outubro 2026",
                "Colaborador Sandra Lopes Teixeira",
                "NIF 245110372",
                "Empresa Centro Hospitalar de Leiria,",
                "E.P.E.",
                "NIF 508123453",
                *BODY[3:],
            )
        ]
    )
    assert parsed.fields.get("employer_name") == "Centro Hospitalar de Leiria, E.P.E."
