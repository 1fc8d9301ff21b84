"""How the name a person typed is compared with the names printed on their documents."""

from __future__ import annotations

import difflib
import itertools
import unicodedata

from applicants.text import NAME_PARTICLES, fold

# ICAO 9303 part 3 writes these letters in the MRZ as the digraph (ß as SS, Ø as OE, Ü as UE), and people and
# payroll programs without the letter on their keyboard write the digraph or the plain letter (Ü as U, Ø as O).
# Folding accents alone makes "Großmann" and the MRZ's "Grossmann" two words, and "Jürgen" "Jurgen" but never
# "Juergen" (blind probe C32, c06: "Jürgen Großmann" typed as printed was "only similar" to the card read
# "Jürgen Grossmann", and that alone raised the risk). A word written with one of these letters is the same word
# as one written with any of its transliterations; only then, so "Michael" and "Michal" stay two names.
ICAO_LETTERS: dict[str, tuple[str, ...]] = {
    "ß": ("ss",),
    "ä": ("ae", "a"),
    "ö": ("oe", "o"),
    "ü": ("ue", "u"),
    "å": ("aa", "a"),
    "ø": ("oe", "o"),
    "æ": ("ae",),
    "œ": ("oe",),
    "þ": ("th",),
    "ð": ("d",),
    "ĳ": ("ij",),
    "ł": ("l",),
    "đ": ("d",),
    "ħ": ("h",),
    "ı": ("i",),
}
# Spellings of one word at most: a name's word holds one or two of these letters, never enough to reach it.
MAX_WORD_FORMS = 64
# A payroll program prints the worker's name in a field of its own width and cuts what does not fit ("Ana Guilhermina
# Vasconcelos Albuqu" for "... Albuquerque": blind probe r69b G50). A name that long (the narrowest such fields hold
# 30 characters, the width of an ID card's MRZ name line too) whose last word starts the other's last word, with at
# least this many letters, is that name cut; "Ana" for "Anabela", or any short name, is not (ADR 040).
CUT_NAME_MIN_LENGTH = 30
CUT_WORD_MIN_LETTERS = 4
# The abbreviations a South Asian or Malaysian Muslim name may print before the given name, and the words each stands
# for written out: "MD RAFIQUL ISLAM" is Rafiqul Islam to everyone who knows him, and he types it so (blind probe r75d,
# F3), or Mohammad Rafiqul Islam written out. Abbreviations only: a whole "Mohammed" may be the name its bearer goes
# by, or the first of an Arabic name's chain (Mohammed Ahmed Hassan, son of Ahmed Hassan), and is never left out.
MUHAMMAD = frozenset({"muhammad", "mohammad", "mohammed", "muhammed", "mohamed", "mohamad", "mohammod", "muhammod"})
SHEIKH = frozenset({"sheikh", "shaikh", "sheik", "shaik", "shekh"})
HONORIFIC_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "md": MUHAMMAD,
    "mohd": MUHAMMAD,
    "muhd": MUHAMMAD,
    "mhd": MUHAMMAD,
    "sk": SHEIKH,
}
# Printed words an MRZ word may stand for joined: ICAO 9303 drops the apostrophe of "Sant'Ana" (SANTANA), and a given
# name written in two words on one side is one on the other ("Xiao Ming", XIAOMING).
MAX_JOINED_WORDS = 3


def name_words(name: str) -> list[str]:
    """Lowercase words with their letters as written, without particles: 'Jürgen da Großmann' -> ['jürgen',
    'großmann']."""
    text = unicodedata.normalize("NFC", name).lower()
    cleaned = "".join(char if char.isalpha() or unicodedata.combining(char) else " " for char in text)
    return [word for word in cleaned.split() if fold(word) not in NAME_PARTICLES]


def name_tokens(name: str) -> list[str]:
    """Lowercase words without accents or particles: 'Maria da Conceição' -> ['maria', 'conceicao']."""
    return [fold(word) for word in name_words(name)]


def word_forms(word: str) -> frozenset[str]:
    """A word's spellings, folded: as written, and with each ICAO letter in it written as ICAO transliterates it
    or as its plain letter ('großmann' -> {'großmann', 'grossmann'}; 'jürgen' -> {'jurgen', 'juergen'})."""
    word = unicodedata.normalize("NFC", word).lower()
    if not any(char in ICAO_LETTERS for char in word):
        return frozenset({fold(word)})
    forms = {""}
    for char in word:
        options = {fold(char), *ICAO_LETTERS.get(char, ())}
        forms = {form + option for form in forms for option in options}
        if len(forms) > MAX_WORD_FORMS:
            return frozenset({fold(word)})
    return frozenset(forms)


