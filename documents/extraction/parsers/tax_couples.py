"""A couple's IRS documents: whether a return is joint, who the second taxpayer is, and each one's own income.

A joint return (tributação conjunta) is filed under sujeito passivo A and declares the couple's income: its
``gross_income`` is both spouses'. The second taxpayer is sujeito passivo B. A married person's separate return
(tributação separada) names the spouse too ("NIF do cônjuge ou unido de facto"), but declares the filer's income
alone. Screening counts an applicant's own part of a joint return only (screening.rules.income), so each
taxpayer's part is read where the document says whose each income is (Anexo A's "Titular" column, rows marked
"(A)" / "(B)"), and given only when the parts add up to the return's gross income: a nota de liquidação prints the
couple's totals alone, and a part that cannot be checked is no part (docs/adr/029-joint-irs-returns.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from applicants.identifiers import nif_is_personal
from applicants.text import fold
from documents.extraction.parsers.common import Parsed, capitalised, clean_name, parse_nifs, title_case
from documents.extraction.parsers.tax import (
    ANNEX_CATEGORIES_OF_INCOME,
    LEADING_NIF,
    NAME_CAPTION,
    NAME_WORD,
    NIF_PART,
    TAXPAYER_MARK,
    boxes_stacked,
    name_alone,
    name_then_nif,
    taxpayer_after_label,
    taxpayer_after_nif,
)
from documents.extraction.reader import Line

# Where the second taxpayer's part of a line starts: "Sujeito passivo B", "NIF B", "NIF do sujeito passivo B",
# "Cônjuge ou unido de facto" (a separate return's spouse), "Cônjuge / unido de facto", "Unido de facto".
SPOUSE_MARK = re.compile(
    r"sujeito\s+passivo\s*b(?![a-zà-ÿ])|(?<![a-zà-ÿ])nif\s*(?:do\s+sujeito\s+passivo\s*)?b(?![a-zà-ÿ])"
    r"|c[oô]njuge(?:\s*(?:ou|/|e)\s*unido\s+de\s+facto)?|unido\s+de\s+facto",
    re.IGNORECASE,
)
# Only a joint return has a sujeito passivo B: the spouse a separate return names is its "cônjuge".
SECOND_TAXPAYER = re.compile(r"sujeito\s+passivo\s*b|nif\s*(?:do\s+sujeito\s+passivo\s*)?b", re.IGNORECASE)
# What a return says of its taxation: "Opção pela tributação conjunta: Sim", "Tributação conjunta [X]",
# "Tributação: separada", "Declaração conjunta".
JOINT_WORDS = re.compile(r"tributa[cç][aã]o\s*[:.\-–]?\s*conjunta|declara[cç][aã]o\s+conjunta|irs\s+conjunto")
SEPARATE_WORDS = re.compile(r"tributa[cç][aã]o\s*[:.\-–]?\s*separada|declara[cç][aã]o\s+separada")
TICK = r"\[\s*[x✓✔v]\s*\]|\(\s*[x✓✔v]\s*\)|[☒☑■✔✓]|x(?![a-z])"
EMPTY = r"\[\s*\]|\(\s*\)|[☐□❏◻]"
LEAD = r"^[\s:.\-–—]*(?:\d{1,2}\s*[-.)]?\s+)?"
# The answer after the option's words: "Sim" or "Não" with its box if printed ("Sim [X] Não [ ]"), or the option's
# own box ("Tributação conjunta [X]").
WORD_ANSWER = re.compile(rf"{LEAD}(?P<word>sim|n[aã]o)(?![a-z])\s*(?:(?P<tick>{TICK})|(?P<empty>{EMPTY}))?")
# A line that is the spouse's heading and nothing else ("Sujeito passivo B", "Cônjuge:", "Cônjuge / unido de
# facto — NIF"): their NIF and name are on the next line.
REMARK = re.compile(r"\([^)]*\)")
TRAILING_REMARK = re.compile(r"\s*\([^)]*\)[\s.;]*$")
CAPTIONS = re.compile(r"(?<![a-z])(?:nif|nome|n\.?\s?[ºo°]|contribuinte|identifica[cç][aã]o|fiscal)(?![a-z])")


def read_couple(lines: list[Line], parsed: Parsed) -> None:
    """The spouse (NIF and name), whether the return is joint, and each taxpayer's own gross income."""
    spouse = spouse_of(lines, parsed.fields.get("taxpayer_nif"))
    if spouse is not None:
        parsed.put("spouse_nif", spouse.nif, spouse.confidence)
        if spouse.name:
            parsed.put("spouse_name", title_case(spouse.name), spouse.confidence)
    joint = joint_return(lines, parsed, second_taxpayer=spouse is not None and spouse.second_taxpayer)
    if joint is not None:
        parsed.put("joint_return", joint, 0.9)
    if joint and every_income_read(parsed):
        parts = taxpayers_parts(parsed)
        if parts is not None:
            confidence = parsed.confidence.get("gross_income", 0.0)
            parsed.put("taxpayer_gross_income", parts[0], confidence)
            parsed.put("spouse_gross_income", parts[1], confidence)


