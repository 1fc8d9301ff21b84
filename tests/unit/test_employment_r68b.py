"""Employers' declarations blind probe r68b (life events across an applicant's months) found misread or understated:
one worded "com contrato sem termo, auferindo ..." refused as not recognised, an employer's name read with the verb
before it ("trabalha na ..."), a fixed-term contract declared ended only "a ponderar" while a payslip showing the
same end made the report MEDIUM, a período experimental not stated, and the refusal of an unemployment benefit's
letter telling someone who had sent their payslips to send them. The texts carry names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.local import EMPLOYMENT_CONTRACT_REFUSED, TEMPORARY_BENEFIT_REFUSED, refusal
from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.employment import without_running_text
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from screening.rules import income_node
from screening.rules.affordability import risk_reasons
from screening.rules.employment import verify_employment_declarations
from screening.rules.household import assess_household_node, household_report, verify_incomes
from screening.rules.income import failed_check_warnings
from screening.rules.person import person_income
from screening.rules.report import generate_report
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 5)
EMPLOYER_NIF = "508192030"
PERSON_NIF = "245718931"


def read(text: str) -> tuple[DocumentKind, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


def read_page(text: str) -> ReadDocument:
    return ReadDocument(lines=[Line(line) for line in text.splitlines() if line.strip()], pages=1, method="text")


# --- F1: the ways employers word a declaration ------------------------------------------------------------------


def letter(contract: str, salary: str, bond: str = "se encontra vinculada à empresa") -> str:
    return f"""DECLARAÇÃO
Tecnoforma - Soluções Informáticas, Lda., NIPC {EMPLOYER_NIF}, declara que Ana Rita Sousa Ferreira,
NIF {PERSON_NIF}, {bond} desde 01/03/2025, {contract},
{salary} 1.500,00 €.
Lisboa, 30 de novembro de 2026"""


@pytest.mark.parametrize("bond", ["é seu trabalhador", "é nosso funcionário", "é seu colaborador"])
def test_the_person_named_the_employer_s_worker_by_a_possessive_is_a_declaration(bond: str) -> None:
    """The probe's "é seu trabalhador desde ..." ("sua" and "nossa" were known, "seu" and "nosso" not)."""
    text = letter("com contrato de duração indeterminada", "com remuneração de", bond=bond)
    assert classify(text) == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL


@pytest.mark.parametrize(
    ("contract", "salary", "contract_type"),
    [
        # The probe's: no "de trabalho", "é seu(sua) trabalhador(a)", "auferindo".
        ("com contrato sem termo", "auferindo a remuneração base mensal ilíquida de", "PERMANENT"),
        ("com contrato por tempo indeterminado", "aufere o vencimento base mensal de", "PERMANENT"),
        ("com vínculo efetivo", "com a remuneração base mensal de", "PERMANENT"),
        ("com contrato a termo certo até 31/08/2027", "com o vencimento ilíquido de", "FIXED_TERM"),
        ("com contrato a termo incerto", "auferindo mensalmente o salário ilíquido de", "FIXED_TERM"),
    ],
)
def test_a_declaration_is_read_whichever_words_state_its_contract_and_salary(
    contract: str, salary: str, contract_type: str
) -> None:
    kind, fields, _ = read(letter(contract, salary))
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["contract_type"] == contract_type
    assert fields["monthly_gross_salary"] == Decimal("1500.00")
    assert fields["employee_nif"] == PERSON_NIF
    assert fields["employer_name"] == "Tecnoforma - Soluções Informáticas, Lda."


def test_the_contract_s_words_alone_make_a_declaration_of_one_sentence() -> None:
    """No "trabalhador(a)", no salary's verb: "com contrato sem termo" says it is about a job."""
    text = f"""DECLARAÇÃO
A Tecnoforma, Lda., NIPC {EMPLOYER_NIF}, declara que Ana Rita Sousa Ferreira, NIF {PERSON_NIF}, se encontra
vinculada desde 01/03/2025 com contrato sem termo.
Lisboa, 30 de novembro de 2026"""
    assert classify(text) == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL


