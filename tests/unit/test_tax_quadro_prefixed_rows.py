"""A return printed as a list opens each row with its quadro: "Quadro 4A - 403 Prestações de serviços ...
31.200,00" / "Quadro 4A - Total 31.200,00". Anexo B's income was left unread (only the withholdings), and the
rules called the return "não utilizável" (the blind cases probe of round 8, a freelancer with Anexo B only). The
texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)

RETURN = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE RENDIMENTOS - IRS - MODELO 3 - ANO 2025
Rosto - Quadro 3 - Sujeitos passivos
Sujeito passivo A: Inês Carvalhal Rebelo NIF 245718931
ANEXO B - Rendimentos da categoria B - Regime simplificado
Quadro 3 - Identificação: NIF do titular 245718931 Código da atividade: 1332
Quadro 4A - 403 Prestações de serviços de atividades do art. 151.º 17.400,00
Quadro 4A - 404 Outras prestações de serviços 2.150,00
Quadro 4A - Total {total}
Quadro 6 - Retenções na fonte
Total de retenções na fonte (categoria B) 4.350,00
Anexos entregues: Rosto, B
"""


def test_rows_opening_with_their_quadro_give_the_annex_b_income() -> None:
    kind, fields, warnings = read_text(RETURN.format(total="19.550,00"), document_type="PROOF_OF_INCOME", today=TODAY)
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["self_employment_income"] == Decimal("19550.00")
    assert fields["gross_income"] == Decimal("19550.00")
    assert fields["withholdings"] == Decimal("4350.00")
    assert "arithmetic_mismatch" not in warnings


def test_a_quadro_total_the_rows_do_not_make_is_flagged_and_not_trusted() -> None:
    _, fields, warnings = read_text(RETURN.format(total="21.550,00"), document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields.get("self_employment_income") is None
    assert "arithmetic_mismatch" in warnings
