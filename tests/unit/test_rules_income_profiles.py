"""Independent workers, pensioners and income profiles in the income node, on hand-made extraction results."""

from __future__ import annotations

import datetime as dt
from typing import Any

from screening.rules import documents_for_profile, verify_income

TODAY = dt.date(2026, 11, 23)
NIF = "245718931"


def invoice(month: int, base: float, withholding: float = 0.0, vat: float = 0.0, **overrides: Any) -> dict[str, Any]:
    fields = {"issuer_nif": NIF, "issue_date": f"2026-{month:02d}-20", "base_amount": base, "vat_amount": vat,
              "irs_withholding": withholding, "amount_received": base + vat - withholding,
              "invoice_number": f"FR A/{month}"}  # fmt: skip
    fields.update(overrides)
    return {"document_id": f"fr-{month}-{base}", "status": "EXTRACTED", "kind": "FATURA_RECIBO", "fields": fields,
            "warnings": []}  # fmt: skip


def pension(
    net: float | None = 960.0, payments: int | None = 14, issued: str = "2026-11-01", **overrides: Any
) -> dict[str, Any]:
    fields = {"pensioner_nif": NIF, "issuer": "SEGURANCA_SOCIAL", "gross_monthly_amount": 1000.0, "deductions": 40.0,
              "net_monthly_amount": net, "payments_per_year": payments, "issue_date": issued}  # fmt: skip
    fields.update(overrides)
    return {"document_id": "pension", "status": "EXTRACTED", "kind": "DECLARACAO_PENSAO", "fields": fields,
            "warnings": []}  # fmt: skip


def payslip(period: str, net: float) -> dict[str, Any]:
    fields = {"employee_nif": NIF, "period": period, "net_pay": net, "gross_pay": net * 1.3}
    return {"document_id": f"p-{period}", "status": "EXTRACTED", "kind": "RECIBO_VENCIMENTO", "fields": fields,
            "warnings": []}  # fmt: skip


def income(documents: list[dict[str, Any]], profile: str = "") -> dict[str, Any]:
    applicant = {"nif": NIF, "name": "Maria João Santos", "date_of_birth": "1970-01-01", "income_profile": profile}
    return verify_income({"applicant": applicant, "today": TODAY.isoformat(), "documents": documents})


def check(result: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in result["checks"] if c["name"] == name)


def test_six_invoices_average_base_less_withholding_over_the_months_they_span() -> None:
    result = income([invoice(m, 1000.0, withholding=250.0, vat=230.0) for m in range(5, 11)], "INDEPENDENT")
    # (1000 - 250) x 6 = 4500 over May..October (6 months) = 750.00; the VAT is not income
    assert result["verified"] and result["source"] == "invoices"
    assert result["average_monthly_income"] == "750.00"
    assert result["method"].startswith("média de 6 faturas-recibo")
    assert check(result, "income.profile_documents")["passed"]


def test_a_month_without_invoices_counts_as_a_month_without_income() -> None:
    months = [3, 4, 5, 7, 8, 9, 10]  # no invoice in June
    result = income([invoice(m, 700.0) for m in months])
    # 7 x 700 = 4900 over March..October (8 months) = 612.50
    assert result["average_monthly_income"] == "612.50"


def test_the_span_runs_to_last_month_when_invoicing_stopped() -> None:
    result = income([invoice(m, 1200.0) for m in range(1, 7)])
    # 6 x 1200 = 7200 over January..October (10 months; last month is October) = 720.00
    assert result["average_monthly_income"] == "720.00"


def test_fewer_than_six_months_is_partial_and_says_what_is_missing() -> None:
    result = income([invoice(m, 1000.0) for m in (9, 10)], "INDEPENDENT")
    assert not result["verified"] and result["partial"]
    assert result["source"] == "partial_invoices"
    assert result["average_monthly_income"] == "1000.00"  # 2000 over September..October
    assert not check(result, "income.invoice_months")["passed"]
    assert "faturas-recibo de mais 4 meses distintos" in " ".join(result["missing"])


def test_an_invoice_sent_twice_counts_once_and_someone_elses_not_at_all() -> None:
    documents = [invoice(m, 900.0) for m in range(5, 11)]
    copy = {**invoice(10, 900.0), "document_id": "fr-10-copy"}
    documents += [copy, invoice(9, 5000.0, issuer_nif="123456789", invoice_number="FR B/1")]
    result = income(documents)
    assert result["average_monthly_income"] == "900.00"
    # The copy is said to be one, and counted once (blind probe r55a: nothing named it).
    repeated = [c for c in result["checks"] if c["name"] == "income.invoice_repeated"]
    assert [(c["document_id"], c["passed"], c["value"]) for c in repeated] == [("fr-10-copy", True, "FR A/10")]
    assert "fatura-recibo repetida" in repeated[0]["evidence"] and "contada uma vez" in repeated[0]["evidence"]


