"""The employer's declaration of employment: told from a payslip, read from the ways employers word it, and stated
in the report beside the payslips (never counted, never a rejection)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.schema import DocumentKind
from screening.rules import income_node, report_node
from screening.rules.employment import verify_employment_declarations
from screening.rules.report import generate_report
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 2)

# A letter on the company's paper, the person named in the one sentence.
LETTER = """TECNOFORMA - SOLUÇÕES INFORMÁTICAS, LDA.
Rua do Almada, 120 - 4050-032 Porto
NIPC 508 192 030
DECLARAÇÃO
Para os devidos efeitos se declara que Ana Rita Sousa Ferreira, contribuinte n.º 245 718 931, portadora
do Cartão de Cidadão n.º 12345678 9 ZZ1, é trabalhadora desta empresa desde 01/03/2021, com contrato de
trabalho sem termo, exercendo as funções de Técnica Administrativa, auferindo a remuneração base mensal
ilíquida de 1.500,00 € (mil e quinhentos euros), acrescida de subsídio de alimentação, conforme os recibos
de vencimento que se anexam.
Por ser verdade e me ter sido solicitada, passa-se a presente declaração.
Porto, 15 de novembro de 2026
A Gerência"""
# A fixed-term contract, the person after "o(a) Sr.(a)", the salary before its amount's currency sign.
FIXED_TERM = """CONSTRUÇÕES ATLÂNTICO, S.A.
Pessoa Coletiva n.º 510128378
DECLARAÇÃO
Declaramos, a pedido do(a) interessado(a), que o(a) Sr.(a) Marta Isabel Carvalho Nunes, NIF 213509628,
presta a sua atividade nesta sociedade ao abrigo de um contrato de trabalho a termo certo, com início em
1 de setembro de 2025 e termo em 31 de agosto de 2026, auferindo o vencimento mensal bruto de € 1 250,00.
Lisboa, 20 de novembro de 2026
O Diretor de Recursos Humanos"""
# A form: labels and values, the salary net and without cents.
FORM = """DECLARAÇÃO DE ENTIDADE PATRONAL
Entidade empregadora: Padaria Central Unipessoal, Lda.  NIF 503504564
Nome do trabalhador: João Pedro Almeida
NIF: 182736458
Data de admissão: 03/2024
Tipo de contrato: Contrato a termo incerto
Vencimento líquido mensal: 980 euros
Data: 25/11/2026"""


def read(text: str) -> tuple[DocumentKind, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LETTER, {"employer_name": "TECNOFORMA - SOLUÇÕES INFORMÁTICAS, LDA.", "employer_nif": "508192030",
                  "employee_name": "Ana Rita Sousa Ferreira", "employee_nif": "245718931",
                  "contract_type": "PERMANENT", "start_date": dt.date(2021, 3, 1), "end_date": None,
                  "monthly_gross_salary": Decimal("1500.00"), "monthly_net_salary": None,
                  "issue_date": dt.date(2026, 11, 15),
                "probation_days": None, "probation_end_date": None}),
        (FIXED_TERM, {"employer_name": "CONSTRUÇÕES ATLÂNTICO, S.A.", "employer_nif": "510128378",
                      "employee_name": "Marta Isabel Carvalho Nunes", "employee_nif": "213509628",
                      "contract_type": "FIXED_TERM", "start_date": dt.date(2025, 9, 1),
                      "end_date": dt.date(2026, 8, 31), "monthly_gross_salary": Decimal("1250.00"),
                      "monthly_net_salary": None, "issue_date": dt.date(2026, 11, 20),
                "probation_days": None, "probation_end_date": None}),
        (FORM, {"employer_name": "Padaria Central Unipessoal, Lda.", "employer_nif": "503504564",
                "employee_name": "João Pedro Almeida", "employee_nif": "182736458", "contract_type": "FIXED_TERM",
                "start_date": dt.date(2024, 3, 1), "end_date": None, "monthly_gross_salary": None,
                "monthly_net_salary": Decimal("980"), "issue_date": dt.date(2026, 11, 25),
                "probation_days": None, "probation_end_date": None}),
    ],
)  # fmt: skip
def test_a_declaration_is_read_however_the_employer_words_it(text: str, expected: dict[str, Any]) -> None:
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields == expected
    assert warnings == []


PAYSLIP = """Recibo de Vencimento  Novembro 2026
Tecnoforma - Soluções Informáticas, Lda.  NIF 508192030
Nome: Ana Rita Sousa Ferreira  NIF 245718931  Contrato: sem termo
Vencimento base 1.500,00
Subsídio de alimentação 132,00
Segurança Social 165,00
IRS 195,00
Líquido a receber 1.272,00
Declaro que recebi a importância líquida constante deste recibo.
O Trabalhador"""


def test_a_payslip_that_states_its_contract_and_a_receipt_line_stays_a_payslip() -> None:
    assert classify(PAYSLIP) == DocumentKind.RECIBO_VENCIMENTO
    # Without its title it is still told apart by its amounts and payroll words.
    assert classify(PAYSLIP.split("\n", 1)[1]) == DocumentKind.RECIBO_VENCIMENTO


# --- Screening: stated beside the payslips, never counted --------------------------------------------


def declaration(**fields: Any) -> dict[str, Any]:
    base = {"employer_nif": "508192030", "employee_nif": "245718931", "contract_type": "PERMANENT",
            "start_date": "2021-03-01", "monthly_gross_salary": 1500.0, "issue_date": "2026-11-15"}  # fmt: skip
    return {"document_id": "decl", "document_type": "PROOF_OF_INCOME", "status": "EXTRACTED",
            "kind": "DECLARACAO_ENTIDADE_PATRONAL", "fields": {**base, **fields}, "warnings": []}  # fmt: skip


def payslip(period: str, **fields: Any) -> dict[str, Any]:
    base = {"employer_nif": "508192030", "employee_nif": "245718931", "base_salary": 1500.0, "gross_pay": 1632.0,
            "net_pay": 1272.0, "period": period}  # fmt: skip
    return {"document_id": f"p-{period}", "document_type": "PROOF_OF_INCOME", "status": "EXTRACTED",
            "kind": "RECIBO_VENCIMENTO", "fields": {**base, **fields}, "warnings": []}  # fmt: skip


def state(documents: list[dict[str, Any]]) -> dict[str, Any]:
    return {"today": TODAY.isoformat(), "documents": documents,
            "applicant": {"nif": "245718931", "name": "Ana Rita Sousa Ferreira", "income_profile": "EMPLOYEE"}}  # fmt: skip


def test_a_declaration_that_agrees_with_the_payslips_states_the_contract_and_passes() -> None:
    result = verify_employment_declarations(state([declaration(), payslip("2026-11")]))
    assert result["reasons"] == []
    (found,) = result["checks"]
    assert found["name"] == "employment.declaration" and found["passed"] and found["value"] == "PERMANENT"
    assert "contrato sem termo desde 03/2021" in found["evidence"]
    assert "1 500,00 €" in found["evidence"]


@pytest.mark.parametrize(
    ("fields", "payslip_fields", "reason", "passed"),
    [
        ({"employee_nif": "213509628"}, {}, "employment_declaration_not_owned", False),
        ({"issue_date": "2026-08-20"}, {}, "employment_declaration_outdated", False),
        # Ended, but a payslip of a later month shows the job went on (renewed): stated, the check failed.
        ({"contract_type": "FIXED_TERM", "end_date": "2026-10-31"}, {}, "employment_contract_ended", False),
        ({"contract_type": "FIXED_TERM", "end_date": "2027-05-31"}, {}, "employment_contract_ending_soon", True),
        ({}, {"employer_nif": "510128378"}, "employment_declaration_other_employer", True),
        ({"monthly_gross_salary": 1700.0}, {}, "employment_declaration_salary_differs", True),
    ],
)
def test_what_disagrees_is_stated_and_only_a_declaration_that_is_not_current_fails(
    fields: dict[str, Any], payslip_fields: dict[str, Any], reason: str, passed: bool
) -> None:
    result = verify_employment_declarations(state([declaration(**fields), payslip("2026-11", **payslip_fields)]))
    assert result["reasons"] == [reason]
    assert result["checks"][0]["passed"] is passed


def test_a_salary_in_another_currency_is_said_so_and_not_compared_with_euros() -> None:
    """Blind probe r66c: a US letter's "USD 11,000.00 per month" was stated as "11 000,00 €"."""
    dollars = {**declaration(monthly_gross_salary=7400.0), "warnings": ["currency_not_eur"]}
    result = verify_employment_declarations(state([dollars, payslip("2026-11")]))
    (found,) = result["checks"]
    assert "7 400,00 noutra moeda (não convertida)" in found["evidence"]
    assert "7 400,00 €" not in found["evidence"]
    # 7 400 dollars against a 1 500 € base says nothing: no salary_differs.
    assert result["reasons"] == []


