"""What blind probe r70a (a pt-PT reader's review of every text the product writes) found in what staff and
e-mails read: a code where a word belongs, a sign in a sentence, a trailing ",0" in a percentage."""

from __future__ import annotations

from screening.models import ScreeningReport
from workspace.report_pdf import produced_by_words


def test_the_pdf_cover_names_the_rules_in_words_with_their_version() -> None:
    """F02: 'Produzido por rules · rules-2026.12.34' -> 'regras (versão rules-2026.12.34)', as the admin writes."""
    report = ScreeningReport(backend="rules", model_name="", rules_version="rules-2026.12.34")
    assert produced_by_words(report) == "regras (versão rules-2026.12.34)"
    # Guard: a language model keeps its name beside the words.
    report = ScreeningReport(backend="openai", model_name="gpt-4o-mini", rules_version="rules-2026.12.34")
    assert produced_by_words(report) == "modelo de linguagem (OpenAI) · gpt-4o-mini (versão rules-2026.12.34)"


def test_an_expectation_reads_in_words_not_as_a_math_sign() -> None:
    """F06: the PDF's "10/03/2031 >= 07/12/2026" and "07/2026 >= 10/2026" (value, then expected)."""
    from django.utils import translation

    from screening.labels import readable_value

    with translation.override("pt-pt"):
        assert readable_value(">= 2026-12-07", field="expiry_date", check="identity.document_valid") == (
            "07/12/2026 ou depois"
        )
        assert readable_value(">= 2026-10", field="period", check="income.payslip_recent") == "10/2026 ou depois"
        assert readable_value("<= 0.400", field="dti_ratio", check="affordability.dti") == "40 % ou menos"
        assert readable_value("<= 0.3525", field="dti_ratio", check="affordability.dti") == "35,25 % ou menos"
        assert readable_value("< 0.5", field="dti_ratio", check="affordability.dti") == "menos de 50 %"
        # Guards: the values themselves read as before.
        assert readable_value("2031-03-10", field="expiry_date") == "10/03/2031"
        assert readable_value("0.3184", field="dti_ratio") == "31,84 %"
    with translation.override("en"):
        assert readable_value("<= 0.400", field="dti_ratio", check="affordability.dti") == "40 % or less"


def test_the_authenticity_checks_evidence_names_its_signals_in_words() -> None:
    """F03: the API's evidence said "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD (LOW)" where the PDF and admin say "os mesmos
    valores noutro mês (Baixo)"; the codes stay in the section's signals and the value stays the highest code."""
    from django.utils import translation

    from screening.rules.authenticity import section_check

    section = {
        "document_id": "f43808b2-0000-0000-0000-000000000000",
        "raises": False,
        "highest": "MEDIUM",
        "signals": [
            {"code": "PAYSLIP_EMPLOYER_NIF_INVALID", "severity": "MEDIUM"},
            {"code": "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD", "severity": "LOW"},
            {"code": "SOME_FUTURE_SIGNAL", "severity": "LOW"},
        ],
    }
    # In the worker's language or any other, the sentence is the report's pt-PT.
    with translation.override("en"):
        check = section_check(section)
    assert check["evidence"] == (
        "Sinais de autenticidade: NIF da entidade patronal inválido (Médio), os mesmos valores noutro mês (Baixo), "
        "SOME_FUTURE_SIGNAL (Baixo); a ponderar, abaixo do nível que altera o risco."
    )
    assert (check["passed"], check["value"], check["field"]) == (True, "MEDIUM", "authenticity")


def test_every_coded_field_value_the_extraction_stores_has_its_words() -> None:
    """F28: the admin showed a pension statement's issuer as "SEGURANCA_SOCIAL". Every value a schema field is
    restricted to (a ``Literal``) reads in words, so a new code cannot reach staff as itself."""
    import inspect
    import typing

    from pydantic import BaseModel

    from documents.extraction import schema
    from screening.labels import readable_value

    unnamed = []
    for _, model in inspect.getmembers(schema, inspect.isclass):
        if not issubclass(model, BaseModel) or model is BaseModel:
            continue
        for name, info in model.model_fields.items():
            for arg in typing.get_args(info.annotation) or (info.annotation,):
                if typing.get_origin(arg) is typing.Literal and name != "method":  # "method" has its own labels
                    unnamed += [
                        (name, code) for code in typing.get_args(arg) if readable_value(code, field=name) == code
                    ]
    assert unnamed == []
    # Guard: the issuer of a pension statement and of a tax status certificate.
    assert readable_value("SEGURANCA_SOCIAL", field="issuer") == readable_value("SS", field="issuer")


