"""IRS declarations and notas the blind probe of round 7 misread: an annex list of checkboxes with one left
empty, the rosto's summary of incomes by category code, and a nota's year in its title, name after the NIF and
"Total de rendimentos"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


ROSTO = """DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3
QUADRO 2 Ano dos rendimentos: 2025
QUADRO 3 Sujeito passivo A: Joana Isabel Freitas Couto
 NIF: 249170361
Anexos entregues:"""


@pytest.mark.parametrize(
    "annex_lines",
    [
        "[X] Anexo A (Trabalho dependente)\n[ ] Anexo E (Capitais)\n[X] Anexo H (Benefícios fiscais)",
        "☒ Anexo A (Trabalho dependente)\n☐ Anexo E (Capitais)\n☒ Anexo H (Benefícios fiscais)",
        "■ Anexo A (Trabalho dependente)\n□ Anexo E (Capitais)\n✔ Anexo H (Benefícios fiscais)",
        "Anexo A (Trabalho dependente) [X]\nAnexo E (Capitais) [ ]\nAnexo H (Benefícios fiscais) [X]",
    ],
)
def test_an_annex_with_an_empty_checkbox_is_not_delivered(annex_lines: str) -> None:
    """Round 7: "[ ] Anexo F" was counted among the annexes delivered, with no warning."""
    kind, fields, _ = read(f"{ROSTO}\n{annex_lines}")
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["annexes"] == ["A", "H"]


def test_the_rostos_summary_gives_each_categorys_income_by_its_code() -> None:
    """Round 7: "Trabalho dependente (Cat. A) 18.600,00" and "(Cat. B)" lines were not read."""
    text = f"""{ROSTO}
[X] Anexo A
[X] Anexo B
Resumo dos rendimentos declarados
Trabalho dependente (Cat. A) 16.240,00
Dedução específica (Cat. A) 4.104,00
Profissionais / empresariais (Cat. B) 5.310,00
Total 21.550,00"""
    _, fields, _ = read(text)
    assert str(fields["employment_income"]) == "16240.00"
    assert str(fields["self_employment_income"]) == "5310.00"
    assert str(fields["gross_income"]) == "21550.00"


@pytest.mark.parametrize(
    "title",
    ["NOTA DE LIQUIDAÇÃO DE IRS — ANO DE 2024", "Nota de Liquidação\nImposto sobre o Rendimento · Rendimentos de 2024"],
)
def test_a_notas_year_in_its_title_and_the_name_after_the_nif_are_read(title: str) -> None:
    """Round 7: "ANO DE 2025" / "Rendimentos de 2025" left the year missing, and a name printed after the NIF
    with no label of its own was not read."""
    text = f"""{title}
Liquidação n.º 2025 5001234567 Data da liquidação 2025-06-10
NIF 203851641   HELENA MARIA QUEIRÓS VAZ
Total de rendimentos 27.300,00
Rendimento coletável 23.196,00
Coleta líquida 3.950,12
Retenções na fonte 4.200,00
Pagamentos por conta 0,00
Valor a reembolsar 249,88"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert fields["year"] == 2024
    assert (fields["taxpayer_name"], fields["taxpayer_nif"]) == ("Helena Maria Queirós Vaz", "203851641")
    assert str(fields["gross_income"]) == "27300.00"
    assert "missing:year" not in warnings
