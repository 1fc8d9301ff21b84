"""Faturas-recibo the blind probe of round 13 misread: a printed amount received that does not follow from the
base, the VAT and the withholding, silently replaced by another printed amount (ADR 024); the issue date alone
under the document's number or after its ATCUD; the acquirer under an English "Acquirer" heading or after a
bare "Entidade:" label."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def receipt(base: str, vat: str, withholding: str, received: str) -> str:
    return f"""FATURA-RECIBO N.º FR ATSIRE01FR/27
Data: 2026-09-30
Emitente: Filipa Andreia Rocha Lemos · NIF 244232326 · Designer
Adquirente: Tipografia Ribeirinha, Lda. · NIF 529042142
Valor base {base}
IVA 23% {vat}
Retenção IRS {withholding}
Valor recebido {received}"""


def amounts(fields: dict[str, Any]) -> tuple[float, ...]:
    return tuple(float(fields[name]) for name in ("base_amount", "vat_amount", "irs_withholding", "amount_received"))


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        # The withholding not subtracted, VAT and withholding equal: the base was taken for the receipt.
        (("1.200,00", "276,00", "23% 276,00", "1.476,00"), (1200.0, 276.0, 276.0, 1476.0)),
        # The withholding not subtracted at another rate: the withholding was dropped to make the sum hold.
        (("800,00", "184,00", "25% 200,00", "984,00"), (800.0, 184.0, 200.0, 984.0)),
    ],
)
def test_a_received_amount_that_does_not_follow_is_kept_and_flagged(
    printed: tuple[str, str, str, str], expected: tuple[float, ...]
) -> None:
    """Round 13: 'Valor recebido' printed higher than base + VAT - withholding was replaced by another printed
    amount (or the withholding by 0) so that the altered receipt looked consistent, with no warning."""
    kind, fields, warnings = read(receipt(*printed))
    assert kind == DocumentKind.FATURA_RECIBO
    assert amounts(fields) == expected
    assert "arithmetic_mismatch" in warnings


def test_a_received_amount_that_follows_reads_clean() -> None:
    """The guard: the same receipt with the right amount received keeps its amounts and raises no warning
    (passes before the fix too)."""
    _, fields, warnings = read(receipt("1.200,00", "276,00", "23% 276,00", "1.200,00"))
    assert amounts(fields) == (1200.0, 276.0, 276.0, 1200.0)
    assert "arithmetic_mismatch" not in warnings


def test_a_withholding_printed_at_an_unlisted_rate_is_no_mismatch() -> None:
    """The guard: a labelled withholding the sum takes as printed ('Retenção IRS 21,5% 107,50', a rate not
    listed) contradicts nothing: the amounts stay as printed, with no warning (passes before the fix too)."""
    _, fields, warnings = read(receipt("500,00", "115,00", "21,5% 107,50", "507,50"))
    assert amounts(fields) == (500.0, 115.0, 107.5, 507.5)
    assert "arithmetic_mismatch" not in warnings


def dated(heading: str, date_line: str) -> str:
    return f"""FILIPA ANDREIA ROCHA LEMOS
