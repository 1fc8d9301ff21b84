"""Employer's declarations the blind probe of round 14 misread: employers whose legal form the payslips'
suffixes do not hold (an ACE, a charity '(IPSS)', a foreign 'Ltd — Sucursal em Portugal'), a ruled table's bare
'Nome' caption, and a form's rows with the date right-aligned at the margin ('Início 2026-03-02'), the gap lost."""

from __future__ import annotations

import datetime as dt

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


FORM = """Hortas do Baixo Vouga — Agrupamento Complementar de Empresas, ACE
NIPC 509603084 · Vagos
DECLARAÇÃO DE ENTIDADE EMPREGADORA
TRABALHADOR Bishnu Prasad Adhikari
NIF 259083011
FUNÇÃO Operador agrícola
MODALIDADE Contrato a termo certo
INÍCIO 2026-04-06
TERMO 2027-04-05
RETRIBUIÇÃO MENSAL ILÍQUIDA 930,00 €
RETRIBUIÇÃO MENSAL LÍQUIDA 827,70 €
DATA 2026-11-09"""


def test_a_grouping_of_companies_is_the_employer() -> None:
    kind, fields, _ = read(FORM)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_name"] == "Hortas do Baixo Vouga — Agrupamento Complementar de Empresas, ACE"


def test_a_forms_rows_give_the_start_the_end_and_the_date() -> None:
    _, fields, _ = read(FORM)
    assert fields["start_date"] == dt.date(2026, 4, 6)
    assert fields["end_date"] == dt.date(2027, 4, 5)
    assert fields["issue_date"] == dt.date(2026, 11, 9)
    _, fields, _ = read(FORM.replace("INÍCIO", "Início").replace("TERMO 2027", "Termo 2027").replace("DATA", "Data"))
    assert fields["start_date"] == dt.date(2026, 4, 6)
    assert fields["end_date"] == dt.date(2027, 4, 5)
    assert fields["issue_date"] == dt.date(2026, 11, 9)


def test_an_open_ended_contracts_end_row_is_not_its_end() -> None:
    """Guard: a permanent contract's 'Fim 2026-07-05' row (a trial period's) gives no end date."""
    text = FORM.replace("Contrato a termo certo", "Contrato sem termo").replace("TERMO 2027-04-05", "FIM 2026-07-05")
    _, fields, _ = read(text)
    assert fields.get("end_date") is None
    assert fields["start_date"] == dt.date(2026, 4, 6)


CHARITY_TABLE = """Centro Social e Paroquial de Santa Joana (IPSS)
NIPC 512462810 · Aveiro
DECLARAÇÃO
Para efeitos de arrendamento, declara-se que o trabalhador abaixo identificado presta serviço nesta instituição:
Elemento Informação
Nome Adelino Cardoso Semedo Fortes
NIF 152601813
Categoria Ajudante de ação direta
Vínculo Contrato sem termo
Data de admissão 01/09/2019
Remuneração base ilíquida € 910,00
Aveiro, 12 de novembro de 2026"""


def test_a_charity_in_brackets_is_the_employer() -> None:
    _, fields, _ = read(CHARITY_TABLE)
    assert fields["employer_name"] == "Centro Social e Paroquial de Santa Joana (IPSS)"


def test_a_ruled_tables_bare_name_caption_gives_the_employee() -> None:
    _, fields, _ = read(CHARITY_TABLE)
    assert fields["employee_name"] == "Adelino Cardoso Semedo Fortes"


def test_a_name_row_naming_the_employer_is_not_the_employee() -> None:
    """Guard: a form's employer part ('Nome Centro Social ... (IPSS)') does not name the person."""
    text = CHARITY_TABLE.replace("Elemento Informação", "Nome Centro Social e Paroquial de Santa Joana (IPSS)")
    _, fields, _ = read(text)
    assert fields["employee_name"] == "Adelino Cardoso Semedo Fortes"


BRANCH = """Kestrel Avionics Ltd — Sucursal em Portugal
NIF 989482197 · Parque Tecnológico de Óbidos
DECLARAÇÃO DE EMPREGO / EMPLOYMENT DECLARATION
Declaramos que Mykola Bondarenko, NIF 366131869, trabalha nesta sucursal desde 2 de fevereiro de 2025,
com contrato de trabalho sem termo, como Técnico de Manutenção,
com uma remuneração base mensal ilíquida de 2.040,00 €.
Óbidos, 2026-10-30"""


def test_a_foreign_companys_branch_is_the_employer() -> None:
    _, fields, _ = read(BRANCH)
    assert fields["employer_name"] == "Kestrel Avionics Ltd — Sucursal em Portugal"
    _, fields, _ = read(BRANCH.replace("Ltd —", "GmbH —"))
    assert fields["employer_name"] == "Kestrel Avionics GmbH — Sucursal em Portugal"


def test_a_branch_after_a_portuguese_form_stays_in_the_name() -> None:
    _, fields, _ = read(BRANCH.replace("Kestrel Avionics Ltd", "Kestrel Avionics, S.A."))
    assert fields["employer_name"] == "Kestrel Avionics, S.A. — Sucursal em Portugal"
