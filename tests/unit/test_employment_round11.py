"""Employer's declarations the blind probe of round 11 misread: a form row's caption kept in the employer's name
("Entidade empregadora <name>", "Employer: <name>", the article of "A <company>, ..., declara que"), a sentence
taken for the employer, a ticked checkbox ignored, an annual salary taken for the month's when the instalment is
printed too, and a company named only in parentheses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


FORM = """DECLARAÇÃO DA ENTIDADE EMPREGADORA
Entidade empregadora   Serralharia Vale do Sorraia, Lda.
NIPC   502731672
Trabalhador   Leandro Jorge Pacheco Vidal
NIF do trabalhador   245718931
Data de admissão   10/02/2023
Tipo de contrato:  [ ] Sem termo   [X] Termo certo   [ ] Termo incerto
Termo do contrato: 09/02/2027
Remuneração mensal ilíquida: 980,00 €
Coruche, 5 de março de 2026"""


def test_a_form_rows_caption_is_no_part_of_the_employer() -> None:
    kind, fields, _ = read(FORM)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_name"] == "Serralharia Vale do Sorraia, Lda."
    assert fields["employer_nif"] == "502731672"


def test_the_caption_with_the_cells_rule_lost() -> None:
    _, fields, _ = read(FORM.replace("Entidade empregadora   ", "Entidade patronal "))
    assert fields["employer_name"] == "Serralharia Vale do Sorraia, Lda."


def test_an_english_employer_caption() -> None:
    _, fields, _ = read(FORM.replace("Entidade empregadora   ", "Employer: "))
    assert fields["employer_name"] == "Serralharia Vale do Sorraia, Lda."


def test_only_the_ticked_contract_counts() -> None:
    """'[ ] Sem termo [X] Termo certo' was read PERMANENT (the first words found) and the end date dropped."""
    _, fields, _ = read(FORM)
    assert fields["contract_type"] == "FIXED_TERM"
    assert fields["end_date"] == dt.date(2027, 2, 9)


def test_ticks_drawn_otherwise() -> None:
    for ticked in ("☒ Termo certo   ☐ Sem termo", "( ) Sem termo   (x) Termo certo", "Sem termo   X Termo certo"):
        text = FORM.replace("[ ] Sem termo   [X] Termo certo   [ ] Termo incerto", ticked)
        _, fields, _ = read(text)
        assert fields["contract_type"] == "FIXED_TERM", ticked
        assert fields["end_date"] == dt.date(2027, 2, 9), ticked


def test_a_ticked_permanent_contract() -> None:
    text = FORM.replace("[ ] Sem termo   [X] Termo certo", "[X] Sem termo   [ ] Termo certo").replace(
        "Termo do contrato: 09/02/2027\n", ""
    )
    _, fields, _ = read(text)
    assert fields["contract_type"] == "PERMANENT"


def test_the_article_before_the_declaring_company() -> None:
    text = """DECLARAÇÃO
A Transportes Ribeirinho — Logística e Distribuição, S.A., NIPC 502731672, declara que Bogdan Ilie Munteanu,
NIF 245718931, presta atividade ao abrigo de contrato de trabalho a termo incerto, celebrado em 03/03/2025.
Auferindo a retribuição base mensal de 1.010,00 €.
Alverca do Ribatejo, 12 de maio de 2026"""
    _, fields, _ = read(text)
    assert fields["employer_name"] == "Transportes Ribeirinho — Logística e Distribuição, S.A."
    assert fields["employee_name"] == "Bogdan Ilie Munteanu"


def test_a_sentence_is_no_employer() -> None:
    """'Declara-se que <person>, NIF ..., é trabalhadora da <company>' gave the employer 'Declara-se que <person>'."""
    text = """Declaração
Declara-se que Marta Sofia Quintela Ramos, NIF 245718931, é trabalhadora da Gráfica Norte Atlântico, Unipessoal Lda. (NIPC 502731672)
desde 01/06/2020, contrato sem termo.
Aufere a remuneração mensal ilíquida de 1.320,00 €.
Braga, 9 de março de 2026"""
    _, fields, _ = read(text)
    assert fields["employer_name"] == "Gráfica Norte Atlântico, Unipessoal Lda."
    assert fields["employee_name"] == "Marta Sofia Quintela Ramos"


def test_the_company_only_in_parentheses() -> None:
    text = """DECLARAÇÃO