# The annexes whose income the parsers read (A: employment and pensions, B: independent work) and Anexo H
# (deductions, no income). Another annex of income (E, F, G, J...) is in the gross but in no table read.
ANNEXES_READ = {"A", "B", "H"}


def every_income_read(parsed: Parsed) -> bool:
    """The return's gross holds no income the parsers did not read: no annex of income beyond A and B, and each of
    those it delivers read. Parts that add up to a gross missing an annex are no parts (e2e probe c24: Anexo B
    unread, B's Anexo A rows were the whole "gross" and the other spouse was given 0)."""
    annexes = set(parsed.fields.get("annexes") or ())
    return annexes <= ANNEXES_READ and not unread_annex(parsed)


def spouse_part(text: str) -> tuple[str, bool] | None:
    """The part of a line from the spouse's mark to the next taxpayer's or dependant's mark, and whether the mark
    names a second taxpayer (sujeito passivo B); None when the line names no spouse."""
    mark = SPOUSE_MARK.search(text)
    if mark is None:
        return None
    following = TAXPAYER_MARK.search(text, mark.end())
    end = following.start() if following else len(text)
    return text[mark.end() : end], bool(SECOND_TAXPAYER.fullmatch(mark.group(0).strip()))


@dataclass(frozen=True)
class Spouse:
    nif: str
    name: str | None
    confidence: float
    # Printed as sujeito passivo B, which only a joint return has.
    second_taxpayer: bool


def spouse_of(lines: list[Line], taxpayer_nif: str | None) -> Spouse | None:
    """The spouse's NIF and name, how sure, and whether printed as sujeito passivo B: on their mark's line ("Sujeito
    passivo B NIF 264151984 Nome: Sofia ...", "NIF do cônjuge ou unido de facto: 245367926"), or on the line under
    a heading that is their mark alone. A NIF is theirs only when valid, personal, and not the taxpayer's own."""
    lines = boxes_stacked(lines)
    for index, line in enumerate(lines):
        found = spouse_part(line.text)
        if found is None:
            continue
        part, second = found
        confidence = line.confidence
        if heading_only(part) and index + 1 < len(lines):
            part, confidence = lines[index + 1].text, min(confidence, lines[index + 1].confidence)
            if index + 2 < len(lines) and NIF_PART.match(part.strip()) and name_alone(lines[index + 2].text):
                # The spouse's box: the NIF alone under the heading, the name alone under it ("SUJEITO PASSIVO B"
                # / "NIF: 114846960" / "Sebastião ...": blind probe r44a, no name read).
                part = f"{part} {lines[index + 2].text}"
                confidence = min(confidence, lines[index + 2].confidence)
        elif (
            index + 1 < len(lines)
            and name_alone(part.strip(" :.-–—·|"))
            and NIF_PART.match(lines[index + 1].text.strip())
        ):
            # The name on the mark's line, its NIF alone on the line under it ("Sujeito passivo B: Graça ..." /
            # "NIF: 231751532"), as sujeito passivo A's box is printed (blind probe r48a: no spouse read).
            part = f"{part} {lines[index + 1].text}"
            confidence = min(confidence, lines[index + 1].confidence)
        nifs = [nif for nif, valid in parse_nifs(part) if valid and nif_is_personal(nif) and nif != taxpayer_nif]
        if not nifs:
            continue
        name = spouse_name(part)
        below = name_under_its_caption(lines[index + 1].text) if name is None and index + 1 < len(lines) else None
        if below is not None:
            # The mark and the NIF on one line, the name under its caption on the next ("Sujeito passivo B — NIF
            # 258912340" / "Nome Marta ..."), as sujeito passivo A's is printed above it (blind probe r56b: no name).
            name, confidence = below, min(confidence, lines[index + 1].confidence)
        return Spouse(nifs[0], name, confidence, second)
    return None


