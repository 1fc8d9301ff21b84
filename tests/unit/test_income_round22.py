"""Income documents the blind probe of round 22 refused or misread: the AT's "Comprovativo de rendimentos" of a year
(refused; read now as the IRS return's income it states), a certidão whose holder's name opens the line after "o
contribuinte" (not read, no warning), and the Segurança Social's award of the Prestação Social para a Inclusão, a
lasting benefit paid monthly (refused; read now as a pension-like statement). An unemployment benefit, temporary,
stays refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


AT_INCOME_STATEMENT = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
Portal das Finanças
COMPROVATIVO DE RENDIMENTOS - ANO 2025
Nome: Rosa Maria Teixeira Lobo
NIF: 245718931
Ano dos rendimentos: 2025
Rendimentos declarados pelas entidades pagadoras
NIF Entidade Categoria Rendimento Bruto Retenção IRS Contribuições SS
{rows}
Documento emitido em 14-02-2026. Código de validação: QW12-ER34-TY56"""


def test_the_ats_statement_of_a_years_income_is_read_as_the_returns_income() -> None:
    """Round 22: the AT's "Comprovativo de rendimentos — ano 2025" was refused as no proof of income."""
    rows = (
        "503829170 A 14.200,00 1.310,00 1.562,00\n508392018 A 3.050,50 120,00 335,56\nTotal 17.250,50 1.430,00 1.897,56"
    )
    kind, fields, _ = read(AT_INCOME_STATEMENT.format(rows=rows))
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["taxpayer_name"] == "Rosa Maria Teixeira Lobo"
    assert fields["taxpayer_nif"] == "245718931"
    assert fields["year"] == 2025
    assert Decimal(fields["gross_income"]) == Decimal("17250.50")
    assert Decimal(fields["withholdings"]) == Decimal("1430.00")


def test_a_category_column_gives_each_payers_category_and_their_sum_the_gross() -> None:
    """Round 22: a payer of employment (A) and one of a pension (H) on one table are each category's income."""
    rows = "503829170 A 9.800,00 700,00 1.078,00\n600084779 H 6.300,00 410,00 0,00\nTotal 16.100,00 1.110,00 1.078,00"
    kind, fields, _ = read(AT_INCOME_STATEMENT.format(rows=rows))
    assert kind == DocumentKind.DECLARACAO_IRS
    assert Decimal(fields["employment_income"]) == Decimal("9800.00")
    assert Decimal(fields["pension_income"]) == Decimal("6300.00")
    assert Decimal(fields["gross_income"]) == Decimal("16100.00")


def test_an_employers_comprovativo_without_the_ats_name_is_not_taken_for_a_return() -> None:
    """Guard (passes before and after): the title alone, from an employer, is not the AT's yearly statement (a
    month's figure would be divided by twelve as a year's)."""
    text = """Metalúrgica do Ave, Lda.
COMPROVATIVO DE RENDIMENTOS
Declara-se que Rosa Maria Teixeira Lobo recebeu em março de 2026 o montante de 1.240,00 €."""
    kind, _, _ = read(text)
    assert kind != DocumentKind.DECLARACAO_IRS


CERTIDAO = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO
{opening}
Sérgio Miguel Antunes Valente,
NIF 245718931, tem a sua situação tributária regularizada,
não sendo devedor perante a Fazenda Pública de quaisquer impostos.
Emitida em 2026-11-20
Código de validação: ZX98-CV76-BN54"""


@pytest.mark.parametrize(
    "opening",
    [
        "Certifica-se, para os devidos efeitos, que o contribuinte",
        "Certifica-se, para os devidos efeitos, que",
        # A scan's misread of the verb ("Ceriifica-se"): the role alone ends the line.
        "Ceriifica-se, para os devidos efeitos, que o contribuinte",
    ],
)
def test_the_holders_name_opening_the_line_after_the_role_is_read(opening: str) -> None:
    """Round 22: the name on its own line after "... que o contribuinte" was not read, and nothing said so."""
    kind, fields, _ = read(CERTIDAO.format(opening=opening))
    assert kind == DocumentKind.CERTIDAO_AT
    assert fields["holder_name"] == "Sérgio Miguel Antunes Valente"
    assert fields["holder_nif"] == "245718931"


def test_a_certificate_without_its_holders_name_says_so() -> None:
    """Round 22: a certidão whose holder's name was not read gave no warning."""
    text = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO
Certifica-se que o sujeito passivo com o
NIF 245718931 tem a sua situação tributária regularizada.
Emitida em 2026-11-20
Código de validação: ZX98-CV76-BN54"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.CERTIDAO_AT
    assert fields["holder_name"] is None
    assert "missing:holder_name" in warnings


PSI = """Instituto da Segurança Social, I.P.
PRESTAÇÃO SOCIAL PARA A INCLUSÃO - COMUNICAÇÃO DE DEFERIMENTO
Requerente: Joana Filipa Couto Barreiros
NIF: 245718931 NISS: 12093184756
Comunicamos que lhe foi atribuída a Prestação Social para a Inclusão, com efeitos a partir de março de 2026.
Valor mensal da prestação: 298,10 €
Esta prestação é paga 12 vezes por ano.
Porto, 18 de março de 2026"""


def test_the_inclusion_benefit_is_read_as_a_lasting_monthly_benefit() -> None:
    """Round 22: the award of the Prestação Social para a Inclusão (paid monthly, lasting) was refused."""
    kind, fields, _ = read(PSI)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Joana Filipa Couto Barreiros"
    assert fields["pensioner_nif"] == "245718931"
    assert Decimal(fields["gross_monthly_amount"]) == Decimal("298.10")
    assert fields["payments_per_year"] == 12
    assert fields["issuer"] == "SEGURANCA_SOCIAL"


def test_an_unemployment_benefit_stays_unrecognised() -> None:
    """Guard (passes before and after): a temporary benefit is not read as a pension."""
    text = """SEGURANÇA SOCIAL
Assunto: Deferimento do requerimento de Subsídio de Desemprego
Beneficiário: Joana Filipa Couto Barreiros NISS: 12093184756 NIF: 245718931
Período de concessão: 540 dias
Montante mensal: 873,60 €
Lisboa, 12 de fevereiro de 2026"""
    kind, _, _ = read(text)
    assert kind == DocumentKind.UNKNOWN
