"""Two months' payslips printed on one sheet (round 23): the sheet is cut where each slip's title begins, and the
letterhead above the second title went with the first slip, so the latest month, the one read, lost its
employer's name and NIPC without a word. A letterhead printed once, above the first slip only, is each slip's
employer too. The lines are shaped as the reader hands a text layer over, with names and numbers of their own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from documents.extraction.local import one_payslip
from documents.extraction.parsers import Parsed, classify
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind

LETTERHEAD = """Oficina Mecânica do Lis - Reparações Auto, Lda.
Rua da Sé, 4 - 2400-204 Leiria
NIPC: 518744027"""


def slip(month: str, irs: str, deductions: str, net: str) -> str:
    return f"""RECIBO DE VENCIMENTO
Período: {month} 2026
Nome: Joana Filipa Teixeira Brandão
NIF: 246138572
Descrição Abonos Descontos
Vencimento Base 1.200,00
Segurança Social 132,00
IRS {irs}
Totais 1.200,00 {deductions}
Valor Líquido a Receber: {net} €
Pago por transferência bancária"""


def latest(text: str) -> Parsed:
    lines = [Line(line) for line in text.splitlines() if line.strip()]
    kind = classify(text)
    assert kind == DocumentKind.RECIBO_VENCIMENTO
    chosen, _ = one_payslip(kind, ReadDocument(lines=lines, pages=1, method="text"), Parsed())
    return chosen


@pytest.mark.parametrize("repeated", [True, False])
def test_the_letterhead_above_two_months_on_one_sheet_is_the_latest_slips_employer(repeated: bool) -> None:
    may, june = slip("Maio", "55,00", "187,00", "1.013,00"), slip("Junho", "60,00", "192,00", "1.008,00")
    text = f"{LETTERHEAD}\n{may}\n{LETTERHEAD}\n{june}" if repeated else f"{LETTERHEAD}\n{may}\n{june}"
    parsed = latest(text)
    assert "multiple_payslips" in parsed.warnings
    assert parsed.fields["period"] == "2026-06"
    assert parsed.fields["net_pay"] == Decimal("1008.00")
    assert parsed.fields["employer_name"] == "Oficina Mecânica do Lis - Reparações Auto, Lda."
    assert parsed.fields["employer_nif"] == "518744027"