def aligned_tokens(left_name: str, right_name: str) -> tuple[list[str], list[str]]:
    """Both names' tokens (``name_tokens``), a word spelled with an ICAO letter on one side and transliterated on
    the other given the same spelling on both, so the comparisons after see one word."""
    left, right = name_words(left_name), name_words(right_name)
    left_forms, right_forms = [word_forms(w) for w in left], [word_forms(w) for w in right]

    def spelled(forms: frozenset[str], word: str, others: list[frozenset[str]]) -> str:
        common = next((forms & other for other in others if forms & other), None)
        return min(common) if common else fold(word)

    return (
        [spelled(forms, word, right_forms) for forms, word in zip(left_forms, left, strict=True)],
        [spelled(forms, word, left_forms) for forms, word in zip(right_forms, right, strict=True)],
    )


def written_initials(name: str) -> frozenset[str]:
    """The letters a name writes as initials, folded: a letter standing as a word of its own, with a dot or without
    ("Maria J. S. Teles", "J.S.", "Ana G Albuquerque") -> {'j', 's'}. The letter an apostrophe or a hyphen joins to
    a word ("D'Almeida") is no initial: it is part of that word."""
    chunks = unicodedata.normalize("NFC", name).lower().replace(",", " ").split()
    pieces = [piece for chunk in chunks for piece in chunk.split(".")]
    return frozenset(fold(piece) for piece in pieces if len(fold(piece)) == 1 and fold(piece).isalpha())


def joined_words(tokens: list[str], others: list[str]) -> list[str]:
    """``tokens`` with each run of consecutive words whose letters joined are one of ``others``' words written as
    that one word: ['wei', 'min', 'zhang'] against ['zhang', 'weimin'] -> ['weimin', 'zhang'].

    Documents and people split or join a given name differently ("Wei Min" / "Weimin", "Min-Jun" / "MINJUN", the
    printed "Sant'Ana" and a payslip's "Santana"): the same letters in the same order are the same name (blind probe
    r69b F1, F4). A name is never joined into a single word, which names no one (ADR 040)."""
    wanted = set(others) - set(tokens)
    joined: list[str] = []
    start = 0
    while start < len(tokens):
        end = next(
            (end for end in range(len(tokens), start + 1, -1) if "".join(tokens[start:end]) in wanted), start + 1
        )
        joined.append("".join(tokens[start:end]))
        start = end
    return joined if len(joined) >= 2 else tokens


def compared_tokens(left_name: str, right_name: str) -> tuple[list[str], list[str]]:
    """Both names' tokens as they are compared: ICAO's spellings aligned (``aligned_tokens``), then a word one side
    writes in two or more joined as the other writes it (``joined_words``)."""
    left, right = aligned_tokens(left_name, right_name)
    left = joined_words(left, right)
    return left, joined_words(right, left)


def word_starts(word: str, start: str) -> bool:
    """Whether ``word`` begins with ``start`` in some spelling of each (an MRZ's cut "GROSSMA" of "Großmann")."""
    return any(w.startswith(s) for w, s in itertools.product(word_forms(word), word_forms(start)))


def name_match(submitted: str, read: str) -> str:
    """``exact`` (same tokens, any order/case/accents, ICAO's transliterations, a word written in two or joined),
    ``partial`` (one holds the other's tokens: missing middle names; middle names as initials; the last word cut by a
    field's width), ``fuzzy`` (only near-equal spellings) or ``none``. ADR 040 says why each grade."""
    return name_grade(submitted, read)[0]


def name_variation(submitted: str, read: str) -> str | None:
    """How names that match are written otherwise, for the evidence: ``joined`` (a word written in two on one side),
    ``initials`` (middle names as initials), ``cut`` (the last word cut by a field's width), else None."""
    return name_grade(submitted, read)[1]


