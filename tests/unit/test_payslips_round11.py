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
