"""Certificates of a clean situation: the AT's certidao de divida e nao divida and the Seguranca Social's
declaracao de situacao contributiva.

Both say whose situation (name, NIF), whether it is regular, when they were issued, and carry a code
anyone can check on the issuer's portal. The validity is printed on some ("valida por tres meses",
"valida ate ...") and otherwise follows from the issuer: AT 3 months, SS 4 months from the issue date.
"""

from __future__ import annotations

import re

from applicants.identifiers import nif_is_personal
from applicants.text import fold
from documents.extraction.parsers.common import (
    VALIDATED_CONFIDENCE,
    Parsed,
    capitalised,
    clean_name,
    dates_in,
    joined_nif,
    nif_check_failed,
    parse_nifs,
    title_case,
)
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import months_after

VALIDITY_MONTHS = {"AT": 3, "SS": 4}
DERIVED_CONFIDENCE = 0.8

# Irregular first: "nao tem a situacao regularizada" also holds the words of the regular one.
IRREGULAR = re.compile(
    r"n[aã]o\s+(?:tem|possui|se\s+encontra\s+com)\s+(?:a\s+)?(?:sua\s+)?situa[cç][aã]o\s+(?:\w+\s+)?regularizada"
    r"|situa[cç][aã]o\s+(?:\w+[\s:]+)?(?:n[aã]o\s+regularizada|irregular)|(?<!n[aã]o\s)(?:tem|possui)\s+d[ií]vidas?"
    r"|d[ií]vidas?\s+(?:em\s+)?(?:cobran[cç]a|execu[cç][aã]o)|valor\s+em\s+d[ií]vida"
    # The holder named between the situation and what it is (see REGULAR): "... não se encontra regularizada".
    r"|n[aã]o\s+se\s+encontra\s+regularizada|se\s+encontra\s+(?:em\s+situa[cç][aã]o\s+)?irregular"
)
REGULAR = re.compile(
    r"situa[cç][aã]o\s+(?:\w+[\s:]+)?regularizada|situa[cç][aã]o\s+(?:\w+[\s:]+)?regular(?![a-z])"
    r"|n[aã]o\s+(?:tem|possui|é\s+devedor|e\s+devedor)\s+(?:quaisquer\s+|qualquer\s+)?d[ií]vidas?"
    r"|inexist[eê]ncia\s+de\s+d[ií]vida"
    # The AT's legal wording for a company: "não é devedora perante a Fazenda Pública de quaisquer impostos".
    r"|n[aã]o\s+(?:[eé]|se\s+encontra)\s+devedor[a]?\s+(?:perante|[aà]|ao)\s"
    # The holder named between the situation and what it is: "a situação contributiva de Joana ..., NISS ...,
    # NIF ..., perante a Segurança Social se encontra regularizada" (blind probe r54a: no status read). Within the
    # sentence only.
    r"|situa[cç][aã]o\s+(?:contributiva|tribut[aá]ria)\s+d[eoa]\s(?:[^.]|\.(?=\S)){0,160}?"
    r"(?<![a-z])se\s+encontra\s+regularizada"
)
ISSUE_LABEL = re.compile(
    r"data\s+(?:de\s+|da\s+)?emiss[aã]o|emitid[oa]\s+em|data\s*[:.]|(?:lisboa|porto|[a-z]+)\s*,\s*\d{1,2}\s+de\s+[a-z]+"
)
VALID_UNTIL_LABEL = re.compile(r"v[aá]lid[oa]\s+at[eé]|validade\s*[:.]|data\s+(?:de\s+|do\s+)?(?:fim|termo)\s+")
VALIDITY_SPAN = re.compile(r"v[aá]lid[oa]\s+(?:pelo\s+per[ií]odo\s+de\s+|por\s+)(\w+)\s+\(?(\d*)\)?\s*m[eê]s")
NUMBER_WORDS = {"um": 1, "dois": 2, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6}
# The code after its caption, or named in the footer's sentence ("A autenticidade pode ser confirmada com o
# código 91827364.", "... através do código ...").
CODE_LABEL = re.compile(
    r"c[oó]digo\s+(?:de\s+)?(?:valida[cç][aã]o|acesso|verifica[cç][aã]o|autentica[cç][aã]o|consulta)"
    r"|chave\s+de\s+(?:acesso|valida[cç][aã]o|consulta)"
    r"|(?<![a-z])(?:com|atrav[eé]s\s+d[oa]|mediante|utilizando|introduzindo)\s+(?:o\s+)?c[oó]digo(?!\s+postal)(?![a-z])"
)
# A letter prefix joined by a hyphen is part of the code ("SS-7731-X9K2-QQ40"), not the issuer's label. So is a short
# last group a hyphen joins ("SS-4471-9920-AB"): the code runs to the end of its hyphened token (blind probe r56b: its
# last group dropped); a group set apart by a space is the code's only at a group's length.
CODE = re.compile(
    r"(?:[A-Z]{1,3}-)?[A-Z0-9]{3,6}(?:[-\s][A-Z0-9]{3,6}){1,5}(?:-[A-Z0-9]{1,2}(?![A-Za-z0-9]))?|[A-Z0-9]{8,20}"
)
# A code's groups joined by hyphens, in capitals and figures save a letter or so OCR read in lower case
# ("7KQ2-M9Px-4HT8-ZW3D": blind probe r56b, the code cut at the "x").
HYPHENED_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{2,6}(?:-[A-Za-z0-9]{1,6}){2,5}(?![A-Za-z0-9])")
# A short code of six or seven characters right after its caption ("Código de acesso: 4X7R9Q").
SHORT_CODE = re.compile(r"^[A-Z0-9]{6,7}(?![A-Za-z0-9])")
# Inside a code Tesseract reads a J as a bracket now and then.
CODE_LOOKALIKES = str.maketrans({")": "J", "]": "J", "}": "J"})
# Who the certificate is about: the words of the holder's role are its label, never part of the name ("Certifica-se
# que o sujeito passivo <name>,", "o contribuinte <name> (NIF ...)", a boxed row "Beneficiário <name>").
HOLDER_ROLE = r"(?:contribuinte|sujeito\s+passivo|benefici[aá]ri[oa]|requerente|titular)"
# A company holder is named after its own role word: "Certifica-se que a sociedade Kathmandu Spices, Lda., ...".
COMPANY_ROLE = r"(?:sociedade|empresa|entidade)"
# The caption may name a company's name too, or the role: "Nome / Denominação", "Nome / Firma" (the AT's certidão,
# blind probe r36a: its "Firma" was read as the name's first word), "Nome do contribuinte".
NAME_CAPTION = (
    rf"(?<![a-z])nome(?:\s*/\s*(?:denomina[cç][aã]o(?:\s+social)?|firma)|\s+d[oa]\s+{HOLDER_ROLE}|\s+completo)?\s*[:.]?"
    r"|(?<![a-z])denomina[cç][aã]o(?:\s+social)?\s*[:.]"
)
# What may stand between "que" and the holder's name: an article, the holder's role.
HOLDER_AFTER_QUE = rf"(?:o\s+|a\s+)?(?:{HOLDER_ROLE}(?:\s+|\s*$)|{COMPANY_ROLE}\s+)?"
# The sentence may break its line after the role, the name opening the next ("... que o contribuinte" / "Vítor
# Hugo ..., NIF ..."): the role then ends the line, and the label with it.
NAME_LABEL = re.compile(
    rf"{NAME_CAPTION}|contribuinte\s*[:.]|benefici[aá]rio\s*[:.]|titular\s*[:.]|^\s*{HOLDER_ROLE}\s*[:.]?\s+"
    # A preamble may stand between the verb and "que": "Certifica-se, face aos elementos disponíveis no sistema
    # informático da Autoridade Tributária e Aduaneira, que ..." (blind probe r36a); ``sentence_opening_que``
    # reads it when it wraps, "que" opening the line below.
    rf"|(?:certifica|declara)(?:-?se)?[\s,]+(?:[a-z]+[\s,]+){{0,16}}?que(?:\s+|\s*$){HOLDER_AFTER_QUE}"
    rf"|(?<![a-z])(?:o|a)\s+(?:{HOLDER_ROLE}|sociedade|empresa)(?:\s+(?=[A-ZÀ-Þ])|\s*$)"
    # The situation's holder: "a situação contributiva de" / "Joana ..., NISS ..., NIF ...," (the SS's declaration,
    # the sentence over three lines: blind probe r54a, no name read).
    rf"|situa[cç][aã]o\s+(?:contributiva|tribut[aá]ria)\s+(?:de|d[oa]\s+{HOLDER_ROLE})(?:\s+|\s*$)"
)
WORDS = re.compile(r"[A-Za-zÀ-ÿ0-9]")
# What ends a holder's name on its line: a comma or bracket, or the next caption.
HOLDER_NAME_END = re.compile(r"[,(]|\b(?i:contribuinte|portador|titular|nif)\b")


