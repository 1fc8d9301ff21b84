"""The parties' names on payslips as payroll and HR platforms export them in English or in both languages (blind
probe r40a). A bank's "... Payroll Services" line over the letterhead joined to the employer's name; the bilingual
signature footer "A Entidade Patronal / Employer   O Trabalhador / Employee" read as the employer; the English caption
"Employer" kept in the name of a key/value row ("Employer Transportes ..., Lda.", "Empresa / Employer ..."); the box
caption "Empresa / Employer" read as a name and then dropped, the employer left null; the bank's payroll-service row
and the payroll program's footer ("... — Processed on ...") read as the employee. The lines are a text layer's, with
names, NIFs and figures of their own."""

from __future__ import annotations

from documents.extraction.parsers.payslip import parse_payslip, processing_line, signature_footer
from documents.extraction.reader import Line

# Base 1.500,00 + meal allowance 120,00 = 1.620,00; 165,00 + 180,00 = 345,00 withheld; net 1.275,00.
EN_TABLE = [
    "Code Description Units Earnings Deductions",
    "A01 Base salary 1.500,00",
    "R02 Meal allowance 20,00 120,00",
    "D03 Social Security (11%) 165,00",
    "D04 Income tax (IRS) 11.1% 180,00",
    "Totals 1.620,00 345,00",
    "Net pay 1.275,00 €",
]
BI_TABLE = [
    "Cód. Descrição / Description Qtd. / Units Abonos / Earnings Descontos / Deductions",
    "R01 Vencimento base / Base salary 1.500,00",
    "R02 Subsídio de alimentação / Meal allowance 20,00 120,00",
    "D03 Segurança Social (11%) / Social Security (11%) 165,00",
    "D04 Retenção IRS 11,1% / Income tax (IRS) 11.1% 180,00",
    "Totais / Totals 1.620,00 345,00",
    "Líquido / Net pay 1.275,00",
]
SIGNED_LIST_BODY = [
    "Code Description Units Amount",
    "101 Base salary 1.500,00",
    "103 Meal allowance 20,00 120,00",
    "505 Social Security (11%) -165,00",
    "506 Income tax (IRS) 11.1% -180,00",
    "Gross pay 1.620,00",
    "Total deductions -345,00",
    "Net pay 1.275,00",
]


def names(*texts: str) -> tuple[str | None, str | None]:
    parsed = parse_payslip([Line(text) for text in texts])
    return parsed.fields.get("employee_name"), parsed.fields.get("employer_name")


def english_header(first_line: str) -> list[str]:
    return [
        first_line,
        "Carpintaria Vale Verde, Lda. Payslip",
        "Rua das Camélias, 12, 4470-100 Maia Pay period: October 2026",
        "Tax ID (NIF): 507980344 CAE 16230 Payment date: 30/10/2026",
        "Employee: Vera Lúcia Matos Rocha Employee No.: 0412",
        "Tax ID (NIF): 238203972 Social Security No.: 12345678901 Job title: Carpinteira",
    ]


# (A) The bank's payroll service over the letterhead.


def test_an_english_payroll_service_line_is_not_the_head_of_the_employers_name() -> None:
    _, employer = names(*english_header("Banco Meridional Payroll Services"), *EN_TABLE, "The Employer   The Employee")
    assert employer == "Carpintaria Vale Verde, Lda."


def test_a_short_portuguese_payroll_service_line_is_not_joined_either() -> None:
    _, employer = names(*english_header("Banco Sul Processamento Salarial"), *EN_TABLE, "The Employer   The Employee")
    assert employer == "Carpintaria Vale Verde, Lda."


def test_a_brand_over_the_legal_name_is_still_the_names_head() -> None:
    # Guard: the head of the name printed on the first line ("SOLAR ATLÂNTICO" / "Carpintaria ..., Lda.") stays.
    _, employer = names(*english_header("SOLAR ATLÂNTICO"), *EN_TABLE, "The Employer   The Employee")
    assert employer == "SOLAR ATLÂNTICO - Carpintaria Vale Verde, Lda."


# (B) The signature footer in both languages.


def bilingual_slip(footer: str) -> list[str]:
    return [
        "Carpintaria Vale Verde, Lda. Recibo de Vencimento / Payslip",
        "Rua das Camélias, 12, 4470-100 Maia Período / Pay period: 10/2026",
        "NIF / Tax ID: 507980344 CAE 16230 Pagamento / Payment date: 30/10/2026",
        "Colaborador / Employee: Vera Lúcia Matos Rocha N.º / Employee No.: 0412",
        "NIF / Tax ID: 238203972 NISS / Social Security No.: 12345678901",
        *BI_TABLE,
        "Declaro que recebi a importância líquida / I acknowledge receipt of the net amount.",
        footer,
        "Folha Pro v3 — Processado em / Processed on 24/10/2026 14:27",
    ]


