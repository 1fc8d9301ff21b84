"""Machine-readable zones (ICAO 9303): find them among read lines, repair OCR by position, verify every check digit.

TD1 (ID cards, residence permits: 3 lines of 30), TD2 (older ID cards: 2
lines of 36) and TD3 (passports: 2 lines of 44). A field is only trusted when
its own check digit holds; the MRZ as a whole is only valid when the
composite check digit holds too.

Repairs never search for a value that makes a check digit pass: a letter
read where the format allows only digits becomes the digit it looks like
(O -> 0, I -> 1, ...), a digit where only letters are allowed becomes the
letter, and nothing else changes. A misprinted or tampered digit therefore
stays wrong and its check digit fails. Check digits only choose among
readings (two OCR passes, where a dropped or doubled filler ``<`` goes, which
character a line one too long loses, only one OCR can have added: a filler, a
glyph doubled, a speck among fillers; which half of a glyph OCR split in
two, "0O" for "O", is dropped; and whether a document number's "O", "Q" or "I"
is the digit it looks like: those last two readings only when every check
digit then holds).

Written here rather than taken from a library: see docs/adr/010-mrz-own-parser.md
(the libraries checked reject the Portuguese Cartao de Cidadao's MRZ, whose
12-character document number uses ICAO's long-number rule).
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from applicants.identifiers import cc_number_holds

FILLER = "<"
TD1_WIDTH, TD2_WIDTH, TD3_WIDTH = 30, 36, 44
WEIGHTS = (7, 3, 1)

# What each position may hold: a = letter or filler, n = digit, x = letter, digit or filler,
# k = check digit (a digit, or the filler of a long document number), s = sex, f = digit or filler.
TD1_SHAPE = (
    "a" * 5 + "x" * 9 + "k" + "x" * 15,
    "n" * 7 + "s" + "n" * 7 + "a" * 3 + "x" * 11 + "n",
    "a" * 30,
)
TD2_SHAPE = (
    "a" * 36,
    "x" * 9 + "k" + "a" * 3 + "n" * 7 + "s" + "n" * 7 + "x" * 7 + "n",
)
TD3_SHAPE = (
    "a" * 44,
    "x" * 9 + "n" + "a" * 3 + "n" * 7 + "s" + "n" * 7 + "x" * 14 + "f" + "n",
)
AS_DIGIT = str.maketrans({"O": "0", "Q": "0", "D": "0", "U": "0", "I": "1", "L": "1", "Z": "2", "S": "5",
                          "B": "8", "G": "6", "A": "4", "T": "7"})  # fmt: skip
AS_LETTER = str.maketrans({"0": "O", "1": "I", "2": "Z", "5": "S", "8": "B", "6": "G", "4": "A", "7": "T"})
# Filler look-alikes in any OCR output; "K" is a letter too, so it is only read as filler inside runs of "<".
FILLER_LOOKALIKES = str.maketrans({"«": "<<", "‹": "<", "≪": "<<", "〈": "<", "(": "<", "{": "<", "[": "<"})
MRZ_CHARS = re.compile(r"^[A-Z0-9<]+$")
# ISO 3166-1 alpha-3 and the codes ICAO 9303 Part 3 adds (D for Germany, British nationals, UN, stateless...).
_COUNTRY_CODE_TEXT = """
    AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BMU BTN BOL
    BES BIH BWA BVT BRA IOT BRN BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL CHN CXR CCK COL COM COG COD COK CRI
    CIV HRV CUB CUW CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FLK FRO FJI FIN FRA GUF PYF ATF GAB
    GMB GEO DEU GHA GIB GRC GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD VAT HND HKG HUN ISL IND IDN IRN IRQ IRL
    IMN ISR ITA JAM JPN JEY JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MAC MDG MWI MYS
    MDV MLI MLT MHL MTQ MRT MUS MYT MEX FSM MDA MCO MNG MNE MSR MAR MOZ MMR NAM NRU NPL NLD NCL NZL NIC NER NGA
    NIU NFK MKD MNP NOR OMN PAK PLW PSE PAN PNG PRY PER PHL PCN POL PRT PRI QAT REU ROU RUS RWA BLM SHN KNA LCA
    MAF SPM VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SXM SVK SVN SLB SOM ZAF SGS SSD ESP LKA SDN SUR SJM SWE CHE
    SYR TWN TJK TZA THA TLS TGO TKL TON TTO TUN TUR TKM TCA TUV UGA UKR ARE GBR USA UMI URY UZB VUT VEN VNM VGB
    VIR WLF ESH YEM ZMB ZWE D GBD GBN GBO GBP GBS RKS EUE UNA UNK UNO XOM XPO XXA XXB XXC XXX
"""
COUNTRY_CODES = frozenset(_COUNTRY_CODE_TEXT.split())
# Letters OCR takes for one another in capitals (no check digit covers a nationality).
LETTER_LOOKALIKES = {"I": "L1T", "L": "I", "O": "D0Q", "D": "O", "Q": "O", "V": "YU", "Y": "V", "U": "V",
                     "B": "E8", "E": "BF", "F": "E", "C": "G", "G": "C6", "M": "N", "N": "M", "K": "X", "X": "K"}  # fmt: skip


def char_value(char: str) -> int:
    if char == FILLER:
        return 0
    if char.isdigit():
        return int(char)
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    raise ValueError(f"not an MRZ character: {char!r}")


def check_digit(data: str) -> str:
    """ICAO 9303 Part 3: weights 7, 3, 1 repeating, sum mod 10."""
    return str(sum(char_value(char) * WEIGHTS[index % 3] for index, char in enumerate(data)) % 10)


def check_holds(data: str, digit: str) -> bool:
    try:
        return digit.isdigit() and check_digit(data) == digit
    except ValueError:
        return False


def number_check_holds(number: str, digit: str) -> bool:
    """A document number's check digit holds over a number that opens with a character: ICAO 9303 pads a number with
    fillers on its right only, so one opening with a filler is a reading that lost its first glyph
    (``with_first_glyph_lost``), and a check digit that holds over it holds by chance. Blind probe r80d: a 150 dpi
    scan's "C01X00T47" read "C01X00747" and, in one pass, a character short; the short line opened with a filler
    held its number's and the composite check digit by chance, and outranked the reading whose dates held."""
    return not number.startswith(FILLER) and check_holds(number, digit)


def date_check_holds(value: str, digit: str) -> bool:
    """A date field's check digit holds over a date some document can print: a month past 12 or a day past 31 is a
    reading, not a date, whatever its check digit says (a look-alike read into "768522" held birth and composite
    digits alike on a corrupted card). Months and days of 00 stay: some states print an unknown day or month so."""
    if not check_holds(value, digit):
        return False
    if not value.isdigit():
        return True
    return int(value[2:4]) <= 12 and int(value[4:6]) <= 31


@dataclass(frozen=True)
class MrzRead:
    """The fields of one MRZ and which check digits hold. Values whose own check fails are still given here;
    the caller decides (``trusted``) what it may use."""

    format: Literal["TD1", "TD2", "TD3"]
    lines: tuple[str, ...]
    document_code: str
    issuing_state: str
    document_number: str
    nationality: str
    date_of_birth: dt.date | None
    expiry_date: dt.date | None
    sex: str | None
    surname: str
    given_names: str
    optional_data: str
    checks: dict[str, bool] = field(default_factory=dict)
    # A Cartão de Cidadão's MRZ whose ICAO check digit over the number holds but whose number fails the card's own
    # check character: an impossible card number, not a misread MRZ (blind probe r79a).
    card_number_impossible: bool = field(default=False, compare=False)
    # The composite check digit was not read but put back as "0" (``with_lost_final_zero``).
    composite_put_back: bool = field(default=False, compare=False)
    # The equally good readings of this MRZ that disagreed on a checked field (``unambiguous``), this one first.
    tied: tuple[MrzRead, ...] = field(default=(), compare=False, repr=False)

    @property
    def valid(self) -> bool:
        return bool(self.checks) and all(self.checks.values())

    @property
    def checks_passed(self) -> int:
        return sum(self.checks.values())

    def checked(self, name: str) -> bool:
        """Whether a field's value is vouched for by check digits.

        The document number and dates have their own check digit; the other fields (names, sex,
        nationality) have none, so they count only when every check holds.
        """
        if name in {"document_number", "date_of_birth", "expiry_date"}:
            return self.checks.get(name, False)
        return self.valid


def country_code(value: str) -> str | None:
    """A known country code as read, or the one known code a single look-alike letter away; else None."""
    value = value.replace(FILLER, "")
    if value in COUNTRY_CODES:
        return value
    near = {
        value[:index] + other + value[index + 1 :]
        for index, char in enumerate(value)
        for other in LETTER_LOOKALIKES.get(char, "") + char.translate(AS_LETTER)
    } & COUNTRY_CODES
    return near.pop() if len(near) == 1 else None


