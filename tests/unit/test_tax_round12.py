"""IRS notas the blind probe of round 12 misread: the taxpayer's name alone on the line over "N.º de contribuinte
<nif>" (the name was read only over a line opened by "NIF <nif>")."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def nota(heading: str, nif_line: str) -> str:
    return f"""IRS — Nota de Liquidação (ano 2025)
{heading}
{nif_line}
Total de rendimentos 14.250,00
Rendimento coletável 10.146,00
Coleta líquida 912,00
Retenções na fonte 1.030,00
Pagamentos por conta 0,00
Valor a reembolsar 118,00"""


@pytest.mark.parametrize(
    "nif_line",
    [
        "N.º de contribuinte 209275251",
        "Contribuinte n.º 209275251",
        "N.º de contribuinte: 209275251",
        "Número de identificação fiscal: 209275251",
        "N.º contribuinte 209 275 251 · Rua do Campo Alegre 14, Porto",
    ],
)
def test_the_name_alone_over_a_line_opened_by_a_nifs_label_is_the_taxpayer(nif_line: str) -> None:
    """Round 12: 'N.º de contribuinte <nif>' under the name alone gave no taxpayer name."""
    _, fields, _ = read(nota("Leonor Beatriz Vasconcelos Moura", nif_line))
    assert fields["taxpayer_name"] == "Leonor Beatriz Vasconcelos Moura"
    assert fields["taxpayer_nif"] == "209275251"


@pytest.mark.parametrize("heading", ["Autoridade Tributária e Aduaneira", "Demonstração de Liquidação"])
def test_a_heading_over_the_nif_line_is_no_taxpayer(heading: str) -> None:
    """The guard: the authority's or the document's heading over 'N.º de contribuinte <nif>' names nobody
    (passes before the fix too)."""
    _, fields, _ = read(nota(heading, "N.º de contribuinte 209275251"))
    assert fields["taxpayer_name"] is None
    assert fields["taxpayer_nif"] == "209275251"
