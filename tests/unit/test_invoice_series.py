"""A fatura-recibo's series read from a scan: an O touching a digit is the zero OCR misread."""

from __future__ import annotations

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line


def test_an_o_beside_a_digit_in_the_series_is_read_as_zero() -> None:
    parsed = parse_invoice([Line("FATURA-RECIBO N.º FR ATSIREO1FR/207")])
    assert parsed.fields["invoice_number"] == "FRATSIRE01FR/207"


def test_letters_of_the_series_away_from_digits_stay_letters() -> None:
    parsed = parse_invoice([Line("Fatura-Recibo FR ATSIRE01FR/12")])
    assert parsed.fields["invoice_number"] == "FRATSIRE01FR/12"