def test_a_contract_ending_in_six_months_or_more_is_not_stated() -> None:
    ends = declaration(contract_type="FIXED_TERM", end_date="2027-06-02")
    assert verify_employment_declarations(state([ends]))["reasons"] == []


def test_the_declaration_never_changes_the_income_counted_and_is_stated_in_the_report() -> None:
    payslips = [payslip(period) for period in ("2026-09", "2026-10", "2026-11")]
    thresholds = {"dti_medium": 0.35, "dti_high": 0.4, "id_expiry_warning_days": 60}
    base = {**state(payslips), "thresholds": thresholds}
    without = income_node(base)
    with_declaration = income_node({**base, "documents": [*payslips, declaration(monthly_gross_salary=1700.0)]})
    assert with_declaration["average_monthly_income"] == without["average_monthly_income"]
    assert with_declaration["stated"] == ["employment_declaration_salary_differs"]
    report = generate_report(
        {"identity": {"verified": True}, "income": with_declaration,
         "affordability": {"risk_level": "LOW", "dti_ratio": 0.3, "cost_label": "renda mensal", "monthly_cost": 400,
                           "reasons": []}}
    )  # fmt: skip
    assert (
        "A ponderar (não altera o risco): o vencimento declarado pela entidade patronal difere"
        in (report["justification"])
    )