def parse_certificate(lines: list[Line], kind: DocumentKind) -> Parsed:
    parsed = Parsed()
    issuer = "AT" if kind == DocumentKind.CERTIDAO_AT else "SS"
    parsed.put("issuer", issuer, VALIDATED_CONFIDENCE)
    text = " ".join(fold(line.text) for line in lines)
    if IRREGULAR.search(text):
        parsed.put("status", "IRREGULAR", 0.9)
    elif REGULAR.search(text):
        parsed.put("status", "REGULAR", 0.9)
    certificate_dates(lines, parsed, issuer=issuer)
    certificate_code(lines, parsed)
    certificate_holder(lines, parsed)
    return parsed


def certificate_dates(lines: list[Line], parsed: Parsed, *, issuer: str) -> None:
    for index, line in enumerate(lines):
        folded = fold(line.text)
        for label, name in ((VALID_UNTIL_LABEL, "valid_until"), (ISSUE_LABEL, "issue_date")):
            match = label.search(folded)
            if match and name not in parsed.fields:
                after = dates_in(line.text[match.start() :])
                # A label alone on its line has its date below; "Validade: 3 meses" has none at all.
                if not after and not WORDS.search(line.text[match.end() :]) and index + 1 < len(lines):
                    after = dates_in(lines[index + 1].text)
                if after:
                    parsed.put(name, after[0], line.confidence)
    if "issue_date" not in parsed.fields:
        every = [date for line in lines for date in dates_in(line.text)]
        if every:
            parsed.put("issue_date", min(every), DERIVED_CONFIDENCE)
    months = VALIDITY_MONTHS[issuer]
    span = VALIDITY_SPAN.search(" ".join(fold(line.text) for line in lines))
    if span:
        months = int(span.group(2)) if span.group(2) else NUMBER_WORDS.get(span.group(1), months)
    issued = parsed.fields.get("issue_date")
    if "valid_until" not in parsed.fields and issued is not None:
        parsed.put("valid_until", months_after(issued, months), DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:valid_until")


def certificate_code(lines: list[Line], parsed: Parsed) -> None:
    for index, line in enumerate(lines):
        match = CODE_LABEL.search(fold(line.text))
        following = lines[index + 1 : index + 2]
        if not match and following:
            # The sentence's words wrapped before "código", the code after it on the next line: "..., utilizando
            # o" / "código 7932330883428076." (blind probe r36a). The label is read across the break.
            joined = f"{line.text} {following[0].text}"
            match = CODE_LABEL.search(fold(joined))
            if match is None or match.start() >= len(line.text):
                continue
            candidates = [joined[match.end() :]] + [ln.text for ln in lines[index + 2 : index + 3]]
        elif not match:
            continue
        else:
            candidates = [line.text[match.end() :]] + [ln.text for ln in following]
        for candidate in candidates:
            code = CODE.search(code_repaired(candidate.lstrip(" :."))) or SHORT_CODE.search(candidate.strip(" :."))
            if code and (any(c.isdigit() for c in code.group(0)) or "-" in code.group(0)):
                parsed.put("validation_code", re.sub(r"\s", "-", code.group(0)), line.confidence)
                return


def code_repaired(text: str) -> str:
    """A bracket read for a J inside a code (between its letters and digits) becomes the J again; a J
    read twice over, as a bracket and a J side by side ("UDMV-)JKP"), is one J; a capital read in lower case in a
    code of hyphened groups is the capital again (``HYPHENED_CODE``)."""

    def repair(match: re.Match[str]) -> str:
        return match.group(0).translate(CODE_LOOKALIKES)

    text = re.sub(r"(?<=[-\sA-Z0-9])[)\]}]J|(?<=[-\sA-Z0-9])J[)\]}](?=[-\sA-Z0-9]|$)", "J", text)
    text = re.sub(r"(?<=[A-Z0-9])[)\]}](?=[-\sA-Z0-9]|$)", repair, text)
    return HYPHENED_CODE.sub(capitals_of_a_code, text)


def capitals_of_a_code(match: re.Match[str]) -> str:
    """A code of hyphened groups in capitals, where OCR read a letter of a group in lower case: one at most in each
    group, and fewer than its capitals and figures (a word joined by hyphens, "bem-vindo", is no code)."""
    code = match.group(0)
    groups = code.split("-")
    lower = sum(char.islower() for char in code)
    slips = all(sum(char.islower() for char in group) <= 1 for group in groups)
    return code.upper() if slips and 0 < lower < len(code) - lower - code.count("-") else code


# A company's NIF under its own caption: "pessoa coletiva n.º 518293041", "NIPC 518293041", "NIPC 572 296 983"
# (grouped in threes, as the AT prints it: blind probe r36a).
COMPANY_NIF = re.compile(
    r"(?:pessoa\s+cole(?:c)?tiva|(?<![a-z])nipc)(?:\s+n\.?\s?[ºo°]\.?)?\s*[:.]?\s*(\d{3}[\s.]?\d{3}[\s.]?\d{3})(?![\d.,]\d|\d)"
)
# The legal form that ends a company's name after a comma: "Kathmandu Spices, Lda.", "Norte Têxtil, S.A.".
LEGAL_FORM = re.compile(r"^\s*(?:lda|limitada|s\.?\s?a|sgps|unipessoal|crl|e\.?\s?i\.?\s?m)\.?\s*$", re.IGNORECASE)


def certificate_holder(lines: list[Line], parsed: Parsed) -> None:
    for line in lines:
        company = COMPANY_NIF.search(fold(line.text))
        if company and parse_nifs(company.group(1))[0][1]:
            parsed.put("holder_nif", re.sub(r"\D", "", company.group(1)), VALIDATED_CONFIDENCE)
        for nif, valid in parse_nifs(joined_nif(line.text)):
            if valid and nif_is_personal(nif):
                parsed.put("holder_nif", nif, VALIDATED_CONFIDENCE)
            elif not valid and re.search(r"nif|contribuinte|fiscal", fold(line.text)):
                parsed.warnings.append(nif_check_failed(line))
    for index, line in enumerate(lines):
        # fold() keeps positions but lowers the case: the role's "o contribuinte <Name>" is told by the capital.
        match = NAME_LABEL.search(fold(line.text)) or NAME_LABEL.search(line.text) or sentence_opening_que(lines, index)
        if not match:
            continue
        rest = line.text[match.end() :].lstrip(" :.,")
        following = lines[index + 1] if not rest.strip() and index + 1 < len(lines) else None
        below = name_in_row_below(following.text) if following is not None else None
        if below and following is not None:
            parsed.put("holder_name", title_case(below), following.confidence)
            return
        wrapped = wrapped_company(rest, lines[index + 1].text) if rest.strip() and index + 1 < len(lines) else None
        if wrapped:
            parsed.put("holder_name", wrapped, min(line.confidence, lines[index + 1].confidence))
            return
        holder = holder_after_label(rest)
        if holder:
            parsed.put("holder_name", holder, line.confidence)
            return
        # The label ending its line, its sentence going on below: the name opens the next line.
        if following is not None and opens_with_a_name(following.text):
            holder = holder_after_label(following.text)
            if holder:
                parsed.put("holder_name", holder, following.confidence)
                return
    for line in lines:
        name = name_before_nif(line.text)
        if name:
            parsed.put("holder_name", name, line.confidence)
            return
    # A certificate says whose situation it is: one read without the holder's name is said to be so.
    parsed.warnings.append("missing:holder_name")


# "que" opening a line: the declaring sentence's verb ended a line above ("Certifica-se, face aos elementos
# disponíveis no sistema informático da Autoridade" / "Tributária e Aduaneira, que João ...": blind probe r36a).
WRAPPED_QUE = re.compile(rf"^(?:[^\W\d_]+[\s,]+){{0,12}}?que(?:\s+|\s*$){HOLDER_AFTER_QUE}")
DECLARING_VERB = re.compile(r"(?<![a-z])(?:certifica|declara)(?:-?se)?(?:[\s,]|$)")
QUE = re.compile(r"(?<![a-z])que(?![a-z])")
# A sentence's end: a full stop before a space or the end of the text.
SENTENCE_END = re.compile(r"\.(?:\s|$)")


def sentence_opening_que(lines: list[Line], index: int) -> re.Match[str] | None:
    """The "que" that introduces the holder when the declaring verb is on one of the two lines above, its sentence
    neither ended nor past its own "que" before this line."""
    above = fold(" ".join(line.text for line in lines[max(0, index - 2) : index]))
    verbs = list(DECLARING_VERB.finditer(above))
    if not verbs or SENTENCE_END.search(above, verbs[-1].end()) or QUE.search(above, verbs[-1].end()):
        return None
    return WRAPPED_QUE.match(fold(lines[index].text))


def opens_with_a_name(text: str) -> bool:
    """A line that opens with a name's capitalised words, not with the sentence going on ("com o NIF ...")."""
    name = clean_name(HOLDER_NAME_END.split(text)[0])
    return name is not None and capitalised(name)


def holder_after_label(rest: str) -> str | None:
    """The holder named in what follows the label: a company up to its legal form, else a person's name up to the
    comma, bracket or next label that ends it, two words at least."""
    firm = company_name(rest)
    if firm:
        return firm
    name = clean_name(HOLDER_NAME_END.split(rest)[0])
    if name and len(name.split()) >= 2 and looks_like_a_name(name):
        return title_case(name)
    return None


# The words of a certificate's sentence, never of a name: when OCR loses the "Nome" row, the declaring sentence
# ("a entidade acima identificada tem a situação contributiva regularizada") is all that follows its label.
SENTENCE_WORDS = re.compile(
    r"(?<![a-z])(?:acima|abaixo|identificad[oa]s?|tem|possui|situacao|contributiva|tributaria|regularizada"
    r"|perante|devedor[a]?|efeitos|presente|declaracao|certidao)(?![a-z])"
)


def looks_like_a_name(name: str) -> bool:
    """A name as printed: each word capitalised (or in capitals) but the particles, none a sentence's word. A
    run of a sentence's words is none (blind probe r36a: "Acima Identificada Tem Situação Contributiva
    Regularizada" was read off a photo whose "Nome" row OCR lost)."""
    return capitalised(name) and not SENTENCE_WORDS.search(fold(name))


# A caption that opens the line under a holder's name: the next row, not the name going on.
NEXT_CAPTION = re.compile(
    r"^\s*(?:nif|nipc|niss|contribuinte|domicilio|morada|sede|endereco|residencia|servico|empresa|entidade"
    r"|sociedade|data|codigo|certifica|declara)(?![a-z])"
)
NAME_WORD = re.compile(r"[^\W\d_]+")
# A company's name is not cut before its wrapped end: the name's own words may hold more commas than one.
MAX_NAME_PARTS = 3


def wrapped_company(rest: str, below: str) -> str | None:
    """A company's name that wraps, its legal form on the line below ("Nome / Firma SERRA DA ESTRELA, COMÉRCIO DE
    PRODUTOS" / "ALIMENTARES, S.A.": blind probe r36a), whole; None when the line holds a whole name or the line
    below is a row of its own."""
    if company_name(rest) or NEXT_CAPTION.match(fold(below)):
        return None
    return company_name(f"{rest.strip()} {below.strip()}")


def name_in_row_below(text: str) -> str | None:
    """The name in the row under a caption that ends its caption row ("NISS  NIF  Nome do contribuinte" /
    "12093184756  326049185  Kiran Bahadur Rai"): the row's words after its numbers, and nothing else."""
    # A fax draws the grid's rules as bars ("| 12093184756 326049185 | Kiran Bahadur Rai").
    candidate = re.sub(r"^[\d\s.|¦]+", "", text).strip(" .|¦")
    name = clean_name(candidate)
    if not name or name != candidate or len(name.split()) < 2 or not name[0].isupper():
        return None
    return name


def name_part(part: str) -> bool:
    """A part of a name between two of its commas: capitalised words, no figure."""
    words = NAME_WORD.findall(part)
    return bool(words) and not re.search(r"\d", part) and capitalised(" ".join(words))


def company_name(text: str) -> str | None:
    """A company's name as printed, up to its legal form after a comma ("Kathmandu Spices — Comércio Alimentar,
    Lda., pessoa coletiva n.º ..."), its own commas kept ("Serra da Estrela, Comércio de Produtos Alimentares,
    S.A."); None when no legal form follows the name's parts (a person's name). One printed in capitals is given
    in title case, as a person's is."""
    parts = [part.strip() for part in text.split(",")]
    form = next((index for index, part in enumerate(parts[1:MAX_NAME_PARTS], 1) if LEGAL_FORM.match(part)), None)
    if form is None or not re.search(r"[^\W\d_]{2}", parts[0]):
        return None
    # The name's own parts between its first and its form are name words: no figure, no sentence going on.
    if not all(name_part(part) for part in parts[1:form]):
        return None
    name = ", ".join(parts[: form + 1])
    return title_case(name) if name.isupper() else name


# The holder's name and NIF in one breath: "Carlos Eduardo Brandão Maia, NIF 192837460,", "..., contribuinte
# n.º 192837460": the capitalised words just before the NIF's label.
NAME_BEFORE_NIF = re.compile(
    r"(?P<name>(?:[A-ZÀ-Þ][\wÀ-ÿ'’-]+|d[aoe]s?|e)(?:\s+(?:[A-ZÀ-Þ][\wÀ-ÿ'’-]+|d[aoe]s?|e))+)\s*[,(]?\s*"
    r"(?i:NIF|contribuinte\s+n\.?\s?[ºo°]|n\.?\s?[ºo°]\s+de\s+identifica[cç][aã]o\s+fiscal)\s*[:.]?\s*\d{9}(?!\d)"
)


def name_before_nif(text: str) -> str | None:
    """The holder's name right before a personal NIF's label on a line, two words at least."""
    match = NAME_BEFORE_NIF.search(text)
    if not match:
        return None
    words = match["name"].split()
    while words and words[0][0].islower():
        words.pop(0)  # a particle cannot open a name
    name = clean_name(" ".join(words))
    if not name or len(name.split()) < 2 or not any(nif_is_personal(n) for n, valid in parse_nifs(text) if valid):
        return None
    return title_case(name)
