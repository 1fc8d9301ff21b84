"""Employer's declarations the blind probe of round 13 misread: a declaration written as an e-mail, its facts
as a bulleted list ('• Início: 1 de fevereiro de 2025') and its date only in the sending line ('Enviado em
2026-11-27 18:42')."""

from __future__ import annotations

import datetime as dt

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


EMAIL = """Bom dia,
Confirmamos que o Tomás trabalha connosco:
• Nome: Tomás Avelino Queirós Brandão
• NIF: 229042147
• Função: Engenheiro de Dados
• Início: 3 de março de 2024
• Contrato: sem termo
• Salário base bruto: 2.180,00 € / mês (14 meses)
Cumprimentos,
Marta Valente
Ondaverde Tecnologia, Lda. · NIF 589656511 · Braga
Enviado em 2026-10-14 09:15"""


def test_an_e_mails_list_gives_the_start_and_its_sending_the_date() -> None:
    kind, fields, _ = read(EMAIL)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employee_name"] == "Tomás Avelino Queirós Brandão"
    assert fields["start_date"] == dt.date(2024, 3, 3)
    assert fields["issue_date"] == dt.date(2026, 10, 14)
    assert fields["contract_type"] == "PERMANENT"


def test_an_admission_item_gives_the_start() -> None:
    _, fields, _ = read(EMAIL.replace("• Início: 3 de março de 2024", "• Admissão: 03/03/2024"))
    assert fields["start_date"] == dt.date(2024, 3, 3)


def test_the_place_and_date_signed_win_over_the_sending() -> None:
    """Guard: a letter signed 'Braga, 10 de outubro de 2026' and sent later is dated by its signature."""
    text = EMAIL.replace("Cumprimentos,", "Braga, 10 de outubro de 2026\nCumprimentos,")
    _, fields, _ = read(text)
    assert fields["issue_date"] == dt.date(2026, 10, 10)
