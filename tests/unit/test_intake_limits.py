"""The intake's document limit against the largest set the intake itself asks for (cases probe 15)."""

from __future__ import annotations

from django.conf import settings

from screening.rules.income import INVOICE_WINDOW_MONTHS, REQUIRED_PAYSLIP_MONTHS
from screening.rules.profiles import MIXED, documents_for_profile

# A Cartão de Cidadão is two uploads, front and back.
ID_SIDES = 2


def test_a_mixed_profile_can_send_every_document_the_intake_lists_in_one_submission() -> None:
    """Payslips of the required months, a fatura-recibo for each month of the window, one of every other document the
    mixed profile is asked for (a pension statement, the start of activity, an IRS document), and the card's two
    sides. A limit of 10 refused the probe's 3 payslips + 6 faturas-recibo + 2 sides."""
    kinds = {document["kind"] for document in documents_for_profile(MIXED)}
    others = kinds - {"RECIBO_VENCIMENTO", "FATURA_RECIBO", "DECLARACAO_IRS", "NOTA_LIQUIDACAO"}
    largest = REQUIRED_PAYSLIP_MONTHS + INVOICE_WINDOW_MONTHS + len(others) + 1 + ID_SIDES
    assert largest <= settings.INTAKE_MAX_DOCUMENTS, largest