def name_grade(submitted: str, read: str) -> tuple[str, str | None]:
    """``name_match``'s grade and ``name_variation``'s variation, worked out once."""
    left, right = compared_tokens(submitted, read)
    if not left or not right:
        return "none", None
    initials = written_initials(submitted) | written_initials(read)
    grade, variation = words_grade(left, right, initials)
    if grade is not None:
        # Only an exact match is worded as written otherwise: a partial one is worded as middle names left out.
        joined = grade == "exact" and (left, right) != aligned_tokens(submitted, read)
        return grade, "joined" if joined else variation
    if honorific_left_out_or_written_out(left, right, initials):
        return "partial", "honorific"
    if name_cut(read, right, left, initials) or name_cut(submitted, left, right, initials):
        return "partial", "cut"
    shorter, longer = (left, right) if len(left) <= len(right) else (right, left)
    if len(shorter) >= 2 and all(max(similarity(token, other) for other in longer) >= 0.8 for token in shorter):
        return "fuzzy", None
    return "none", None


def similarity(token: str, other: str) -> float:
    """How alike two words are (``difflib``'s ratio), a Q read for an O counted alike: one look-alike glyph in a
    short word ("Qla" for "Ola", too short for ``name_mended``) leaves the name similar, not another (r74e, F1)."""
    return max(
        difflib.SequenceMatcher(None, token, other).ratio(),
        difflib.SequenceMatcher(None, token.replace("q", "o"), other.replace("q", "o")).ratio(),
    )


def words_grade(left: list[str], right: list[str], initials: frozenset[str]) -> tuple[str | None, str | None]:
    """``exact`` or ``partial`` as ``name_match`` grades the words compared, else None; with ``initials`` when middle
    names written as initials made them match."""
    if sorted(left) == sorted(right):
        return "exact", None
    shorter, longer = (left, right) if len(left) <= len(right) else (right, left)
    if len(shorter) >= 2 and set(shorter) <= set(longer) and shorter[0] == longer[0] and shorter[-1] == longer[-1]:
        return "partial", None
    if middle_initials_fit(shorter, longer, initials):
        return "partial", "initials"
    return None, None


def honorific_left_out_or_written_out(left: list[str], right: list[str], initials: frozenset[str]) -> bool:
    """Whether the names are one but for an abbreviation before the given name (``HONORIFIC_ABBREVIATIONS``) that one
    leaves out or writes out in full: "Rafiqul Islam" or "Mohammad Rafiqul Islam" for "MD RAFIQUL ISLAM". What is
    left must still be a given name and a surname matching ``exact`` or ``partial``; such a name is ``partial``, as
    one leaving out a middle name is (ADR 040)."""
    plain_left, plain_right = without_honorific(left, right), without_honorific(right, left)
    if (plain_left, plain_right) == (left, right) or min(len(plain_left), len(plain_right)) < 2:
        return False
    return words_grade(plain_left, plain_right, initials)[0] is not None


def without_honorific(tokens: list[str], other: list[str]) -> list[str]:
    """``tokens`` with a first word that abbreviates an honorific left out, or written as ``other`` writes it out
    in full ("md" before "mohammad")."""
    written_out = HONORIFIC_ABBREVIATIONS.get(tokens[0]) if tokens else None
    if written_out is None:
        return tokens
    return [other[0], *tokens[1:]] if other and other[0] in written_out else tokens[1:]


def honorific_of(typed: str, printed: str) -> tuple[str, bool] | None:
    """The abbreviation before the given name that makes the names one (``honorific_left_out_or_written_out``), as
    written, and whether the other name writes it out in full ("MD", False of "Rafiqul Islam" against "MD RAFIQUL
    ISLAM"); None when none does."""
    for name, other in ((printed, typed), (typed, printed)):
        words, other_tokens = name_words(name), name_tokens(other)
        written_out = HONORIFIC_ABBREVIATIONS.get(fold(words[0])) if words else None
        if written_out is not None and (not other_tokens or fold(words[0]) != other_tokens[0]):
            first = next((raw.strip(".,") for raw in name.split() if fold(raw.strip(".,")) == fold(words[0])), words[0])
            return first, bool(other_tokens) and other_tokens[0] in written_out
    return None


