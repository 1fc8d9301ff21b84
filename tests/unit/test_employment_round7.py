"""Employers' declarations the blind probe of round 7 misread: a closing formula's words taken for the person over
a labelled name, a form titled only "Declaração" refused, and the start date, salary, net and employer stated in
wordings not read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "closing",
    [
        "Declaração emitida a pedido da trabalhadora para os efeitos que entenda necessários.",
        "Declaração passada a pedido do colaborador para os fins que considere úteis.",
    ],
)
def test_a_labelled_name_wins_over_the_closing_formula(closing: str) -> None:
    """Blind probe, round 7: 'Declaração emitida a pedido do trabalhador para os efeitos que julgue convenientes.'
    gave the person 'Julgue Convenientes. Lisboa' over the 'Trabalhador:' line, and the NIFs went to the employer."""
    text = f"""Transportes Serra Alta, Lda.
NIF 513879811 · Viseu
DECLARAÇÃO DE VÍNCULO LABORAL
Trabalhadora: Leonor Beatriz Falcão Tavares
NIF da trabalhadora: 213511975
Tipo de contrato: contrato a termo certo
Data de início: 15/02/2026
Data de termo: 14/02/2027
Remuneração mensal ilíquida: 1.045,00 €
{closing}
Viseu, 12/11/2026"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employee_name"] == "Leonor Beatriz Falcão Tavares"
    assert fields["employee_nif"] == "213511975"
    assert fields["employer_nif"] == "513879811"
    assert fields["start_date"] == dt.date(2026, 2, 15)
    assert fields["end_date"] == dt.date(2027, 2, 14)


def test_a_closing_formula_alone_names_nobody() -> None:
    text = """DECLARAÇÃO DE VÍNCULO LABORAL
Declaração emitida a pedido do trabalhador para os efeitos que entenda convenientes.
Faro, 4 de novembro de 2026"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employee_name"] is None


def test_a_form_titled_only_declaracao_is_an_employers_declaration() -> None:
    """Blind probe, round 7: a 'DECLARAÇÃO' with labelled lines (no 'vínculo', no sentence) was refused."""
    text = """DECLARAÇÃO
Metalúrgica Vouga, S.A., pessoa coletiva n.º 548733317, declara que
Colaborador: Sérgio Filipe Amaral Brandão
NIF: 118147811
Tipo de contrato: sem termo
Data de admissão: 2019-06-03
Remuneração base mensal: 1.210,00 €
Águeda, 9 de novembro de 2026"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employee_name"] == "Sérgio Filipe Amaral Brandão"
    assert fields["contract_type"] == "PERMANENT"
    assert fields["monthly_gross_salary"] == Decimal("1210.00")


def test_aufere_mensalmente_gives_the_gross_and_the_net_and_iniciado_the_start() -> None:
    """Blind probe, round 7: 'Aufere mensalmente 920,00 € ilíquidos, a que corresponde o valor líquido de
    818,80 €', 'iniciado em 3 de março de 2026' and an employer '..., IPSS' were not read."""
    text = """Centro Social Paroquial de Alvalade, IPSS
NIPC 505629186 · Rua da Igreja 4, Santiago do Cacém
Declaração
Declaramos que o Sr. Tomás Henrique Lobo Carvalhais, titular do NIF 145333140, trabalha nesta instituição
com contrato de trabalho a termo incerto, iniciado em 12 de janeiro de 2026.
Aufere mensalmente 1.080,00 € ilíquidos, a que corresponde o valor líquido de 951,20 €.
Santiago do Cacém, 20 de outubro de 2026"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_name"] == "Centro Social Paroquial de Alvalade, IPSS"
    assert fields["start_date"] == dt.date(2026, 1, 12)
    assert (fields["monthly_gross_salary"], fields["monthly_net_salary"]) == (Decimal("1080.00"), Decimal("951.20"))


def test_a_net_stated_first_is_the_net() -> None:
    text = """DECLARAÇÃO DA ENTIDADE PATRONAL
Declara-se que Rita Sofia Amaral Peixoto, contribuinte n.º 278932886, é trabalhadora desta empresa desde
01/04/2022, com contrato sem termo. Aufere mensalmente o valor líquido de 1.020,40 €.
Coimbra, 3 de novembro de 2026"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["monthly_net_salary"] == Decimal("1020.40")
    assert fields["monthly_gross_salary"] is None


def test_a_yearly_salary_paid_in_fourteen_gives_a_derived_monthly_gross() -> None:
    """Blind probe, round 7: 'retribuição anual bruta é de 37.800,00 euros, paga em 14 prestações' gave no monthly
    salary; the month's is the year's over the payments, flagged as derived."""
    text = """DECLARAÇÃO DA ENTIDADE PATRONAL
Declara-se que Vasco Miguel Outeiro Faria (NIF 204072387) pertence aos quadros desta empresa desde 2 de maio
de 2018, com contrato de trabalho por tempo indeterminado.
O seu vencimento anual ilíquido é de 30.100,00 €, pago em catorze prestações.
Braga, 6 de novembro de 2026"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["monthly_gross_salary"] == Decimal("2150.00")
    assert "derived:monthly_gross_salary" in warnings
