"""Blind probe r67b findings 1, 5 and 6: a worker's name its table cell wrapped onto the next line is read whole (the
surname was dropped and the rest given as certain), a name its cell may go on from is not certain, and a payslip's
employer's name unread is warned as the worker's is. Lines of our own wording; names and numbers of our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.local import titled_sections
from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import fields_revalidate

AMOUNTS = (
    "Vencimento base 1.300,00 €",
    "Total ilíquido 1.300,00 €",
    "Segurança Social 143,00 €",
    "IRS (retenção na fonte) 117,00 €",
    "Líquido a receber: 1.040,00 €",
)
LETTERHEAD = ("Serralharia Vale do Sousa, Lda", "NIF: 509234119", "Recibo de Vencimento", "Mês/Ano 05/2026")


def lines_of(*texts: str) -> list[Line]:
    return [Line(text, 0.9) for text in texts]


def boxed(words: list[tuple[str, int]], top: int) -> Line:
    """A line OCR read, each word's box at its left edge (10 px a letter, 30 px high)."""
    return Line(
        " ".join(word for word, _ in words),
        0.9,
        word_boxes=[(left, top, 10 * len(word), 30) for word, left in words],
    )


# --- Finding 1: the name's cell wraps its surname onto the next line -----------------------------------------------


def test_a_text_layers_cell_wrapped_under_the_name_gives_its_surname() -> None:
    """As a text layer gives a table's cells: the caption's cell's lines, then the next cell's ("NIF:")."""
    parsed = parse_payslip(
        lines_of(
            *LETTERHEAD, "Trabalhador: Rita Gomes", "Carvalho", "NIF:", "245132872", "Categoria: Soldadora", *AMOUNTS
        )
    )
    assert parsed.fields["employee_name"] == "Rita Gomes Carvalho"


def test_an_ocr_row_the_surname_under_the_name_left_of_the_next_column() -> None:
    """OCR reads the header's row across its cells: the surname is the word under the name, left of the column the
    NIF's caption starts; the NIF (its box a pixel left of its caption's) and the job's end under their own captions are not the name's."""
    caption = boxed(
        [("Trabalhador:", 100), ("Rita", 240), ("Gomes", 290), ("NIF:", 600), ("Categoria:", 800), ("Soldadora", 910)],
        300,
    )
    below = boxed([("Carvalho", 102), ("245132872", 598), ("especializada", 800)], 340)
    parsed = parse_payslip([*lines_of(*LETTERHEAD), caption, below, *lines_of(*AMOUNTS)])
    assert parsed.fields["employee_name"] == "Rita Gomes Carvalho"


def test_a_name_its_cell_may_go_on_from_is_not_certain() -> None:
    """A word alone under the name with no box to place it and no caption after it: maybe the surname, maybe not."""
    parsed = parse_payslip(
        lines_of(*LETTERHEAD, "Trabalhador: Rita Gomes", "Carvalho", "Pago por transferência bancária", *AMOUNTS)
    )
    assert parsed.fields["employee_name"] == "Rita Gomes"
    assert parsed.confidence["employee_name"] < 0.7


def test_a_job_title_under_the_name_is_no_surname() -> None:
    """Guard (passes either way): a post under the name is not joined to it."""
    parsed = parse_payslip(
        lines_of(*LETTERHEAD, "Trabalhador: Rita Gomes Carvalho", "Soldadora especializada", "NIF: 245132872", *AMOUNTS)
    )
    assert parsed.fields["employee_name"] == "Rita Gomes Carvalho"


def test_a_word_under_another_column_is_not_the_names() -> None:
    """A capitalised word under the NIF's column, none under the name: the name is whole on its line."""
    caption = boxed([("Trabalhador:", 100), ("Rita", 240), ("Gomes", 290), ("Carvalho", 350), ("Categoria:", 600)], 300)
    below = boxed([("Soldadora", 600)], 340)
    parsed = parse_payslip([*lines_of(*LETTERHEAD, "NIF: 245132872"), caption, below, *lines_of(*AMOUNTS)])
    assert parsed.fields["employee_name"] == "Rita Gomes Carvalho"
    assert parsed.confidence["employee_name"] == 0.9


