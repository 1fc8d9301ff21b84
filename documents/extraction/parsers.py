"""Label-based parsers for Portuguese ID, payslip and tax documents.

They read lines (from a PDF text layer or OCR), tolerate the wording and
layout of different payroll programs (label then value, label above value,
summary rows with several labels). Check digits pick the NIF and Cartao de
Cidadao numbers among those on the page; the checks on the fields read (check
digits again, dates, arithmetic) are in ``validation``, shared with every
backend.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from applicants.identifiers import cc_is_valid, cc_normalize, nif_has_valid_checksum, nif_is_personal
from applicants.text import NAME_PARTICLES, fold
from documents.extraction.reader import Line
from documents.extraction.schema import TAX_KINDS, DocumentKind
from documents.extraction.validation import payslip_arithmetic_holds

VALIDATED_CONFIDENCE = 0.99


# --- Values -----------------------------------------------------------------------------

MONEY = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.\s\u00a0]\d{3})+|\d+)\s?([.,])\s?(\d{2})(?![\d%])(?!\s?%)")
DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})\s?[ ./-]\s?(\d{1,2})\s?[ ./-]\s?(\d{4})(?!\d)")
DATE_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
NIF_TOKEN = re.compile(r"(?<![\d])(\d{3})\s?(\d{3})\s?(\d{3})(?![\d])")
CC_TOKEN = re.compile(r"(?<![\dA-Z])(\d{8})\s?(\d)\s?([A-Z0-9]{2})\s?([0-9ODQIL])(?![\dA-Z])")
YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)")
MONTHS = {
    "janeiro": 1, "fevereiro": 2, "marco": 3, "abril": 4, "maio": 5, "junho": 6,
    "julho": 7, "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "jan": 1, "fev": 2, "mar": 3, "abr": 4, "mai": 5, "jun": 6,
    "jul": 7, "ago": 8, "set": 9, "out": 10, "nov": 11, "dez": 12,
}  # fmt: skip
MONTH_YEAR = re.compile(
    r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")[a-z]*\.?\s*(?:de\s+|/\s*|-\s*)?(\d{4})\b"
)
NUMERIC_PERIOD = re.compile(r"(?<!\d)(?:(\d{1,2})\s?[/.-]\s?(\d{4})|(\d{4})\s?[/.-]\s?(\d{1,2}))(?![\d/.-]*\d)")

# Letters Tesseract confuses with digits inside numbers.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                                   "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "G": "6"})  # fmt: skip


def fix_digits(text: str) -> str:
    """Repair look-alike letters inside tokens that are mostly digits."""

    def repair(match: re.Match[str]) -> str:
        token = match.group(0)
        digits = sum(c.isdigit() for c in token)
        return token.translate(_DIGIT_LOOKALIKES) if digits >= max(2, len(token) * 0.6) else token

    return re.sub(r"[0-9OoDQlIi|SsBZzG.,]{3,}", repair, text)


def parse_money(text: str) -> list[Decimal]:
    values = []
    for match in MONEY.finditer(fix_digits(text)):
        whole = re.sub(r"[.\s\u00a0]", "", match.group(1))
        try:
            values.append(Decimal(f"{whole}.{match.group(3)}"))
        except InvalidOperation:
            continue
    return values


def parse_dates(text: str) -> list[dt.date]:
    found = []
    repaired = fix_digits(text)
    for match in DATE_YMD.finditer(repaired):
        found.append((match.start(), int(match.group(1)), int(match.group(2)), int(match.group(3))))
    for match in DATE_DMY.finditer(repaired):
        found.append((match.start(), int(match.group(3)), int(match.group(2)), int(match.group(1))))
    dates = []
    for _, year, month, day in sorted(found):
        try:
            dates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return dates


def parse_nifs(text: str) -> list[tuple[str, bool]]:
    """Every 9-digit token with whether its check digit holds."""
    return [
        ("".join(m.groups()), nif_has_valid_checksum("".join(m.groups()))) for m in NIF_TOKEN.finditer(fix_digits(text))
    ]


def parse_period(text: str) -> str | None:
    folded = fold(text)
    match = MONTH_YEAR.search(folded)
    if match:
        return f"{int(match.group(2)):04d}-{MONTHS[match.group(1)]:02d}"
    dates = parse_dates(text)
    if dates:
        return f"{dates[0].year:04d}-{dates[0].month:02d}"
    numeric = NUMERIC_PERIOD.search(fix_digits(text))
    if numeric:
        month, year = (numeric.group(1), numeric.group(2)) if numeric.group(1) else (numeric.group(4), numeric.group(3))
        if 1 <= int(month) <= 12:
            return f"{int(year):04d}-{int(month):02d}"
    return None


def clean_name(text: str) -> str | None:
    cut = re.split(
        r"\s{2,}|\b(?:N\.?\s?I\.?\s?F\.?|NIF|Contribuinte|N\.?º|Nº|N\.o|Categoria|Sec[çc][ãa]o|NISS|Data)\b", text
    )[0]
    cut = re.sub(r"[^A-Za-zÀ-ÿ' .-]", " ", cut)
    words = [w for w in cut.split() if len(w) > 1 or w.lower() in NAME_PARTICLES]
    name = " ".join(words).strip(" .-")
    return name if len(name) >= 3 else None


def title_case(name: str) -> str:
    return " ".join(w.lower() if w.lower() in NAME_PARTICLES else w.capitalize() for w in name.split())


# --- Result builder ---------------------------------------------------------------------


@dataclass
class Parsed:
    fields: dict[str, Any] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # A payslip's printed total of deductions: it checks the arithmetic but is not an output field.
    total_deductions: Decimal | None = None

    def put(self, name: str, value: Any, confidence: float) -> None:
        if value is None or name in self.fields:
            return
        self.fields[name] = value
        self.confidence[name] = round(min(max(confidence, 0.0), 1.0), 3)


def find_label(lines: list[Line], pattern: re.Pattern[str], start: int = 0) -> tuple[int, re.Match[str]] | None:
    for index in range(start, len(lines)):
        match = pattern.search(fold(lines[index].text))
        if match:
            return index, match
    return None


def value_after_label(
    lines: list[Line], index: int, match: re.Match[str], lookahead: int = 2
) -> list[tuple[str, Line]]:
    """Text after the label on its line, then the next lines (label-above-value layouts)."""
    candidates = [(lines[index].text[match.end() :], lines[index])]
    candidates += [(lines[i].text, lines[i]) for i in range(index + 1, min(len(lines), index + 1 + lookahead))]
    return candidates


# --- Classification ---------------------------------------------------------------------

_KIND_SIGNS: list[tuple[DocumentKind, re.Pattern[str]]] = [
    (DocumentKind.NOTA_LIQUIDACAO, re.compile(r"nota de liquida[cç]ao|demonstra[cç]ao de liquida[cç]ao")),
    (DocumentKind.DECLARACAO_IRS, re.compile(r"declara[cç]ao (de rendimentos|anual)|modelo 3|irs\s*-?\s*modelo")),
    (
        DocumentKind.RECIBO_VENCIMENTO,
        re.compile(r"recibo de (vencimento|remunera[cç]ao|sal[aá]rio|ordenado)|folha de (vencimento|pagamento)"),
    ),
    (DocumentKind.CARTAO_CIDADAO, re.compile(r"cart[aã]o de cidad[aã]o|citizen card")),
    (
        DocumentKind.TITULO_RESIDENCIA,
        re.compile(r"t[ií]tulo de resid[eê]ncia|autoriza[cç][aã]o de resid[eê]ncia|residence permit"),
    ),
    (DocumentKind.PASSAPORTE, re.compile(r"passaporte|passport")),
]


def classify(text: str) -> DocumentKind:
    folded = fold(text)
    for kind, pattern in _KIND_SIGNS:
        if pattern.search(folded):
            return kind
    # Payroll software that omits the title still prints net pay and social security.
    if re.search(r"\bliquido\b", folded) and re.search(r"seg(uranca)?\.?\s*social|\btsu\b", folded):
        return DocumentKind.RECIBO_VENCIMENTO
    return DocumentKind.UNKNOWN


# --- Payslips ---------------------------------------------------------------------------

PAYSLIP_AMOUNT_LABELS: dict[str, re.Pattern[str]] = {
    "net_pay": re.compile(
        r"(?<![a-z])(?:total\s+)?l[ií]quido(?:\s+a\s+(?:receber|pagar))?|valor\s+l[ií]quido|(?<![a-z])a\s+receber"
    ),
    "total_deductions": re.compile(r"total\s+(?:de\s+)?descontos|descontos\s+totais"),
    "gross_pay": re.compile(
        r"total\s+(?:il[ií]quido|bruto|de\s+abonos|abonos|remunera[cç][oõ]es)|remunera[cç][aã]o\s+(?:il[ií]quida|bruta)|vencimento\s+il[ií]quido|(?<![a-z])il[ií]quido"
    ),
    "base_salary": re.compile(r"(?:venc(?:imento)?|remunera[cç][aã]o|sal[aá]rio|ordenado)\.?\s+base"),
    "social_security": re.compile(r"seg(?:uran[cç]a)?\.?\s*social|(?<![a-z])tsu(?![a-z])|contribui[cç][aã]o\s+ss"),
    "irs_withholding": re.compile(r"reten[cç][aã]o\s+(?:na\s+fonte\s+)?(?:de\s+)?(?:irs)?|(?<![a-z])irs(?![a-z])"),
}
LABEL_PRIORITY = ["net_pay", "total_deductions", "gross_pay", "base_salary", "social_security", "irs_withholding"]
_SKIP_AMOUNT_LINE = re.compile(
    r"acumulad|ano\s+corrente|year\s+to\s+date|taxa|n\.?\s?[oº°]?\s*(?:de\s+)?(?:seg|benef)|niss"
)


def label_spans(folded_line: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for name in LABEL_PRIORITY:
        for match in PAYSLIP_AMOUNT_LABELS[name].finditer(folded_line):
            if any(start <= match.start() < end or match.start() <= start < match.end() for start, end, _ in spans):
                continue
            spans.append((match.start(), match.end(), name))
    return sorted(spans)


def payslip_amounts(lines: list[Line], parsed: Parsed) -> None:
    for index, line in enumerate(lines):
        folded = fold(line.text)
        if _SKIP_AMOUNT_LINE.search(folded):
            continue
        spans = label_spans(folded)
        if not spans:
            continue
        segment_values = []
        for position, (_, end, name) in enumerate(spans):
            stop = spans[position + 1][0] if position + 1 < len(spans) else len(line.text)
            segment_values.append((name, parse_money(line.text[end:stop])))
        below_is_values = index + 1 < len(lines) and not label_spans(fold(lines[index + 1].text))
        if all(not values for _, values in segment_values) and below_is_values:
            # Header row of labels with the amounts on the row below, same order.
            below = parse_money(lines[index + 1].text)
            if len(below) == len(spans):
                for (_, _, name), value in zip(spans, below, strict=True):
                    parsed.put(name, value, lines[index + 1].confidence)
                continue
            if len(spans) == 1 and below:
                parsed.put(spans[0][2], below[-1], lines[index + 1].confidence)
                continue
        for name, values in segment_values:
            if values:
                # Rows read "label | quantity | unit | amount": the amount is last.
                parsed.put(name, values[-1], line.confidence)


EMPLOYEE_LABEL = re.compile(
    r"(?:nome\s+do\s+)?(?:funcion[aá]rio|trabalhador|colaborador|empregado)\s*[:.]?|(?<![a-z])nome\s*[:.]"
)
EMPLOYER_LABEL = re.compile(r"(?:entidade\s+(?:patronal|empregadora)|empregador|empresa|entidade)\s*[:.]?")
COMPANY_SUFFIX = re.compile(r"\b(lda|s\.?\s?a|unipessoal|sociedade|limitada)\b\.?")


def parse_payslip(lines: list[Line]) -> Parsed:
    parsed = Parsed()
    payslip_amounts(lines, parsed)
    for index, line in enumerate(lines):
        folded = fold(line.text)
        if "employee_name" not in parsed.fields:
            match = EMPLOYEE_LABEL.search(folded)
            if match and not EMPLOYER_LABEL.match(folded[match.start() :]):
                name = clean_name(line.text[match.end() :].lstrip(" :."))
                if name is None and index + 1 < len(lines):
                    name = clean_name(lines[index + 1].text)
                if name:
                    parsed.put("employee_name", title_case(name), line.confidence)
        if "employer_name" not in parsed.fields:
            match = EMPLOYER_LABEL.search(folded)
            if match and not re.match(r"\s*(?:nif|n\.?\s?i\.?\s?f)", folded[match.end() :]):
                raw = re.split(
                    r"\s{2,}|\bN\.?\s?[I1l]\.?\s?[FE]\b|\bContribuinte\b", line.text[match.end() :].lstrip(" :.")
                )[0]
                employer = raw.strip(" ,;:")
                if len(employer) >= 3:
                    parsed.put("employer_name", employer, line.confidence)
    if "employer_name" not in parsed.fields:
        for line in lines:
            if COMPANY_SUFFIX.search(fold(line.text)):
                parsed.put("employer_name", line.text.split("  ")[0].strip(), line.confidence * 0.9)
                break
    assign_payslip_nifs(lines, parsed)
    period_line = next(
        (ln for ln in lines if re.search(r"per[ií]odo|m[eê]s|refer[eê]ncia|processamento", fold(ln.text))), None
    )
    period = parse_period(period_line.text) if period_line else None
    if period is None:
        for line in lines:
            period = parse_period(line.text) if MONTH_YEAR.search(fold(line.text)) else None
            if period:
                period_line = line
                break
    if period and period_line:
        parsed.put("period", period, period_line.confidence)
    payslip_confidence(parsed)
    return parsed


def assign_payslip_nifs(lines: list[Line], parsed: Parsed) -> None:
    """Personal NIFs (1/2/3/45...) belong to the employee, the others to the employer."""
    for line in lines:
        folded = fold(line.text)
        for nif, valid in parse_nifs(line.text):
            if not valid:
                if re.search(r"nif|contribuinte|fiscal", folded):
                    parsed.warnings.append("nif_checksum_invalid")
                continue
            confidence = VALIDATED_CONFIDENCE
            if nif_is_personal(nif) and not EMPLOYER_LABEL.search(folded):
                parsed.put("employee_nif", nif, confidence)
            elif not nif_is_personal(nif):
                parsed.put("employer_nif", nif, confidence)


def payslip_confidence(parsed: Parsed) -> None:
    """Amounts that add up are as sure as a check digit; amounts that contradict each other are doubtful.

    The mismatch warning itself comes from ``validation``, like every backend's.
    """
    parsed.total_deductions = parsed.fields.pop("total_deductions", None)
    parsed.confidence.pop("total_deductions", None)
    holds = payslip_arithmetic_holds(parsed.fields, total_deductions=parsed.total_deductions)
    if holds:
        for name in ("gross_pay", "net_pay", "social_security", "irs_withholding"):
            if name in parsed.confidence:
                parsed.confidence[name] = max(parsed.confidence[name], VALIDATED_CONFIDENCE)
    elif holds is False:
        for name in ("gross_pay", "net_pay"):
            parsed.confidence[name] = min(parsed.confidence[name], 0.5)


# --- Identity documents -----------------------------------------------------------------

ID_LABELS: dict[str, re.Pattern[str]] = {
    "surname": re.compile(r"apelidos?(?:\(s\))?|surname"),
    "given_names": re.compile(
        r"(?<![a-z])nomes?(?:\(s\))?(?:\s*pr[oó]prios?)?\s*(?:/\s*)?(?:given\s*names?(?:\(s\))?)?|given\s*names?"
    ),
    "sex": re.compile(r"sexo|(?<![a-z])sex(?![a-z])"),
    "nationality": re.compile(r"nacionalidade|nationality"),
    "date_of_birth": re.compile(r"data\s+de\s+nascimento|date\s+of\s+birth"),
    "expiry_date": re.compile(r"data\s+de\s+validade|validade|expiry\s+date|date\s+of\s+expiry|v[aá]lido\s+at[eé]"),
    "document_number": re.compile(
        r"n\.?\s?[ºo°]?\s*(?:do\s+)?(?:documento|passaporte|t[ií]tulo)|document\s+n|passport\s+n"
    ),
}


LABEL_REMNANT = re.compile(r"^\s*(?:\(s\))?\s*/?\s*(?:surname|given\s*names?\s*(?:\(s\))?)?\s*[:/]?\s*", re.IGNORECASE)


def name_value(candidates: list[tuple[str, Line]]) -> tuple[str, float] | None:
    for text, line in candidates:
        # Strip bilingual label remnants such as "(s) / Surname".
        stripped = LABEL_REMNANT.sub("", text)
        if not stripped.strip():
            continue
        folded = fold(stripped)
        if any(p.search(folded) for p in ID_LABELS.values()) and not re.fullmatch(r"[A-ZÀ-Ý' -]{2,}", stripped.strip()):
            continue
        name = clean_name(stripped)
        # Identity documents print names in capitals; mixed case is label text.
        if name and not re.search(r"\d", name) and name.upper() == name:
            return name, line.confidence
    return None


def parse_identity(lines: list[Line], kind: DocumentKind) -> Parsed:
    parsed = Parsed()
    text = "\n".join(line.text for line in lines)
    for name in ("surname", "given_names"):
        found = find_label(lines, ID_LABELS[name])
        if found:
            index, match = found
            value = name_value(value_after_label(lines, index, match))
            if value:
                parsed.put(name, title_case(value[0]), value[1])
    if "surname" in parsed.fields and "given_names" in parsed.fields:
        full = f"{parsed.fields['given_names']} {parsed.fields['surname']}"
        parsed.put("full_name", full, min(parsed.confidence["given_names"], parsed.confidence["surname"]))
    found = find_label(lines, ID_LABELS["sex"])
    if found:
        for candidate, line in value_after_label(lines, *found):
            sex_match = re.search(r"(?<![A-Za-z])([MFX])(?![A-Za-z])", candidate)
            if sex_match:
                parsed.put("sex", sex_match.group(1), line.confidence)
                break
    found = find_label(lines, ID_LABELS["nationality"])
    if found:
        for candidate, line in value_after_label(lines, *found):
            code_match = re.search(r"(?<![A-Z])([A-Z]{3})(?![A-Z])", candidate)
            if code_match:
                parsed.put("nationality", code_match.group(1), line.confidence)
                break
    for name in ("date_of_birth", "expiry_date"):
        found = find_label(lines, ID_LABELS[name])
        if found:
            for candidate, line in value_after_label(lines, *found):
                dates = parse_dates(candidate)
                if dates:
                    parsed.put(name, dates[0], line.confidence)
                    break
    all_dates = sorted(set(parse_dates(text)))
    if "date_of_birth" not in parsed.fields and all_dates:
        parsed.put("date_of_birth", all_dates[0], 0.6)
    if "expiry_date" not in parsed.fields and len(all_dates) > 1:
        parsed.put("expiry_date", all_dates[-1], 0.6)
    identity_numbers(lines, kind, parsed)
    return parsed


def identity_numbers(lines: list[Line], kind: DocumentKind, parsed: Parsed) -> None:
    joined = fix_digits("\n".join(line.text for line in lines).upper())
    if kind == DocumentKind.CARTAO_CIDADAO:
        for match in CC_TOKEN.finditer(joined):
            number = cc_normalize("".join(match.groups())).translate(_DIGIT_LOOKALIKES)
            number = number[:9] + "".join(match.group(3)) + number[11:]
            if cc_is_valid(number):
                parsed.put(
                    "document_number", f"{number[:8]} {number[8]} {number[9:11]}{number[11]}", VALIDATED_CONFIDENCE
                )
                break
        else:
            if CC_TOKEN.search(joined):
                parsed.warnings.append("document_number_check_invalid")
    else:
        found = find_label(lines, ID_LABELS["document_number"])
        if found:
            for candidate, line in value_after_label(lines, *found):
                number_match = re.search(r"\b([A-Z]{0,2}\d{6,9}[A-Z0-9]{0,2})\b", fix_digits(candidate.upper()))
                if number_match:
                    parsed.put("document_number", number_match.group(1), line.confidence)
                    break
    cc_numbers = {"".join(m.groups())[:9] for m in CC_TOKEN.finditer(joined)}
    invalid_seen = False
    for line in lines:
        for nif, valid in parse_nifs(line.text):
            if nif in cc_numbers:
                continue
            if valid and nif_is_personal(nif):
                parsed.put("nif", nif, VALIDATED_CONFIDENCE)
            elif re.search(r"nif|fiscal|tax", fold(line.text)):
                invalid_seen = True
    if invalid_seen and "nif" not in parsed.fields:
        parsed.warnings.append("nif_checksum_invalid")


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


def parse_document(kind: DocumentKind, lines: list[Line]) -> Parsed:
    if kind == DocumentKind.RECIBO_VENCIMENTO:
        return parse_payslip(lines)
    if kind in TAX_KINDS:
        return parse_tax(lines)
    return parse_identity(lines, kind)