CONTRACT_DECLARING = f"""Entre Tecnoforma, Lda., pessoa coletiva n.º {EMPLOYER_NIF}, adiante designada por Primeira
Outorgante, e Ana Rita Sousa Ferreira, contribuinte n.º {PERSON_NIF}, adiante designada por Segunda Outorgante,
é celebrado o presente contrato de trabalho sem termo, que se rege pelas cláusulas seguintes:
Cláusula 1.ª — A Segunda Outorgante declara que aceita exercer as funções de programadora.
Cláusula 2.ª — A Segunda Outorgante aufere a remuneração base mensal de 1.500,00 €.
Feito em duplicado, em Lisboa, a 28 de fevereiro de 2025."""


def test_a_contract_of_employment_declaring_its_salary_is_still_refused_as_a_contract() -> None:
    assert classify(CONTRACT_DECLARING) == DocumentKind.UNKNOWN
    assert refusal(read_page(CONTRACT_DECLARING), "PROOF_OF_INCOME", []) == EMPLOYMENT_CONTRACT_REFUSED


def test_a_benefit_s_declaration_is_no_employer_s() -> None:
    text = f"""DECLARAÇÃO
O Instituto da Segurança Social, I.P. declara que Ana Rita Sousa Ferreira, NIF {PERSON_NIF}, aufere
subsídio de desemprego desde 15/03/2026, no montante mensal de 780,00 €.
Lisboa, 30 de novembro de 2026"""
    assert classify(text) != DocumentKind.DECLARACAO_ENTIDADE_PATRONAL


# --- F3: the employer's name without the sentence's words before it -------------------------------------------------


