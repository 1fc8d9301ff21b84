"""A payslip's picture of which neither the worker nor the month was read (blind probe r57a: a photo of a monitor,
the page a third of the frame, read as an employer and a net) is refused, asking for a closer photo, rather than kept
as no one's income of no month."""

from __future__ import annotations

import pytest

from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import PAYSLIP_WHOSE_AND_WHEN_UNREAD, LocalExtractor, nobodys_payslip_of_no_month


def payslip_picture(rows: list[str]) -> bytes:
    """A payslip's rows drawn on a white picture, one a line, as a photo's legible part shows them."""
    from samples.identity import Card

    card = Card(1400, 160 + 70 * len(rows), (255, 255, 255))
    card.text((60, 50), "RECIBO DE VENCIMENTO", size=40, bold=True)
    for index, row in enumerate(rows):
        card.text((60, 140 + 70 * index), row, size=34)
    return card.png()


AMOUNTS = ["Vencimento base 1.240,00", "Segurança Social (11%) 136,40", "Líquido a receber 1.103,60"]


def test_a_picture_naming_no_worker_and_no_month_is_refused_saying_what_to_send() -> None:
    with pytest.raises(ExtractionFailed) as refused:
        LocalExtractor().extract(
            payslip_picture(["Padaria Estrela do Norte, Lda.", *AMOUNTS]), document_type="PROOF_OF_INCOME"
        )
    assert refused.value.reason == PAYSLIP_WHOSE_AND_WHEN_UNREAD


def test_a_picture_with_its_month_is_read() -> None:
    # Guard: a month read makes the payslip a month's, to be attributed or asked about by the screening.
    result = LocalExtractor().extract(
        payslip_picture(["Padaria Estrela do Norte, Lda.", "Período: Outubro de 2026", *AMOUNTS]),
        document_type="PROOF_OF_INCOME",
    )
    assert result.fields["period"] == "2026-10"


def test_the_rule_needs_both_the_worker_and_the_month_unread() -> None:
    assert nobodys_payslip_of_no_month({"net_pay": 900.0}, [])
    assert not nobodys_payslip_of_no_month({"employee_nif": "123456789"}, [])
    assert not nobodys_payslip_of_no_month({"employee_name": "Ana Sousa"}, [])
    assert not nobodys_payslip_of_no_month({"period": "2026-10"}, [])
    # A month printed but withheld (a misread year, a month to come) is no month unread.
    assert not nobodys_payslip_of_no_month({}, ["period_implausible", "period_in_future"])
