"""IRS notas the blind probe of round 11 misread: a settlement titled "Nota de cobrança / Demonstração de acerto
de contas" whose refund is printed only as a negative "Resultado da liquidação", and its taxpayer named in a part
of a dotted line beside the NIF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def acerto(title: str, result: str) -> str:
    return f"""Autoridade Tributária e Aduaneira
{title}
Ano dos rendimentos: 2024 · Identificação fiscal: 215839404 · Gaspar Teodoro Nunes Vilarinho
(01) Rendimento global 22.310,00
(02) Rendimento coletável 18.110,00
(03) Coleta líquida 2.015,40
(04) Retenções na fonte 2.600,00
(05) Pagamentos por conta 0,00
(06) Resultado da liquidação (03 - 04 - 05) {result}"""


@pytest.mark.parametrize(
    "title",
    [
        "IRS — Nota de cobrança / Demonstração de acerto de contas",
        "Demonstração de Acerto de Contas — IRS",
        "Nota de cobrança de IRS",
    ],
)
def test_an_acerto_de_contas_is_a_nota_and_its_negative_result_the_refund(title: str) -> None:
    """Round 11: 'Demonstração de acerto de contas' with a result of -437,70 was refused (not recognised)."""
    kind, fields, warnings = read(acerto(title, "-584,60"))
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert fields["amount_refundable"] == Decimal("584.60")
    assert fields["amount_payable"] is None
    assert fields["tax_paid"] == Decimal("2015.40")
    assert "arithmetic_mismatch" not in warnings


def test_a_positive_result_of_an_acerto_is_the_amount_payable() -> None:
    text = acerto("Demonstração de acerto de contas", "515,40").replace("2.600,00", "1.500,00")
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert fields["amount_payable"] == Decimal("515.40")
    assert fields["amount_refundable"] is None
    assert "arithmetic_mismatch" not in warnings


def test_the_taxpayer_in_the_part_beside_the_nif_on_a_dotted_line() -> None:
    """Round 11: 'Ano ... · Identificação fiscal: <nif> · <name>': the name was not read."""
    _, fields, _ = read(acerto("Demonstração de acerto de contas", "-584,60"))
    assert fields["taxpayer_name"] == "Gaspar Teodoro Nunes Vilarinho"
    assert fields["taxpayer_nif"] == "215839404"


def test_a_name_before_the_nif_part_is_read_too() -> None:
    text = acerto("Demonstração de acerto de contas", "-584,60").replace(
        "Ano dos rendimentos: 2024 · Identificação fiscal: 215839404 · Gaspar Teodoro Nunes Vilarinho",
        "Ano: 2024 | Gaspar Teodoro Nunes Vilarinho | NIF: 215839404",
    )
    _, fields, _ = read(text)
    assert fields["taxpayer_name"] == "Gaspar Teodoro Nunes Vilarinho"


@pytest.mark.parametrize(
    "text",
    [
        "Nota de cobrança n.º 123 — Condomínio do Edifício Aurora\nQuota de março 45,00",
        "Acerto de contas entre sócios\nSaldo 120,00",
    ],
)
def test_a_nota_de_cobranca_or_acerto_not_of_irs_is_no_nota_de_liquidacao(text: str) -> None:
    assert classify(text) != DocumentKind.NOTA_LIQUIDACAO


def test_interest_charged_is_part_of_the_settlement() -> None:
    """Round 11: "Juros compensatórios 12,31" on a correct nota gave a false ``arithmetic_mismatch``."""
    text = """DEMONSTRAÇÃO DA LIQUIDAÇÃO DE IRS — 2025
Sujeito passivo: Rodrigo Salvador Mendonça Paiva
NIF: 214983056
Rendimento bruto 38.210,00
Coleta líquida 8.127,55
Retenções na fonte 6.950,00
Pagamentos por conta 400,00
Juros compensatórios 12,31
Valor a pagar até 31/08/2026 789,86"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert fields["amount_payable"] == Decimal("789.86")
    assert "arithmetic_mismatch" not in warnings
    _, _, warnings = read_text(
        text.replace("789,86", "801,86"), document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3)
    )
    assert "arithmetic_mismatch" in warnings


@pytest.mark.parametrize("dash", ["—", "–"])
def test_the_taxpayer_named_between_dashes_beside_the_nif(dash: str) -> None:
    kind, fields, _ = read(f"""AT · Nota de liquidação IRS 2025
Leonor Beatriz Sarmento Quaresma {dash} NIF 215839404 {dash} Pensionista
Rendimentos categoria H (pensões) 14.200,00
Dedução específica 4.104,00
Rendimento coletável 10.096,00
Coleta líquida 940,50
Retenções na fonte 1.120,00
Pagamentos por conta 0,00
Valor a reembolsar 179,50""")
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert fields["taxpayer_name"] == "Leonor Beatriz Sarmento Quaresma"
    assert fields["taxpayer_nif"] == "215839404"


@pytest.mark.parametrize(("mark_a", "mark_b"), [("(A)", "(B)"), ("sujeito passivo A", "sujeito passivo B")])
def test_a_joint_declarations_income_of_one_category_is_both_taxpayers(mark_a: str, mark_b: str) -> None:
    """Round 11: a joint Modelo 3 printing Anexo A's income once for each spouse kept only the first."""
    kind, fields, _ = read(f"""MODELO 3 — DECLARAÇÃO DE RENDIMENTOS IRS Ano 2025
Sujeito passivo A: 215839404 Rui Alexandre Fontes Mesquita
Sujeito passivo B: 227310544 Inês Margarida Couto Mesquita
Anexos entregues: A
Anexo A — Rendimentos do trabalho dependente {mark_a}: 18.200,00
Anexo A — Rendimentos do trabalho dependente {mark_b}: 15.050,00
Total de rendimentos brutos: 33.250,00""")
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["employment_income"] == Decimal("33250.00")


def test_one_taxpayers_income_printed_once_is_theirs_alone() -> None:
    """The guard: a single taxpayer's line marked "(A)" is not doubled or summed with anything."""
    _, fields, _ = read("""MODELO 3 — DECLARAÇÃO DE RENDIMENTOS IRS Ano 2025
Sujeito passivo A: 215839404 Rui Alexandre Fontes Mesquita
Anexos entregues: A
Anexo A — Rendimentos do trabalho dependente (A): 18.200,00
Total de rendimentos brutos: 18.200,00""")
    assert fields["employment_income"] == Decimal("18200.00")
