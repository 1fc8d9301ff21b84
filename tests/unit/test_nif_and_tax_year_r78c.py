"""Blind probe r78c. F1: a fatura-recibo printing its issuer's NIF with a wrong check digit on its text layer was matched
by the name and counted without a word, while a payslip printing an impossible worker's NIF is a failed stated check
(docs/adr/041). F4: a scanned nota de liquidação whose year OCR read as "Ano-dos rendimentos: 2025" was dropped as
"não é do último ano", and named in no list of the proofs not counted. Documents and texts of our own."""

from __future__ import annotations

from typing import Any

import pytest

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.parsers.tax import parse_tax
from documents.extraction.reader import Line
from screening import explanation
from screening.explanation import PT, payslip_findings, reason_of
from screening.rules.report import REASON_TEXT
from tests.unit.test_rules import NIF, check_named, id_document, screen, tax_document

ISSUER_NAME = "Maria João Santos"
CLIENT_NIF = "504127640"
SCANNED = 0.86


# --- F1: an impossible issuer's NIF -------------------------------------------------------------------------------


def fatura(month: int, *, issuer_nif: str | None = NIF, method: str = "text", **extra: Any) -> dict[str, Any]:
    fields = {
        "issuer_name": ISSUER_NAME,
        "issuer_nif": issuer_nif,
        "acquirer_name": "Atelier Douro Arquitetos, Lda.",
        "acquirer_nif": CLIENT_NIF,
        "invoice_number": f"FR A/{month}",
        "issue_date": f"2026-{month:02d}-28",
        "base_amount": 2000.0,
        "vat_amount": 0.0,
        "irs_withholding": 0.0,
        "amount_received": 2000.0,
    }
    fields.update(extra)
    return {
        "document_id": f"fr-{month}",
        "document_type": "PROOF_OF_INCOME",
        "status": "EXTRACTED",
        "kind": "FATURA_RECIBO",
        "fields": fields,
        "warnings": [] if issuer_nif else ["nif_checksum_invalid", "missing:issuer_nif"],
        "method": method,
    }


def six_months(*, method: str = "text", **extra: Any) -> list[dict[str, Any]]:
    """May to October, September's issuer's NIF left out as one failing its check digit."""
    return [
        id_document(),
        *(fatura(m) for m in (5, 6, 7, 8, 10)),
        fatura(9, issuer_nif=None, method=method, **extra),
    ]


