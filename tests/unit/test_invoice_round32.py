"""Faturas-recibo of doc probe 32 (independent workers) read silently wrong: three of the Portal's faturas-recibo in
one PDF, the title a few lines above each number, read as one (the first page's number and date with another
page's amounts); and a "Fatura" that is no receipt, its "Total a pagar" read as the amount received."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line


def portal_page(*, title: str, number: str, issued: str, base: str, vat: str, total_caption: str, total: str) -> str:
    return f"""Portal das Finanças
Autoridade Tributária e Aduaneira
{title}
ORIGINAL
N.º {number}
ATCUD: 58NVW7P6-20
Prestador de serviços
Teresa Moura Vilaça
NIF: 245718931
Data de emissão
{issued}
Adquirente
NIF 503504564
Nome Oficina Lusa, Lda.
Descrição Valor
Consultoria 1,00 €
Valor base {base} €
IVA (23%) {vat} €
IRS - Retenção na fonte 0,00 €
{total_caption} {total} €
Documento emitido para fins de IRS"""


def receipt(number: str, issued: str, base: str, vat: str, total: str) -> str:
    return portal_page(title="FATURA-RECIBO", number=f"FR ATSIRE01FR/{number}", issued=issued, base=base, vat=vat,
                       total_caption="Importância recebida", total=total)  # fmt: skip


def parsed(text: str) -> tuple[dict[str, object], list[str]]:
    result = parse_invoice([Line(line) for line in text.splitlines()])
    return result.fields, result.warnings


def test_several_portal_faturas_recibo_in_one_file_give_the_latest_whole() -> None:
    pages = [
        receipt("20", "2026-10-05", "2.090,86", "480,90", "2.571,76"),
        receipt("22", "2026-12-02", "777,00", "178,71", "955,71"),
        receipt("21", "2026-11-10", "1.000,00", "230,00", "1.230,00"),
    ]
    fields, warnings = parsed("\n".join(pages))
    assert "multiple_invoices" in warnings
    assert fields["invoice_number"] == "FRATSIRE01FR/22"
    assert fields["issue_date"] == dt.date(2026, 12, 2)
    assert (fields["base_amount"], fields["amount_received"]) == (Decimal("777.00"), Decimal("955.71"))


def test_a_fatura_that_is_no_receipt_is_said_and_its_total_to_pay_is_not_received() -> None:
    text = portal_page(title="FATURA", number="FT ATSIRE01FT/54", issued="2026-10-04", base="1.000,00",
                       vat="230,00", total_caption="Total a pagar", total="1.230,00")  # fmt: skip
    fields, warnings = parsed(text.replace("Data de emissão", "Data de vencimento\n2026-11-03\nData de emissão"))
    assert "invoice_not_receipt" in warnings
    assert fields.get("amount_received") is None
    assert fields["base_amount"] == Decimal("1000.00")


def test_a_fatura_recibo_is_its_own_receipt() -> None:
    """Guard (passes before the change too)."""
    fields, warnings = parsed(receipt("20", "2026-10-05", "1.000,00", "230,00", "1.230,00"))
    assert "invoice_not_receipt" not in warnings
    assert fields["amount_received"] == Decimal("1230.00")
