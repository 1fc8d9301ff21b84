"""IRS declarations and assessment notes: taxpayer, year, gross income, tax."""

from __future__ import annotations

import re

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

# --- Tax documents ------------------------------------------------------------------------

TAX_LABELS: dict[str, re.Pattern[str]] = {
    "gross_income": re.compile(
        r"rendimentos?\s+(?:brutos?|global|ilíquidos?|iliquidos?|englobados?)|total\s+(?:dos?\s+)?rendimentos"
    ),
    "tax_paid": re.compile(
        r"colecta\s+l[ií]quida|coleta\s+l[ií]quida|imposto\s+(?:pago|liquidado|apurado)|total\s+(?:do\s+)?imposto"
    ),
}
TAX_NAME_LABEL = re.compile(r"(?<![a-z])nome\s*[:.]?|sujeito\s+passivo\s*a?\s*[:.]?|contribuinte\s*[:.]")
TAX_YEAR_LABEL = re.compile(
    r"ano\s+(?:dos?\s+|de\s+)?rendimentos|(?<![a-z])ano\s*[:.]|exerc[ií]cio|per[ií]odo\s+de\s+tributa[cç][aã]o"
)


def parse_tax(lines: list[Line]) -> Parsed:
    parsed = Parsed()
    for name, pattern in TAX_LABELS.items():
        found = find_label(lines, pattern)
        if found:
            for candidate, line in value_after_label(lines, *found, lookahead=1):
                values = parse_money(candidate)
                if values:
                    parsed.put(name, values[-1], line.confidence)
                    break
    found = find_label(lines, TAX_YEAR_LABEL)
    if found:
        for candidate, line in value_after_label(lines, *found, lookahead=1):
            match = YEAR.search(fix_digits(candidate))
            if match:
                parsed.put("year", int(match.group(1)), line.confidence)
                break
    for line in lines:
        folded = fold(line.text)
        label_match = TAX_NAME_LABEL.search(folded)
        if label_match:
            taxpayer = clean_name(line.text[label_match.end() :].lstrip(" :.A"))
            if taxpayer:
                parsed.put("taxpayer_name", title_case(taxpayer), line.confidence)
                break
    for line in lines:
        for nif, valid in parse_nifs(line.text):
            if valid and nif_is_personal(nif):
                parsed.put("taxpayer_nif", nif, VALIDATED_CONFIDENCE)
            elif not valid and re.search(r"nif|contribuinte|fiscal", fold(line.text)):
                parsed.warnings.append("nif_checksum_invalid")
    return parsed
