"""A Modelo 3 comprovativo blind probe r41a misread: the taxpayer's line "Sujeito passivo A — NIF: <nif>   Nome:
<name>" gave no name (the dash after the mark hid the NIF from what is skipped before the name, and the "Nome"
caption further along was never looked for), and the gross printed as Anexo A's "Soma" came back flagged
``derived:gross_income``. The texts are shaped as the reader hands them over, with names and numbers of their
own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))


def comprovativo(taxpayers: str, *, annexes: str = "Anexo H — Benefícios fiscais e deduções") -> str:
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
Declaração de Rendimentos — IRS Modelo 3
COMPROVATIVO DE ENTREGA
Ano dos rendimentos: 2025
{taxpayers}
ANEXO A — Rendimentos do trabalho dependente e pensões
Quadro 4A — Rendimentos obtidos em território português
NIF da entidade pagadora Código Titular Rendimentos Retenções Contribuições
507319427 401 A 19.600,00 1.870,00 2.156,00
{annexes}"""


def with_total(text: str, total: str) -> str:
    row = "507319427 401 A 19.600,00 1.870,00 2.156,00"
    return text.replace(row, f"{row}\n{total}")


def test_a_name_captioned_after_the_nif_on_the_taxpayers_dashed_line_is_read() -> None:
    _, fields, _ = read(comprovativo("Sujeito passivo A — NIF: 218473095 Nome: Leonor Vitória Ramalho Seixas"))
    assert fields["taxpayer_name"] == "Leonor Vitória Ramalho Seixas"
    assert fields["taxpayer_nif"] == "218473095"


def test_a_name_caption_past_other_captions_on_the_taxpayers_line_is_read() -> None:
    """The name is what follows its caption, not the marital status printed between the mark and it."""
    line = "Sujeito passivo A — Estado civil: Solteiro(a) — Nome: Leonor Vitória Ramalho Seixas NIF 218473095"
    _, fields, _ = read(comprovativo(line))
    assert fields["taxpayer_name"] == "Leonor Vitória Ramalho Seixas"


def test_a_dashed_mark_then_the_nif_then_the_name_uncaptioned_is_read() -> None:
    _, fields, _ = read(comprovativo("Sujeito passivo A — 218473095 Leonor Vitória Ramalho Seixas"))
    assert fields["taxpayer_name"] == "Leonor Vitória Ramalho Seixas"


def test_the_spouses_captioned_name_is_never_taken_for_the_first_taxpayers() -> None:
    on_their_lines = (
        "Sujeito passivo B — NIF: 264193504 Nome: Duarte Emanuel Faria Seixas\n"
        "Sujeito passivo A — NIF: 218473095 Nome: Leonor Vitória Ramalho Seixas"
    )
    on_one_line = (
        "Sujeito passivo A — NIF: 218473095 Nome: Leonor Vitória Ramalho Seixas   "
        "Sujeito passivo B — NIF: 264193504 Nome: Duarte Emanuel Faria Seixas"
    )
    for taxpayers in (on_their_lines, on_one_line):
        _, fields, _ = read(comprovativo(taxpayers))
        assert fields["taxpayer_name"] == "Leonor Vitória Ramalho Seixas"
        assert fields["taxpayer_nif"] == "218473095"


TAXPAYER = "Sujeito passivo A — NIF: 218473095 Nome: Leonor Vitória Ramalho Seixas"


def test_the_payers_tables_soma_is_the_returns_printed_gross() -> None:
    _, fields, warnings = read(with_total(comprovativo(TAXPAYER), "Soma 19.600,00 1.870,00 2.156,00"))
    assert fields["gross_income"] == Decimal("19600.00")
    assert fields["employment_income"] == Decimal("19600.00")
    assert "derived:gross_income" not in warnings


def test_several_payers_rows_that_make_their_soma_print_the_gross() -> None:
    rows = "513928600 401 A 4.100,00 310,00 451,00\nSoma 23.700,00 2.180,00 2.607,00"
    _, fields, warnings = read(with_total(comprovativo(TAXPAYER), rows))
    assert fields["gross_income"] == Decimal("23700.00")
    assert "derived:gross_income" not in warnings


def test_the_soma_is_no_gross_when_the_return_delivers_another_annex_of_income() -> None:
    """Anexo B's income is the return's too: Anexo A's total alone is not its gross, and stays derived."""
    text = with_total(
        comprovativo(TAXPAYER, annexes="Anexo B — Rendimentos empresariais e profissionais"),
        "Soma 19.600,00 1.870,00 2.156,00",
    )
    _, _, warnings = read(text)
    assert "derived:gross_income" in warnings
