"""Payslips the blind probe of round 14 misread: an ACE ("Agrupamento Complementar de Empresas") read as the
label "Empresa", a foreign company's "Sucursal em Portugal" dropped or the branch's name missed on its NIF's line,
a name a narrow box wrapped onto a second line, and a name with an elided particle ("d'Oliveira"). The texts are
shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)

ROWS = """Vencimento base 1.100,00
Total ilíquido 1.100,00
Segurança Social 11% 121,00
IRS 64,00
Valor líquido 915,00"""


def read(text: str) -> dict:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)[1]


def test_an_ace_is_a_legal_form_and_empresas_is_no_employer_label() -> None:
    fields = read(f"""Vinhas do Sado — Agrupamento Complementar de Empresas, ACE
NIPC 509312446 · Palmela
Recibo de vencimento · Outubro 2026
Trabalhador: Rui Alexandre Fontes Mesquita · NIF 215839404
{ROWS}""")
    assert fields["employer_name"] == "Vinhas do Sado — Agrupamento Complementar de Empresas, ACE"


@pytest.mark.parametrize(
    "letterhead",
    [
        "Helix Biotech Europe B.V. — Sucursal em Portugal\nNIF 980384710 · Av. D. Carlos I 44, Lisboa",
        "Nordvik Offshore Services AS — Sucursal em Portugal\nNIF / Tax ID 980384710 · Lisboa",
        "RECIBO DE VENCIMENTO\nNordvik Offshore Services AS — Sucursal em Portugal · NIF 980384710 · Sines",
    ],
)
def test_a_foreign_companys_branch_is_named_with_its_branch(letterhead: str) -> None:
    fields = read(f"""{letterhead}
Período: 08/2026
Trabalhador: Rui Alexandre Fontes Mesquita · NIF 215839404
{ROWS}""")
    assert fields["employer_name"].endswith("— Sucursal em Portugal")
    assert fields["employer_nif"] == "980384710"


def test_a_name_wrapped_onto_a_second_line_under_its_caption() -> None:
    fields = read(f"""Hortas do Mira, Lda.
NIPC 509312446 · Odemira
Nome
Dil Kumar
Tamang
NIF
215839404
Mês
Junho 2026
{ROWS}""")
    assert fields["employee_name"] == "Dil Kumar Tamang"


def test_a_name_with_an_elided_particle() -> None:
    fields = read(f"""Padaria Pão Quente, Lda. · NIF 509312446
Recibo de vencimento · Dezembro 2025
Gerente: Joana Filipa d'Oliveira Matias · NIF 215839404
{ROWS}""")
    assert fields["employee_name"].lower() == "joana filipa d'oliveira matias"
