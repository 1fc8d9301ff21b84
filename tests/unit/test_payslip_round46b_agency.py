"""Payslip amounts and employer of blind probe r46b's temp agency's slip and bank's long slip. The agency's slip
printed the company the worker is placed with as "Utilizador (empresa cliente): ..., S.A. — NIF ...", whose "empresa"
was taken for the employer's caption: the client's name was read beside the agency's NIF. Its hourly worker's base
("101 Horas normais (168 h x 5,47)") went unread behind the row's code, and its monthly "Proporcional férias" and
"Proporcional Natal" were counted as a lump subsidy, the month's regular net 18% under the printed one. The bank's
slip printed more allowances than the vocabulary knows ("Complemento de função", "Subsídio infantil", ...): only three
rows no label names could make up its gross, so a slip whose totals all hold was flagged ``arithmetic_mismatch``. The
lines are shaped as the reader gives them, with names and figures of their own."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.helpers import read_text


def read(text: str) -> tuple[dict[str, Any], list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=None)
    return fields, warnings


AGENCY = "Mão de Obra Atlântica - Trabalho Temporário, S.A."


def agency_slip(client_line: str, *, footer: str = "", proportional: str = "Proporcional férias") -> str:
    """A temp agency's slip: its name an uncaptioned letterhead, its NIF under it, the client in the header."""
    return f"""{AGENCY}
Alvará n.º 88/2011 · NIF 510022332 · Avenida da Liberdade 40, 1250-145 Lisboa RECIBO DE RETRIBUIÇÃO
Mês: 03/2026
Trabalhador temporário: Joana Rita Pereira
NIF: 245718931
{client_line}
Contrato de utilização n.º: 2026/117 · Embaladora
Cód. Rubrica Importância
201 Horas normais (160 h x 6,10) 976,00
202 Subsídio de alimentação 20 dias 120,00
203 {proportional} (contrato < 12 meses) 162,67
204 Proporcional Natal 81,33
501 IRS - Retenção na fonte 0,00
502 Segurança Social - Trabalhador -134,20
Total remunerações 1.340,00
Total descontos -134,20
Líquido a pagar 1.205,80
{footer}"""


@pytest.mark.parametrize(
    "client_line",
    [
        "Utilizador (empresa cliente): Vidros do Oeste, S.A. — NIF 508912342",
        # Its NIF on a line of its own below, or not printed: the caption alone says it is the client.
        "Utilizador (empresa cliente): Vidros do Oeste, S.A.",
    ],
)
def test_a_user_company_captioned_as_the_empresa_cliente_is_not_the_employer(client_line: str) -> None:
    fields, _ = read(agency_slip(client_line))
    assert fields["employer_nif"] == "510022332"
    assert fields["employer_name"] == AGENCY


def test_a_company_whose_line_prints_another_nif_than_the_employers_is_not_the_employer() -> None:
    # "Empresa" is the employer's caption; the NIF beside the name says whose name it is.
    fields, _ = read(agency_slip("Empresa onde presta serviço: Vidros do Oeste, S.A. · NIF 508912342"))
    assert fields["employer_nif"] == "510022332"
    assert fields["employer_name"] == AGENCY


def test_a_sentence_after_the_employers_caption_is_no_name() -> None:
    footer = "A empresa utilizadora não é a entidade empregadora. Entidade empregadora: a empresa de trabalho acima."
    fields, _ = read(agency_slip("Local de trabalho: Armazém de Alverca", footer=footer))
    assert fields["employer_name"] == AGENCY


def test_an_hourly_workers_normal_hours_after_the_rows_code_are_no_base_salary() -> None:
    fields, _ = read(agency_slip("Local de trabalho: Armazém de Alverca"))
    # An hourly wage prints no base salary as such (docs/api.md; blind probe r61a).
    assert fields["base_salary"] is None


@pytest.mark.parametrize("caption", ["Proporcional férias", "Proporciona! férias"])
def test_a_months_proportional_subsidies_are_twelfths_and_the_net_is_the_regular_net(caption: str) -> None:
    fields, warnings = read(agency_slip("Local de trabalho: Armazém de Alverca", proportional=caption))
    assert fields["subsidy_amount"] is None
    assert fields["subsidy_twelfths_amount"] == Decimal("244.00")
    assert fields["regular_net_pay"] == fields["net_pay"] == Decimal("1205.80")
    assert "derived:regular_net_pay" not in warnings


FIRST_SUBSIDY = """Padaria Central do Bonfim, Lda.
NIF 507448120
Recibo de vencimento - Junho 2026
Trabalhador: Rui Manuel Tavares · NIF 234567899
Vencimento base 1.200,00
Subsídio de férias proporcional 600,00
Segurança Social 198,00
IRS 144,00
Total ilíquido 1.800,00
Total descontos 342,00
Líquido a receber 1.458,00"""


def test_a_proportional_subsidy_of_the_months_worked_paid_at_once_is_still_a_lump() -> None:
    # Half a year's holiday subsidy, far above two twelfths of the month: the months worked, paid once.
    fields, _ = read(FIRST_SUBSIDY)
    assert fields["subsidy_amount"] == Decimal("600.00")
    assert fields["subsidy_twelfths_amount"] is None
    assert fields["regular_net_pay"] < fields["net_pay"]


# A bank's slip with more allowances than the vocabulary knows, between its base and its deductions.
BANK = """BANCO DE CRÉDITO DO MONDEGO
Direção de Pessoas · NIPC 507448120 · Praça 8 de Maio 10, 3000-300 Coimbra
Extrato de Remunerações — MARÇO/2026
Colaborador Teresa Lopes Carvalho · N.º 0041122 · NIF 234567899
Rubrica Crédito Débito
Retribuição de base (nível 7) 1.650,00
Diuturnidades (2) 84,60
Subsídio de almoço 209,00
Complemento de função 250,00
Subsídio infantil (1) 25,80
Subsídio de estudo 19,50
Retribuição especial de mobilidade 80,00
Isenção de horário de trabalho 300,00
IRS 520,00
Segurança Social 262,10
SAMS (1,5%) 39,29
Seguro de vida grupo 10,00
Total de créditos {gross}
Total de débitos 831,39
Valor creditado na conta à ordem {net}"""


def test_a_slip_with_many_allowances_no_label_names_whose_totals_hold_adds_up() -> None:
    fields, warnings = read(BANK.format(gross="2.618,90", net="1.787,51"))
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("2618.90"), Decimal("1787.51"))
    assert "arithmetic_mismatch" not in warnings


def test_a_gross_no_selection_of_those_allowances_makes_is_still_a_mismatch() -> None:
    # The gross and the net raised together by hand: the totals hold, the rows do not make the gross.
    _, warnings = read(BANK.format(gross="2.918,90", net="2.087,51"))
    assert "arithmetic_mismatch" in warnings