def income_checks(result: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [c for c in result["income"]["checks"] if c["name"] == name]


def test_an_invoice_printing_an_impossible_issuer_nif_is_a_failed_check_that_raises_the_risk() -> None:
    result = screen(six_months())

    stated = income_checks(result, "income.owner_nif_valid")
    assert len(stated) == 1 and not stated[0]["passed"]
    assert stated[0]["document_id"] == "fr-9" and stated[0]["field"] == "issuer_nif"
    assert "NIF do emitente impresso não é válido" in stated[0]["evidence"]
    assert "Portal das Finanças" in stated[0]["evidence"]
    owner = next(c for c in income_checks(result, "income.invoice_owner") if c["document_id"] == "fr-9")
    assert owner["passed"] and "NIF do emitente impresso não é válido" in owner["evidence"]
    assert result["affordability"]["risk_level"] in {"MEDIUM", "HIGH"}
    assert "owner_nif_invalid" in result["affordability"]["reasons"]
    assert "fatura-recibo" in REASON_TEXT["owner_nif_invalid"]
    # Counted, as a payslip with an impossible worker's NIF is: a person decides (docs/adr/041).
    assert result["income"]["average_monthly_income"] == "2000.00"


def test_an_invoice_read_off_a_scan_with_a_wrong_check_digit_is_a_misread_and_says_nothing() -> None:
    result = screen(six_months(method="ocr"))

    assert not income_checks(result, "income.owner_nif_valid")
    assert "owner_nif_invalid" not in result["affordability"]["reasons"]


def test_with_no_clients_nif_read_whose_nif_failed_cannot_be_told() -> None:
    # A final consumer's receipt: the number failing may be the client's as well as the issuer's.
    result = screen(six_months(acquirer_nif=None))

    assert not income_checks(result, "income.owner_nif_valid")


def test_a_client_abroad_identified_by_its_vat_number_still_tells_whose_nif_failed() -> None:
    result = screen(six_months(acquirer_nif="FR40303265045"))

    assert [c["field"] for c in income_checks(result, "income.owner_nif_valid")] == ["issuer_nif"]


def test_the_applicant_is_told_of_their_invoice_not_of_a_payslip() -> None:
    result = screen(six_months())

    findings = payslip_findings(result["income"]["checks"], PT)
    assert PT.invoice_nif_invalid in findings
    assert PT.owner_nif_invalid not in findings


def invoice_lines(issuer_nif: str, *, confidence: float) -> list[Line]:
    texts = [
        "FATURA-RECIBO",
        "N.º FR A/9 ATCUD: JJ4K2M7P-9",
        "Data de emissão: 28/09/2026",
        "Transmitente / prestador de serviços Adquirente / Cliente",
        "Maria João Santos Atelier Douro Arquitetos, Lda.",
        f"NIF: {issuer_nif} NIF: {CLIENT_NIF}",
        "Serviços de arquitetura — setembro de 2026 2.000,00 €",
        "Valor base 2.000,00 €",
        "Importância recebida 2.000,00 €",
    ]
    return [Line(text=text, confidence=confidence) for text in texts]


def test_a_text_layers_impossible_issuer_nif_is_invalid_and_a_scans_is_unread() -> None:
    # 245718932: the applicant's NIF with its last digit changed, which fails the check digit.
    printed = parse_invoice(invoice_lines("245718932", confidence=1.0))
    assert "nif_checksum_invalid" in printed.warnings
    assert printed.fields.get("acquirer_nif") == CLIENT_NIF and not printed.fields.get("issuer_nif")

    scanned = parse_invoice(invoice_lines("245718932", confidence=SCANNED))
    assert "nif_checksum_invalid" not in scanned.warnings
    assert "nif_unread" in scanned.warnings


# --- F4: an IRS document's year -------------------------------------------------------------------------------------


def nota_lines(year_line: str) -> list[Line]:
    texts = [
        "AUTORIDADE TRIBUTÁRIA E ADUANEIRA",
        "DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS",
        year_line,
        "Data da liquidação: 2026-05-06",
        f"Sujeito passivo A: {NIF} Maria João Santos",
        "Rendimentos brutos da categoria B 24.600,00",
        "Rendimento coletável 18.450,00",
        "Coleta líquida 3.120,40",
        "Retenções na fonte 5.658,00",
    ]
    return [Line(text=text, confidence=SCANNED) for text in texts]


@pytest.mark.parametrize(
    "year_line",
    [
        "Ano-dos rendimentos: 2025 N.º de liquidação: 2026 5004417281",
        "Ano.dos rendimentos 2025",
        "Anodos rendimentos: 2025",
        "Ano do rendimento: 2025",
        "Ano de rendimentos — 2025",
        "Ano fiscal: 2025",
        "Rendimentos de 2025",
    ],
)
def test_a_notas_income_year_is_read_as_ocr_joins_its_caption(year_line: str) -> None:
    assert parse_tax(nota_lines(year_line)).fields.get("year") == 2025


def test_the_liquidation_dates_year_is_not_the_income_year() -> None:
    assert parse_tax(nota_lines("N.º de liquidação: 2026 5004417281")).fields.get("year") is None


def nota_without_year() -> dict[str, Any]:
    document = tax_document(year=2025, gross=24600.0, tax=3120.4)
    document.update({"document_id": "nota", "kind": "NOTA_LIQUIDACAO", "method": "ocr"})
    document["fields"]["year"] = None
    return document


def test_an_irs_document_whose_year_was_not_read_says_so_and_is_listed_among_the_proofs_not_counted() -> None:
    result = screen([id_document(), nota_without_year(), tax_document(year=2025)])

    tax = next(c for c in income_checks(result, "income.tax_document") if c["document_id"] == "nota")
    assert not tax["passed"]
    assert tax["evidence"] == "Documento de IRS: não utilizável (ano dos rendimentos não lido).", tax["evidence"]
    assert "não é do último ano" not in tax["evidence"]
    assert "1 documento de IRS (ano dos rendimentos não lido)" in result["income"]["not_counted"]
    assert "1 documento de IRS (ano dos rendimentos não lido)" in result["report"]["justification"]
    assert reason_of(tax) == explanation.TAX_YEAR_NOT_READ


def test_an_irs_document_of_an_earlier_year_is_still_said_so() -> None:
    old = {**tax_document(year=2021), "document_id": "old"}
    result = screen([id_document(), old, tax_document(year=2025)])

    assert "1 documento de IRS (não é do último ano)" in result["income"]["not_counted"]
    assert check_named(result, "income.tax_document")["document_id"] == "old"
