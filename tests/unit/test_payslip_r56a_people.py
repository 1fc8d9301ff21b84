"""Blind probe r56a: who a payslip names, on layouts of other tools than the ones seen before.

Finding 4: a letter-style slip of a small employer whose NIF is a person's (a sole trader): its letterhead's NIF,
with no caption, was taken for a second NIF of the employee, and both NIFs and both names were dropped
(``nif_ambiguous``). The slip's title parts the letterhead from the body. Finding 3: an HR portal's logo initials
read into the employer's name. Finding 6: legal forms cut from names. Finding 7: ``missing:employee_name`` never
raised."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import fields_revalidate


def lines(*texts: str, confidence: float = 1.0) -> list[Line]:
    return [Line(text, confidence) for text in texts]


AMOUNTS = (
    "Retribuição base mensal 1.050,00 €",
    "Total ilíquido 1.050,00 €",
    "Desconto para a Segurança Social (11%) - 115,50 €",
    "Retenção na fonte de IRS 12,00 €",
    "Líquido recebido 922,50 €",
)


def sole_traders_letter(title: str) -> list[Line]:
    return lines(
        "Escritório de Solicitadoria de Viseu - Dr. Tomás Arnaldo Queirós",
        "NIF 190830166",
        "Rua Formosa, 12, 3500-135 Viseu",
        title,
        "Inês Carolina Pinto Matos, contribuinte n.º 275749118, Assistente",
        "administrativa, recebeu a retribuição referente ao mês de maio de 2026, nos termos",
        "seguintes:",
        *AMOUNTS,
        "Viseu, 29/05/2026",
        "O trabalhador: ______________________",
    )


def test_a_sole_traders_letterhead_nif_is_the_employer_s_and_the_body_s_the_employee_s() -> None:
    parsed = parse_payslip(sole_traders_letter("R E C I B O  D E  V E N C I M E N T O"))
    assert "nif_ambiguous" not in parsed.warnings
    assert parsed.fields["employee_nif"] == "275749118"
    assert parsed.fields["employer_nif"] == "190830166"
    assert parsed.fields["employee_name"] == "Inês Carolina Pinto Matos"
    # The holder of the practice is the employer whose NIF it prints: not cut off as a parent body would be.
    assert parsed.fields["employer_name"] == "Escritório de Solicitadoria de Viseu - Dr. Tomás Arnaldo Queirós"


def test_the_title_printed_plainly_parts_the_letterhead_as_well() -> None:
    parsed = parse_payslip(sole_traders_letter("Recibo de Vencimento"))
    assert (parsed.fields["employee_nif"], parsed.fields["employer_nif"]) == ("275749118", "190830166")


def test_two_personal_nifs_both_in_the_body_are_still_ambiguous() -> None:
    """Guard (passes either way): the title parts nothing when both uncaptioned NIFs are under it."""
    texts = [line.text for line in sole_traders_letter("Recibo de Vencimento")]
    texts[1] = "Rua Formosa, 12, 3500-135 Viseu"
    texts.insert(8, "Referência interna: contribuinte n.º 190830166")
    parsed = parse_payslip(lines(*texts))
    assert "employer_nif" not in parsed.fields


# Finding 3: an HR portal's logo, a circle with the company's initials, which Chromium writes on the name's line.
def portal_slip(letterhead: str) -> list[Line]:
    return lines(
        letterhead,
        "Rua do Almada, 200, 4050-031 Porto · NIF 558887180",
        "Recibo de Vencimento",
        "Período: Março de 2026",
        "Colaborador: Duarte Miguel Sequeira Lobo",
        "NIF 275749118",
        "Vencimento base 1.050,00",
        "Total ilíquido 1.050,00",
        "Segurança Social 115,50",
        "IRS 12,00",
        "Líquido a receber 922,50",
    )


def test_a_logo_s_initials_of_the_name_s_later_words_are_no_part_of_it() -> None:
    parsed = parse_payslip(portal_slip("TN Construções Terra Nova, Lda."))
    assert parsed.fields["employer_name"] == "Construções Terra Nova, Lda."


def test_a_logo_s_initials_of_a_compound_name_s_parts_are_no_part_of_it() -> None:
    parsed = parse_payslip(portal_slip("CM Cimentomar Betões do Norte, S.A."))
    assert parsed.fields["employer_name"] == "Cimentomar Betões do Norte, S.A."


def test_an_acronym_that_is_the_name_s_own_stays() -> None:
    """Guard (passes either way): capitals that are no initials of the words after them are the name's."""
    assert parse_payslip(portal_slip("NOS Comunicações, S.A.")).fields["employer_name"] == "NOS Comunicações, S.A."
    assert parse_payslip(portal_slip("TAP Air Portugal, S.A.")).fields["employer_name"] == "TAP Air Portugal, S.A."


# Finding 6: a legal form cut from the employer's name.
def test_a_legal_form_wrapped_after_the_name_s_comma_stays_in_it() -> None:
    texts = [line.text for line in portal_slip("Recibo de vencimento / Payslip")]
    texts[1:2] = ["Empresa / Company: Serra Verde Engineering Portugal,", "Unipessoal Lda.", "NIPC / Tax ID: 558887180"]
    parsed = parse_payslip(lines(*texts))
    assert parsed.fields["employer_name"] == "Serra Verde Engineering Portugal, Unipessoal Lda."


def test_a_regional_public_institute_keeps_its_form() -> None:
    texts = [line.text for line in portal_slip("Instituto de Desporto da Região, IP-RAM")]
    texts[1] = "NIF 607929081"
    assert parse_payslip(lines(*texts)).fields["employer_name"] == "Instituto de Desporto da Região, IP-RAM"
    texts[0] = "Instituto de Gestão dos Fundos, I.P."
    assert parse_payslip(lines(*texts)).fields["employer_name"] == "Instituto de Gestão dos Fundos, I.P."


# Finding 7: docs/api.md lists ``missing:employee_name`` among a payslip's warnings; it was never raised.
def test_a_payslip_s_unread_employee_name_is_warned() -> None:
    fields = {
        "employee_name": None,
        "employer_name": "Sequeira & Lobo, Lda",
        "period": "2026-03",
        "base_salary": Decimal("1050.00"),
        "gross_pay": Decimal("1050.00"),
        "social_security": Decimal("115.50"),
        "irs_withholding": Decimal("12.00"),
        "net_pay": Decimal("922.50"),
    }
    warnings = fields_revalidate(
        DocumentKind.RECIBO_VENCIMENTO, fields, document_type="PROOF_OF_INCOME", today=dt.date(2026, 4, 2)
    )
    assert warnings == ["missing:employee_name"]
    fields["employee_name"] = "Duarte Miguel Sequeira Lobo"
    assert not fields_revalidate(
        DocumentKind.RECIBO_VENCIMENTO, fields, document_type="PROOF_OF_INCOME", today=dt.date(2026, 4, 2)
    )