# ICAO 9303 Part 3's transliteration of the Latin letters an MRZ cannot hold: a letter with a diacritic loses it
# (Ç -> C), and these become the letters given, one of two forms for the first five (Ä -> AE or A, as the
# issuing state chooses).
MRZ_DIGRAPHS = {"Ä": "AE", "Ö": "OE", "Ü": "UE", "Å": "AA", "Ø": "OE", "Æ": "AE", "Œ": "OE", "ß": "SS",
                "Þ": "TH", "Ĳ": "IJ", "Ð": "D", "Đ": "D", "Ł": "L", "Ħ": "H", "Ŀ": "L", "Ŧ": "T", "ı": "I"}  # fmt: skip
MRZ_SINGLE_LETTERS = {"Ä": "A", "Ö": "O", "Ü": "U", "Å": "A", "Ø": "O"}

# The one letter each of those pairs writes in a state's own alphabet, where the state has a single one for it: a
# Norwegian or Danish "OE" is Ø, a Swede's or a German's Ö. A printed name with one letter where the MRZ has the
# pair is that letter, whatever OCR made of it (blind probe C32: a Norwegian passport's "ØDEGÅRD" read "GDEGÂRD"
# over the MRZ's OEDEGAARD). Elsewhere the pair may be two letters of the name ("JOE", "MANUEL").
_NORWEGIAN_DANISH = {"OE": "Ø", "AA": "Å", "AE": "Æ"}
_SWEDISH_FINNISH = {"OE": "Ö", "AE": "Ä", "AA": "Å"}
_GERMAN = {"AE": "Ä", "OE": "Ö", "UE": "Ü", "SS": "ß"}
STATE_LETTERS: dict[str, dict[str, str]] = {
    "NOR": _NORWEGIAN_DANISH, "DNK": _NORWEGIAN_DANISH, "SWE": _SWEDISH_FINNISH, "FIN": _SWEDISH_FINNISH,
    "D": _GERMAN, "DEU": _GERMAN, "AUT": _GERMAN, "CHE": _GERMAN, "LIE": _GERMAN,
    "ISL": {"AE": "Æ", "OE": "Ö", "TH": "Þ"}, "EST": {"AE": "Ä", "OE": "Ö", "UE": "Ü"},
}  # fmt: skip


def state_letters(mrz: MrzRead) -> dict[str, str]:
    """The issuing state's letters for the pairs ICAO 9303 writes them as (``STATE_LETTERS``), else its holder's."""
    return STATE_LETTERS.get(mrz.issuing_state) or STATE_LETTERS.get(mrz.nationality) or {}


def mrz_name_forms(name: str) -> set[str]:
    """How ICAO 9303 writes a printed name in an MRZ, the fillers left out: apostrophes and other punctuation
    dropped ("O'CONNOR" -> "OCONNOR"), hyphens and spaces as fillers ("CONNOR-WHITE" -> "CONNOR<WHITE"),
    diacritics dropped or, for the letters above, transliterated (both forms: "MÜLLER" -> "MUELLER", "MULLER")."""
    upper = name.upper()
    forms = set()
    for table in (MRZ_DIGRAPHS, {**MRZ_DIGRAPHS, **MRZ_SINGLE_LETTERS}):
        letters = "".join(table.get(char, char) for char in upper)
        decomposed = unicodedata.normalize("NFKD", letters)
        forms.add(re.sub(r"[^A-Z]", "", "".join(char for char in decomposed if not unicodedata.combining(char))))
    return forms


def same_under_check(left: str, right: str) -> bool:
    """Two readings a check digit cannot tell apart: same length, and every difference a letter whose
    value is the digit's plus 10 (G=16 and 6 weigh the same mod 10), so both pass the same check."""
    if len(left) != len(right) or left == right:
        return left == right
    return all(
        a == b or (a.isdigit() != b.isdigit() and (char_value(a) - char_value(b)) % 10 == 0)
        for a, b in zip(left, right, strict=True)
    )


def clean_line(text: str) -> str:
    """Uppercase, fillers normalized, spaces and stray punctuation dropped, and a names line without the lone
    glyphs OCR read off the card's edge beside it."""
    text = fillers_read_in_lower_case(text).upper().translate(FILLER_LOOKALIKES)
    text = without_other_column(re.sub(r"[^A-Z0-9< ]", "", text).strip())
    return without_edge_glyphs(text).replace(" ", "")


def fillers_read_in_lower_case(text: str) -> str:
    """An MRZ line whose fillers OCR read as lower-case letters, with each of those letters a filler again.

    OCR-B prints capitals only, and a filler is a glyph smaller than them, which OCR may read as a small letter
    ("P<ESPFERNANDEZ<GARCIAc<LUCIAc<<<e<<cc<<<<c<<": blind probe r41a, a passport's surname read "GARCIAC LUCIAC"
    and flagged against the printed one). Where such a letter stands among the fillers after a run of three, where
    the line holds nothing else, the line's OCR read fillers so: the same letters in lower case elsewhere on the
    line are fillers too. A capital OCR read in lower case ("MARc<<<<") with only fillers after it is left as read."""
    _, run, tail = text.partition(FILLER * 3)
    seen = set(re.findall(r"(?<=<)[a-z]|[a-z](?=<)", run + tail))
    return "".join(FILLER if char in seen else char for char in text) if seen else text


def without_other_column(text: str) -> str:
    """An MRZ line without what OCR read beside it on the same row, a gap apart: a card's front photographed or
    scanned beside its back puts the front's last row ("18 09 2030") before the back's MRZ. Only a line whose last
    word is a whole MRZ line, width and fillers, after words with no filler: an MRZ line OCR split has fillers or
    a lone glyph before its gap (what ``without_edge_glyphs`` judges)."""
    before, _, last = text.rpartition(" ")
    whole_line = len(last) in (TD1_WIDTH, TD2_WIDTH, TD3_WIDTH) and last.count(FILLER) >= 2
    return last if whole_line and len(before.strip()) >= 2 and FILLER not in before else text


# A single character set apart by a gap at either end of a line: an MRZ is printed without gaps, so the gap is the
# margin between the zone and the card's edge or a frame line, which OCR read as a glyph ("4 MUELLER<<KATHARINA<<<").
LEADING_GLYPH = re.compile(r"^\S\s+(?=[A-Z])")
# After the closing fillers, or after the last letter of a name that fills its line ("GUIMARAES<<B e": the card's
# edge beside a name ICAO cut short); up to three, each a gap apart ("MADALINA<<<<<<<<<<<<< E E": a passport
# page's guilloche border beside its MRZ, doc probe 30).
TRAILING_GLYPH = re.compile(r"(?<=[A-Z<])(?:\s+\S){1,3}$")


def without_edge_glyphs(text: str) -> str:
    """A names line (letters and fillers, no digit: no check digit covers it) without a lone glyph at its start
    before the name's first letter, nor one after its closing fillers or its last letter, when the glyphs make it
    longer than an MRZ line and it fits one without them. A line with digits keeps them: its check digits judge
    every reading, and dropping a data line's first character would move every field. A line of an MRZ's width
    keeps them too: there the "glyph" is the name's first letter OCR set apart ("S ILVA<<MARIA")."""
    rest = TRAILING_GLYPH.sub("", LEADING_GLYPH.sub("", text))
    compact, whole = rest.replace(" ", ""), text.replace(" ", "")
    if rest == text or re.search(r"\d", compact) or FILLER * 2 not in compact:
        return text
    fits_without = any(len(compact) <= width < len(whole) for width in (TD1_WIDTH, TD2_WIDTH, TD3_WIDTH))
    return rest if fits_without else text


def repair(line: str, shape: str) -> str:
    """Letters where only digits fit become digits and the reverse; every other character is kept."""
    out = []
    for char, kind in zip(line, shape, strict=False):
        if (kind in "nk" and not char.isdigit() and not (kind == "k" and char == FILLER)) or (
            kind == "f" and not char.isdigit() and char != FILLER
        ):
            char = char.translate(AS_DIGIT)
        elif kind == "a" and char.isdigit():
            char = char.translate(AS_LETTER)
        elif kind == "s" and char not in "MFX<":
            char = {"H": "M", "N": "M", "E": "F", "P": "F"}.get(char, char)
        out.append(char)
    return "".join(out)


# One glyph OCR split in two, a digit and the letter it looks like side by side ("O" read as "0O", "1" as
# "1I"). Only these mixed pairs: "11" or "00" are ordinary data.
DOUBLED_GLYPHS = frozenset({"0O", "O0", "0Q", "Q0", "1I", "I1", "1L", "L1"})


