"""Payslips the blind probe of round 9 misread: a body with no legal form over its NIF (a military branch, a
parish social centre), and an IRS regularisation printed as a negative deduction."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def test_a_military_branch_over_its_nipc_is_the_employer() -> None:
    """Round 9: "EXÉRCITO PORTUGUÊS — Direção de Finanças" / "NIPC ..." under the ministry gave no employer."""
    text = """MINISTÉRIO DA DEFESA NACIONAL
MARINHA PORTUGUESA — Superintendência do Material
NIPC 600123456
ABONOS E DESCONTOS   MÊS: 04/2026
NIM 20311876   POSTO: CABO   NOME: TIAGO ANDRÉ MOURA SEQUEIRA
NIF 213456788
REMUNERAÇÃO BASE 1.120,00
SUBSÍDIO DE REFEIÇÃO (20 DIAS) 120,00
CAIXA GERAL APOSENTAÇÕES 11% 123,20
IRS 64,00
TOTAIS 1.240,00 187,20
LÍQUIDO A ABONAR 1.052,80"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_name"] == "Marinha Portuguesa"
    assert fields["employer_nif"] == "600123456"


@pytest.mark.parametrize("status", ["IPSS · ", ""])
def test_a_charity_with_no_legal_form_over_its_nif_is_the_employer(status: str) -> None:
    """Round 9: a centred "Centro Social e Paroquial de São Brás" over "IPSS · Contribuinte n.º ..." gave no
    employer ("social" is also a payslip's row word)."""
    text = f"""Centro Social e Paroquial de Santa Luzia
{status}Contribuinte n.º 503987654 · Tavira
Recibo de remunerações — maio de 2026
Trabalhadora: Rosa Maria Guerreiro Pinto · NIF 176543210
Vencimento base 905,00
Ilíquido 905,00
Segurança Social (11%) 99,55
IRS 22,00
Líquido 783,45"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_name"] == "Centro Social e Paroquial de Santa Luzia"


def test_a_title_or_an_address_over_the_nif_is_no_employer() -> None:
    """The guard: what is printed over the NIF must have a name's shape, not a title's or an address's."""
    text = """Recibo de Vencimento
Contribuinte n.º 503987654
Trabalhadora: Rosa Maria Guerreiro Pinto · NIF 176543210
Vencimento base 905,00
Ilíquido 905,00
Segurança Social (11%) 99,55
IRS 22,00
Líquido 783,45"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_name"] is None
    _, fields, _ = read_text(
        text.replace("Recibo de Vencimento", "Rua Direita do Castelo"), document_type="PROOF_OF_INCOME", today=TODAY
    )
    assert fields["employer_name"] is None


def test_an_irs_regularisation_printed_negative_is_taken_off_the_withholding() -> None:
    """Round 9: "IRS do mês 31,00" / "Regularização IRS (agosto, retido a mais) -18,00" gave 49,00; the
    deductions' total (120,80) holds only with 13,00."""
    text = """Recibo de remunerações
Mês de setembro de 2026
Entidade: Adega do Douro Superior, Lda.
N.I.P.C.: 505182343
Trabalhador: Wellington José Cabral Monteiro
N.I.F.: 288031261
Vencimento base 980,00
Subsídio de refeição 114,40
Total 1.094,40
Descontos
Segurança Social 107,80
IRS do mês 31,00
Regularização IRS (agosto, retido a mais) -18,00
Total 120,80
Líquido 973,60"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert str(fields["irs_withholding"]) == "13.00"
    assert (str(fields["social_security"]), str(fields["net_pay"])) == ("107.80", "973.60")
    assert "arithmetic_mismatch" not in warnings


def test_deductions_all_printed_negative_are_still_deductions() -> None:
    """The other side: a slip printing every deduction with a minus gives them as amounts withheld."""
    text = """Recibo de remunerações
Mês de setembro de 2026
Entidade: Adega do Douro Superior, Lda.
N.I.P.C.: 505182343
Trabalhador: Wellington José Cabral Monteiro
N.I.F.: 288031261
Vencimento base 980,00
Total ilíquido 980,00
Segurança Social -107,80
IRS -31,00
Total descontos 138,80
Líquido 841,20"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (str(fields["social_security"]), str(fields["irs_withholding"])) == ("107.80", "31.00")
