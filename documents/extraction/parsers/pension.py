"""Pension statements (Seguranca Social / Centro Nacional de Pensoes, CGA) and the declaracao de inicio de
atividade, read by labels and arithmetic.

A pension statement prints a monthly amount, what is taken from it (IRS withheld, ADSE, ...), what is paid,
and how many times a year (14: the subsidio de ferias in July and de Natal in December; 12 where they are
spread). Labels come in many wordings, one per line or as a header row over a row of values; the payments
per year are printed ("paga 14 vezes por ano", "N.º de prestações anuais: 14") or follow from the annual
amount over the monthly one. Which amount is which is checked by net = gross - deductions in
``validation``; nothing is inferred from the layout of one issuer.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from applicants.identifiers import nif_is_personal
from applicants.text import fold
from documents.extraction.parsers.common import (
    MONTHS,
    VALIDATED_CONFIDENCE,
    Parsed,
    clean_name,
    parse_dates,
    parse_money,
    parse_nifs,
    title_case,
)
from documents.extraction.reader import Line

PAYMENT_COUNTS = (12, 13, 14)
# Checked in this order on folded text; a span taken by one role is not read again by a later one.
PENSION_ROLES: list[tuple[str, re.Pattern[str]]] = [
    ("annual_amount", re.compile(r"(?:valor|montante|total|rendimento)\s+(?:\w+\s+)?anual|anual\s+(?:iliquido|bruto)")),
    ("deductions", re.compile(r"total\s+(?:de\s+|dos\s+)?descontos|descontos\s+totais")),
    (
        "net_monthly_amount",
        re.compile(
            r"(?:pensao|valor|montante|total)\s+(?:mensal\s+)?(?<![a-z])liquid[oa]|(?<![a-z])liquido\s+a\s+(?:receber|pagar)"
            r"|(?:valor|total|montante|importancia)\s+a\s+(?:receber|pagar)|(?<![a-z])liquido(?![a-z])"
        ),
    ),
    (
        "gross_monthly_amount",
        re.compile(
            r"(?:pensao|valor|montante|total)\s+(?:mensal\s+)?(?:iliquid[oa]|brut[oa])|valor\s+mensal(?:\s+da\s+pensao)?"
            r"|montante\s+mensal|valor\s+da\s+pensao|pensao\s+mensal|(?<![a-z])iliquido(?![a-z])"
        ),
    ),
    (
        "deduction",
        re.compile(
            r"(?<![a-z])irs(?![a-z])|retencao|(?<![a-z])adse(?![a-z])|contribuicao\s+extraordinaria|(?<![a-z])ces(?![a-z])"
            r"|quotizac|desconto"
        ),
    ),
]
PAYMENTS = re.compile(
    r"(?<!\d)(1[234])\s*(?:prestacoes|pagamentos|mensalidades|vezes|meses)"
    r"|(?:prestacoes|pagamentos|mensalidades)\s+(?:anuais|por\s+ano|no\s+ano)\D{0,25}?(?<!\d)(1[234])(?!\d)"
)
BOTH_SUBSIDIES = (re.compile(r"subsidio\s+de\s+ferias|14\.?\s*o?\s*mes"), re.compile(r"subsidio\s+de\s+natal"))
PENSION_TYPE = re.compile(
    r"(?:pensao\s+de|tipo\s+de\s+pensao\s*[:.]?|(?<![a-z])pensao\s*:)\s*(velhice|invalidez|sobrevivencia|aposentacao|reforma)"
    r"|(aposentacao|reforma)"
)
NAME_LABEL = re.compile(
    r"(?<![a-z])nome(?:\s+completo)?\s*[:.]|pensionista\s*[:.]|beneficiari[oa]\s*[:.]|titular\s*[:.]"
    r"|aposentad[oa](?:\s*\(a\))?\s*[:.]|reformad[oa](?:\s*\(a\))?\s*[:.]|sujeito\s+passivo\s*[:.]"
    r"|declara(?:-se)?\s+(?:para\s+os\s+devidos\s+efeitos\s+)?que\s+(?:o\s+|a\s+)?(?:sr\.?\(?a?\)?\s+|sra\.?\s+)?"
)
ISSUE_LABEL = re.compile(r"data\s+(?:de\s+)?emissao|emitid[ao]\s+em|data\s+do\s+documento")
TEXT_DATE = re.compile(r"(?<!\d)(\d{1,2})\s+de\s+(" + "|".join(m for m in MONTHS if len(m) > 3) + r")\s+de\s+(\d{4})")


def text_dates(text: str) -> list[dt.date]:
    """Dates written out ("12 de novembro de 2026"), as letters and certificates print them."""
    found = []
    for match in TEXT_DATE.finditer(fold(text)):
        try:
            found.append(dt.date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1))))
        except ValueError:
            continue
    return found


def line_roles(text: str) -> list[str]:
    """The amount roles a line names, left to right, each span read once."""
    folded = fold(text)
    taken: list[tuple[int, int, str]] = []
    for role, pattern in PENSION_ROLES:
        for match in pattern.finditer(folded):
            if not any(match.start() < end and start < match.end() for start, end, _ in taken):
                taken.append((match.start(), match.end(), role))
    return [role for _, _, role in sorted(taken)]


def pension_amounts(lines: list[Line]) -> dict[str, list[tuple[Decimal, float]]]:
    """Each role's amounts in reading order: on the label's line, or under a header row of labels."""
    found: dict[str, list[tuple[Decimal, float]]] = {}
    for index, line in enumerate(lines):
        roles = line_roles(line.text)
        amounts = parse_money(line.text)
        if not roles:
            continue
        if amounts:
            # "Retenção na fonte de IRS (9,00 %) 90,00": the label's amount is the last one on its line.
            found.setdefault(roles[0], []).append((amounts[-1], line.confidence))
            continue
        below = lines[index + 1] if index + 1 < len(lines) else None
        if below is None or line_roles(below.text):
            continue
        values = parse_money(below.text)
        if len(roles) >= 2 and len(values) == len(roles):
            for role, value in zip(roles, values, strict=True):
                found.setdefault(role, []).append((value, below.confidence))
        elif len(roles) == 1 and values:
            found.setdefault(roles[0], []).append((values[-1], below.confidence))
    return found


def payments_per_year(text: str, gross: Decimal | None, net: Decimal | None, annual: Decimal | None) -> int | None:
    """Printed, else the annual amount over the monthly one, else both subsidies named (14)."""
    for match in PAYMENTS.finditer(text):
        count = int(match.group(1) or match.group(2))
        if count in PAYMENT_COUNTS:
            return count
    if annual is not None:
        for monthly in (gross, net):
            if monthly:
                for count in PAYMENT_COUNTS:
                    if abs(monthly * count - annual) <= Decimal("0.01") * count:
                        return count
    if all(pattern.search(text) for pattern in BOTH_SUBSIDIES):
        return 14
    return None


def parse_pension(lines: list[Line]) -> Parsed:
    parsed = Parsed()
    folded = fold("\n".join(line.text for line in lines))
    amounts = pension_amounts(lines)
    for role in ("gross_monthly_amount", "net_monthly_amount", "annual_amount", "deductions"):
        if amounts.get(role):
            value, confidence = amounts[role][0]
            parsed.put(role, value, confidence)
    if "deductions" not in parsed.fields and amounts.get("deduction"):
        items = amounts["deduction"]
        parsed.put("deductions", sum((value for value, _ in items), Decimal(0)), min(c for _, c in items))
    gross, net = parsed.fields.get("gross_monthly_amount"), parsed.fields.get("net_monthly_amount")
    if gross is not None and net is not None and net > gross:
        # Read the wrong way round: the larger amount is the one before deductions.
        parsed.fields["gross_monthly_amount"], parsed.fields["net_monthly_amount"] = net, gross
        gross, net = net, gross
    count = payments_per_year(folded, gross, net, parsed.fields.get("annual_amount"))
    parsed.put("payments_per_year", count, 0.9)
    if "caixa geral de aposentacoes" in folded or re.search(r"(?<![a-z])cga(?![a-z])", folded):
        parsed.put("issuer", "CGA", VALIDATED_CONFIDENCE)
    elif re.search(r"seguranca\s+social|centro\s+nacional\s+de\s+pensoes", folded):
        parsed.put("issuer", "SEGURANCA_SOCIAL", VALIDATED_CONFIDENCE)
    kind = PENSION_TYPE.search(folded)
    if kind:
        parsed.put("pension_type", kind.group(1) or kind.group(2), 0.9)
    parsed.put("issue_date", issue_date(lines), 0.9)
    person(lines, parsed, prefix="pensioner")
    return parsed


def issue_date(lines: list[Line]) -> dt.date | None:
    """The labelled date of issue, else the last date written out (the place and date above the signature)."""
    for line in lines:
        if ISSUE_LABEL.search(fold(line.text)):
            dates = parse_dates(line.text) or text_dates(line.text)
            if dates:
                return dates[0]
    written = [day for line in lines for day in text_dates(line.text)]
    return written[-1] if written else None


def person(lines: list[Line], parsed: Parsed, *, prefix: str) -> None:
    """The person's NIF (the personal one whose check digit holds) and name (after its label)."""
    for line in lines:
        for nif, valid in parse_nifs(line.text):
            if valid and nif_is_personal(nif):
                parsed.put(f"{prefix}_nif", nif, VALIDATED_CONFIDENCE)
            elif not valid and re.search(r"nif|contribuinte|fiscal", fold(line.text)):
                parsed.warnings.append("nif_checksum_invalid")
    for line in lines:
        label = NAME_LABEL.search(fold(line.text))
        if not label:
            continue
        # Folding keeps the length, so the label's end is the same offset in the printed text.
        rest = line.text[label.end() :].split(",")[0]
        name = clean_name(rest)
        if name and len(name.split()) >= 2:
            parsed.put(f"{prefix}_name", title_case(name) if name.upper() == name else name, line.confidence)
            return