def doubled_glyphs(line: str) -> list[int]:
    """Positions of the first character of each doubled-glyph pair."""
    return [index for index in range(len(line) - 1) if line[index : index + 2] in DOUBLED_GLYPHS]


def fit_width(line: str, width: int, *, undouble: int = 2) -> list[str]:
    """Readings of ``line`` at exactly ``width`` characters: OCR drops or doubles fillers inside runs of ``<``,
    and now and then inserts a character.

    Candidates add or remove fillers in each run of at least two; a line one character too long also
    loses, in turn, each character OCR can have added (``stray_character``). A line with no
    run of fillers is padded or cut at its end. A glyph read twice over ("O" as "0O", "1" as "1I"), up to
    ``undouble`` of them, may also lose either half, the width then made up with fillers: a faded filler
    can hide the extra character.
    """
    readings = fit_fillers(line, width)
    if undouble > 0:
        for index in doubled_glyphs(line):
            for drop in (index, index + 1):
                readings += fit_width(line[:drop] + line[drop + 1 :], width, undouble=undouble - 1)
    return list(dict.fromkeys(readings))


# A passport's data line read with the fillers of its empty personal number faded: its first 28 characters (number,
# nationality, dates, sex) whole, then fillers and the composite check digit (or a letter read for it).
TD3_DATA_LINE_FADED = re.compile(r"^[0-9A-Z<]{28}<{3,}[0-9A-Z]$")


def fit_fillers(line: str, width: int) -> list[str]:
    if len(line) == width:
        return [line]
    delta = width - len(line)
    # Trailing fillers fade on a scan and OCR drops many; anything else is off by a few at most. A passport's data
    # line ends in its composite check digit after the empty personal number's fillers, which fade as much
    # (blind probe r45a: "...2906106<<<<<2", ten of them lost, and the line fit only as a TD2's, which cut the
    # names line at 36 characters).
    faded_data_line = width == TD3_WIDTH and TD3_DATA_LINE_FADED.match(line)
    if delta < -6 or (delta > 6 and not line.endswith(FILLER) and not faded_data_line):
        return []
    readings = []
    # The last run first: names and optional data end in fillers, and the first reading wins a tie.
    for run in reversed(list(re.finditer(r"<{2,}", line))):
        if delta > 0 or run.end() - run.start() + delta >= 1:
            cut = run.end()
            adjusted = line[:cut] + FILLER * delta if delta > 0 else line[: cut + delta]
            readings.append(adjusted + line[cut:])
    if delta == -1:
        readings += [line[:index] + line[index + 1 :] for index in range(len(line)) if stray_character(line, index)]
    if not readings:
        readings.append(line + FILLER * delta if delta > 0 else line[:width])
    return list(dict.fromkeys(readings))


def stray_character(line: str, index: int) -> bool:
    """Whether OCR can have added ``line[index]``: a filler in a run, one glyph of a pair read twice ("77" for "7"),
    a letter beside a filler (a speck among fillers; no check digit is a letter), or a digit between two of
    the same letter, read off the strokes where they touch (a Cartão de Cidadão's version "ZZ" as "Z7Z").

    Any other character is data: dropping it would also drop a wrong check digit or shift the right one
    into its place, and with enough such readings one holds every check by chance (a corrupted MRZ
    then came out valid).
    """
    # The document's code and issuing state open the first line ("I<PRT", "P<UTO"): dropping one of them moves
    # every field after it.
    if index < 5:
        return False
    char = line[index]
    neighbours = line[max(0, index - 1) : index] + line[index + 1 : index + 2]
    between_twins = len(neighbours) == 2 and neighbours[0] == neighbours[1] and neighbours[0].isalpha()
    return (
        # A filler OCR added sits in a run of them: a lone one between data is the layout's ("I<PRT", a long
        # number's "<" before its end), and dropping it shifts every field after it.
        (char == FILLER and FILLER in neighbours)
        or (char != FILLER and char in neighbours)
        or (char.isalpha() and FILLER in neighbours)
        or (char.isdigit() and between_twins)
    )


def parse_date(value: str, *, kind: Literal["birth", "expiry"], today: dt.date) -> dt.date | None:
    if not re.fullmatch(r"\d{6}", value):
        return None
    year, month, day = int(value[:2]), int(value[2:4]), int(value[4:])
    if kind == "birth":
        # A birth date is never in the future: the century is the latest that keeps it in the past.
        year += 2000 if 2000 + year <= today.year else 1900
    else:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def names_from(field_text: str) -> tuple[str, str]:
    # Three fillers in a row end the name: whatever OCR reads after them is filler.
    field_text = field_text.split("<<<", 1)[0]
    surname, _, given = field_text.partition("<<")
    return surname.replace(FILLER, " ").strip(), given.replace(FILLER, " ").strip()


def with_document_code(first: str, format_name: Literal["TD1", "TD2", "TD3"]) -> str:
    """The first line with its document code's letter read back where OCR misread it: no format allows another
    letter or a filler there, and no check digit covers it. An "I" loses a serif ("T<LTU", "L<PRT"), or a glare
    or the card's edge turns it into a bracket that cleans up as a filler ("[<PRT" -> "<<PRT"); a "C" reads "G"."""
    codes = DOCUMENT_CODES[format_name]
    if not first or first[0] in codes:
        return first
    if first[0] == FILLER:
        # An empty code: only a card's "I" is a glyph thin enough to vanish or read as a bracket.
        return "I" + first[1:] if "I" in codes else first
    meant = [code for code in codes if first[0] in LETTER_LOOKALIKES.get(code, "")]
    return meant[0] + first[1:] if len(meant) == 1 else first


def state_and_names(first: str, width: int) -> tuple[str, str]:
    """The name line's issuing state and name field. A two-letter document code written with a filler after it
    ("PO<CHN", a type ICAO 9303 writes "POCHN") moves both one character on: the state is then where the state
    reads, and the names after it, rather than a non-state and a name starting with the state's last letter."""
    state, start = first[2:5], 5
    if first[2:3] == FILLER and country_code(state) is None and len(first[3:6].strip(FILLER)) == 3:
        shifted = first[3:6]
        if country_code(shifted) is not None:
            state, start = shifted, 6
    return state.replace(FILLER, ""), first[start:width]


def names_line_realigned(reading: MrzRead, *, today: dt.date | None = None) -> list[MrzRead]:
    """Readings of a passport's or TD2 card's names line with its issuing state put back on the holder's nationality
    where OCR's misread of the line's first characters moved it: a letter of the state lost ("P<COGOMEZ" for
    "P<COLGOMEZ", blind probe r67a: the "L" read as a bar), or the code and its filler read as one character or
    three ("PCOL", "PE<COL"). The state read is then another state's (COG) or none, and the name starts a letter
    late or early. No check digit covers the line: these are only candidates, for a printed name to confirm."""
    if reading.format == "TD1" or country_code(reading.nationality) is None:
        return []
    nationality, first = reading.nationality, reading.lines[0]
    if reading.issuing_state == nationality:
        return []
    width = len(first)
    starts = [start + 3 for start in (1, 3) if first[start : start + 3] == nationality]
    if first[2:4] == nationality[:2] or first[2:4] == nationality[1:]:
        # One letter of the state lost: the name starts right after the two read.
        starts.append(4)
    parse = {"TD2": parse_td2, "TD3": parse_td3}[reading.format]
    realigned = []
    for start in starts:
        code = first[:2] if start == 4 else first[0] + FILLER
        line = (code + nationality + first[start:]).ljust(width, FILLER)[:width]
        realigned.append(parse([line, *reading.lines[1:]], today=today or dt.date.today()))
    return realigned


def cc_number_shaped(number: str) -> bool:
    """A number as a Cartão de Cidadão's opens: its civil number's 8 digits and their check digit."""
    return number[:9].isdigit()


