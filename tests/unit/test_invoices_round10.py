"""Faturas-recibo the blind probe of round 10 misread: a legal reference's number in the VAT line ("verba 2.23
Lista I") read as the VAT, the base under "Incidência" or only as the sum of the items, an English invoice-receipt
(its labels, "3,200.00", a foreign company's legal form ending its name), a shop's receipt for a purchase where
the applicant is only the client, and a NIF a photo read with its digits grouped another way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


HEADER = """FATURA-RECIBO
N.º FR ATSIRE01FR/12
Data 2026-03-16
Emitente
Inês Carolina Vasconcelos Rebelo · NIF 248221230
Adquirente
Tipografia Ribeirinha, Lda. · NIF 584218842"""
ITEMS = """Descrição Taxa IVA Valor
Tradução — capítulos 1 a 3 6% 300,00
Tradução — capítulos 4 a 6 6% 250,00
Revisão final 6% 150,00"""


@pytest.mark.parametrize(
    "reference",
    [
        "verba 2.23 Lista I (direitos de autor)",
        "Lista I, verba 2.6",
        "art. 18.º, n.º 1, alínea a) do CIVA, verba 2.23",
        "verba 2,23 da Lista I",
    ],
)
def test_a_legal_references_number_in_the_vat_line_is_no_amount(reference: str) -> None:
    """Round 10: 'IVA à taxa reduzida (6%) — verba 2.23 Lista I  69,00' gave the VAT 2.23, and no base."""
    text = f"""{HEADER}
{ITEMS}
Incidência 700,00
IVA à taxa reduzida (6%) — {reference} 42,00
Total com IVA 742,00
Retenção IRS 11,5% 80,50
Total recebido 661,50"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["base_amount"] == Decimal("700.00")
    assert fields["vat_amount"] == Decimal("42.00")
    assert fields["irs_withholding"] == Decimal("80.50")
    assert fields["amount_received"] == Decimal("661.50")
    assert warnings == []


@pytest.mark.parametrize("base_line", ["Incidência 700,00", "Total ilíquido 700,00", ""])
def test_the_base_is_the_incidence_the_total_before_tax_or_the_items_sum(base_line: str) -> None:
    """With no "Valor base" line, the base is printed as "Incidência" or "Total ilíquido", or not at all: the
    items then add up to it, as the arithmetic with the VAT and the amount received shows."""
    text = f"""{HEADER}
{ITEMS}
{base_line}
IVA (6%) 42,00
Retenção IRS 11,5% 80,50
Total recebido 661,50"""
    _, fields, warnings = read(text)
    assert fields["base_amount"] == Decimal("700.00")
    assert fields["vat_amount"] == Decimal("42.00")
    assert fields["irs_withholding"] == Decimal("80.50")
    assert fields["amount_received"] == Decimal("661.50")
    assert "missing:base_amount" not in warnings


ENGLISH = """INVOICE-RECEIPT (Fatura-Recibo) No. FR ATSIRE01FR/7
Date of issue: 2026-10-30
Supplier
Rodrigo Valentim Sarmento Quintela
Portuguese Tax ID (NIF): 163770522
Customer
{customer}
VAT No.: DE136695976
Description Amount (EUR)
Data platform consulting — October 2026 (15 days) {amount}
Net amount EUR {amount}
VAT — reverse charge (Art. 6(6)(a) CIVA) EUR 0.00
Withholding tax EUR 0.00
Amount received EUR {amount}"""


@pytest.mark.parametrize(
    "customer",
    [
        "Hoogland Data Solutions B.V.",
        "Nordlicht Data Systems GmbH",
        "Brightwater Data Services Ltd",
        "Lakeshore Data Labs Inc.",
        "Soluciones Data Ibéricas S.L.",
        "Svensk Data Analys AB",
    ],
)
@pytest.mark.parametrize("amount", ["2,450.00", "2,450,00"])
def test_an_english_invoice_receipt_is_read_by_its_english_labels(customer: str, amount: str) -> None:
    """Round 10: 'Customer' over 'Hollandse Data Solutions B.V.' gave 'Hollandse' ("Data" taken for a label);
    'Date of issue', 'Net amount', 'Amount received' were not read, nor the VAT and the withholding."""
    kind, fields, warnings = read(ENGLISH.format(customer=customer, amount=amount))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["acquirer_name"].rstrip(".") == customer.rstrip(".")
    assert fields["issuer_name"] == "Rodrigo Valentim Sarmento Quintela"
    assert fields["issue_date"] == dt.date(2026, 10, 30)
    assert fields["base_amount"] == Decimal("2450.00")
    assert fields["vat_amount"] == Decimal("0")
    assert fields["irs_withholding"] == Decimal("0")
    assert fields["amount_received"] == Decimal("2450.00")
    assert not [warning for warning in warnings if warning.startswith("missing:")]


