"""Blind probe r51a's amounts read wrong from hard captures.

A fatura-recibo photographed in perspective and low light read "2.300,50" as "2.30", its VAT and withholding lines
unread: "2,30 + 0 - 0 = 2,30" held at 0.99 beside a printed "Retenção na fonte IRS (25%)". A payslip in perspective
paired its rows with the next row's amounts (an edited net given as the gross, the IRS as the social security), and
nothing said the slip did not add up. A stamp over one earning row made a totals row's deductions the gross."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import fields_revalidate, payslip_arithmetic_holds

TODAY = dt.date(2026, 1, 15)


def lines(*texts: str) -> list[Line]:
    return [Line(text, 0.9) for text in texts]


FATURA_HEAD = (
    "Portal das Finanças",
    "FATURA-RECIBO N.º FR ATSIRE01FR/12",
    "Data de emissão: 21/09/2025",
    "Emitente",
    "Maria da Graça Lourenço Simões",
    "NIF: 287200990",
    "Adquirente",
    "Clínica Dentária Sorriso Atlântico, Lda.",
    "NIF: 583971199",
)


def test_a_withholding_read_as_none_beside_its_printed_rate_is_flagged_and_doubted() -> None:
    parsed = parse_invoice(
        lines(
            *FATURA_HEAD,
            ".300,50 €",
            "Valor Base 2.30",
            "529,12 €",
            "Retenção na fonte IRS (25%)",
            "Importância recebida",
        )
    )
    assert parsed.fields["base_amount"] == Decimal("2.30")
    assert "arithmetic_mismatch" in parsed.warnings
    assert all(parsed.confidence[name] < 0.5 for name in ("base_amount", "amount_received"))


def test_taxes_at_their_printed_rates_raise_nothing() -> None:
    parsed = parse_invoice(
        lines(
            *FATURA_HEAD,
            "Valor Base 2.300,50 €",
            "IVA (23%) 529,12 €",
            "Total do documento 2.829,62 €",
            "Retenção na fonte IRS (25%) 575,12 €",
            "Importância recebida 2.254,50 €",
        )
    )
    assert parsed.fields["amount_received"] == Decimal("2254.50")
    assert parsed.fields["irs_withholding"] == Decimal("575.12")
    assert "arithmetic_mismatch" not in parsed.warnings
    assert parsed.confidence["amount_received"] == 0.99


def test_a_tax_above_the_highest_legal_rate_of_the_base_is_a_mismatch_for_any_backend() -> None:
    # The sum holds (100 + 30 - 0 = 130), but no VAT is 30% of the base: one of the figures is another's.
    fields = {"issuer_nif": "287200990", "issue_date": dt.date(2025, 9, 21), "base_amount": Decimal("100.00"),
              "vat_amount": Decimal("30.00"), "irs_withholding": Decimal("0"), "amount_received": Decimal("130.00")}  # fmt: skip
    warnings = fields_revalidate(DocumentKind.FATURA_RECIBO, fields, document_type="PROOF_OF_INCOME", today=TODAY)
    assert "arithmetic_mismatch" in warnings
    fields.update(vat_amount=Decimal("23.00"), amount_received=Decimal("123.00"))
    warnings = fields_revalidate(DocumentKind.FATURA_RECIBO, fields, document_type="PROOF_OF_INCOME", today=TODAY)
    assert "arithmetic_mismatch" not in warnings


def test_social_security_above_eleven_per_cent_of_the_gross_is_a_mismatch() -> None:
    # neg03: the edited net 1.517,22 read as the gross, the IRS row's 191,52 as the social security, no net.
    fields = {"gross_pay": Decimal("1517.22"), "social_security": Decimal("191.52"), "net_pay": None}
    assert payslip_arithmetic_holds(fields) is False
    # 11% of a gross, or less (an exempt meal allowance), stands.
    assert payslip_arithmetic_holds({"gross_pay": Decimal("1582.85"), "social_security": Decimal("174.11")}) is None


def test_a_totals_row_s_second_figure_is_the_deductions_when_an_earning_row_was_lost() -> None:
    parsed = parse_payslip(
        lines(
            "Têxteis Guimarães & Filhos, S.A.",
            "NIPC 543223264",
            "RECIBO DE VENCIMENTO - OUTUBRO 2025",
            "Empregado : Ana Cláudia Quintão Salgueiro",
            "NIF : 220342890",
            "Vencimento base 1.688,40",
            "Subsídio de alimentação 32-00",
            "Segurança Social (11%) 185,72",
            "IRS (retenção na fonte) 0,00",
            "TOTAL ILIQUIDO 1.820,40 185,72",
            "LIQUIDO A PAGAR 1.634,68",
        )
    )
    assert parsed.fields["gross_pay"] == Decimal("1820.40")
    assert parsed.fields["net_pay"] == Decimal("1634.68")
    assert "arithmetic_mismatch" not in parsed.warnings
