"""IRS declarations (Modelo 3 and its annexes) and the nota / demonstracao de liquidacao.

Every amount is read after its label (on the label's line, up to the next label, or on the line below
when a label row sits over a value row). The settlement adds up on the nota: coleta liquida less the
withholdings and the payments on account is the amount payable, or the refund when negative; a figure
the page does not print but that sum gives is *derived* (``derived:<field>``), and a sum that does
not hold is flagged by ``validation``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from applicants.identifiers import nif_is_personal
from applicants.text import NAME_PARTICLES, fold
from documents.extraction.parsers.common import (
    NIF_TOKEN,
    VALIDATED_CONFIDENCE,
    YEAR,
    Parsed,
    capitalised,
    clean_name,
    find_label,
    fix_digits,
    nif_check_failed,
    parse_money,
    parse_nifs,
    title_case,
    value_after_label,
)
from documents.extraction.parsers.pension import without_reference_numbers
from documents.extraction.reader import Line
from documents.extraction.schema import PROOF_OF_FILING_ONLY

DERIVED_CONFIDENCE = 0.7

# Order matters where labels overlap: the first field whose words a text holds claims it.
TAX_LABELS: dict[str, re.Pattern[str]] = {
    "taxable_income": re.compile(r"rendimento\s+(?:colect|colet|tribut)[aá]vel|mat[eé]ria\s+colet[aá]vel"),
    # Anexo C's revenue is its "Total de proveitos" (C403): the gross of organised accounts (blind probe r38a).
    "gross_income": re.compile(
        r"rendimentos?\s+(?:brutos?|il[ií]quidos?|englobados?)|total\s+(?:d[eo]s?\s+)?(?:rendimentos|proveitos)"
    ),
    # The sum of the categories' incomes net of their specific deductions: the gross only when no gross is printed.
    "global_income": re.compile(r"rendimentos?\s+global"),
    "tax_paid": re.compile(
        r"colecta\s*l[ií]quida|coleta\s*l[ií]quida|imposto\s+(?:pago|liquidado)|total\s+(?:do\s+)?imposto"
    ),
    "withholdings": re.compile(r"reten[cç][oõ]es\s+na\s+fonte|reten[cç][aã]o\s+na\s+fonte|(?<![a-z])reten[cç][oõ]es"),
    "payments_on_account": re.compile(r"pagamentos?\s+por\s+conta"),
    "amount_refundable": re.compile(
        r"(?:valor|montante|import[aâ]ncia|imposto)\s+a\s+(?:reembolsar|restituir)|reembolso(?!\s+de\s+despesas)"
    ),
    # A scan may lose the gap before the "a": "Valora pagar".
    "amount_payable": re.compile(r"(?:valor|montante|import[aâ]ncia|imposto|total)\s*a\s+pagar"),
}
# The settlement's own total, with its sign: "Resultado da liquidação -312,40" is a refund.
SETTLEMENT_RESULT = re.compile(r"resultado\s+(?:da\s+)?liquida[cç][aã]o|saldo\s+(?:da\s+)?liquida[cç][aã]o")
ANNEX = re.compile(r"(?<![a-z])anexo\s+([a-z])(?![a-z])")
# "Categoria A", "Cat. A": a category's code names it as surely as its words.
CATEGORY_CODE = r"cat(?:egoria|\.)?\s*"
# Anexo A's income codes name their category by their letter: "Código A01" (employment), "Código H01" (pensions).
INCOME_CODE = r"c[oó]d(?:igo|\.)?\s*(?:do\s+rendimento\s*)?[:.]?\s*"
ANNEX_INCOME: dict[str, re.Pattern[str]] = {
    "pension_income": re.compile(rf"pens[oõ]es|{CATEGORY_CODE}h(?![a-z])|{INCOME_CODE}h\d{{2}}(?!\d)"),
    "employment_income": re.compile(rf"trabalho\s+dependente|{CATEGORY_CODE}a(?![a-z])|{INCOME_CODE}a\d{{2}}(?!\d)"),
    "self_employment_income": re.compile(
        rf"{CATEGORY_CODE}b(?![a-z])|rendimentos\s+(?:profissionais|empresariais)|profissionais\s*/\s*empresariais"
        r"|presta[cç][oõ]es?\s+de\s+servi[cç]os"
    ),
}
# What marks a line as a category's income: its words, or the category's code on a line of the rosto's summary
# ("Trabalho dependente (Cat. A) 18.600,00"); or the row of an annex's quadro it is, by its field code ("A-4A
# Trabalho dependente — NIF 509284173 11.940,00"), or by the payer's NIF beside the category's words.
INCOME_LINE = re.compile(
    rf"rendimento|bruto|valor|montante|total|\(\s*{CATEGORY_CODE}[a-z]\s*\)"
    r"|^\s*[a-z]\s*[-–.]\s*\d{1,2}[a-z]?(?![\d.,])|(?<![a-z])(?:nif|nipc)\s*[:.]?\s*\d{9}(?!\d)"
)
# An income line that names only its annex, Anexo A (categories A and H): "ANEXO A — Quadro 4A Rendimentos ...".
ANNEX_A_INCOME = re.compile(r"(?<![a-z])anexo\s+a(?![a-z])")
# Income obtained abroad is Anexo J's, whichever category it names ("J-4 Rendimentos obtidos no estrangeiro —
# Nepal (cód. 524), cat. A 1.280,00"): it is not the Portuguese income of that category.
FOREIGN_INCOME = re.compile(r"estrangeiro|^\s*j\s*[-–.]\s*\d|(?<![a-z])anexo\s+j(?![a-z])")
# The annexes named in one list: "Anexos: A, H", "Anexos entregues: A e B".
# "Anexos entregues A, F" needs no colon when the list ends its line. A joint return lists the rosto first and
# counts an annex delivered once for each taxpayer: "Anexos: Rosto, A (2), H".
ANNEX_COUNT = r"(?:\s*\(\s*\d\s*\))?"
ANNEX_LETTERS = rf"([a-z]{ANNEX_COUNT}(?:\s*(?:,|/|e\s)\s*[a-z]{ANNEX_COUNT})*)(?![a-z])"
ANNEX_LIST = re.compile(
    rf"(?<![a-z])anexos(?:\s+(?:entregues|apresentad[oa]s))?\s*:\s*(?:rosto\s*(?:,|e\s)\s*)?{ANNEX_LETTERS}"
    rf"|(?<![a-z])anexos\s+(?:entregues|apresentad[oa]s)\s+{ANNEX_LETTERS}(?=[\s.;]*$)"
)
# An annex's answer in the rosto's list: "Anexo H - Benefícios fiscais e deduções Não".
ANNEX_NOT_DELIVERED = re.compile(r"(?<![a-z])n[aã]o(?:\s+(?:entregue|apresentad[oa]))?\s*[.;]?\s*$")
# Whose income a joint declaration's line prints: "(A)", "sujeito passivo B", "titular A".
INCOME_OWNER = re.compile(r"\(\s*(?P<letter>[ab])\s*\)|(?:sujeito\s+passivo|titular)\s+(?P<letter2>[ab])(?![a-z])")
# Labels of what is taken from the income (or paid beside it) on an income line.
NOT_INCOME = re.compile(
    r"(?<![a-z])(?:reten[cç]|contribui[cç]|quotiza[cç]|imposto\s+retido|irs\s+retido|dedu[cç]|despesas|perdas)"
)
# A checkbox before an annex ("[ ] Anexo F", "☐ Anexo F") or after it ("Anexo F ..... [ ]"): empty, the annex was
# not delivered; ticked ("[X]", "(x)", "☒", "■", "✔", an "X" beside it), it was.
EMPTY_BOX = r"\[\s*\]|\(\s*\)|[☐□❏◻]"
TICKED_BOX = r"\[\s*[x✓✔v]\s*\]|\(\s*[x✓✔v]\s*\)|[☒☑■✔✓]"
BOX = re.compile(rf"(?P<empty>{EMPTY_BOX})|(?P<ticked>{TICKED_BOX})")
# A bare "X" is a tick only right beside its annex ("Anexo A X   Anexo H X").
X_AFTER = re.compile(r"^[\s.:-]*x(?![a-z0-9])")
X_BEFORE = re.compile(r"(?<![a-z0-9])x[\s.:-]*$")
# "Titular: <name> · NIF ..." heads an annex printed alone.
TAX_NAME_LABEL = re.compile(
    r"(?<![a-z])nome\s*[:.]?|sujeito\s+passivo\s*a?\s*[:.]?|contribuinte\s*[:.]|(?<![a-z])titular\s*[:.]"
)
# "Ano dos rendimentos: 2025", "Ano do rendimento", "Ano fiscal: 2025", "Ano: 2025", "ANO DE 2025", "Rendimentos (de)
# 2025" (the income's year). Off a scan the words may come joined by a hyphen, a dot or a stroke, or run together
# ("Ano-dos rendimentos", "Ano.dos rendimentos", "Anodos rendimentos": blind probe r78c, F4, a nota's year unread and
# the nota dropped as "not of the latest year").
OCR_JOIN = r"[\s\-–—.,·_~|]*"
TAX_YEAR_LABEL = re.compile(
    rf"(?<![a-z])ano{OCR_JOIN}(?:(?:dos?|de){OCR_JOIN})?rendimentos?(?![a-z])|(?<![a-z])ano\s+fiscal(?![a-z])"
    r"|(?<![a-z])ano\s*[:.]|(?<![a-z])ano\s+(?:de\s+)?(?=(?:19|20)\d{2}(?!\d))"
    r"|(?<![a-z])rendimentos\s+(?:(?:de|do\s+ano(?:\s+de)?)\s+)?(?=(?:19|20)\d{2}(?![\d/.,-]))"
    r"|exerc[ií]cio|per[ií]odo\s+de\s+tributa[cç][aã]o"
)
# "IRS 2025", "IRS de 2025", "LIQUIDAÇÃO DE IRS — 2025"; the declaration's model between the tax and the year
# ("IRS — MODELO 3 — 2025", "IRS Mod. 3 de 2025"), or the model alone before it ("Modelo 3 — 2025").
# A nota titled by its year alone: "NOTA DE LIQUIDAÇÃO – 2023" (blind probe r44a: the year unread).
TAX_YEAR_TITLE = re.compile(
    r"(?:(?<![a-z])irs(?:\s*[-–—:]?\s*(?:modelo|mod\.?)\s*3(?!\d))?|(?<![a-z])(?:modelo|mod\.?)\s*3(?!\d)"
    r"|(?<![a-z])(?:nota|demonstracao)\s+de\s+liquidacao)"
    r"\s*(?:[-–—:/]\s*)?(?:de\s+)?((?:19|20)\d{2})(?![\d/-])"
)
# Where a taxpayer's part of a line starts; the spouse's (or partner's) and the dependants' parts are left out.
TAXPAYER_MARK = re.compile(
    r"sujeito\s+passivo\s*[ab](?![a-zà-ÿ])|(?<![a-zà-ÿ])nif\s*(?:do\s+sujeito\s+passivo\s*)?[ab](?![a-zà-ÿ])"
    r"|c[oô]njuge|unido\s+de\s+facto|dependentes?",
    re.IGNORECASE,
)


def others_heading(text: str) -> bool:
    """A line that heads the second taxpayer's or a dependant's box ("Sujeito passivo B", "Cônjuge")."""
    return bool(TAXPAYER_MARK.search(text)) and not first_taxpayer_text(text).strip(" :.·-")


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


# The captions a caption row prints beside the taxpayer's ("Sujeito passivo   NIF").
CAPTION_WORDS = re.compile(
    r"(?<![a-z])(?:nif|n\.\s?i\.\s?f\.?|contribuinte|n\.?\s?[ºo°]\s+(?:de\s+)?identifica[cç][aã]o\s+fiscal)"
)
# A name label that follows the taxpayer's mark and NIF ("Sujeito passivo A  NIF 183402952  Nome Fernando ...").
NAME_WORD = re.compile(r"^\s*(?:nome(?:\s+completo)?|name)(?![a-zà-ÿ])[\s:.]*", re.IGNORECASE)
# "Sujeito passivo A: ..." names the first taxpayer (an "A" that starts a name stays); a NIF printed before
# the name ("Sujeito passivo A: 123456789 Ana Sousa") is skipped.
# A dash may set the mark apart ("Sujeito passivo A — NIF: 223203882 ...": blind probe r41a).
MARK_AND_NIF = re.compile(
    r"^[\s:.\-–—]*(?:A(?![A-Za-zÀ-ÿ])[\s:.\-–—]*)?"
    r"(?:(?:NIF|N\.?\s?I\.?\s?F\.?)?[\s:.]*\d{3}\s?\d{3}\s?\d{3}[\s:.\-–—]*)?"
)
# A "Nome" caption anywhere on the taxpayer's line, past the mark, the NIF or other captions: the name is what
# follows it ("Sujeito passivo A — NIF: 223203882   Nome: Isabel ...": blind probe r41a, the name unread).
NAME_CAPTION = re.compile(r"(?<![^\W\d_])(?:nome(?:\s+completo)?|name)(?![^\W\d_])[\s:.]*", re.IGNORECASE)
LEADING_NIF = re.compile(r"^\s*(\d{3}\s?\d{3}\s?\d{3})(?!\d)[\s:.\-–]*")
# A taxpayer's line with no name label, the NIF first under any of a NIF's labels: "NIF 219384762   RICARDO
# JORGE MEIRELES AMARAL", "N.º de contribuinte 139082743", "Número de identificação fiscal: 139082743".
NIF_THEN_NAME = re.compile(
    r"^\s*(?:NIF|N\.?\s?I\.?\s?F\.?|(?:N\.?\s?[ºo°]\.?|N[uú]mero)\s+(?:de\s+)?(?:contribuinte|identifica[cç][aã]o\s+fiscal)"
    r"|Contribuinte(?:\s+n\.?\s?[ºo°]\.?)?|Identifica[cç][aã]o\s+fiscal)"
    r"\s*[:.]?\s*(\d{3}\s?\d{3}\s?\d{3})(?!\d)[\s:.\-–]*",
    re.I,
)


def taxpayer_after_nif(text: str) -> str | None:
    """The name after a personal NIF (valid check digit) that opens its line under a NIF's label."""
    leading = NIF_THEN_NAME.match(text)
    if not leading:
        return None
    nif = re.sub(r"\s", "", leading.group(1))
    if not (parse_nifs(nif)[0][1] and nif_is_personal(nif)):
        return None
    rest = text[leading.end() :]
    # The name's caption after the NIF is no part of it: "NIF 112251501 Nome Pedro ..." (blind probe r54a, a joint
    # return's sujeito passivo B read as "Nome Pedro ...", where A's line is read by its label).
    caption = NAME_CAPTION.match(rest)
    rest = rest[caption.end() :] if caption else rest
    name = clean_name(rest)
    # The whole rest of the line is the name (in capitals or capitalised), of two words at least.
    if name is None or name != rest.strip(" .") or len(name.split()) < 2 or not capitalised(name):
        return None
    return name