Declara-se que Rui Manuel Teixeira Borges, titular do NIF 245718931, é trabalhador desta empresa (Padarias Ribeira do Neiva, Lda., NIF 502731672)
desde 1 de abril de 2016, com contrato de trabalho sem termo, exercendo funções de padeiro.
Aufere a retribuição mensal ilíquida de 1.050,00 €.
Viana do Castelo, 4 de maio de 2026"""
    _, fields, _ = read(text)
    assert fields["employer_name"] == "Padarias Ribeira do Neiva, Lda."
    assert fields["employer_nif"] == "502731672"
    assert fields["employee_name"] == "Rui Manuel Teixeira Borges"


LETTER = """Lisbon, 10 March 2026
EMPLOYMENT CONFIRMATION LETTER
We hereby confirm that Mr Daniel Peter Hughes (Portuguese tax number 245718931) has been employed by
Harbour Analytics Portugal, Unipessoal Lda. (NIPC 502731672) since 1 June 2022 under a permanent employment contract.
His current annual gross base salary is EUR 42,000.00, paid in 14 instalments of EUR 3,000.00."""


def test_the_instalment_not_the_annual_salary() -> None:
    """'annual gross base salary is EUR 54,600.00, paid in 14 instalments of EUR 3,900.00' gave 54,600 a month."""
    _, fields, warnings = read(LETTER)
    assert fields["monthly_gross_salary"] == Decimal("3000.00")
    assert "derived:monthly_gross_salary" not in warnings


def test_an_annual_salary_alone_is_divided_and_flagged() -> None:
    _, fields, warnings = read(LETTER.replace(", paid in 14 instalments of EUR 3,000.00.", ", paid in 14 instalments."))
    assert fields["monthly_gross_salary"] == Decimal("3000.00")
    assert "derived:monthly_gross_salary" in warnings


def test_the_portuguese_instalment() -> None:
    text = """Declaração
Declara-se que Marta Sofia Quintela Ramos, NIF 245718931, é trabalhadora da Gráfica Norte Atlântico, Unipessoal Lda. (NIPC 502731672)
desde 01/06/2020, contrato sem termo.
Aufere a remuneração anual ilíquida de 25.200,00 €, paga em 14 prestações de 1.800,00 €.
Braga, 9 de março de 2026"""
    _, fields, warnings = read(text)
    assert fields["monthly_gross_salary"] == Decimal("1800.00")
    assert "derived:monthly_gross_salary" not in warnings


def test_a_scan_that_lost_the_i_of_iliquida() -> None:
    """A scan read 'Remuneração mensal ilíquida: X € Remuneração mensal líquida: Y €' as 'líquida' twice: the
    larger was returned as the net, the gross lost."""
    text = FORM.replace(
        "Remuneração mensal ilíquida: 980,00 €",
        "Remuneração mensal líquida: 980,00 € Remuneração mensal líquida: 861,40 €",
    )
    _, fields, _ = read(text)
    assert fields["monthly_gross_salary"] == Decimal("980.00")
    assert fields["monthly_net_salary"] == Decimal("861.40")


def test_gross_and_net_on_one_line() -> None:
    text = FORM.replace(
        "Remuneração mensal ilíquida: 980,00 €",
        "Remuneração mensal ilíquida: 980,00 € Remuneração mensal líquida: 861,40 €",
    )
    _, fields, _ = read(text)
    assert fields["monthly_gross_salary"] == Decimal("980.00")
    assert fields["monthly_net_salary"] == Decimal("861.40")


def test_a_net_salary_alone_stays_net() -> None:
    _, fields, _ = read(FORM.replace("Remuneração mensal ilíquida: 980,00 €", "Remuneração mensal líquida: 861,40 €"))
    assert fields["monthly_net_salary"] == Decimal("861.40")
    assert "monthly_gross_salary" not in fields or fields["monthly_gross_salary"] is None