def middle_initials_fit(shorter: list[str], longer: list[str], initials: frozenset[str]) -> bool:
    """Whether the names are one with middle names written as initials ("Maria J. S. Teles", "Maria Joana S.
    Valadares"): the first and last words whole and equal, each middle word of the shorter, in order, a middle word of
    the longer or the initial of one (blind probe r69b F2). An initial carries more than a middle name left out,
    which is ``partial`` too; a first name or the last surname as an initial is not enough (ADR 040)."""
    if len(shorter) < 2 or shorter[0] != longer[0] or shorter[-1] != longer[-1]:
        return False
    if len(shorter[0]) == 1 or len(shorter[-1]) == 1:
        return False
    remaining = iter(longer[1:-1])
    return all(any(words_fit(word, other, initials) for other in remaining) for word in shorter[1:-1])


def words_fit(word: str, other: str, initials: frozenset[str]) -> bool:
    """The same word, or one of them an initial written as such (``written_initials``) that starts the other."""
    if word == other:
        return True
    initial, whole = (word, other) if len(word) == 1 else (other, word)
    return len(initial) == 1 and len(whole) > 1 and initial in initials and whole.startswith(initial)


def name_cut(cut_name: str, cut: list[str], whole: list[str], initials: frozenset[str]) -> bool:
    """Whether ``cut_name`` (words ``cut``) is the name of ``whole`` cut at the end by a field's width: long enough to
    fill one (``CUT_NAME_MIN_LENGTH``), its last word a start of at least ``CUT_WORD_MIN_LETTERS`` letters of the
    other's last word, and with that word whole the same name (blind probe r69b F3, G50: a payroll's "Albuqu")."""
    if len(" ".join(cut_name.split())) < CUT_NAME_MIN_LENGTH or len(cut) < 2 or len(whole) < 2:
        return False
    last, full = cut[-1], whole[-1]
    if len(last) < CUT_WORD_MIN_LETTERS or len(last) >= len(full) or not full.startswith(last):
        return False
    return words_grade([*cut[:-1], full], whole, initials)[0] is not None


def words_left_out(typed: str, printed: str) -> list[str]:
    """The printed name's words the typed one leaves out, capitalised ("Md" of "Rafiqul Islam" against "MD RAFIQUL
    ISLAM"), where every word typed is a printed one; [] otherwise. Said to staff and the applicant as what differs,
    never as a slip of the pen (blind probe r75d, F3)."""
    typed_tokens, printed_tokens = aligned_tokens(typed, printed)
    if not typed_tokens or not set(typed_tokens) <= set(printed_tokens):
        return []
    words = name_words(printed)
    left_out = [word for word, token in zip(words, printed_tokens, strict=True) if token not in typed_tokens]
    return [word[:1].upper() + word[1:] for word in left_out]


def surname_left_out(typed: str, printed: str) -> bool:
    """Whether the typed name holds only the printed one's words, its first among them, but not its last surname:
    ``name_match``'s ``partial`` with the last word dropped, which it grades ``fuzzy``."""
    shorter, longer = compared_tokens(typed, printed)
    return (
        2 <= len(shorter) < len(longer)
        and set(shorter) <= set(longer)
        and shorter[0] == longer[0]
        and shorter[-1] != longer[-1]
    )


def mrz_name_fits(printed: str, *, surname: str, given_names: str) -> bool:
    """Whether an MRZ's name could be the name printed on the document's other side.

    The MRZ writes names without accents, transliterated (Ü as UE) and cut to fit its line,
    sometimes to initials, so it is read as a shortened form of the printed name: its first
    surname and its first given name must each stand for a printed word (the same word within
    OCR's slips, or a word it starts) or for printed words it writes joined (ICAO drops the
    apostrophe: the printed "Sant'Ana" is the MRZ's SANTANA). Two people who share a surname still
    differ by the given name; a printed name OCR read only in part is not taken for another person's.
    """
    words = name_words(printed)
    firsts = [words_[0] for words_ in (name_words(surname), name_words(given_names)) if words_]
    return bool(words) and all(
        any(mrz_word_fits(first, word) for word in words) or any(word_starts(run, first) for run in word_runs(words))
        for first in firsts
    )


def word_runs(words: list[str]) -> list[str]:
    """Consecutive words written joined, two to ``MAX_JOINED_WORDS`` of them: ['sant', 'ana', 'vidal'] ->
    ['santana', 'santanavidal', 'anavidal']."""
    return [
        "".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 2, min(start + MAX_JOINED_WORDS, len(words)) + 1)
    ]