def parse_td1(lines: Sequence[str], *, today: dt.date) -> MrzRead:
    first, second, third = (repair(line, shape) for line, shape in zip(lines, TD1_SHAPE, strict=True))
    first = with_document_code(first, "TD1")
    number, number_check, optional = long_number(first[5:14], first[14], first[15:30])
    # What ICAO's check digit covers: the number field, or all of a long number.
    checked_number = number
    if first[:5] == "I<PRT":
        number, optional = cc_number_after_its_check_digit(number, number_check, optional)
    # A Cartão de Cidadão's 12-character number carries a check character of its own ("16283940 5 ZZ0"): a
    # reading that moved or changed a character of it fails that too, not only the MRZ's check digits.
    # Not of a number no card has: a Portuguese residence permit's MRZ may open "I<PRT" too, with a number of 9 letters
    # and digits and no such character (blind probe r81c: genuine permits flagged as altered); a card's opens with 9
    # digits (the civil number and its check digit).
    own_check = first[:5] != "I<PRT" or not cc_number_shaped(number) or cc_number_holds(number)
    icao_number_check = number_check_holds(checked_number, number_check)
    birth, expiry = second[0:6], second[8:14]
    composite_data = first[5:30] + second[0:7] + second[8:15] + second[18:29]
    surname, given = names_from(third)
    return MrzRead(
        format="TD1",
        lines=(first, second, third),
        document_code=first[0:2].rstrip(FILLER),
        issuing_state=first[2:5].replace(FILLER, ""),
        document_number=number,
        nationality=second[15:18].replace(FILLER, ""),
        date_of_birth=parse_date(birth, kind="birth", today=today),
        expiry_date=parse_date(expiry, kind="expiry", today=today),
        sex=second[7] if second[7] in "MFX" else None,
        surname=surname,
        given_names=given,
        optional_data=(optional + second[18:29]).strip(FILLER),
        checks={
            "document_number": icao_number_check and own_check,
            "date_of_birth": date_check_holds(birth, second[6]),
            "expiry_date": date_check_holds(expiry, second[14]),
            # The composite covers the number: over a glyph lost it holds by chance too (``number_check_holds``).
            "composite": check_holds(composite_data, second[29]) and not checked_number.startswith(FILLER),
        },
        card_number_impossible=icao_number_check and not own_check,
    )


def long_number(number: str, number_check: str, optional: str) -> tuple[str, str, str]:
    """The document number, its check digit and the optional data left after it.

    ICAO 9303 Parts 5 and 6, note j: a number longer than 9 characters has a filler where its check
    digit would be and continues in the optional data, followed by its check digit (the Cartao de
    Cidadao's 12 characters: 8 digits, check, 2 letters, check).
    """
    if number_check == FILLER and optional.strip(FILLER):
        extension = optional.split(FILLER, 1)[0]
        number, number_check = number + extension[:-1], extension[-1:]
        optional = optional[len(extension) :]
    return number.rstrip(FILLER), number_check, optional


# A Cartão de Cidadão's version (two letters) and check character, opening the optional data.
CC_NUMBER_END = re.compile(r"[A-Z]{2}\d")


def cc_number_after_its_check_digit(number: str, number_check: str, optional: str) -> tuple[str, str]:
    """A Cartão de Cidadão's number and optional data where its MRZ writes the number's first 9 characters with
    their check digit, the version and check character after it ("I<PRT1628394057ZZ0<<<"): the number is then all
    12 and the optional data what follows; any other layout (ICAO's long-number rule, already joined by
    ``long_number``) is left as it is.

    Both layouts are checked whole: ICAO's check digit over the 9 characters, the card's own check character over
    the 12 (``cc_number_holds``) and the composite over the line. The version must be letters: a digit read there
    ("Z2Z0") is no number of this card until the look-alike letter is read in its place (``cc_version_readings``)
    and every check digit then holds (blind probe r73d: 9 of 12 such cards flagged as tampered).
    """
    if len(number) != 9 or not number_check.isdigit() or not CC_NUMBER_END.match(optional):
        return number, optional
    return number + optional[:3], optional[3:]


def parse_td2(lines: Sequence[str], *, today: dt.date) -> MrzRead:
    first, second = (repair(line, shape) for line, shape in zip(lines, TD2_SHAPE, strict=True))
    first = with_document_code(first, "TD2")
    number, number_check, optional = long_number(second[0:9], second[9], second[28:35])
    birth, expiry = second[13:19], second[21:27]
    issuing_state, name_field = state_and_names(first, 36)
    surname, given = names_from(name_field)
    return MrzRead(
        format="TD2",
        lines=(first, second),
        document_code=first[0:2].rstrip(FILLER),
        issuing_state=issuing_state,
        document_number=number,
        nationality=second[10:13].replace(FILLER, ""),
        date_of_birth=parse_date(birth, kind="birth", today=today),
        expiry_date=parse_date(expiry, kind="expiry", today=today),
        sex=second[20] if second[20] in "MFX" else None,
        surname=surname,
        given_names=given,
        optional_data=optional.strip(FILLER),
        checks={
            "document_number": number_check_holds(number, number_check),
            "date_of_birth": date_check_holds(birth, second[19]),
            "expiry_date": date_check_holds(expiry, second[27]),
            "composite": check_holds(second[0:10] + second[13:20] + second[21:35], second[35])
            and not number.startswith(FILLER),
        },
    )


def parse_td3(lines: Sequence[str], *, today: dt.date) -> MrzRead:
    first, second = (repair(line, shape) for line, shape in zip(lines, TD3_SHAPE, strict=True))
    number, birth, expiry, personal = second[0:9], second[13:19], second[21:27], second[28:42]
    personal_check = second[42]
    issuing_state, name_field = state_and_names(first, 44)
    surname, given = names_from(name_field)
    checks = {
        "document_number": number_check_holds(number, second[9]),
        "date_of_birth": date_check_holds(birth, second[19]),
        "expiry_date": date_check_holds(expiry, second[27]),
        # An empty personal number may carry "<" or "0" as its check digit.
        "personal_number": (
            personal_check in {FILLER, "0"} if not personal.strip(FILLER) else check_holds(personal, personal_check)
        ),
        "composite": check_holds(second[0:10] + second[13:20] + second[21:43], second[43])
        and not number.startswith(FILLER),
    }
    if not personal.strip(FILLER) and checks["personal_number"]:
        # An empty personal number holding proves nothing: counted, it made a TD2 padded with fillers (which
        # then reads as a TD3 with every check holding) outrank the TD2 itself.
        del checks["personal_number"]
    return MrzRead(
        format="TD3",
        lines=(first, second),
        document_code=first[0:2].rstrip(FILLER),
        issuing_state=issuing_state,
        document_number=number.rstrip(FILLER),
        nationality=second[10:13].replace(FILLER, ""),
        date_of_birth=parse_date(birth, kind="birth", today=today),
        expiry_date=parse_date(expiry, kind="expiry", today=today),
        sex=second[20] if second[20] in "MFX" else None,
        surname=surname,
        given_names=given,
        optional_data=personal.strip(FILLER),
        checks=checks,
    )


def looks_like_mrz(line: str) -> bool:
    """A cleaned line that could be part of an MRZ: long, only MRZ characters, with fillers."""
    return len(line) >= 24 and line.count(FILLER) >= 2 and bool(MRZ_CHARS.match(line))


# The fields of an MRZ line that a check digit closes, by the line's width and whether it is the document code's line
# (TD1's and TD2's first) or a data line: (start, end) of the field, its check digit at ``end``.
CODE_LINE_CHECKED = {TD1_WIDTH: ((5, 14),), TD2_WIDTH: ()}
DATA_LINE_CHECKED = {TD1_WIDTH: ((0, 6), (8, 14)), TD2_WIDTH: ((0, 9), (13, 19), (21, 27))}
DATA_LINE_CHECKED[TD3_WIDTH] = DATA_LINE_CHECKED[TD2_WIDTH]
# A data line read sharp holds this many of its check digits: one holds by chance on one reading in ten.
DATA_LINE_CHECKS_HOLDING = 2


def mrz_line_read_sharp(line: str) -> bool:
    """Whether a cleaned line is one line of an MRZ read character for character: its width exactly an MRZ's, and the
    check digits over its fields holding (a card's first line, its state's code and its number's digit; a data line,
    two of its digits). Such a line was no blur: an MRZ of which only such lines were read was cut off or covered, not
    photographed too poorly to read (blind probe r80d, cause 4: a sharp card's back with its lower lines out of the
    frame, told the image was blurred)."""
    width = len(line)
    if not MRZ_CHARS.match(line) or width not in (TD1_WIDTH, TD2_WIDTH, TD3_WIDTH):
        return False
    if width in CODE_LINE_CHECKED and line[0] in "ACI" and line[2:5].strip(FILLER) in COUNTRY_CODES:
        return any(
            line[start:end].strip(FILLER) and check_holds(line[start:end], line[end])
            for start, end in CODE_LINE_CHECKED[width]
        )
    holding = sum(
        bool(line[start:end].strip(FILLER)) and check_holds(line[start:end], line[end])
        for start, end in DATA_LINE_CHECKED[width]
    )
    return holding >= DATA_LINE_CHECKS_HOLDING


