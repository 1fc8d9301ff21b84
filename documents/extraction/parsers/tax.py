"""IRS declarations (Modelo 3 and its annexes) and the nota / demonstracao de liquidacao.

Every amount is read after its label (on the label's line, up to the next label, or on the line below
when a label row sits over a value row). The settlement adds up on the nota: coleta liquida less the
withholdings and the payments on account is the amount payable, or the refund when negative; a figure
the page does not print but that sum gives is *derived* (``derived:<field>``), and a sum that does
not hold is flagged by ``validation``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from applicants.identifiers import nif_is_personal
from applicants.text import fold
from documents.extraction.parsers.common import (
    VALIDATED_CONFIDENCE,
    YEAR,
    Parsed,
    clean_name,
    find_label,
    fix_digits,
    parse_money,
    parse_nifs,
    title_case,
    value_after_label,
)
from documents.extraction.reader import Line

DERIVED_CONFIDENCE = 0.7

# Order matters where labels overlap: the first field whose words a text holds claims it.
TAX_LABELS: dict[str, re.Pattern[str]] = {
    "taxable_income": re.compile(r"rendimento\s+(?:colect|colet|tribut)[aá]vel|mat[eé]ria\s+colet[aá]vel"),
    "gross_income": re.compile(r"rendimentos?\s+(?:brutos?|il[ií]quidos?|englobados?)|total\s+(?:dos?\s+)?rendimentos"),
    # The sum of the categories' incomes net of their specific deductions: the gross only when no gross is printed.
    "global_income": re.compile(r"rendimentos?\s+global"),
    "tax_paid": re.compile(
        r"colecta\s+l[ií]quida|coleta\s+l[ií]quida|imposto\s+(?:pago|liquidado)|total\s+(?:do\s+)?imposto"
    ),
    "withholdings": re.compile(r"reten[cç][oõ]es\s+na\s+fonte|reten[cç][aã]o\s+na\s+fonte|(?<![a-z])reten[cç][oõ]es"),
    "payments_on_account": re.compile(r"pagamentos?\s+por\s+conta"),
    "amount_refundable": re.compile(
        r"(?:valor|montante|import[aâ]ncia|imposto)\s+a\s+(?:reembolsar|restituir)|reembolso(?!\s+de\s+despesas)"
    ),
    "amount_payable": re.compile(r"(?:valor|montante|import[aâ]ncia|imposto|total)\s+a\s+pagar"),
}
# The settlement's own total, with its sign: "Resultado da liquidação -312,40" is a refund.
SETTLEMENT_RESULT = re.compile(r"resultado\s+(?:da\s+)?liquida[cç][aã]o|saldo\s+(?:da\s+)?liquida[cç][aã]o")
ANNEX = re.compile(r"(?<![a-z])anexo\s+([a-z])(?![a-z])")
ANNEX_INCOME: dict[str, re.Pattern[str]] = {
    "pension_income": re.compile(r"pens[oõ]es|categoria\s+h(?![a-z])"),
    "employment_income": re.compile(r"trabalho\s+dependente|categoria\s+a(?![a-z])"),
    "self_employment_income": re.compile(
        r"categoria\s+b(?![a-z])|rendimentos\s+(?:profissionais|empresariais)|presta[cç][oõ]es?\s+de\s+servi[cç]os"
    ),
}
TAX_NAME_LABEL = re.compile(r"(?<![a-z])nome\s*[:.]?|sujeito\s+passivo\s*a?\s*[:.]?|contribuinte\s*[:.]")
TAX_YEAR_LABEL = re.compile(
    r"ano\s+(?:dos?\s+|de\s+)?rendimentos|(?<![a-z])ano\s*[:.]|(?<![a-z])ano\s+(?=(?:19|20)\d{2}(?!\d))|exerc[ií]cio|per[ií]odo\s+de\s+tributa[cç][aã]o"
)
# Where a taxpayer's part of a line starts; the spouse's (or partner's) and the dependants' parts are left out.
TAXPAYER_MARK = re.compile(
    r"sujeito\s+passivo\s*[ab](?![a-zà-ÿ])|(?<![a-zà-ÿ])nif\s*(?:do\s+sujeito\s+passivo\s*)?[ab](?![a-zà-ÿ])"
    r"|c[oô]njuge|unido\s+de\s+facto|dependentes?",
    re.IGNORECASE,
)


def first_taxpayer_text(text: str) -> str:
    """``text`` without the parts that belong to the second taxpayer or to dependants."""
    marks = list(TAXPAYER_MARK.finditer(text))
    if not marks:
        return text
    kept = [text[: marks[0].start()]]
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        if re.search(r"[aA]$", mark.group(0).strip()):
            kept.append(text[mark.start() : end])
    return " ".join(kept)


NEGATIVE = re.compile(r"-\s*\d[\d.\s]*,\d{2}\s*$|\(\s*\d[\d.\s]*,\d{2}\s*\)\s*$")


def parse_tax(lines: list[Line]) -> Parsed:
    parsed = Parsed()
    tax_amounts(lines, parsed)
    global_income, global_confidence = (
        parsed.fields.pop("global_income", None),
        parsed.confidence.pop("global_income", 0.0),
    )
    tax_annexes(lines, parsed)
    parsed.put("gross_income", global_income, global_confidence)
    tax_settlement(parsed)
    found = find_label(lines, TAX_YEAR_LABEL)
    if found:
        for candidate, line in value_after_label(lines, *found, lookahead=1):
            match = YEAR.search(fix_digits(candidate))
            if match:
                parsed.put("year", int(match.group(1)), line.confidence)
                break
    name_line: Line | None = None
    for line in lines:
        text = first_taxpayer_text(line.text)
        folded = fold(text)
        label_match = TAX_NAME_LABEL.search(folded)
        if label_match:
            # "Sujeito Passivo A: ..." names the first taxpayer; an "A" that starts a name stays.
            # ... and a NIF printed before the name ("Sujeito passivo A: 123456789 Ana Sousa") is skipped.
            taxpayer = clean_name(
                re.sub(
                    r"^[\s:.]*(?:A(?![A-Za-zÀ-ÿ])[\s:.]*)?(?:(?:NIF|N\.?\s?I\.?\s?F\.?)?[\s:.]*\d{3}\s?\d{3}\s?\d{3}[\s:.\-–]*)?",
                    "",
                    text[label_match.end() :],
                )
            )
            if taxpayer:
                parsed.put("taxpayer_name", title_case(taxpayer), line.confidence)
                name_line = line
                break
    # The taxpayer's NIF: on the taxpayer's own line first; never one printed as the spouse's or a dependant's.
    ordered = ([name_line] if name_line is not None else []) + [line for line in lines if line is not name_line]
    for line in ordered:
        for nif, valid in parse_nifs(first_taxpayer_text(line.text)):
            if valid and nif_is_personal(nif):
                parsed.put("taxpayer_nif", nif, VALIDATED_CONFIDENCE)
            elif not valid and re.search(r"nif|contribuinte|fiscal", fold(line.text)):
                parsed.warnings.append("nif_checksum_invalid")
    return parsed


def label_spans(folded: str) -> list[tuple[int, int, str]]:
    """Every field label on a line, left to right, none overlapping an earlier (higher-priority) one."""
    spans: list[tuple[int, int, str]] = []
    for name, pattern in TAX_LABELS.items():
        for match in pattern.finditer(folded):
            if not any(start < match.end() and match.start() < end for start, end, _ in spans):
                spans.append((match.start(), match.end(), name))
    return sorted(spans)


def tax_amounts(lines: list[Line], parsed: Parsed) -> None:
    """Each label's amount: after it on its line up to the next label, else in its column on the line below."""
    for index, line in enumerate(lines):
        # fold() keeps positions (one character for one), so spans index the original text.
        folded = fold(line.text)
        spans = label_spans(folded)
        below = lines[index + 1] if index + 1 < len(lines) else None
        below_values = parse_money(below.text) if below is not None and not label_spans(fold(below.text)) else []
        for position, (_, end, name) in enumerate(spans):
            stop = spans[position + 1][0] if position + 1 < len(spans) else len(line.text)
            values = parse_money(line.text[end:stop])
            if values:
                parsed.put(name, values[-1], line.confidence)
            elif below is not None and len(below_values) == len(spans):
                parsed.put(name, below_values[position], below.confidence)
        result = SETTLEMENT_RESULT.search(folded)
        if result:
            rest = line.text[result.end() :]
            values = parse_money(rest)
            if values:
                refund = bool(NEGATIVE.search(rest.strip())) or "reembols" in fold(rest)
                parsed.put("amount_refundable" if refund else "amount_payable", values[-1], line.confidence)