def name_under_its_caption(text: str) -> str | None:
    """A line that is a name's caption and a person's name, nothing else: "Nome Marta ...", "Nome: Marta ..."."""
    caption = NAME_WORD.match(text)
    return name_alone(text[caption.end() :]) if caption and caption.group(0).strip() else None


def heading_only(part: str) -> bool:
    """Nothing but captions and punctuation after the mark: the values are on the next line."""
    # A remark in brackets is no value: "A SUJEITO PASSIVO B (tributação conjunta)" / "NIF 03 ... Nome ..." (the
    # official rosto's Quadro 5A; blind probe r44a: no spouse's name read).
    return not re.search(r"[^\W_]", CAPTIONS.sub(" ", REMARK.sub(" ", fold(part))))


def spouse_name(part: str) -> str | None:
    """The name in the spouse's part of a line: after a "Nome" caption or the NIF, or before the NIF."""
    # A remark closing the line is no part of it: "Cônjuge: Frederico ..., NIF 295729783 (rendimentos não
    # incluídos)." (blind probe r44a: no name read).
    text = TRAILING_REMARK.sub("", part).strip(" :.-–—·|")
    name = taxpayer_after_nif(text) or name_then_nif(text) or name_then_nif(text, labelled=False)
    leading = LEADING_NIF.match(text)
    if name is None and leading:
        # The bare NIF first, then the name: "Sujeito passivo B 283181362 Leonor Sequeira Lourenço".
        rest = text[leading.end() :]
        candidate = clean_name(rest)
        name = candidate if candidate and candidate == rest.strip(" .") and capitalised(candidate) else None
    if name is None and NAME_CAPTION.search(text):
        name = taxpayer_after_label(text)
    if name is None:
        return None
    name = clean_name(name)
    return name if name and len(name.split()) >= 2 else None


def joint_return(lines: list[Line], parsed: Parsed, *, second_taxpayer: bool) -> bool | None:
    """Whether the return is joint: what it says of its taxation first ("tributação conjunta: Sim", a box ticked
    beside one option), else a sujeito passivo B printed, or incomes marked as B's; a return that names its
    taxpayer and no second one is not. None when no taxpayer was read at all."""
    said = taxation_said(lines)
    if said is not None:
        return said
    if second_taxpayer or any(key == "B" for rows in parsed.income_owners for key, _ in rows):
        return True
    if parsed.fields.get("taxpayer_nif") or parsed.fields.get("taxpayer_name"):
        return False
    return None


def taxation_said(lines: list[Line]) -> bool | None:
    """Joint or separate as the return answers it: an option followed by "Sim"/"Não" (with its box when printed) or
    by its own box, ticked or empty. An option printed bare ("Tributação conjunta · Estado civil: casados") counts
    when the other is never printed."""
    answers: list[bool] = []
    bare: set[bool] = set()
    for text in (fold(line.text) for line in lines):
        options = sorted(
            (match.start(), match.end(), joint)
            for pattern, joint in ((JOINT_WORDS, True), (SEPARATE_WORDS, False))
            for match in pattern.finditer(text)
        )
        boxes = options_boxes(text, options)
        for position, (_, end, joint) in enumerate(options):
            worded = word_answer(text[end:])
            taken = worded if worded is not None else boxes.get(position)
            if taken is None:
                bare.add(joint)
            else:
                # An option not taken ("Não", its box empty) is the other one.
                answers.append(joint if taken else not joint)
    if answers and len(set(answers)) == 1:
        return answers[0]
    if not answers and len(bare) == 1:
        return bare.pop()
    return None


