"""IRS declarations the blind probe of round 10 misread: a Modelo 3 whose year is printed only in its centred
title, the model's name between the tax and the year ("IRS — MODELO 3 — 2025")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("IRS — MODELO 3 — 2025", 2025),
        ("IRS - Modelo 3 - 2024", 2024),
        ("IRS Modelo 3 de 2025", 2025),
        ("MODELO 3 — 2025", 2025),
        ("Declaração Modelo 3 / 2024", 2024),
    ],
)
def test_a_modelo_3s_year_in_its_title_after_the_model_is_read(title: str, year: int) -> None:
    """Round 10: 'IRS — MODELO 3 — 2025' alone named the year: none was read (flagged missing)."""
    text = f"""{title}
Cópia da declaração submetida
Rosto — Quadro 3
Sujeito passivo A 243026455 Duarte Afonso Lemos Carvalhal
Anexo B — Regime simplificado · Categoria B (profissional)
Prestações de serviços (código 403) 28.400,00
Rendimentos brutos categoria B 28.400,00
Retenções na fonte 7.100,00"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["year"] == year
    assert fields["taxpayer_nif"] == "243026455"
    assert fields["self_employment_income"] == Decimal("28400.00")
    assert "missing:year" not in warnings


def test_the_models_number_is_not_taken_for_the_year() -> None:
    """'Modelo 3' with no year after it names none; a labelled year elsewhere still wins."""
    text = """IRS — MODELO 3
Ano dos rendimentos: 2025
Sujeito passivo A 243026455 Duarte Afonso Lemos Carvalhal
Anexo B — Regime simplificado · Categoria B (profissional)
Rendimentos brutos categoria B 28.400,00
Retenções na fonte 7.100,00"""
    _, fields, _ = read(text)
    assert fields["year"] == 2025