def mrz_word_fits(mrz_word: str, printed_word: str) -> bool:
    """An MRZ word is the printed word within OCR's slips (one letter in four) or a start of it (an initial, a cut
    word), in any of ICAO's spellings of each (the printed "Søren" is the MRZ's "SOEREN")."""
    pairs = list(itertools.product(word_forms(mrz_word), word_forms(printed_word)))
    if any(printed.startswith(mrz) for mrz, printed in pairs):
        return True
    return any(difflib.SequenceMatcher(None, mrz, printed).ratio() >= 0.75 for mrz, printed in pairs)


def names_the_applicant(applicant_name: str, printed: str | None) -> bool:
    """Whether a document's printed name is the applicant's: the same words, or with middle names or the last surname
    left out (not one only similar). Proofs in the applicant's own name with another NIF than the one typed are judged
    by it, in the identity rules (``identity.nif_documents``) and the income owner checks alike. The last surname left
    out is the applicant's name as ``identity.name_match`` accepts it (blind probe r57b: the name check passed while
    the same name on the payslips was "another person's")."""
    if not printed:
        return False
    return name_match(applicant_name, printed) in {"exact", "partial"} or surname_left_out(applicant_name, printed)


# Glyphs OCR reads for a letter in an MRZ's font, keyed by the glyph read and the letter it may stand for: no check
# digit covers a name, so an MRZ's "BJQERN" is BJOERN misread (blind probe r74e, F1), as round 73 mended a printed
# name over the MRZ's look-alike. Q is a letter of names too, so a word is mended by one glyph at most.
MRZ_NAME_LOOKALIKES = frozenset({("Q", "O"), ("0", "O"), ("1", "I"), ("5", "S"), ("8", "B"), ("6", "G")})
# A word of this many letters at least is mended: "QI" over a typed "OI" is too short to tell a misreading.
MENDED_WORD_MIN_LETTERS = 4


def typed_letters(word: str) -> str:
    """A typed word's letters as an MRZ writes them, uppercase without accents ("Bjørn" -> "BJORN", "Łucja" ->
    "LUCJA"): the letters ICAO transliterates by one letter taken as that one."""
    single = {char: next((form for form in forms if len(form) == 1), char) for char, forms in ICAO_LETTERS.items()}
    return "".join(single.get(char, char) for char in fold(word) if char.isalpha()).upper()


def word_mended(read_word: str, typed_word: str, umlauts: dict[tuple[str, str], str]) -> str | None:
    """``read_word`` as the typed word reads it where it differs from it only by OCR's look-alike glyph
    (``MRZ_NAME_LOOKALIKES``, one) or by an umlaut of ``umlauts`` the document's MRZ writes as two letters and the
    person typed as its bare vowel ("OEZTUERK" typed "Ozturk" is "Öztürk"); None when it differs otherwise or not
    at all. ICAO 9303 transliterates by the holder's name, so ``umlauts`` are those of the issuing state's or the
    holder's nationality's alphabet (blind probe r74e, F4: a Turkish holder of a Portuguese permit)."""
    read = fold(read_word).upper()
    typed = typed_letters(typed_word)
    if not read.isalnum() or not typed:
        return None
    letters: list[str] = []
    index = position = lookalikes = restored = 0
    while index < len(read):
        if position >= len(typed):
            return None
        glyph, letter = read[index], typed[position]
        if glyph != letter:
            if (glyph, letter) not in MRZ_NAME_LOOKALIKES:
                return None
            lookalikes += 1
        index, position = index + 1, position + 1
        # The vowel typed bare where the MRZ writes it with the letter after it: the umlaut, read as one letter.
        marked = umlauts.get((letter, read[index : index + 1]))
        if marked is not None and typed[position : position + 1] != read[index]:
            letter, index, restored = marked, index + 1, restored + 1
        letters.append(letter)
    if position != len(typed) or lookalikes > 1 or not (lookalikes or restored):
        return None
    if lookalikes and len(typed) < MENDED_WORD_MIN_LETTERS:
        return None
    return "".join(letters).title()


def name_mended(read: str, typed: str, umlauts: dict[tuple[str, str], str]) -> str:
    """The name read with each word the typed name writes otherwise only by OCR's look-alike or an umlaut's two
    letters as the typed word reads it (``word_mended``), the others as read."""
    typed_words = typed.split()
    mended = []
    for word in read.split():
        readings = (word_mended(word, typed_word, umlauts) for typed_word in typed_words)
        mended.append(next((reading for reading in readings if reading is not None), word))
    return " ".join(mended)