@pytest.mark.parametrize(
    "lead",
    ["trabalha na", "presta serviço na", "é colaboradora da", "exerce funções na", "está ao serviço da"],
)
def test_the_employer_s_name_leaves_the_words_that_lead_to_it(lead: str) -> None:
    text = f"""DECLARAÇÃO DA ENTIDADE PATRONAL
Para os devidos efeitos se declara que Ana Rita Sousa Ferreira, NIF {PERSON_NIF},
{lead} Iota Farmácias, Lda. (NIF {EMPLOYER_NIF}) desde 01/02/2026, com contrato de trabalho
a termo certo, com início em 01/02/2026 e termo em 31/01/2027, com o vencimento base mensal de 1.100,00 €.
Faro, 25 de novembro de 2026"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_name"] == "Iota Farmácias, Lda."
    assert fields["end_date"] == dt.date(2027, 1, 31)


@pytest.mark.parametrize("name", ["iServices, Lda.", "de Sá & Filhos, Lda.", "Iota Farmácias, Lda."])
def test_a_name_s_own_first_word_is_kept(name: str) -> None:
    assert without_running_text(name) == name


# --- c41: a declared contract that has ended ----------------------------------------------------------------------


def declaration(**fields: Any) -> dict[str, Any]:
    base = {"employer_nif": EMPLOYER_NIF, "employee_nif": PERSON_NIF, "contract_type": "FIXED_TERM",
            "start_date": "2025-12-01", "end_date": "2026-11-30", "monthly_gross_salary": 1500.0,
            "issue_date": "2026-12-02"}  # fmt: skip
    return {"document_id": "decl", "document_type": "PROOF_OF_INCOME", "status": "EXTRACTED",
            "kind": "DECLARACAO_ENTIDADE_PATRONAL", "fields": {**base, **fields}, "warnings": []}  # fmt: skip


def payslip(period: str) -> dict[str, Any]:
    fields = {"employer_nif": EMPLOYER_NIF, "employee_nif": PERSON_NIF, "base_salary": 1500.0, "gross_pay": 1632.0,
              "net_pay": 1272.0, "deductions": 360.0, "period": period}  # fmt: skip
    return {"document_id": f"p-{period}", "document_type": "PROOF_OF_INCOME", "status": "EXTRACTED",
            "kind": "RECIBO_VENCIMENTO", "fields": fields, "warnings": []}  # fmt: skip


def state(documents: list[dict[str, Any]], today: dt.date = TODAY) -> dict[str, Any]:
    return {"today": today.isoformat(), "documents": documents, "thresholds": THRESHOLDS,
            "applicant": {"nif": PERSON_NIF, "name": "Ana Rita Sousa Ferreira", "income_profile": "EMPLOYEE"}}  # fmt: skip


MONTHS = ("2026-09", "2026-10", "2026-11")
THRESHOLDS = {"dti_medium": 0.35, "dti_high": 0.4, "id_expiry_warning_days": 60}


def test_a_declared_contract_that_has_ended_fails_a_check_and_raises_the_risk_as_a_last_payslip_does() -> None:
    income = person_income(state([*(payslip(m) for m in MONTHS), declaration()]))
    ended = [c for c in income["checks"] if c["name"] == "employment.contract_ongoing"]
    assert len(ended) == 1 and not ended[0]["passed"]
    assert "terminou em 30/11/2026" in ended[0]["evidence"]
    assert "employment_contract_ended" in income["warnings"]
    # Stated too, for a household to say whose it is; a report giving it as a reason does not repeat it.
    assert "employment_contract_ended" in income["stated"]
    # What the explanation reads back from the stored checks says the same.
    assert "employment_contract_ended" in failed_check_warnings(income["checks"])
    high, medium = risk_reasons({"verified": True, "warnings": []}, income, dti=Decimal("0.2"), thresholds=THRESHOLDS)
    assert high == [] and "employment_contract_ended" in medium
    report = generate_report(
        {"identity": {"verified": True}, "income": income,
         "affordability": {"risk_level": "MEDIUM", "dti_ratio": 0.2, "cost_label": "renda mensal",
                           "monthly_cost": 300, "reasons": medium}}
    )  # fmt: skip
    assert "Motivos: o contrato declarado pela entidade patronal já terminou" in report["justification"]
    assert "A ponderar" not in report["justification"]


def test_a_contract_ending_today_has_ended() -> None:
    found = verify_employment_declarations(state([declaration(end_date=TODAY.isoformat())]))
    assert found["warnings"] == ["employment_contract_ended"]


def test_a_payslip_after_the_declared_end_shows_the_job_went_on_and_only_states_it() -> None:
    found = verify_employment_declarations(state([payslip("2026-12"), declaration()], today=dt.date(2026, 12, 31)))
    assert found["warnings"] == []
    assert found["reasons"] == ["employment_contract_ended"]
    assert [c["name"] for c in found["checks"]] == ["employment.declaration"]


def test_someone_else_s_ended_contract_raises_nothing() -> None:
    found = verify_employment_declarations(state([declaration(employee_nif="213509628")]))
    assert found["warnings"] == []


def test_a_contract_ending_soon_is_stated_with_its_day_never_a_risk() -> None:
    found = verify_employment_declarations(state([payslip("2026-11"), declaration(end_date="2027-01-31")]))
    assert found["warnings"] == [] and found["reasons"] == ["employment_contract_ending_soon"]
    (checked,) = found["checks"]
    assert checked["passed"]
    assert "o contrato termina em 31/01/2027, nos próximos 6 meses, salvo renovação" in checked["evidence"]


# --- Período experimental ---------------------------------------------------------------------------------------

PROBATION_PRINTED = f"""DECLARAÇÃO
Tecnoforma, Lda., pessoa coletiva n.º {EMPLOYER_NIF}, declara, para os devidos efeitos, que Ana Rita Sousa
Ferreira, contribuinte n.º {PERSON_NIF}, é sua trabalhadora desde 01/11/2026, com contrato de trabalho sem termo,
auferindo a remuneração base mensal ilíquida de 1.350,00 €,
encontrando-se em período experimental de 180 dias, que termina em 30/04/2027.
Lisboa, 20 de novembro de 2026"""

PROBATION_COUNTED = f"""DECLARAÇÃO
Tecnoforma, Lda., NIPC {EMPLOYER_NIF}, declara que Ana Rita Sousa Ferreira, NIF {PERSON_NIF},
foi admitida em 10/11/2026 com contrato de trabalho a termo certo de 12 meses,
com termo em 09/11/2027, e período experimental de 30 dias,
auferindo o vencimento base mensal de 1.200,00 € ilíquidos.
Lisboa, 28 de novembro de 2026"""

# The probation's "até" before the contract's term: the term is the contract's end, not the probation's.
PROBATION_FIRST = f"""DECLARAÇÃO
Tecnoforma, Lda., NIPC {EMPLOYER_NIF}, declara que Ana Rita Sousa Ferreira, NIF {PERSON_NIF},
é sua trabalhadora desde 10/11/2026, em período experimental até 09/12/2026, com contrato de trabalho
a termo certo, com termo em 09/11/2027, auferindo o vencimento base mensal de 1.200,00 €.
Lisboa, 28 de novembro de 2026"""


@pytest.mark.parametrize(
    ("text", "days", "last", "contract_end"),
    [
        (PROBATION_PRINTED, 180, dt.date(2027, 4, 30), None),
        # Counted from the admission: day 30 is 29 days after the first (Código do Trabalho, art. 112.º).
        (PROBATION_COUNTED, 30, dt.date(2026, 12, 9), dt.date(2027, 11, 9)),
        (PROBATION_FIRST, None, dt.date(2026, 12, 9), dt.date(2027, 11, 9)),
    ],
    ids=["printed", "counted", "before-the-term"],
)
def test_a_declared_probation_is_read(text: str, days: int | None, last: dt.date, contract_end: dt.date | None) -> None:
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["probation_days"] == days
    assert fields["probation_end_date"] == last
    assert fields["end_date"] == contract_end


def test_a_declaration_naming_no_probation_has_none() -> None:
    _, fields, _ = read(letter("com contrato sem termo", "auferindo a remuneração base mensal ilíquida de"))
    assert fields["probation_days"] is None and fields["probation_end_date"] is None


def test_a_probation_still_running_is_stated_in_the_check_never_a_reason() -> None:
    running = declaration(contract_type="PERMANENT", end_date=None, start_date="2026-11-01", issue_date="2026-11-20",
                          probation_days=180, probation_end_date="2027-04-30")  # fmt: skip
    found = verify_employment_declarations(state([payslip("2026-11"), running]))
    assert found["reasons"] == [] and found["warnings"] == []
    (checked,) = found["checks"]
    assert checked["passed"]
    assert "em período experimental até 30/04/2027 (Código do Trabalho, art. 111.º" in checked["evidence"]
    assert "sem justa causa nem indemnização" in checked["evidence"]
    over = verify_employment_declarations(state([payslip("2026-11"), running], today=dt.date(2027, 5, 3)))
    assert "período experimental" not in over["checks"][0]["evidence"]


# --- F10: an unemployment benefit's refusal, for someone who has sent payslips -------------------------------------


def test_a_temporary_benefit_s_refusal_does_not_order_payslips_already_sent() -> None:
    assert "não é contada como rendimento" in TEMPORARY_BENEFIT_REFUSED
    assert "envie recibos de vencimento" not in TEMPORARY_BENEFIT_REFUSED
    assert "ainda não os enviou" in TEMPORARY_BENEFIT_REFUSED


def test_a_guarantor_s_ended_contract_is_still_stated_as_theirs_in_a_household() -> None:
    """A guarantor's income raises no household risk: their ended contract stays stated by whose it is."""
    lead_nif = "213509628"
    lead_payslips = [{**payslip(m), "fields": {**payslip(m)["fields"], "employee_nif": lead_nif}} for m in MONTHS]
    lead = {"applicant_id": "a", "role": "TENANT", "documents": lead_payslips,
            "applicant": {"nif": lead_nif, "name": "Rui Costa", "income_profile": "EMPLOYEE"}}  # fmt: skip
    guarantor = {"applicant_id": "g", "role": "GUARANTOR", "documents": [*(payslip(m) for m in MONTHS), declaration()],
                 "applicant": state([])["applicant"]}  # fmt: skip
    household = {"today": TODAY.isoformat(), "applicant": lead["applicant"], "documents": lead_payslips,
                 "members": [lead, guarantor], "thresholds": THRESHOLDS}  # fmt: skip
    income = income_node(household)
    assert {"applicant_id": "g", "role": "GUARANTOR", "reason": "employment_contract_ended"} in income["stated"]
    assert "employment_contract_ended" not in income["warnings"]


