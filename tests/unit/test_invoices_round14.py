"""Faturas-recibo the blind probe of round 14 misread: a fully ruled grid with the parties' boxes side by side,
read across ("<issuer> <acquirer>" / "NIF <nif> <acquirer's name wrapped> — NIF <nif>"); the issue date in words
after a bare "Emissão:"; a foreign company's Portuguese branch ("— Sucursal em Portugal") cut from its name."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def grid(names: str, nifs: str, heading: str = "Prestador de serviços Adquirente") -> str:
    return f"""Fatura-Recibo FR ATSIRE01FR/31
ATCUD: KQ4M8ZT2-31
{heading}
{names}
{nifs}
Fisioterapeuta · Cédula 40217 Data de emissão: 12-10-2026
Descrição Qtd. Valor
Sessões de fisioterapia a atletas (setembro 2026) 6 € 900,00
Base tributável € 900,00
IVA 23% € 207,00
Retenção na fonte IRS 23% (€ 207,00)
Total recebido € 900,00"""


@pytest.mark.parametrize(
    ("names", "nifs", "acquirer"),
    [
        (
            "Vítor Hugo Mendes Carrilho Associação Desportiva e Cultural",
            "NIF 238157202 da Juventude de Alvalade — NIF 501773428",
            "Associação Desportiva e Cultural da Juventude de Alvalade",
        ),
        (
            "Vítor Hugo Mendes Carrilho Clube Naval do Seixal",
            "NIF 238157202 NIF 501773428",
            "Clube Naval do Seixal",
        ),
        (
            "Vítor Hugo Mendes Carrilho Município de Alcochete",
            "NIF 238157202 Rua do Carmo — NIF 501773428",
            "Município de Alcochete",
        ),
    ],
)
def test_side_by_side_boxes_read_across_give_both_names(names: str, nifs: str, acquirer: str) -> None:
    """Round 14: with the names of both boxes on one line, neither name was read (NIFs right)."""
    _, fields, _ = read(grid(names, nifs))
    assert fields["issuer_name"] == "Vítor Hugo Mendes Carrilho"
    assert fields["acquirer_name"] == acquirer
    assert (fields["issuer_nif"], fields["acquirer_nif"]) == ("238157202", "501773428")


def test_side_by_side_boxes_part_after_a_companys_legal_form() -> None:
    _, fields, _ = read(grid("Oficina das Letras, Lda. Tomás Aurélio Brandão", "NIF 512034885 NIF 238157202"))
    assert fields["issuer_name"] == "Oficina das Letras, Lda."  # a company form keeps its dot (round 17)
    assert fields["acquirer_name"] == "Tomás Aurélio Brandão"


def test_two_persons_names_read_across_stay_unread() -> None:
    """Guard: nothing tells where one person's name ends and the other's starts: no name rather than a guess."""
    _, fields, _ = read(grid("Vítor Hugo Mendes Carrilho Tomás Aurélio Brandão", "NIF 238157202 NIF 224605194"))
    assert fields.get("issuer_name") is None
    assert fields.get("acquirer_name") is None
    assert (fields["issuer_nif"], fields["acquirer_nif"]) == ("238157202", "224605194")


@pytest.mark.parametrize("date_line", ["Emissão: 12 de outubro de 2026", "Emissão 12-10-2026", "EMISSÃO: 2026-10-12"])
def test_the_date_after_a_bare_emissao_is_the_issue_date(date_line: str) -> None:
    """Round 14: 'Emissão: 21 de junho de 2026' gave no issue date."""
    text = f"""FATURA-RECIBO N.º FR ATSIRE01FR/9
{date_line}
PRESTADOR
Vítor Hugo Mendes Carrilho
NIF 238157202
ADQUIRENTE
Município de Alcochete
NIF 501773428
Espetáculo — Festas de outubro (prestado em 03-10-2026)
Honorários 900,00
IVA — isento art.º 9.º, n.º 15 CIVA 0,00
Retenção IRS (23%) 207,00
Líquido recebido 693,00"""
    _, fields, _ = read(text)
    assert fields["issue_date"] == dt.date(2026, 10, 12)


def customer(line: str) -> str:
    return f"""FATURA-RECIBO / INVOICE-RECEIPT
N.º / No. FR ATSIRE01FR/22
Data / Date: 2026-10-12
Emitente / Issuer: Vítor Hugo Mendes Carrilho — NIF 238157202
{line}
NIF / Tax ID: 980512778
Valor base / Net amount € 900,00
IVA / VAT 23% € 207,00
Retenção IRS / Withholding tax 23% (€ 207,00)
Total recebido / Amount received € 900,00"""


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (
            "Adquirente / Customer: Nordhavn Marine Systems B.V. — Sucursal em Portugal",
            "Nordhavn Marine Systems B.V. — Sucursal em Portugal",
        ),
        ("Adquirente: Kestrel Analytics Ltd, Sucursal portuguesa", "Kestrel Analytics Ltd, Sucursal portuguesa"),
        (
            "Adquirente: Albrecht Maschinenbau GmbH - Representação permanente em Portugal",
            "Albrecht Maschinenbau GmbH - Representação permanente em Portugal",
        ),
    ],
)
def test_a_foreign_companys_portuguese_branch_is_kept_in_its_name(line: str, name: str) -> None:
    """Round 14: 'Helix Biotech Europe B.V. — Sucursal em Portugal' came back as 'Helix Biotech Europe B.V.'."""
    _, fields, _ = read(customer(line))
    assert fields["acquirer_name"] == name


def test_what_follows_a_foreign_company_other_than_a_branch_is_left_out() -> None:
    """Guard: only the branch is the name's; the company's activity after it is not."""
    _, fields, _ = read(customer("Adquirente: Nordhavn Marine Systems B.V. — Engenharia naval"))
    assert fields["acquirer_name"] == "Nordhavn Marine Systems B.V."