def mrz_candidates(texts: Iterable[str]) -> list[list[str]]:
    """Runs of consecutive MRZ-looking lines, cleaned.

    A short line (a name line whose trailing fillers faded) belongs to a run only next to a full one.
    """
    runs: list[list[str]] = []
    current: list[str] = []
    lines = list(texts)
    for index, text in enumerate(lines):
        cleaned = clean_line(text)
        # A line read with its fillers as "K" still has the MRZ's digits and shape; allow runs of K.
        if not looks_like_mrz(cleaned) and re.search(r"K{3,}", cleaned):
            cleaned = re.sub(r"K{3,}", lambda m: FILLER * len(m.group(0)), cleaned)
        if looks_like_mrz(cleaned) or (len(cleaned) >= 8 and FILLER in cleaned and MRZ_CHARS.match(cleaned)):
            current.append(cleaned)
            continue
        if full_data_line(cleaned) and (current or next_is_mrz(lines, index)):
            # A data line with every position used (a Belgian card's national number fills the optional
            # data) has no filler at all: it belongs to the MRZ beside it.
            current.append(cleaned)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return [run for run in runs if any(looks_like_mrz(line) for line in run)]


def full_data_line(cleaned: str) -> bool:
    """Only MRZ characters, digits among them, about as long as a data line (30, 36 or 44)."""
    near_width = any(abs(len(cleaned) - width) <= 2 for width in (TD1_WIDTH, TD2_WIDTH, TD3_WIDTH))
    return near_width and bool(MRZ_CHARS.match(cleaned)) and sum(char.isdigit() for char in cleaned) >= 12


def next_is_mrz(texts: list[str], index: int) -> bool:
    return index + 1 < len(texts) and looks_like_mrz(clean_line(texts[index + 1]))


def readings(run: list[str], *, today: dt.date) -> list[MrzRead]:
    """Every TD1/TD2/TD3 parse of a run of lines, over the width fits of each line."""
    found: list[MrzRead] = []
    formats = ((TD1_WIDTH, 3, parse_td1), (TD2_WIDTH, 2, parse_td2), (TD3_WIDTH, 2, parse_td3))
    for width, count, parse in formats:
        for start in range(0, len(run) - count + 1):
            group = run[start : start + count]
            if any(len(line) - width > 6 or width - len(line) > 16 for line in group):
                continue
            if width == TD2_WIDTH and abs(len(group[-1]) - TD2_WIDTH) > 3:
                # Between the other two widths: only a data line of about 36 characters (few fillers, so
                # few fade) makes a TD2, or a TD1 or TD3 read a few characters off is tried as one too.
                continue
            group = [
                names_undoubled(line, width) if row == NAMES_ROW[width] else line for row, line in enumerate(group)
            ]
            options = [fit_width(line, width, undouble=0) for line in group]
            options[DATA_LINE] = with_first_glyph_lost(options[DATA_LINE], group[DATA_LINE], width)
            if all(options):
                found += [parse(combination, today=today) for combination in combinations(options, limit=256)]
            # Readings that change what OCR read more than fitting its fillers (half of a doubled glyph dropped,
            # which moves every field after it; a "0" put back for a lost composite digit; a version's digits read
            # as the letters they look like) count only when every check digit then holds, never to vouch for
            # one field of a failed MRZ.
            repaired = [[fit_width(line, width) for line in group]]
            lost_zero = [with_lost_final_zero(fits, index) for index, fits in enumerate(options)]
            found += [
                replace(reading, composite_put_back=True)
                for reading in valid_readings(lost_zero, options, parse, today=today)
            ]
            number_row = NUMBER_ROW[width]
            repaired.append(
                [number_digit_readings(fits, width) if row == number_row else fits for row, fits in enumerate(options)]
            )
            if width == TD1_WIDTH and all(options):
                repaired.append([cc_version_readings(options[0]) or options[0], *options[1:]])
                repaired.append([optional_check_letter_readings(options[0]) or options[0], *options[1:]])
                repaired.append([cc_version_shape_readings(options[0]) or options[0], *options[1:]])
                opened = fit_width(td1_line_from_its_code(group[0]), width, undouble=0)
                repaired.append([[*opened, *cc_version_readings(opened)], *options[1:]])
            for variants in repaired:
                found += valid_readings(variants, options, parse, today=today)
    return found


# Up to three glyphs before a TD1's document code and issuing state ("DI<PRT", "DORI<PRT").
GLYPHS_BEFORE_TD1_CODE = re.compile(r"^[A-Z0-9]{1,3}(?=[IAC][A-Z<][A-Z]{3})")


def td1_line_from_its_code(line: str) -> str:
    """A TD1 first line without the glyphs OCR read before its document code and a known issuing state: the card's
    edge or the caption beside it ("DI<PRT3333894418276<<<", blind probe r73d; "DORI<PRT..." with fillers lost at
    its end, so no longer than its width). A line opens with its code, so these glyphs are no field; the caller
    keeps the reading only when every check digit then holds. Any other line is returned as it is."""
    glyphs = GLYPHS_BEFORE_TD1_CODE.match(line)
    if glyphs is None:
        return line
    rest = line[glyphs.end() :]
    return rest if rest[2:5] in COUNTRY_CODES else line


# The line of each format that holds the name: letters and fillers only.
NAMES_ROW = {TD1_WIDTH: 2, TD2_WIDTH: 0, TD3_WIDTH: 0}


def names_undoubled(line: str, width: int) -> str:
    """A names line longer than its width without the digit of each glyph OCR read twice ("J0OAO" for "JOAO").

    A names line holds no digit, and no check digit covers it to choose among readings: repaired as it came, the
    digit would become the letter it looks like beside that letter ("JOOAO"), and fitting the width would cost the
    line a filler instead. A line of its width keeps the digit: there it was read for a letter, not beside it.
    """
    for index in reversed(doubled_glyphs(line)):
        if len(line) <= width:
            break
        drop = index if line[index].isdigit() else index + 1
        line = line[:drop] + line[drop + 1 :]
    return line


def valid_readings(
    variants: list[list[str]], options: list[list[str]], parse: Callable[..., MrzRead], *, today: dt.date
) -> list[MrzRead]:
    """The valid parses of the combinations of ``variants`` that are not already among the plain ``options``."""
    if not all(variants) or variants == options:
        return []
    found = []
    for combination in combinations(variants, limit=256):
        if all(line in plain for line, plain in zip(combination, options, strict=True)):
            continue
        reading = parse(combination, today=today)
        if reading.valid:
            found.append(reading)
    return found


# The data line (the second in every format) ends in the composite check digit, never a filler.
DATA_LINE = 1

# Where the document number stands (row, first column): a TD1's first line after the document code and state, the
# data line's start in the other two.
NUMBER_ROW = {TD1_WIDTH: 0, TD2_WIDTH: 1, TD3_WIDTH: 1}
NUMBER_START = {TD1_WIDTH: 5, TD2_WIDTH: 0, TD3_WIDTH: 0}
# The letters OCR reads for a digit in a document number, and that digit: the glyphs an issuer leaves out of its
# numbers for that reason (the "0"/"O" and "1"/"I" of every typeface), so a number holding one was most likely
# misread. Not the other look-alikes ("S" for "5", "B" for "8"): numbers hold those letters, and a digit misread
# elsewhere in such a number would be "repaired" at one of them one time in ten. Not "L" either: it weighs its
# digit plus 20, so no check digit tells "L" from "1" (``same_under_check``).
NUMBER_DIGIT_LOOKALIKES = {"O": "0", "Q": "0", "I": "1"}


def number_digit_readings(fits: list[str], width: int) -> list[str]:
    """Readings of the line holding the document number with one letter of the number read as the digit it looks
    like ("AQ7731842" for "A07731842"); the caller keeps one only when every check digit then holds.

    A document number may mix letters and digits anywhere, so ``repair`` keeps the letters OCR read there and only
    the number's check digit can tell "AO..." from "A0...": blind probe r47a, a sharp Bangladeshi passport's
    "A0" read "AQ" (and a Nepali one's "PA0" read "PAO") failed its number's and the composite check digit, a false
    forgery sign. One letter at a time: the number opens the composite's data at the same weights, so a single
    change moves both checks alike and by a digit no look-alike pair above makes a multiple of 5. A genuine MRZ
    read right therefore never gains a second reading, and neither does one whose number's check digit alone, or
    its composite alone, was altered; two changes could cancel out and would.
    """
    start = NUMBER_START[width]
    variants = []
    for line in fits:
        for index in range(start, min(start + 9, len(line))):
            digit = NUMBER_DIGIT_LOOKALIKES.get(line[index])
            if digit is not None:
                variants.append(line[:index] + digit + line[index + 1 :])
    return [variant for variant in dict.fromkeys(variants) if variant not in fits]