Designer · NIF 244232326
{heading}
{date_line}
Exmos. Senhores Tipografia Ribeirinha, Lda.
NIPC 529042142
Paginação de catálogo 600,00
IVA 23% 138,00
Retenção IRS 25% 150,00
Total recebido 588,00"""


@pytest.mark.parametrize(
    ("heading", "date_line", "expected"),
    [
        ("Fatura-Recibo FR 2026/12", "2026.09.30", dt.date(2026, 9, 30)),
        ("Fatura-Recibo FR ATSIRE01FR/12", "30.09.2026", dt.date(2026, 9, 30)),
        ("FATURA-RECIBO FR ATSIRE01FR/12", "ATCUD: QX7T2M4K-12 · 2026-09-30", dt.date(2026, 9, 30)),
        # The code's trailing figures before a date are no date of their own ("…K-5 2026" is no 5 of a month).
        ("FATURA-RECIBO FR ATSIRE01FR/5", "ATCUD QX7T2M4K-5 2026-09-30", dt.date(2026, 9, 30)),
    ],
)
def test_the_date_under_the_number_or_after_the_atcud_is_the_issue_date(
    heading: str, date_line: str, expected: dt.date
) -> None:
    """Round 13: the date alone on the line under 'Fatura-Recibo FR 2026/37', or only after the ATCUD, gave no
    issue date."""
    _, fields, warnings = read(dated(heading, date_line))
    assert fields["issue_date"] == expected
    assert "missing:issue_date" not in warnings


def test_a_date_alone_away_from_the_heading_is_no_issue_date() -> None:
    """The guard: a date alone under the service's description (when it was rendered) is not taken for the
    issue date (passes before the fix too)."""
    text = dated("Fatura-Recibo FR 2026/12", "Paginação de catálogo").replace(
        "Paginação de catálogo 600,00", "Paginação de catálogo\n2026.08.14\nHonorários 600,00", 1
    )
    _, fields, _ = read(text)
    assert fields.get("issue_date") is None


def test_the_name_under_an_acquirer_heading_is_the_acquirer() -> None:
    """Round 13: an English receipt's 'Acquirer' heading with 'Name: <company>' under it gave no acquirer."""
    text = """INVOICE-RECEIPT No. FR ATSIRE01FR/9
Issuer
Name: Filipa Andreia Rocha Lemos
Tax ID (NIF): 244232326
Acquirer
Name: Havelund Design ApS
Country: Denmark
Date of issue: 2026-09-30
Taxable amount 1,500.00
VAT — reverse charge 0.00
IRS withholding — not applicable 0.00
Amount received 1,500.00"""
    _, fields, _ = read(text)
    assert fields["acquirer_name"] == "Havelund Design ApS"
    assert fields["issuer_name"] == "Filipa Andreia Rocha Lemos"
    assert fields["issuer_nif"] == "244232326"


def test_a_bare_entity_label_after_the_issuer_is_the_acquirer() -> None:
    """Round 13: 'Entidade: <club> — NIF ...' under 'Prestador: ... — NIF ...' gave neither the acquirer's name
    nor its NIF."""
    text = """Fatura-recibo n.º FR ATSIRE01FR/14
Emitida em 2026-09-30 · Setúbal
Prestador: Filipa Andreia Rocha Lemos — NIF 244232326 — Designer
Entidade: Grupo Desportivo Ribeirinho — NIF 529042142
Base tributável 400,00 €
IVA — isento art.º 53.º 0,00 €
Retenção — dispensa (art.º 101.º-B) 0,00 €
Importância recebida 400,00 €"""
    _, fields, _ = read(text)
    assert fields["acquirer_name"] == "Grupo Desportivo Ribeirinho"
    assert fields["acquirer_nif"] == "529042142"
    assert fields["issuer_nif"] == "244232326"


def test_an_entity_label_before_any_issuer_label_is_not_the_acquirer() -> None:
    """The guard: 'Entidade:' opening the document, before any issuer's label, names the issuer's block as
    before, and the acquirer stays the labelled client's (passes before the fix too)."""
    text = """Fatura-recibo n.º FR ATSIRE01FR/15
Entidade: Filipa Andreia Rocha Lemos — NIF 244232326
Data: 2026-09-30
Cliente: Grupo Desportivo Ribeirinho — NIF 529042142
Base tributável 400,00 €
IVA — isento art.º 53.º 0,00 €
Importância recebida 400,00 €"""
    _, fields, _ = read(text)
    assert fields["issuer_nif"] == "244232326"
    assert fields["acquirer_nif"] == "529042142"
    assert fields["acquirer_name"] == "Grupo Desportivo Ribeirinho"


def test_a_figure_ocr_made_of_a_waived_withholdings_legal_reference_is_no_contradiction() -> None:
    """The guard the round-13 fix needed: "Retenção na fonte de IRS — Dispensa (art.º 101.º-B, n.º 1)" as a scan
    read it ("101.º-8,00€1") names no withholding; the label says there is none, so nothing is contradicted."""
    kind, fields, warnings = read("""FATURA-RECIBO N.º FR ATSIRE01FR/3
Data de Emissão: 18-03-2026
Emitente: Filipa Andreia Rocha Lemos · NIF 244232326
Adquirente: Tipografia Ribeirinha, Lda. · NIF 529042142
Valor Base 850,00 €
IVA - Isento (art.º 53.º do CIVA) 0,00 €
Retenção na fonte de IRS — Dispensa (art.º 101.º-8,00€1, al. a) €
Importância recebida 850,00 €""")
    assert kind == DocumentKind.FATURA_RECIBO
    assert (fields["irs_withholding"], fields["amount_received"]) == (0, 850)
    assert "arithmetic_mismatch" not in warnings
