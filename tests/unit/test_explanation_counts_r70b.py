"""The applicant's explanation asks for a count of months in words that agree with it (blind probe r70b: "Com
faturas-recibo de mais um meses diferentes")."""

from __future__ import annotations

from typing import Any

from screening.explanation import EN, PT, applicant_explanation
from tests.unit.test_explanation import agency, form_for, person, screened
from tests.unit.test_rules import NIF


def invoice(issued: str, base: float) -> dict[str, Any]:
    fields = {"issuer_nif": NIF, "issue_date": issued, "base_amount": base, "amount_received": base,
              "invoice_number": f"FR A/{issued}"}  # fmt: skip
    return {"document_id": f"fr-{issued}", "status": "EXTRACTED", "kind": "FATURA_RECIBO", "fields": fields,
            "warnings": []}  # fmt: skip


def test_more_fatura_recibo_months_agree_with_their_number() -> None:
    assert PT.more_invoice_months(1) == "faturas-recibo de mais um mês"
    assert PT.more_invoice_months(2) == "faturas-recibo de mais dois meses diferentes"
    assert PT.more_invoice_months(4) == "faturas-recibo de mais 4 meses diferentes"
    assert EN.more_invoice_months(1) == "invoice-receipts (faturas-recibo) for one more month"
    # Guard: the payslips' words as before.
    assert PT.more_payslips(1) == "mais um recibo de vencimento de outro mês (dos últimos 6 meses)"
    assert PT.more_payslips(2) == "mais dois recibos de vencimento de meses diferentes (dos últimos 6 meses)"


def test_an_applicant_one_month_short_is_asked_for_one_more_month_in_the_singular() -> None:
    form = form_for(agency())
    # Screened on 2026-11-23: June to October, 5 x 2500 over five months; 700 / 2500 within limits but partial.
    maria = person(form, income=None, extra=tuple(invoice(f"2026-{m:02d}-20", 2500.0) for m in range(6, 11)))
    _, report = screened(form, maria)
    explanation = applicant_explanation(applicant=maria.applicant, report=report)

    assert report.risk_level == "MEDIUM"
    sentence = explanation["what_would_change"][0]
    assert sentence.startswith("Com faturas-recibo de mais um mês, ")
    assert "um meses" not in sentence
