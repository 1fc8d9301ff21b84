"""What the blind probe of round 24 misread in the reader and the payslip's NIFs: a text PDF whose page's /Rotate
shows its upright letters sideways (its columns were read as rows: captions run together as the employer, the
amounts lost), and a payslip printing two different personal NIFs for its one employee (the first taken, no
warning). The documents are built here, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
import io
import random
from decimal import Decimal

import pikepdf
import pytest

from documents.extraction.local import LocalExtractor
from documents.extraction.reader import read_pdf
from samples.synthetic import Synthetic, make_person, payslip_pdf
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)
FIELDS = ("employee_name", "employee_nif", "period", "base_salary", "gross_pay", "net_pay", "social_security")


def payslip(seed: int) -> Synthetic:
    person = make_person(random.Random(seed), TODAY)
    return payslip_pdf(person, dt.date(2026, 10, 1), base=Decimal("1240"), variant=0, rng=random.Random(seed))


def with_rotate(data: bytes, rotate: int) -> bytes:
    """The same page, its content untouched, shown turned by /Rotate (letters upright on the page's own axes)."""
    pdf = pikepdf.open(io.BytesIO(data))
    pdf.pages[0].obj.Rotate = rotate
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_upright_letters_on_a_page_shown_turned_are_read_row_by_row(rotate: int) -> None:
    """Laid out by /Rotate alone, a quarter turn read each column as a row and a half turn read the rows from the
    bottom, each right to left; the letters stand upright on the page's axes, so the page reads as unturned."""
    document = payslip(2417)
    upright = read_pdf(document.data).lines
    turned = read_pdf(with_rotate(document.data, rotate)).lines
    assert [line.text for line in turned] == [line.text for line in upright]


@pytest.mark.parametrize("rotate", [90, 270])
def test_a_payslip_shown_sideways_reads_its_amounts_and_employer(rotate: int) -> None:
    document = payslip(5903)
    result = LocalExtractor().extract(with_rotate(document.data, rotate), document_type="PROOF_OF_INCOME")
    fields = result.json_fields()
    assert {name: fields[name] for name in FIELDS} == {name: document.expected[name] for name in FIELDS}
    assert fields["employer_name"] == document.expected["employer_name"]


PAYSLIP = """Oficina Mecânica Rodas do Sado, Lda.
Rua do Carmo, 12 - 2900-000 Setúbal
NIPC: 507414373
RECIBO DE VENCIMENTO
Período: Outubro de 2026
Nome: Rui Alberto Pimenta Casal
NIF: {header_nif} NISS: 11987654321
Descrição Abonos Descontos
Vencimento Base 1.120,00
Segurança Social 123,20
Retenção IRS 41,00
Totais 1.120,00 164,20
Valor Líquido a Receber 955,80
{footer}
"""


def test_two_different_employee_nifs_on_one_payslip_are_flagged_and_neither_taken() -> None:
    text = PAYSLIP.format(header_nif="245901230", footer="Recebi a quantia acima. Trabalhador NIF 198765436")
    _kind, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert "nif_ambiguous" in warnings
    assert fields.get("employee_nif") is None
    assert fields["employer_nif"] == "507414373"
    assert fields["net_pay"] == Decimal("955.80")


def test_the_employees_nif_printed_twice_is_still_theirs() -> None:
    """Guard (passes before and after the fix): the same NIF in the header and the footer is one employee's."""
    text = PAYSLIP.format(header_nif="245901230", footer="Recebi a quantia acima. Trabalhador NIF 245 901 230")
    _kind, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employee_nif"] == "245901230"
    assert "nif_ambiguous" not in warnings