def test_a_guarantors_declaration_is_stated_as_theirs_in_a_households_report() -> None:
    """Households went through the income rules without the certificates and declarations: a fiador's fixed-term
    contract ending in four months was not stated anywhere."""
    lead = {"applicant_id": "a", "role": "TENANT", **state([payslip(p) for p in ("2026-09", "2026-10", "2026-11")])}
    guarantor_nif = "213509628"
    guarantor_documents = [
        payslip(p, employee_nif=guarantor_nif, employer_nif="510128378") for p in ("2026-09", "2026-10", "2026-11")
    ]
    ending = declaration(employee_nif=guarantor_nif, employer_nif="510128378", contract_type="FIXED_TERM",
                         end_date="2027-03-31")  # fmt: skip
    guarantor = {"applicant_id": "g", "role": "GUARANTOR", "documents": [*guarantor_documents, ending],
                 "applicant": {"nif": guarantor_nif, "name": "Rui Costa", "income_profile": "EMPLOYEE"}}  # fmt: skip
    members = [{k: v for k, v in member.items() if k != "today"} for member in (lead, guarantor)]
    household = {"today": TODAY.isoformat(), "applicant": lead["applicant"], "documents": lead["documents"],
                 "members": members, "thresholds": {"dti_medium": 0.35, "dti_high": 0.4}}  # fmt: skip
    income = income_node(household)
    assert income["stated"] == [{"applicant_id": "g", "role": "GUARANTOR", "reason": "employment_contract_ending_soon"}]
    declared = [c for c in income["checks"] if c["name"] == "employment.declaration"]
    assert [(c["role"], c["passed"]) for c in declared] == [("GUARANTOR", True)]
    identity = {"members": {"a": {"verified": True}, "g": {"verified": True}}}
    affordability: dict[str, Any] = {"risk_level": "LOW", "household_monthly_income": "1272.00", "dti_ratio": "0.3", "cost_label":
                     "renda mensal", "monthly_cost": "380.00", "reasons": [], "guarantor": None}  # fmt: skip
    report = report_node({**household, "identity": identity, "income": income, "affordability": affordability})
    assert (
        "A ponderar (não altera o risco): fiador: o contrato a termo declarado termina nos próximos seis meses."
        in report["justification"]
    )


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Declara-se que Ana Rita Sousa e Silva trabalha nesta empresa desde 2020.", "Ana Rita Sousa e Silva"),
        ("Certificamos que a Sra. D. Maria da Luz Pinto exerce funções de cozinheira.", "Maria da Luz Pinto"),
        ("Declaramos que o trabalhador Rui Costa (NIF 182736458) está ao serviço desde 2019.", "Rui Costa"),
    ],
)
def test_the_person_is_the_name_the_sentence_declares(sentence: str, name: str) -> None:
    _, fields, _ = read(f"DECLARAÇÃO\n{sentence}")
    assert fields["employee_name"] == name


