"""Faturas-recibo and employer's declarations the blind probe of round 23 misread: an issuer's hyphenated surname
with "Sá" in it ("… Sá-Pereira") cut at the hyphen, "Sá" taken for a company's "SA"; a fatura-recibo of an "ato
isolado" read as an ordinary one, nothing saying the income happened once; a declaration opening "Para os devidos
efeitos, <company>, S.A., NIPC …, declara que …" giving the opening words as part of the employer's name; and an
English declaration whose "declares that" was cut at the line's end losing the employee's name. The texts are
shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.parsers.employment import parse_employment_declaration
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def portal_fatura(issuer: str, *, title: str = "FATURA-RECIBO N.º FR ATSIRE01FR/31", description: str = "") -> str:
    """The Portal's layout: each party's caption alone, its name, then its NIF."""
    return f"""Autoridade Tributária e Aduaneira - Portal das Finanças
{title}
Data de emissão: 2026-10-31
Emitente
{issuer}
NIF: 218734603
Rua das Flores, 12 - 4050-262 Porto
Adquirente
Vidros do Norte, Lda.
NIF: 509732143
País: PORTUGAL
Descrição
{description or "Tradução técnica - outubro 2026"}
Valor Base 900,00 €
IVA (23%) 207,00 €
Retenção na fonte de IRS (23%) 207,00 €
Importância recebida 900,00 €"""


@pytest.mark.parametrize("issuer", ["Rita Helena Sá-Lobo", "Rita Helena Sa-Lobo"])
def test_a_hyphenated_surname_with_sa_in_it_is_one_name(issuer: str) -> None:
    """Round 23 (I09): the issuer '… Sá-Pereira' under 'Emitente' was read '… Sá', 'Sá' taken for 'SA'."""
    kind, fields, _ = read(portal_fatura(issuer))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["issuer_name"] == issuer
    assert fields["issuer_nif"] == "218734603"


@pytest.mark.parametrize("issuer", ["Rita Helena Lobo-Sá", "Rita Helena Lobo-Sa"])
def test_a_double_surname_ending_in_sa_is_one_name(issuer: str) -> None:
    """Guard (passes before and after the fix): 'Sá' as a double surname's second half stays in the name."""
    _, fields, _ = read(portal_fatura(issuer))
    assert fields["issuer_name"] == issuer


def test_a_company_whose_form_is_sa_without_dots_keeps_it() -> None:
    """Guard (passes before and after the fix): a company's 'SA' without dots still ends its name."""
    _, fields, _ = read(portal_fatura("Traduções Atlânticas SA"))
    assert fields["issuer_name"] == "Traduções Atlânticas SA"


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("FATURA-RECIBO - ATO ISOLADO N.º ATI ATSIRE01AI/4", ""),
        ("FATURA-RECIBO N.º ATI ATSIRE01AI/4", ""),
        ("FATURA-RECIBO N.º FR ATSIRE01FR/31", "Ato isolado - sessão fotográfica"),
    ],
)
def test_a_one_off_act_is_flagged(title: str, description: str) -> None:
    """Round 23 (I03): a fatura-recibo of an 'ato isolado' was read as an ordinary one, nothing to tell the rules
    that its income happened once and is no month of a recurring activity."""
    kind, fields, warnings = read(portal_fatura("Rita Helena Moura", title=title, description=description))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["base_amount"] is not None
    assert "one_off_act" in warnings


def test_an_ordinary_fatura_recibo_is_no_one_off_act() -> None:
    """Guard (passes before and after the fix): an ordinary fatura-recibo carries no 'one_off_act'."""
    _, _, warnings = read(portal_fatura("Rita Helena Moura"))
    assert "one_off_act" not in warnings


OPENING = """Vidros do Norte, S.A.
Rua do Almada, 310 - 4050-032 Porto | NIPC 509732143
DECLARAÇÃO
Para os devidos efeitos, Vidros do Norte, S.A., NIPC 509732143, declara que Tiago Manuel
Brandão Rocha, NIF 234519878, trabalha nesta empresa desde 2 de maio de 2022, com contrato
de trabalho sem termo, auferindo a remuneração mensal ilíquida de 1.650,00 €.
Porto, 12 de novembro de 2026"""


def test_the_opening_words_before_the_declaring_company_are_no_part_of_its_name() -> None:
    """Round 23 (I08 in Portuguese): 'Para os devidos efeitos, X, S.A., NIPC …, declara que …' on one line gave
    the employer 'Para os devidos efeitos, X, S.A.'."""
    kind, fields, _ = read(OPENING)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_name"] == "Vidros do Norte, S.A."
    assert fields["employee_name"] == "Tiago Manuel Brandão Rocha"


def test_a_company_named_without_an_opening_phrase_is_unchanged() -> None:
    """Guard (passes before and after the fix): 'A X, Lda., NIPC …, declara que …' still gives 'X, Lda.'."""
    _, fields, _ = read(OPENING.replace("Para os devidos efeitos, Vidros do Norte, S.A.", "A Vidros do Norte, Lda."))
    assert fields["employer_name"] == "Vidros do Norte, Lda."


ENGLISH = """Vidros do Norte, S.A.
Rua do Almada, 310 - 4050-032 Porto | NIPC 509732143
DECLARATION OF EMPLOYMENT
For all due purposes, Vidros do Norte, S.A., tax number 509732143, hereby declares tha
Tiago Manuel Brandão Rocha, tax number (NIF) 234519878, has been employed by this company since
2 May 2022 under a permanent employment contract, with a monthly gross salary of EUR 1,650.00.
Porto, 12 November 2026"""


def test_an_english_declaration_names_the_person_before_their_nif() -> None:
    """Round 23 (I08): the line's end cut 'declares that' to 'declares tha', and the employee's name was lost;
    the person whose NIF follows their name is the employee."""
    parsed = parse_employment_declaration([Line(line) for line in ENGLISH.splitlines()])
    assert parsed.fields["employee_name"] == "Tiago Manuel Brandão Rocha"
    assert parsed.fields["employee_nif"] == "234519878"
    assert parsed.fields["employer_name"] == "Vidros do Norte, S.A."
    assert parsed.fields["contract_type"] == "PERMANENT"


def test_an_employment_declaration_titled_in_english_is_one() -> None:
    """Round 23: "Declaration of employment" was no title the classifier knew, and a line cut at the page's edge
    lost the sentence's "declares that": the declaration was refused."""
    from documents.extraction.parsers import classify

    text = """Pinheiro & Costa Engenharia, S.A.
DECLARATION OF EMPLOYMENT
Pinheiro & Costa Engenharia, S.A., NIPC 575617276, declares tha
Arjun Vikram Mehta, tax number (NIF) 264930339, has been employed by this company since 1 March 2024."""
    assert classify(text) == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
