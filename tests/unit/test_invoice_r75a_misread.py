"""A fatura-recibo's figure OCR misread by a digit (blind probe r75a, D1): a photo's bold "Importância recebida
1.125,00 €" read 4.125,00 beside its base 1.500,00 and its 25 % withholding 375,00, so the invoice failed
``income.invoice_arithmetic`` and its month went uncounted. The one figure the other three make, one digit away from
the one read, with the taxes then at legal rates of the base, is the reading (``derived:<field>``). Texts of our own,
in the probe's layout."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line

# An OCR line's confidence: under a text layer's 1.0.
SCANNED = 0.84


def invoice(base: str, vat: str, withholding: str, received: str, *, confidence: float = SCANNED) -> list[Line]:
    texts = [
        "FATURA-RECIBO Modelo oficial — Portal das Finanças",
        "Nº FR A/42 ATCUD: 3J230128-42",
        "Data de emissão: 31/07/2026",
        "Transmitente / prestador de serviços Adquirente / Cliente",
        "Gabriela Nunes Correia Atelier Douro Arquitetos, Lda.",
        "NIF: 227343085 NIF: 504127640",
        "Descrição Valor",
        f"Serviços de design gráfico — julho de 2026 {base} €",
        f"Valor base {base} €",
        f"IVA (isento — art. 53º do CIVA) 0% {vat} €",
        f"Retenção na fonte IRS (25%) {withholding} €",
        f"Importância recebida {received} €",
        "Data de recebimento: 31/07/2026",
    ]
    return [Line(text=text, confidence=confidence) for text in texts]


def amounts(lines: list[Line]) -> tuple[object, ...]:
    fields = parse_invoice(lines).fields
    return tuple(fields.get(role) for role in ("base_amount", "vat_amount", "irs_withholding", "amount_received"))


def test_a_received_amount_ocr_misread_by_a_digit_is_what_the_others_make() -> None:
    parsed = parse_invoice(invoice("1.500,00", "0,00", "375,00", "4.125,00"))
    assert parsed.fields["amount_received"] == Decimal("1125.00")
    assert parsed.fields["base_amount"] == Decimal("1500.00")
    assert "derived:amount_received" in parsed.warnings
    assert "arithmetic_mismatch" not in parsed.warnings
    assert parsed.confidence["amount_received"] < 0.8


def test_a_base_ocr_misread_by_a_digit_is_what_the_others_make() -> None:
    """The withholding's 25 % says which: 375,00 is a quarter of 1.500,00, never of 7.500,00."""
    parsed = parse_invoice(invoice("7.500,00", "0,00", "375,00", "1.125,00"))
    assert parsed.fields["base_amount"] == Decimal("1500.00")
    assert "derived:base_amount" in parsed.warnings


def test_a_text_layer_s_figures_stand() -> None:
    """Guard: a PDF's text layer misreads nothing; its sum that fails stays a mismatch for the checks."""
    lines = invoice("1.500,00", "0,00", "375,00", "4.125,00", confidence=1.0)
    assert amounts(lines)[3] == Decimal("4125.00")
    assert not any(warning.startswith("derived:") for warning in parse_invoice(lines).warnings)


def test_a_figure_more_than_a_digit_away_is_not_mended() -> None:
    """Guard: 1.125,00 read 4.725,00 is no one misread digit; nothing is fitted."""
    assert amounts(invoice("1.500,00", "0,00", "375,00", "4.725,00"))[3] == Decimal("4725.00")


def test_an_invoice_that_adds_up_reads_as_printed() -> None:
    """Guard: the photo of an invoice whose figures make their sum is read as printed, with no warning."""
    parsed = parse_invoice(invoice("1.500,00", "0,00", "375,00", "1.125,00"))
    assert amounts(invoice("1.500,00", "0,00", "375,00", "1.125,00")) == (
        Decimal("1500.00"),
        Decimal("0.00"),
        Decimal("375.00"),
        Decimal("1125.00"),
    )
    assert not any(warning.startswith("derived:") for warning in parsed.warnings)
