"""PDF annotations: a filled form's values are read, and a box laid over an amount in a PDF reader is named.

A payslip or an employer's declaration filled in as a PDF form (a domestic worker's employer, a small firm's
template) keeps its values in the form's fields, which are annotations, not in the page's text: before, every
field came back empty. A text box ("FreeText"), a stamp or a filled rectangle added over an amount in Acrobat,
Preview or an online editor leaves the page's content untouched: before, the value under it was read and nothing
was flagged, while the person opening the file saw another one.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pikepdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from documents.extraction.forensics import file_signals
from documents.extraction.local import LocalExtractor
from samples.payslips import family_payslip
from samples.synthetic import Synthetic, make_nif, make_person
from samples.tampered import annotated_amount, locate_net

PDF = "application/pdf"
TODAY = dt.date(2026, 11, 23)


def form_payslip(*, employee_nif: str, employer_nif: str) -> bytes:
    """A domestic worker's payslip template: captions printed on the page, every value a filled form field."""
    rows = [
        ("Entidade empregadora", "Maria Helena Duarte Costa"),
        ("NIF da entidade", employer_nif),
        ("Trabalhadora", "Ana Paula Ferreira Lopes"),
        ("NIF da trabalhadora", employee_nif),
        ("Período", "Outubro 2026"),
        ("Remuneração base", "920,00"),
        ("Total ilíquido", "920,00"),
        ("Segurança Social (11%)", "101,20"),
        ("IRS", "0,00"),
        ("Total de descontos", "101,20"),
        ("Valor líquido", "818,80"),
    ]
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    sheet.setFont("Helvetica-Bold", 14)
    sheet.drawString(50, A4[1] - 60, "RECIBO DE VENCIMENTO - Serviço Doméstico")
    sheet.setFont("Helvetica", 10)
    top = A4[1] - 110
    for index, (caption, value) in enumerate(rows):
        y = top - 26 * index
        sheet.drawString(50, y + 4, f"{caption}:")
        sheet.acroForm.textfield(name=f"field{index}", value=value, x=230, y=y, width=200, height=18, borderWidth=0,
                                 fontName="Helvetica", fontSize=10, fillColor=None, borderColor=None)  # fmt: skip
    sheet.save()
    return buffer.getvalue()


def without_appearances(data: bytes) -> bytes:
    """The same form as some tools save it: fields with values but no appearance, /NeedAppearances set."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for annotation in pdf.pages[0].Annots:
            del annotation["/AP"]
        pdf.Root.AcroForm.NeedAppearances = True
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def nifs() -> tuple[str, str]:
    rng = random.Random(5)
    return make_nif(rng, "2"), make_nif(rng, "1")


@pytest.mark.parametrize("made", [lambda data: data, without_appearances], ids=["appearances", "need-appearances"])
def test_a_payslip_filled_in_as_a_pdf_form_is_read_from_its_fields(
    nifs: tuple[str, str], made: Callable[[bytes], bytes]
) -> None:
    employee_nif, employer_nif = nifs
    result = LocalExtractor().extract(made(form_payslip(employee_nif=employee_nif, employer_nif=employer_nif)),
                                      document_type="PROOF_OF_INCOME")  # fmt: skip
    fields = result.json_fields()
    assert result.kind.value == "RECIBO_VENCIMENTO"
    assert (fields["employee_name"], fields["employer_name"]) == (
        "Ana Paula Ferreira Lopes",
        "Maria Helena Duarte Costa",
    )
    assert (fields["employee_nif"], fields["period"]) == (employee_nif, "2026-10")
    assert (fields["gross_pay"], fields["social_security"], fields["net_pay"]) == (920.0, 101.2, 818.8)
    assert "arithmetic_mismatch" not in result.warnings


def test_a_filled_form_is_no_edit(nifs: tuple[str, str]) -> None:
    """Guard (no signal before either): a form's fields are what the document is made of, not something laid over it."""
    employee_nif, employer_nif = nifs
    data = form_payslip(employee_nif=employee_nif, employer_nif=employer_nif)
    assert [s["code"] for s in file_signals(data, content_type=PDF) if s["severity"] != "LOW"] == []


def slip() -> Synthetic:
    rng = random.Random(11)
    return family_payslip("boxed_sections", make_person(rng, TODAY), dt.date(2025, 11, 1), base=Decimal(2400),
                          rng=rng, variant=0)  # fmt: skip


def with_annotation(document: Synthetic, subtype: str, **entries: Any) -> bytes:
    """The slip with an annotation of ``subtype`` (without an appearance of its own) around its net amount."""
    index, _, (left, bottom, right, top), _, _ = locate_net(document)
    with pikepdf.open(io.BytesIO(document.data)) as pdf:
        rect = [left - 3, bottom - 3, right + 3, top + 3]
        annotation = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name(f"/{subtype}"), Rect=rect, F=4, **entries)
        )
        pdf.pages[index].obj.Annots = pdf.make_indirect(pikepdf.Array([annotation]))
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("subtype", "entries"),
    [
        ("Highlight", {"C": [1, 1, 0]}),
        ("Square", {"C": [1, 0, 0]}),  # a red frame drawn around the value, not filled
        ("Text", {"Contents": pikepdf.String("Confirmar com o empregador")}),  # a sticky note
        ("Link", {}),
    ],
)
def test_notes_highlights_frames_and_links_over_an_amount_hide_nothing(
    subtype: str, entries: dict[str, object]
) -> None:
    """Guard for the new check (no signal before either): only what covers an amount is an edit."""
    document = slip()
    annotated = with_annotation(document, subtype, **entries)
    assert [s for s in file_signals(annotated, content_type=PDF) if s["code"] == "PDF_ANNOTATED_AMOUNT"] == []
    read = LocalExtractor().extract(annotated, document_type="PROOF_OF_INCOME").json_fields()
    assert read["net_pay"] == float(document.expected["net_pay"])


def test_a_filled_rectangle_over_an_amount_is_named() -> None:
    covered = with_annotation(slip(), "Square", C=[1, 1, 1], IC=[1, 1, 1])
    found = [s for s in file_signals(covered, content_type=PDF) if s["code"] == "PDF_ANNOTATED_AMOUNT"]
    assert [(s["severity"], s["evidence"]["annotations"]) for s in found] == [("HIGH", ["Square"])]


def test_a_text_box_over_the_net_is_named_and_the_value_it_shows_is_read() -> None:
    """What the person opening the file sees is read (and does not add up), and the edit is named."""
    original = slip()
    net = float(original.expected["net_pay"])
    edited = annotated_amount(original, random.Random(3))
    found = [s for s in file_signals(edited.data, content_type=PDF) if s["code"] == "PDF_ANNOTATED_AMOUNT"]
    assert [(s["severity"], s["evidence"]) for s in found] == [
        ("HIGH", {"page": 1, "count": 1, "annotations": ["FreeText"]})
    ]
    result = LocalExtractor().extract(edited.data, document_type="PROOF_OF_INCOME")
    shown = result.json_fields()["net_pay"]
    assert shown is not None and shown > net
    assert "arithmetic_mismatch" in result.warnings
