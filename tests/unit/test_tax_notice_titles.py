"""The AT's tax assessment notice, by each title it is issued under (blind probe, round 6: "DEMONSTRAÇÃO DA
LIQUIDAÇÃO DE IRS" was refused as "Documento não reconhecido")."""

from __future__ import annotations

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.schema import DocumentKind

BODY = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
IRS 2025
{title}
Sujeito passivo A
Rendimento bruto - categoria A 24.850,00
Coleta líquida 3.074,23
Valor a reembolsar 536,77"""


@pytest.mark.parametrize(
    "title", ["NOTA DE LIQUIDAÇÃO", "DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS", "DEMONSTRAÇÃO DA LIQUIDAÇÃO DE IRS"]
)
def test_a_tax_notice_is_known_by_each_of_its_titles(title: str) -> None:
    assert classify(BODY.format(title=title)) == DocumentKind.NOTA_LIQUIDACAO
