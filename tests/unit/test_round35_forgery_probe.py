"""What blind probe c21 (forged, altered and borrowed documents, end to end) found wrong: a fatura-recibo number
whose series names its year ("FR ATSIRE01FR/2026/12") read without its sequence, so an honest worker's six
invoices were one number "used six times" (HIGH, MORE_INFO proposed); and a payslip of a month still to come,
whose period the extraction withheld, raised no signal (ADR 018 promises HIGH) and told the applicant it was
older than six months."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.schema import PERIOD_IN_FUTURE
from documents.extraction.validation import payslip_revalidate
from screening.explanation import applicant_explanation
from screening.rules.authenticity import content_signals
from screening.rules.income import payslip_recent
from tests.helpers import read_text
from tests.unit.test_explanation import LEAD_NAME, agency, form_for, person, screened
from tests.unit.test_invoice_round29 import fatura
from tests.unit.test_rules import payslip
from tests.unit.test_rules_authenticity import codes, invoice
from tests.unit.test_rules_authenticity import payslip as content_payslip

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("number_line", "expected"),
    [
        ("FATURA-RECIBO N.º FR ATSIRE01FR/2026/12", "FRATSIRE01FR/2026/12"),
        ("Fatura-Recibo n.º ATSIRE01FR/2026/7", "FRATSIRE01FR/2026/7"),
        # The readings before stay as they were: the sequence alone, and a year that is the sequence's own series.
        ("Fatura-Recibo n.º FR ATSIRE01FR/23", "FRATSIRE01FR/23"),
        ("Fatura-recibo FR 2026/15", "FR2026/15"),
    ],
)
def test_a_series_naming_its_year_keeps_the_sequence_after_it(number_line: str, expected: str) -> None:
    _, fields, _ = read_text(fatura(number_line), document_type="PROOF_OF_INCOME", today=TODAY)
    assert "".join(fields["invoice_number"].split()) == expected


def test_a_year_series_numbers_are_a_sequence_not_one_number_reused() -> None:
    in_order = [
        invoice(f"i{sequence}", f"FR ATSIRE01FR/2026/{sequence}", f"2026-{month:02d}-28")
        for sequence, month in ((12, 7), (13, 8), (14, 9))
    ]
    assert content_signals(in_order, today=TODAY) == {}
    backwards = [
        invoice("a", "FR ATSIRE01FR/2026/14", "2026-07-28"),
        invoice("b", "FR ATSIRE01FR/2026/9", "2026-08-28"),
    ]
    assert codes(content_signals(backwards, today=TODAY), "b") == ["INVOICE_NUMBER_OUT_OF_ORDER"]


PAYSLIP = """Oficinas Ribeiro, Lda.
NIF 503504564
RECIBO DE VENCIMENTO
Período: {period}
Nome: Rui Manuel Antunes
NIF: 245718931
Vencimento base 1.200,00
Segurança Social 132,00
IRS 96,00
Total ilíquido 1.200,00
Líquido a receber 972,00"""


def test_a_month_still_to_come_is_withheld_and_said_to_be_in_the_future() -> None:
    _, fields, warnings = read_text(PAYSLIP.format(period="01/2027"), document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["period"] is None
    assert "period_implausible" in warnings and PERIOD_IN_FUTURE in warnings
    # A month no calendar has is withheld too, but says nothing of the future; nor does this month's slip.
    misread = payslip_revalidate({"period": "2026-13"}, total_deductions=None, today=TODAY)
    assert misread == ["period_implausible"]
    _, current, now = read_text(PAYSLIP.format(period="12/2026"), document_type="PROOF_OF_INCOME", today=TODAY)
    assert current["period"] == "2026-12" and PERIOD_IN_FUTURE not in now


def test_a_withheld_future_month_is_a_high_authenticity_signal() -> None:
    document: dict[str, Any] = content_payslip("f", None)
    document["warnings"] = ["period_implausible", PERIOD_IN_FUTURE]
    found = content_signals([document], today=TODAY)
    assert codes(found, "f") == ["PERIOD_IN_FUTURE"] and found["f"][0]["severity"] == "HIGH"
    document["warnings"] = ["period_implausible"]
    assert content_signals([document], today=TODAY) == {}


def test_an_undated_payslip_is_not_said_to_be_older_than_six_months() -> None:
    undated = payslip("2026-10", employee_name=LEAD_NAME, net_pay="2000.00")
    undated["document_id"], undated["fields"]["period"] = "p-undated", None
    assert "sem o mês lido" in payslip_recent(undated, today=TODAY)["evidence"]
    form = form_for(agency())
    maria = person(form, extra=(undated,))
    _, report = screened(form, maria)
    text = applicant_explanation(applicant=maria.applicant, report=report)["checks"][1]["text"]
    assert "um recibo de vencimento cujo mês não foi possível ler" in text and "mais de 6 meses" not in text
    english = applicant_explanation(applicant=maria.applicant, report=report, language="en")["checks"][1]["text"]
    assert "a payslip whose month could not be read" in english


def test_an_old_payslip_is_still_said_to_be_older() -> None:
    old = payslip("2025-01", employee_name=LEAD_NAME, net_pay="2000.00")
    form = form_for(agency())
    maria = person(form, extra=(old,))
    _, report = screened(form, maria)
    text = applicant_explanation(applicant=maria.applicant, report=report)["checks"][1]["text"]
    assert "um recibo de vencimento com mais de 6 meses" in text


def test_the_proposed_request_names_the_documents_to_send_again() -> None:
    """Probe c21: the proposal's note named no document, and the applicant would send everything again."""
    from screening.rules.authenticity import NOTE_MAX_LENGTH, proposed_request

    def raising(document_id: str, **section: Any) -> dict[str, Any]:
        return {"document_id": document_id, "raises": True, "document_type": "PROOF_OF_INCOME", **section}

    proposal = proposed_request(
        [raising("a", description="o recibo de vencimento de 10/2026"), {"document_id": "b", "raises": False}],
        applicant_id="lead",
    )
    assert proposal is not None
    [asked] = proposal["requested_documents"]
    assert asked["note"].startswith("Pedimos o original do recibo de vencimento de 10/2026, tal como foi emitido")
    many = proposed_request(
        [raising(str(month), description=f"o recibo de vencimento de {month:02d}/2026") for month in range(1, 12)],
        applicant_id="lead",
    )
    assert many is not None
    [several] = many["requested_documents"]
    assert several["note"].startswith("Pedimos os originais do recibo de vencimento de 01/2026, do recibo")
    assert "e de mais" in several["note"] and len(several["note"]) <= NOTE_MAX_LENGTH


def test_a_documents_description_says_which_one() -> None:
    from screening.rules.authenticity import described

    slip = content_payslip("s", "2026-10")
    assert described(slip) == "o recibo de vencimento de 10/2026"
    assert described(invoice("i", "FR A/3", "2026-10-28")) == "a fatura-recibo de 28/10/2026"
    assert described({"document_id": "c", "document_type": "ID_DOCUMENT", "kind": "CARTAO_CIDADAO"}) == (
        "o documento de identificação"
    )
