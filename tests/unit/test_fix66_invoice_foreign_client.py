"""Blind probe r66a: a fatura-recibo to a client abroad paid in dollars, whose note gives the dollars and their euros
(the dollars were read as the base and the amount received); its client's foreign VAT number read from a line OCR ran
across the two boxes; and a Portuguese payslip's untaxed displacement allowance, a cost paid back, kept in the
month's regular net."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line
from tests.helpers import read_text


def ocr(*texts: str) -> list[Line]:
    return [Line(text, 0.8) for text in texts]


HEAD = (
    "FATURA-RECIBO Data de emissão: 2026-10-30",
    "N.º FR ATSIRE01FR/7 Original",
    "Transmitente / Prestador de serviços Adquirente",
    "Inês Carvalho Moura Northwind Labs LLC",
    "NIF: 232104650 País: Canadá",
)


def test_a_dollar_amount_in_the_note_is_no_euro_amount() -> None:
    # The totals box unread (a photo), the note's dollars and their euros left: the euros are what was received.
    parsed = parse_invoice(
        ocr(
            *HEAD,
            "Serviços de tradução — outubro 2026 Dl 1sx0€",
            "Importância recebida | 7)",
            "Pago em USD 1,820.00 (contravalor em euros à taxa do dia: 1.566,40 €).",
        )
    )
    assert parsed.fields.get("amount_received") != Decimal("1820.00")
    assert parsed.fields.get("base_amount") != Decimal("1820.00")
    assert parsed.fields.get("amount_received") == Decimal("1566.40")


def test_captioned_totals_win_over_the_dollars() -> None:
    parsed = parse_invoice(
        ocr(
            *HEAD,
            "Valor base 1.566,40 €",
            "IVA (0%) — Não sujeito 0,00 €",
            "Retenção na fonte IRS 0,00 €",
            "Importância recebida 1.566,40 €",
            "Pago em USD 1,820.00 (contravalor em euros à taxa do dia: 1.566,40 €).",
        )
    )
    assert (parsed.fields["base_amount"], parsed.fields["amount_received"]) == (Decimal("1566.40"), Decimal("1566.40"))
    assert "arithmetic_mismatch" not in parsed.warnings


def test_a_note_whose_euros_disagree_with_the_totals_is_flagged() -> None:
    parsed = parse_invoice(
        ocr(
            *HEAD,
            "Valor base 1.566,40 €",
            "IVA (0%) — Não sujeito 0,00 €",
            "Retenção na fonte IRS 0,00 €",
            "Importância recebida 1.566,40 €",
            "Pago em USD 1,820.00 (contravalor em euros à taxa do dia: 1.610,00 €).",
        )
    )
    assert parsed.fields["amount_received"] == Decimal("1566.40")
    assert "arithmetic_mismatch" in parsed.warnings
    assert parsed.confidence["amount_received"] < 0.5


def test_foreign_amounts_blanked_either_side_never_a_tax_word() -> None:
    # The sign or code before or after the figure; a tax's three letters are no currency's.
    from documents.extraction.parsers.invoice import without_foreign_amounts

    assert without_foreign_amounts("GBP 2,400.00 / 1 250,00 CHF / R$ 9.876,54").strip(" /") == ""
    assert without_foreign_amounts("IVA 0,00 € IRS 125,00 €") == "IVA 0,00 € IRS 125,00 €"


def test_client_vat_number_on_a_line_read_across_the_boxes() -> None:
    parsed = parse_invoice(
        ocr(
            *HEAD,
            "Atividade: 1519 - Outros prestadores de serviços NIF / VAT: DE136695976",
            "Valor base 900,00 €",
            "IVA (0%) — IVA - autoliquidação 0,00 €",
            "Retenção na fonte IRS 0,00 €",
            "Importância recebida 900,00 €",
        )
    )
    assert parsed.fields.get("acquirer_nif") == "DE136695976"


def test_two_foreign_vat_numbers_name_no_client() -> None:
    # Guard: two numbers of other states tell no client.
    parsed = parse_invoice(
        ocr(
            *HEAD,
            "Atividade: 1519 NIF / VAT: DE136695976 USt-IdNr. ATU12345678",
            "Importância recebida 900,00 €",
        )
    )
    assert parsed.fields.get("acquirer_nif") is None


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))


def expat_slip(allowance: str) -> str:
    return f"""Recibo de Vencimento
Empresa: Ventos do Sado Construções, S.A. NIPC 503219878
Trabalhador: Rui Alberto Matos Pinheiro NIF 219485631
Período: Outubro 2026
Vencimento base 2.100,00 €
Subsídio de alimentação 22 d x 6,00 132,00 €
{allowance} 180,00 €
Total ilíquido 2.412,00 €
Segurança Social 11% 231,00 €
IRS 310,00 €
Total descontos 541,00 €
Líquido a receber 1.871,00 €"""


def test_an_untaxed_displacement_allowance_is_a_cost_paid_back() -> None:
    _, fields, _ = read(expat_slip("Subsídio de deslocação (não sujeito)"))
    assert fields["net_pay"] == Decimal("1871.00")
    assert fields["regular_net_pay"] == Decimal("1691.00")


def test_a_displacement_allowance_not_said_untaxed_stays_pay() -> None:
    # Guard (ADR 030, unchanged): an allowance paid with the month, no word that it bears no tax.
    _, fields, _ = read(expat_slip("Subsídio de deslocação"))
    assert fields.get("regular_net_pay") in (None, Decimal("1871.00"))
