"""Employer's declarations the blind probe of round 10 read short: a boxed table whose rows are 'Início do
contrato', 'Termo da renovação em curso' and 'Data' with their dates beside them, no colon."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)

TABLE = """Quinta do Lago Serviços Hoteleiros, Lda.
NIPC 502731672
DECLARAÇÃO DA ENTIDADE EMPREGADORA
Trabalhador Venâncio Augusto Mendes Carreira
NIF 362527601
Categoria Cozinheiro de 1.ª
Tipo de contrato Termo certo (2.ª renovação)
Início do contrato 15/09/2024
Termo da renovação em curso 14/09/2027
Retribuição base mensal (bruta) 1.180,00 €
Data 03/08/2026
Declaração emitida a pedido do interessado."""


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


def test_a_boxed_tables_dates_with_no_colon() -> None:
    """Blind probe, round 10: 'Início do contrato 01/06/2025', 'Termo da renovação em curso 31/05/2027' and
    'Data 22/07/2026' were not read."""
    kind, fields, _ = read(TABLE)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["contract_type"] == "FIXED_TERM"
    assert fields["start_date"] == dt.date(2024, 9, 15)
    assert fields["end_date"] == dt.date(2027, 9, 14)
    assert fields["issue_date"] == dt.date(2026, 8, 3)
    assert fields["monthly_gross_salary"] == Decimal("1180.00")


def test_the_end_of_the_contract_as_a_row() -> None:
    _, fields, _ = read(TABLE.replace("Termo da renovação em curso", "Fim do contrato"))
    assert fields["end_date"] == dt.date(2027, 9, 14)


def test_a_part_time_workers_start_in_the_sentence() -> None:
    text = """Mercearia Flor do Sado, Lda. · NIPC 502731672 · Setúbal
DECLARAÇÃO DE REMUNERAÇÕES
Declaramos que Fatumata Djaló Embaló, NIF 362527601, exerce funções de repositora nesta empresa desde 09/01/2025,
com contrato de trabalho a termo certo, a tempo parcial (24 horas semanais), válido até 08/01/2027.
Remuneração mensal ilíquida (tempo parcial): 564,00 €.
Setúbal, 2 de outubro de 2026"""
    _, fields, _ = read(text)
    assert fields["start_date"] == dt.date(2025, 1, 9)
    assert fields["end_date"] == dt.date(2027, 1, 8)
    assert fields["issue_date"] == dt.date(2026, 10, 2)