def word_answer(rest: str) -> bool | None:
    """ "Sim" or "Não" printed after an option, with its box when printed ("Sim [X] Não [ ]"); None when none is."""
    worded = WORD_ANSWER.match(rest)
    if worded is None:
        return None
    said_yes = worded["word"] == "sim"
    if worded["empty"]:
        return not said_yes
    if worded["tick"]:
        return said_yes
    # "Sim" or "Não" alone is the answer; the two words listed side by side, no box ticked, are none.
    return None if re.match(r"\s*(?:sim|n[aã]o)(?![a-z])", rest[worded.end() :]) else said_yes


# A box on a line of options: ticked ("[X]", "☒", an "X" standing alone) or empty ("[ ]", "☐").
OPTION_BOX = re.compile(rf"(?<![a-z])(?:(?P<tick>{TICK})|(?P<empty>{EMPTY}))")


def options_boxes(text: str, options: list[tuple[int, int, bool]]) -> dict[int, bool]:
    """Each option's box, ticked or not, by position in ``options``: a box belongs to the option whose words stand
    nearer it, after the one before it or before the one after it ("Tributação conjunta [ ]   Tributação separada
    [X]", "[X] Tributação conjunta   [ ] Tributação separada", the official form's "01 Tributação conjunta 02 X
    Tributação separada", which marks only the option taken); a box between two options as near to each is no
    one's."""
    found: dict[int, bool] = {}
    for box in OPTION_BOX.finditer(text):
        if any(start <= box.start() < end for start, end, _ in options):
            continue
        before = [(box.start() - end, k) for k, (_, end, _) in enumerate(options) if end <= box.start()]
        after = [(start - box.end(), k) for k, (start, _, _) in enumerate(options) if start >= box.end()]
        previous, following = min(before, default=None), min(after, default=None)
        if previous is not None and (following is None or previous[0] < following[0]):
            owner = previous[1]
        elif following is not None and (previous is None or following[0] < previous[0]):
            owner = following[1]
        else:
            continue
        found.setdefault(owner, bool(box["tick"]))
    return found


def taxpayers_parts(parsed: Parsed) -> tuple[Decimal, Decimal] | None:
    """Sujeito passivo A's and B's gross income, from the first table whose rows all say whose they are and add
    up, A's and B's together, to the return's gross income; None when none does."""
    gross = parsed.fields.get("gross_income")
    if gross is None:
        return None
    taxpayer, spouse = parsed.fields.get("taxpayer_nif"), parsed.fields.get("spouse_nif")
    # Each table alone, then all of them together (Anexo A's rows of one spouse and Anexo B of the other): a row
    # read twice, by two of the readers, makes the parts exceed the gross, and is no answer.
    every_row = [row for rows in parsed.income_owners for row in rows]
    for rows in [*parsed.income_owners, every_row]:
        parts = {"A": Decimal(0), "B": Decimal(0)}
        for key, amount in rows:
            owner = row_owner(key, taxpayer=taxpayer, spouse=spouse)
            if owner is None:
                break
            parts[owner] += amount
        else:
            if rows and parts["A"] + parts["B"] == gross:
                return parts["A"], parts["B"]
    return None


def unread_annex(parsed: Parsed) -> bool:
    """An annex of income the return delivers and none of whose incomes were read: the rows read are not the whole
    of the income, and the parts they make are no parts, even when they make the gross derived from them (blind
    probe r44a: Anexo A's pension alone, Anexo B's "Prestações de serviços" unread, gave sujeito passivo A a part
    of 0 and B 100%)."""
    annexes = parsed.fields.get("annexes") or []
    return any(
        all(parsed.fields.get(name) is None for name in categories)
        for letter, categories in ANNEX_CATEGORIES_OF_INCOME.items()
        if letter in annexes
    )


def row_owner(key: str | frozenset[str] | None, *, taxpayer: str | None, spouse: str | None) -> str | None:
    """ "A" or "B" for a row marked so, or printing one taxpayer's NIF (and not the other's); else None."""
    if isinstance(key, str):
        return key
    if not key:
        return None
    if taxpayer in key and spouse not in key:
        return "A"
    if spouse in key and taxpayer not in key:
        return "B"
    return None
