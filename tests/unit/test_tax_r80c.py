"""An IRS return's Anexo B printed as captioned rows, then the return's summary repeating its figures (blind probe
r80c, cause 1): the summary's "Total de retenções na fonte" was taken for the total of the income rows, and every
such consistent return was flagged ``arithmetic_mismatch`` and not counted. A summary repeating the rows added them
twice. The summary checks the annex: what it prints of Anexo B's income must be the rows' sum. The texts are shaped
as the reader hands them over, with names, wordings and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 6, 5))


def modelo_3(body: str) -> str:
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
Declaração Modelo 3 de IRS
Rendimentos do ano de 2025
Sujeito passivo A: Joana Marques Teixeira    NIF 219074275
{body}"""


def test_a_summary_total_of_withholdings_is_no_total_of_anexo_b_rows() -> None:
    _, fields, warnings = read(
        modelo_3("""ANEXO B - Rendimentos profissionais (regime simplificado)
Honorários 18 450,00
Retenções na fonte 4 243,50
Síntese da declaração
Rendimentos profissionais (cat. B) 18 450,00
Total das retenções na fonte 4 243,50""")
    )
    assert "arithmetic_mismatch" not in warnings
    assert fields["self_employment_income"] == Decimal("18450.00")
    assert fields["gross_income"] == Decimal("18450.00")
    assert fields["withholdings"] == Decimal("4243.50")


def test_a_summary_repeating_anexo_b_rows_does_not_count_them_twice() -> None:
    _, fields, warnings = read(
        modelo_3("""ANEXO B
Prestações de serviços 20 150,00
Vendas 3 900,00
Retenções na fonte 4 634,50
QUADRO RESUMO
Prestações de serviços 20 150,00
Vendas 3 900,00""")
    )
    assert "arithmetic_mismatch" not in warnings
    assert fields["self_employment_income"] == Decimal("24050.00")


def test_the_simplified_regimes_net_in_the_summary_is_not_the_rows_sum() -> None:
    _, fields, warnings = read(
        modelo_3("""ANEXO B - Categoria B
Prestações de serviços 22 000,00
Retenções na fonte 5 060,00
Resumo
Rendimento ilíquido — Categoria B 22 000,00
Rendimento líquido (coeficiente 0,75) — Categoria B 16 500,00""")
    )
    assert "arithmetic_mismatch" not in warnings
    assert fields["self_employment_income"] == Decimal("22000.00")


def test_a_coded_row_followed_by_its_withholdings_total_is_read() -> None:
    _, fields, warnings = read(
        modelo_3("""ANEXO B - Categoria B
Quadro 4A - Prestações de serviços
403 Prestações de serviços 19 850,00
Total das retenções na fonte 4 565,50""")
    )
    assert "arithmetic_mismatch" not in warnings
    assert fields["self_employment_income"] == Decimal("19850.00")


def test_a_summary_printing_another_anexo_b_income_than_its_rows_is_flagged() -> None:
    _, _, warnings = read(
        modelo_3("""ANEXO B - Rendimentos profissionais
Prestações de serviços 22 000,00
Retenções na fonte 5 060,00
Resumo
Rendimento bruto — Categoria B 26 000,00
Total de retenções na fonte 5 060,00""")
    )
    assert "arithmetic_mismatch" in warnings


def test_anexo_b_rows_that_do_not_make_their_own_total_are_still_flagged() -> None:
    _, fields, warnings = read(
        modelo_3("""ANEXO B
Prestações de serviços 12 000,00
Honorários 3 000,00
Total 15 500,00
Retenções na fonte 3 450,00""")
    )
    assert "arithmetic_mismatch" in warnings
    assert fields.get("self_employment_income") is None
