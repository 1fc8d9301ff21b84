"""Blind probe r77d, F2: a student's grant (a DGES bolsa de estudo, a university's, a municipality's or a foundation's,
an Erasmus+ grant agreement) was told only "legível, mas não foi reconhecido como comprovativo de rendimentos: envie
recibos de vencimento ...", which a student has none of. It is refused saying what it is, that it is not counted and
why, and that a guarantor can cover the rent, as a research grant and an enrolment certificate are. The letters are
shaped as the reader gives them, with names, issuers and figures of their own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from applicants.text import format_eur
from documents.extraction.local import (
    ENROLMENT_CERTIFICATE_REFUSED,
    RESEARCH_GRANT_REFUSED,
    STUDY_GRANT_REFUSED,
    UNRECOGNISED,
    refusal,
)
from documents.extraction.parsers.classify import classify
from documents.extraction.schema import DocumentKind
from documents.reasons import STUDY_GRANT_MONTHLY_REFUSED
from intake.status import reason_in_language
from screening.explanation import EN, PT
from screening.rules.income import refused_as
from tests.unit.test_income_r62a_grants import ENROLMENT_CERTIFICATE, GRANT_DECLARATION, read_page

SAS_DECISION = """SERVIÇOS DE AÇÃO SOCIAL DA UNIVERSIDADE DO MINHO
Ofício n.º 4471/SASUM/2026
Assunto: Resultado da candidatura a bolsa de estudo — ano letivo 2026/2027
Exmo(a). Senhor(a) Duarte Azevedo Brito, estudante n.º A98213
Informamos que a sua candidatura foi deferida, com a bolsa anual de 1.950,00 €,
paga em dez prestações de 195,00 € por mês, de outubro a julho.
Braga, 28 de outubro de 2026"""

MUNICIPAL_GRANT = """MUNICÍPIO DE VISEU
Divisão de Educação
Bolsas de Estudo para o Ensino Superior — Ano Letivo 2026-2027
Lista definitiva de beneficiários
Beneficiária: Leonor Prata Gaspar
Montante: 100,00 € mensais durante 10 meses"""

FOUNDATION_SCHOLARSHIP = """Fundação Amadeu Vidal para a Educação
Programa de Bolsas de Estudo 2026/27
Carta de atribuição
Caro Henrique Sardinha Lobo,
Temos o prazer de lhe atribuir uma bolsa de estudo de 150,00 € por mês durante o ano académico.
Lisboa, 14 de setembro de 2026"""

GRANT_AND_HOUSING = """Direção de Serviços de Apoio ao Estudante do Ensino Superior
Decisão sobre o requerimento de bolsa de estudo, ano letivo 2026/2027
Requerente: Matilde Sequeira Bento
Bolsa anual: 3.125,00 € em 10 prestações mensais de 312,50 €
Complemento de alojamento: 221,00 € mensais (estudante deslocada)"""

MOBILITY_AGREEMENT = """Uniwersytet Jagielloński
Erasmus+ Programme — Key Action 1
Learning mobility of individuals: Grant Agreement No. 2026-1-PL01-KA131-HED-000912
Participant: Zofia Kowalczyk
Receiving institution: Universidade do Porto
Start date 15/09/2026  End date 31/01/2027
Individual support: 520,00 EUR per month"""


def monthly(*amounts: str) -> str:
    return STUDY_GRANT_MONTHLY_REFUSED % {"amounts": " + ".join(format_eur(Decimal(a)) for a in amounts)}


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        (SAS_DECISION, ("195.00",)),
        (MUNICIPAL_GRANT, ("100.00",)),
        (FOUNDATION_SCHOLARSHIP, ("150.00",)),
        (MOBILITY_AGREEMENT, ("520.00",)),
        (GRANT_AND_HOUSING, ("312.50", "221.00")),
    ],
    ids=["university-social-services", "municipality", "foundation", "erasmus-agreement", "grant-and-housing"],
)
def test_a_student_s_grant_is_refused_saying_what_it_is_what_it_pays_a_month_and_that_a_guarantor_can_cover(
    text: str, amounts: tuple[str, ...]
) -> None:
    assert classify(text) == DocumentKind.UNKNOWN
    reason = refusal(read_page(text), "PROOF_OF_INCOME", [])
    assert reason == monthly(*amounts)
    # The year's total and the number of instalments are no month's amount.
    assert "1 950,00" not in reason and "3 125,00" not in reason
    with translation.override("en"):
        english = reason_in_language(reason)
    assert english.startswith("This document is from a study or mobility grant")
    assert " + ".join(format_eur(Decimal(a)) for a in amounts) + " a month" in english and "guarantor" in english
    # The applicant's explanation reads it through the same catalogue, its amount kept.
    assert EN.reason(reason) == english and PT.reason(reason) == reason


def test_a_grant_paid_in_another_currency_is_not_said_in_euros() -> None:
    abroad = MOBILITY_AGREEMENT.replace("Individual support: 520,00 EUR per month", "Monthly grant: 2.150,00 PLN")
    assert refusal(read_page(abroad), "PROOF_OF_INCOME", []) == STUDY_GRANT_REFUSED


def test_a_grant_whose_amount_a_month_is_not_read_is_refused_with_the_reason_of_its_own() -> None:
    decision = """Serviços de Ação Social do Instituto Politécnico de Leiria