def mail(template: str, **context: object) -> str:
    from django.template.loader import render_to_string

    return render_to_string(f"intake/mail/{template}_body.txt", {"agency": "Imobiliária Demonstração", **context})


def test_the_agency_is_named_without_an_article_its_name_may_not_take() -> None:
    """F19: "apresentada através de Imobiliária Demonstração" (an agency's name takes 'da', 'do' or none)."""
    invitation = mail("invitation", role_pt="coarrendatário(a)", property_title="T3 em Telheiras")
    assert "apresentada através da agência Imobiliária Demonstração, como coarrendatário(a)." in invitation
    assert "A agência Imobiliária Demonstração precisa de mais documentos" in mail("info_request", documents=[])
    assert "A agência Imobiliária Demonstração respondeu" in mail("contest_answer", answer="Obrigado.")


def test_the_contest_answer_does_not_invite_a_reply_to_a_no_reply_address() -> None:
    """F27: "pode responder-lhe diretamente" from nao-responder@… with no Reply-To; the agency holds no general
    contact address (only the privacy contact), so the mail says how to add something instead."""
    body = mail("contest_answer", answer="Obrigado.")
    assert "responder-lhe" not in body and "reply to them directly" not in body
    assert "não recebe respostas: para acrescentar alguma coisa, use a sua ligação pessoal" in body
    assert "does not receive replies" in body


def test_the_decision_history_says_decidida_por_beside_decidida_em() -> None:
    """F20: "Decidido por" next to "Decidida em" (both of 'a decisão')."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from applicants.admin import DecisionInline

    with translation.override("pt-pt"):
        assert str(DecisionInline.decided_by_name.short_description) == "decidida por"  # type: ignore[attr-defined]
    html = render_to_string(
        "workspace/report_pdf.html",
        {"decisions": [{"decision": "Aprovado", "reason": "", "decided_by": "ana", "decided_at": "07/12/2026"}]},
    )
    assert "<th>Decidida por</th>" in html and "Decidido" not in html


def pension(**fields: object) -> dict[str, object]:
    return {"document_id": "p1", "warnings": [], "fields": {"issuer": "SEGURANCA_SOCIAL", **fields}}


def test_a_pension_statement_check_says_only_the_sums_it_could_do() -> None:
    """F24: "valores coerentes (ilíquido - descontos = líquido; mensal x prestações = anual)" of a statement that
    printed one amount (C06: the monthly gross only)."""
    from decimal import Decimal

    from screening.rules.income import pension_arithmetic

    one_amount = pension_arithmetic(pension(gross_monthly_amount=Decimal("1320.00"), payments_per_year=14))
    assert one_amount["passed"] is True
    assert one_amount["evidence"].endswith(
        "(Segurança Social): só indica o valor mensal ilíquido; não há descontos nem total anual para conferir."
    )
    # Guards: a statement printing every amount says both sums, one printing net and gross the one it allows.
    full = pension(
        gross_monthly_amount=Decimal("1000"),
        deductions=Decimal("100"),
        net_monthly_amount=Decimal("900"),
        payments_per_year=14,
        annual_amount=Decimal("14000"),
    )
    assert pension_arithmetic(full)["evidence"].endswith(
        ": valores coerentes (ilíquido - descontos = líquido; mensal x prestações = anual)."
    )
    mismatch = {**full, "warnings": ["arithmetic_mismatch"]}
    assert pension_arithmetic(mismatch)["passed"] is False
    assert "valores incoerentes (ilíquido - descontos = líquido;" in pension_arithmetic(mismatch)["evidence"]
    nothing = pension_arithmetic(pension())
    assert nothing["passed"] is False and nothing["evidence"].endswith(": nenhum valor da pensão lido.")
