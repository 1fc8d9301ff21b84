"""Blind probe r64a findings 5, 7, 13 and 14: payslips that are not the usual ones. A working pensioner's payslip
(finding 5: read as a Segurança Social pension), a seafarer's wage account in English (finding 7: refused as not
recognised), a German payslip (finding 13: the name after the personnel number, the wage tax and the social
insurance's rows unread, `missing:social_security` raised) and an English payslip of a foreign employer withholding
Portuguese IRS and social security (finding 14: no `foreign_payslip`, by decision). Lines of our own wording; names
and numbers of our own."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import fields_revalidate


def lines_of(*texts: str) -> list[Line]:
    return [Line(text, 0.9) for text in texts]


# --- Finding 5: a working pensioner's payslip ---------------------------------------------------------------------

PENSIONERS_PAYSLIP = (
    "Talho Serrano & Filhos, Lda. Recibo de Vencimento",
    "NIF 509341721",
    "Outubro 2026",
    "Nome: Joaquim Fernandes Abreu NIF: 237815400",
    "Categoria: Ajudante de talho - Pensionista de invalidez (taxa 7,5%)",
    "Vencimento base (meio tempo) 480,00",
    "Subsídio de refeição (18 dias x 5,00) 90,00",
    "Segurança Social (pensionista 7,5%) 36,00",
    "Líquido a receber: 534,00 €",
)


def test_a_working_pensioners_payslip_is_a_payslip_not_a_pension() -> None:
    assert classify("\n".join(PENSIONERS_PAYSLIP)) == DocumentKind.RECIBO_VENCIMENTO


def test_a_working_pensioners_payslip_gives_its_employer_and_gross() -> None:
    parsed = parse_payslip(lines_of(*PENSIONERS_PAYSLIP))
    assert parsed.fields.get("employer_name") == "Talho Serrano & Filhos, Lda."
    assert parsed.fields.get("gross_pay") == Decimal("570.00")
    assert parsed.fields.get("social_security") == Decimal("36.00")
    assert parsed.fields.get("net_pay") == Decimal("534.00")


def test_a_pension_statement_naming_the_pensioner_stays_a_pension() -> None:
    # Guard (passes either way): no payslip's title, no base salary.
    text = "\n".join(
        (
            "Segurança Social - Centro Nacional de Pensões",
            "Declaração",
            "Beneficiário: Joaquim Fernandes Abreu NIF 237815400",
            "Pensionista de invalidez",
            "Pensão de invalidez 612,40",
            "Valor líquido 612,40",
        )
    )
    assert classify(text) == DocumentKind.DECLARACAO_PENSAO


def test_a_pensions_receipt_titled_as_a_pension_with_no_base_salary_stays_a_pension() -> None:
    # Guard (passes either way): the pension's receipt prints "Abonos" and "Descontos" as a payslip does.
    text = "\n".join(
        (
            "Caixa Geral de Aposentações",
            "Recibo de pensão - Novembro 2026",
            "Aposentado: Joaquim Fernandes Abreu NIF 237815400",
            "Abonos Pensão de aposentação 1.240,00",
            "Descontos IRS 98,00 ADSE 43,40",
            "Líquido 1.098,60",
        )
    )
    assert classify(text) == DocumentKind.DECLARACAO_PENSAO


def test_a_stray_mark_before_the_employers_name_is_no_part_of_it() -> None:
    from documents.extraction.parsers.payslip import without_leading_marks  # here: the test fails, not the file

    assert without_leading_marks("'* Talho Serrano, Lda.") == "Talho Serrano, Lda."
    assert without_leading_marks("“Serrano” Carnes, Lda.") == "“Serrano” Carnes, Lda."


# --- Finding 7: English payslips by their other titles ---------------------------------------------------------

WAGE_ACCOUNT = (
    "North Sea Shipmanagement Ltd",
    "Harbour Road 12, Valletta, Malta",
    "Crew Wage Account - October 2026",
    "Seafarer: Rui Miguel Tavares Lobo Rank: Bosun Vessel: MV Northern Light",
    "Portuguese NIF: 211486590",
    "Earnings EUR",
    "Basic wage 1,900.00",
    "Leave pay 316.67",
    "Total earnings 2,216.67",
    "Deductions EUR",
    "Union dues 20.00",
    "Total deductions 20.00",
    "Net wages: EUR 2,196.67",
)


def test_a_seafarers_wage_account_is_a_payslip() -> None:
    assert classify("\n".join(WAGE_ACCOUNT)) == DocumentKind.RECIBO_VENCIMENTO


def test_english_payslips_other_titles_are_payslips() -> None:
    body = ("Basic salary 2,000.00", "Income tax 210.00", "Net pay 1,790.00")
    for title in ("Wage Statement", "Statement of Earnings", "Pay Advice", "Salary Slip"):
        assert classify("\n".join((f"Harbourside Ltd {title}", *body))) == DocumentKind.RECIBO_VENCIMENTO, title


def test_a_seafarers_wage_account_is_read_as_a_foreign_payslip() -> None:
    parsed = parse_payslip(lines_of(*WAGE_ACCOUNT))
    assert parsed.fields.get("employee_name") == "Rui Miguel Tavares Lobo"
    assert parsed.fields.get("base_salary") == Decimal("1900.00")
    assert parsed.fields.get("gross_pay") == Decimal("2216.67")
    assert parsed.fields.get("net_pay") == Decimal("2196.67")
    assert "foreign_payslip" in parsed.warnings


# --- Finding 13: a German payslip ---------------------------------------------------------------------------------

GERMAN_PAYSLIP = (
    "Havelblick Logistik GmbH",
    "Uferweg 7 - 14467 Potsdam",
    "Entgeltabrechnung für September 2026",
    "Personal-Nr. 3307 Beatriz Helena Moura Castro Steuerklasse 1 Portugiesische NIF: 194620387",
    "Bezüge Betrag EUR",
    "Gehalt 3.200,00",
    "Gesamtbrutto 3.200,00",
    "Abzüge Betrag EUR",
    "Lohnsteuer 401,16",
    "Rentenversicherung 9,3 % 297,60",
    "Arbeitslosenversicherung 1,3 % 41,60",
    "Krankenversicherung 8,75 % 280,00",
    "Pflegeversicherung 1,8 % 57,60",
    "Auszahlungsbetrag: 2.122,04 EUR",
)


def test_a_german_payslips_wage_tax_and_social_insurance_are_read() -> None:
    parsed = parse_payslip(lines_of(*GERMAN_PAYSLIP))
    assert parsed.fields.get("irs_withholding") == Decimal("401.16")
    assert parsed.fields.get("social_security") == Decimal("676.80")
    assert parsed.fields.get("net_pay") == Decimal("2122.04")
    assert "arithmetic_mismatch" not in parsed.warnings
    assert "foreign_payslip" in parsed.warnings


def test_the_name_after_a_german_personnel_number_is_the_workers() -> None:
    parsed = parse_payslip(lines_of(*GERMAN_PAYSLIP))
    assert parsed.fields.get("employee_name") == "Beatriz Helena Moura Castro"


def test_a_foreign_payslip_with_no_social_security_row_is_not_warned_missing() -> None:
    fields = {"net_pay": Decimal("2196.67"), "gross_pay": Decimal("2216.67"), "period": "2026-10",
              "employee_name": "Rui Miguel Tavares Lobo"}  # fmt: skip
    foreign = fields_revalidate(DocumentKind.RECIBO_VENCIMENTO, dict(fields), document_type="PROOF_OF_INCOME",
                                foreign_payslip=True)  # fmt: skip
    portuguese = fields_revalidate(DocumentKind.RECIBO_VENCIMENTO, dict(fields), document_type="PROOF_OF_INCOME")
    assert "missing:social_security" not in foreign
    assert "missing:social_security" in portuguese


# --- Finding 14: a foreign employer's payslip under Portuguese IRS and social security -------------------------


def test_a_foreign_employers_slip_withholding_portuguese_irs_and_social_security_is_portugals() -> None:
    # Guard (passes either way, by decision: docs/api.md): Portuguese IRS and Segurança Social withheld make it a
    # salary under Portuguese law, its 14 payments, whatever the employer's legal form.
    parsed = parse_payslip(
        lines_of(
            "Corrib Analytics Ltd",
            "Eyre Square 4, Galway, Ireland",
            "Payslip",
            "Pay period: 01 Sep 2026 - 30 Sep 2026",
            "Employee: Inês Carolina Brito Valente Portuguese NIF: 273059165",
            "Basic salary 3,100.00 Portuguese IRS withholding 620.00",
            "Total gross 3,100.00 Portuguese Social Security (11%) 341.00",
            "Net pay: EUR 2,139.00",
        )
    )
    assert parsed.fields.get("net_pay") == Decimal("2139.00")
    assert "foreign_payslip" not in parsed.warnings


def test_a_foreign_payslips_social_insurance_above_portugals_rate_adds_up() -> None:
    # Germany's four insurances come to some 21 % of the gross: no misread, where Portugal's 11 % would say one.
    fields = {"gross_pay": Decimal("3200.00"), "social_security": Decimal("676.80"),
              "irs_withholding": Decimal("401.16"), "net_pay": Decimal("2122.04"), "period": "2026-09",
              "employee_name": "Beatriz Helena Moura Castro"}  # fmt: skip
    foreign = fields_revalidate(DocumentKind.RECIBO_VENCIMENTO, dict(fields), document_type="PROOF_OF_INCOME",
                                foreign_payslip=True)  # fmt: skip
    assert "arithmetic_mismatch" not in foreign