def test_invoices_of_one_number_on_other_dates_are_two_invoices_not_a_repeat() -> None:
    # Guard: numbers are short and restart with each series; the date and amount tell them apart.
    documents = [invoice(m, 900.0, invoice_number="FR 1") for m in range(5, 11)]
    result = income(documents)
    assert result["average_monthly_income"] == "900.00" and result["months_verified"] == 6
    assert not [c for c in result["checks"] if c["name"] == "income.invoice_repeated"]


def test_an_invoice_whose_amounts_do_not_add_up_is_not_counted_and_warns() -> None:
    bad = invoice(10, 900.0)
    bad["warnings"] = ["arithmetic_mismatch"]
    result = income([bad, *(invoice(m, 900.0) for m in range(4, 10))])
    assert result["months_verified"] == 6
    assert "arithmetic_mismatch" in result["warnings"]


def test_pension_is_the_net_times_payments_a_year_over_twelve() -> None:
    result = income([pension()], "PENSIONER")
    # 960 x 14 / 12 = 1120.00
    assert result["verified"] and result["average_monthly_income"] == "1120.00"
    assert "pensão x 14 / 12" in result["method"]


def test_pension_without_net_takes_gross_less_deductions_and_payments_not_read_count_twelve() -> None:
    result = income([pension(net=None, payments=None)])
    # (1000 - 40) x 12 / 12 = 960.00, and the method says the payments were not read
    assert result["average_monthly_income"] == "960.00"
    assert "pensão x 12 / 12" in result["method"] and "não lido" in result["method"]


def test_an_old_pension_statement_does_not_count() -> None:
    result = income([pension(issued="2025-10-01")], "PENSIONER")
    assert not result["verified"]
    assert not check(result, "income.pension_recent")["passed"]
    assert not check(result, "income.profile_documents")["passed"]


def test_mixed_income_adds_the_proven_sources() -> None:
    documents = [pension(), *(payslip(p, 600.0) for p in ("2026-10", "2026-09", "2026-08"))]
    result = income(documents, "MIXED")
    # pension 1120.00 + part-time salary 600 x 14 / 12 = 700.00 -> 1820.00
    assert result["source"] == "mixed" and result["average_monthly_income"] == "1820.00"
    assert check(result, "income.profile_documents")["passed"]


def test_a_mixed_profile_with_one_source_proven_says_the_other_is_missing() -> None:
    result = income([payslip(p, 600.0) for p in ("2026-10", "2026-09", "2026-08")], "MIXED")
    assert result["verified"]  # the salary is proven and counted alone
    profile = check(result, "income.profile_documents")
    assert not profile["passed"]
    assert "pelo menos 2 fontes" in profile["evidence"]


def test_a_declared_profile_without_its_documents_says_which_are_missing() -> None:
    result = income([payslip(p, 1500.0) for p in ("2026-10", "2026-09", "2026-08")], "PENSIONER")
    profile = check(result, "income.profile_documents")
    assert not profile["passed"]
    assert "declaração de pensão" in profile["evidence"]
    assert "fora do perfil declarado" in profile["evidence"]


def test_documents_for_each_profile_with_their_labels() -> None:
    assert [d["kind"] for d in documents_for_profile("PENSIONER")] == [
        "DECLARACAO_PENSAO", "DECLARACAO_IRS", "NOTA_LIQUIDACAO"
    ]  # fmt: skip
    independent = {d["kind"]: d["label"] for d in documents_for_profile("INDEPENDENT")}
    assert independent["FATURA_RECIBO"].startswith("Faturas-recibo")
    assert "DECLARACAO_INICIO_ATIVIDADE" in independent and "RECIBO_VENCIMENTO" not in independent
    assert len(documents_for_profile("")) == len(documents_for_profile("MIXED")) == 6


def nota(year: int = 2025) -> dict[str, Any]:
    fields = {"taxpayer_nif": NIF, "year": year, "gross_income": 30000.0, "tax_paid": 4200.0}
    return {"document_id": "nota", "status": "EXTRACTED", "kind": "NOTA_LIQUIDACAO", "fields": fields, "warnings": []}


def test_an_independent_worker_proving_income_by_irs_alone_reads_no_payslip_line() -> None:
    """Cases probe 4: a failed "0 meses distintos de recibos" stood beside the passing profile check."""
    result = income([nota()], "INDEPENDENT")
    assert check(result, "income.profile_documents")["passed"]
    assert "income.payslip_months" not in {c["name"] for c in result["checks"]}


