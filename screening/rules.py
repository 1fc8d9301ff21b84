"""Deterministic screening rules: every number and threshold of the report.

Pure functions over plain dicts (the graph state), no database, no network.
The OpenAI nodes call these too: the model may judge and write, never count.
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

RULES_VERSION = "rules-2026.11.1"
IDENTITY_KINDS = {"CARTAO_CIDADAO", "TITULO_RESIDENCIA", "PASSAPORTE"}
PAYSLIP_KINDS = {"RECIBO_VENCIMENTO"}
TAX_KINDS = {"DECLARACAO_IRS", "NOTA_LIQUIDACAO"}
NAME_PARTICLES = {"de", "da", "do", "das", "dos", "e"}
PAYSLIP_WINDOW_MONTHS = 6
REQUIRED_PAYSLIP_MONTHS = 3


def check(
    name: str,
    passed: bool,
    evidence: str,
    *,
    document_id: str | None = None,
    field: str | None = None,
    value: Any = None,
    expected: Any = None,
) -> dict[str, Any]:
    return {
        "name": name,
        "passed": passed,
        "evidence": evidence,
        "document_id": document_id,
        "field": field,
        "value": None if value is None else str(value),
        "expected": None if expected is None else str(expected),
    }


# --- Names ---------------------------------------------------------------------------------


def name_tokens(name: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    cleaned = "".join(c if c.isalpha() else " " for c in plain)
    return [token for token in cleaned.split() if token not in NAME_PARTICLES]


def name_match(submitted: str, read: str) -> str:
    """``exact`` (same tokens, any order/case/accents), ``partial`` (one holds the
    other's tokens: missing middle names), ``fuzzy`` (only near-equal spellings)
    or ``none``."""
    left, right = name_tokens(submitted), name_tokens(read)
    if not left or not right:
        return "none"
    if sorted(left) == sorted(right):
        return "exact"
    shorter, longer = (left, right) if len(left) <= len(right) else (right, left)
    if len(shorter) >= 2 and set(shorter) <= set(longer) and shorter[0] == longer[0] and shorter[-1] == longer[-1]:
        return "partial"
    if len(shorter) >= 2 and all(
        max(difflib.SequenceMatcher(None, token, other).ratio() for other in longer) >= 0.8 for token in shorter
    ):
        return "fuzzy"
    return "none"


# --- Identity ------------------------------------------------------------------------------


def extracted(documents: list[dict[str, Any]], kinds: set[str]) -> list[dict[str, Any]]:
    return [d for d in documents if d.get("status") == "EXTRACTED" and d.get("kind") in kinds]


def parse_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def verify_identity(state: dict[str, Any]) -> dict[str, Any]:
    applicant = state["applicant"]
    today = dt.date.fromisoformat(state["today"])
    warning_days = int(state["thresholds"]["id_expiry_warning_days"])
    candidates = extracted(state["documents"], IDENTITY_KINDS)
    checks: list[dict[str, Any]] = []
    warnings: list[str] = []
    if not candidates:
        checks.append(check("identity.document_read", False, "Nenhum documento de identificação foi lido."))
        return {"verified": False, "checks": checks, "warnings": warnings, "name_match": "none"}
    # The document that read the most fields is the one we trust.
    document = max(candidates, key=lambda d: sum(v is not None for v in d["fields"].values()))
    fields, document_id = document["fields"], document["document_id"]
    checks.append(
        check(
            "identity.document_read",
            True,
            f"Documento de identificação lido ({document['kind']}).",
            document_id=document_id,
        )
    )

    printed_nif = fields.get("nif")
    if printed_nif:
        same = printed_nif == applicant["nif"]
        evidence = "NIF do documento igual ao NIF indicado." if same else "NIF do documento diferente do NIF indicado."
        checks.append(
            check(
                "identity.nif_match",
                same,
                evidence,
                document_id=document_id,
                field="nif",
                value=printed_nif,
                expected=applicant["nif"],
            )
        )
    else:
        checks.append(
            check(
                "identity.nif_match",
                True,
                "O documento não mostra o NIF; verificação por nome e data de nascimento.",
                document_id=document_id,
                field="nif",
            )
        )

    read_name = fields.get("full_name") or " ".join(filter(None, [fields.get("given_names"), fields.get("surname")]))
    match = name_match(applicant["name"], read_name or "")
    name_evidence = {
        "exact": "Nome igual ao do documento.",
        "partial": "Nome coincide com o do documento (nomes intermédios omitidos).",
        "fuzzy": "Nome apenas semelhante ao do documento (possível erro de escrita ou de leitura).",
        "none": "Nome diferente do documento.",
    }[match]
    checks.append(
        check(
            "identity.name_match",
            match != "none",
            name_evidence,
            document_id=document_id,
            field="full_name",
            value=read_name,
            expected=applicant["name"],
        )
    )
    if match == "fuzzy":
        warnings.append("fuzzy_name_match")

    birth = parse_date(fields.get("date_of_birth"))
    expected_birth = applicant["date_of_birth"]
    birth_ok = birth is not None and birth.isoformat() == expected_birth
    checks.append(
        check(
            "identity.birth_date_match",
            birth_ok,
            "Data de nascimento igual à do documento."
            if birth_ok
            else (
                "Data de nascimento não lida no documento."
                if birth is None
                else "Data de nascimento diferente da do documento."
            ),
            document_id=document_id,
            field="date_of_birth",
            value=birth,
            expected=expected_birth,
        )
    )

    expiry = parse_date(fields.get("expiry_date"))
    if expiry is None:
        checks.append(
            check(
                "identity.not_expired",
                False,
                "Data de validade não lida no documento.",
                document_id=document_id,
                field="expiry_date",
            )
        )
    else:
        valid = expiry >= today
        checks.append(
            check(
                "identity.not_expired",
                valid,
                f"Documento válido até {expiry.isoformat()}."
                if valid
                else f"Documento caducado em {expiry.isoformat()}.",
                document_id=document_id,
                field="expiry_date",
                value=expiry,
                expected=f">= {today.isoformat()}",
            )
        )
        if valid and (expiry - today).days <= warning_days:
            warnings.append("id_expiring_soon")
            checks.append(
                check(
                    "identity.expiry_margin",
                    False,
                    f"O documento caduca dentro de {(expiry - today).days} dias.",
                    document_id=document_id,
                    field="expiry_date",
                    value=expiry,
                )
            )
    verified = all(c["passed"] for c in checks if c["name"] != "identity.expiry_margin")
    return {"verified": verified, "checks": checks, "warnings": warnings, "name_match": match}


# --- Income --------------------------------------------------------------------------------


def months_ago(period: str, today: dt.date) -> int:
    year, month = (int(part) for part in period.split("-"))
    return (today.year * 12 + today.month) - (year * 12 + month)


def attributable(applicant: dict[str, Any], nif: str | None, name: str | None) -> tuple[bool, str]:
    """By NIF when printed, else by name; returns (attributable, how)."""
    if nif:
        return nif == applicant["nif"], "nif"
    if name:
        return name_match(applicant["name"], name) != "none", "name"
    return False, "none"


def money(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def quantize(value: Decimal, places: str = "0.01") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def tax_years_accepted(today: dt.date) -> set[int]:
    # IRS is filed April-June: until July, the year before last is the latest one a person can have.
    return {today.year - 1} | ({today.year - 2} if today.month < 7 else set())


def verify_income(state: dict[str, Any]) -> dict[str, Any]:
    applicant = state["applicant"]
    today = dt.date.fromisoformat(state["today"])
    checks: list[dict[str, Any]] = []
    warnings: list[str] = []
    monthly: dict[str, tuple[Decimal, str]] = {}
    any_attributable = False

    for document in extracted(state["documents"], PAYSLIP_KINDS):
        fields, document_id = document["fields"], document["document_id"]
        owner_ok, how = attributable(applicant, fields.get("employee_nif"), fields.get("employee_name"))
        period = fields.get("period")
        net = money(fields.get("net_pay"))
        consistent = "arithmetic_mismatch" not in document.get("warnings", []) and net is not None
        label = f"Recibo {period or '(período não lido)'}"
        checks.append(
            check(
                "income.payslip_owner",
                owner_ok,
                f"{label}: {'pertence' if owner_ok else 'não pertence'} ao candidato (por {'NIF' if how == 'nif' else 'nome'}).",
                document_id=document_id,
                field="employee_nif" if how == "nif" else "employee_name",
                value=fields.get("employee_nif") if how == "nif" else fields.get("employee_name"),
                expected=applicant["nif"] if how == "nif" else applicant["name"],
            )
        )
        if not owner_ok:
            continue
        any_attributable = True
        checks.append(
            check(
                "income.payslip_arithmetic",
                consistent,
                f"{label}: ilíquido menos descontos {'igual' if consistent else 'diferente'} do líquido.",
                document_id=document_id,
                field="net_pay",
                value=net,
            )
        )
        if not consistent:
            warnings.append("arithmetic_mismatch")
            continue
        recent = period is not None and 0 <= months_ago(period, today) <= PAYSLIP_WINDOW_MONTHS
        checks.append(
            check(
                "income.payslip_recent",
                recent,
                f"{label}: {'dentro' if recent else 'fora'} dos últimos {PAYSLIP_WINDOW_MONTHS} meses.",
                document_id=document_id,
                field="period",
                value=period,
            )
        )
        if recent and net is not None and period not in monthly:
            monthly[period] = (net, document_id)

    months = sorted(monthly, reverse=True)
    payslip_months = len(months)
    checks.append(
        check(
            "income.payslip_months",
            payslip_months >= REQUIRED_PAYSLIP_MONTHS,
            f"{payslip_months} mês(es) distintos de recibos válidos (necessários {REQUIRED_PAYSLIP_MONTHS}).",
            value=payslip_months,
            expected=REQUIRED_PAYSLIP_MONTHS,
        )
    )

    tax_income: Decimal | None = None
    for document in extracted(state["documents"], TAX_KINDS):
        fields, document_id = document["fields"], document["document_id"]
        owner_ok, how = attributable(applicant, fields.get("taxpayer_nif"), fields.get("taxpayer_name"))
        year = fields.get("year")
        gross, tax = money(fields.get("gross_income")), money(fields.get("tax_paid"))
        current = year in tax_years_accepted(today)
        usable = owner_ok and current and gross is not None
        checks.append(
            check(
                "income.tax_document",
                usable,
                f"Documento de IRS de {year or '(ano não lido)'}: {'identifica o candidato e é do último ano' if usable else 'não utilizável (titular ou ano)'}.",
                document_id=document_id,
                field="taxpayer_nif" if how == "nif" else "taxpayer_name",
                value=year,
                expected=sorted(tax_years_accepted(today)),
            )
        )
        if owner_ok:
            any_attributable = True
        if usable and gross is not None and tax_income is None:
            tax_income = quantize((gross - (tax or Decimal(0))) / 12)

    verified_by_payslips = payslip_months >= REQUIRED_PAYSLIP_MONTHS
    verified = verified_by_payslips or tax_income is not None
    average: Decimal | None = None
    source = "none"
    if verified_by_payslips:
        latest = [monthly[m][0] for m in months[:REQUIRED_PAYSLIP_MONTHS]]
        average, source = quantize(sum(latest, Decimal(0)) / len(latest)), "payslips"
    elif tax_income is not None:
        average, source = tax_income, "tax"
    elif payslip_months:
        latest = [monthly[m][0] for m in months]
        average, source = quantize(sum(latest, Decimal(0)) / len(latest)), "partial_payslips"
    return {
        "verified": verified,
        "attributable": any_attributable,
        "months_verified": payslip_months,
        "months": months[:REQUIRED_PAYSLIP_MONTHS] if verified_by_payslips else months,
        "average_monthly_income": None if average is None else str(average),
        "source": source,
        "checks": checks,
        "warnings": warnings,
    }


# --- Affordability -------------------------------------------------------------------------


def loan_monthly_payment(*, price: Decimal, loan_to_value: Decimal, annual_rate: Decimal, years: int) -> Decimal:
    principal = price * loan_to_value
    monthly_rate = annual_rate / 12
    periods = years * 12
    if monthly_rate == 0:
        return quantize(principal / periods)
    factor = (1 + monthly_rate) ** periods
    return quantize(principal * monthly_rate * factor / (factor - 1))


def assess_affordability(state: dict[str, Any]) -> dict[str, Any]:
    thresholds = state["thresholds"]
    identity, income = state["identity"], state["income"]
    price = Decimal(str(state["property"]["price"]))
    if state["property"]["listing_type"] == "VENDA":
        monthly_cost = loan_monthly_payment(
            price=price,
            loan_to_value=Decimal(str(thresholds["sale_loan_to_value"])),
            annual_rate=Decimal(str(thresholds["sale_annual_interest_rate"])),
            years=int(thresholds["sale_loan_term_years"]),
        )
        cost_label = "prestação estimada do crédito"
    else:
        monthly_cost, cost_label = quantize(price), "renda mensal"
    average = money(income["average_monthly_income"])
    dti = (monthly_cost / average).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP) if average else None
    high, medium = Decimal(str(thresholds["dti_high"])), Decimal(str(thresholds["dti_medium"]))

    reasons_high: list[str] = []
    reasons_medium: list[str] = []
    if not identity["verified"]:
        reasons_high.append("identity_not_verified")
    if not income["attributable"]:
        reasons_high.append("no_attributable_income")
    if dti is None:
        reasons_high.append("income_unknown")
    elif dti > high:
        reasons_high.append("dti_above_high")
    elif dti > medium:
        reasons_medium.append("dti_above_medium")
    if not income["verified"] and 1 <= income["months_verified"] < REQUIRED_PAYSLIP_MONTHS:
        reasons_medium.append("partial_income_months")
    for warning in dict.fromkeys(identity["warnings"] + income["warnings"]):
        reasons_medium.append(warning)
    risk = "HIGH" if reasons_high else "MEDIUM" if reasons_medium else "LOW"
    checks = [
        check(
            "affordability.dti",
            dti is not None and dti <= high,
            f"Taxa de esforço {format_percent(dti)} ({cost_label} {format_eur(monthly_cost)} / rendimento {format_eur(average)})."
            if dti is not None
            else "Sem rendimento verificável para calcular a taxa de esforço.",
            field="dti_ratio",
            value=dti,
            expected=f"<= {high}",
        ),
    ]
    return {
        "dti_ratio": None if dti is None else str(dti),
        "monthly_cost": str(monthly_cost),
        "cost_label": cost_label,
        "risk_level": risk,
        "reasons": reasons_high + reasons_medium,
        "checks": checks,
    }


# --- Report (pt-PT templates) --------------------------------------------------------------


def format_eur(value: Decimal | None) -> str:
    if value is None:
        return "—"
    whole, _, cents = f"{quantize(value):,.2f}".partition(".")
    return f"{whole.replace(',', ' ')},{cents} €"


def format_percent(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{(value * 100).quantize(Decimal('0.1'))}".replace(".", ",") + " %"


RISK_WORDS = {"LOW": "BAIXO", "MEDIUM": "MÉDIO", "HIGH": "ALTO"}
REASON_TEXT = {
    "identity_not_verified": "a identidade não foi confirmada pelos documentos",
    "no_attributable_income": "nenhum comprovativo de rendimentos pertence ao candidato",
    "income_unknown": "não foi possível apurar o rendimento mensal",
    "dti_above_high": "a taxa de esforço excede o limite máximo da agência",
    "dti_above_medium": "a taxa de esforço está acima do limite recomendado",
    "partial_income_months": "só foram comprovados 1 a 2 meses de rendimentos",
    "id_expiring_soon": "o documento de identificação caduca em breve",
    "arithmetic_mismatch": "um recibo tem valores que não batem certo (ilíquido, descontos e líquido)",
    "fuzzy_name_match": "o nome só coincide aproximadamente com o dos documentos",
    "llm_consistency_concern": "a análise automática assinalou incoerências nos documentos",
}


def generate_report(state: dict[str, Any]) -> dict[str, Any]:
    identity, income, affordability = state["identity"], state["income"], state["affordability"]
    average = money(income["average_monthly_income"])
    parts = [f"Risco {RISK_WORDS[affordability['risk_level']]}."]
    parts.append(
        "Identidade confirmada pelo documento de identificação."
        if identity["verified"]
        else "Identidade não confirmada."
    )
    if income["source"] == "payslips":
        parts.append(
            f"Rendimento médio mensal líquido de {format_eur(average)}, com base nos recibos de {', '.join(sorted(income['months']))}."
        )
    elif income["source"] == "tax":
        parts.append(
            f"Rendimento médio mensal de {format_eur(average)}, calculado a partir da declaração de IRS (rendimento menos imposto, a dividir por 12)."
        )
    elif income["source"] == "partial_payslips":
        parts.append(
            f"Rendimento médio mensal líquido de {format_eur(average)}, mas apenas com {income['months_verified']} mês(es) comprovado(s)."
        )
    else:
        parts.append("Rendimento não comprovado.")
    dti = money(affordability["dti_ratio"])
    if dti is not None:
        parts.append(
            f"Taxa de esforço de {format_percent(dti)} ({affordability['cost_label']} de {format_eur(money(affordability['monthly_cost']))})."
        )
    reasons = [REASON_TEXT.get(reason, reason) for reason in affordability["reasons"]]
    if reasons:
        parts.append("Motivos: " + "; ".join(dict.fromkeys(reasons)) + ".")
    parts.append("Este relatório é uma recomendação: a decisão cabe a um colaborador da agência.")
    return {"justification": " ".join(parts), "language": "pt-PT", "english": None}
