"""Blind probe r78a, finding 2: a payslip's payment date said by the transfer that paid it, as payroll programs and
public bodies print it (a sentence: "Pago por transferência em", "Abonado por transferência bancária em"; a caption:
"Transferência:"), and an image-only PDF's date whose month OCR split in two ("27/1 1/2026"). Wordings of our own,
other than the tester's; the payroll's run ("Data de processamento") is still no payment. docs/adr/044."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.parsers.common import Parsed
from documents.extraction.parsers.payslip import payslip_payment_date
from documents.extraction.reader import Line
from tests.unit.test_payslip_paydates_r71a import assert_other_fields_as_before, slip_fields


@pytest.mark.parametrize(
    "paid",
    [
        "Pago por transferência bancária em 26/11/2026",
        "Abonado por depósito na conta em 26-11-2026.",
        "Transferido para a conta em 26.11.2026",
        "Creditado na sua conta bancária a 26/11/2026",
        "Depositado no dia 26 de novembro de 2026",
        "Liquidado via transferência em 26/11/2026",
        "Transferência bancária: 26/11/2026",
        "Transferência 26/11/2026",
        "Data do crédito: 26/11/2026",
        "Data de depósito 26/11/2026",
        "Data-valor: 26/11/2026",
        "Forma de pagamento: transferência em 26/11/2026",
    ],
)
def test_a_payment_said_by_its_transfer_is_the_payment_date(paid: str) -> None:
    fields = slip_fields("Período: 11/2026", paid)
    assert fields["payment_date"] == dt.date(2026, 11, 26)
    assert_other_fields_as_before(fields)


@pytest.mark.parametrize(
    "printed",
    ["Data de processamento: 05/11/2026", "Ordem de transferência 05/11/2026", "Subsídio abonado em 12 duodécimos"],
)
def test_guard_a_payrolls_run_or_a_transfers_order_is_no_payment_date(printed: str) -> None:
    assert slip_fields("Período: 11/2026", printed)["payment_date"] is None


@pytest.mark.parametrize("printed", ["Data de pagamento: 26/1 1/2026", "Pago em 2 6/11/2026"])
def test_a_date_whose_figures_ocr_set_apart_is_read_whole(printed: str) -> None:
    parsed = Parsed()
    payslip_payment_date([Line(printed, 0.95)], parsed)
    assert parsed.fields["payment_date"] == dt.date(2026, 11, 26)