def with_first_glyph_lost(fits: list[str], line: str, width: int) -> list[str]:
    """A data line's readings, plus one with a filler standing for a first glyph lost at the line's edge where OCR
    read the line one character short.

    A phone photo's perspective or the page's margin cuts the line's first glyph (blind probe r63a: a Brazilian
    passport's "FX730264<8BRA..." read "X730264<8BRA..."); fitting the width in a run of fillers then left every
    field one place early, and no check digit held. In its place, the fields after the lost glyph are where they
    belong and their own check digits vouch for them; the field the glyph opened, and the composite, still fail:
    nothing is guessed for it. Another fit holding more check digits still outranks this one.
    """
    if len(line) != width - 1:
        return fits
    return list(dict.fromkeys([*fits, FILLER + line]))


def with_lost_final_zero(fits: list[str], index: int) -> list[str]:
    """A data line's readings, plus a "0" in place of a composite check digit read as a filler after fillers.

    OCR loses a lone "0" at the end of a run of fillers ("...<<<<<<0" read as "...<<<<<<|" or as nothing
    at all), the line then padded with a filler. Only a "0" is put back: a corrupted digit that OCR dropped
    is not made up, and the composite still has to hold (with every other check digit: a "0" that made only
    the composite hold, by chance, would outrank the right reading of a corrupted MRZ).
    """
    if index != DATA_LINE:
        return fits
    lost = [fit[:-1] + "0" for fit in fits if fit.endswith(FILLER * 2)]
    return list(dict.fromkeys(fits + lost))


# A Cartão de Cidadão's version is two letters after its number's filler ("I<PRT162839405<ZZ04") or after the check
# digit of its first 9 characters ("I<PRT1628394057ZZ0"); OCR reads a "Z" of it as "7" or "2" ("Z704"). The letters
# each digit may stand for there.
VERSION_LETTERS = {"7": "ZT", "2": "Z", "0": "O", "1": "I", "5": "S", "8": "B", "6": "G", "4": "A"}


def cc_version_readings(lines: list[str]) -> list[str]:
    """Readings of a Cartão de Cidadão's first line with the digits of its version read as the letters they
    look like; the caller keeps one only when every check digit then holds."""
    variants = []
    for line in lines:
        if not (line.startswith("I<PRT") and len(line) == TD1_WIDTH and (line[14] == FILLER or line[14].isdigit())):
            continue
        version = line[15:17]
        choices = [char if char.isalpha() else VERSION_LETTERS.get(char, "") for char in version]
        variants += [line[:15] + first + second + line[17:] for first in choices[0] for second in choices[1]]
    return [variant for variant in dict.fromkeys(variants) if variant not in lines]


# The letters a card's national number ends with (Spain's "12345678Z") as OCR reads them in the MRZ's type.
DIGIT_AS_LETTER = {"2": "Z", "7": "Z", "5": "S", "8": "B", "0": "O", "1": "I", "6": "G", "4": "A"}
TD1_OPTIONAL_DATA = slice(15, 30)


def optional_check_letter_readings(fits: list[str]) -> list[str]:
    """A TD1 first line's readings with the last character of its optional data, a digit, read as the letter it
    looks like: a national number's check letter, which no check digit of its own covers (only the composite's,
    which a misread letter fails while every other check holds). Counted only where every check then holds."""
    found = []
    for line in fits:
        optional = line[TD1_OPTIONAL_DATA].rstrip(FILLER)
        if optional and optional[-1] in DIGIT_AS_LETTER:
            end = TD1_OPTIONAL_DATA.start + len(optional) - 1
            found.append(line[:end] + DIGIT_AS_LETTER[optional[-1]] + line[end + 1 :])
    return found


# A Cartão de Cidadão's first line after its number's filler: the version, two letters and a digit, then the check
# digit of the whole number ("I<PRT669074391<KA58<<<<<<<<<<<").
CC_OPTIONAL_DATA = re.compile(r"[A-Z]{2}\d\d")


def cc_version_shape_readings(lines: list[str]) -> list[str]:
    """Readings of a Cartão de Cidadão's first line whose version and check digit OCR read off their fixed shape:
    with one glyph too many ("KA5D8" for "KA58", a speck in the type's gap read as a letter), or with a digit read
    as the letter it looks like ("TIQ4" for "TI04"). The glyph that breaks the shape is dropped, and letters where
    the shape has digits become the digits they look like; the caller keeps one only when every check digit then
    holds.

    Only on this card's line, whose optional data has one shape: dropping a glyph elsewhere is what
    ``stray_character`` refuses, since enough such readings hold every check by chance.
    """
    variants = []
    for line in lines:
        if not (line.startswith("I<PRT") and len(line) == TD1_WIDTH and line[14] == FILLER):
            continue
        optional = line[TD1_OPTIONAL_DATA].rstrip(FILLER)
        if len(optional) not in (4, 5) or FILLER in optional:
            continue
        shorter = [optional] if len(optional) == 4 else [optional[:i] + optional[i + 1 :] for i in range(5)]
        for version in shorter:
            shaped = version[:2] + version[2:].translate(AS_DIGIT)
            if CC_OPTIONAL_DATA.fullmatch(shaped):
                variants.append(line[:15] + shaped.ljust(TD1_OPTIONAL_DATA.stop - 15, FILLER))
    return [variant for variant in dict.fromkeys(variants) if variant not in lines]


def combinations(options: list[list[str]], *, limit: int) -> list[list[str]]:
    result: list[list[str]] = [[]]
    for choices in options:
        result = [[*prefix, choice] for prefix in result for choice in choices][:limit]
    return result


def read_mrz(texts: Iterable[str], *, today: dt.date | None = None) -> MrzRead | None:
    """The best MRZ among the lines (most check digits holding), or None if no MRZ is there.

    When two equally good readings give a field different values, the check digits cannot tell which is
    right, and the field is not vouched for (``unambiguous``).
    """
    today = today or dt.date.today()
    best: list[MrzRead] = []
    runs = mrz_candidates(texts)
    # A glyph one reading split in two counts only when every check digit then holds (see split_glyph_runs).
    found = [reading for run in runs + mixed_runs(runs) for reading in readings(run, today=today)]
    found += [reading for run in split_glyph_runs(runs) for reading in readings(run, today=today) if reading.valid]
    found = [reading for reading in found if not composite_read_otherwise(reading, found)]
    for reading in found:
        if not best or rank(reading) > rank(best[0]):
            best = [reading]
        elif rank(reading) == rank(best[0]):
            best.append(reading)
    if best and best[0].valid:
        best += [
            doubt
            for run in runs
            for doubt in number_character_dropped_readings(run, today=today)
            if doubt.format == best[0].format
        ]
    return names_line_with_its_separator(unambiguous(best), found) if best else None


# The digits OCR reads for a "0": a pass reading one of them where another lost the digit does not contradict a "0".
ZERO_LOOKALIKES = frozenset("0689")


def composite_read_otherwise(reading: MrzRead, others: Iterable[MrzRead]) -> bool:
    """A reading whose composite check digit was put back as "0" where another pass over the same MRZ (its format and
    first line alike) read a digit there that no "0" is misread as. A digit read outweighs one made up: a corrupted
    card's MRZ whose one pass lost the composite "4" and misread a birth date's "7" as "1" held every check digit by
    chance with the "0", against three passes reading "4" (seen on a synthetic card of the extraction tests)."""
    if not reading.composite_put_back:
        return False
    return any(
        not other.composite_put_back
        and other.format == reading.format
        and other.lines[0] == reading.lines[0]
        and other.lines[DATA_LINE][-1:].isdigit()
        and other.lines[DATA_LINE][-1] not in ZERO_LOOKALIKES
        for other in others
    )


def number_character_dropped_readings(run: list[str], *, today: dt.date) -> list[MrzRead]:
    """The valid readings of a run whose line holding the document number is one character too long, that character
    taken for one of the number's or its check digit's (``stray_character`` never drops one): evidence against a
    valid reading that dropped a filler instead, never a reading of their own.

    OCR inserted a digit in a residence permit's number ("R0291683752<<<" for "R029183752<<<"): dropping a filler
    left "R02916837" with the check digit "5", and the composite held too (a number whose check holds weighs in
    the composite as its check digit alone, so one digit after it decides; 1 chance in 100), so a number no card
    printed came out valid, beside a front printing the right one (blind probe r74e, F2). Where the character
    dropped from the number also leaves every check holding, the two readings tie and the number is not vouched
    for (``unambiguous``). A genuine line with a filler read twice never ties so: dropping one of its number's
    characters brings the optional data's first character, a filler or a letter, to the check digit's place.
    """
    found: list[MrzRead] = []
    formats = ((TD1_WIDTH, 3, parse_td1), (TD2_WIDTH, 2, parse_td2), (TD3_WIDTH, 2, parse_td3))
    for width, count, parse in formats:
        row, first = NUMBER_ROW[width], NUMBER_START[width]
        for start in range(0, len(run) - count + 1):
            group = run[start : start + count]
            line = group[row]
            if len(line) != width + 1:
                continue
            dropped = [line[:index] + line[index + 1 :] for index in range(first, first + 10)]
            options = [dropped if at == row else fit_width(other, width, undouble=0) for at, other in enumerate(group)]
            if not all(options):
                continue
            for combination in combinations(options, limit=256):
                reading = parse(combination, today=today)
                if reading.valid:
                    found.append(reading)
    return found


