"""Blind probe r48a, names, numbers and documents not recognised: a joint return's spouse whose NIF is on the
line under the name, a recibo's number and payer, a pensioner's name under a bank's caption, a declaração de
alterações titled by the Portal's short title, a recibo paying an earlier fatura, a plain unpaid fatura, and the
refusals that name what each refused document is."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.helpers import read_text

TODAY = dt.date(2026, 11, 23)
A_NIF, B_NIF = "219074275", "264151984"


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def test_a_joint_return_s_spouse_with_the_nif_on_the_line_under_the_name_is_read() -> None:
    """T05: "Sujeito passivo B: <name>" over "NIF: <nif>", as A's box is printed above it."""
    text = f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3 - ROSTO
Quadro 2 - Ano dos rendimentos: 2025
Quadro 3 - Sujeito passivo A: Rodrigo Almeida Teixeira
NIF: {A_NIF}
Sujeito passivo B: Leonor Sampaio Antunes
NIF: {B_NIF}
Quadro 4 - Estado civil: Casado
Quadro 5 - Opção pela tributação conjunta: Sim
Anexos entregues: A
ANEXO A - Quadro 4A - Rendimentos do trabalho dependente
NIF entidade Código Titular Rendimentos Retenções Contribuições
501964843 401 A 18 300,00 2 100,00 2 013,00
500100144 401 B 12 450,00 980,00 1 369,50
Soma 30 750,00 3 080,00 3 382,50"""
    _, fields, _ = read(text)
    assert fields["taxpayer_nif"] == A_NIF
    assert fields["spouse_nif"] == B_NIF
    assert fields["spouse_name"] == "Leonor Sampaio Antunes"
    assert fields["joint_return"] is True