def test_the_bilingual_signature_footer_is_not_the_employer() -> None:
    employee, employer = names(*bilingual_slip("A Entidade Patronal / Employer   O Trabalhador / Employee"))
    assert employer == "Carpintaria Vale Verde, Lda."
    assert employee == "Vera Lúcia Matos Rocha"


def test_a_bilingual_footer_with_no_articles_names_no_employer_either() -> None:
    # The employer's caption "Entidade Patronal / Employer" whole, then the employee's in English: no company.
    _, employer = names(*bilingual_slip("Entidade Patronal / Employer   Employee"))
    assert employer == "Carpintaria Vale Verde, Lda."


def test_the_portuguese_footer_still_names_no_employer() -> None:
    # Guard: as before, the Portuguese footer alone.
    _, employer = names(*bilingual_slip("A Entidade Patronal   O Trabalhador"))
    assert employer == "Carpintaria Vale Verde, Lda."


def test_a_signature_footer_is_both_parties_captions_with_an_article() -> None:
    assert signature_footer("The Employer   The Employee")
    assert signature_footer("A Entidade Patronal / Employer   O Trabalhador / Employee")
    assert signature_footer("Assinatura da entidade empregadora   Assinatura do trabalhador")
    # Two boxes' captions over their values, one party's caption, or a caption with its value: no footer.
    assert not signature_footer("Entidade Empregadora   Colaborador")
    assert not signature_footer("O Trabalhador")
    assert not signature_footer("A Entidade Patronal: Quintas & Filhos, Lda.   O Trabalhador")


def test_a_printed_name_under_the_english_signature_footer_is_not_the_employee() -> None:
    # The employer's signatory printed under the footer; the employee's own row has a caption with no colon.
    employee, _ = names(
        "PAYSLIP October 2026",
        "Employer Carpintaria Vale Verde, Lda.",
        "Tax ID (NIF) 507980344",
        "Name Vera Lúcia Matos Rocha",
        "Tax ID (NIF) 238203972",
        *SIGNED_LIST_BODY,
        "The Employer   The Employee",
        "Rui Costa Almeida",
    )
    assert employee == "Vera Lúcia Matos Rocha"


# (C) The caption of a key/value row kept in the employer's name.


def signed_list(employer_row: str, name_row: str = "Name Vera Lúcia Matos Rocha") -> list[str]:
    return [
        "PAYSLIP 01/10/2026 - 31/10/2026",
        employer_row,
        "Tax ID (NIF) 507980344",
        name_row,
        "Tax ID (NIF) 238203972",
        "Social Security No. 12345678901",
        *SIGNED_LIST_BODY,
        "I acknowledge receipt of the net amount stated on this payslip.",
        "The Employer   The Employee",
        "Folha Pro v3 — Human Resources — Processed on 24/10/2026 14:09",
    ]


def test_the_english_caption_of_the_employers_row_is_no_part_of_its_name() -> None:
    employee, employer = names(*signed_list("Employer Transportes Ribeira Alta, Lda."))
    assert employer == "Transportes Ribeira Alta, Lda."
    assert employee == "Vera Lúcia Matos Rocha"


def test_the_bilingual_caption_of_the_employers_row_is_one_caption() -> None:
    employee, employer = names(
        *signed_list("Empresa / Employer Hospital do Vale, E.P.E.", name_row="Nome / Name Vera Lúcia Matos Rocha")
    )
    assert employer == "Hospital do Vale, E.P.E."
    assert employee == "Vera Lúcia Matos Rocha"


def test_the_bilingual_caption_of_the_name_is_one_caption() -> None:
    # "Nome / Name Vera ...": the English "Name" is the caption's, not a label cutting the name to nothing; the NIF
    # printed further down gives no name beside it.
    employee, _ = names(
        "Empresa / Employer Clínica Vale Verde, Lda.",
        "NIF / Tax ID 507980344",
        "Nome / Name Vera Lúcia Matos Rocha",
        "Categoria / Job title Enfermeira",
        "Admissão / Hire date 01/02/2020",
        "NIF / Tax ID 238203972",
        *BI_TABLE,
    )
    assert employee == "Vera Lúcia Matos Rocha"