def read_mrz_assembled(
    first_texts: Iterable[str], second_texts: Iterable[str], *, today: dt.date | None = None
) -> MrzRead | None:
    """The best valid MRZ whose lines come from two separate readings of it (the page's OCR, the MRZ pass), each
    line as one of them read it; None when no such mix holds every check digit.

    Blind probe r63a: a permit's back whose page reading had the names line right and a data line one digit short,
    and whose MRZ pass had the data lines right and the names line wrong; neither reading alone had every line.
    The mix counts only when every check digit holds, as ``mixed_runs`` within one reading's runs.
    """
    today = today or dt.date.today()
    first_runs, second_runs = mrz_candidates(first_texts), mrz_candidates(second_texts)
    mixed = [run for one in first_runs for other in second_runs for run in mixed_runs([one, other])]
    found = [reading for run in mixed for reading in readings(run, today=today) if reading.valid]
    if not found:
        return None
    best = [reading for reading in found if rank(reading) == max(map(rank, found))]
    return names_line_with_its_separator(unambiguous(best), found)


# Two runs are readings of one MRZ (a second OCR pass) when each line reads nearly the same in both.
SAME_LINE_SIMILARITY = 0.85


def mixed_runs(runs: list[list[str]]) -> list[list[str]]:
    """Runs taking each line from either of two readings of the same MRZ.

    Two OCR passes err in different places (one reads a "0" as "O" on the first line, the other drops the
    last check digit of the second): each line is still as one pass read it, and the check digits choose.
    Runs of different MRZs (two cards in one file) are never mixed: their lines differ far more.

    A reading that lost a line (a card's two data lines read right, its names line not at all) still lends the
    lines it has to a longer reading of the same MRZ, in their places there: blind probe r63a, a Bulgarian card's
    back whose only three-line reading misread the birth date that two-line readings had right.
    """
    mixed: list[list[str]] = []
    for first, second in itertools.combinations(runs, 2):
        short, long = (first, second) if len(first) <= len(second) else (second, first)
        if len(short) < MIXED_RUN_LINES:
            continue
        for offset in range(len(long) - len(short) + 1):
            window = long[offset : offset + len(short)]
            if not same_data_lines(short, window):
                continue
            for choice in itertools.product((short, window), repeat=len(short)):
                lines = [source[index] for index, source in enumerate(choice)]
                run = [*long[:offset], *lines, *long[offset + len(short) :]]
                if run not in (first, second, *mixed):
                    mixed.append(run)
    return mixed


# A run of one line lends nothing to mix: it could stand for any line of another run it looks like.
MIXED_RUN_LINES = 2
# A names line holds no digit; OCR reads a few of its letters as digits ("J0AO").
NAMES_LINE_DIGITS = 2


def same_data_lines(first: list[str], second: list[str]) -> bool:
    """Two runs read the same MRZ: each pair of lines reads nearly the same, but for names lines, which may differ
    as far as OCR misreads them; and at least one data line agrees. The data lines' numbers and dates tell two
    documents' MRZs apart; the names line, no check digit covering it, is taken from whichever reading has it best
    (blind probe r63a: a passport photo's names line read whole in one pass, its data line in another)."""
    data_lines = 0
    for a, b in zip(first, second, strict=True):
        names = max(sum(char.isdigit() for char in line) for line in (a, b)) <= NAMES_LINE_DIGITS
        if not names:
            data_lines += 1
            if difflib.SequenceMatcher(None, a, b).ratio() < SAME_LINE_SIMILARITY:
                return False
    return data_lines > 0


def split_glyph_runs(runs: list[list[str]]) -> list[list[str]]:
    """Runs where one glyph two readings of an MRZ read differently is taken as the other reading has it.

    One pass reads a line one character longer than the other, and only by that character: one glyph
    read as two ("6" as "60") in the longer line, or read as another in the shorter ("6" as "0"), and which
    it is no check digit alone can tell. Each reading of that glyph comes from one of the passes: the
    shorter line with, in turn, the character on either side of the gap replaced by the longer line's extra
    character. The caller counts these runs only when every check digit then holds, as for a glyph split
    in two within one reading (``fit_width``); no other character changes.
    """
    split: list[list[str]] = []
    for first, second in itertools.permutations(runs, 2):
        if len(first) != len(second):
            continue
        for index, (short, long) in enumerate(zip(first, second, strict=True)):
            extra = one_extra_character(short, long)
            # An extra filler is one dropped or doubled in a run of them: fit_width's to place, no glyph's.
            if extra is None or extra[1] == FILLER or not similar_runs(first, second):
                continue
            gap, char = extra
            for position in (gap - 1, gap):
                if 0 <= position < len(short) and short[position] != char:
                    line = short[:position] + char + short[position + 1 :]
                    run = [*first[:index], line, *first[index + 1 :]]
                    if run not in split and run not in runs:
                        split.append(run)
    return split


def one_extra_character(short: str, long: str) -> tuple[int, str] | None:
    """Where ``long`` has one character ``short`` lacks, all else the same: (its position in ``short``, it)."""
    if len(long) != len(short) + 1:
        return None
    opcodes = [
        op for op in difflib.SequenceMatcher(None, short, long, autojunk=False).get_opcodes() if op[0] != "equal"
    ]
    if len(opcodes) != 1 or opcodes[0][0] != "insert" or opcodes[0][4] - opcodes[0][3] != 1:
        return None
    _, gap, _, start, _ = opcodes[0]
    return gap, long[start]


def similar_runs(first: list[str], second: list[str]) -> bool:
    """Each line of one run reads nearly the same in the other: two readings of one MRZ."""
    return all(
        difflib.SequenceMatcher(None, a, b).ratio() >= SAME_LINE_SIMILARITY for a, b in zip(first, second, strict=True)
    )


def with_document_number(reading: MrzRead, number: str, *, today: dt.date | None = None) -> MrzRead | None:
    """The MRZ read again with ``number``, the visual zone's reading of its document number, in place of its own.

    OCR reads the MRZ's "0" as "O" (or "1" as "I") where letters and digits may both stand, and no repair
    can tell which was printed; the visual zone prints the same number in another typeface. Taken only when
    the two differ in look-alike characters alone (nothing but the glyph OCR may have confused changes) and
    every check digit then holds; None otherwise. Numbers of up to 9 characters (no ICAO long number).
    """
    number = re.sub(r"[\s-]", "", number.upper())
    own = reading.document_number
    if (
        reading.valid
        or len(number) != len(own)
        or not 0 < len(number) <= 9
        or number == own
        or not all(a == b or look_alike(a, b) for a, b in zip(number, own, strict=True))
    ):
        return None
    row, start = (0, 5) if reading.format == "TD1" else (1, 0)
    line = reading.lines[row]
    if line[start : start + len(own)] != own:
        return None
    lines = list(reading.lines)
    lines[row] = line[:start] + number + line[start + len(number) :]
    parse = {"TD1": parse_td1, "TD2": parse_td2, "TD3": parse_td3}[reading.format]
    again = parse(lines, today=today or dt.date.today())
    return again if again.valid else None


def number_tie_broken(reading: MrzRead, printed: str) -> MrzRead | None:
    """Of the equally good readings of an MRZ that hold every check digit but disagree on the document number alone,
    the one whose number the visual zone prints (``same_number_misread``); None when no such tie, or when the
    printed number is not exactly one of them.

    Blind probe r63a: a clean US passport's "A03918452", its "0" read "0O" in the MRZ, gave two readings holding
    every check: the right one and "A00391845" (the "22" of number and check digit taken for one glyph read twice,
    then the "O" as "0"). No check digit can tell them apart: the composite weighs the number's characters as its own
    check digit does (7, 3, 1 from the line's start), so a number whose own check holds holds the composite too with
    the same check digit. The visual zone is the independent witness: another OCR of another typeface, which lands
    on the wrong reading only if it misreads the printed number into it (here three glyphs that are not look-alikes).
    A tampered MRZ gains nothing: a tie is only among readings holding every check."""
    tied = [other for other in reading.tied if other.valid]
    if not tied or {name for name in CHECKED_FIELDS if len({getattr(other, name) for other in tied}) > 1} != {
        "document_number"
    }:
        return None
    printed_as = [other for other in tied if same_number_misread(printed, other.document_number)]
    if len({other.document_number for other in printed_as}) != 1:
        return None
    return printed_as[0]


