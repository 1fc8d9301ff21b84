"""Proofs of income the blind probe of round 19 misread.

A pension statement over several pages, the month's amounts by their captions on the first page and a table of the
year's payments under a header (month, gross, IRS, net) on the next: the table's latest month restates the month's
deduction, and the two were added up, so a statement that adds up was flagged ``arithmetic_mismatch``. An employer's
declaration on letterhead (a logo's initials over the name, a line of its legal form and share capital under it):
the letterhead's lines were joined into the name, where the body's sentence ("X, S.A., pessoa coletiva n.º ...,
declara que ...") names the company whole. The texts are shaped as the reader hands them over, with names and
numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


def pension_statement(table_net: str = "871,30", summary_net: str = "871,30") -> str:
    rows = "\n".join(
        f"{month} 934,30 63,00 {table_net}" for month in ("Janeiro", "Fevereiro", "Março", "Abril", "Maio", "Junho")
    )
    return f"""Instituto da Segurança Social, I.P.
Centro Nacional de Pensões
Página 1 de 2
DECLARAÇÃO DE PENSÃO
Declara-se que o beneficiário abaixo identificado é titular de uma pensão nos termos seguintes:
Nome: Joaquim Manuel Correia Pestana
NIF: 123456789
Tipo de pensão: Invalidez
Valor mensal ilíquido: 934,30 €
Retenção de IRS: 63,00 €
Valor mensal líquido: {summary_net} €
N.º de prestações anuais: 14
Instituto da Segurança Social, I.P.
Centro Nacional de Pensões
Página 2 de 2
Pagamentos efetuados em 2026
Mês Ilíquido IRS Líquido
{rows}
Julho (c/ subsídio) 1.868,60 126,00 1.742,60
Porto, 2 de setembro de 2026"""


def test_a_table_restating_the_months_deduction_is_not_counted_twice() -> None:
    kind, fields, warnings = read(pension_statement())
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("934.30")
    assert fields["net_monthly_amount"] == Decimal("871.30")
    assert fields["deductions"] == Decimal("63.00")
    assert "arithmetic_mismatch" not in warnings


def test_guard_a_statement_that_does_not_add_up_is_still_flagged() -> None:
    """The guard: the net printed is not the gross less the IRS, on the first page and in the table alike; the
    statement is still flagged, with the month's IRS once as its deductions (before the fix, twice)."""
    _, fields, warnings = read(pension_statement(table_net="861,30", summary_net="861,30"))
    assert fields["deductions"] == Decimal("63.00")
    assert "arithmetic_mismatch" in warnings


def employer_declaration(letterhead: str) -> str:
    return f"""{letterhead}
DECLARAÇÃO
Vidreira Lusitana do Vouga, S.A., pessoa coletiva n.º 503218455, declara que
Marta Isabel Quaresma Dinis, contribuinte n.º 234567890, é sua trabalhadora desde 1 de março
de 2020, com contrato de trabalho sem termo, auferindo a remuneração base mensal ilíquida de 1.412,00 €.
Aveiro, 20 de novembro de 2026"""


def test_a_letterhead_with_a_logos_initials_and_its_legal_form_gives_way_to_the_declarant() -> None:
    letterhead = "VL VIDREIRA LUSITANA DO VOUGA\nSociedade Anónima · Capital social 1.000.000 €"
    kind, fields, _ = read(employer_declaration(letterhead))
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_name"] == "Vidreira Lusitana do Vouga, S.A."
    assert fields["employee_name"] == "Marta Isabel Quaresma Dinis"


def test_the_declarants_sentence_wrapped_over_its_seats_address_names_the_employer() -> None:
    letterhead = "VL VIDREIRA LUSITANA DO VOUGA\nSociedade Anónima · Capital social 1.000.000 € · Matrícula CRC Aveiro"
    text = employer_declaration(letterhead).replace(
        "n.º 503218455, declara que", "n.º 503218455, com sede na Rua do Forno, 12,\n3800-100 Aveiro, declara que"
    )
    _, fields, _ = read(text)
    assert fields["employer_name"] == "Vidreira Lusitana do Vouga, S.A."


def test_guard_a_letterheads_legal_form_line_over_an_impersonal_declaration_is_no_name() -> None:
    """The guard (passes before the fix too): "Declara-se que ..." has no subject before its verb, and the
    letterhead's tagline above is not read as one."""
    text = """LUSITANA TÊXTEIS
Sociedade Anónima · Capital social 500.000 €
Declara-se que Marta Isabel Quaresma Dinis, contribuinte n.º 234567890, é trabalhadora desta empresa
desde 1 de março de 2020, com contrato sem termo, auferindo 1.412,00 € mensais ilíquidos.
Aveiro, 20 de novembro de 2026"""
    _, fields, _ = read(text)
    assert fields.get("employer_name") != "Sociedade"
