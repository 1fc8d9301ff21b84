"""A NISS (the 11-digit Segurança Social number) spaced out in groups is no NIF, even when its first nine digits
pass the NIF's check digit; a NIF spaced out in threes beside it is still read (noticed after the blind probe of
round 20). The texts are shaped as the reader hands them over."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)

SLIP = """RECIBO DE VENCIMENTO Novembro 2026
Carpintaria Vale do Sousa, Lda. NIF 508 231 477
Funcionário: Rui Manuel Teixeira Lobo {employee_nif}
NISS: {niss}
Vencimento Base 1.350,00
Subsídio de Alimentação 132,00
Total Ilíquido 1.482,00
Segurança Social 148,50
IRS 96,00
Total Descontos 244,50
Líquido a Receber 1.237,50
"""


@pytest.mark.parametrize("niss", ["123 456 789 01", "11 234 567 899"])
def test_a_spaced_niss_is_no_employee_nif(niss: str) -> None:
    # 123456789 and 234567899 pass the NIF's check digit: only the NISS's length tells them apart.
    _, fields, _ = read_text(SLIP.format(employee_nif="", niss=niss), document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields.get("employee_nif") is None
    assert fields["employer_nif"] == "508231477"
    assert fields["net_pay"] == Decimal("1237.50")


def test_a_nif_spaced_in_threes_beside_a_spaced_niss_is_read() -> None:
    text = SLIP.format(employee_nif="NIF 245 718 931", niss="123 456 789 01")
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employee_nif"] == "245718931"