Bolsa de estudo — ano letivo 2026/2027: candidatura deferida
Estudante: Gonçalo Meireles Paiva
O valor da bolsa será comunicado após a conclusão do processo."""
    assert refusal(read_page(decision), "PROOF_OF_INCOME", []) == STUDY_GRANT_REFUSED
    with translation.override("en"):
        assert reason_in_language(STUDY_GRANT_REFUSED).startswith("This document is from a study or mobility grant")


def test_the_study_grant_reason_names_it_says_it_is_not_counted_and_why() -> None:
    assert "bolsa de estudo" in STUDY_GRANT_REFUSED and "Erasmus+" in STUDY_GRANT_REFUSED
    assert "não é contada como rendimento" in STUDY_GRANT_REFUSED
    assert "meses do ano letivo" in STUDY_GRANT_REFUSED and "fiador" in STUDY_GRANT_REFUSED
    assert "envie recibos de vencimento" not in STUDY_GRANT_REFUSED
    # Staff's justification lists it by what it is ("1 documento que é de uma bolsa de estudo ..."), not "não
    # reconhecido".
    assert refused_as(STUDY_GRANT_REFUSED) == (
        "que é de uma bolsa de estudo ou de mobilidade (da DGES, de uma universidade, de um município, de uma "
        "fundação ou do Erasmus+)"
    )
    assert refused_as(monthly("280.00", "250.00")) == (
        "que é de uma bolsa de estudo ou de mobilidade (da DGES, de uma universidade, de um município, de uma "
        "fundação ou do Erasmus+) de 280,00 € + 250,00 € por mês"
    )


def test_the_research_grant_and_the_enrolment_certificate_keep_their_own_reasons() -> None:
    """Guards: a fellowship's declaration names a grant too, and an enrolment certificate an academic year."""
    assert refusal(read_page(GRANT_DECLARATION), "PROOF_OF_INCOME", []) == RESEARCH_GRANT_REFUSED
    assert refusal(read_page(ENROLMENT_CERTIFICATE), "PROOF_OF_INCOME", []) == ENROLMENT_CERTIFICATE_REFUSED
    # An enrolment certificate that says the student holds a grant is still told as an enrolment certificate.
    with_a_grant = ENROLMENT_CERTIFICATE + "\nO estudante é bolseiro, com bolsa de estudo da DGES de 280,00 € mensais."
    assert refusal(read_page(with_a_grant), "PROOF_OF_INCOME", []) == ENROLMENT_CERTIFICATE_REFUSED


def test_a_grant_named_once_with_nothing_of_a_grant_s_letter_is_still_unrecognised() -> None:
    """A letter that names a scholarship in passing, with no issuer of grants, no school year and no amount a month, is
    no grant's letter."""
    mention = """Clínica Dentária Sorriso Feliz
Declaração de presença
Declara-se que o paciente esteve presente em consulta, tendo referido ser candidato a uma bolsa de estudo.
Aveiro, 3 de novembro de 2026"""
    assert refusal(read_page(mention), "PROOF_OF_INCOME", []) == UNRECOGNISED["PROOF_OF_INCOME"]