# --- Declaracao de inicio de atividade ---------------------------------------------------------------------

START_LABEL = re.compile(
    r"data\s+(?:de\s+)?inicio(?:\s+d[ae]\s+ac?tividade)?|inicio\s+(?:de\s+|da\s+)?ac?tividade\s*(?:em|:)"
)
ACTIVITY_CODE = re.compile(
    r"(?:(?<![a-z])(?:cae|codigo|cirs)(?![a-z])|atividade\s+principal)[^0-9\n]{0,40}?(?<!\d)(\d{4,5})(?!\d)"
)


def parse_activity_start(lines: list[Line]) -> Parsed:
    parsed = Parsed()
    for index, line in enumerate(lines):
        label = START_LABEL.search(fold(line.text))
        if not label:
            continue
        candidates = [line.text[label.end() :]] + ([lines[index + 1].text] if index + 1 < len(lines) else [])
        for candidate in candidates:
            dates = parse_dates(candidate) or text_dates(candidate)
            if dates:
                parsed.put("start_date", dates[0], line.confidence)
                break
        if "start_date" in parsed.fields:
            break
    for line in lines:
        code = ACTIVITY_CODE.search(fold(line.text))
        if code:
            parsed.put("activity_code", code.group(1), line.confidence)
            description = re.sub(r"^[\s:.\-–]+", "", line.text[code.end() :]).strip()
            if len(description) >= 4:
                parsed.put("activity_description", description, line.confidence)
            break
    person(lines, parsed, prefix="taxpayer")
    return parsed