# A line of parts set apart by a middle dot or a bar ("Ano: 2025 · Identificação fiscal: 174930283 · Filomena ...").
LINE_PARTS = re.compile(r"\s+[·•|—–]\s+|\s{3,}")
# A part that is a labelled NIF and nothing else.
NIF_PART = re.compile(
    r"^(?:NIF|N\.?\s?I\.?\s?F\.?|Contribuinte|Identifica[cç][aã]o\s+fiscal|N\.?\s?[ºo°]\s+(?:de\s+)?contribuinte)"
    r"(?:\s+n\.?\s?[ºo°]\.?)?\s*[:.]?\s*(\d{3}\s?\d{3}\s?\d{3})\s*$",
    re.IGNORECASE,
)


def taxpayer_beside_nif_part(text: str) -> str | None:
    """The name in the part next to a part that is a labelled personal NIF (valid check digit) alone, on a line
    of parts set apart by dots or bars: the part after the NIF first, else the one before it."""
    parts = [part.strip() for part in LINE_PARTS.split(text.strip())]
    for position, part in enumerate(parts):
        match = NIF_PART.match(part)
        if not match:
            continue
        nif = re.sub(r"\s", "", match.group(1))
        if not (parse_nifs(nif)[0][1] and nif_is_personal(nif)):
            continue
        for neighbour in (position + 1, position - 1):
            if not 0 <= neighbour < len(parts):
                continue
            candidate = parts[neighbour].strip(" .")
            name = clean_name(candidate)
            if name and name == candidate and len(name.split()) >= 2 and capitalised(name):
                return name
    return None


# The authority's or the document's heading over the NIF's line names no taxpayer ("Autoridade Tributária e
# Aduaneira", "Nota de Liquidação").
TAX_HEADING = re.compile(
    r"(?<![a-z])(?:autoridade|tributaria|aduaneira|financas|ministerio|republica|servico|direcao|nota|liquidacao"
    r"|demonstracao|declaracao|comprovativo|imposto|rendimentos?)(?![a-z])"
)


def taxpayer_nif_first(text: str) -> bool:
    """A line opened by a personal NIF (valid check digit) under a NIF's label ("NIF", "N.º de contribuinte")."""
    leading = NIF_THEN_NAME.match(text)
    nif = re.sub(r"\s", "", leading.group(1)) if leading else ""
    return bool(leading and parse_nifs(nif)[0][1] and nif_is_personal(nif))


def taxpayer_after_label(text: str) -> str | None:
    """The taxpayer's name in what follows a name label on its line: after a "Nome" caption wherever it stands,
    else with no mark, NIF or second label kept."""
    for caption in NAME_CAPTION.finditer(text):
        name = clean_name(text[caption.end() :])
        if name and len(name.split()) >= 2 and capitalised(name):
            return name
    return clean_name(NAME_WORD.sub("", MARK_AND_NIF.sub("", text), count=1))


def taxpayer_below_label(lines: list[Line], index: int) -> tuple[str, float] | None:
    """The name on the line under a lone label (``lines[index]``), and how sure the reading is: after a valid NIF
    ("228410932 Marta Sofia ..."), before one ("Marta Sofia ... 228410932" under "Sujeito passivo  NIF"), or
    alone on its line with the NIF on the next ("Marta Sofia ..." / "NIF 228410932", or "NIF" / "228410932");
    a column heading is neither. Under a heading of the two taxpayers' columns ("Sujeito passivo A  Sujeito
    passivo B" / "Nome  <A's>  <B's>" / "NIF  <A's>  <B's>") the row holds both names: the first is A's."""
    # A name label opening the row ("Nome  Ricardo ...") is no part of the name.
    text = NAME_WORD.sub("", lines[index + 1].text, count=1)
    following = " ".join(line.text for line in lines[index + 2 : index + 4])
    leading = LEADING_NIF.match(text)
    if leading:
        valid = parse_nifs(leading.group(1))[0][1]
        name = clean_name(text[leading.end() :]) if valid else None
        return (name, 1.0) if name and len(name.split()) >= 2 else None
    beside = name_then_nif(text, labelled=False)
    if beside:
        return beside, 1.0
    name = clean_name(text)
    if name is None or name != text.strip(" .") or len(name.split()) < 2 or not capitalised(name):
        return None
    nif_row = next((line.text for line in lines[index + 2 : index + 4] if parse_nifs(line.text)), "")
    nif_follows = any(valid for _, valid in parse_nifs(nif_row)) and bool(
        re.search(r"nif|contribuinte", fold(following))
    )
    if not nif_follows:
        return None
    # The columns: the NIFs of a row of NIFs and nothing else ("NIF  208461370  239104854"), else the
    # taxpayers the heading names ("Sujeito passivo A  Sujeito passivo B"); a phone number is no column.
    only_nifs = not re.search(r"[^\W_]{2,}", CAPTION_WORDS.sub(" ", NIF_TOKEN.sub(" ", fold(fix_digits(nif_row)))))
    heading_columns = len(re.findall(r"sujeito\s+passivo\s*[ab](?![a-z])", fold(lines[index].text)))
    columns = sum(valid for _, valid in parse_nifs(nif_row)) if only_nifs else heading_columns
    return first_of_names(text, name, columns) if columns >= 2 else (name, 1.0)


def name_alone(text: str) -> str | None:
    """A line that is a person's name and nothing else: two words at least, capitalised, no heading's word."""
    name = clean_name(text)
    if name is None or name != text.strip(" .") or len(name.split()) < 2 or not capitalised(name):
        return None
    return None if TAX_HEADING.search(fold(name)) or TAXPAYER_MARK.search(name) else name


def taxpayer_in_box(lines: list[Line], index: int) -> tuple[str, str, Line] | None:
    """A taxpayer's box under its label (``lines[index]``): the labelled NIF alone on the next line, the name alone
    on the one after ("SUJEITO PASSIVO A" / "NIF: 256872783" / "Leonor ..."), as a nota prints one box for each
    taxpayer (blind probe r44a: the label read as the name, "Sujeito Passivo"). The name, the NIF and the name's
    line; None when the box is not so."""
    if index + 2 >= len(lines):
        return None
    labelled = NIF_PART.match(lines[index + 1].text.strip())
    nif = re.sub(r"\s", "", labelled.group(1)) if labelled else ""
    if not (labelled and parse_nifs(nif)[0][1] and nif_is_personal(nif)):
        return None
    name = name_alone(lines[index + 2].text)
    return (name, nif, lines[index + 2]) if name else None


# The marks heading boxes printed side by side: "SUJEITO PASSIVO B   SUJEITO PASSIVO A", "Cônjuge".
BOX_MARK = re.compile(r"sujeito\s+passivo\s*[ab](?![a-z])|c[oô]njuge", re.IGNORECASE)
BOX_ROWS = 3


def boxes_stacked(lines: list[Line]) -> list[Line]:
    """The lines with the taxpayers' boxes printed side by side ("SUJEITO PASSIVO B   SUJEITO PASSIVO A" /
    "NIF: ...   NIF: ..." / "<B's name>   <A's name>") set one under the other, each box its heading, its NIF and
    its name, split where each heading's mark starts on the page (the words' boxes). A and B are then each read
    under their own mark, never by the order they are printed in (blind probe r44a: B's box printed left of A's
    swapped the two NIFs). Rows are split while each column holds a box's value: a NIF or a name."""
    stacked: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        columns = box_columns(line)
        rows: list[list[Line]] = []
        if columns:
            for row in lines[index + 1 : index + 1 + BOX_ROWS]:
                parts = line_columns(row, columns)
                if parts is None or not all(box_value(part.text) for part in parts):
                    break
                rows.append(parts)
        if not rows:
            stacked.append(line)
            index += 1
            continue
        headings = line_columns(line, columns) or []
        for column, heading in enumerate(headings):
            stacked.extend([heading, *(parts[column] for parts in rows)])
        index += 1 + len(rows)
    return stacked


def box_columns(line: Line) -> list[int]:
    """Where each box starts on a line heading two boxes or more (each mark's first word's left edge); [] when the
    line heads no boxes side by side, or its words' boxes are not known."""
    words = line.text.split()
    if len(line.word_boxes) != len(words):
        return []
    starts = [len(line.text[: mark.start()].split()) for mark in BOX_MARK.finditer(line.text)]
    if len(starts) < 2:
        return []
    return [line.word_boxes[start][0] for start in starts]


