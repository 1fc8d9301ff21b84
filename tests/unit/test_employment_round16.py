"""Employer's declarations the blind probe of round 16 misread: a bare 'DECLARAÇÃO' whose facts are a two-column
'Campo | Dado' table (a 'Nome' row, the contract's rows, the gross and the net) was refused, while the same facts in
one sentence were read. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


TABLE = """Clínica Dentária Ribeirinha, S.A.
Contribuinte 561576823 · Sede: Barreiro
DECLARAÇÃO
Declaramos, a pedido do interessado, que os dados abaixo correspondem à verdade:
Campo Dado
Nome Tomás Henrique Varela Quaresma
NIF 279434545
Função Assistente dentário
Tipo de contrato Sem termo (efetivo)
Data de admissão 2021-03-15
Vencimento mensal bruto 1.180,00 €
Vencimento mensal líquido (média) 962,40 €
Data 2026-11-20"""


def test_a_declarations_campo_dado_table_is_an_employers_declaration() -> None:
    kind, fields, _ = read(TABLE)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employee_name"] == "Tomás Henrique Varela Quaresma"
    assert fields["employee_nif"] == "279434545"
    assert fields["contract_type"] == "PERMANENT"
    assert fields["start_date"] == dt.date(2021, 3, 15)
    assert fields["monthly_gross_salary"] == Decimal("1180.00")
    assert fields["monthly_net_salary"] == Decimal("962.40")


def test_guard_a_payslip_with_a_name_row_and_an_admission_date_stays_a_payslip() -> None:
    """The guard: a payslip's 'Nome' row, 'Data de admissão' and its receipt line ('declaro que recebi') do not
    make it a declaration."""
    text = """Clínica Dentária Ribeirinha, S.A. · NIPC 561576823
Recibo de vencimento — outubro 2026
Nome Tomás Henrique Varela Quaresma NIF 279434545
Data de admissão 2021-03-15
Vencimento base 1.180,00
Total ilíquido 1.180,00
Segurança Social 129,80
IRS 87,80
Líquido a receber 962,40
Declaro que recebi a quantia acima."""
    kind, _, _ = read(text)
    assert kind == DocumentKind.RECIBO_VENCIMENTO