def test_a_base_salary_is_gross_and_an_amount_no_salary_can_be_is_left_out() -> None:
    # As a scan read them: "ilíquida" lost its "i", and "1.512,40" came out "1.51 2,40".
    misread = LETTER.replace("ilíquida de 1.500,00 €", "líquida de 1.51 2,40 €")
    _, fields, warnings = read(misread)
    assert fields["monthly_gross_salary"] is None and fields["monthly_net_salary"] is None
    assert warnings == ["salary_implausible"]
    _, fields, _ = read(LETTER.replace("ilíquida de 1.500,00", "líquida de 1.500,00"))
    assert fields["monthly_gross_salary"] == Decimal("1500.00")  # "remuneração base": gross


# Found by a blind probe (2026-12-02, round 5): wordings that were misread.
SOLE_TRADER = """CAFÉ CENTRAL – Joaquim Fernandes Sousa
NIF 123 456 703 · Praça da República, 4 · 5000-558 Vila Real
DECLARAÇÃO
Eu, Joaquim Fernandes Sousa, empresário em nome individual, com o NIF 123 456
703, declaro que a Sr.ª D.ª Maria José Teixeira Guedes, NIF 188 776 656, trabalha por minha conta desde
01/06/2015, com contrato de trabalho efetivo, com o ordenado ilíquido mensal de 930€.
Vila Real, 25/11/2026"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SOLE_TRADER, {"employer_nif": "123456703", "employee_nif": "188776656", "contract_type": "PERMANENT",
                       "employee_name": "Maria José Teixeira Guedes", "issue_date": dt.date(2026, 11, 25)}),
        (LETTER.replace("auferindo a remuneração base mensal\nilíquida de 1.500,00 €",
                        "auferindo a retribuição anual bruta de 21.000,00 €, paga em 14 prestações mensais de 1.500,00 €"),
         {"monthly_gross_salary": Decimal("1500.00")}),
        (LETTER.replace("auferindo a remuneração base mensal\nilíquida de 1.500,00 €",
                        "tendo auferido até julho a remuneração base mensal de 1.400,00 €, sendo atualmente a sua "
                        "remuneração base mensal de 1.500,00 €"),
         {"monthly_gross_salary": Decimal("1500.00")}),
        (FORM.replace("Data: 25/11/2026", "Declara-se, sob compromisso de honra, que os dados acima são verdadeiros."),
         {"employee_name": "João Pedro Almeida", "employee_nif": "182736458"}),
        ("DECLARAÇÃO\nA empresa declara que Rui Costa, NIF 182736458, é sua funcionária desde 1 de outubro de 2022, "
         "com contrato sem termo.", {"employee_name": "Rui Costa", "contract_type": "PERMANENT"}),
    ],
)  # fmt: skip
def test_wordings_a_blind_probe_found(text: str, expected: dict[str, Any]) -> None:
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert {name: fields[name] for name in expected} == expected


def test_a_public_employer_is_named_by_its_letterhead() -> None:
    text = """Largo Dr. Virgílio Horta · 2714-501 Sintra · NIPC 505300427
MUNICÍPIO DE SINTRA
CÂMARA MUNICIPAL
DECLARAÇÃO
Para os devidos efeitos se declara que Rui Manuel Gonçalves Sobral, contribuinte n.º 209871237, exerce
funções nesta Câmara Municipal, com contrato de trabalho em funções públicas por tempo indeterminado."""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert (fields["employer_name"], fields["employer_nif"]) == ("Município de Sintra", "505300427")
    assert (fields["employee_name"], fields["contract_type"]) == ("Rui Manuel Gonçalves Sobral", "PERMANENT")
