"""A public or charitable employer has no legal form to find it by: its letterhead names it (blind probe, round 6:
a Município's, a Direção-Geral's and a Santa Casa's payslips gave no employer)."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

PAYSLIP = """{letterhead}
Divisão de Recursos Humanos
NIPC 506183033 Av. 5 de Outubro, 2560-270 Torres Vedras
RECIBO DE VENCIMENTO
Processamento: outubro de 2026
Trabalhador(a): Joana Filipa Duarte Marques N.º Mecanográfico: 4512
NIF: 247138592 NISS: 12093847561
Código Descrição Quant. Abonos Descontos
0001 Remuneração base 30 1.009,51
0240 Subsídio de refeição 22 132,00
8001 Segurança Social - Trabalhador (11%) 111,05
8201 IRS - Retenção na fonte (taxa 9,7%) 98,00
Totais 1.141,51 209,05
Líquido a receber 932,46"""


@pytest.mark.parametrize(
    ("letterhead", "employer"),
    [
        ("MUNICÍPIO DE TORRES VEDRAS", "Município de Torres Vedras"),
        ("Santa Casa da Misericórdia de Arouca", "Santa Casa da Misericórdia de Arouca"),
        ("DIREÇÃO-GERAL DO TERRITÓRIO", "Direção-geral do Território"),
    ],
)
def test_a_public_employers_payslip_is_headed_by_its_name(letterhead: str, employer: str) -> None:
    kind, fields, _ = read_text(PAYSLIP.format(letterhead=letterhead), document_type="PROOF_OF_INCOME",
                                today=dt.date(2026, 12, 3))  # fmt: skip
    assert kind == DocumentKind.RECIBO_VENCIMENTO
    assert fields["employer_name"] == employer
    assert fields["net_pay"] is not None and str(fields["net_pay"]) == "932.46"