def tax_annexes(lines: list[Line], parsed: Parsed) -> None:
    """Which annexes the declaration holds, and the gross income each category declares."""
    annexes: list[str] = []
    combined_income: list[tuple[Decimal, float]] = []
    for line in lines:
        folded = fold(line.text)
        for match in ANNEX.finditer(folded):
            letter = match.group(1).upper()
            if letter not in annexes:
                annexes.append(letter)
        values = parse_money(line.text)
        if not values or not re.search(r"rendimento|bruto|valor|montante|total", folded):
            continue
        categories = [name for name, pattern in ANNEX_INCOME.items() if pattern.search(folded)]
        if len(categories) == 1:
            parsed.put(categories[0], values[-1], line.confidence)
        elif categories:
            # Anexo A's title names employment and pensions together: the amount is both categories' income.
            combined_income.append((values[-1], line.confidence))
    if annexes:
        parsed.put("annexes", sorted(annexes), 0.9)
    if "gross_income" not in parsed.fields:
        parts = [parsed.fields.get(name) for name in ANNEX_INCOME]
        if all(part is None for part in parts) and combined_income:
            parsed.put("gross_income", combined_income[0][0], DERIVED_CONFIDENCE)
            parsed.warnings.append("derived:gross_income")
        elif any(part is not None for part in parts):
            total = sum((part for part in parts if part is not None), Decimal("0"))
            parsed.put("gross_income", total, DERIVED_CONFIDENCE)
            parsed.warnings.append("derived:gross_income")


def tax_settlement(parsed: Parsed) -> None:
    """coleta liquida - retencoes - pagamentos por conta = a pagar (or - a reembolsar): fill the one missing."""
    fields = parsed.fields
    on_account = fields.get("payments_on_account") or Decimal("0")
    tax, withheld = fields.get("tax_paid"), fields.get("withholdings")
    payable, refundable = fields.get("amount_payable"), fields.get("amount_refundable")
    if payable is not None and refundable is not None:
        return
    result = None if payable is None and refundable is None else (payable or Decimal("0")) - (refundable or 0)
    if tax is not None and withheld is not None and result is None:
        balance = tax - withheld - on_account
        name = "amount_payable" if balance >= 0 else "amount_refundable"
        parsed.put(name, abs(balance), DERIVED_CONFIDENCE)
        parsed.warnings.append(f"derived:{name}")
    elif tax is None and withheld is not None and result is not None:
        parsed.put("tax_paid", result + withheld + on_account, DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:tax_paid")
    elif withheld is None and tax is not None and result is not None:
        parsed.put("withholdings", tax - on_account - result, DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:withholdings")