# --- Finding 6: the employer's name unread is said ----------------------------------------------------------------


def test_a_payslips_employer_name_unread_is_warned() -> None:
    fields = {
        "employee_name": "Rita Gomes Carvalho",
        "employer_nif": "509234119",
        "period": "2026-05",
        "gross_pay": Decimal("1300"),
        "social_security": Decimal("143"),
        "irs_withholding": Decimal("117"),
        "net_pay": Decimal("1040"),
    }
    warnings = fields_revalidate(
        DocumentKind.RECIBO_VENCIMENTO, fields, document_type="PROOF_OF_INCOME", today=dt.date(2026, 6, 10)
    )
    assert "missing:employer_name" in warnings
    named = fields_revalidate(
        DocumentKind.RECIBO_VENCIMENTO,
        {**fields, "employer_name": "Serralharia Vale do Sousa, Lda"},
        document_type="PROOF_OF_INCOME",
        today=dt.date(2026, 6, 10),
    )
    assert not [code for code in named if code.startswith("missing:")]


# --- Finding 5: the parties in a header band --------------------------------------------------------------------


def test_the_worker_in_a_header_band_after_the_employers_field() -> None:
    parsed = parse_payslip(
        lines_of(
            "Serralharia Vale do Sousa, Lda  |  Rita Gomes Carvalho",
            "Recibo de Vencimento — Período 2026-05",
            "Contribuinte n.º 509234119   Contribuinte n.º 245132872   Categoria: Soldadora",
            *AMOUNTS,
        )
    )
    assert parsed.fields["employee_name"] == "Rita Gomes Carvalho"
    assert parsed.fields["employer_name"] == "Serralharia Vale do Sousa, Lda"


def test_a_band_with_a_company_after_the_bar_names_no_worker() -> None:
    """Guard (passes either way): a second company in the band is no worker."""
    parsed = parse_payslip(
        lines_of(
            "Serralharia Vale do Sousa, Lda  |  Grupo Sousa Metais, S.A.",
            "Recibo de Vencimento — Período 2026-05",
            "Contribuinte n.º 509234119   Contribuinte n.º 245132872",
            *AMOUNTS,
        )
    )
    assert "employee_name" not in parsed.fields


def test_a_later_slips_letterhead_with_another_door_number_heads_its_slip() -> None:
    """Two months one under another on a sheet, the later letterhead printing another door number: the employer's
    name above it is the later slip's, not the end of the earlier one."""

    def slip(door: str, month: str) -> list[str]:
        return [
            "Serralharia Vale do Sousa, Lda",
            f"Rua do Comércio, {door}, 4580-012 Paredes",
            "NIF: 509234119",
            "Recibo de Vencimento",
            f"Mês/Ano {month}/2026",
            "Trabalhador: Rita Gomes Carvalho NIF: 245132872",
            *AMOUNTS,
        ]

    sections = titled_sections(lines_of(*slip("18", "04"), *slip("81", "05")))
    assert len(sections) == 2
    assert sections[1][0].text == "Serralharia Vale do Sousa, Lda"
    assert sections[0][-1].text == AMOUNTS[-1]


# --- Round 67's regression run: a table's heading row under the name is no surname ---------------------------------


def test_a_tables_heading_row_under_the_name_is_no_surname() -> None:
    """The rows' table starts under the header line: its first heading ("Movimento", "Rubrica", or OCR's garble of
    "Percepções") stands under the name's caption, but the line heads columns ("Montante", "Descontos")."""
    caption = boxed(
        [("Trabalhador:", 100), ("Rita", 240), ("Gomes", 290), ("Carvalho", 350), ("NIF:", 600), ("245132872", 650)],
        300,
    )
    for first, second in (("Movimento", "Montante"), ("Pcrcepçoes", "Descontos"), ("Rubrica", "Valor")):
        heading = boxed([(first, 102), (second, 700)], 340)
        parsed = parse_payslip([*lines_of(*LETTERHEAD), caption, heading, *lines_of(*AMOUNTS)])
        assert parsed.fields["employee_name"] == "Rita Gomes Carvalho", first
