"""Blind probe r81a, F3: a photo's fatura-recibo number "FR ATSIRE01FR/11" read "/1" went "backwards" after the text
PDF's "/10" (MEDIUM ``INVOICE_NUMBER_OUT_OF_ORDER``, its evidence empty). The number is as sure as its own word, not
its line's mean; the numbering rules compare only numbers read surely, each series with itself, and the evidence
names the numbers and dates compared. Numbers, names and dates of our own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from documents.extraction.parsers.invoice import parse_invoice, span_confidence
from documents.extraction.reader import Line
from documents.extraction.schema import json_values
from screening.rules.authenticity import content_signals

TODAY = dt.date(2026, 12, 2)
ISSUER_NIF = "231846509"


def worded(*words: tuple[str, float]) -> Line:
    """An OCR line of ``(word, confidence)`` words, its confidence their mean, as Tesseract's reader gives it."""
    return Line(" ".join(word for word, _ in words), sum(sure for _, sure in words) / len(words), list(words))


def photographed(number: str, issued: str, *, number_sure: float, amount: str = "1.250,00") -> dict[str, Any]:
    """A fatura-recibo read from a photo, as the screening's documents input holds it (``documents_facts``): the
    number's word read at ``number_sure`` on a line whose other words read clearly."""
    day, month, year = issued.split("/")
    lines = [
        worded(("FATURA-RECIBO", 0.96), ("Original", 0.95)),
        worded(("N.º", 0.96), ("FR", 0.95), (number, number_sure), ("Data:", 0.95), (issued, 0.96)),
        Line("Transmitente / Prestador de serviços", 0.95),
        Line("Rui Manuel Sequeira Dias", 0.94),
        Line(f"NIF: {ISSUER_NIF}", 0.95),
        Line(f"Data de emissão: {year}-{month}-{day}", 0.95),
        Line(f"Valor base {amount} €", 0.95),
        Line(f"Importância recebida {amount} €", 0.95),
    ]
    parsed = parse_invoice(lines)
    return {
        "document_id": number,
        "status": "EXTRACTED",
        "kind": "FATURA_RECIBO",
        "fields": json_values(parsed.fields),
        "confidence": parsed.confidence,
        "warnings": parsed.warnings,
        "authenticity": [],
        "reuse": [],
        "parts": [],
    }


def text_pdf(number: str, issued: str, amount: float = 1250.0) -> dict[str, Any]:
    fields = {"issuer_nif": ISSUER_NIF, "invoice_number": number, "issue_date": issued, "base_amount": amount}
    return {"document_id": number, "status": "EXTRACTED", "kind": "FATURA_RECIBO", "fields": fields,
            "confidence": {"invoice_number": 1.0}, "authenticity": [], "reuse": [], "parts": []}  # fmt: skip


def codes(found: dict[str, list[dict[str, Any]]]) -> list[str]:
    return sorted(signal["code"] for signals in found.values() for signal in signals)


def test_a_number_is_as_sure_as_its_own_word() -> None:
    line = worded(("N.º", 0.97), ("FR", 0.96), ("ATSIRE01FR/1", 0.35), ("Original", 0.96))
    assert line.confidence > 0.8
    assert span_confidence(line, (line.text.index("ATSIRE"), len(line.text) - len(" Original"))) == 0.35
    # A line rebuilt by a parser has no words' confidences: its own then.
    assert span_confidence(Line("N.º FR ATSIRE01FR/1", 0.9), (4, 19)) == 0.9


def test_a_photos_number_misread_short_is_not_compared_as_going_backwards() -> None:
    misread = photographed("ATSIRE01FR/1", "19/11/2026", number_sure=0.35)
    assert misread["fields"]["invoice_number"] == "FRATSIRE01FR/1"
    assert misread["confidence"]["invoice_number"] == 0.35
    found = content_signals([text_pdf("FR ATSIRE01FR/9", "2026-09-14"), misread], today=TODAY)
    assert "INVOICE_NUMBER_OUT_OF_ORDER" not in codes(found)


def test_a_misread_number_equal_to_another_invoices_is_not_called_reused() -> None:
    """ "/12" read "/2" on a photo beside the real "/2" of the spring: no HIGH "number used twice"."""
    misread = photographed("ATSIRE01FR/2", "05/10/2026", number_sure=0.41, amount="980,00")
    found = content_signals([text_pdf("FR ATSIRE01FR/2", "2026-03-02"), misread], today=TODAY)
    assert codes(found) == []


def test_a_photos_number_read_surely_is_still_compared() -> None:
    clear = photographed("ATSIRE01FR/3", "19/11/2026", number_sure=0.93)
    found = content_signals([text_pdf("FR ATSIRE01FR/9", "2026-09-14"), clear], today=TODAY)
    assert codes(found) == ["INVOICE_NUMBER_OUT_OF_ORDER"]


def test_the_evidence_names_the_numbers_and_dates_compared() -> None:
    found = content_signals(
        [text_pdf("FR ATSIRE01FR/14", "2026-06-30"), text_pdf("FR ATSIRE01FR/11", "2026-08-03")], today=TODAY
    )
    (signal,) = found["FR ATSIRE01FR/11"]
    assert signal["code"] == "INVOICE_NUMBER_OUT_OF_ORDER"
    assert signal["evidence"] == {
        "earlier_document_id": "FR ATSIRE01FR/14",
        "invoice_number": "FR ATSIRE01FR/11",
        "issue_date": "2026-08-03",
        "earlier_invoice_number": "FR ATSIRE01FR/14",
        "earlier_issue_date": "2026-06-30",
    }
    reused = content_signals(
        [text_pdf("FR ATSIRE01FR/14", "2026-06-30"), text_pdf("FR ATSIRE01FR/14", "2026-08-03", 700.0)], today=TODAY
    )
    evidence = reused["FR ATSIRE01FR/14"][-1]["evidence"]
    assert evidence["earlier_issue_date"] == "2026-06-30" and evidence["issue_date"] == "2026-08-03"


def test_each_series_is_compared_with_itself() -> None:
    """An invoice of another series between two of one series hides neither's order, nor makes one."""
    invoices = [
        text_pdf("FR ATSIRE01FR/8", "2026-05-04"),
        text_pdf("FR ATSIRE02FR/1", "2026-06-10"),
        text_pdf("FR ATSIRE01FR/5", "2026-07-01"),
        text_pdf("FR ATSIRE02FR/2", "2026-08-12"),
    ]
    found = content_signals(invoices, today=TODAY)
    assert list(found) == ["FR ATSIRE01FR/5"]
    assert [signal["code"] for signal in found["FR ATSIRE01FR/5"]] == ["INVOICE_NUMBER_OUT_OF_ORDER"]


def test_a_number_with_no_confidence_given_is_compared_as_before() -> None:
    """Guard (passes either way): another backend's reading, with no confidence for the number."""
    backwards = [text_pdf("FR ATSIRE01FR/9", "2026-06-30"), text_pdf("FR ATSIRE01FR/4", "2026-07-31")]
    for document in backwards:
        document.pop("confidence")
    assert codes(content_signals(backwards, today=TODAY)) == ["INVOICE_NUMBER_OUT_OF_ORDER"]