def test_english_labels_with_vat_and_withholding() -> None:
    text = """INVOICE-RECEIPT (Fatura-Recibo) No. FR ATSIRE01FR/8
Issue date: 2026-11-02
Supplier: Rodrigo Valentim Sarmento Quintela · NIF 163770522
Customer: Tipografia Ribeirinha, Lda. · NIF 584218842
Net amount EUR 1,200.00
VAT 23% EUR 276.00
Withholding tax 25% EUR 300.00
Amount received EUR 1,176.00"""
    _, fields, _ = read(text)
    assert fields["issue_date"] == dt.date(2026, 11, 2)
    assert fields["base_amount"] == Decimal("1200.00")
    assert fields["vat_amount"] == Decimal("276.00")
    assert fields["irs_withholding"] == Decimal("300.00")
    assert fields["amount_received"] == Decimal("1176.00")


RETAIL = """Electro Casa Moderna — Equipamentos Domésticos, S.A.
NIF {issuer_nif} · Loja Colombo, Lisboa
FATURA-RECIBO FR 0212/55731
Data: 2026-11-20
Cliente: Inês Carolina Vasconcelos Rebelo · NIF 248221230
Frigorífico combinado 300,00
Transporte e montagem 50,00
Total s/ IVA 350,00
IVA 23% 80,50
Total 430,50
Pago — cartão de débito 430,50"""


def test_a_shops_receipt_to_the_applicant_as_client_is_flagged() -> None:
    """Round 10: a shop's 'FATURA-RECIBO' for a purchase, the applicant only its 'Cliente', was read as the
    applicant's income with no warning, and its VAT taken for a 23% withholding cancelling it."""
    kind, fields, warnings = read(RETAIL.format(issuer_nif="584218842"))
    assert kind == DocumentKind.FATURA_RECIBO
    assert "issuer_is_company" in warnings
    assert fields["issuer_nif"] == "584218842"
    assert fields["acquirer_nif"] == "248221230"
    assert fields["base_amount"] == Decimal("350.00")
    assert fields["vat_amount"] == Decimal("80.50")
    assert fields["irs_withholding"] == Decimal("0")
    assert fields["amount_received"] == Decimal("430.50")


def test_a_receipt_issued_under_a_personal_nif_is_not_flagged() -> None:
    _, _, warnings = read(RETAIL.format(issuer_nif="163770522"))
    assert "issuer_is_company" not in warnings


def test_one_figure_is_not_both_the_vat_and_the_withholding_unless_printed_twice() -> None:
    """A 23% VAT and a 23% withholding on one base are two lines with the same figure."""
    text = """FATURA-RECIBO FR ATSIRE01FR/31
Data: 2026-11-20
Emitente: Rodrigo Valentim Sarmento Quintela · NIF 163770522
Adquirente: Tipografia Ribeirinha, Lda. · NIF 584218842
Valor base 500,00
IVA 23% 115,00
Retenção IRS 23% 115,00
Valor recebido 500,00"""
    _, fields, warnings = read(text)
    assert fields["vat_amount"] == Decimal("115.00")
    assert fields["irs_withholding"] == Decimal("115.00")
    assert "issuer_is_company" not in warnings


@pytest.mark.parametrize(("printed", "nif"), [("58 4218842", "584218842"), ("5842 18842", "584218842")])
def test_a_nif_read_with_its_digits_grouped_another_way_is_joined(printed: str, nif: str) -> None:
    """Round 10 (photo): 'NIF 51 4803266' lost the acquirer's NIF."""
    text = f"""FATURA-RECIBO FR ATSIRE01FR/40
Data de emissão 2026-10-31
Prestador de serviços: Rodrigo Valentim Sarmento Quintela · NIF 163770522
Adquirente: Tipografia Ribeirinha, Lda. · NIF {printed}
Valor base 1.000,00
IVA 23% 230,00
IRS — retenção 25% 250,00
Importância recebida 980,00"""
    _, fields, _ = read(text)
    assert fields["acquirer_nif"] == nif
    assert fields["issuer_nif"] == "163770522"


def test_digit_groups_whose_check_digit_fails_are_not_joined_into_a_nif() -> None:
    text = """FATURA-RECIBO FR ATSIRE01FR/40
Data de emissão 2026-10-31
Prestador de serviços: Rodrigo Valentim Sarmento Quintela · NIF 163770522
Adquirente: Tipografia Ribeirinha, Lda. · NIF 58 4218843
Valor base 1.000,00
IVA 23% 230,00
IRS — retenção 25% 250,00
Importância recebida 980,00"""
    _, fields, _ = read(text)
    assert fields.get("acquirer_nif") is None