@pytest.mark.parametrize(
    ("sentence", "contract_type"),
    [
        ("esteve ao seu serviço de 01/03/2020 até 30/09/2026, com contrato de trabalho sem termo", "PERMANENT"),
        ("foi sua trabalhadora desde 01/03/2020, com contrato sem termo, que cessou em 30/09/2026", "PERMANENT"),
        ("exerceu funções desde 01/03/2020 até 30/09/2026, com contrato por tempo indeterminado", "PERMANENT"),
    ],
)
def test_a_job_declared_over_has_its_end_read_whatever_its_contract(sentence: str, contract_type: str) -> None:
    text = f"""DECLARAÇÃO
Tecnoforma, Lda., NIPC {EMPLOYER_NIF}, declara que Ana Rita Sousa Ferreira, NIF {PERSON_NIF},
{sentence}, auferindo a remuneração base mensal de 1.500,00 €.
Lisboa, 2 de outubro de 2026"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["contract_type"] == contract_type
    assert fields["end_date"] == dt.date(2026, 9, 30)
    found = verify_employment_declarations(state([payslip("2026-09"), declaration(**fields_as_stored(fields))]))
    assert found["warnings"] == ["employment_contract_ended"]


def fields_as_stored(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: value.isoformat() if isinstance(value, dt.date) else value for name, value in fields.items()}


def test_a_current_job_sem_termo_has_no_end_read_from_a_later_until() -> None:
    """ "até" in a current declaration of a contract sem termo is no end (a probation's, a schedule's)."""
    text = letter("com contrato sem termo, em horário das 9h até às 18h", "auferindo a remuneração base mensal de")
    _, fields, _ = read(text)
    assert fields["end_date"] is None


def test_a_co_tenants_ended_contract_is_a_reason_said_as_theirs_and_not_also_a_note_that_changes_nothing() -> None:
    """The fixers' merge: the co-tenant's ended contract raised the household's risk ("Motivos: coarrendatário: o
    contrato declarado ... já terminou") and was still listed under "A ponderar (não altera o risco)"."""
    lead_nif = "213509628"
    lead_payslips = [{**payslip(m), "fields": {**payslip(m)["fields"], "employee_nif": lead_nif}} for m in MONTHS]
    members = [
        {"applicant_id": "a", "role": "TENANT", "documents": lead_payslips,
         "applicant": {"nif": lead_nif, "name": "Rui Costa", "income_profile": "EMPLOYEE"}},
        {"applicant_id": "c", "role": "CO_TENANT", "documents": [*(payslip(m) for m in MONTHS), declaration()],
         "applicant": state([])["applicant"]},
    ]  # fmt: skip
    household: dict[str, Any] = {
        "today": TODAY.isoformat(), "members": members, "property": {"listing_type": "ARRENDAMENTO", "price": "500"},
        "thresholds": {"dti_high": "0.400", "dti_medium": "0.350", "dti_guarantor": "0.300"},
        "identity": {"members": {m["applicant_id"]: {"verified": True, "warnings": []} for m in members}},
    }  # fmt: skip
    household["income"] = verify_incomes(household)
    household["affordability"] = assess_household_node(household)
    report = str(household_report(household)["justification"])
    assert household["affordability"]["reasons"] == ["employment_contract_ended"]
    assert "Motivos: coarrendatário: o contrato declarado pela entidade patronal já terminou" in report
    assert "A ponderar" not in report
