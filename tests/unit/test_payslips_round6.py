"""Payslips the blind probe of round 6 misread: a public or charitable employer, which has no legal form to find it
by (its letterhead names it), and a fraction in the quantity column taken into the amount beside it."""

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


def test_a_fraction_in_the_quantity_column_is_no_part_of_the_amount_beside_it() -> None:
    """Blind probe, round 6: "1/12 104,17" read as 12 104,17, a subsidy in twelfths of 24 208,34 € with no warning."""
    text = """RECIBO DE VENCIMENTO   Junho 2026
Empresa: NorteSoft Informática, S.A.  NIF 508192030
Empregado: Sofia Alexandra Rebelo Nunes  NIF 245718931
Ordenado base 30 1.250,00
Duodécimo Subsídio de Férias 1/12 104,17
Duodécimo Subsídio de Natal 1/12 104,17
Total Remunerações 1.458,34
Segurança Social 11% 160,42
Retenção IRS 162,00
Total Líquido 1.135,92"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert str(fields["subsidy_twelfths_amount"]) == "208.34"
    assert (str(fields["gross_pay"]), str(fields["net_pay"])) == ("1458.34", "1135.92")
    assert warnings == []
