"""The IRS documents blind probe r56b found misread: a Modelo 3 with Anexos A and B gave Anexo B's withholdings for the
return's, its summary's "Total de retenções" unread. The texts are shaped as the reader hands them over, with names
and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tests.helpers import read_text

TAXPAYER_NIF = "231456789"


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 6))


def return_with_two_annexes(summary: str) -> str:
    """A Modelo 3 of one taxpayer, Anexo A's table (withholdings 1.140,00) and Anexo B's (2.905,00), then a summary."""
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
IRS — DECLARAÇÃO MODELO 3 · Comprovativo de entrega
Quadro 2 Ano dos rendimentos: 2025
Quadro 3 Sujeito passivo A NIF: {TAXPAYER_NIF} Nome: Rodrigo Tomás Vasconcelos Brito
ANEXO A — Trabalho dependente
NIF entidade pagadora Código Titular Rendimentos Retenções Contribuições
509111220 401 A 12.300,00 1.140,00 1.353,00
Soma 12.300,00 1.140,00 1.353,00
ANEXO B — Categoria B, regime simplificado
Quadro 4A · 403 Prestações de serviços ........................ 11.620,00
Quadro 10 · Retenções na fonte ................................ 2.905,00
{summary}"""


def test_a_returns_withholdings_are_the_total_its_summary_prints() -> None:
    _, fields, _ = read(
        return_with_two_annexes("RESUMO\nTotal de rendimentos brutos: 23.920,00 Total de retenções: 4.045,00")
    )
    assert fields["withholdings"] == Decimal("4045.00")
    assert fields["gross_income"] == Decimal("23920.00")


def test_the_summarys_total_on_a_line_of_its_own_is_the_returns() -> None:
    _, fields, _ = read(
        return_with_two_annexes(
            "Resumo\nTotal de rendimentos brutos declarados 23.920,00\nTotal de retenções na fonte 4.045,00"
        )
    )
    assert fields["withholdings"] == Decimal("4045.00")


def test_a_summary_printing_no_withholdings_leaves_the_annexes_sum() -> None:
    """No total printed: Anexo A's column and Anexo B's withholdings together, the summary's gross no annex's."""
    _, fields, _ = read(return_with_two_annexes("RESUMO\nTotal de rendimentos brutos: 23.920,00"))
    assert fields["withholdings"] == Decimal("4045.00")
