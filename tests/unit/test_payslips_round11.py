"""Payslips the blind probe of round 11 misread: NIFs grouped with dots or after a "PT" prefix, and header
fields parted by em dashes."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(("employer", "employee"), [("VAT PT 500.829.136", "Contrib. PT 214.983.056"),
                                                     ("NIF 500.829.136", "Contribuinte 214 983 056")])  # fmt: skip
def test_nifs_grouped_with_dots_or_after_pt_are_read(employer: str, employee: str) -> None:
    """Round 11: "VAT PT 500.829.136" and "Contrib. PT 214.983.056" gave no NIF at all."""
    text = f"""Vidreira do Lis, S.A.
{employer} · Marinha Grande
Trabalhador Sebastião Rúben Tavares Gaspar
{employee}
Vencimento de Novembro/2026
Vencimento base 1.115,00
Total ilíquido 1.115,00
TSU trabalhador 11% 122,65
Retenção IRS 61,00
Líquido pago 931,35"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["employer_nif"], fields["employee_nif"]) == ("500829136", "214983056")


def test_an_amount_grouped_with_dots_is_no_nif() -> None:
    """The guard: "500.829.136,00" is an amount, not a NIF followed by cents."""
    text = """Vidreira do Lis, S.A. NIF 509912745
Trabalhador: Sebastião Rúben Tavares Gaspar NIF 214983056
Vencimento de Novembro/2026
Capital social 500.829.136,00
Vencimento base 1.115,00
Total ilíquido 1.115,00
Segurança Social 122,65
IRS 61,00
Líquido 931,35"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_nif"] == "509912745"


def test_header_fields_parted_by_em_dashes() -> None:
    """Round 11: "Colaborador 0217 — <name> — Motorista de pesados — Contribuinte <NIF>" gave no name."""
    text = """Transportes do Tâmega, Lda.
NIF 509912745
RECIBO DE SALÁRIO  Ref.ª: 2026 / 10
Colaborador 0217 — Ionuț Alexandru Popescu — Motorista de pesados — Contribuinte 214983056
Remuneração base 1.020,00
Total ilíquido 1.020,00
Segurança Social 112,20
IRS 96,00
Líquido 811,80"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employee_name"] == "Ionuț Alexandru Popescu"


def test_an_english_employer_caption_is_no_part_of_its_name() -> None:
    """Round 11: "Employer: <company>, Unipessoal Lda. (NIF ...)" kept "Employer:" in the employer's name."""
    text = """Employer: Atlantic Shared Services Portugal, Unipessoal Lda. (NIF 509912745)
PAYSLIP — PORTUGAL   Pay period: 01 Sep 2026 – 30 Sep 2026
Employee: OKONKWO, Chidi Emmanuel
Tax ID (NIF) 214983056
Base salary 1,750.00
Gross pay 1,750.00
Social Security (11%) 192.50
Income tax withholding (IRS) 210.00
Net pay 1,347.50"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_name"] == "Atlantic Shared Services Portugal, Unipessoal Lda."


LEFTOVER = """{letterhead}
Recibo de vencimento
Entidade NIF
508231417
{employee_caption}
{employee}
NIF
215839404
{period}
Vencimento base 1.240,00
Subsídio de refeição 22 dias 132,00
Total ilíquido 1.372,00
Segurança Social -136,40
Retenção IRS -98,00
Líquido 1.137,60"""


@pytest.mark.parametrize("period", ["Mês\n07\nAno\n2026", "Ano\n2026\nMês\n07", "Mês Ano\n07 2026"])
def test_month_and_year_printed_under_captions_of_their_own(period: str) -> None:
    """Round 11: a grid "Mês" / "05" / "Ano" / "2026" gave no period."""
    text = LEFTOVER.format(letterhead="Padaria Flor do Vouga, Lda.", employee_caption="Funcionário",
                           employee="Gustavo Henrique Pires Lameiras", period=period)  # fmt: skip
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["period"] == "2026-07"


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Employee: LAMEIRAS, Gustavo Henrique", "Gustavo Henrique Lameiras"),
        ("Trabalhador: PIRES DA COSTA, Ana Rita", "Ana Rita Pires da Costa"),
        ("Trabalhador: Gustavo Henrique Lameiras", "Gustavo Henrique Lameiras"),
    ],
)
def test_a_name_printed_surname_comma_given_names_is_turned_round(printed: str, expected: str) -> None:
    """Round 11: "Employee: OKONKWO, Chidi Emmanuel" was read surname first."""
    text = f"""Padaria Flor do Vouga, Lda. · NIF 508231417
{printed}
NIF 215839404
Vencimento de julho 2026
Vencimento base 1.240,00
Total ilíquido 1.240,00
Segurança Social -136,40
Retenção IRS -98,00
Líquido 1.005,60"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employee_name"] == expected


def test_an_autonomous_regions_department_is_the_employer() -> None:
    """Round 11: "Região Autónoma dos Açores — Secretaria Regional da Educação · NIF ..." gave no employer."""
    text = """GOVERNO DOS AÇORES
Região Autónoma dos Açores — Secretaria Regional da Saúde · NIF 672034182
ABONOS E DESCONTOS — MAIO/2026
Nome Gustavo Henrique Pires Lameiras
NIF 215839404 · Técnico superior
Remuneração base 1.632,82
Subsídio de refeição 120,00
CGA — Quota 179,61
ADSE 3,5% 57,15
IRS 190,00
Líquido 1.326,06"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_name"] == "Região Autónoma dos Açores — Secretaria Regional da Saúde"
