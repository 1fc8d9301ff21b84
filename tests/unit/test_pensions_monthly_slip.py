"""A month's pension slip (a CNP "movimento mensal", a CGA "nota de abono") prints no date of issue: it dates
itself by its payment or by the month it was processed for. Read without a date, the rules took it for a
statement of unknown age and left the pensioner's income out (the blind cases probe of round 8: every
pensioner bringing the slip of the month, tenant or fiador, came out HIGH). The texts are shaped as the reader
hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.schema import DocumentKind
from screening.rules.income import pension_recent
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)

CNP_SLIP = """INSTITUTO DA SEGURANÇA SOCIAL, I.P.
Centro Nacional de Pensões
DECLARAÇÃO DE PENSÃO - MOVIMENTO MENSAL
Mês de processamento: Outubro de 2026
Pensionista: Joaquim Alberto Serôdio
NIF: 245718931 NISS: 12093847561
Tipo de pensão: Invalidez
Pagamentos anuais: 14
Descrição Valor (EUR)
Pensão ilíquida 940,00
Retenção na fonte IRS -21,00
Valor líquido a receber 919,00
Data de pagamento: 09/10/2026 Transferência bancária
"""

CGA_SLIP = """CAIXA GERAL DE APOSENTAÇÕES, I.P.
NOTA DE ABONO DE PENSÃO
Mês de processamento: Setembro de 2026
Pensionista: Leonor Brás Figueiredo
NIF: 123456789 N.º de subscritor: 0398112
Tipo de pensão: Aposentação
Descrição Valor (EUR)
Pensão ilíquida 1.640,00
Retenção na fonte IRS -188,00
ADSE (3,5%) -57,40
Valor líquido a receber 1.394,60
"""


def test_the_payment_date_dates_a_monthly_slip_and_the_rules_count_it() -> None:
    kind, fields, _ = read_text(CNP_SLIP, document_type="PROOF_OF_INCOME", today=TODAY)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["issue_date"] == dt.date(2026, 10, 9)
    assert fields["net_monthly_amount"] == Decimal("919.00")
    document = {"document_id": "d1", "fields": {"issue_date": fields["issue_date"].isoformat()}, "warnings": []}
    assert pension_recent(document, today=TODAY)["passed"]


def test_without_a_payment_date_the_processing_month_dates_the_slip() -> None:
    _, fields, _ = read_text(CGA_SLIP, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["issuer"] == "CGA"
    assert fields["issue_date"] == dt.date(2026, 9, 1)
    assert fields["net_monthly_amount"] == Decimal("1394.60")


def test_guard_a_slip_of_two_years_ago_is_still_too_old() -> None:
    old = CNP_SLIP.replace("Outubro de 2026", "Outubro de 2024").replace("09/10/2026", "09/10/2024")
    _, fields, _ = read_text(old, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["issue_date"] == dt.date(2024, 10, 9)
    document = {"document_id": "d1", "fields": {"issue_date": fields["issue_date"].isoformat()}, "warnings": []}
    assert not pension_recent(document, today=TODAY)["passed"]