def line_columns(line: Line, columns: list[int]) -> list[Line] | None:
    """The line cut into the boxes' columns by its words' left edges, one line each; None when a column is empty or
    the words' boxes are not known."""
    words = line.text.split()
    if len(line.word_boxes) != len(words):
        return None
    # A word starts a little left of its heading's edge (a scan's tilt): a tenth of the columns' gap.
    slack = max(0, min(right - left for left, right in pairwise(columns)) // 10)
    parts: list[list[int]] = [[] for _ in columns]
    for position, box in enumerate(line.word_boxes):
        column = max((k for k, left in enumerate(columns) if box[0] >= left - slack), default=0)
        parts[column].append(position)
    if not all(parts):
        return None
    known = len(line.word_confidences) == len(words)
    cut: list[Line] = []
    for part in parts:
        confidences = [line.word_confidences[position][1] for position in part] if known else [line.confidence]
        cut.append(
            Line(
                " ".join(words[position] for position in part),
                sum(confidences) / len(confidences),
                word_confidences=[line.word_confidences[position] for position in part] if known else [],
                word_boxes=[line.word_boxes[position] for position in part],
            )
        )
    return cut


def box_value(text: str) -> bool:
    """A box's value: a labelled NIF alone, or a name alone."""
    return bool(NIF_PART.match(text.strip())) or name_alone(text) is not None


def first_of_names(text: str, names: str, columns: int) -> tuple[str, float]:
    """The first of ``columns`` names run together on one row, and how sure the split is. Columns printed apart
    split there; else the first name ends with the surname the last one ends with (spouses share one: "Ricardo
    Manuel Outeiro Salvador  Cátia Vanessa Rego Salvador"); else nothing tells where: an empty name, no
    guess."""
    gaps = [name for part in re.split(r"\s{2,}", text.strip()) if (name := clean_name(part))]
    if len(gaps) == columns:
        return gaps[0], 1.0
    words = names.split()
    if columns != 2:
        return "", 0.0
    # Where the first name may end: two words at least on each side, no particle ending one or opening the next.
    cuts = [
        cut
        for cut in range(2, len(words) - 1)
        if words[cut - 1].lower() not in NAME_PARTICLES and words[cut].lower() not in NAME_PARTICLES
    ]
    if not cuts:
        return "", 0.0
    middle = len(words) / 2
    shared = [cut for cut in cuts if fold(words[cut - 1]) == fold(words[-1])]
    if shared:
        cut = min(shared, key=lambda cut: abs(cut - middle))
        return " ".join(words[:cut]), 1.0
    return "", 0.0


# A taxpayer's line with the name first, then the NIF and nothing else: "Hélder Filipe Nóbrega NIF 216403871".
NAME_THEN_NIF = re.compile(
    r"^(?P<name>[^\d]+?)[\s·|,;:-]*(?:NIF|N\.\s?I\.\s?F\.?|Contribuinte)(?:\s+n\.?\s?[ºo°]\.?)?\s*[:.]?\s*"
    r"(?P<nif>\d{3}\s?\d{3}\s?\d{3})\s*$",
    re.IGNORECASE,
)


# Under a caption row that names the NIF's column ("Sujeito passivo   NIF"), the NIF follows the name bare.
NAME_THEN_BARE_NIF = re.compile(r"^(?P<name>[^\d]+?)[\s·|,;:-]*(?P<nif>\d{3}\s?\d{3}\s?\d{3})\s*$")


def name_then_nif(text: str, *, labelled: bool = True) -> str | None:
    """The name on a line of a name and a personal NIF (valid check digit) after it, two words at least; the
    NIF after its label, or bare when not ``labelled``."""
    match = NAME_THEN_NIF.match(text.strip()) or (None if labelled else NAME_THEN_BARE_NIF.match(text.strip()))
    if not match:
        return None
    nif = re.sub(r"\s", "", match["nif"])
    if not (parse_nifs(nif)[0][1] and nif_is_personal(nif)):
        return None
    name = clean_name(match["name"])
    if name is None or name != match["name"].strip(" .·|,;:-") or len(name.split()) < 2 or not capitalised(name):
        return None
    return name


# A certidão names its taxpayer in a sentence, the NIF after the name and a comma: "Certifica-se ... que Ana Maria
# Sousa Reis, contribuinte n.º 154471283, declarou ...", "... que o contribuinte Rui Lopes, NIF 219384762, ...";
# the name may end one line and the NIF open the next (blind probe r43a: no name read).
PROSE_NIF = re.compile(
    r",\s*(?:(?:com\s+o\s+|titular\s+do\s+|portador[a]?\s+do\s+)?(?:NIF|N\.\s?I\.\s?F\.?)|contribuinte)"
    r"(?:\s+(?:n\.?\s?[ºo°]\.?|fiscal))?\s*[:.]?\s*(?P<nif>\d{3}\s?\d{3}\s?\d{3})(?!\d)",
    re.IGNORECASE,
)


def taxpayer_in_prose(text: str) -> str | None:
    """The name a sentence gives its taxpayer right before a personal NIF (valid check digit): the capitalised
    words before ", contribuinte n.º <NIF>" back to the first word that is neither a name's nor a particle."""
    for match in PROSE_NIF.finditer(text):
        nif = re.sub(r"\s", "", match["nif"])
        if not (parse_nifs(nif)[0][1] and nif_is_personal(nif)):
            continue
        words = text[: match.start()].split()
        run: list[str] = []
        for word in reversed(words):
            if not re.fullmatch(r"[^\W\d_][\w'’-]*", word):
                break
            if word.lower() not in NAME_PARTICLES and not word[0].isupper():
                break
            run.insert(0, word)
        while run and run[0].lower() in NAME_PARTICLES:
            run.pop(0)
        # "Certifica-se que o contribuinte Rui ...": a capitalised sentence opener or caption is no name's word.
        while run and fold(run[0]) in PROSE_OPENERS:
            run.pop(0)
        name = clean_name(" ".join(run))
        if name and name == " ".join(run) and len(name.split()) >= 2 and capitalised(name):
            return name
    return None


PROSE_OPENERS = {"certifica-se", "certifico", "declara-se", "atesta-se", "que", "o", "a", "contribuinte", "sr", "sra"}


# An amount printed below zero at the end of its line, the currency before or after it: "-532,10 €",
# "€ -532,10", "- 532,10 EUR", a trailing minus "532,10-" or "532,10 €-", or bracketed "(532,10)".
CURRENCY = r"(?:€|eur(?:os?)?)?"
NEGATIVE = re.compile(
    rf"(?:[-−–]\s*{CURRENCY}\s*\d[\d.\s]*,\d{{2}}\s*{CURRENCY}"
    rf"|\d,\d{{2}}\s*{CURRENCY}\s*[-−–]\s*{CURRENCY}"
    rf"|\(\s*{CURRENCY}\s*\d[\d.\s]*,\d{{2}}\s*{CURRENCY}\s*\))\s*$",
    re.IGNORECASE,
)
# A settlement's result said in words to be a refund, beside it or in a sentence below it: "Resultado negativo: o
# montante será reembolsado", "(a reembolsar)", "a restituir", "a favor do sujeito passivo".
REFUND_WORDS = re.compile(
    r"resultado\s+negativo|reembols|a\s+(?:restituir|recuperar)|a\s+favor\s+d[oa]\s+(?:sujeito\s+passivo|contribuinte)"
)
# "Não há lugar a pagamento nem a reembolso": a zero result, which names a refund only to deny it.
DENIED = re.compile(r"(?<![a-z])(?:n[aã]o|nem|sem)\s+(?:h[aá]\s+lugar\s+)?(?:a\s+)?(?:pagamento|reembolso)")


def refund_result(rest: str, below: str | None) -> bool:
    """A settlement's result that is a refund: printed below zero, or called one beside it or in a sentence of
    its own below it ("Resultado da liquidação   -532,10 €" / "Resultado negativo: o montante será reembolsado");
    a row below with an amount of its own ("Valor a reembolsar 0,00") says nothing of this one."""
    if NEGATIVE.search(rest.strip()):
        return True
    sentences = [rest] + ([below] if below and not parse_money(below) else [])
    return any(REFUND_WORDS.search(fold(text)) and not DENIED.search(fold(text)) for text in sentences)


# Interest the AT adds to a late or short settlement: "Juros compensatórios", "Juros de mora/moratórios".
INTEREST = re.compile(r"(?<![a-z])juros\s+(?:compensat[oó]rios|morat[oó]rios|de\s+mora)")


def settlement_interest(lines: list[Line]) -> Decimal:
    """The interest printed on a nota's own lines, each its last amount (0 when none)."""
    total = Decimal(0)
    for line in lines:
        amounts = parse_money(line.text) if INTEREST.search(fold(line.text)) else []
        total += amounts[-1] if amounts else Decimal(0)
    return total


# A settlement's own page: titled a nota (or demonstração) de liquidação, or printing a settlement's line.
SETTLEMENT_TITLE = re.compile(r"^\W*(?:nota|demonstracao)\s+de\s+liquidacao|^\W*liquidacao\s+d[eo]\s+irs(?![a-z])")
SETTLEMENT_FIELDS = ("amount_payable", "amount_refundable", "payments_on_account")


def settlement_printed(lines: list[Line], parsed: Parsed) -> bool:
    """The page is a settlement: a nota's title, or a line of its result or of the payments on account. A page
    that prints the coleta and the withholdings and no settlement (a comprovativo de rendimentos, a return) gets no
    result derived: the assessment's result is the nota's, with the payments on account and any interest it adds,
    and a figure the page never printed would pass for it (blind probe r44a: "a pagar 1.018,93" on a comprovativo)."""
    if any(name in parsed.fields for name in SETTLEMENT_FIELDS):
        return True
    return any(
        SETTLEMENT_TITLE.search(folded) or SETTLEMENT_RESULT.search(folded)
        for folded in map(fold, (line.text for line in lines))
    )


# A nota's lines between the gross and the tax (on folded text): the dedução específica taken from the gross
# ("Dedução específica 4.104,00", "Deduções específicas"), the coleta before and after its deductions ("Coleta total",
# "Importância apurada (coleta total)"; "Deduções à coleta", "Benefícios fiscais"; "Coleta líquida").
SPECIFIC_DEDUCTION = re.compile(r"deduc(?:ao|oes)\s+especificas?(?![a-z])")
COLETA_TOTAL = re.compile(r"colec?ta\s+total(?![a-z])")
COLETA_DEDUCTION = re.compile(r"deduc(?:ao|oes)\s+(?:a|da)\s+colec?ta|beneficios?\s+fisca(?:l|is)")
COLETA_NET = re.compile(r"colec?ta\s*liquida")
# The amounts of a nota whose lines do not make their totals: doubted, below what any check passes.
MISMATCH_CONFIDENCE = 0.4
TAX_AMOUNT_FIELDS = (
    "gross_income",
    "taxable_income",
    *ANNEX_INCOME,
    "tax_paid",
    "withholdings",
    "payments_on_account",
    "amount_payable",
    "amount_refundable",
)
CENT = Decimal("0.01")


def settlement_lines_hold(lines: list[Line], parsed: Parsed, printed_gross: Decimal | None) -> bool:
    """Whether a nota's totals are what its lines make of them, where they must be (blind probe r56b: a nota printing
    a rendimento coletável 1.500,00 above its gross less its dedução específica passed at confidence 1.0). A failed
    identity is flagged ``arithmetic_mismatch``; the settlement (coleta líquida less the withholdings) is checked by
    ``validation`` for every reader."""
    holds = taxable_within_gross(lines, parsed.fields.get("taxable_income"), printed_gross) and (
        coleta_holds(lines) or coleta_holds_with_a_separator_misread(lines, parsed)
    )
    if not holds and "arithmetic_mismatch" not in parsed.warnings:
        parsed.warnings.append("arithmetic_mismatch")
    return holds


def taxable_within_gross(lines: list[Line], taxable: Decimal | None, gross: Decimal | None) -> bool:
    """The rendimento coletável is at most the gross income printed less the deduções específicas printed: losses
    carried forward, abatimentos and Anexo B's coefficients may take more off it, nothing puts more in. Only a gross
    printed as such (a "rendimento global" may be printed net of the deduções already), and deduções that leave some
    of it (a deduction above the income it is taken from is not all applied)."""
    deductions = [amount for line in lines if (amount := amount_after(SPECIFIC_DEDUCTION, line.text)) is not None]
    if taxable is None or gross is None or not deductions:
        return True
    deducted = sum(deductions, Decimal(0))
    return deducted >= gross or taxable <= gross - deducted + CENT


def amount_after(label: re.Pattern[str], text: str) -> Decimal | None:
    """The amount after a label on its line, before the next caption's; None when the line has no such label."""
    found = label.search(fold(text))
    amounts = parse_money(up_to_next_caption(text[found.end() :])) if found else []
    return amounts[0] if amounts else None


@dataclass(frozen=True)
class Coleta:
    """A nota's coleta as printed: the coleta total's and the coleta líquida's lines and amounts, and the deduções
    à coleta between them."""

    total_at: int
    total: Decimal
    net_at: int
    net: Decimal
    deducted: Decimal


def coleta_printed(lines: list[Line]) -> Coleta | None:
    """The coleta's three figures, where the nota prints them and nothing else with an amount between the coleta
    total and the coleta líquida (an "Acréscimos à coleta", or a line the reader does not know, may change it)."""
    totals, nets = labelled_amounts(COLETA_TOTAL, lines), labelled_amounts(COLETA_NET, lines)
    if not totals or not nets or nets[0][0] <= totals[0][0]:
        return None
    (total_at, total), (net_at, net) = totals[0], nets[0]
    between = [line.text for line in lines[total_at + 1 : net_at] if parse_money(line.text)]
    deductions = [amount_after(COLETA_DEDUCTION, text) for text in between]
    if not deductions or None in deductions:
        return None
    deducted = sum((amount for amount in deductions if amount is not None), Decimal(0))
    return Coleta(total_at=total_at, total=total, net_at=net_at, net=net, deducted=deducted)


def coleta_holds(lines: list[Line]) -> bool:
    """The coleta líquida is the coleta total less the deduções à coleta (never below zero), where the nota prints
    the three (``coleta_printed``); a nota that does not is not checked."""
    coleta = coleta_printed(lines)
    return coleta is None or abs(max(coleta.total - coleta.deducted, Decimal(0)) - coleta.net) <= CENT


# A thousands' dot OCR read as another mark ("Coleta total 2:600,00", "2;600,00", "2'600,00"): the money reader
# keeps the figures after it alone (600,00), or none.
MISREAD_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})[:;'’`,](\d{3}),(\d{2})(?![\d,])")


def with_the_separator_mended(label: re.Pattern[str], text: str) -> Decimal | None:
    """The amount after ``label`` on its line, read with the one mark between its thousands and the rest taken for
    the thousands' dot it stands for; None where the amount has no such mark."""
    found = label.search(fold(text))
    misread = MISREAD_THOUSANDS.search(up_to_next_caption(text[found.end() :])) if found else None
    return Decimal(f"{misread.group(1)}{misread.group(2)}.{misread.group(3)}") if misread else None


def coleta_holds_with_a_separator_misread(lines: list[Line], parsed: Parsed) -> bool:
    """Whether a nota's coleta holds once its one figure that breaks it is read with a misread thousands' separator
    mended, where the other figures determine that figure and the mended reading is it (blind probe r73d: "Coleta
    total 2:600,00" read as 600,00 beside a coleta líquida of 2.100,00 and deduções of 500,00). Arithmetic chooses
    between two readings of what is printed, never fits a figure (ADR 024): a coleta total that is some other
    amount stays a mismatch. The coleta líquida mended is the tax paid read."""
    coleta = coleta_printed(lines)
    if coleta is None:
        return False
    mended_total = with_the_separator_mended(COLETA_TOTAL, lines[coleta.total_at].text)
    if mended_total is not None and coleta.net > 0 and abs(mended_total - coleta.deducted - coleta.net) <= CENT:
        return True
    mended_net = with_the_separator_mended(COLETA_NET, lines[coleta.net_at].text)
    if mended_net is not None and abs(max(coleta.total - coleta.deducted, Decimal(0)) - mended_net) <= CENT:
        parsed.fields["tax_paid"] = mended_net
        parsed.confidence["tax_paid"] = lines[coleta.net_at].confidence
        return True
    return False


def labelled_amounts(label: re.Pattern[str], lines: list[Line]) -> list[tuple[int, Decimal]]:
    """Each line's index and amount after the label, where it prints one."""
    return [
        (index, amount) for index, line in enumerate(lines) if (amount := amount_after(label, line.text)) is not None
    ]


def doubt_the_amounts(parsed: Parsed) -> None:
    """Every amount read, kept but doubted: which of a sum's parts is wrong the page does not say."""
    for name in TAX_AMOUNT_FIELDS:
        if name in parsed.confidence:
            parsed.confidence[name] = min(parsed.confidence[name], MISMATCH_CONFIDENCE)


# A remark in brackets right after a taxpayer's label: "(declarante)", "(tributação conjunta)".
LABEL_REMARK = re.compile(r"^\s*\([^)]*\)")


def parse_tax(lines: list[Line]) -> Parsed:
    parsed = Parsed()
    lines = boxes_stacked(lines)
    tax_amounts(lines, parsed)
    printed_gross = parsed.fields.get("gross_income")
    global_income, global_confidence = (
        parsed.fields.pop("global_income", None),
        parsed.confidence.pop("global_income", 0.0),
    )
    tax_annexes(lines, parsed)
    parsed.put("gross_income", global_income, global_confidence)
    if settlement_printed(lines, parsed):
        tax_settlement(parsed)
    found = find_label(lines, TAX_YEAR_LABEL)
    if found:
        for candidate, line in value_after_label(lines, *found, lookahead=1):
            match = YEAR.search(fix_digits(candidate))
            if match:
                parsed.put("year", int(match.group(1)), line.confidence)
                break
    for line in lines:
        # No labelled year: the tax's own heading names it ("IRS 2025" over a nota, "Modelo 3 - Anexo A IRS 2025").
        titled = TAX_YEAR_TITLE.search(fold(fix_digits(line.text)))
        if titled:
            parsed.put("year", int(titled.group(1)), line.confidence)
            break
    name_line: Line | None = None
    for index, line in enumerate(lines):
        text = first_taxpayer_text(line.text)
        folded = fold(text)
        label_match = TAX_NAME_LABEL.search(folded)
        if label_match:
            # A remark on the label is no part of the value: "Sujeito passivo (declarante) NIF 260830283 Fátima ..."
            # (blind probe r44a: no name read).
            rest = LABEL_REMARK.sub("", text[label_match.end() :], count=1)
            taxpayer = taxpayer_after_label(rest)
            sure = 1.0
            # The label alone over its value, or with the NIF's caption beside it ("Sujeito passivo   NIF").
            caption_row = not CAPTION_WORDS.sub("", fold(rest)).strip(" :.·|/-")
            boxed = taxpayer_in_box(lines, index) if taxpayer is None and caption_row else None
            if boxed:
                # The taxpayer's own box: its NIF is the taxpayer's, whichever box is printed first.
                taxpayer, nif, line = boxed
                parsed.put("taxpayer_nif", nif, VALIDATED_CONFIDENCE)
            if taxpayer is None and caption_row and index + 1 < len(lines):
                # ("Sujeito passivo A" / "228410932 Marta Sofia ..."): the line below is the name only when it
                # is one, after the taxpayer's NIF, before it, or on its own.
                below = taxpayer_below_label(lines, index)
                if below:
                    (taxpayer, sure), line = below, lines[index + 1]
                    if not taxpayer:
                        # Two taxpayers' names run together, nothing telling where the first ends: no name
                        # rather than a guess, nor the row whole under a later "Nome" label.
                        name_line = line
                        break
            if taxpayer:
                parsed.put("taxpayer_name", title_case(taxpayer), line.confidence * sure)
                name_line = line
                break
    if name_line is None:
        for previous, line in zip([None, *lines], lines, strict=False):
            text = first_taxpayer_text(line.text)
            # No label: "NIF 219384762 RICARDO ...", or "Ricardo ... NIF 219384762" unless under the spouse's
            # (or a dependant's) heading.
            taxpayer = taxpayer_after_nif(text) or (
                name_then_nif(text) if previous is None or not others_heading(previous.text) else None
            )
            taxpayer = taxpayer or taxpayer_beside_nif_part(text)
            if taxpayer is None and previous is not None and taxpayer_nif_first(text):
                # The name alone over the line its NIF opens ("Rodrigo ... Queirós" / "NIF 217305849 · Rua ...").
                above = first_taxpayer_text(previous.text)
                name = clean_name(above)
                if (
                    name
                    and name == above.strip(" .")
                    and len(name.split()) >= 2
                    and capitalised(name)
                    and not TAX_HEADING.search(fold(name))
                    # A box's label over its NIF is no name ("SUJEITO PASSIVO" / "NIF: ...": blind probe r44a).
                    and not TAX_NAME_LABEL.search(fold(name))
                ):
                    taxpayer, line = name, previous
            if taxpayer:
                parsed.put("taxpayer_name", title_case(taxpayer), line.confidence)
                name_line = line
                break
    if name_line is None:
        for line, following in zip(lines, [*lines[1:], None], strict=True):
            # A sentence names the taxpayer, on this line or running on to the next (a certidão's "... que <name>,"
            # / "contribuinte n.º <NIF>, declarou ...").
            taxpayer, sure = taxpayer_in_prose(line.text), line.confidence
            if taxpayer is None and following is not None:
                taxpayer = taxpayer_in_prose(f"{line.text} {following.text}")
                sure = min(line.confidence, following.confidence)
            if taxpayer:
                parsed.put("taxpayer_name", title_case(taxpayer), sure)
                name_line = line
                break
    # The taxpayer's NIF: on the taxpayer's own line first; never one printed as the spouse's or a dependant's, nor
    # a process's or a payment's reference ("N.º de processo ...", "Referência ...").
    ordered = ([name_line] if name_line is not None else []) + [line for line in lines if line is not name_line]
    for line in ordered:
        for nif, valid in parse_nifs(without_reference_numbers(first_taxpayer_text(line.text))):
            if valid and nif_is_personal(nif):
                parsed.put("taxpayer_nif", nif, VALIDATED_CONFIDENCE)
            elif not valid and re.search(r"nif|contribuinte|fiscal", fold(line.text)):
                parsed.warnings.append(nif_check_failed(line))
    parsed.settlement_interest = settlement_interest(lines)
    if not settlement_lines_hold(lines, parsed, printed_gross):
        doubt_the_amounts(parsed)
    # A receipt whose income table is printed but does not add up proves income it prints: the mismatch is flagged
    # already, and no bare receipt's warning is added (blind probe r44a: s04 alone of its layout so flagged).
    if proof_of_filing_only(lines, parsed) and "arithmetic_mismatch" not in parsed.warnings:
        parsed.warnings.append(PROOF_OF_FILING_ONLY)
    return parsed


# The AT's receipt for a return submitted: "Comprovativo de entrega da declaração", "Comprovativo de submissão".
PROOF_OF_FILING = re.compile(
    r"comprovativo\s+de\s+(?:entrega|submiss[aã]o|rece[cç][aã]o)"
    r"|declara[cç][aã]o\s+(?:foi\s+)?submetida\s+com\s+sucesso"
)
INCOME_FIELDS = ("gross_income", "taxable_income", *ANNEX_INCOME)


def proof_of_filing_only(lines: list[Line], parsed: Parsed) -> bool:
    """A receipt that a return was filed, with none of its incomes: it proves no income, and must not pass for the
    return itself (a printout of the return with its receipt page keeps its amounts, and is not flagged)."""
    filed = any(PROOF_OF_FILING.search(fold(line.text)) for line in lines)
    return filed and all(parsed.fields.get(name) is None for name in INCOME_FIELDS)


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
    # A gross income that names its category ("Rendimento bruto – Trabalho dependente (cat. A) 26.510,28") is that
    # category's: the return's gross is its total ("Total dos rendimentos brutos 70.805,09"), or the one category's
    # when it prints no other (blind probe r44a: a nota's gross taken from its category A line).
    by_category: list[tuple[Decimal, float]] = []
    for index, line in enumerate(lines):
        # fold() keeps positions (one character for one), so spans index the original text.
        folded = fold(line.text)
        spans = label_spans(folded)
        category_gross = bool(categories_named(folded)) and not GROSS_TOTAL.search(folded)
        below = lines[index + 1] if index + 1 < len(lines) else None
        # A row of an annex's table ("403 Prestações de serviços 14.250,00") under a caption is one of the rows
        # the caption heads, not its value.
        below_values = parse_money(below.text) if below is not None and values_row(below) else []
        for position, (_, end, name) in enumerate(spans):
            stop = spans[position + 1][0] if position + 1 < len(spans) else len(line.text)
            values = parse_money(up_to_next_caption(line.text[end:stop]))
            if values:
                # "Valor a pagar  -532,10 €": an amount payable below zero is what the taxpayer gets back.
                if name == "amount_payable" and NEGATIVE.search(line.text[end:stop].strip()):
                    name = "amount_refundable"
                if name == "gross_income" and category_gross:
                    by_category.append((values[-1], line.confidence))
                    continue
                parsed.put(name, values[-1], line.confidence)
            elif below is not None and len(below_values) == len(spans):
                total = column_total(lines[index + 1 :], len(spans))
                value = total[position] if total else below_values[position]
                parsed.put(name, value, below.confidence)
        result = SETTLEMENT_RESULT.search(folded)
        if result:
            rest = line.text[result.end() :]
            values = parse_money(rest)
            if values:
                refund = refund_result(rest, below.text if below is not None else None)
                parsed.put("amount_refundable" if refund else "amount_payable", values[-1], line.confidence)
    if len(by_category) == 1:
        parsed.put("gross_income", *by_category[0])


# A total of the incomes, not one category's: "Total dos rendimentos brutos", "Rendimento bruto total".
GROSS_TOTAL = re.compile(r"(?<![a-z])(?:total|soma|global)(?![a-z])")


# A word of a caption, not a row's owner letter, code or total: "Coletaliquida", "Rendimento".
CAPTION_WORD = re.compile(r"[^\W\d_]{5,}")


def values_row(line: Line) -> bool:
    """A row of values under a caption row: no label of its own, no coded row, and no caption's word before its
    first amount. A line with a caption the labels do not know (a scan's "Coletaliquida : 5.890,44") is another
    field's, not the value of the caption above it."""
    folded = fold(line.text)
    if label_spans(folded) or CODED_ROW.match(folded):
        return False
    first_amount = re.search(r"\d[.,]\d{2}(?!\d)", fix_digits(line.text))
    before = TABLE_TOTAL.sub("", folded[: first_amount.start() if first_amount else None])
    return not CAPTION_WORD.search(before)


# Words after an amount start another amount's caption: "Retenções 1.940,00 Contribuições 2.079,00". The
# currency's word after an amount is still the amount's.
NEXT_CAPTION = re.compile(
    r"\d[.,]\d{2}(?!\d)\s*(?:€|eur(?:os?)?(?![^\W\d_]))?[\s:;|·-]*(?=[^\W\d_]{3})(?!(?i:eur(?:os?)?)(?![^\W\d_]))"
)


def up_to_next_caption(text: str) -> str:
    """A label's text up to the caption of the next amount printed after its own (a field's label or not)."""
    caption = NEXT_CAPTION.search(text)
    return text[: caption.end()] if caption else text


def column_total(rows: list[Line], width: int) -> list[Decimal] | None:
    """The "Soma" (or "Total") row that closes a column of rows under a caption row, each row as many amounts as
    there are captions ("Rendimento bruto" / "A 503829170 401 21.840,00" / "B ... 16.380,00" / "Soma
    38.220,00"): the caption's value is the column's total, not its first row (a joint return's taxpayer A)."""
    for position, row in enumerate(rows):
        values = parse_money(row.text)
        if len(values) != width or label_spans(fold(row.text)):
            return None
        if TABLE_TOTAL.search(fold(row.text)):
            return values if position >= 2 and sum_holds(rows[:position], values, width) else None
    return None


def sum_holds(rows: list[Line], total: list[Decimal], width: int) -> bool:
    """The rows add up to the printed total in every column."""
    sums = [sum((parse_money(row.text)[column] for row in rows), Decimal("0")) for column in range(width)]
    return sums == total


def tax_annexes(lines: list[Line], parsed: Parsed) -> None:
    """Which annexes the declaration holds, and the gross income each category declares."""
    annexes: list[str] = []
    not_delivered: set[str] = set()
    combined_income: list[tuple[Decimal, float]] = []
    by_taxpayer: dict[str, dict[str, tuple[Decimal, float]]] = {}
    table_total, table_unread = annex_a_table(lines, parsed)
    summed = [*annex_code_table(lines, parsed), *annex_b_rows(lines, parsed)]
    owners_table(lines, parsed)
    for line in lines:
        folded = fold(line.text)
        listed = ANNEX_LIST.search(folded)
        # "e" between the last two letters is the conjunction, not Anexo E.
        listing = re.sub(r"\s+e\s+", ",", listed.group(1) or listed.group(2)) if listed else ""
        letters = re.findall(r"(?<![a-z])[a-z](?![a-z])", listing)
        for letter in [*letters, *(match.group(1) for match in ANNEX.finditer(folded))]:
            if letter.upper() not in annexes:
                annexes.append(letter.upper())
        # The rosto's list of annexes answers "Sim" or "Não" for each: a "Não" is an annex not delivered.
        mentions = list(ANNEX.finditer(folded))
        for position, mention in enumerate(mentions):
            answer_end = mentions[position + 1].start() if position + 1 < len(mentions) else len(folded)
            if ANNEX_NOT_DELIVERED.search(folded[mention.end() : answer_end]):
                not_delivered.add(mention.group(1).upper())
        not_delivered |= unticked_annexes(folded, mentions)
        # Income comes before the withholding or contributions printed beside it ("Rendimento: 17.430,00
        # Retenção: 1.890,00"): the amounts after those labels are theirs, not the income.
        withheld = NOT_INCOME.search(folded)
        values = parse_money(line.text[: withheld.start()] if withheld else line.text)
        if not values or not INCOME_LINE.search(folded) or FOREIGN_INCOME.search(folded):
            continue
        categories = [name for name, pattern in ANNEX_INCOME.items() if pattern.search(folded)]
        if not categories and ANNEX_A_INCOME.search(folded):
            # "ANEXO A — Quadro 4A Rendimentos 16.200,00": Anexo A's income, employment and pensions together.
            categories = ["employment_income", "pension_income"]
        if len(categories) == 1:
            parsed.put(categories[0], values[-1], line.confidence)
            owner = INCOME_OWNER.search(folded)
            if owner:
                letter = owner["letter"] or owner["letter2"]
                by_taxpayer.setdefault(categories[0], {}).setdefault(letter, (values[-1], line.confidence))
        elif categories:
            # Anexo A's title names employment and pensions together: the amount is both categories' income.
            combined_income.append((values[-1], line.confidence))
    if by_taxpayer:
        parsed.income_owners.append(
            [(letter.upper(), value) for owners in by_taxpayer.values() for letter, (value, _) in owners.items()]
        )
    for category, owners in by_taxpayer.items():
        # A joint declaration prints a category once for each taxpayer ("... (A): 21.640,00" / "... (B):
        # 17.300,00"): the declaration's income of that category is their sum.
        if len(owners) >= 2 and parsed.fields.get(category) in {value for value, _ in owners.values()}:
            parsed.fields[category] = sum((value for value, _ in owners.values()), Decimal("0"))
            parsed.confidence[category] = min(confidence for _, confidence in owners.values())
    annexes = [letter for letter in annexes if letter not in not_delivered]
    if annexes:
        parsed.put("annexes", sorted(annexes), 0.9)
    # Anexo A's table found and left unread, and none of its incomes read otherwise: what the other annexes declare
    # is part of the return, not its total (blind probe r44a: Anexo B alone given as the gross and the withholdings,
    # and as sujeito passivo A's 100% of it, B's part 0).
    partial = table_unread and all(parsed.fields.get(name) is None for name in ANNEX_A_CATEGORIES)
    if partial and parsed.fields.get("withholdings") in other_annexes_withholdings(lines):
        parsed.fields.pop("withholdings")
        parsed.confidence.pop("withholdings", None)
    returns_withholdings(lines, parsed)
    if "gross_income" not in parsed.fields and not partial:
        parts = [parsed.fields.get(name) for name in ANNEX_INCOME]
        if all(part is None for part in parts) and combined_income:
            parsed.put("gross_income", combined_income[0][0], DERIVED_CONFIDENCE)
            parsed.warnings.append("derived:gross_income")
        elif any(part is not None for part in parts):
            total = sum((part for part in parts if part is not None), Decimal("0"))
            # The payers' table prints the return's gross when it holds every income read and the return
            # delivers no other annex of income (Anexo H is deductions): its "Soma", or its one row (blind probe
            # r41a: "Soma 24.920,00" flagged as derived).
            own_sum = annex_sum_is_the_gross(summed, parsed, annexes)
            if table_total is not None and table_total[0] == total and set(annexes) <= ANNEXES_OF_NO_OTHER_INCOME:
                parsed.put("gross_income", total, table_total[1])
            elif own_sum is not None:
                parsed.put("gross_income", total, own_sum)
            else:
                parsed.put("gross_income", total, DERIVED_CONFIDENCE)
                parsed.warnings.append("derived:gross_income")


def unticked_annexes(folded: str, mentions: list[re.Match[str]]) -> set[str]:
    """The annexes a line of checkboxes leaves unticked: an empty box, or none beside an annex where the others
    on the line have theirs ("Anexo A [X]  Anexo B [ ]  Anexo H [X]", "Anexo A X  Anexo B  Anexo H X").

    The boxes stand on one side of their annexes throughout a line: before them when the line opens with a box
    and has none after its last annex ("[X] Anexo A  [ ] Anexo B"), else after them. Between two annexes, a
    box is thus the first's or the second's by that side, never both."""
    if not mentions:
        return set()
    starts = [mention.start() for mention in mentions]
    ends = [mention.end() for mention in mentions]
    before = [folded[end:start] for end, start in zip([0, *ends[:-1]], starts, strict=True)]
    after = [folded[end:start] for end, start in zip(ends, [*starts[1:], len(folded)], strict=True)]
    boxes_first = bool(BOX.search(before[0]) or X_BEFORE.search(before[0])) and not (
        BOX.search(after[-1]) or X_AFTER.search(after[-1])
    )
    states: list[str | None] = []
    for position in range(len(mentions)):
        if boxes_first:
            boxes = list(BOX.finditer(before[position]))
            box = boxes[-1] if boxes else None
            bare_x = X_BEFORE.search(before[position])
        else:
            box = BOX.search(after[position])
            bare_x = X_AFTER.search(after[position])
        states.append(box.lastgroup if box else "ticked" if bare_x else None)
    ticked = states.count("ticked")
    return {
        mention.group(1).upper()
        for mention, state in zip(mentions, states, strict=True)
        if state == "empty" or (state is None and ticked and len(mentions) >= 2)
    }


# Anexo A's categories: employment and pensions; Anexo B's, self-employment (parsers.tax_couples gives no parts
# while an annex the return delivers has none of its incomes read).
ANNEX_A_CATEGORIES = ("employment_income", "pension_income")
ANNEX_CATEGORIES_OF_INCOME = {"A": ANNEX_A_CATEGORIES, "B": ("self_employment_income",)}
# The annexes a return may deliver beside the payers' table with no income of their own: Anexo A (the table's) and
# Anexo H (tax benefits and deductions).
ANNEXES_OF_NO_OTHER_INCOME = {"A", "H"}
# An income's category, by the annex that declares it.
ANNEX_OF_CATEGORY = {
    category: letter for letter, categories in ANNEX_CATEGORIES_OF_INCOME.items() for category in categories
}
# A printed sum closing an annex's table of incomes, that its rows add up to: the category, the sum, its confidence.
AnnexSum = tuple[str, Decimal, float]


def annex_sum_is_the_gross(summed: list[AnnexSum], parsed: Parsed, annexes: list[str]) -> float | None:
    """The confidence of the return's gross as printed, when it is one annex's own "Soma" (Anexo B's "Soma
    24.850,00" under its rows 403 and 404): the one category of income read is that sum, and the return delivers
    no other annex of income (Anexo H is deductions). Blind probe r64a: such a return's gross warned
    ``derived:gross_income``, only the payers' table of Anexo A being taken as printing it. Else none."""
    read = [name for name in ANNEX_INCOME if parsed.fields.get(name) is not None]
    if len(read) != 1:
        return None
    category = read[0]
    letter = ANNEX_OF_CATEGORY.get(category)
    if letter is None or not set(annexes) <= {letter, "H"}:
        return None
    printed = [confidence for name, total, confidence in summed if (name, total) == (category, parsed.fields[category])]
    return printed[0] if printed else None


# The money columns of Anexo A's table of incomes (Quadro 4A), in the order a header names them.
INCOME_TABLE_COLUMNS = [
    ("income", re.compile(r"rendimentos?(?![a-z])")),
    ("withheld", re.compile(r"reten[cç][oõ]es|reten[cç][aã]o")),
    ("contributions", re.compile(r"contribui[cç][oõ]es")),
    # Union dues are a column of their own in Quadro 4A, beside the contributions (blind probe r44a: a header
    # naming both, "... Contribuições Quotizações", was taken for one column named twice, and the table skipped).
    # The form prints it abbreviated too, "Quot. sindicais" (blind probe r48a: a 7th column so captioned left its
    # rows one amount too many, and the whole table unread, in a text PDF as on a photo).
    ("dues", re.compile(r"quotiza[cç][oõ]es|(?<![a-z])quot(?:as?|\.)?\s*sindica")),
]
# The official form prints its column headings on two lines ("NIF da entidade" / "pagadora", "Retenções" / "na
# fonte"), so a header's captions may run on over a few lines before the first row.
HEADER_LINES = 10
# A row may open with the quadro it belongs to, as a return printed as a list does: "Quadro 4A - 403 Prestações de
# serviços ... 31.200,00", "Quadro 4A - Total 31.200,00".
QUADRO_PREFIX = r"(?:quadro\s+\d{1,2}[a-z]?\s*[-–—:.]?\s*)?"
TABLE_TOTAL = re.compile(rf"^[\s|]*{QUADRO_PREFIX}(?:soma|total)(?![a-z])")
# The same word anywhere on a line OCR strewed with specks ("É Soma DO somam rt E").
TOTAL_WORD = re.compile(r"(?<![a-z])(?:soma|total)(?![a-z])")
# Anexo A's income code 401 is employment ("rendimentos do trabalho dependente"); the other codes are read
# only under a heading that names one category, or in Anexo A's own table, by the AT's table of codes.
EMPLOYMENT_CODE = re.compile(r"(?<!\d)401(?!\d)")
# Anexo A's Quadro 4A codes by category (blind probe r43a: a pensioner's "A 505305500 403 41.611,82 ..." row, under
# a title naming both categories, left the return with no income at all): 401 and 402 are category A's
# (employment), 403 to 406 category H's (pensions of every kind, annuities). The other codes (pre-retirement,
# sportsmen, ex-residents, IRS Jovem) are left unread: their category was not checked against the AT's table.
ANNEX_A_CODES = {
    "401": "employment_income",
    "402": "employment_income",
    "403": "pension_income",
    "404": "pension_income",
    "405": "pension_income",
    "406": "pension_income",
}
ANNEX_A_CODE = re.compile(r"(?<!\d)(4\d{2})(?!\d)")
# A table with a "Categoria" column prints each payer's category by its letter ("515168793 A 18.340,00 ..."): A is
# employment, H pensions, B self-employment.
CATEGORY_COLUMN = re.compile(r"(?<![a-z])categoria(?![a-z])")
CATEGORY_LETTERS = {"a": "employment_income", "h": "pension_income", "b": "self_employment_income"}


def row_category(before_amounts: str, *, category_column: bool, annex_a: bool = False) -> str | None:
    """A payer's row's category: its income code 401 (employment), any of Anexo A's codes in Anexo A's own
    table, or, under a "Categoria" column, the one category letter standing alone between the payer's NIF and
    the amounts."""
    rest = NIF_TOKEN.sub(" ", before_amounts)
    if EMPLOYMENT_CODE.search(rest):
        return "employment_income"
    codes = {ANNEX_A_CODES.get(code) for code in ANNEX_A_CODE.findall(rest)} if annex_a else set()
    if len(codes) == 1 and None not in codes:
        return codes.pop()
    letters = re.findall(r"(?<![^\W\d_])[a-z](?![^\W\d_])", fold(rest))
    if category_column and len(letters) == 1:
        return CATEGORY_LETTERS.get(letters[0])
    return None


# A row that opens with its category's letter before a dash ("B - Rendimentos profissionais ...", "Cat. A: ...").
CATEGORY_ROW = re.compile(r"^\W*(?:cat(?:egoria|\.)?\s*)?([a-z])\s*[-–—:.)]\s")


def category_row(before_amounts: str) -> str | None:
    """The one category a row with no payer names: by its letter ("B - ..."), its words ("Trabalho dependente
    ..."), or both when they agree."""
    folded = fold(before_amounts)
    named = categories_named(folded)
    lettered = CATEGORY_ROW.match(folded)
    if lettered:
        category = CATEGORY_LETTERS.get(lettered.group(1))
        return category if category is not None and named <= {category} else None
    return named.pop() if len(named) == 1 else None


def annex_a_table(lines: list[Line], parsed: Parsed) -> tuple[tuple[Decimal, float] | None, bool]:
    """The income column of a table of payers' rows ("508392018 401 21.350,00 2.740,00 2.348,50"), and its "Soma".

    A header names the money columns ("... Código Rendimentos Retenções Contribuições"); each row below that
    starts with a payer's NIF and holds as many amounts is one payer's. The rows add up to the "Soma" row when
    one is printed; when they do not, neither is trusted. The category is the heading's when it names one, else
    the rows' code (401: employment). Returns the income column's printed total and its confidence: the "Soma" the
    rows add up to, or the one row when no "Soma" is printed; and whether an Anexo A table was found and left
    unread (rows that did not all read, a "Soma" they do not make, captions over no row that reads).
    """
    unread = False
    for index, line in enumerate(lines):
        if not header_line(line) and not wrapped_header(lines, index):
            continue
        names = table_columns(fold(line.text))
        first = index + 1
        while first < min(len(lines), index + 1 + HEADER_LINES) and header_continues(lines[first]):
            first += 1
        header = " ".join(fold(part.text) for part in lines[index:first])
        if first < len(lines):
            captions = [fold(part.text) for part in lines[index:first]]
            names = header_names(names, captions, len(parse_money(lines[first].text)))
        income_column = names.index("income")
        withheld_column = names.index("withheld") if "withheld" in names else None
        heading = " ".join(fold(above.text) for above in lines[max(0, index - 2) : index])
        heading_categories = [name for name, pattern in ANNEX_INCOME.items() if pattern.search(heading)]
        category_column = bool(CATEGORY_COLUMN.search(header))
        owner_column = bool(OWNER_COLUMN.search(header))
        owner_place = owner_column_place(header)
        annex_a = table_is_annex_a(lines, index, heading_categories)
        rows: list[tuple[Decimal, str | None]] = []
        owners: list[tuple[str | frozenset[str] | None, Decimal]] = []
        withheld: list[Decimal] = []
        total: Decimal | None = None
        withheld_total: Decimal | None = None
        broken = False
        for row in lines[first:]:
            values = parse_money(row.text)
            if len(values) != len(names):
                # A payer's row whose amounts did not all read ("B 573832650 401 38.492,37 611172 4.234,16" on a
                # photo) leaves the table unread: its rows above are not all of it (blind probe r43a: A's row
                # alone was taken for the couple's gross).
                broken = bool(values) and bool(NIF_TOKEN.search(fix_digits(row.text)))
                if rows and not broken and TOTAL_WORD.search(fold(row.text)):
                    # A "Soma" whose amounts did not all read ("É Soma DO somam rt E" on a photo): the rows above
                    # are checked against it only where it prints their sum; else they may not be all of the table
                    # (blind probe r48a: a photo's second payer's row alone, 5 740,00 of 16 940,00, was given as
                    # the return's gross, the first row lost above it).
                    rows_income = sum((value for value, _ in rows), Decimal("0"))
                    total = rows_income if rows_income in values else None
                    broken = total is None
                break
            if TABLE_TOTAL.search(fold(row.text)):
                total = values[income_column]
                withheld_total = values[withheld_column] if withheld_column is not None else None
                break
            first_amount = re.search(r"\d[.,]\d{2}(?!\d)", fix_digits(row.text))
            before_amounts = fix_digits(row.text)[: first_amount.start() if first_amount else None]
            if NIF_TOKEN.search(before_amounts):
                category = row_category(before_amounts, category_column=category_column, annex_a=annex_a)
                rows.append((values[income_column], category))
                owner = row_owner_key(before_amounts, owner_column=owner_column, place=owner_place)
                owners.append((owner, values[income_column]))
            elif category_row(before_amounts) is not None:
                # The AT's comprovativo de rendimentos: one row per category, no payer ("B - Rendimentos
                # profissionais (Anexo B) | Rendimento bruto | Retenções"); its last amount is the withholdings
                # (blind probe r38a: taken for the income, 4x too low).
                rows.append((values[income_column], category_row(before_amounts)))
            else:
                break  # a payer's row starts with the payer's NIF; a row of bare amounts is some other table's
            if withheld_column is not None:
                withheld.append(values[withheld_column])
        if broken:
            return None, annex_a
        if not rows and total is None:
            unread = unread or annex_a
            continue
        rows_sum = sum((value for value, _ in rows), Decimal("0"))
        printed: tuple[Decimal, float] | None = None
        if rows and total is not None and rows_sum != total:
            parsed.warnings.append("arithmetic_mismatch")
            unread = annex_a
        else:
            if total is not None or len(rows) == 1:
                printed = (rows_sum if total is None else total, line.confidence)
            if any(key is not None for key, _ in owners):
                parsed.income_owners.append(owners)
            if len(heading_categories) == 1:
                parsed.put(heading_categories[0], total if total is not None else rows_sum, line.confidence)
            else:
                rows_categories(parsed, rows, line.confidence)
        table_withholdings(parsed, withheld, withheld_total, line.confidence, others=lines if annex_a else None)
        return printed, unread
    return None, unread


def header_line(line: Line) -> bool:
    """A line that heads a payers' table on its own: the income's column and another, each named once, no amount."""
    names = table_columns(fold(line.text))
    return "income" in names and len(names) >= 2 and len(set(names)) == len(names) and not parse_money(line.text)


def wrapped_header(lines: list[Line], index: int) -> bool:
    """A payers' table's header whose cells a text layer hands over a line or a few words at a time ("NIF da" /
    "entidade" / "pagadora" / "Código" / "rendimentos" / "Titular Rendimentos" / "(€)" / "Retenções" / ...), from
    ``lines[index]`` on: caption lines (no annex's title, none a header on its own) that together name the income's
    column and others, each once, as many as the amounts of the row under them, a payer's row printing the payer's
    NIF before its amounts (blind probe r56b: no line named two columns, the table was never found, and a joint
    return's parts were lost)."""
    if not header_continues(lines[index]):
        return False
    first = index + 1
    while first < min(len(lines), index + 1 + HEADER_LINES) and header_continues(lines[first]):
        first += 1
    # A line of the block that heads the table on its own is the header, read as such (``header_line``).
    if first == index + 1 or first >= len(lines) or any(header_line(line) for line in lines[index:first]):
        return False
    row = fix_digits(lines[first].text)
    first_amount = re.search(r"\d[.,]\d{2}(?!\d)", row)
    if first_amount is None or not NIF_TOKEN.search(row[: first_amount.start()]):
        return False
    names = table_columns(" ".join(fold(line.text) for line in lines[index:first]))
    width = len(parse_money(lines[first].text))
    return "income" in names and len(names) == width >= 2 and len(set(names)) == width


# A caption naming what kind of income a column's code or letter is, not an amount's column: "Código dos
# rendimentos", "Natureza dos rendimentos", "Tipo de rendimento" (e2e probe c24: the AT's own "Código dos
# rendimentos" beside "Rendimentos" read as the income's column named twice, and the table skipped). Without its
# "dos" ("Código  Rendimentos") it is two columns' captions side by side.
NOT_A_MONEY_CAPTION = re.compile(r"(?:c[oó]d(?:igo|\.)?|natureza|tipo|categoria)\s+d[aoe]s?\s+rendimentos?(?![a-z])")


# The code's caption run on into the word of its kind, "Código" / "rendimentos" (a cell wrapped over two lines), read
# as such only where the header names the income's column again after it.
CODE_CAPTION = re.compile(r"c[oó]d(?:igo|\.)?\s+rendimentos?(?![a-z])(?=.*rendimentos?(?![a-z]))")


def table_columns(folded: str) -> list[str]:
    """The money columns a header names, left to right."""
    folded = NOT_A_MONEY_CAPTION.sub(lambda match: " " * len(match.group(0)), folded)
    folded = CODE_CAPTION.sub(lambda match: " " * len(match.group(0)), folded)
    columns = sorted(
        (match.start(), name) for name, pattern in INCOME_TABLE_COLUMNS for match in pattern.finditer(folded)
    )
    return [name for _, name in columns]


def header_continues(line: Line) -> bool:
    """A line of a header's captions running on towards its rows: no amount, no NIF, no total, no annex's title
    (the official form's "pagadora", "na fonte", "sindicais"; a scan's ruled line "| |")."""
    folded = fold(line.text)
    return not (
        parse_money(line.text)
        or NIF_TOKEN.search(fix_digits(line.text))
        or TABLE_TOTAL.search(folded)
        or ANNEX_TITLE.match(folded)
    )


def header_names(own: list[str], captions: list[str], width: int) -> list[str]:
    """The money columns of a header over one line or several: its first line's when they are as many as the first
    row's amounts; else a later line's that are (a quadro's title naming the columns' words, "Quadro 4A -
    Rendimentos e retenções", over the table's own header: e2e probe c24); else those of all its lines together
    when they are (the official form's text layer hands over "Titular Rendimentos Retenções" / "na fonte" /
    "Contribuições Quotizações" / "sindicais" as lines of their own)."""
    if len(own) == width:
        return own
    for names in [*(table_columns(caption) for caption in captions[1:]), table_columns(" ".join(captions))]:
        if len(names) == width and len(set(names)) == width and "income" in names:
            return names
    return own


# A payers' table's column of whose each income is on a joint return: "Titular", "Sujeito passivo", "SP".
OWNER_COLUMN = re.compile(r"(?<![a-z])(?:titular|sujeito\s+passivo|s\.?\s?p\.?)(?![a-z])")
# A row's owner printed first: "A 540602000 401 ...", "SPB 513932844 ...", "Titular B ...", "Sujeito passivo A ...".
OWNER_LETTER = re.compile(r"^\W*(?:(?:titular|sujeito\s+passivo|s\.?\s?p\.?)\s*)?([ab])(?![a-z0-9])")
# A row's owner letter OCR read as the digit it looks like ("8 509876546 15.000,00 ...": B as 8; A as 4), alone
# before the payer's NIF where the owner's column opens the row: no row number or code stands there (blind probe
# r73d: a joint return's photo, spouse B's row unowned, neither's part read).
OWNER_LETTER_AS_DIGIT = re.compile(r"^\W*([48])\s+(?=\d{9}(?!\d))")
OWNER_LETTER_OF_DIGIT = {"4": "A", "8": "B"}
# The owner said on the row itself, whatever the header: "SPA", "Titular A", "Sujeito passivo B", or the letter
# in brackets a joint return marks whose each line is with ("(A) 503456780 401 ...": e2e probe c24).
OWNER_WORDED = re.compile(r"^\W*(?:(?:titular|sujeito\s+passivo|s\.?\s?p\.?)\s*([ab])|\(\s*([ab])\s*\))(?![a-z0-9])")


# A header's caption of the payer's NIF ("NIF pagador", "NIF da entidade"), and its letters' columns.
NIF_CAPTION = re.compile(r"(?<![a-z])nif(?![a-z])")
LETTER_COLUMNS = {"owner": OWNER_COLUMN, "category": CATEGORY_COLUMN}
# A letter standing alone in a row, as its owner's or its category's column prints it: "A", "SPB", "Titular B"; a
# dependant's "D1" is none.
ROW_LETTER = re.compile(r"(?<![^\W\d_])(?:(?:titular|sujeito\s+passivo|s\.?\s?p\.?)\s*)?([a-z])(?![^\W_])")


def owner_column_place(header: str) -> tuple[bool, int, int] | None:
    """Where a header puts its owner's column among the columns of letters: after the payer's NIF or before it, its
    rank among the letters' columns on that side (the owner's and the category's), and how many there are. None
    when the header names no owner's column or no payer's NIF."""
    nif = NIF_CAPTION.search(header)
    owner = OWNER_COLUMN.search(header)
    if nif is None or owner is None:
        return None
    after = owner.start() > nif.start()
    starts = sorted(
        found.start()
        for pattern in LETTER_COLUMNS.values()
        if (found := pattern.search(header)) is not None and (found.start() > nif.start()) == after
    )
    return after, starts.index(owner.start()), len(starts)


def row_owner_key(
    before_amounts: str, *, owner_column: bool, place: tuple[bool, int, int] | None = None
) -> str | frozenset[str] | None:
    """Whose a payers' row's income is on a joint return: the letter in the "Titular" column where its header puts
    it, or opening the row under such a column (or worded on the row: "SPB ..."), else the personal NIFs printed on
    it (a column of the titular's NIF), resolved against the taxpayers' NIFs once they are read
    (parsers.tax_couples); a bare letter under no such column may be the category's ("A 515168793 ..." under
    "Categoria"), so it says nothing."""
    folded = fold(before_amounts)
    payer = NIF_TOKEN.search(before_amounts)
    if place is not None and payer is not None:
        # The owner's column after the payer's NIF and code (blind probe r44a: "589038001 401 A 18 913,21 ...",
        # "579719057 401 B ...", "500792771 | 403 | SPB ..." gave no parts): its letter is read on the header's
        # side of the NIF, by its rank among the letters' columns, not as the row's first word.
        after, rank, count = place
        side = folded[payer.end() :] if after else folded[: payer.start()]
        letters = ROW_LETTER.findall(side)
        if len(letters) == count and letters[rank] in {"a", "b"}:
            return letters[rank].upper()
    # A letter opening the row is its owner's only under an owner's column the header puts first.
    bare = owner_column and (place is None or not place[0])
    lettered = (OWNER_LETTER if bare else OWNER_WORDED).match(folded)
    if lettered:
        return next(letter for letter in lettered.groups() if letter).upper()
    as_digit = OWNER_LETTER_AS_DIGIT.match(folded) if bare else None
    if as_digit:
        return OWNER_LETTER_OF_DIGIT[as_digit.group(1)]
    nifs = frozenset(nif for nif, valid in parse_nifs(before_amounts) if valid and nif_is_personal(nif))
    return nifs or None


def table_is_annex_a(lines: list[Line], index: int, heading_categories: list[str]) -> bool:
    """The payers' table under ``lines[index]`` is Anexo A's: the nearest annex title above it is Anexo A's, or
    its heading names Anexo A's two categories, employment and pensions, and no other. Anexo B's codes (403
    "prestações de serviços") are other incomes, so Anexo A's codes are read only in its own table."""
    titles = [title.group(1) for line in lines[:index] if (title := ANNEX_TITLE.match(fold(line.text)))]
    if titles:
        return titles[-1] == "a"
    return set(heading_categories) == {"employment_income", "pension_income"}


def rows_categories(parsed: Parsed, rows: list[tuple[Decimal, str | None]], confidence: float) -> None:
    """Each category's income, the sum of its payers' rows, when every row says its category (a payer of
    employment and one of a pension on one table are two categories' incomes); else none."""
    if not rows or any(category is None for _, category in rows):
        return
    by_category: dict[str, Decimal] = {}
    for value, category in rows:
        if category is not None:
            by_category[category] = by_category.get(category, Decimal("0")) + value
    for category, value in by_category.items():
        parsed.put(category, value, confidence)


def table_withholdings(
    parsed: Parsed, rows: list[Decimal], total: Decimal | None, confidence: float, *, others: list[Line] | None = None
) -> None:
    """The withholdings column of the payers' table: its "Soma" when the rows add up to it, else the rows' sum
    when no total is printed; a column that does not add up is flagged, as the income's is.

    A return's withholdings are each annex's: with ``others`` (the lines of a return whose table is Anexo A's), the
    one withholdings another annex prints ("ANEXO B ..." / "Retenções na fonte 2 595,87"), when that is what the
    labels read, adds to the table's (blind probe r44a: Anexo B's alone was given for the return's)."""
    rows_sum = sum(rows, Decimal("0"))
    if rows and total is not None and rows_sum != total:
        if "arithmetic_mismatch" not in parsed.warnings:
            parsed.warnings.append("arithmetic_mismatch")
        return
    if not rows and total is None:
        return
    column = total if total is not None else rows_sum
    labelled = parsed.fields.get("withholdings")
    elsewhere = other_annexes_withholdings(others) if others is not None else []
    if labelled is not None and labelled != column and elsewhere == [labelled]:
        parsed.fields["withholdings"] = column + labelled
        parsed.confidence["withholdings"] = round(min(parsed.confidence["withholdings"], confidence), 3)
    parsed.put("withholdings", column, confidence)


def other_annexes_withholdings(lines: list[Line]) -> list[Decimal]:
    """The withholdings printed under the titles of annexes other than Anexo A ("ANEXO B - Categoria B" / "Total das
    retenções na fonte ... 3 866,98"): each line's last amount."""
    found: list[Decimal] = []
    annex = None
    for line in lines:
        folded = fold(line.text)
        title = ANNEX_TITLE.match(folded)
        annex = title.group(1) if title else annex
        values = parse_money(line.text)
        if annex not in {None, "a"} and values and TAX_LABELS["withholdings"].search(folded):
            found.append(values[-1])
    return found


# A return's summary of its totals, on a line of its own after (or before) the annexes: "RESUMO", "Resumo da
# declaração", "Síntese", "Totais", "Quadro resumo". What it prints is the return's, no annex's.
SUMMARY_TITLE = re.compile(r"^\W*(?:quadro\s+)?(?:resumo|sintese|totais)(?![a-z])")


def summary_withholdings(lines: list[Line]) -> tuple[Decimal, float] | None:
    """The return's withholdings as its summary prints them ("RESUMO" / "Total de rendimentos brutos 24.450,00 Total de
    retenções 4.382,50"), and how sure: the first withholdings' label under a summary's title, before any annex's
    title, with its amount after it on its line."""
    in_summary = False
    for line in lines:
        folded = fold(line.text)
        if ANNEX_TITLE.match(folded):
            in_summary = False
        elif SUMMARY_TITLE.match(folded):
            in_summary = True
        if not in_summary:
            continue
        spans = label_spans(folded)
        for position, (_, end, name) in enumerate(spans):
            stop = spans[position + 1][0] if position + 1 < len(spans) else len(line.text)
            values = parse_money(up_to_next_caption(line.text[end:stop]))
            if name == "withholdings" and values:
                return values[-1], line.confidence
    return None


def returns_withholdings(lines: list[Line], parsed: Parsed) -> None:
    """A return's withholdings are the total its summary prints, where it prints one: each annex's own (Anexo A's
    column, Anexo B's "Retenções na fonte") is a part of it (blind probe r56b: Anexo B's 3.662,50 was given for a
    return whose "Total de retenções" was 4.382,50, which overstated the income the screening counts net of it)."""
    printed = summary_withholdings(lines)
    if printed is not None:
        parsed.fields["withholdings"], parsed.confidence["withholdings"] = printed[0], round(printed[1], 3)


# A row of a joint return's annex that opens with whose income it is: "Titular A 401 21.840,00", "B 600897320 401
# 16.380,00", "Sujeito passivo B 16.380,00".
OWNER_ROW = re.compile(r"^\s*(?:(?:titular|sujeito\s+passivo)\s*)?[ab](?![a-z])")


def owners_table(lines: list[Line], parsed: Parsed) -> None:
    """A category's income on a joint return's annex printed as one row per taxpayer and their "Soma": the
    category the heading names (two lines above the rows) takes the total the rows add up to; a total they do
    not make is flagged and neither is trusted."""
    index = 0
    while index < len(lines):
        start = index
        while (
            index < len(lines) and OWNER_ROW.match(fold(lines[index].text)) and len(parse_money(lines[index].text)) == 1
        ):
            index += 1
        rows, index = lines[start:index], max(index, start + 1)
        total_line = lines[start + len(rows)] if start + len(rows) < len(lines) else None
        if len(rows) < 2 or total_line is None or not TABLE_TOTAL.search(fold(total_line.text)):
            continue
        printed = parse_money(total_line.text)
        heading = " ".join(fold(line.text) for line in lines[max(0, start - 2) : start])
        named = [name for name, pattern in ANNEX_INCOME.items() if pattern.search(heading)]
        rows_sum = sum((parse_money(row.text)[0] for row in rows), Decimal("0"))
        if len(printed) != 1 or len(named) != 1:
            continue
        if printed[0] != rows_sum:
            parsed.warnings.append("arithmetic_mismatch")
        else:
            parsed.put(named[0], rows_sum, min(row.confidence for row in [*rows, total_line]))
            parsed.income_owners.append(
                [
                    (match.group(1).upper() if (match := OWNER_LETTER.match(fold(row.text))) else None,
                     parse_money(row.text)[0])
                    for row in rows
                ]
            )  # fmt: skip


# A row of an annex's table by field code: the code, its words, one amount ("404 Outras prestações de serviços
# 2.380,00", "403 — Prestações de serviços 18.600,00").
# Anexo B's codes are all self-employment income, whatever each row's words.
# A scan may add specks around them: "406. Rendimentos ... 1.443,72 ,", "401 ' Vendas ... 0,00 |." (blind probe r38a).
CODED_ROW = re.compile(
    rf"^\s*{QUADRO_PREFIX}(?:campo\s+)?\d{{3,4}}\.?\s+(?:[^\w\s]{{1,2}}\s+)?(?=[^\W\d_]{{3}})[^\n]*?\d[.,]\d{{2}}"
    r"\s*(?:€|eur)?[\s|.,:;'\"]*$"
)
ANNEX_CATEGORY = {"B": "self_employment_income"}
# An annex's own title over its pages ("ANEXO B", "Anexo B - Rendimentos da categoria B"), not the rosto's list of
# annexes ("Anexos entregues: Anexo B [X] Anexo A [ ]").
ANNEX_TITLE = re.compile(r"^\W*anexo\s+([a-z])(?![a-z])")


def annex_code_table(lines: list[Line], parsed: Parsed) -> list[AnnexSum]:
    """The incomes of an annex's table of field codes ("403 ... 14.250,00" / "404 ... 2.380,00" / "Soma
    16.630,00"), summed, and checked against its "Soma" when one is printed: a sum that does not hold is
    flagged, and neither is trusted. The category is the one the heading, the rows' words or the annex names.
    Returns the sums printed that the rows add up to."""
    summed: list[AnnexSum] = []
    index = 0
    while index < len(lines):
        # Each run of coded rows is one table (Anexo A's, then Anexo B's).
        start = index
        while index < len(lines) and CODED_ROW.match(fold(lines[index].text)):
            index += 1
        rows = lines[start:index]
        index = max(index, start + 1)
        total_line = lines[index] if index < len(lines) and income_total(fold(lines[index].text)) else None
        # A table of withholdings or deductions by code is no income. One coded row alone is a table only with
        # its total printed under it, or under a caption naming the category its own words name.
        heading = lines[max(0, start - 3) : start]
        alone = len(rows) == 1 and total_line is None and not row_under_its_category(heading, rows[0])
        if not rows or alone or any(NOT_INCOME.search(fold(r.text)) for r in rows):
            continue
        category = code_table_category(heading, rows, lines, start)
        values = [parse_money(row.text)[-1] for row in rows]
        rows_sum = sum(values, Decimal("0"))
        printed = parse_money(total_line.text) if total_line is not None else []
        if printed and printed[-1] != rows_sum:
            parsed.warnings.append("arithmetic_mismatch")
        elif category is not None:
            parsed.put(category, rows_sum, min(row.confidence for row in rows))
            if printed and total_line is not None:
                summed.append((category, rows_sum, total_line.confidence))
            owner = annex_owner(lines, start)
            if owner is not None:
                parsed.income_owners.append([(owner, rows_sum)])
    return summed


# Anexo B's incomes printed as captioned rows with no field code opening them: "Prestações de serviços 32 030,65",
# "Vendas 0,00", "Prestações de serviços (código 403) 23 000,00".
ANNEX_B_ROW = re.compile(
    r"presta[cç][oõ]es?\s+de\s+servi[cç]os|(?<![a-z])vendas(?![a-z])|rendimentos\s+(?:profissionais|empresariais)"
    r"|honor[aá]rios"
)


def annex_b_rows(lines: list[Line], parsed: Parsed) -> list[AnnexSum]:
    """Anexo B's self-employment income from its captioned rows when no reader found it by field codes: each row
    under Anexo B's title with one amount and a kind of its income, summed, and checked against a "Total" of income
    printed after them (blind probe r44a and e2e probe c24: "Prestações de serviços 32 030,65" / "Vendas 0,00" unread,
    and the return's gross given without Anexo B). Its titular, when the annex names one, owns the sum. Returns the
    total printed, when the rows add up to it.

    The return's summary ("Resumo", "Quadro resumo", "Síntese") closes the annex: it repeats its figures, which are
    no more of its rows, and what it prints of Anexo B's income must be the rows' sum. A total of the withholdings
    is no total of the rows (blind probe r80c: "Total de retenções na fonte 6 992,00" under a summary repeating
    "Rendimento bruto — Categoria B 30 400,00" made a consistent return ``arithmetic_mismatch``)."""
    if parsed.fields.get("self_employment_income") is not None:
        return []
    titles = [index for index, line in enumerate(lines) if (heading := ANNEX_TITLE.match(fold(line.text)))
              and heading.group(1) == "b"]  # fmt: skip
    for start in titles:
        rows: list[tuple[Decimal, Line]] = []
        total: Decimal | None = None
        summary: list[tuple[Decimal, str]] | None = None
        for line in lines[start + 1 :]:
            folded = fold(line.text)
            if ANNEX_TITLE.match(folded):
                break
            values = parse_money(line.text)
            if summary is None and not values and SUMMARY_TITLE.match(folded):
                summary = []
            elif summary is not None:
                if len(values) == 1 and annex_b_income_line(folded):
                    summary.append((values[0], folded))
            elif income_total(folded) and rows:
                total = values[-1] if len(values) == 1 else None
                break
            elif len(values) == 1 and ANNEX_B_ROW.search(folded) and not NOT_INCOME.search(folded):
                rows.append((values[0], line))
        if not rows:
            continue
        rows_sum = sum((value for value, _ in rows), Decimal("0"))
        repeated = summary_of_annex_b(summary) if len(titles) == 1 else None
        if (total is not None and total != rows_sum) or (repeated is not None and repeated != rows_sum):
            parsed.warnings.append("arithmetic_mismatch")
            return []
        confidence = min(line.confidence for _, line in rows)
        parsed.put("self_employment_income", rows_sum, confidence)
        owner = annex_owner(lines, lines.index(rows[0][1]))
        if owner is not None:
            parsed.income_owners.append([(owner, rows_sum)])
        return [("self_employment_income", rows_sum, confidence)] if total is not None else []
    return []


def income_total(folded: str) -> bool:
    """A line that closes a table of incomes with their "Soma" or "Total", not the total of what is withheld or
    deducted from them ("Total de retenções na fonte", "Soma das deduções")."""
    return bool(TABLE_TOTAL.search(folded)) and not NOT_INCOME.search(folded)


def annex_b_income_line(folded: str) -> bool:
    """A line of the return's summary that prints Anexo B's income: its rows again ("Prestações de serviços", "Vendas")
    or the category's gross ("Rendimento bruto — Categoria B"), never what is withheld from it."""
    named = categories_named(folded)
    return (
        (bool(ANNEX_B_ROW.search(folded)) or named == {"self_employment_income"})
        and named <= {"self_employment_income"}
        and not NOT_INCOME.search(folded)
        and not NET_OF_COEFFICIENT.search(folded)
    )


# What the simplified regime's coefficient leaves of Anexo B's income ("Rendimento líquido (coeficiente 0,75)",
# "Rendimento tributável — Categoria B"): less than the rows by design, never their sum. "Ilíquido" is the gross.
NET_OF_COEFFICIENT = re.compile(r"(?<![a-z])liquid|coletavel|tributavel|coeficiente")


# The words of a summary's line that print a category's income as its total, not as one of its rows.
SUMMARY_CATEGORY_TOTAL = re.compile(rf"(?<![a-z])(?:soma|total|bruto|global)(?![a-z])|{CATEGORY_CODE}b(?![a-z])")


def summary_of_annex_b(summary: list[tuple[Decimal, str]] | None) -> Decimal | None:
    """Anexo B's income as the return's summary prints it: its category's total when the summary prints one ("Rendimento
    bruto — Categoria B 30 400,00"), else the sum of the rows it repeats; none when it prints neither, or prints it
    by taxpayer (a joint return's "(A)" and "(B)" are parts, not the whole)."""
    if not summary or any(INCOME_OWNER.search(folded) for _, folded in summary):
        return None
    totals = [value for value, folded in summary if SUMMARY_CATEGORY_TOTAL.search(folded)]
    if totals:
        return totals[0]
    return sum((value for value, _ in summary), Decimal("0"))


# An annex's own line naming whose its incomes are on a joint return: "Titular dos rendimentos: Sujeito passivo B",
# "Titular do rendimento  B", "NIF do titular 202122115".
ANNEX_OWNER = re.compile(r"titular(?:\s+d[oa]s?\s+rendimentos?)?\s*[:.]?\s*(?:sujeito\s+passivo\s*)?([ab])(?![a-z0-9])")
ANNEX_OWNER_NIF = re.compile(r"titular")


def annex_owner(lines: list[Line], start: int) -> str | frozenset[str] | None:
    """Whose an annex's table of incomes is: the titular its annex names between its title and the table, by
    letter, or by the personal NIFs on that line (resolved against the taxpayers' once read)."""
    titles = [index for index in range(start) if ANNEX_TITLE.match(fold(lines[index].text))]
    if not titles:
        return None
    for line in lines[titles[-1] : start]:
        folded = fold(line.text)
        lettered = ANNEX_OWNER.search(folded)
        if lettered:
            return lettered.group(1).upper()
        if ANNEX_OWNER_NIF.search(folded):
            nifs = frozenset(nif for nif, valid in parse_nifs(line.text) if valid and nif_is_personal(nif))
            if nifs:
                return nifs
    return None


def categories_named(folded: str) -> set[str]:
    return {name for name, pattern in ANNEX_INCOME.items() if pattern.search(folded)}


def row_under_its_category(heading: list[Line], row: Line) -> bool:
    """One coded row under a caption, as an annex of a single activity prints it ("ANEXO B ... Categoria B" /
    "Quadro 4A - Prestações de serviços" / "403 Prestações de serviços ... 28.400,00"): income when the heading
    and the row's own words name the same one category, and the heading is no quadro of deductions or
    withholdings (a quadro of "pensões de alimentos" paid is a deduction, not a pension)."""
    heading_text = " ".join(fold(line.text) for line in heading)
    named = categories_named(heading_text)
    return len(named) == 1 and categories_named(fold(row.text)) == named and not NOT_INCOME.search(heading_text)


def code_table_category(heading: list[Line], rows: list[Line], lines: list[Line], start: int) -> str | None:
    """The income category of a table of coded rows: the heading's, else the one every row's words name, else
    the annex's (the heading's, else the one whose title stands nearest above the table, else the document's only
    annex). The rosto's list names every annex with its box, ticked or not: the table's own annex is the title
    over it (blind probe r38a: "Anexo B [X] Anexo A [ ] Anexo H [ ]" left Anexo B's Quadro 04 unread)."""
    heading_text = " ".join(fold(line.text) for line in heading)
    named = {name for name, pattern in ANNEX_INCOME.items() if pattern.search(heading_text)}
    if len(named) == 1:
        return named.pop()
    per_row = [{name for name, pattern in ANNEX_INCOME.items() if pattern.search(fold(row.text))} for row in rows]
    if all(len(names) == 1 for names in per_row) and len(set.union(*per_row)) == 1:
        return per_row[0].pop()
    titles = [title.group(1).upper() for line in lines[:start] if (title := ANNEX_TITLE.match(fold(line.text)))]
    annexes = (
        {match.group(1).upper() for match in ANNEX.finditer(heading_text)}
        or set(titles[-1:])
        or {match.group(1).upper() for line in lines for match in ANNEX.finditer(fold(line.text))}
    )
    return ANNEX_CATEGORY.get(annexes.pop()) if len(annexes) == 1 else None


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