def test_an_english_row_of_the_employers_contribution_is_no_caption() -> None:
    # Guard: "Employer" opening a row with no legal form after it is a row of the table, not the employer's name.
    _, employer = names(
        "Carpintaria Vale Verde, Lda.",
        "PAYSLIP October 2026",
        "Employer SS contribution 23,75% 356,25",
        "Employee: Vera Lúcia Matos Rocha",
        "Tax ID (NIF) 238203972",
        *SIGNED_LIST_BODY,
    )
    assert employer == "Carpintaria Vale Verde, Lda."


def test_a_portuguese_caption_with_an_english_one_and_a_colon_still_reads() -> None:
    # Guard: "Empresa / Company:" with its colon, and "Entidade empregadora:" alone.
    _, employer = names(*signed_list("Empresa / Company: Transportes Ribeira Alta, Lda."))
    assert employer == "Transportes Ribeira Alta, Lda."
    _, employer = names(*signed_list("Entidade empregadora: Transportes Ribeira Alta, Lda."))
    assert employer == "Transportes Ribeira Alta, Lda."


# (D) The bilingual box caption.


def header_boxes(caption: str) -> list[str]:
    return [
        "Recibo de Vencimento / Payslip",
        caption,
        "Carpintaria Vale Verde Unipessoal, Lda.",
        "NIF / Tax ID",
        "507980344",
        "Período / Pay period",
        "Outubro 2026",
        "Nome / Name",
        "Vera Lúcia Matos Rocha",
        "NIF / Tax ID",
        "238203972",
        *BI_TABLE,
        "A Entidade Patronal / Employer   O Trabalhador / Employee",
    ]


def test_the_bilingual_box_caption_of_the_employer_is_one_caption() -> None:
    employee, employer = names(*header_boxes("Empresa / Employer"))
    assert employer == "Carpintaria Vale Verde Unipessoal, Lda."
    assert employee == "Vera Lúcia Matos Rocha"


def test_the_portuguese_box_caption_still_reads() -> None:
    # Guard: "Entidade Empregadora" alone over its value, as before.
    _, employer = names(*header_boxes("Entidade Empregadora"))
    assert employer == "Carpintaria Vale Verde Unipessoal, Lda."


# (E) The bank's payroll-service row and the copy's mark.


def two_copies_header(copy_mark: str, second_line: str) -> list[str]:
    return [
        copy_mark,
        "RECIBO DE VENCIMENTO / PAYSLIP Setembro 2026",
        second_line,
        "Empresa / Employer Clínica Vale Verde Unipessoal, Lda.",
        "NIF / Tax ID 507980344",
        "Nome / Name Vera Lúcia Matos Rocha",
        "NIF / Tax ID 238203972",
        *BI_TABLE,
    ]


def test_the_banks_payroll_service_row_under_a_copy_mark_is_not_the_employee() -> None:
    employee, employer = names(
        *two_copies_header(
            "Original — Trabalhador / Employee's copy",
            "Processamento Banco Sul — Serviço de Processamento Salarial",
        )
    )
    assert employee == "Vera Lúcia Matos Rocha"
    assert employer == "Clínica Vale Verde Unipessoal, Lda."


def test_an_english_copy_mark_is_no_caption_of_the_line_under_it() -> None:
    # A group's name over the slip, under the copy's mark: neither is the employee.
    employee, _ = names(*two_copies_header("Original — Trabalhador / Employee's copy", "Grupo Sousa Martins"))
    assert employee == "Vera Lúcia Matos Rocha"
    employee, _ = names(*two_copies_header("Employee's copy", "Grupo Sousa Martins"))
    assert employee == "Vera Lúcia Matos Rocha"


# (F) The payroll program's footer.


def test_the_payroll_programs_footer_under_a_caption_is_not_the_employee() -> None:
    employee, _ = names(*signed_list("Employer Transportes Ribeira Alta, Lda."))
    assert employee == "Vera Lúcia Matos Rocha"
    # Under a caption that is no signature footer either: the employee's signature alone.
    employee, _ = names(
        *signed_list("Employer Transportes Ribeira Alta, Lda.")[:-2],
        "Assinatura do trabalhador / Employee's signature",
        "Gestor Alfa Executive v10 — Recursos Humanos — Processado em 24/10/2026",
    )
    assert employee == "Vera Lúcia Matos Rocha"


def test_processing_lines_are_told_in_either_language() -> None:
    assert processing_line("Caixa Sul Payroll Services")
    assert processing_line("Banco Sul — Serviço de Processamento Salarial")
    assert processing_line("Gestor Alfa v10 — Recursos Humanos — Processed on 24/08/2026 14:11")
    # A person's or a company's name is none.
    assert not processing_line("Vera Lúcia Matos Rocha")
    assert not processing_line("Carpintaria Vale Verde, Lda.")
