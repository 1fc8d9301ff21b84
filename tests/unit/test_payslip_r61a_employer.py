"""Blind probe r61a finding 10: employers' names holding a dash ("Vigilância Norte - Segurança Privada, S.A.") or
wrapped by the letterhead onto a second line were cut at the dash, or given as their second line alone ("Center,
S.A.", "Lda."), the slip's title or receipt number printed to the right of the name. The lines are shaped as the
reader hands them over: the right column joined to the letterhead's line."""

from __future__ import annotations

from documents.extraction.parsers.payslip import company_name, name_wrapped_from_above, parse_payslip
from documents.extraction.reader import Line


def lines(*texts: str) -> list[Line]:
    return [Line(text, 0.95) for text in texts]


BODY = (
    "Av. Central 40, 4700-123 Braga - NIF 514287314 OUT/2026",
    "Vencimento ilíquido Descontos Líquido a pagar",
    "1.300,00 155,00 1.145,00 €",
    "Colaborador: Marta Isabel Sequeira Gomes (711) NIF 243816502",
    "Cód Designação Qtd Preço Remunerações Descontos",
    "001 Vencimento base 1.300,00",
    "901 Segurança Social 1.300,00 11,00% 143,00",
    "902 IRS 1.300,00 1,0% 12,00",
)


def employer(*head: str) -> str | None:
    return parse_payslip(lines(*head, *BODY)).fields.get("employer_name")


def test_a_dash_inside_the_name_before_its_legal_form_with_the_receipt_number_after_it():
    assert employer("Vigilância Norte - Segurança Privada, S.A. RECIBO N.º 52031") == (
        "Vigilância Norte - Segurança Privada, S.A."
    )


def test_a_dash_before_the_legal_form_keeps_a_second_form_word_in_the_name():
    assert company_name("Adega do Minho - Restauração, Unipessoal Lda. Outubro de 2026") == (
        "Adega do Minho - Restauração, Unipessoal Lda."
    )


def test_a_dash_leading_to_an_address_or_a_department_still_ends_the_name():
    # Guards: these passed before the fix too.
    assert company_name("Padaria Lusa - Rua do Carmo 12, Lda. ao lado") == "Padaria Lusa"
    assert company_name("Padaria Lusa - Departamento de Pessoal, Lda. x") == "Padaria Lusa"


def test_a_name_wrapped_after_its_dash_part_is_joined_to_its_first_line():
    assert employer("Frutas do Oeste - Comércio", "Grossista, S.A.") == "Frutas do Oeste - Comércio Grossista, S.A."


def test_a_name_wrapped_after_a_particle_with_the_title_to_its_right():
    assert employer("Apoio Total - Serviços de RECIBO DE VENCIMENTO", "Contact Center, S.A. Período: 10/2026") == (
        "Apoio Total - Serviços de Contact Center, S.A."
    )


def test_a_legal_form_wrapped_after_the_names_comma_is_joined_to_it():
    assert employer("Recrutamais - Empresa de Trabalho Temporário, RECIBO N.º 7781", "Lda. 01/10/2026 a") == (
        "Recrutamais - Empresa de Trabalho Temporário, Lda."
    )


def test_a_legal_form_alone_is_never_the_name():
    assert name_wrapped_from_above("RECIBO DE VENCIMENTO", "Lda.") == "Lda."
    assert employer("RECIBO DE VENCIMENTO 2026", "Lda. Outubro") != "Lda."


def test_a_brand_over_its_legal_name_and_copy_marks_are_no_head_of_the_name():
    # Guards: these passed before the fix too.
    assert name_wrapped_from_above("SEGURIS NORTE", "Segurança Privada, S.A.") == "Segurança Privada, S.A."
    assert name_wrapped_from_above("Original - Duplicado", "Padaria Lusa, Lda.") == "Padaria Lusa, Lda."


def test_a_charitys_status_after_the_dash_stays_in_its_name():
    assert employer("Casa de Repouso Boa Esperança - IPSS RECIBO N.º 3321") == "Casa de Repouso Boa Esperança - IPSS"