def same_number_misread(printed: str, number: str) -> bool:
    """Whether ``printed``, the visual zone's reading of a document number, is ``number`` as OCR misreads a
    printed number: look-alike glyphs ("AS1827364" for "A51827364", "AO" for "A0") and one glyph read twice ("0O"
    for "0", "wW" for "W"). Never two different digits: a front whose number differs from the back's
    ("118632540ZZ5" against "118362542ZZ7") still differs."""
    read, own = (re.sub(r"[\s<-]", "", text.upper()).translate(AS_DIGIT) for text in (printed, number))
    if read == own:
        return True
    return len(read) == len(own) + 1 and any(
        read[index] == read[index + 1] and read[:index] + read[index + 1 :] == own for index in range(len(own))
    )


def look_alike(a: str, b: str) -> bool:
    """A letter and the digit OCR takes it for (O and 0, I and 1, ...)."""
    return a.translate(AS_DIGIT) == b or b.translate(AS_DIGIT) == a


def leading_letter_twin(number: str) -> str | None:
    """Another reading of a document number of digits only that its check digit cannot tell from it: its first
    digit read for a letter that looks like it (``LETTER_LOOKALIKES``) and weighs the same mod 10: "G91827364" for
    "691827364", G=16 and 6=6 (of those pairs, the only one so weighed). Many states put a series letter first
    (Mexico's "G", Germany's "C"), and OCR takes a glare-dimmed G for a 6 (blind probe r67a). None when no such
    letter exists."""
    if not number.isdigit():
        return None
    twins = [
        letter + number[1:]
        for letter, lookalikes in LETTER_LOOKALIKES.items()
        if number[0] in lookalikes and same_under_check(letter + number[1:], number)
    ]
    return twins[0] if len(twins) == 1 else None


# The fields with a check digit of their own (named as their checks); the composite covers them all.
CHECKED_FIELDS = ("document_number", "date_of_birth", "expiry_date")


def unambiguous(readings: list[MrzRead]) -> MrzRead:
    """The first reading, its checks failed for each field on which the equally good readings disagree.

    One OCR'd character too many can be dropped in more than one place with every check still holding,
    by chance (a doubled "77" or a speck beside the fillers: "KZJ573101" and "KZJ577310", both passing
    1 chance in 100); such an MRZ is flagged, never taken as valid.
    """
    first = readings[0]
    differ = {name for name in CHECKED_FIELDS if len({getattr(reading, name) for reading in readings}) > 1}
    if not differ:
        return first
    checks = {name: held and name not in differ for name, held in first.checks.items()}
    return replace(first, checks={**checks, "composite": False}, tied=tuple(readings))


# ICAO 9303: passports (P) and visas (V) are TD3; identity cards and official travel documents (I, A, C)
# are TD1 or TD2, as are the smaller visas.
DOCUMENT_CODES = {"TD1": ("I", "A", "C"), "TD2": ("I", "A", "C", "V"), "TD3": ("P", "V")}


def rank(reading: MrzRead) -> tuple[int, bool, int, int]:
    """Most check digits holding first; then a reading in which every one holds (an empty personal number has no
    check of its own to count: "<<02" with four checks, all holding, over "<<80" with five, one failing); then
    the right shape: a document code of the format and, as no check digit covers them, country codes that exist
    or are one look-alike away (of "NPIX", "NPI" over "NPX")."""
    codes = DOCUMENT_CODES[reading.format]
    shape = int(reading.document_code[:1] in codes and len(reading.issuing_state) == 3)
    shape += sum(country_code(code) is not None for code in (reading.issuing_state, reading.nationality))
    shape -= int(cc_version_misshapen(reading))
    return reading.checks_passed, reading.valid, shape, len(reading.checks)


def cc_version_misshapen(reading: MrzRead) -> bool:
    """A Cartão de Cidadão's reading with a digit where its number's version prints two letters ("ZZ9" read "229").

    The version's two places weigh 7 and 3 in the number's check digit, and "Z" (35) and "2" differ by 33: either
    reading holds the check, and with the composite digit lost and put back as "0" both held every check, so the
    number was withheld as ambiguous on a sharp card (e2e probe 22: 3 of 9 backs)."""
    line = reading.lines[0]
    return reading.format == "TD1" and line.startswith("I<PRT") and line[14:15] == FILLER and not line[15:17].isalpha()


def best_of(*candidates: MrzRead | None) -> MrzRead | None:
    """The best of MRZ readings from separate OCR passes (the page's, the MRZ's own). Between readings the check
    digits rank alike, the one with the fewest characters after its names field's closing fillers: no check digit
    covers a name, and the page's reading with fillers read as letters ("GARCIAC<LUCIAC<<<E<<CC<<", seen tracing
    blind probe r41a) came first on a tie and beat the MRZ pass's "GARCIA<<LUCIA<<<<", a surname "GARCIAC LUCIAC"."""
    present = [candidate for candidate in candidates if candidate is not None]
    present = [candidate for candidate in present if not composite_read_otherwise(candidate, present)]
    if not present:
        return None
    best = max(present, key=lambda reading: (rank(reading), -characters_after_the_name(reading)))
    return names_line_with_its_separator(best, present)


# The letters OCR reads for a filler "<" beside a name: "K" and "C" share its strokes, "S" and "E" are what a
# faint or smudged chevron reads as (blind probe r63a: "GURUNG<<BIKASH" read "GURUNGS<BIKASH").
FILLER_READ_AS_LETTER = frozenset("SKCE")


def names_line_with_its_separator(reading: MrzRead, others: Iterable[MrzRead]) -> MrzRead:
    """``reading`` with the names line of another reading of the same MRZ where its own read a filler of the names'
    separator ``<<`` as a letter glued to a name.

    No check digit covers the names line, so the reading whose data lines hold every check vouches for nothing on
    it (blind probe r63a: "GURUNGS<BIKASH<<", a surname "GURUNGS BIKASH" and no given names, chosen over the page's
    "GURUNG<<BIKASH<<"). The other line is taken only where it is this one with fillers in place of letters OCR
    reads for one (``FILLER_READ_AS_LETTER``), and where it parts surname from given names while this one parts
    none: an ordinary name with a given name, or a reading of a different MRZ (its dates differ), is left alone.
    """
    row, _ = names_field(reading)
    if reading.given_names or len(reading.lines) <= row:
        return reading
    own = reading.lines[row]
    for other in others:
        if (
            other.format == reading.format
            and len(other.lines) > row
            and other.given_names
            and (other.date_of_birth, other.expiry_date) == (reading.date_of_birth, reading.expiry_date)
            and fillers_read_as_letters(other.lines[row], own)
        ):
            line = other.lines[row]
            surname, given_names = names_from(line if row == 2 else state_and_names(line, len(line))[1])
            lines = (*reading.lines[:row], other.lines[row], *reading.lines[row + 1 :])
            return replace(reading, lines=lines, surname=surname, given_names=given_names)
    return reading


def fillers_read_as_letters(line: str, misread: str) -> bool:
    """Whether ``misread`` is ``line`` with some of its fillers read as letters that look like one, and nothing else
    changed."""
    return (
        len(line) == len(misread)
        and line != misread
        and all(
            kept == read or (kept == FILLER and read in FILLER_READ_AS_LETTER)
            for kept, read in zip(line, misread, strict=True)
        )
    )


def names_field(reading: MrzRead) -> tuple[int, int]:
    """The row of the names line and the column its names start at: a TD1's third line, the first of the others
    after the document code and the issuing state."""
    return (2, 0) if reading.format == "TD1" else (0, 5)


def characters_after_the_name(reading: MrzRead) -> int:
    """How many characters other than fillers follow the first run of three fillers in the names field. ICAO 9303
    writes the name from the field's start and fills the rest: each is a filler misread, or the card's edge."""
    row, start = names_field(reading)
    field = reading.lines[row][start:] if len(reading.lines) > row else ""
    _, _, rest = field.partition(FILLER * 3)
    return len(rest.replace(FILLER, ""))


def visa_zone(mrz: MrzRead | None) -> bool:
    """Whether an MRZ is a visa's (ICAO 9303 part 7, the MRV): its document code V, and its own check digits
    holding. An MRV has no composite check digit, so a passport's reading of it never holds whole (blind probe
    r35c: a D8 visa sticker read as a passport)."""
    if mrz is None or mrz.document_code[:1] != "V":
        return False
    return sum(held for name, held in mrz.checks.items() if name != "composite") >= 2