def test_the_irs_method_prints_its_figures_as_the_other_methods_do() -> None:
    """E2e probe 19: "declaração de IRS: (rendimento - imposto) / 12" alone, while the faturas-recibo's method printed
    its totals."""
    result = income([nota()], "INDEPENDENT")
    # The document by its own name (blind probe r57b: a nota was called "declaração de IRS").
    assert result["method"] == (
        "nota de liquidação de IRS: (rendimento 30 000,00 € - imposto liquidado 4 200,00 €) / 12"
    )
    declared = income([irs_return()], "INDEPENDENT")
    assert declared["method"] == "declaração de IRS: (rendimento 30 000,00 € - retenções 6 900,00 €) / 12"


def irs_return(year: int = 2025) -> dict[str, Any]:
    fields = {"taxpayer_nif": NIF, "year": year, "gross_income": 30000.0, "withholdings": 6900.0}
    return {"document_id": f"return-{year}", "status": "EXTRACTED", "kind": "DECLARACAO_IRS", "fields": fields,
            "warnings": []}  # fmt: skip


def test_a_return_and_its_nota_count_the_settled_tax_whichever_was_sent_first() -> None:
    """E2e probe c30: the return sent before its nota gave the income less the withholdings (a refund included),
    1 925,00 € and MEDIUM, against 2 150,00 € and LOW with the nota first."""
    for documents in ([irs_return(), nota()], [nota(), irs_return()]):
        result = income(documents, "INDEPENDENT")
        assert result["average_monthly_income"] == "2150.00", documents[0]["kind"]
        assert "imposto liquidado 4 200,00 €" in result["method"]


def test_an_employee_or_an_undeclared_profile_with_irs_alone_still_reads_the_payslip_months() -> None:
    """The guard: where payslips are what the profile proves income by, their absence stays a line."""
    for profile in ("EMPLOYEE", ""):
        assert check(income([nota()], profile), "income.payslip_months")["passed"] is False


def test_a_proof_of_filing_is_no_tax_document_and_says_what_to_send() -> None:
    """Round 18: the AT's "comprovativo de entrega" read as a return without amounts; the extraction flags it."""
    proof = {**nota(), "kind": "DECLARACAO_IRS", "warnings": ["proof_of_filing_only"]}
    proof["fields"] = {"taxpayer_nif": NIF, "year": 2025}
    tax = check(income([proof], "INDEPENDENT"), "income.tax_document")
    assert tax["passed"] is False
    assert "comprovativo de entrega" in tax["evidence"] and "nota de liquidação" in tax["evidence"]


def test_an_unusable_tax_document_says_why() -> None:
    tax = check(income([nota(year=2021)], "INDEPENDENT"), "income.tax_document")
    assert tax["evidence"] == "Documento de IRS de 2021: não utilizável (não é do último ano)."


def test_a_payslip_showing_no_holder_says_so_rather_than_naming_a_way_it_did_not_check() -> None:
    """Cases probe 5: a letter whose holder was not read read "não pertence ao candidato (por nome)"."""
    slip = payslip("2026-10", 1500.0)
    slip["fields"].pop("employee_nif")
    owner = check(income([slip]), "income.payslip_owner")
    assert owner["passed"] is False and "não mostra de quem é (nem NIF nem nome lidos)" in owner["evidence"]


def test_a_colleagues_slip_read_from_a_shared_sheet_asks_for_ones_own_apart() -> None:
    """Cases probe 5: two employees' slips on one scanned sheet; the one read was the colleague's."""
    slip = payslip("2026-10", 1500.0)
    slip["fields"]["employee_nif"] = "123456789"
    slip["warnings"] = ["multiple_payslips"]
    owner = check(income([slip]), "income.payslip_owner")
    assert owner["passed"] is False and "envie o seu num ficheiro à parte" in owner["evidence"]


def test_a_return_without_settled_tax_takes_the_irs_withheld_off_its_gross() -> None:
    """Cases probe 5: a pensioner's Modelo 3 (gross 12 600, IRS withheld 420, no settled tax) counted
    12 600 / 12 = 1 050,00 a month and called it net; it is (12 600 - 420) / 12."""
    ret = {**nota(), "kind": "DECLARACAO_IRS"}
    ret["fields"] = {"taxpayer_nif": NIF, "year": 2025, "gross_income": 12600.0, "withholdings": 420.0}
    assert income([ret], "PENSIONER")["average_monthly_income"] == "1015.00"
    settled = {**nota(), "fields": {**nota()["fields"], "withholdings": 9999.0}}
    # The guard: a nota's settled tax is the tax, whatever was withheld ((30 000 - 4 200) / 12).
    assert income([settled], "PENSIONER")["average_monthly_income"] == "2150.00"
