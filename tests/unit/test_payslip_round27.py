"""Payslips the blind probe of round 27 misread: earning rows that do not make the printed gross (the net
following the forged gross) passed unflagged, a domestic worker's receipt declaration read with the employer as
the employee, a caption's qualifying word ("Trabalhador temporário:") kept in the name, and a school group's
place after a comma cut off its name. The texts are shaped as the reader hands them over, with names and numbers
of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[dict, list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    return fields, warnings


def itemised(earnings: str, gross: str, net: str) -> str:
    return f"""Carpintaria Ribeira Alta, Lda.
NIPC 594904102
Recibo de vencimento — setembro 2026
Trabalhador: Ionela Maria Popescu NIF 257746374
Admissão: 02/05/2018 Vencimento base: 1.100,00
{earnings}
Segurança Social 11% 121,00
Retenção IRS 80,00
Total Abonos {gross} Total Descontos 201,00
Líquido a receber {net}"""


def test_a_gross_its_earning_rows_do_not_make_is_an_arithmetic_mismatch() -> None:
    fields, warnings = read(itemised("Vencimento base 1.100,00\nSubsídio de refeição 121,00", "1.521,00", "1.320,00"))
    assert "arithmetic_mismatch" in warnings
    assert fields["gross_pay"] is not None


def test_guard_earning_rows_that_make_the_gross_raise_nothing() -> None:
    """Guard (passes before and after the fix): the header's restated base and a card allowance shown for
    information are rows the gross leaves out, no mismatch."""
    earnings = "Vencimento base 1.100,00\nSubsídio de refeição 121,00\nSub. refeição (cartão, informativo) 110,00"
    fields, warnings = read(itemised(earnings, "1.221,00", "1.020,00"))
    assert "arithmetic_mismatch" not in warnings
    assert str(fields["gross_pay"]) == "1221.00"


RECEIPT = """RECIBO
Eu, Marta Sofia Carvalho Lemos, contribuinte n.º 245294031,
empregada doméstica, {verb} Joaquim Alberto Ferraz Vidal,
contribuinte n.º 123456789, a quantia líquida de 700,81 €,
referente ao meu salário do mês de Outubro 2026, assim discriminada:
Salário (70 horas) 773,50 €
Total bruto 773,50 €
Desconto Segurança Social (9.4%) 72,69 €
Recebi (líquido) 700,81 €
Cascais, 30/10/2026"""


@pytest.mark.parametrize("verb", ["declaro ter recebido de", "declaro que recebi de", "recebi do Sr."])
def test_whoever_declares_having_received_is_the_employee(verb: str) -> None:
    fields, warnings = read(RECEIPT.format(verb=verb))
    assert fields["employee_name"] == "Marta Sofia Carvalho Lemos"
    assert fields["employer_name"] == "Joaquim Alberto Ferraz Vidal"
    assert fields["employee_nif"] == "245294031"
    assert fields["employer_nif"] == "123456789"
    assert "nif_ambiguous" not in warnings


@pytest.mark.parametrize("caption", ["Trabalhador Temporário:", "Colaboradora Efetiva:", "Funcionário Independente:"])
def test_a_captions_qualifying_words_are_no_part_of_the_name(caption: str) -> None:
    fields, _ = read(f"""Flexilabor - Empresa de Trabalho Temporário, Lda.
NIF 514682086
Recibo de vencimento — outubro 2026
{caption} Edson Carlos Tavares Júnior
NIF: 257746374
Vencimento 870,00
Total ilíquido 870,00
Segurança Social 95,70
Líquido a receber 774,30""")
    assert fields["employee_name"] == "Edson Carlos Tavares Júnior"


def public_body(letterhead: str) -> str:
    return f"""REPÚBLICA PORTUGUESA
{letterhead}
NIPC 600074870 — Serviços Administrativos
ABONOS E DESCONTOS
Outubro 2026
Nome: Teresa Margarida Lopes Brito
NIF: 257746374
Remuneração base 1.800,00
Totais 1.800,00 198,00
CGA - Quota 11% 198,00
Montante líquido a abonar 1.602,00"""


@pytest.mark.parametrize(
    "body", ["Agrupamento de Escolas Infante D. Henrique, Vila Nova de Gaia", "Junta de Freguesia de Arroios, Lisboa"]
)
def test_a_place_after_a_bodys_comma_on_its_line_stays_in_its_name(body: str) -> None:
    fields, _ = read(public_body(body))
    assert fields["employer_name"] == body


def test_guard_an_address_after_a_bodys_comma_is_no_part_of_its_name() -> None:
    """Guard (passes before and after the fix): a street after the comma is the body's address."""
    fields, _ = read(public_body("Agrupamento de Escolas do Vale, Rua da Escola 4"))
    assert fields["employer_name"] == "Agrupamento de Escolas do Vale"


def test_a_place_after_a_bodys_comma_stays_when_ocr_joined_the_title_to_its_line() -> None:
    fields, _ = read(public_body("Agrupamento de Escolas Infante D. Henrique, Lousada ABONOS E DESCONTOS"))
    assert fields["employer_name"] == "Agrupamento de Escolas Infante D. Henrique, Lousada"
