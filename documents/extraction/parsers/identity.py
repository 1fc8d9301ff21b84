"""Identity documents: the visual zone by its labels, the MRZ by its check digits, and the two cross-checked.

The Cartao de Cidadao's back prints the NIF next to the social-security (NISS)
and health-service numbers. Those two are read only to be told apart from the
NIF: they are never put in a field, a warning or a log line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from rapidfuzz.distance import Levenshtein

from applicants.identifiers import (
    card_number_misread,
    card_numbers_alike,
    cc_normalize,
    cc_number_holds,
    nif_has_valid_checksum,
    nif_is_personal,
)
from applicants.text import NAME_PARTICLES, fold, fold_accents
from documents.extraction.mrz import (
    COUNTRY_CODES,
    FILLER,
    FILLER_READ_AS_LETTER,
    LETTER_LOOKALIKES,
    MRZ_DIGRAPHS,
    MrzRead,
    best_of,
    clean_line,
    country_code,
    fillers_read_in_lower_case,
    leading_letter_twin,
    looks_like_mrz,
    mrz_candidates,
    mrz_name_forms,
    names_from,
    names_line_realigned,
    number_tie_broken,
    parse_date,
    read_mrz,
    read_mrz_assembled,
    same_number_misread,
    same_under_check,
    state_and_names,
    state_letters,
    with_document_number,
)
from documents.extraction.parsers.classify import CC_BACK_SIGNS
from documents.extraction.parsers.common import (
    _DIGIT_LOOKALIKES,
    CC_TOKEN,
    ENGLISH_MONTHS,
    MONTHS,
    VALIDATED_CONFIDENCE,
    Parsed,
    clean_name,
    dates_in,
    find_label,
    fix_digits,
    parse_dates,
    title_case,
    value_after_label,
)
from documents.extraction.parsers.portuguese_names import accents_restored
from documents.extraction.reader import Line
from documents.extraction.schema import ISSUE_DATE_IMPLAUSIBLE, MRZ_NAME_TRUNCATED, DocumentKind

# "Nascimento" alone labels the birth date on a residence permit ("Nascimento   Válido até"); "Local de
# nascimento" and "Lugar de nascimento" are the place.
BARE_BIRTH_LABEL = r"(?<![a-z])(?<!local\sde\s)(?<!lugar\sde\s)(?<!data\sde\s)nascimento"
ID_LABELS: dict[str, re.Pattern[str]] = {
    # OCR reads "rn" as "m" ("Sumame"). The French captions a card or passport adds as its third language
    # ("APELIDO(S) / SURNAME / NOM", "PRÉNOMS", "SEXE", "NATIONALITÉ", "DATE DE NAISSANCE", "DATE D'EXPIRATION")
    # are captions too, on their own or after the others; so are a Spanish-speaking state's ("Apellidos / Surnames",
    # "Nombres / Given names", "Nacionalidad", "Fecha de nacimiento", "Fecha de vencimiento", "N.º de pasaporte").
    # An EU card may caption the names in its own language alone: Italian "COGNOME" / "NOME", German "FAMILIENNAME"
    # / "VORNAMEN", Dutch "ACHTERNAAM" / "VOORNAMEN", Polish "NAZWISKO" / "IMIONA", Romanian "NUME" / "PRENUME".
    # Dutch "NAAM" captions the surname on a Dutch or Belgian document ("NAAM / NOM / NAME" over "VOORNAMEN"), and so
    # do English "LAST NAME" and "FAMILY NAME" (a Romanian card's "NUME / NOM / LAST NAME").
    "surname": re.compile(
        r"apell?idos?(?:\(s\))?|su(?:rn|m)ame|(?<![a-z])nom(?![a-z])|(?<![a-z])cognom[ei](?![a-z])"
        r"|(?<![a-z])(?:familienname|nachname|achternaam|nazwisko|nume|naam)(?![a-z])"
        r"|(?<![a-z])(?:last|family)\s+name(?![a-z])"
    ),
    "given_names": re.compile(
        r"(?<![a-z])nome\s+completo(?![a-z])"
        r"|(?<![a-z])nomes?(?:\(s\))?(?:\s*pr[oó]prios?)?\s*(?:/\s*)?(?:given\s*names?(?:\(s\))?)?|given\s*names?"
        r"|(?<![a-z])prenoms?(?![a-z])|(?<![a-z])nombres?(?![a-z])"
        r"|(?<![a-z])(?:vornamen?|voornamen?|imiona|imie|prenume)(?![a-z])|(?<![a-z])first\s+names?(?![a-z])"
        # "Name" as a caption's English half, after its own language's ("Име / Name"): a card printing its
        # captions in a script OCR reads as noise leaves this half alone (blind probe r63a, a Bulgarian card's
        # given names unread). Beside a surname's caption it captions the given names, alone the whole name; as the
        # last language of a surname's own caption ("NAAM / NOM / NAME", a Belgian card's), the surname
        # (``caption_match``).
        r"|[/|]\s*name(?![a-z])"
    ),
    "sex": re.compile(r"sexo|(?<![a-z])sexe?(?![a-z])"),
    # A residence permit abbreviates it beside the sex, in both languages ("Sexo / Sex  Nac. / Nat."); "Nat."
    # alone may be a Brazilian document's "Naturalidade", the place of birth.
    # OCR reads the caption's "C" as a "G" ("NAGIONALIDADE", "NAGONALIDADE"), as it reads "rn" as "m" above.
    "nationality": re.compile(r"na[cg]i?onalidade?|nationality|nationalite|(?<![a-z])nac(?:\.(?!\w)|\.?\s*/?\s*nat\.)"),
    "date_of_birth": re.compile(
        r"data\s+de\s+nascimento|date\s+of\s+birth|date\s+de\s+naissance|fecha\s+de\s+nacimiento|" + BARE_BIRTH_LABEL
    ),
    "expiry_date": re.compile(
        r"data\s+de\s+validade|validade|expiry\s+date|date\s+of\s+expiry|v[aá]lido\s+at[eé]|valid\s+until"
        r"|date\s+d\W?\s*expiration|fecha\s+de\s+(?:vencimiento|caducidad|expiracion)"
    ),
    "document_number": re.compile(
        r"(?:n\.?\s?[ºo°]?|(?<![a-z])numero)\s*(?:d[oe]\s+)?(?:documento|pass?aporte|t[ií]tulo)"
        r"|(?:documento|pass?aporte|t[ií]tulo)\s+n\.?\s?[ºo°]"
        r"|n\.?\s?[ºo°]?\s*du\s+document"
        r"|document\s+n|passport\s+n|permit\s+n|(?<![a-z])doc\.?\s*n(?:o|r|umber)?(?![a-z])"
        # A Spanish DNI's card number, the MRZ's ("NÚM. SOPORTE"); its "DNI 12345678Z" is the holder's own number.
        # The card prints it cut short, "NUM SOPORT" (blind probe r67a: a DNI's front gave no number).
        r"|(?<![a-z])num\.?\s*soporte?(?![a-z])"
        # A Polish card's own number ("NUMER DOWODU / ID NUMBER"), checked by ``polish_card_number_holds``.
        r"|(?<![a-z])numer\s+dowodu(?![a-z])"
        # The bare caption in both languages ("N.º / No."); alone, "N.º" is as often a law's ("art. 88.º n.º 2").
        r"|(?<![a-z])n\.?\s?[ºo°]\.?\s*/\s*no(?![a-z])"
        # A residence permit issued on paper names its number by what it is: AIMA's "N.º da autorização" (blind
        # probe r47a: the CPLP mobility permit's number unread).
        r"|(?<![a-z])(?:n\.?\s?[ºo°]\.?|numero)\s*da\s+autorizacao(?![a-z])"
    ),
}
# The words of the EU cards' name labels, in their languages and in English ("NOME / NAME", "VORNAMEN /
# GIVEN NAMES / PRENOMS"): a line of nothing but these is a label, never the name under it.
NAME_LABEL_WORDS = frozenset(
    [
        "name",
        "names",
        "surname",
        "surnames",
        "given",
        "forename",
        "forenames",
        "first",
        "last",
        "family",
        "birth",
        "at",
        "of",
        "e",
        "and",
        "nome",
        "nomes",
        "sobrenome",
        "sobrenomes",
        "prenome",
        "prenomes",
        "nomi",
        "cognome",
        "cognomi",
        "nom",
        "noms",
        "prenom",
        "prenoms",
        "vorname",
        "vornamen",
        "nachname",
        "familienname",
        "geburtsname",
        "nombre",
        "nombres",
        "apellido",
        "apellidos",
        "naam",
        "namen",
        "voornaam",
        "voornamen",
        "achternaam",
        "imie",
        "imiona",
        "nazwisko",
        "prenume",
        "prenumele",
        "nume",
        "numele",
        "apelido",
        "apelidos",
        "proprio",
        "proprios",
        # Other labels a card prints under or beside the name.
        "assinatura",
        "signature",
        "titular",
        "holder",
        "altura",
        "height",
        "filiacao",
        "parents",
        "s",
    ]
)
# Spain captions each surname on its own ("PRIMER APELLIDO", "SEGUNDO APELLIDO"): the ordinal is the caption's,
# never a name's (a given name "SEGUNDO" on its own row stays one).
ORDINAL_SURNAME_CAPTION = re.compile(
    r"(?<![a-z])(?:primer|primero|segundo|first|second|[12]\.?\s?(?:er|o|º|°)?)\s+(?=apell?idos?|surname)"
)
# The caption of the second surname, printed on a row of its own under the first surname's value.
SECOND_SURNAME_CAPTION = re.compile(r"(?<![a-z])(?:segundo|second|2\.?\s?(?:o|º|°)?)\s+(?:apell?idos?|surname)")


# A name caption's long word read with a letter or two wrong ("Summame" for "Surname") is still the caption: no
# name lies that close to one. Shorter caption words ("nome", "nom") and the card's other captions ("parents",
# a letter from the surname "Parente") are too near real names.
MISREADABLE_CAPTION_WORDS = frozenset(
    {"surname", "surnames", "forename", "forenames", "apelido", "apelidos", "apellido", "apellidos", "sobrenome",
     "sobrenomes", "prenome", "prenomes", "cognome", "cognomi", "vorname", "vornamen", "nachname", "familienname",
     "geburtsname", "nombres", "voornaam", "voornamen", "achternaam", "nazwisko", "prenume", "prenumele"}
)  # fmt: skip
MISREAD_CAPTION_LETTERS = 7
MISREAD_CAPTION_EDITS = 2


def caption_words_only(folded: str) -> bool:
    """Whether every word of a folded candidate is a name caption's, as printed or as OCR misread it."""
    return all(caption_word(word) for word in label_words(folded))


def caption_word(word: str) -> bool:
    return word in NAME_LABEL_WORDS or misread_caption_word(word)


def misread_caption_word(word: str) -> bool:
    return len(word) >= MISREAD_CAPTION_LETTERS and any(
        Levenshtein.distance(word, caption, score_cutoff=MISREAD_CAPTION_EDITS) <= MISREAD_CAPTION_EDITS
        for caption in MISREADABLE_CAPTION_WORDS
    )


def label_words(folded: str) -> set[str]:
    """The words of a folded line that may all be name-label words, an ordinal caption's counted as its noun's."""
    return set(re.findall(r"[a-z]+", ORDINAL_SURNAME_CAPTION.sub(" ", folded))) - NAME_PARTICLES


def caption_match(name: str, folded: str) -> re.Match[str] | None:
    """``name``'s caption on a folded line, read as the whole caption it is part of: an EU card captions each field in
    two or three languages ("NAAM / NOM / NAME", "VOORNAMEN / PRÉNOMS / GIVEN NAMES"), and the caption means what its
    languages together say, not what one of its words alone would. English "Name" closing a surname's caption is the
    surname's (a Belgian card's "NAAM / NOM / NAME" over PEETERS, blind probe r80d: read as both names' captions
    side by side, neither name was read); the given names' caption is their own row's."""
    for match in ID_LABELS[name].finditer(folded):
        if name != "given_names" or not closes_a_surname_caption(folded, match):
            return match
    return None


def closes_a_surname_caption(folded: str, match: re.Match[str]) -> bool:
    """Whether a given-names match is a bare "/ Name" after a surname's caption, nothing but caption words and
    slashes between them."""
    if not match.group(0).lstrip().startswith(("/", "|")):
        return False
    surnames = list(ID_LABELS["surname"].finditer(folded, 0, match.start()))
    if not surnames:
        return False
    between = folded[surnames[-1].end() : match.start()]
    return caption_words_only(between) and not re.search(r"[^\sa-z/|]", between)


def find_caption(lines: list[Line], name: str, start: int = 0) -> tuple[int, re.Match[str]] | None:
    """The first line from ``start`` holding ``name``'s caption (``caption_match``), and the match."""
    for index in range(start, len(lines)):
        match = caption_match(name, fold(lines[index].text))
        if match:
            return index, match
    return None


LABEL_REMNANT = re.compile(
    # The caption's other languages after a slash, either way round: "Apelido(s) / Surname", "Surname / Apelido:",
    # "Given names / Nomes:", "(S) / GIVEN NAMES / PRÉNOMS".
    # OCR reads "rn" as "m" ("Sumame"), as the surname's caption allows.
    # OCR may read the slash as a bar ("APELIDO | SURNAME": blind probe r37a, "Surname" taken for the surname).
    r"^\s*(?:\(s\))?\s*(?:[/|]?\s*(?:su(?:rn|m)ame|given\s*names?\s*(?:\(s\))?)\s*)?"
    r"(?:[/|]\s*(?:apell?idos?|nom(?:br)?es?(?:\s+pr[oó]prios?)?|su(?:rn|m)ames?|given\s*names?|nom|pr[eé]noms?"
    # A caption's English last ("NAAM / NOM / NAME PEETERS", "NUME / NOM / LAST NAME"), a whole word.
    r"|(?:(?:last|family|first)\s+)?names?(?![^\W\d_]))(?:\(s\))?\s*)*"
    r"[:/]?\s*",
    re.IGNORECASE,
)
# Labels of the numbers printed beside the NIF, which must never be taken for it.
NIF_LABEL = re.compile(r"fiscal|(?<![a-z])nif(?![a-z])|tax\s+(?:identification\s+)?n|contribuinte")
OTHER_NUMBER_LABEL = re.compile(
    r"utente|sa[uú]de|health|seguran[cç]a\s+social|social\s+security|(?<![a-z])niss(?![a-z])|(?<![a-z])sns(?![a-z])"
)
FRONT_SIGNS = re.compile(r"apelido|surname|data\s+de\s+nascimento|date\s+of\s+birth")
# A residence permit in the EU's uniform format prints the birth date on its back, beside the sex, the nationality and
# the MRZ; its front only the name, the photo, the number and the validity. Its front is told by the name's caption
# alone (blind probe r45a: a permit's back said "both", and an agency never asked for the front it lacked).
# The permit's older model (SEF's, still valid) captions the whole name "NOME" alone on its row over it, the number
# and the validity beside it on the front, the birth date with the MRZ on the back (blind probe r63a: both sides
# stacked in one scan said "back"). Alone on its row: "Nome do pai" on a back is no holder's name.
NAME_SIGNS = re.compile(
    r"apelido|surname|(?<![a-z])nomes?(?:\(s\))?(?:\s*/\s*(?:(?:full|given)\s+)?names?)?\s*$", re.MULTILINE
)
# Beside the name, the uniform format's front prints the validity and the permit's type (Regulation (EC) No
# 1030/2002, as amended: the back holds the birth date, the nationality and the MRZ), and a transcription or a
# form-like copy captions the name with its value after a colon on the same row ("Nome / Name: SILVA, ANA"). Any of
# them on the page is the front (blind probe r70b, I06: a permit's front and back on one page read as the back
# alone, "falta a frente"). "Nome do pai" stays no sign: the caption must be the name's alone.
PERMIT_FRONT_SIGNS = re.compile(
    r"v[aá]lid[oa]\s+at[eé]|valid\s+until|tipo\s+de\s+t[ií]tulo|type\s+of\s+permit"
    r"|(?<![a-z])nomes?(?:\(s\))?(?:\s*/\s*(?:(?:full|given)\s+)?names?)?\s*:"
)
# A NIF is printed in threes; OCR may lose one of the spaces ("192 837419").
LONG_NUMBER = re.compile(r"(?<![\dA-Z])(?:\d{3}\s?\d{3}\s?\d{3}|\d{9,13})(?![\dA-Z])")
# "N.º", "No.", "Nº" start a new label on a row of several.
LABEL_START = re.compile(r"(?<![a-z])n\.?\s?o\.?(?:\s|$)")
# Cards sent as two images, front and back (the MRZ on the back); a passport is one page.
TWO_SIDED_CARDS = frozenset(
    {DocumentKind.CARTAO_CIDADAO, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO, DocumentKind.TITULO_RESIDENCIA}
)
# A nationality printed as a word: the country's name and its adjective (masculine, feminine) in Portuguese,
# English and the holder's own language, folded (no accents, lower case). The states of most of Portugal's
# foreign residents and of the EU; a country missing here is simply not read from the visual zone (the MRZ's
# code still is).
_NATIONALITY_WORD_TEXT = """
    PRT: portugal, portugues, portuguesa, portuguese
    BRA: brasil, brazil, brasileiro, brasileira, brazilian
    AGO: angola, angolano, angolana, angolan
    CPV: cabo verde, cape verde, cabo-verdiano, cabo-verdiana, caboverdiano, caboverdiana, cape verdean
    GNB: guine-bissau, guinea-bissau, guineense, bissau-guinean
    STP: sao tome, sao-tomense, santomense
    MOZ: mocambique, mozambique, mocambicano, mocambicana, mozambican
    TLS: timor-leste, timor leste, timorense, east timorese
    ESP: espanha, spain, espana, espanhol, espanhola, spanish, espanol, espanola
    FRA: franca, france, frances, francesa, french, francais, francaise
    DEU: alemanha, germany, deutschland, alemao, alema, german, deutsch, deutsche
    ITA: italia, italy, italiano, italiana, italian
    GBR: reino unido, united kingdom, britanico, britanica, british
    IRL: irlanda, ireland, irlandes, irlandesa, irish
    NLD: paises baixos, netherlands, holanda, neerlandes, neerlandesa, holandes, holandesa, dutch, nederlandse
    BEL: belgica, belgium, belga, belgian, belge, belg, belgisch, belgische
    LUX: luxemburgo, luxembourg, luxemburgues, luxemburguesa, luxembourgish
    CHE: suica, switzerland, suico, swiss
    AUT: austria, austriaco, austriaca, austrian
    POL: polonia, poland, polaco, polaca, polish, polska, polskie, polski
    ROU: romenia, romania, romeno, romena, romanian, romana
    BGR: bulgaria, bulgaro, bulgara, bulgarian
    UKR: ucrania, ukraine, ucraniano, ucraniana, ukrainian
    MDA: moldavia, moldova, moldavo, moldava, moldovan
    RUS: russia, russo, russa, russian
    SWE: suecia, sweden, sueco, sueca, swedish
    GRC: grecia, greece, grego, grega, greek
    USA: estados unidos, united states, norte-americano, norte-americana, american
    CAN: canada, canadiano, canadiana, canadian
    VEN: venezuela, venezuelano, venezuelana, venezuelan, venezolano, venezolana
    COL: colombia, colombiano, colombiana, colombian
    ARG: argentina, argentino, argentine
    PER: peru, peruano, peruana, peruvian
    CHL: chile, chileno, chilena, chilean
    MEX: mexico, mexicano, mexicana, mexican
    CUB: cuba, cubano, cubana, cuban
    ECU: equador, ecuador, equatoriano, equatoriana, ecuatoriano, ecuatoriana, ecuadorian
    BOL: bolivia, boliviano, boliviana, bolivian
    URY: uruguai, uruguay, uruguaio, uruguaia, uruguayo, uruguaya, uruguayan
    PRY: paraguai, paraguay, paraguaio, paraguaia, paraguayo, paraguaya, paraguayan
    DOM: republica dominicana, dominican republic, dominicano, dominicana, dominican
    IND: india, indiano, indiana, indian
    NPL: nepal, nepales, nepalesa, nepalese, nepali
    BGD: bangladesh, bangladeshi
    PAK: paquistao, pakistan, paquistanes, paquistanesa, pakistani
    CHN: china, chines, chinesa, chinese
    MAR: marrocos, morocco, marroquino, marroquina, moroccan
    TUR: turquia, turkey, turco, turca, turkish
    VNM: vietname, vietnam, viet nam, vietnamita, vietnamese
    PHL: filipinas, philippines, pilipinas, filipino, filipina
    THA: tailandia, thailand, tailandes, tailandesa, thai
    IDN: indonesia, indonesio, indonesian
    JPN: japao, japan, nippon, japones, japonesa, japanese
    KOR: coreia do sul, south korea, sul-coreano, sul-coreana, south korean
    AUS: australia, australiano, australiana, australian
    NZL: nova zelandia, new zealand, neozelandes, neozelandesa, new zealander
    ZAF: africa do sul, south africa, sul-africano, sul-africana, south african
    NGA: nigeria, nigeriano, nigeriana, nigerian
    SEN: senegal, senegales, senegalesa, senegalese
    GEO: georgia, sakartvelo, georgiano, georgiana, georgian
    KAZ: cazaquistao, kazakhstan, cazaque, kazakh, kazakhstani
    BLR: bielorrussia, belarus, bielorrusso, bielorrussa, belarusian
    SRB: servia, serbia, srbija, servio, serbian
    NOR: noruega, norway, norge, noreg, noruegues, norueguesa, norwegian, norsk
    ISL: islandia, iceland, island, islandes, islandesa, icelandic, islenskt
    AZE: azerbaijao, azerbaijan, azerbaycan, azeri, azerbaijani
    ISR: israel, israelita, israeli
    EGY: egito, egypt, egipcio, egipcia, egyptian
    CZE: republica checa, czech republic, czechia, chequia, ceska republika, checo, checa, czech, cesky, ceska
    SVK: eslovaquia, slovakia, slovensko, slovenska republika, eslovaco, eslovaca, slovak, slovensky
    HUN: hungria, hungary, magyarorszag, hungaro, hungara, hungarian, magyar
    HRV: croacia, croatia, hrvatska, croata, croatian
    SVN: eslovenia, slovenia, slovenija, esloveno, eslovena, slovenian, slovene
    LTU: lituania, lithuania, lietuva, lituano, lituana, lithuanian, lietuvos
    LVA: letonia, latvia, latvija, latvian
    EST: estonia, eesti, estonio, estonian
    FIN: finlandia, finland, suomi, finlandes, finlandesa, finnish
    DNK: dinamarca, denmark, danmark, dinamarques, dinamarquesa, danish
    CYP: chipre, cyprus, cipriota, cypriot
    MLT: malta, maltes, maltesa, maltese
"""
NATIONALITY_WORDS = {
    word.strip(): code
    for line in _NATIONALITY_WORD_TEXT.strip().splitlines()
    for code, _, words in [line.strip().partition(": ")]
    for word in words.split(",")
}
# The words of a state's formal name around its name ("UNITED STATES OF AMERICA", "ISLAMIC REPUBLIC OF PAKISTAN",
# "REPÚBLICA FEDERATIVA DO BRASIL", "KINGDOM OF MOROCCO"), folded: none names a state alone.
STATE_NAME_WORDS = frozenset(
    {"of", "the", "and", "republic", "islamic", "federal", "federative", "democratic", "people", "peoples", "people's",
     "kingdom", "america", "arab", "socialist", "plurinational", "bolivarian", "united", "state", "states", "union",
     "republica", "federativa", "do", "da", "de", "dos", "das", "reino", "estado", "estados", "islamica", "popular",
     "democratica", "unidos", "federale", "republique", "repubblica", "bundesrepublik", "nationality",
     "nacionalidade", "nationalite", "nacionalidad"}
)  # fmt: skip


def state_named(text: str) -> str | None:
    """The one state a text names and nothing else, by its name or its adjective with the words of a formal name
    around them ("UNITED STATES OF AMERICA", "PAKISTANI", "REPÚBLICA PORTUGUESA"), as ISO 3166 alpha-3; else None."""
    words = [fold(word) for word in re.findall(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", text)]
    named: set[str] = set()
    index = 0
    while index < len(words):
        pair = f"{words[index]} {words[index + 1]}" if index + 1 < len(words) else ""
        if pair in NATIONALITY_WORDS:
            named.add(NATIONALITY_WORDS[pair])
            index += 2
        elif words[index] in NATIONALITY_WORDS:
            named.add(NATIONALITY_WORDS[words[index]])
            index += 1
        elif words[index] in STATE_NAME_WORDS:
            index += 1
        else:
            return None
    return named.pop() if len(named) == 1 else None


def document_states(lines: list[Line], mrz: MrzRead | None) -> frozenset[str]:
    """The states a document names as its own: its MRZ's issuing state and nationality, its first row's code ("P USA
    586214937"), its title above its first caption ("ISLAMIC REPUBLIC OF PAKISTAN") and its nationality's value.

    A name caption's value line lost to OCR leaves the next caption's value under it, and with that caption lost
    too, nothing tells the nationality from a name but what it says (blind probe r78d: "PAKISTANI" read as a
    passport's given names, "UNITED STATES OF AMERICA" kept against a valid MRZ's MICHAEL DAVID)."""
    states = {state for state in (mrz.issuing_state, mrz.nationality) if state} if mrz is not None else set()
    first_caption = next(
        (
            index
            for index, line in enumerate(lines)
            if any(label.search(fold(line.text)) for label in ID_LABELS.values())
        ),
        len(lines),
    )
    for index, line in enumerate(lines):
        row = PASSPORT_FIRST_ROW.match(line.text)
        if row and country_code(row.group(1)) == row.group(1):
            states.add(row.group(1))
        elif index < first_caption and (title := state_named(line.text)):
            states.add(title)
    found = find_label(lines, ID_LABELS["nationality"])
    if found:
        for candidate, _ in value_after_label(lines, *found, lookahead=1):
            nationality = visual_nationality(candidate)
            if nationality:
                states.add(nationality)
                break
    return frozenset(ICAO_STATE_CODES.get(state, state) for state in states)


SEX_LETTERS = {"geschlecht": {"W": "F"}, "geslacht": {"V": "F"}}
# ICAO 9303's own codes for a state whose ISO 3166 alpha-3 code the visual zone gives: Germany is "D".
ICAO_STATE_CODES = {"D": "DEU"}
MRZ_CONFIDENCE_UNCHECKED = 0.5
# A valid MRZ's name with no printed name to confirm it (a card's back alone): no check digit covers a name, so a
# letter OCR misread in it ("CLATRE" for "CLAIRE", blind probe r67a) passes every check; it is not given as certain.
MRZ_NAME_UNCONFIRMED_CONFIDENCE = 0.85
# An MRZ's number that a look-alike reading holds alike, nothing printed to choose (``number_twin_unresolved``).
NUMBER_TWIN_CONFIDENCE = 0.85
VIZ_CONFIDENCE_AGAINST_FAILED_MRZ = 0.6


# OCR's and typesetters' apostrophes, which the name cleaning would take for a word's end.
APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼ`", "'"))
# An address's caption, in the languages of the cards Portugal's residents hold: a card's back photographed beside
# its front prints it on the row of the front's name caption ("APELLIDOS  DOMICILIO C. ..."). What follows it is
# an address, never a name.
ADDRESS_CAPTION = re.compile(
    r"(?<![a-z])(?:domicilio|morada|address|adresse|indirizzo|direccion|endereco|anschrift|wohnort|adres|adresa)"
    r"(?![a-z])"
)
# Words too short to tell two names apart by: initials, particles of any language ("LA", "DI", "VAN" is kept).
MIN_SHARED_WORD_LETTERS = 3
# A word this long read with one letter wrong ("TEIXElRA") is still the MRZ's word.
MISREAD_WORD_LETTERS = 5


def name_value(
    candidates: list[tuple[str, Line]],
    *,
    mixed_case: bool = False,
    mrz_name: str = "",
    states: frozenset[str] = frozenset(),
) -> tuple[str, float, Line] | None:
    """The first candidate that reads as a name, its confidence and the line it was read from; in mixed case too
    where the document prints names so (``mixed_case``: a Cartão de Cidadão's "Dos Santos Magalhães").

    With a valid MRZ's name for this caption (``mrz_name``), a first reading that shares none of its words gives
    way to a later candidate that shares one: text beside the caption (a card's other side photographed next to
    it) reads as a name as well as the name under the caption does, and only the MRZ tells them apart. A first
    reading sharing only a word gives way in turn to a later one that spells the MRZ's name out: the parents'
    names on a back read on the surname caption's row share the holder's surname ("INÊS MARTA BARROS" beside
    "APELIDO(S)", over the holder's "BARROS DA COSTA").

    A reading that names the document's own state and nothing else (``states``: "PAKISTANI", "UNITED STATES OF
    AMERICA") is its nationality's value or its title, never a name, unless the valid MRZ's name has its word."""
    names = [
        value
        for value in names_read(candidates, mixed_case=mixed_case)
        if not (state_named(value[0]) in states and not (mrz_name and shares_a_word(value[0], mrz_name)))
    ]
    first = names[0] if names else None
    if first is None or not mrz_name or spells_the_mrz_name(first[0], mrz_name):
        return first
    rest = after_a_stray_first_word(first[0])
    if rest and spells_the_mrz_name(rest, mrz_name):
        # A short word before what spells the valid MRZ's name out is a pattern's marks read as letters ("EB MARY
        # ELIZABETH" over MARY<ELIZABETH: blind probe r35c), not a name the MRZ left out: it prints them all.
        return rest, first[1], first[2]
    spelled = next((value for value in names[1:] if spells_the_mrz_name(value[0], mrz_name)), None)
    return spelled or next((value for value in names if shares_a_word(value[0], mrz_name)), first)


# The longest stray word before a printed name that the MRZ's name shows is no part of it.
STRAY_WORD_LETTERS = 3
# The particles a name may begin with ("da Silva"): "e" joins two names and begins none, so a lone "E" before a name
# is a mark OCR read as a letter (blind probe r45a: "E O'BRIEN" beside a valid MRZ's OBRIEN, flagged as a mismatch).
LEADING_PARTICLES = NAME_PARTICLES - {"e"}


def after_a_stray_first_word(name: str) -> str | None:
    """The name after its first word, when that word is short enough to be OCR's reading of marks and no particle a
    name may begin with."""
    words = name.split()
    if len(words) < 2 or len(words[0]) > STRAY_WORD_LETTERS or fold(words[0]) in LEADING_PARTICLES:
        return None
    return " ".join(words[1:])


def spells_the_mrz_name(printed: str, mrz_name: str) -> bool:
    """Whether a printed name's first words spell a valid MRZ's name, the ICAO way (see ``within_the_mrz_name``)."""
    return words_spelling_the_mrz_name(printed.split(), mrz_name) is not None


def shares_a_word(printed: str, mrz_name: str) -> bool:
    """Whether a printed name has a word the MRZ's name has, written the ICAO way (no accents, "Ü" as "UE")."""
    mrz_words = {word for word in re.split(r"[^A-Z]+", mrz_name.upper()) if len(word) >= MIN_SHARED_WORD_LETTERS}
    return any(
        same_word(form, mrz_word)
        for word in re.split(r"[\s-]+", printed)
        if fold(word) not in NAME_PARTICLES
        for form in mrz_name_forms(word)
        for mrz_word in mrz_words
    )


def same_word(printed_form: str, mrz_word: str) -> bool:
    """The same word, or a long one a letter apart: OCR may misread a letter of either reading."""
    if len(mrz_word) < MISREAD_WORD_LETTERS:
        return printed_form == mrz_word
    return Levenshtein.distance(printed_form, mrz_word, score_cutoff=1) <= 1


def before_address_caption(text: str) -> str:
    """A candidate up to an address caption it holds: the caption and the address after it are no name."""
    found = ADDRESS_CAPTION.search(fold(text))
    return text[: found.start()] if found else text


# What follows a name caption on its row when it opens with a slash, perhaps after the caption's misread ending
# ("IS! / QIVEN MAMEIS)" after "NOME"): the caption in its other language, never the name (blind probe r33b: a CC
# scan's given names read as "Qiven Mameis").
CAPTION_TRANSLATION = re.compile(r"\s*\S{0,3}\s*/")
# Another field's caption alone, in either language ("O / PLACE OF ISSUE" read after the name's caption): no name.
OTHER_FIELDS_CAPTION_ONLY = re.compile(
    r"(?:(?:place|date|of|issue|birth|sex|nationality|authority|document|number|expiry|local|data|de|emissao"
    r"|nascimento|validade|sexo|nacionalidade|autoridade|documento|o|no"
    # A document's title and its number's caption, printed on a name caption's row ("Nome(s) / Given names DNI": a
    # Spanish card's, blind probe r74a, taken for the given names).
    r"|dni|nie|identidad|identidade|identity|identite|nacional|national|card|carte|tarjeta|cartao|permit"
    r"|residence|residencia|titulo|autorizacao|tipo|type|passport|passaporte|pasaporte)\W*)+"
)


def names_read(candidates: list[tuple[str, Line]], *, mixed_case: bool) -> Iterator[tuple[str, float, Line]]:
    """The candidates that read as a name, in order (see ``name_value``)."""
    for position, (text, line) in enumerate(candidates):
        # Strip bilingual label remnants such as "(s) / Surname"; a typographic apostrophe is a name's ("D’ARCY").
        stripped = LABEL_REMNANT.sub("", without_bracketed(text)).translate(APOSTROPHES)
        stripped = before_address_caption(stripped)
        if not stripped.strip():
            continue
        if position == 0 and len(candidates) > 1 and line.confidence < 1.0 and noise_around_a_word(stripped):
            # The caption's own line, past the caption: a word among OCR's specks is no name printed there.
            continue
        if position == 0 and len(candidates) > 1 and CAPTION_TRANSLATION.match(text):
            # The caption's other language after its slash, its ending misread ("NOMEIS! / QIVEN MAMEIS)").
            continue
        if line.confidence < 1.0:
            stripped = capital_i_restored(stripped)
        # The other side's captions first: a caption row's own slashes ("LOCAL DE PEDIDO / PLACE OF REQUEST", read
        # after a name on a front and back side by side) would read as a name's two scripts.
        stripped = latin_rendering(front_side_only(stripped))
        if not stripped.strip():
            continue
        folded = fold(stripped)
        in_capitals = re.fullmatch(r"[A-ZÀ-Ý' -]{2,}", stripped.strip(EDGE_NOISE))
        if any(p.search(folded) for p in ID_LABELS.values()) and not in_capitals:
            continue
        if caption_words_only(folded) or OTHER_FIELDS_CAPTION_ONLY.fullmatch(folded.strip(EDGE_NOISE + "/ ")):
            continue
        if line.confidence < 1.0:
            stripped = without_doubtful_capitalised_word(
                without_leading_noise(without_mark_before_name(stripped, line)), line
            )
        if position > 0 and not mixed_case:
            stripped = name_after_other_page(stripped)
        name = clean_name(without_stray_hyphens(without_document_number(stripped)))
        if name and line.confidence < 1.0:
            name = without_doubtful_first_word(without_doubtful_last_word(without_word_apart(name, line), line), line)
        # Identity documents print names in capitals; mixed case is label text, unless a text layer (exact,
        # not OCR'd: a scan misreads labels, "Sumame") shows it shaped as a name ("da Costa e Silva":
        # capitalised words and particles, no label punctuation), as a document typed rather than printed does.
        typed_name = line.confidence >= 1.0 and name_shaped(stripped)
        printed_so = typed_name or (mixed_case and name is not None and name_shaped(name))
        if name and not re.search(r"\d", name) and (name.upper() == name or printed_so):
            yield name, line.confidence, line


# Capitals ending a line, after a comma between given names ("JEAN-BAPTISTE, LOUIS") or none.
CAPITALS_ENDING_A_LINE = re.compile(r"(?:[A-ZÀ-Ý][A-ZÀ-Ý'-]+,?\s+)*[A-ZÀ-Ý][A-ZÀ-Ý'-]+\W*$")
# A sentence's words before them: lower case, figures (a facing page's "This passport contains 34 pages").
PROSE_WORDS = re.compile(r"\b[a-zà-ÿ]{3,}\b.*\b[a-zà-ÿ]{3,}\b")


def name_after_other_page(text: str) -> str:
    """The name in capitals ending a line under its caption, without the sentence OCR joined before it from the
    other page or column on its row: an open passport's facing page ("Ce passeport contient 34 pages | This passport
    contains 34 pages JEAN-BAPTISTE, LOUIS", blind probe r45a), whose figures cut the name off (``clean_name``).
    A document prints names in capitals: a line that opens with a sentence of lower-case words is not the name's
    own; its capitals at the end are. Any other line is left as read."""
    ending = CAPITALS_ENDING_A_LINE.search(text)
    if ending is None or ending.start() == 0 or not PROSE_WORDS.search(text[: ending.start()]):
        return text
    return ending.group(0)


# A short last word OCR doubts far more than the name's other words is a speck, a glare's or a shadow's edge read as
# letters ("RAJESH KUMAR ES", "ES" at 0.37 after two words at 0.9).
DOUBTFUL_WORD_LETTERS = 3
DOUBTFUL_WORD_CONFIDENCE = 0.5
SURE_WORD_CONFIDENCE = 0.8


def without_doubtful_last_word(name: str, line: Line) -> str:
    """An OCR'd name without a short last word read far less surely than every other word of it."""
    words = name.split()
    if len(words) < 2 or not doubtful_beside(words[-1], words[:-1], line):
        return name
    return " ".join(words[:-1])


def doubtful_beside(word: str, others: list[str], line: Line) -> bool:
    """Whether a short word, no particle, was read far less surely than every other word of its name."""
    sureness = dict(line.word_confidences)
    return (
        len(word) <= DOUBTFUL_WORD_LETTERS
        and word.lower() not in NAME_PARTICLES
        and sureness.get(word, 1.0) < DOUBTFUL_WORD_CONFIDENCE
        and all(sureness.get(other, 0.0) >= SURE_WORD_CONFIDENCE for other in others)
        and not printed_in_the_names_type(word, others, line)
    )


# How far a word's box may differ in height from a word of the name's (a share of the taller), and how much of the
# shorter's height the two must share, for the two to be printed in one type on one line. An accent or a cedilla
# makes a word's box a third taller than one of plain capitals ("SÁ", "CONCEIÇÃO" beside "LI").
SAME_TYPE_HEIGHT = 0.35
SAME_ROW_SHARE = 0.8
# A word this many of its heights from the name's nearest word is not the next word of the name.
NAME_SPACE_HEIGHTS = 1.5


def printed_in_the_names_type(word: str, others: list[str], line: Line) -> bool:
    """Whether OCR found a short word as tall as a word of the name, on its row and a space from the nearest: a
    letter of the name's, however unsure OCR was of its glyphs (blind probe r68a: a card's "WANG LI", the "LI" at
    0.40, the sans-serif "I" and "l" alike, dropped as a speck; the surnames "LI", "LU", "NG", "WU" are two
    letters). A speck or a glare's edge has no such box; a line without boxes keeps the doubt."""
    read = [each for each, _ in line.word_confidences]
    if len(read) != len(line.word_boxes) or word not in read:
        return False
    boxes = dict(zip(read, line.word_boxes, strict=True))
    left, top, width, height = boxes[word]
    for other in others:
        if other not in boxes:
            continue
        other_left, other_top, other_width, other_height = boxes[other]
        on_row = min(top + height, other_top + other_height) - max(top, other_top)
        gap = max(other_left - (left + width), left - (other_left + other_width))
        if (
            abs(height - other_height) <= SAME_TYPE_HEIGHT * max(height, other_height)
            and on_row >= SAME_ROW_SHARE * min(height, other_height)
            and gap <= NAME_SPACE_HEIGHTS * other_height
        ):
            return True
    return False


# A first word this many of the next word's heights left of it, and under half its height, is no word of the name:
# a mark in the photo's area or the window around the card read as letters, on the name's line (blind probe r49a:
# a CC front in a phone's gallery read "Do Conceição Araújo", a "Do" 12 px high 200 px left of words 42 px high, and
# no "do" printed; a particle, the doubtful-word rule kept it). A name's words are printed in one size, a space apart.
WORD_APART_HEIGHTS = 2
WORD_APART_SIZE = 0.5


def without_word_apart(name: str, line: Line) -> str:
    """An OCR'd name without a first word far left of the next and much smaller than it (``WORD_APART_HEIGHTS``)."""
    words = name.split()
    read = [word for word, _ in line.word_confidences]
    if len(words) < 2 or len(read) != len(line.word_boxes) or words[0] not in read or words[1] not in read:
        return name
    first = line.word_boxes[read.index(words[0])]
    second = line.word_boxes[read.index(words[1])]
    gap = second[0] - (first[0] + first[2])
    apart = gap > WORD_APART_HEIGHTS * second[3] and first[3] < WORD_APART_SIZE * second[3]
    return " ".join(words[1:]) if apart else name


def without_doubtful_first_word(name: str, line: Line) -> str:
    """An OCR'd name without a short first word read far less surely than every other word of it: a guilloche's or
    a card pattern's marks before the names ("SS ERIK JOHAN", "SS" at 0.003; blind probe r35c)."""
    words = name.split()
    if len(words) < 3:
        # One word left would stand alone, read clearly, against a valid MRZ's name it may not be (blind probe
        # r31b's German card: "ias CAN", the back's "CAN" field beside the front's unread given names).
        return name
    return " ".join(words[1:]) if doubtful_beside(words[0], words[1:], line) else name


# A short word in mixed case: a name in capitals never holds one; OCR reads specks so ("Pc").
SHORT_MIXED_CASE_WORD = re.compile(r"[A-Z][a-z]{1,2}")


def without_doubtful_capitalised_word(text: str, line: Line) -> str:
    """An OCR'd name in capitals without a short first word in mixed case read far less surely than the rest: a
    guilloche's marks before the Latin line of a name printed in two scripts ("Pc KOVALENKO" under the Cyrillic
    "КОВАЛЕНКО", blind probe r45a). Kept, the word barred the line as no name in capitals, and the Cyrillic line
    OCR read as Latin letters ("AR KOBANEHKO") stood for the name against the valid MRZ's."""
    words = text.strip(EDGE_NOISE).split()
    if len(words) < 2 or not SHORT_MIXED_CASE_WORD.fullmatch(words[0]):
        return text
    rest = " ".join(words[1:])
    if not NAME_IN_CAPITALS.fullmatch(rest) or not doubtful_beside(words[0], words[1:], line):
        return text
    return rest


# Text in square brackets: a placeholder or an OCR artefact ("[FOTO]" where the portrait is), never a name's.
BRACKETED = re.compile(r"\[[^\]]*\]")


def without_bracketed(text: str) -> str:
    return BRACKETED.sub(" ", text)


# The captions of what a Cartão de Cidadão prints on its back (the NIF, the social-security and health-service
# numbers, the parents' names): on a front and back copied side by side, OCR reads them on the front's rows.
BACK_CAPTION = re.compile(
    NIF_LABEL.pattern + "|" + OTHER_NUMBER_LABEL.pattern + r"|filia[cç]?[aã]o|(?<![a-z])parents(?![a-z])"
    # Where the card was asked for, in both languages.
    r"|local\s+de\s+pedido|place\s+of\s+request"
    # The English halves, which OCR may set on a row of their own after the caption's slash.
    r"|national\s+health|social\s+security|(?<![a-z])tax\s+n",
    re.IGNORECASE,
)
# A word in capitals with a capital "I" OCR read as a look-alike: a lower-case "l" anywhere, a "1" after a capital
# ("WANG Ll", "L1U", "lLI"). A sans-serif typeface draws the capital "I" and the lower-case "l" alike, and a name in
# capitals holds neither a lower-case letter nor a figure.
CAPITAL_I_MISREAD = re.compile(r"(?=[A-ZÀ-Ýl1]*[A-ZÀ-Ý])(?=[A-ZÀ-Ýl1]*[l1])[A-ZÀ-Ýl][A-ZÀ-Ýl1]*")


def capital_i_restored(text: str) -> str:
    """An OCR'd name line in capitals with each capital "I" read as "l" or "1" put back (``CAPITAL_I_MISREAD``).

    Blind probe r68a: a passport's "WANG LI" read "WANG Ll", whose mixed-case "Ll" was cut off as the parents' names
    a card's back prints in mixed case (``front_side_only``), then flagged against the valid MRZ's WANG<LI. Short
    surnames of such glyphs ("LI", "IL", "LIU") are common. A line with any other word not in capitals (a typed
    document's "Lloyd", a sentence) is left as read."""
    words = text.split()
    restored = [
        word.replace("l", "I").replace("1", "I") if CAPITAL_I_MISREAD.fullmatch(word) else word for word in words
    ]
    if restored == words or not NAME_IN_CAPITALS.fullmatch(" ".join(restored).strip(EDGE_NOISE)):
        return text
    return " ".join(restored)


# A word in mixed case, capitalised ("Carlos", "Fernanda"): a name the card prints in capitals never reads so.
MIXED_CASE_WORD = re.compile(r"[A-ZÀ-Ý][a-zß-ÿ]+(?:['-][A-Za-zÀ-ÿ]+)*")


CAPTION_LEAD_IN = re.compile(r"\s*(?:N\.?\s?[º°o]\.?|N[ÚU]MERO(?:\s+D[EO]S?)?)\s*$", re.IGNORECASE)


def front_side_only(text: str) -> str:
    """A name's value without what a card's other side, read on the same row, adds after it: the back's captions
    ("RODRIGUES NISS / SOCIAL SECURITY No."), or words in mixed case after the name in capitals ("ANA MARGARIDA
    Maria Fernanda dos Santos", the parents' names). A name in mixed case from the start (a typed document's) is
    left whole."""
    # Searched as printed, case aside (the captions' accents are in the patterns): the cut is the text's own.
    caption = BACK_CAPTION.search(text)
    if caption:
        # The caption's own "N.º" or "NÚMERO DE" before it ("PINHEIRO N.º UTENTE DE SAÚDE", "NÚMERO DE SEGURANÇA
        # SOCIAL" beside an empty caption's row) goes with it: a caption is never a name.
        text = CAPTION_LEAD_IN.sub("", text[: caption.start()])
    words = text.split()
    for index, word in enumerate(words):
        if MIXED_CASE_WORD.fullmatch(word.strip(EDGE_NOISE)):
            capitals = [other for other in words[:index] if other.lower() not in NAME_PARTICLES]
            return " ".join(words[:index]) if capitals and all(other.isupper() for other in capitals) else text
    return text


# What OCR reads of specks and the card's pattern: a word of no letters, or a short word in lower case ("' a!").
SPECK_WORD = re.compile(r"[^\w]+|[a-z]{1,3}\W*")


def noise_around_a_word(text: str) -> bool:
    """Whether a value is one word among OCR noise ("— PRÉ ' a!"): a name captioned on its own line reads whole,
    so the word is more likely a fragment of the card's pattern than the name, printed under the caption."""
    words = text.strip(EDGE_NOISE + "—–-").split()
    noise = [word for word in words if SPECK_WORD.fullmatch(word) and word not in NAME_PARTICLES]
    return len(words) - len(noise) == 1 and bool(noise)


# A name printed twice, in the state's own script and in Latin letters ("КОВАЛЕНКО / KOVALENKO").
SCRIPT_SEPARATOR = re.compile(r"\s/\s")


def latin_rendering(text: str) -> str:
    """The Latin rendering of a name printed in two scripts: the last in Latin letters, else the last (ICAO 9303
    gives the transliteration after the national characters; OCR in a Latin alphabet reads both as Latin).

    Each rendering is judged by its words before the next column's value on the row (a date, a number): read whole,
    "OLEKSANDR 20 SET/SEP 2028" was no Latin rendering, and the Cyrillic read through its Latin look-alikes
    before it, "OJEKCAHAP", was the name (blind probe r74a: three Ukrainian passports and a Bulgarian card)."""
    renderings = [part for part in SCRIPT_SEPARATOR.split(text) if part.strip()]
    if len(renderings) < 2:
        return text
    latin = [part for part in renderings if re.fullmatch(r"[\sA-Za-zÀ-ÿ'.-]+", before_a_figure(part).strip())]
    return (latin or renderings)[-1]


def before_a_figure(text: str) -> str:
    """A line's text before its first word holding a figure: a name's words, never a date's or a number's."""
    return re.split(r"(?<!\S)(?=\S*\d)", text, maxsplit=1)[0]


# A document number: letters and digits in one word, at least three digits ("PC0481927", "A0K192837"); a name
# misread by OCR has a digit or two for letters at most ("J0SÉ").
DOCUMENT_NUMBER_WORD = re.compile(r"(?<!\S)(?=\S*[A-Za-z])(?:\S*\d){3}\S*")


def without_document_number(text: str) -> str:
    """The name before a document number printed on its row ("SEMEDO TAVARES PC0481927", the passport's number
    in the page's corner): that word is never part of a name, and nor is what follows it."""
    number = DOCUMENT_NUMBER_WORD.search(text)
    return text[: number.start()] if number else text


# A hyphen at a word's edge, a space on that side: a name's hyphen joins two parts of one word ("O'CONNOR-WHITE").
# A passport's guilloche crossing the gap between two names reads as one (blind probe r47a: "DOS -SANTOS",
# "ALEXANDRA -CHARLOTTE").
HYPHEN_AT_A_WORD_EDGE = re.compile(r"(?<!\S)[-‐‑–—]+(?=[^\W\d_])|(?<=[^\W\d_])[-‐‑–—]+(?!\S)")


def without_stray_hyphens(text: str) -> str:
    """The name line without the hyphens a background's stroke put at a word's start or end: the page prints none
    there, and taken as the name's own, the word was read as no name ("-SANTOS") or kept the hyphen."""
    return HYPHEN_AT_A_WORD_EDGE.sub("", text)


# What a photo's background or the card's portrait adds before a name in capitals, read as a short word in lower
# case ("dao CONCEIÇÃO GONÇALVES") or as a lone figure ("0 MARIA INÊS": the portrait's edge); a name has no digit.
LEADING_NOISE = re.compile(r"^\W*(?:(?:[a-z]{1,3}|\d)\W*\s+)+(?=[A-ZÀ-Ý][A-ZÀ-Ý'-]+(?:\s|$))")


# What OCR reads of a passport's portrait before the frame line between it and the data, a bar ("Re | MAGALHÃES"),
# or the line's two edges, two bars a space apart (blind probe r51a: "Gisa | | ANTUNES BRANDÃO" in low light lost the
# surname, and the MRZ's, misread, stood for the name at 0.99).
BEFORE_FRAME_LINE = re.compile(r"^[^|¦]{0,6}(?:[|¦]\s*)+(?=[A-ZÀ-Ý])")
# A short word OCR was unsure of and a mark no name holds ("SS = LUCIA MARGARIDA": a portrait's edge in low light,
# blind probe r51a), before a name in capitals: the mark ends the name at its first word (``clean_name``), so the
# given names were lost and the MRZ's misreading ("LUCTIA") stood alone.
MARK_BEFORE_NAME = re.compile(r"^\W*(?P<word>[^\W\d_]{1,3})?\s*[^\w\s'’-]+\s+(?=[A-ZÀ-Ý][A-ZÀ-Ý'-]+(?:\s|$))")


def without_mark_before_name(text: str, line: Line) -> str:
    """An OCR'd name line without a short word read unsurely and a mark after it, before its name in capitals."""
    found = MARK_BEFORE_NAME.match(text)
    if found is None or not NAME_IN_CAPITALS.fullmatch(text[found.end() :].strip(EDGE_NOISE)):
        return text
    word = found.group("word")
    if word and dict(line.word_confidences).get(word, 1.0) >= DOUBTFUL_WORD_CONFIDENCE:
        return text
    return text[found.end() :]


# A lone "E" opening a name line: the conjunction joins two names and begins none, so it is a mark at the card's edge
# OCR read as a letter (blind probes r45a and r51a: "E FRAZÃO GUIMARÃES" gave the surname "e Frazão Guimarães",
# "E O'BRIEN" a mismatch with the MRZ).
LEADING_CONJUNCTION = re.compile(r"^\W*[EeÉé]\W*\s+(?=[A-ZÀ-Ý])")


def without_leading_noise(text: str) -> str:
    """An OCR'd name line without the short lower-case words before its name in capitals, nor a short word before
    a frame line, nor a lone "E" (no name begins with the conjunction); a particle ("da", "de") may be the name's
    own, read in the wrong case, and is kept with the rest of the line."""
    framed = BEFORE_FRAME_LINE.match(text) or LEADING_CONJUNCTION.match(text)
    if framed and NAME_IN_CAPITALS.fullmatch(text[framed.end() :].strip(EDGE_NOISE)):
        return text[framed.end() :]
    noise = LEADING_NOISE.match(text)
    # "e" joins two names and begins none (``LEADING_PARTICLES``): "is e. MICHAEL DAVID", a scan's specks before a
    # name, lost the name, and the next caption's value stood for it (blind probe r78d, cause 1).
    if noise is None or set(re.findall(r"[a-z]+", noise.group(0))) & LEADING_PARTICLES:
        return text
    rest = text[noise.end() :]
    return rest if NAME_IN_CAPITALS.fullmatch(rest.strip(EDGE_NOISE)) else text


# A line a long name wraps onto, under a name printed below its label: words in capitals, nothing else.
NAME_IN_CAPITALS = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý'-]*(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'-]*)*")
# What OCR adds at the edges of a line on a photo: a card's border read as "|", a speck as a quote or a dot.
EDGE_NOISE = " |!¦\"'`”“‘’.,;:_~"
# A name wraps onto a second line, a third now and then; more lines of capitals are something else.
MAX_WRAPPED_NAME_LINES = 2


def wrapped_name_lines(lines: list[Line], value_index: int) -> list[Line]:
    """The lines in capitals after a name's first line, up to the next label: the rest of a long name.

    Taken only when a label line ends them: lines in capitals running into anything else (the end, a
    line of figures, OCR noise) may be the next name's value under a label OCR lost, so none is taken.
    """
    wrapped: list[Line] = []
    for line in lines[value_index + 1 : value_index + 2 + MAX_WRAPPED_NAME_LINES]:
        if is_label_line(line.text):
            return wrapped
        text = line.text.strip(EDGE_NOISE)
        if len(wrapped) == MAX_WRAPPED_NAME_LINES or not NAME_IN_CAPITALS.fullmatch(text) or not clean_name(text):
            return []
        wrapped.append(line)
    return []


def is_label_line(text: str) -> bool:
    """A line naming a field (any of the identity labels, a date's, or only name-label words), not a value."""
    folded = fold(text)
    if any(label.search(folded) for label in field_captions()) and not name_with_birth_word(text):
        return True
    return bool(re.search(r"[a-z]", folded)) and caption_words_only(folded)


def field_captions() -> tuple[re.Pattern[str], ...]:
    """Every field's caption pattern (a function: the date captions are defined further down)."""
    return (*ID_LABELS.values(), DATE_LABEL, ISSUE_DATE_LABEL)


def name_with_birth_word(text: str) -> bool:
    """Whether a line in capitals is a name holding the surname "NASCIMENTO", which the bare birth caption of a
    residence permit reads as ("ANA BEATRIZ NASCIMENTO PEREIRA"): with that word dropped, no caption is left and
    other words are, which no caption row has (blind probe r33b: the CIN's name under "Nome" taken for a caption,
    and the holder's name lost)."""
    stripped = without_stray_hyphens(text).strip(EDGE_NOISE)
    if not NAME_IN_CAPITALS.fullmatch(stripped):
        return False
    folded = fold(stripped)
    rest = re.sub(BARE_BIRTH_LABEL, " ", folded)
    if rest == folded or any(label.search(rest) for label in field_captions()):
        return False
    return any(not caption_word(word) for word in label_words(rest))


def name_shaped(text: str) -> bool:
    """Capitalised words and lower-case particles ("da", "e") only, with at least one capitalised word."""
    words = text.split()
    if not words or re.search(r"[/:|]", text):
        return False
    capitalised = [w for w in words if re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:['-][A-ZÀ-Ýa-zà-ÿ]+)*", w)]
    particles = [w for w in words if w in NAME_PARTICLES]
    return bool(capitalised) and len(capitalised) + len(particles) == len(words)


def parse_identity(lines: list[Line], kind: DocumentKind, *, extra_mrz_texts: Sequence[str] = ()) -> Parsed:
    """The visual zone, then the MRZ (from the lines, or from ``extra_mrz_texts``: a second OCR pass). A page
    holding several people's documents is read as the first of them (``cards_by_repeated_captions``)."""
    parsed = parse_one_identity(lines, kind, extra_mrz_texts=extra_mrz_texts)
    if MULTIPLE_IDENTITY_DOCUMENTS not in parsed.warnings:
        return parsed
    cards = cards_by_repeated_captions(lines)
    if len(cards) < 2:
        return parsed
    # A second MRZ pass read the whole page: whose MRZ it read, no line says. The first card's own lines only.
    first = parse_one_identity(cards[0], kind)
    if MULTIPLE_IDENTITY_DOCUMENTS not in first.warnings:
        first.warnings.append(MULTIPLE_IDENTITY_DOCUMENTS)
    return first


def cards_by_repeated_captions(lines: list[Line]) -> list[list[Line]]:
    """The page's lines parted where a card's caption comes again: each card prints its surname, birth date or
    number caption once, so the second "APELIDO(S)" (or any caption already seen) opens the next card.

    Read whole, a page holding two people's cards mixed them (blind probe r42a: a couple's fronts copied onto one
    page, the first card's given-names caption unread, gave "Rui Miguel Gonçalves Araújo Inês Margarida": the
    first card's surname run on into its given names, the second card's given names under the only such caption,
    the number and dates the first's), where docs/api.md says the page is read as one of them. Only used once
    ``several_identities`` found two documents: the same card's front and back are never parted."""
    cards: list[list[Line]] = [[]]
    seen: set[str] = set()
    for line in lines:
        folded = fold(line.text)
        captions = set() if mrz_line(line.text) else {name for name in ID_LABELS if caption_match(name, folded)}
        if captions & seen:
            cards.append([])
            seen = set()
        seen |= captions
        cards[-1].append(line)
    return cards


def parse_one_identity(lines: list[Line], kind: DocumentKind, *, extra_mrz_texts: Sequence[str] = ()) -> Parsed:
    """The lines read as one document's."""
    parsed = Parsed()
    viz_lines = [line for line in lines if not mrz_line(line.text)]
    page_texts = [line.text for line in lines]
    mrz = best_of(
        read_mrz(page_texts),
        read_mrz(extra_mrz_texts) if extra_mrz_texts else None,
        # Each line as the reading that read it best (blind probe r63a): counted only when every check then holds.
        read_mrz_assembled(page_texts, extra_mrz_texts) if extra_mrz_texts else None,
    )
    visual_zone(viz_lines, kind, parsed, valid_mrz=mrz if mrz is not None and mrz.valid else None)
    if mrz is not None and mrz.checks_passed > 0:
        names_row = names_side_by_side(viz_lines)
        if names_row is not None and not {"surname", "given_names"} & parsed.fields.keys():
            names_split_by_mrz(names_row, mrz, parsed)
        if mrz.valid:
            mrz = with_names_line_as_printed(mrz, [*(line.text for line in lines), *extra_mrz_texts], parsed)
        printed = {name: parsed.fields.get(name) for name in NAME_FIELDS}
        # The MRZ as merged (blind probe r80d: a passport's "T" read "7" in its number, repaired by the page's
        # number there, left the printed "JÜRGEN" unread here as the MRZ's "JUERGEN": the reading kept had failed).
        mrz = merge_mrz(parsed, mrz, kind)
        if mrz.valid and name_line_damaged(mrz):
            names_the_damaged_names_line_spells(viz_lines, parsed, mrz)
        if mrz.valid and mrz.surname:
            whole_name_parted_by_the_mrz(parsed, mrz)
        if MRZ_NAME_TRUNCATED in parsed.warnings:
            name_completed_from_visual_zone(viz_lines, parsed, mrz)
        if MRZ_NAME_TRUNCATED in parsed.warnings and name_printed_whole(viz_lines, printed, mrz):
            parsed.warnings.remove(MRZ_NAME_TRUNCATED)
        if mrz.valid:
            names_in_printed_spelling(viz_lines, parsed, umlauts=writes_umlauts(mrz))
            names_with_national_letters(viz_lines, parsed, mrz)
    elif kind == DocumentKind.PASSAPORTE:
        names_the_unchecked_names_line_spells(lines, viz_lines, parsed)
        parsed.warnings.append("mrz_unread")
    if parsed.fields.get("document_number"):
        # The MRZ's number (a permit's back on the same image) stands for the visual zone's misreading.
        moot = VISUAL_NUMBER_UNREAD | ({"document_number_check_invalid"} if mrz is not None and mrz.valid else set())
        parsed.warnings[:] = [code for code in parsed.warnings if code not in moot]
    if kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO and not (mrz is not None and mrz.valid):
        german_card_number_in_its_alphabet(parsed)
    unlabelled_dates(viz_lines, parsed)
    has_mrz = (mrz is not None and mrz.checks_passed > 0) or mrz_zone_printed(lines)
    if kind in TWO_SIDED_CARDS and (has_mrz or not issued_on_a_sheet(lines, viz_lines, kind)):
        parsed.put("side", card_side(viz_lines, has_mrz=has_mrz, kind=kind), 0.9)
    elif kind == DocumentKind.TITULO_RESIDENCIA and not has_mrz:
        # The sheet prints no MRZ to check (only a QR code): said, so the rules identify it by its printed fields.
        parsed.put("mrz_printed", False, VALIDATED_CONFIDENCE)
    nif = identity_nif(viz_lines, kind, exclude=document_numbers(parsed), parsed=parsed)
    if nif:
        parsed.put("nif", nif, VALIDATED_CONFIDENCE)
    elif (
        kind == DocumentKind.CARTAO_CIDADAO
        and parsed.fields.get("side") in {"back", "both"}
        and not nif_flagged(parsed)
    ):
        # Every Cartão de Cidadão prints the NIF on its back: not found there, it was not read (a shadow, glare).
        parsed.warnings.append("missing:nif")
    if several_identities(lines, viz_lines, exclude=document_numbers(parsed)):
        parsed.warnings.append(MULTIPLE_IDENTITY_DOCUMENTS)
    if "full_name" not in parsed.fields and "surname" in parsed.fields and "given_names" in parsed.fields:
        full = f"{parsed.fields['given_names']} {parsed.fields['surname']}"
        parsed.put("full_name", full, min(parsed.confidence["given_names"], parsed.confidence["surname"]))
        full_name_flagged_with_its_parts(parsed)
    elif "full_name" not in parsed.fields and "given_names" in parsed.fields and single_name(mrz):
        parsed.put("full_name", parsed.fields["given_names"], parsed.confidence["given_names"])
    elif "full_name" not in parsed.fields and "surname" in parsed.fields and single_primary_identifier(mrz):
        parsed.put("full_name", parsed.fields["surname"], parsed.confidence["surname"])
    if issue_date_implausible(viz_lines, parsed, today=dt.date.today()):
        parsed.warnings.append(ISSUE_DATE_IMPLAUSIBLE)
    if names_printed_in_portugal(kind, parsed):
        for field in ("full_name", *NAME_FIELDS):
            if parsed.fields.get(field):
                parsed.fields[field] = accents_restored(parsed.fields[field])
    return parsed


# A passport's MRZ names line (TD3's first): "P", a type letter or a filler, the issuing state, then the names, the
# primary identifier's parted from the secondary's by two fillers.
TD3_NAMES_LINE = re.compile(r"P[A-Z<](?P<state>[A-Z]{3})(?P<names>[A-Z]+(?:<[A-Z]+)*<<[A-Z<]+)")


def names_the_unchecked_names_line_spells(lines: list[Line], viz_lines: list[Line], parsed: Parsed) -> None:
    """A passport whose MRZ did not read (its data line lost) but whose names line did: the surname and the given
    names the visual zone prints on lines of their own that spell that line's names letter for letter, where their
    captions were misread (blind probe r57a: "Apelido/Surname" read "Aoeidersumama", the surname lost, and the given
    names alone given as the full name). No check digit covers the names line, so it names nothing by itself: it
    only vouches for a printed line that reads the same, two readings of the page agreeing. A full name that is the
    line's given names alone is no full name, and is left out."""
    names_line = next(
        (found for line in lines if (found := TD3_NAMES_LINE.fullmatch(clean_line(line.text).rstrip(FILLER)))), None
    )
    if names_line is None or country_code(names_line["state"]) is None:
        return
    mrz_names = dict(zip(NAME_FIELDS, names_from(names_line["names"]), strict=True))
    for field_name, mrz_name in mrz_names.items():
        spelled = re.sub(r"[^A-Z]", "", mrz_name)
        if not spelled or parsed.fields.get(field_name):
            continue
        for line in viz_lines:
            printed = without_leading_noise(line.text).strip(EDGE_NOISE)
            if NAME_IN_CAPITALS.fullmatch(printed) and spelled in mrz_name_forms(printed):
                parsed.put(field_name, title_case(printed), line.confidence)
                break
    full_name = parsed.fields.get("full_name")
    given = re.sub(r"[^A-Z]", "", mrz_names["given_names"])
    if full_name and mrz_names["surname"] and given in mrz_name_forms(full_name):
        del parsed.fields["full_name"], parsed.confidence["full_name"]


# A card's longest side, 85.6 mm (ID-1), in PDF points, with room for a margin: a text layer's lines spread over more
# are a sheet's.
CARD_EXTENT_POINTS = 300


def printed_on_a_sheet(lines: list[Line]) -> bool:
    """Whether the lines are a text layer's (exact, in PDF points) spread over more than a card's length: a paper
    residence permit issued as an A4 sheet (AIMA's CPLP mobility permit), which has no front or back (blind probe
    r47a: "front" reported for one). A scan or a photo's lines are in pixels and tell nothing of the paper's size:
    a card stays a card."""
    boxes = [box for line in lines for box in line.word_boxes]
    if not boxes or any(line.confidence < 1.0 for line in lines):
        return False
    top, bottom = min(box[1] for box in boxes), max(box[1] + box[3] for box in boxes)
    return bottom - top > CARD_EXTENT_POINTS


# What only a residence permit issued on paper captions, each at a line's start: its number as the authorisation's
# ("N.º da autorização"; a card's is "N.º do documento / Document No."), and the travel document it is valid with
# ("Documento de viagem": the sheet is carried with the passport, a card is not).
PAPER_PERMIT_CAPTIONS = re.compile(
    r"^\W*(?:(?:n\.?\s?[ºo°]\.?|numero)\s*da\s+autorizacao|documento\s+de\s+viagem)(?![a-z])", re.MULTILINE
)


def issued_on_a_sheet(lines: list[Line], viz_lines: list[Line], kind: DocumentKind) -> bool:
    """Whether a residence permit is the A4 sheet AIMA issues (the CPLP mobility permit), which has no side: a text
    layer spread over more than a card (``printed_on_a_sheet``), or, in a photo or a scan whose pixels tell nothing
    of the paper's size, the captions only the sheet prints (blind probe r77c, F2: a photo of one read as a card's
    front, "falta o verso", its holder asked for a back it does not have)."""
    if printed_on_a_sheet(lines):
        return True
    folded = fold("\n".join(line.text for line in viz_lines))
    return kind == DocumentKind.TITULO_RESIDENCIA and bool(PAPER_PERMIT_CAPTIONS.search(folded))


def names_printed_in_portugal(kind: DocumentKind, parsed: Parsed) -> bool:
    """Whether the names are those a Portuguese document prints in its visual zone in the registry's spelling: a
    Cartão de Cidadão's front (a back prints them only in its MRZ, without accents, and is left as it reads) or a
    Portuguese passport's data page (its MRZ's names are the page's, less their accents)."""
    if kind == DocumentKind.CARTAO_CIDADAO:
        return parsed.fields.get("side") in {"front", "both"}
    return kind == DocumentKind.PASSAPORTE and parsed.fields.get("issuing_state") == "PRT"


def full_name_flagged_with_its_parts(parsed: Parsed) -> None:
    """A full name made of a surname or given names the MRZ reads otherwise carries that doubt too: whoever reads
    the full name alone must not take it for certain."""
    if any(f"mrz_viz_mismatch:{name}" in parsed.warnings for name in NAME_FIELDS):
        parsed.warnings.append("mrz_viz_mismatch:full_name")


def issue_date_implausible(lines: list[Line], parsed: Parsed, *, today: dt.date) -> bool:
    """A document issued after its own expiry date, before its holder's birth, or in the future: not a genuine
    one's dates (or not this document's), whatever its MRZ's check digits say (they do not cover the issue date)."""
    expiry, birth = parsed.fields.get("expiry_date"), parsed.fields.get("date_of_birth")
    return any(
        issued > today + dt.timedelta(days=1)
        or (isinstance(expiry, dt.date) and issued > expiry)
        or (isinstance(birth, dt.date) and issued < birth)
        for issued in issue_dates(lines)
    )


# Another document's holder on the same page (a couple's cards copied onto one A4 sheet): one is read, and
# nothing read says whose the other is.
MULTIPLE_IDENTITY_DOCUMENTS = "multiple_identity_documents"


def several_identities(lines: list[Line], viz_lines: list[Line], *, exclude: set[str]) -> bool:
    """Whether the page holds two documents: two different MRZs whose check digits all hold, two different card
    numbers whose check characters hold, or two different valid NIFs each under its caption.

    Each is vouched for by its check digits, so an OCR slip does not make a second person; the same card read twice
    (front and back, or photocopied twice) gives the same numbers.
    """
    printed = "\n".join(line.text for line in viz_lines).upper()
    cards = {number[:9] for text in (printed, fix_digits(printed)) for number in checked_cc_numbers(text)}
    nifs = {number for number in labelled_nifs(viz_lines) if number not in exclude}
    return any(len(found) > 1 for found in (valid_mrz_numbers(lines), nifs)) or two_cards(cards)


def two_cards(numbers: set[str]) -> bool:
    """Whether two of the card numbers differ other than by a misreading (``card_numbers_alike``)."""
    return any(not card_numbers_alike(first, second) for first, second in itertools.combinations(sorted(numbers), 2))


def valid_mrz_numbers(lines: list[Line]) -> set[str]:
    """The document numbers of the page's MRZs whose check digits all hold, each MRZ read from its own run of
    lines (two MRZs read as one hold no check)."""
    runs = [list(run) for is_mrz, run in itertools.groupby(lines, key=lambda line: mrz_line(line.text)) if is_mrz]
    reads = [read_mrz(line.text for line in run) for run in runs]
    return {read.document_number for read in reads if read is not None and read.valid}


def labelled_nifs(lines: list[Line]) -> set[str]:
    """The valid personal NIFs printed under (or after) a NIF caption."""
    return {
        number
        for number, label in labelled_numbers(lines)
        if label == "nif" and len(number) == 9 and nif_has_valid_checksum(number) and nif_is_personal(number)
    }


# The visual zone's warnings that its document number was left out, moot once the MRZ gives the number.
VISUAL_NUMBER_UNREAD = frozenset({"document_number_implausible", "document_number_unreadable"})


def nif_flagged(parsed: Parsed) -> bool:
    """Whether the NIF was found but left out, and already said why (its check digit failed, two candidates)."""
    return bool({"nif_checksum_invalid", "nif_ambiguous"} & set(parsed.warnings))


def single_name(mrz: MrzRead | None) -> bool:
    """A holder of one name only, by a valid MRZ whose primary identifier is empty ("P<IND<<SUKHWINDER<<<")."""
    return mrz is not None and mrz.valid and not mrz.surname and bool(mrz.given_names)


def one_name_in_the_other_place(name: str, read: str, mrz: MrzRead) -> bool:
    """Whether ``read``, the page's value of the name field ``name`` which a valid MRZ leaves empty, is the MRZ's
    one name, the holder's only one: the given names of a holder the MRZ names by its primary identifier alone
    ("P<INDSURINDER<<<", blind probe r81c: "SURINDER" printed under "Given names", reported "Surinder Surinder"),
    or the surname of one it names by its secondary identifier alone ("P<IND<<HARPREET<<<"). A holder whose two
    names are alike has both in the MRZ ("ISMAIL<<ISMAIL"), which this never touches."""
    if name == "surname":
        return single_name(mrz) and same_name(read, mrz.given_names, mrz)
    return single_primary_identifier(mrz) and same_name(read, mrz.surname, mrz)


def single_primary_identifier(mrz: MrzRead | None) -> bool:
    """A holder of one name only, written as the primary identifier ("P<INDRAMESH<<<", printed under "Surname" with
    the given names blank; ICAO 9303 allows either place): a valid MRZ with no secondary identifier and room left
    in its name field, so none was cut off (``surname_alone_fills_the_field``). Blind probe r47a: the full name
    was left out and reported missing, where the same name in the given names' place was the full name."""
    return mrz is not None and mrz.valid and bool(mrz.surname) and not mrz.given_names and not name_cut_short(mrz)


def mrz_line(text: str) -> bool:
    """A line of the MRZ, not of the visual zone. A caption row in brackets cleans up like one
    ("Apelido(s) / Surname Nome(s) / Given name(s)": its brackets read as fillers), but an MRZ is printed
    in capitals and OCR reads at most a stray letter of it in lower case. A caption in capitals
    ("NOME(S) PRÓPRIO(S) / GIVEN NAMES / PRÉNOMS") is told by its closed brackets: an MRZ has none."""
    without_endings = CAPTION_ENDING.sub("", text)
    # Fillers OCR read as small letters ("GARCIAc<LUCIAc<<<e<<cc<<") are no lower-case text (blind probe r41a).
    lower_case = sum(char.islower() for char in fillers_read_in_lower_case(text))
    return looks_like_mrz(clean_line(without_endings)) and lower_case < 3


# A caption's plural or gender ending in brackets ("NOME(S)", "PRÓPRIO(S)", "BRASILEIRO(A)"): OCR reads a filler as
# "(", never as a bracket closed one or two letters later.
CAPTION_ENDING = re.compile(r"\([A-Za-z]{1,2}\)")


def visual_zone(lines: list[Line], kind: DocumentKind, parsed: Parsed, *, valid_mrz: MrzRead | None = None) -> None:
    if values_above_captions(lines):
        captioned_from_below(lines, parsed)
        visual_document_number(lines, kind, parsed)
        return
    names_row = names_side_by_side(lines)
    if names_row is not None:
        names_split_by_columns(names_row, parsed)
    else:
        labels = {name: find_caption(lines, name) for name in NAME_FIELDS}
        states = document_states(lines, valid_mrz)
        for name, found in labels.items():
            field_name = whole_name_caption(name, labels, lines)
            # Only a name under both labels can be told where it ends: the other name's label bounds it. A whole
            # name under its one caption is bounded by the next field's (a CIN's "Nome" over two lines, blind probe
            # r33b). The Cartão de Cidadão prints its holder's names in mixed case.
            mixed_case = kind == DocumentKind.CARTAO_CIDADAO
            value = (
                visual_name(
                    lines,
                    found,
                    name,
                    may_wrap=all(labels.values()) or field_name == "full_name",
                    mixed_case=mixed_case,
                    mrz_name=mrz_name_of(valid_mrz, field_name),
                    mrz_name_whole=valid_mrz is not None and not name_cut_short(valid_mrz),
                    states=states,
                )
                if found
                else None
            )
            if value and no_name_printed(value[0]):
                value = None
            if value and found and name == "surname":
                value = with_second_surname(lines, value, after=found[0])
            if value and found and field_name == "given_names":
                value = with_patronymic(lines, value, mrz_given=mrz_name_of(valid_mrz, "given_names"))
            if value:
                parsed.put(field_name, title_case(value[0]), value[1])
    found = find_label(lines, ID_LABELS["sex"])
    sex = visual_sex(lines, found, kind) if found else None
    if sex:
        parsed.put("sex", *sex)
    found = find_label(lines, ID_LABELS["nationality"])
    if found:
        for candidate, line in value_after_label(lines, *found):
            nationality = visual_nationality(candidate)
            if nationality:
                parsed.put("nationality", nationality, line.confidence)
                break
    for name in ("date_of_birth", "expiry_date"):
        found = birth_date_caption(lines) if name == "date_of_birth" else find_label(lines, ID_LABELS[name])
        if found:
            column = date_column(lines[found[0]].text, ID_LABELS[name])
            for candidate, line in value_after_label(lines, *found):
                dates = card_dates(candidate, field=name)
                if dates:
                    # A row of several date labels over a row of as many dates: the same column.
                    whole_row = card_dates(line.text, field=name)
                    if column is not None and candidate == line.text and len(whole_row) == column[1]:
                        dates = [whole_row[column[0]]]
                    elif column is not None and candidate == line.text and column[1] > 1:
                        # Fewer dates than columns, one unread: which column a date is of is not known (blind
                        # probe r37a: the issue date taken for the expiry, its own "og FEB 2033" unread).
                        break
                    put_printed_date(parsed, name, dates[0], line)
                    break
    visual_document_number(lines, kind, parsed)


# The birth date's caption in full, in any of the languages ID_LABELS reads.
FULL_BIRTH_LABEL = re.compile(r"data\s+de\s+nascimento|date\s+of\s+birth|date\s+de\s+naissance|fecha\s+de\s+nacimiento")


def birth_date_caption(lines: list[Line]) -> tuple[int, re.Match[str]] | None:
    """The birth date's caption: in full wherever the page prints it so, the bare "Nascimento" (a residence
    permit's) only on a page without one. "Nascimento" is a surname as well, and an open passport's facing page
    names its holder in a sentence ("CONHECIDO POR: THIAGO NASCIMENTO", blind probe r45a): taken for the caption,
    the date on the line under it (a former passport's issue date) became the birth date and contradicted the
    MRZ's."""
    return find_label(lines, FULL_BIRTH_LABEL) or find_label(lines, ID_LABELS["date_of_birth"])


def mrz_name_of(mrz: MrzRead | None, field_name: str) -> str:
    """The name a valid MRZ gives the field ``field_name`` ("surname", "given_names", "full_name"); "" without."""
    if mrz is None:
        return ""
    return {"surname": mrz.surname, "given_names": mrz.given_names}.get(field_name, f"{mrz.given_names} {mrz.surname}")


# A name caption's translation that names given names, however OCR read the slash before it ("Nome/Given names"
# read "NomeiGiren names"): a plural "names", "forenames", "prénoms". The whole name's is singular ("Nome / Name").
GIVEN_NAMES_TRANSLATION = re.compile(r"(?<![a-z])(?:names|forenames|prenoms|given)(?![a-z])")


def whole_name_caption(name: str, labels: dict[str, tuple[int, re.Match[str]] | None], lines: list[Line]) -> str:
    """The field a name caption names: a lone "Nome" with no surname caption anywhere ("Nome: AMADOU BALDÉ", an
    older card's) captions the whole name; "Nomes", "Nome(s) próprio(s)" or "Nome" beside "Apelido" the given
    names, and so does a "Nome" whose translation names given names, its surname's caption misread (blind probe
    r57a: a passport's "Apelido/Surname" read "Aoeidersumama", and its given names alone were the full name)."""
    found = labels.get(name)
    # "Nome / Name" (Brazil's CIN) captions the whole name as well: its slash ends the caption's first language.
    caption = found[1].group(0).strip(" /") if found else ""
    if found and name == "given_names" and labels.get("surname") is None and caption in {"nome", "name"}:
        translation = fold(lines[found[0]].text)[found[1].end() :]
        return name if GIVEN_NAMES_TRANSLATION.search(translation) else "full_name"
    if name == "given_names" and caption == "nome completo":
        # A paper document's "Nome completo" (blind probe r47a) says so in its own words, whatever else is printed.
        return "full_name"
    return name


# --- Both names' captions on one row ------------------------------------------------------------------

NAME_FIELDS = ("surname", "given_names")


@dataclass
class NamesRow:
    """The row under a caption row naming both names side by side, and the name fields in their column order."""

    words: list[str]
    fields: list[str]
    line: Line


def names_side_by_side(lines: list[Line]) -> NamesRow | None:
    """Both names' captions on one row with nothing else on it ("Apellidos / Surnames  Nombres / Given names"),
    and the row under it: the two names side by side, which a line of text no longer parts by column."""
    found = [find_caption(lines, name) for name in NAME_FIELDS]
    if found[0] is None or found[1] is None or found[0][0] != found[1][0] or found[0][0] + 1 >= len(lines):
        return None
    index = found[0][0]
    if not captions_only(lines[index].text) or is_label_line(lines[index + 1].text):
        return None
    captions = row_captions(lines[index].text)
    text = without_leading_noise(without_bracketed(lines[index + 1].text).strip(EDGE_NOISE)).strip(EDGE_NOISE)
    # Other captions after the names' ("... Given names  Sex") put their values after the names' too.
    text = without_next_columns(text, fold(lines[index].text))
    name = clean_name(text.translate(APOSTROPHES)) if NAME_IN_CAPITALS.search(text) else None
    if not name:
        return None
    return NamesRow(name.split(), [name for name in captions if name in NAME_FIELDS], lines[index + 1])


def captions_only(text: str) -> bool:
    """A row of captions and nothing else: what is left without them is name-label words and punctuation."""
    folded = fold(text)
    for label in (*ID_LABELS.values(), OTHER_CAPTION):
        folded = label.sub(" ", folded)
    return caption_words_only(folded)


def names_split_by_columns(row: NamesRow, parsed: Parsed) -> None:
    """A word for each caption ("Surname  Given names" over "LI  WEI"): each name is its column's word. More
    words than captions cannot be parted without the MRZ (names_split_by_mrz). A column printing that it has no
    name ("XXX", ``no_name_printed``) is left empty."""
    if len(row.words) != len(row.fields):
        return
    for name, word in zip(row.fields, row.words, strict=True):
        if not no_name_printed(word):
            parsed.put(name, title_case(word), row.line.confidence)


# What issuers print in a name field the holder has no name for (a holder of one name only): crosses ("X", "XXX"),
# dashes or fillers. No one's name is written so.
NO_NAME_PRINTED = re.compile(r"[X×]{1,3}|[-–—<.*]+")


def no_name_printed(text: str) -> bool:
    """Whether a name caption's value says there is no name there (``NO_NAME_PRINTED``): an Indian or Nepali
    passport of one name prints its other field empty, "-" or "XXX" (blind probe r81c)."""
    return bool(NO_NAME_PRINTED.fullmatch(text.replace(" ", "").upper()))


def names_split_by_mrz(row: NamesRow, mrz: MrzRead, parsed: Parsed) -> None:
    """The names side by side, parted where the MRZ's surname ends ("RODRÍGUEZ PEÑA MARÍA ALEJANDRA" by
    "RODRIGUEZ<PENA<<MARIA<ALEJANDRA"): each keeps the visual zone's spelling. No cut that makes both halves
    the MRZ's names (the ICAO way) leaves them to the MRZ alone."""
    mrz_names = {"surname": mrz.surname, "given_names": mrz.given_names}
    for cut in range(1, len(row.words)):
        halves = dict(zip(row.fields, (" ".join(row.words[:cut]), " ".join(row.words[cut:])), strict=True))
        if all(mrz_names[name] and same_name(halves[name], mrz_names[name], mrz) for name in NAME_FIELDS):
            for name in NAME_FIELDS:
                parsed.put(name, title_case(halves[name]), row.line.confidence)
            return


# --- Values printed above their captions ------------------------------------------------------------

# A caption the parser reads no field from, which still takes a column of its row ("Altura / Height").
OTHER_CAPTION = re.compile(r"altura|height|estatura")
# Fields whose value has a shape of its own (a lone letter, a country code, dates): found on the line above a
# caption row, they show the card prints each value above its caption.
# A name of two letters in capitals, one of them a vowel ("SÁ", "LI", "OM"): too short for a name read off a line.
SHORT_NAME = re.compile(r"(?=[A-ZÀ-Ý]{2}$)[A-ZÀ-Ý]?[AEIOUYÀ-ÆÈ-ÏÒ-ÖÙ-Ý][A-ZÀ-Ý]?")
SHAPED_FIELDS = ("sex", "nationality", "date_of_birth", "expiry_date")


def values_above_captions(lines: list[Line]) -> bool:
    """Whether the card prints each value above its caption ("SÁ" over "Apelido(s) / Surname").

    Told by the values with a shape of their own: at least two of them fit the line above their caption row,
    and more than fit the line under it. Either way one row's values sit between two caption rows: under the
    birth date's caption of a card printing values above, the next row's ("15938274 2 ZY5  22 04 2031"); above
    the validity's caption of a card printing them under, the previous row's ("F  PRT  09 12 2001").
    """
    above = below = 0
    for name in SHAPED_FIELDS:
        found = find_label(lines, ID_LABELS[name])
        if found is None:
            continue
        index = found[0]
        if index > 0 and shaped_value(name, lines[index - 1].text):
            above += 1
        if index + 1 < len(lines) and shaped_value(name, lines[index + 1].text):
            below += 1
    return above >= 2 and above > below


def shaped_value(name: str, text: str) -> bool:
    if is_label_line(text):
        return False
    if name == "sex":
        return re.search(r"(?<![^\W\d_])[MFX](?![^\W\d_])", text) is not None
    if name == "nationality":
        return visual_nationality(text) is not None
    return bool(parse_dates(text))


def row_captions(text: str) -> list[str]:
    """The fields a caption row names, left to right; a bilingual caption ("Sexo / Sex") counts once."""
    folded = fold(text)
    starts: dict[str, int] = {}
    for name in ID_LABELS:
        match = caption_match(name, folded)
        if match:
            starts[name] = match.start()
    for number, match in enumerate(OTHER_CAPTION.finditer(folded)):
        starts.setdefault(f"other{number}", match.start())
    return sorted(starts, key=starts.__getitem__)


def value_above(lines: list[Line], name: str) -> tuple[str, Line] | None:
    """The value over ``name``'s caption: the line above the caption row, or its word in the caption's column
    when the row names several fields and the line has as many words; None when that cannot be told."""
    found = find_caption(lines, name)
    if found is None or found[0] == 0:
        return None
    line = lines[found[0] - 1]
    if is_label_line(line.text):
        return None
    text = without_leading_noise(line.text.strip(EDGE_NOISE)).strip(EDGE_NOISE)
    captions = row_captions(lines[found[0]].text)
    if len(captions) <= 1 or name in SHAPED_FIELDS:
        # A value with a shape of its own is found by it on the whole line (the dates by their column).
        return text, line
    words = text.split()
    if len(words) == len(captions) and name in captions:
        return words[captions.index(name)], line
    return None


def captioned_from_below(lines: list[Line], parsed: Parsed) -> None:
    """Names, sex, nationality and dates of a card printing each value above its caption."""
    for name in ("surname", "given_names"):
        above = value_above(lines, name)
        value = name_value([above]) if above else None
        if value:
            parsed.put(name, title_case(value[0]), value[1])
        elif above and SHORT_NAME.fullmatch(above[0]) and not is_label_line(above[0]):
            # A word alone in its caption's column is that field's whole value, however short ("SÁ").
            parsed.put(name, title_case(above[0]), above[1].confidence)
    above = value_above(lines, "sex")
    if above:
        sex_match = re.search(r"(?<![^\W\d_])([MFX])(?![^\W\d_])", above[0])
        if sex_match:
            parsed.put("sex", sex_match.group(1), above[1].confidence)
    above = value_above(lines, "nationality")
    nationality = visual_nationality(above[0]) if above else None
    if above and nationality:
        parsed.put("nationality", nationality, above[1].confidence)
    for name in ("date_of_birth", "expiry_date"):
        found = find_label(lines, ID_LABELS[name])
        above = value_above(lines, name)
        dates = card_dates(above[0], field=name) if above and found else []
        if not above or not found or not dates:
            continue
        column = date_column(lines[found[0]].text, ID_LABELS[name])
        if column is not None and len(dates) == column[1]:
            put_printed_date(parsed, name, dates[column[0]], above[1])
        elif len(dates) == 1 and (column is None or column[1] == 1):
            # One date under a row of date captions may be any column's (the next column's unread): not taken.
            put_printed_date(parsed, name, dates[0], above[1])


def visual_name(
    lines: list[Line],
    found: tuple[int, re.Match[str]],
    name: str,
    *,
    may_wrap: bool,
    mixed_case: bool = False,
    mrz_name: str = "",
    mrz_name_whole: bool = False,
    states: frozenset[str] = frozenset(),
) -> tuple[str, float] | None:
    """The name under or after a label, with the lines a long name printed under its label wraps onto; the one
    sharing a word with a valid MRZ's ``mrz_name`` where the first does not (see ``name_value``).

    A line that spells a valid MRZ's name out whole, where the MRZ's name field has room left
    (``mrz_name_whole``: nothing was cut), wraps onto nothing: the line under it is the name in the page's
    other script, or another field (blind probe r47a: a Ukrainian passport's Cyrillic "КОВАЛЕНКО" under
    "KOVALENKO", read "KOBAJNEHKO" and joined to it, flagged ``mrz_viz_mismatch`` on a genuine page)."""
    index, match = found
    candidates = before_other_name_caption(value_after_label(lines, index, match), name)
    value = name_value(candidates, mixed_case=mixed_case, mrz_name=mrz_name, states=states)
    if value is None:
        return None
    text, confidence, line = value
    if line is not lines[index]:
        text = without_next_columns(text, fold(lines[index].text[match.end() :]))
        text = within_the_captions_column(text, line, lines[index], match)
        if mrz_name and caption_beside(lines[index].text[match.end() :]):
            text = within_the_mrz_name(text, mrz_name)
    words = text.split()
    spelled_whole = mrz_name_whole and words_spelling_the_mrz_name(words, mrz_name) == len(words)
    if may_wrap and line is not lines[index] and not spelled_whole:
        for wrapped in wrapped_name_lines(lines, next(i for i, other in enumerate(lines) if other is line)):
            text = f"{text}{joining_e(line.text)} {clean_name(wrapped.text)}"
            line = wrapped
            confidence = min(confidence, wrapped.confidence)
    return text, confidence


def within_the_captions_column(text: str, line: Line, caption_line: Line, match: re.Match[str]) -> str:
    """A name read under its caption without the words of the next column on its row: those from the first word
    set apart from the one before it (a gap of ``WORD_APART_HEIGHTS``) under or right of another field's caption
    printed after the name's on the caption's row, by the words' boxes. Its first word always stays: the name's
    column holds it; and a long name running on under the next caption, no gap in it, stays whole (an old
    Bilhete de Identidade's name under its "Válido até").

    A residence permit captions "Nome(s) / Given names" and "Tipo de título / Type of permit" on one row, and its
    row of values reads as one line, "THIAGO AUTORIZAÇÃO DE RESIDÊ", which no caption word or figure tells apart
    (blind probe r74a: the permit's type was taken for a given name; ADR 040)."""
    column_left = next_caption_left(caption_line, match)
    words = line.text.split()
    if column_left is None or len(line.word_boxes) != len(words):
        return text
    boxes = line.word_boxes
    first = next(
        (
            index
            for index in range(1, len(words))
            if boxes[index][0] >= column_left - boxes[index][3] / 2
            and boxes[index][0] - (boxes[index - 1][0] + boxes[index - 1][2]) >= WORD_APART_HEIGHTS * boxes[index][3]
        ),
        None,
    )
    if first is None:
        return text
    column_words = {fold(word).strip(EDGE_NOISE) for word in words[first:]}
    kept = text.split()
    while len(kept) > 1 and fold(kept[-1]).strip(EDGE_NOISE) in column_words:
        kept.pop()
    return " ".join(kept)


def next_caption_left(caption_line: Line, match: re.Match[str]) -> int | None:
    """Where the caption printed after a name's caption on its row begins (its first word's left edge), past the
    name caption's words in its other languages and the marks between them ("Nome ! Given names", the slash
    misread); None when the row holds no other caption or its words have no boxes."""
    words = caption_line.text.split()
    if len(caption_line.word_boxes) != len(words):
        return None
    # The words the caption's match reaches into are the caption's ("Nome(s)" matched as "Nome").
    for index in range(max(len(caption_line.text[: match.end()].split()), 1), len(words)):
        letters = re.sub(r"[^a-z]", "", fold(words[index]))
        if len(letters) >= 2 and not caption_word(letters):
            return caption_line.word_boxes[index][0]
    return None


def joining_e(text: str) -> str:
    """The " e" a name's line ends with, joining it to the line it wraps onto ("DE OLIVEIRA E" / "SOUZA"),
    which ``clean_name`` drops as a speck at a name's end (blind probe r33b); else ""."""
    return " e" if re.search(r"\s[Ee]$", text.strip(EDGE_NOISE)) else ""


# Another field's caption after a name's on its row: a bilingual caption ("BEHÖRDE / AUTHORITY"), a word each side.
CAPTION_BESIDE = re.compile(r"[^\W\d_]{3,}\s*/\s*[^\W\d_]{3,}")


def caption_beside(after_caption: str) -> bool:
    """Whether a name caption's row goes on with another field's caption: the row under it then holds that
    field's value after the name (a card's other side copied beside it), which a line of text no longer parts."""
    rest = LABEL_REMNANT.sub("", after_caption)
    # The name caption's own other languages ("VORNAMEN / GIVEN NAMES / PRÉNOMS") are no other field's.
    other_captions = [found for found in CAPTION_BESIDE.finditer(rest) if not caption_words_only(fold(found.group(0)))]
    return bool(other_captions) or other_field_caption(fold(rest), "")


def within_the_mrz_name(text: str, mrz_name: str) -> str:
    """A name read beside another column, up to where its words have spelled out a valid MRZ's name: the words
    the MRZ's letters cover, the last one continuing an MRZ name cut short ("MAXIMILIAN<J" covers "MAXIMILIAN
    JOHANN"). The words after it are the next column's value. A name whose words never cover the MRZ's (a
    letter read otherwise, a word missing) is left whole: it cannot be told where it ends."""
    words = text.split()
    count = words_spelling_the_mrz_name(words, mrz_name)
    return " ".join(words[:count]) if count is not None and count < len(words) else text


def words_spelling_the_mrz_name(words: list[str], mrz_name: str) -> int | None:
    """How many of a printed name's first words spell a valid MRZ's name out (see ``within_the_mrz_name``)."""
    mrz_letters = re.sub(r"[^A-Z]", "", mrz_name.upper())
    if not mrz_letters:
        return None
    for count in range(1, len(words) + 1):
        forms = mrz_name_forms(" ".join(words[:count]))
        if any(len(form) >= len(mrz_letters) and same_letters(form[: len(mrz_letters)], mrz_letters) for form in forms):
            return count
    return None


def before_other_name_caption(candidates: list[tuple[str, Line]], name: str) -> list[tuple[str, Line]]:
    """A name caption's candidates up to another field's caption: an empty caption row ("Surname" with nothing
    under it, a single-name holder) is followed by "Given Name(s)" / "SUKHWINDER", which is that caption's value;
    a name line OCR lost leaves the next caption's value ("Nationality" / "ESPAÑOLA"), which is no name."""
    for position, (_, line) in enumerate(candidates[1:], start=1):
        folded = fold(line.text)
        if other_field_caption(folded, name) and not caption_match(name, folded) and is_label_line(line.text):
            return candidates[:position]
    return candidates


def other_field_caption(folded: str, name: str) -> bool:
    """Whether a folded line holds the caption of a field other than the name ``name``."""
    return any(caption_match(field_name, folded) for field_name in ID_LABELS if field_name != name) or bool(
        DATE_LABEL.search(folded)
    )


# The caption of a name taken from the father's: Bulgaria's "Презиме / Father's name", a "Patronymic". Where the
# value is the holder's own patronymic ("GEORGIEVA", "PETROVICH"), it is one of the holder's names, which the MRZ
# writes among the given names ("IVANOVA<<MARIYA<GEORGIEVA"); a father's given name under the same caption (a Greek
# card's "ΝΙΚΟΛΑΟΣ") is another person's and is left out.
PATRONYMIC_CAPTION = re.compile(r"father.?s\s+name|(?<![a-z])patronymic|(?<![a-z])otchestvo")
PATRONYMIC_FORM = re.compile(r"[A-Z]{2,}(?:OV|EV|IV|OVA|EVA|OVICH|EVICH|OVYCH|EVYCH|OVNA|EVNA|IVNA|ICHNA)")


def with_patronymic(lines: list[Line], value: tuple[str, float], *, mrz_given: str = "") -> tuple[str, float]:
    """The given names and, after them, the holder's patronymic under its own caption (``PATRONYMIC_CAPTION``), in
    its Latin rendering; the given names alone where there is none, or where a valid MRZ's given names
    (``mrz_given``) leave it out, as a state whose MRZ writes no patronymic does."""
    found = find_label(lines, PATRONYMIC_CAPTION)
    if found is None:
        return value
    for text, confidence, _ in names_read(value_after_label(lines, *found), mixed_case=False):
        patronymic = PATRONYMIC_FORM.fullmatch(fold_accents(text).upper()) is not None
        in_the_mrz = not mrz_given or shares_a_word(text, mrz_given)
        if patronymic and in_the_mrz and text.upper() not in value[0].upper().split():
            return f"{value[0]} {text}", min(value[1], confidence)
        return value
    return value


def with_second_surname(lines: list[Line], value: tuple[str, float], *, after: int) -> tuple[str, float]:
    """The first surname and the second, each under a caption of its own row ("PRIMER APELLIDO" / "GARCÍA" /
    "SEGUNDO APELLIDO" / "LÓPEZ"), joined in their order. Both captions on one row ("PRIMER APELLIDO SEGUNDO
    APELLIDO" / "GARCÍA LÓPEZ") have both surnames under them, already read."""
    found = find_label(lines, SECOND_SURNAME_CAPTION, start=after + 1)
    if found is None or not is_label_line(lines[found[0]].text):
        return value
    second = name_value(before_other_name_caption(value_after_label(lines, *found), "surname"))
    if second is None or fold(second[0]) in fold(value[0]).split():
        return value
    return f"{value[0]} {second[0]}", min(value[1], second[1])


# The labels of the fields a caption row may print after a name's, and what their values look like.
NEXT_COLUMN_LABELS = ("sex", "nationality", "date_of_birth", "expiry_date", "document_number")


def without_next_columns(name: str, captions_after: str) -> str:
    """A name read under its caption, without the values of the captions printed after it on that row ("Given
    Name(s)  Nationality" / "PRIYA  IND"): its last words while they read as a nationality, a sex or a figure,
    never its first word."""
    if not any(ID_LABELS[label].search(captions_after) for label in NEXT_COLUMN_LABELS):
        return name
    words = name.split()
    while len(words) > 1 and (
        visual_nationality(words[-1]) or words[-1].upper() in {"M", "F", "X"} or re.search(r"\d", words[-1])
    ):
        words.pop()
    return " ".join(words)


def visual_sex(
    lines: list[Line], found: tuple[int, re.Match[str]], kind: DocumentKind | None = None
) -> tuple[str, float] | None:
    # A German or Dutch card prints the woman's letter of its own language: W (weiblich), V (vrouw).
    label = fold(lines[found[0]].text)
    own_letters = next((letters for word, letters in SEX_LETTERS.items() if word in label), {})
    letters = "".join(["MFX", *own_letters])
    candidates = value_after_label(lines, *found)
    # A letter alone, no letter of any alphabet beside it: the "F" of "Fôdelsedatum" on the next caption is none
    # (blind probe r35c: a Swedish card's "M/M" read as F).
    for pattern in (re.compile(rf"(?<![^\W\d_])([{letters}])(?![^\W\d_])"), BILINGUAL_SEX):
        for candidate, line in candidates:
            sex_match = pattern.search(candidate)
            if sex_match:
                return own_letters.get(sex_match.group(1), sex_match.group(1)), line.confidence
    if kind in PORTUGUESE_CARDS and found[1].start() <= CAPTION_OPENS_ROW and len(candidates) > 1:
        # A Portuguese card prints "M" or "F" first on the row under "SEXO / SEX" (height and nationality beside
        # it); a lone "E" opening that row is its "F" with the lower bar OCR saw too long (blind probe r41a, a
        # photo of a card's front), as the MRZ's sex is repaired. Elsewhere an "E" may be a letter of its own
        # (Turkish "E/M", erkek).
        candidate, line = candidates[1]
        if re.match(r"\W{0,2}E(?![^\W\d_])", candidate.strip()):
            return "F", min(line.confidence, REPAIRED_SEX_CONFIDENCE)
    return None


# The Portuguese state's cards, printing the holder's sex as "M" or "F" only.
PORTUGUESE_CARDS = frozenset({DocumentKind.CARTAO_CIDADAO, DocumentKind.TITULO_RESIDENCIA})
# A caption found this far into its row, at most (OCR's specks before it), opens the row: its value opens the next.
CAPTION_OPENS_ROW = 3
REPAIRED_SEX_CONFIDENCE = 0.6


# A card printing the sex in its own language and in ICAO's letter after a slash ("Ž/F", "K/F", "N/F", "M/M"):
# OCR may read the slash as I, l or 1 ("ZIF"). Looked for only when no letter stands alone.
BILINGUAL_SEX = re.compile(r"(?<![^\W\d_])[MFXŽZKNVW]\s?[/|Il1]\s?([MFX])(?![^\W\d_])")


# A date written with its month's abbreviation ("05 JUL 1968", "10 AGO/AUG 2022"): "AGO" and "MAR" are also
# country codes (Angola, Morocco).
WRITTEN_MONTH_DATE = re.compile(r"\b\d{1,2}\s*([A-Z]{3,9})\.?(?:\s*/\s*[A-Z]{3,9}\.?)?\s*\d{2,4}\b")
# A demonym's feminine or plural ending printed beside it: "BRASILEIRO(A)".
GENDER_ENDING = re.compile(r"\((?:A|O|AS|OS)\)")


def without_a_written_date(match: re.Match[str]) -> str:
    """A date written with its month's abbreviation blanked; figures around a country's code left as they are
    ("F 1,53 PRT 23 06 2003", a card's height, nationality and birth date in a row: blind probe r38b, "PRT" taken
    for a month's and the nationality never read off a card's front)."""
    return " " if abbreviation_month(match.group(1).lower()) else match.group(0)


def visual_nationality(text: str) -> str | None:
    """The nationality a value prints: a country code in capitals, or a country's name or adjective as a word
    ("PORTUGUESA", "BRASIL", "BRASILEIRO(A)", "DEUTSCH"), as ISO 3166 alpha-3; None when neither is there."""
    text = GENDER_ENDING.sub("", WRITTEN_MONTH_DATE.sub(without_a_written_date, text))
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)
    for index, word in enumerate(words):
        folded = fold(word)
        pair = f"{folded} {fold(words[index + 1])}" if index + 1 < len(words) else ""
        named = NATIONALITY_WORDS.get(pair) or NATIONALITY_WORDS.get(folded)
        if named:
            return named
        # A code is printed in capitals; a word of three letters in lower case is a label's.
        if len(word) == 3 and word.isupper() and country_code(word) == word:
            return word
    return None


# A passport's date with the month's abbreviation, in the issuing state's language and in English after a slash
# ("11 SET/SEP 2033", "27 FEV/FEB 1996", "05 JUL 1968"); OCR may read the slash as "I" or "1" ("SETISEP").
# The translation after the slash may come out of OCR a letter short ("10 JUN/UN 2021" of a grey scan: blind probe
# r55b), so it is read as one to four letters, and only a month it names must agree.
CARD_WRITTEN_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*([a-z]{3,4})\.?(?:\s*[/|il1]\s*([a-z]{1,4})\.?)?\s*(\d{4})(?!\d)")


def card_dates(text: str, *, field: str | None = None) -> list[dt.date]:
    """The dates a visual-zone value prints: in figures, else with the month's abbreviation, else in figures with
    one of their two spaces lost; for a birth or expiry date (``field``), also one whose month only its English
    translation names, its year maybe of two digits."""
    return (
        figure_dates(text)
        or written_card_dates(text)
        or figure_dates_one_space_lost(text)
        or (bilingual_month_dates(text, field=field) if field else [])
    )


# A card's date with the month in its own script and in English after a slash: Greece's "08 ΙΟΥΛ/JUL 80",
# "05 ΜΑΪ/MAY 34", a two-digit year (blind probe r74e: both dates missing). The Greek or Cyrillic abbreviation, or
# the Latin letters OCR reads for it ("IOYA", "MAi"), names no month the reader knows: the English one does.
BILINGUAL_MONTH_DATE = re.compile(
    r"(?<![\d./-])(\d{1,2})\s*([^\W\d_]{3,5})\.?\s*/\s*([a-z]{3})\.?\s*(\d{4}|\d{2})(?![\d./-])"
)


def real_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def bilingual_month_dates(text: str, *, field: str) -> list[dt.date]:
    """Dates written "DD <own script>/<English month> YY" (or YYYY), read by the English month; a two-digit year's
    century as the MRZ's (``parse_date``): a birth in the past, an expiry in this century. The slash and the English month both
    printed: a lone two-digit figure after a word is as often a height or a count as a year."""
    kind: Literal["birth", "expiry"] = "birth" if field == "date_of_birth" else "expiry"
    found = []
    for match in BILINGUAL_MONTH_DATE.finditer(fold(text)):
        month, own = abbreviation_month(match.group(3)), abbreviation_month(match.group(2))
        # Two months the reader knows that differ ("22 ABR/SEP") could be either: nothing is read.
        if month is None or own not in {None, month}:
            continue
        day, year = int(match.group(1)), match.group(4)
        two_digits = len(year) == 2
        date = (
            parse_date(f"{year}{month:02d}{day:02d}", kind=kind, today=dt.date.today())
            if two_digits
            else real_date(int(year), month, day)
        )
        if date is not None:
            found.append(date)
    return found


# A card's date in figures, "DD MM YYYY", with the space between day and month or between month and year lost
# ("1407 1991", "14 071991"): OCR closed the narrow gap on a photo (blind probe r41a, a card front's birth date
# missing). Only one space: eight figures run together are as often a number as a date.
DATE_ONE_SPACE_LOST = re.compile(r"(?<![\d.,/-])(?:(\d{2})(\d{2})\s(\d{4})|(\d{2})\s(\d{2})(\d{4}))(?![\d.,/-])")


def figure_dates_one_space_lost(text: str) -> list[dt.date]:
    """The dates a card prints in figures whose day and month, or month and year, OCR ran together."""
    found = []
    for match in DATE_ONE_SPACE_LOST.finditer(fix_digits(text)):
        day, month, year = (int(part) for part in match.groups() if part is not None)
        try:
            found.append(dt.date(year, month, day))
        except ValueError:
            continue
    return found


# A card prints a date in figures with two-digit days and months ("31/05/2028", "09 12 2001"): a day or month of
# one digit is one whose other digit OCR lost to the card's edge, a shadow or glare ("1/05/2028").
CUT_SHORT_DATE = re.compile(r"(?<!\d)(?:\d\s?[ ./-]\s?\d{1,2}|\d{2}\s?[ ./-]\s?\d)\s?[ ./-]\s?\d{4}(?!\d)")


def figure_dates(text: str) -> list[dt.date]:
    """The dates in figures a card prints, none cut short: a date OCR lost a digit of is another date, so it is
    left unread (missing) rather than read wrong."""
    return parse_dates(CUT_SHORT_DATE.sub(" ", fix_digits(text)))


def written_card_dates(text: str) -> list[dt.date]:
    """Dates written "DD MMM YYYY" or "DD MMM/MMM YYYY"; both abbreviations of a bilingual one must name the same
    month, or the date is not read (a translation OCR damaged into no month at all leaves the first's)."""
    found = []
    for match in CARD_WRITTEN_DATE.finditer(fold(text)):
        month = abbreviation_month(match.group(2))
        translation = abbreviation_month(match.group(3)) if match.group(3) else None
        if month is None or (translation is not None and translation != month):
            continue
        try:
            found.append(dt.date(int(match.group(4)), month, int(match.group(1))))
        except ValueError:
            continue
    return found


# The month abbreviations of the other languages a European document prints before the English one after a slash
# ("15 ENE/JAN 1988", "24 DIC/DEC 2031", "01 DEZ/DEC 1975", "12 MÄR/MAR 1990", "03 OKT/OCT 2030", "07 GIU/JUN 2029",
# "21 FÉVR/FEB 1985"), folded, those neither Portuguese nor English shares: Spanish, Italian, German, Dutch and
# French. No abbreviation names two different months in these languages.
FOREIGN_MONTH_ABBREVIATIONS = {
    "ene": 1, "dic": 12,  # Spanish
    "gen": 1, "mag": 5, "giu": 6, "lug": 7, "ott": 10,  # Italian
    "maer": 3, "marz": 3, "okt": 10,  # German (and Dutch "okt")
    "mrt": 3, "mei": 5,  # Dutch
    "janv": 1, "fevr": 2, "mars": 3, "avr": 4, "juin": 6, "juil": 7, "aou": 8, "aout": 8, "sept": 9,  # French
}  # fmt: skip


def abbreviation_month(name: str) -> int | None:
    return MONTHS.get(name) or ENGLISH_MONTHS.get(name) or FOREIGN_MONTH_ABBREVIATIONS.get(name)


def unlabelled_dates(lines: list[Line], parsed: Parsed) -> None:
    """Birth and expiry dates neither a label nor the MRZ gave: the earliest and the latest date printed.

    Called after the MRZ is merged, so a guess never stands against (nor raises a mismatch with) a checked
    MRZ; the date of issue, labelled as such, and the expiry read by its label are no birth date.
    """
    # In figures, or with the month's abbreviation as a passport prints it ("01 DEZ/DEC 1975", blind probe r80d: a
    # birth date whose caption OCR lost was read only in figures), each line on its own.
    # Those with the month's abbreviation count for the birth date only (the earliest): a row of an issue and an expiry
    # date one of which OCR lost ("02 JUN 2022 og JUN 2032", blind probe r37a) tells no expiry.
    issued = issue_dates(lines)
    all_dates = sorted(set(figure_dates("\n".join(line.text for line in lines))) - issued)
    written = {date for line in lines for date in written_card_dates(line.text)} - issued
    birth_candidates = sorted(date for date in {*all_dates, *written} if date != parsed.fields.get("expiry_date"))
    if "date_of_birth" not in parsed.fields and birth_candidates:
        parsed.put("date_of_birth", birth_candidates[0], 0.6)
    if "expiry_date" not in parsed.fields and len(all_dates) > 1:
        parsed.put("expiry_date", all_dates[-1], 0.6)


# "Date ofissue" as OCR joins it, as DATE_LABEL reads it: else the bilingual "Data de emissão / Date ofissue" is two
# columns, and the issue date is read as the expiry (blind probe r34a: a false mismatch on 3 of 9 passports).
# OCR may read the small caption's "d" as a "p" ("pata de emissão | pate of issue": blind probe r37a, the issue
# date beside it then read as the expiry, a valid passport said expired).
# Brazil's documents say "Data de expedição" (a passport, the CIN), as Spain's "fecha de expedición".
ISSUE_DATE_LABEL = re.compile(
    r"[dp]ata\s+de\s+(?:emiss[aã]o|expedi[cç][aã]o)|[dp]ate\s+of\s*issue|date\s+de\s+d[eé]livrance|emitid[oa]\s+em"
    r"|fecha\s+de\s+(?:expedicion|emision)"
)


def issue_dates(lines: list[Line]) -> set[dt.date]:
    """The date printed under or beside an issue-date label (its own column in a row of date labels)."""
    found = find_label(lines, ISSUE_DATE_LABEL)
    if not found:
        return set()
    column = date_column(lines[found[0]].text, ISSUE_DATE_LABEL)
    for candidate, line in value_after_label(lines, *found):
        dates = issue_row_dates(candidate)
        if dates:
            whole_row = issue_row_dates(line.text)
            if column is not None and candidate == line.text and len(whole_row) == column[1]:
                return {whole_row[column[0]]}
            if column is not None and candidate == line.text and column[1] > 1:
                # A row of several dates one of which OCR lost: which is the issue date is not known, and taking
                # the first read took the expiry for it (blind probe r55b: a genuine passport "issued in the future").
                return set()
            return {dates[0]}
    return set()


def issue_row_dates(text: str) -> list[dt.date]:
    """The dates an issue date's row prints: in figures, else with the month's abbreviation, as a passport writes
    its dates ("10 FEV/FEB 2027"; blind probe r45a: a passport issued in the future went unflagged, its issue date
    read only when printed "10/02/2027")."""
    return parse_dates(text) or written_card_dates(text)


DATE_LABEL = re.compile(
    # "Date ofissue": OCR joins the words of a small caption (doc probe 31's passport).
    r"[dp]ata\s+de\s+(?:nascimento|validade|emiss[aã]o|expedi[cç][aã]o|expira[cç][aã]o)"
    r"|[dp]ate\s+of\s*(?:birth|expiry|issue)"
    r"|date\s+d[e']\s*(?:naissance|expiration|d[eé]livrance)|validade|v[aá]lido\s+at[eé]|valid\s+until|expiry\s+date"
    r"|fecha\s+de\s+(?:nacimiento|vencimiento|caducidad|expiracion|expedicion|emision)|" + BARE_BIRTH_LABEL
)


def date_column(label_line: str, label: re.Pattern[str]) -> tuple[int, int] | None:
    """(index, count) of ``label`` among the date labels of its row; bilingual pairs count once."""
    folded = fold(label_line)
    target = label.search(folded)
    if target is None:
        return None
    columns: list[int] = []
    previous: re.Match[str] | None = None
    for match in DATE_LABEL.finditer(folded):
        # "Data de validade / Date of expiry": the translation after a slash is the same column; two dates
        # after a slash are two ("Date of Issue / Date of Expiry" over "22/03/2022 21/03/2032").
        # OCR may read the slash as a bar ("válido até | Date of expiry").
        translation = (
            previous is not None
            and folded[previous.end() : match.start()].strip() in ("/", "|")
            and date_label_field(previous.group(0)) == date_label_field(match.group(0))
        )
        if not translation:
            columns.append(match.start())
        previous = match
    index = sum(1 for start in columns if start <= target.start()) - 1
    return (index, len(columns)) if index >= 0 else None


def date_label_field(label: str) -> str:
    """Which date a date label names: "issue", "birth" or "expiry"."""
    if ISSUE_DATE_LABEL.search(label):
        return "issue"
    if re.search(r"nasc|nacim|birth|naissance", label):
        return "birth"
    return "expiry"


# Digits OCR reads for the letters of a citizen card's version.
_LETTER_LOOKALIKES = str.maketrans({"2": "Z", "5": "S", "8": "B", "0": "O", "1": "I", "6": "G"})


def visual_document_number(lines: list[Line], kind: DocumentKind, parsed: Parsed) -> None:
    printed = "\n".join(line.text for line in lines).upper()
    joined = fix_digits(printed)
    if kind == DocumentKind.CARTAO_CIDADAO:
        # As printed first: digit repair turns an unspaced number's version letters into digits
        # ("145029387ZZ5" into "145029387225"), and the check digit can hold for both readings.
        number = next(itertools.chain(checked_cc_numbers(printed), checked_cc_numbers(joined)), None)
        if number:
            parsed.put("document_number", cc_format(number), VALIDATED_CONFIDENCE)
        else:
            repaired = cc_number_undoubled(printed) or cc_number_undoubled(joined)
            if repaired:
                # The check digit chose among two readings of one glyph, not among every number.
                parsed.put("document_number", cc_format(repaired), REPAIRED_CC_CONFIDENCE)
            elif CC_TOKEN.search(joined):
                parsed.warnings.append("document_number_check_invalid")
            elif CC_SHAPED.search(joined) or find_label(lines, ID_LABELS["document_number"]):
                # Printed but read too poorly for its check character to single out one reading: left out, said so.
                parsed.warnings.append(DOCUMENT_NUMBER_UNREAD)
        return
    own_caption = own_number_caption(lines, kind)
    found = own_caption or find_label(lines, BARE_NUMBER_CAPTION) or number_caption_ending_row(lines)
    if found:
        for candidate, line in value_after_label(lines, *found):
            grouped = grouped_number(candidate)
            if grouped:
                parsed.put("document_number", grouped, line.confidence)
                break
            value = permit_or_card_number(candidate, line, kind)
            row_under = found[0] + 1 < len(lines) and line is lines[found[0] + 1]
            named = own_caption is not None and DOCUMENT_NAMED.search(own_caption[1].group(0)) is not None
            if value is None and kind == DocumentKind.TITULO_RESIDENCIA and named and row_under:
                value = permit_code_under_its_caption(candidate)
                if value:
                    parsed.put("document_number", value, min(line.confidence, UNCHECKED_PERMIT_NUMBER_CONFIDENCE))
                    break
                if misread_permit_code(candidate):
                    parsed.warnings.append("document_number_implausible")
                    break
            if value and kind == DocumentKind.TITULO_RESIDENCIA and not PERMIT_NUMBER.fullmatch(value):
                # Under its caption, a reading no permit number can be ("R122204938": OCR read the "Z" of
                # "R1Z204938" as "Z2", digit repair made it "22"): left out and flagged, never guessed back.
                parsed.warnings.append("document_number_implausible")
                break
            if value and POLISH_NUMBER_CAPTION.search(found[1].group(0)):
                polish_card_number(value, parsed)
                break
            if value:
                parsed.put("document_number", value, line.confidence)
                break
    if kind != DocumentKind.CARTAO_CIDADAO and not parsed.fields.get("document_number"):
        series_and_number(lines, parsed)
    if kind == DocumentKind.PASSAPORTE and not parsed.fields.get("document_number"):
        passport_number_by_its_row(lines, parsed)
    if kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO and not parsed.fields.get("document_number"):
        cpf_as_card_number(lines, parsed)


# A number printed as a series and a number, each after its own caption, on one row: Romania's and Moldova's cards
# ("SERIA RX NR 512873"), as Latvian, Lithuanian, Czech or French captions write them ("SĒRIJA", "SERIJA", "SÉRIE",
# "N°"), or under one caption for both ("SERIA I NUMER / SERIES AND NUMBER  AB 1234567"). The series is one to three
# capitals, the number five to nine digits; the MRZ writes them joined ("RX512873"), and so are they given (blind
# probe r80d: a Romanian card's front gave no number). Matched on the line with its accents folded, its case kept.
SERIES_CAPTION = r"(?i:seri(?:a|e|es|ja)|ser\.)"
NUMBER_CAPTION = r"(?i:n[ro]\.?|n\.?\s?[ºo°]\.?|num(?:ber|ero|ar|er)?\.?|№)"
SERIES_AND_NUMBER = re.compile(
    rf"(?<![A-Za-z]){SERIES_CAPTION}\s*[:.]?\s*([A-Z]{{1,3}})\s*[,;]?\s*{NUMBER_CAPTION}\s*[:.]?\s*(\d{{5,9}})(?!\d)"
    rf"|(?<![A-Za-z]){SERIES_CAPTION}\s+(?i:i|si|and|et|y|e)\s+(?i:numer|numarul|number|numero)\b[^A-Z\d]*"
    r"([A-Z]{1,3})\s?(\d{5,9})(?!\d)"
)


def series_and_number(lines: list[Line], parsed: Parsed) -> None:
    """The document's number where it prints a series and a number (``SERIES_AND_NUMBER``), joined. Nothing on the
    front checks it: given at the line's confidence, and the back's MRZ, when read, confirms or replaces it."""
    for line in lines:
        found = SERIES_AND_NUMBER.search(fold_accents(line.text))
        if found:
            series, number = (part for part in found.groups() if part is not None)
            parsed.put("document_number", series + number, line.confidence)
            return


# The characters of a German identity card's number (Personalausweis, since 2010): the digits and twelve consonants;
# no vowel, and no B, D, Q or S, which a reader takes for a digit.
GERMAN_CARD_NUMBER_CHARACTERS = frozenset("0123456789CFGHJKLMNPRTVWXYZ")
# The letters a German card's number never holds, as the digit each is a look-alike of.
GERMAN_CARD_LETTER_AS_DIGIT = str.maketrans({"O": "0", "D": "0", "Q": "0", "I": "1", "B": "8", "S": "5"})
GERMAN_CARD_STATES = frozenset({"D", "DEU"})


def german_card_number_in_its_alphabet(parsed: Parsed) -> None:
    """A German card's number read on its front with a letter the number's alphabet has not, read as the digit it
    looks like ("LO1X00T47" for "L01X00T47", blind probe r75d, G17): the front prints no check digit, and its
    holder, a German, is known by the nationality it prints. A reading that still holds a character out of the
    alphabet (a vowel other than O or I) is left as read; the back's MRZ, when sent, decides."""
    number = str(parsed.fields.get("document_number") or "")
    states = {parsed.fields.get("nationality"), parsed.fields.get("issuing_state")}
    if not number or not states & GERMAN_CARD_STATES or set(number) <= GERMAN_CARD_NUMBER_CHARACTERS:
        return
    in_alphabet = number.translate(GERMAN_CARD_LETTER_AS_DIGIT)
    if set(in_alphabet) <= GERMAN_CARD_NUMBER_CHARACTERS:
        parsed.fields["document_number"] = in_alphabet


POLISH_NUMBER_CAPTION = re.compile(r"numer\s+dowodu")
# A Polish card's number: three letters, then its check digit, then five digits.
POLISH_CARD_NUMBER = re.compile(r"[A-Z]{3}\d{6}")
POLISH_CARD_NUMBER_WEIGHTS = (7, 3, 1, 9, 7, 3, 1, 7, 3)


def polish_card_number(value: str, parsed: Parsed) -> None:
    """A Polish card's number read on its front, taken where its own check digit holds: nothing else vouches for it
    there (its MRZ is on the back). One that fails was misread, and is left out and flagged, as a Cartão de
    Cidadão's is (blind probe r67a: the caption "NUMER DOWODU" unknown, a front gave no number)."""
    if polish_card_number_holds(value):
        parsed.put("document_number", value, VALIDATED_CONFIDENCE)
    else:
        parsed.warnings.append("document_number_check_invalid")


def polish_card_number_holds(value: str) -> bool:
    """Poland's check of its identity card's number: letters count A=10 to Z=35, each character is weighed 7, 3,
    1, 9, 7, 3, 1, 7, 3 (the check digit, fourth, by 9), and the sum is a multiple of ten ("ABA300000")."""
    if not POLISH_CARD_NUMBER.fullmatch(value):
        return False
    total = sum(int(char, 36) * weight for char, weight in zip(value, POLISH_CARD_NUMBER_WEIGHTS, strict=True))
    return total % 10 == 0


# Brazil's Carteira de Identidade Nacional numbers its holder by the CPF, captioned "CPF" ("529.047.183-97"): the
# number its MRZ writes in the long-number field (blind probe r63a: the front read with no number). Its two check
# digits (mod 11) vouch for a reading; the caption alone would take any number printed beside it.
CPF_CAPTION = re.compile(r"(?<![a-z])cpf(?![a-z])")
CPF_SHAPED = re.compile(r"(?<![\d.-])(\d{3})\s?\.?\s?(\d{3})\s?\.?\s?(\d{3})\s?-?\s?(\d{2})(?![\d.-])")
CPF_DIGITS = 11


def cpf_checks(digits: str) -> bool:
    """Whether an 11-digit CPF's two check digits hold (each the mod-11 sum of the digits before it, weighted
    from 10 and 11 down to 2); a run of one digit repeated holds them and is no CPF."""
    if len(digits) != CPF_DIGITS or len(set(digits)) == 1:
        return False
    for position in (9, 10):
        total = sum(int(digit) * (position + 1 - index) for index, digit in enumerate(digits[:position]))
        if (total * 10) % 11 % 10 != int(digits[position]):
            return False
    return True


def cpf_as_card_number(lines: list[Line], parsed: Parsed) -> None:
    """The CPF under or after its caption, its check digits holding, as the card's number (a CIN's)."""
    found = find_label(lines, CPF_CAPTION)
    if found is None:
        return
    for candidate, line in value_after_label(lines, *found):
        for match in CPF_SHAPED.finditer(candidate):
            digits = "".join(match.groups())
            if cpf_checks(digits):
                parsed.put("document_number", digits, line.confidence)
                return


# A passport's data page prints its type, issuing state and number in one row under their captions ("P  BRA
# GK482193", ICAO 9303 part 4), the order its MRZ writes them in: the row's shape names the number where OCR garbled
# every caption above it (blind probe r57a: "E Tese Cossacos Passaporte tPansgost No" over "| P BRA GK482193").
# The state must be a real one and the number hold two digits at least, so that no row of words is taken. A speck
# beside the type reads as a small letter ("Po USA AO3918452", blind probe r63a).
PASSPORT_FIRST_ROW = re.compile(r"^\W{0,3}P[A-Za-z]?\s+([A-Z]{3})\s+([A-Z0-9]{6,9})\s*$")
# Nothing checks the number read so: the MRZ's check digit, when its line reads, replaces it.
PASSPORT_ROW_NUMBER_CONFIDENCE = 0.7


def passport_number_by_its_row(lines: list[Line], parsed: Parsed) -> None:
    """The number of a passport's first printed row (type, state, number), when no caption named it."""
    for line in lines:
        found = PASSPORT_FIRST_ROW.match(line.text.strip())
        if found and found.group(1) in COUNTRY_CODES and sum(char.isdigit() for char in found.group(2)) >= 2:
            parsed.put("document_number", found.group(2), min(line.confidence, PASSPORT_ROW_NUMBER_CONFIDENCE))
            return


# A number caption that names the document ("N.º DOCUMENTO", "DOCUMENT No.", "N.º do título", "PERMIT No."), folded.
DOCUMENT_NAMED = re.compile(r"document|t[ií]tulo|permit")
# ICAO's nine characters of a permit's number, letters and digits in any order ("Y48K2P7Q1"), in capitals as
# printed: at least two digits, so that no word is one.
PERMIT_CODE = re.compile(r"(?=(?:[A-Z]*\d){2})(?=[A-Z0-9]*[A-Z])[A-Z0-9]{9}")
# Nothing checks such a number on the front (its check digit is the back's MRZ's, which replaces it): below what a
# reading under its caption is given.
UNCHECKED_PERMIT_NUMBER_CONFIDENCE = 0.7


def permit_code_under_its_caption(candidate: str) -> str | None:
    """A permit's number with fewer figures than ``permit_or_card_number`` asks for ("Y48K2P7Q1", blind probe r41a),
    read only under a caption naming the document's number ("N.º DOCUMENTO / DOCUMENT No.", "N.º do título"): the
    first word of the row right under it, as printed. A bare "N.º" captions any number, and there a code with few
    figures is not taken (round 14). No check character: a look-alike OCR read otherwise stays, and the back's MRZ,
    when sent, decides. A glyph alone before it is no part of it (``permit_code_words``)."""
    words = permit_code_words(candidate)
    return words[0] if words and PERMIT_CODE.fullmatch(words[0]) else None


# A capital OCR read twice, in lower case then in capitals or the reverse ("C8M3kK7T21" for "C8M3K7T21").
CASE_DOUBLED_LETTER = re.compile(r"([a-z])(?=([A-Z]))|(?<=([A-Z]))([a-z])")


def permit_code_words(candidate: str) -> list[str]:
    """The words of the row under a permit's number caption, from its first of more than one character, each with a
    capital OCR read twice, once in lower case, read once.

    Blind probe r75d: phone photos of two permits' fronts read "o Y4K7N2P81 ." (the card's edge, a speck read as a
    glyph) and "C8M3kK7T21"; neither number was taken, nor flagged, and no number is one glyph long. A permit's
    number is printed in capitals: a lower-case letter beside its own capital is that glyph read twice, as
    ``same_number_misread`` reads "0O"; any other lower-case letter is left, and the code then fails its shape."""
    words = candidate.split()
    while len(words) > 1 and len(words[0]) == 1:
        words = words[1:]
    return [undoubled_case(word) for word in words]


def undoubled_case(word: str) -> str:
    """``word`` without each lower-case letter beside its own capital."""

    def kept(match: re.Match[str]) -> str:
        lower, capital = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        return "" if lower.upper() == capital else lower

    return CASE_DOUBLED_LETTER.sub(kept, word)


# A code of letters and digits mixed, as printed, whatever its length: a permit's number OCR read a glyph too many
# or too few in ("A58R027T44" for a nine-character "A58R02T44", blind probe r65b).
CODE_SHAPED = re.compile(r"(?=(?:[A-Z]*\d){2})(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,12}")


def misread_permit_code(candidate: str) -> bool:
    """Whether the first word of the row right under a caption naming the document's number is a code no permit
    number can be: letters and digits mixed, not nine characters. Left out silently, the number looked as if the
    front printed none; no check digit on a front says which glyph is OCR's, so it is not guessed back."""
    words = [word.upper() for word in permit_code_words(candidate)]
    return bool(words) and CODE_SHAPED.fullmatch(words[0]) is not None and PERMIT_CODE.fullmatch(words[0]) is None


def checked_cc_numbers(text: str) -> Iterator[str]:
    """The Cartão de Cidadão numbers printed in ``text`` whose check character holds, in order, compact."""
    for match in CC_TOKEN.finditer(text):
        number = cc_normalize("".join(match.groups())).translate(_DIGIT_LOOKALIKES)
        # The version is letters ("ZZ", "ZY", counting down); OCR may read them as look-alike digits ("22"), which
        # are read back as letters, never the reverse: a letter read as a digit can make the check character hold
        # for a number that fails it (``cc_number_holds``).
        version = match.group(3).translate(_LETTER_LOOKALIKES)
        # A "G" for the check character is a "6" or a "9" ("Zxg" for "ZX9" on a photo), after a version read as
        # letters only: eleven digits and a stray "g" are a NISS beside a smudge (doc probe 30B's card back).
        if match.group(4) == "G" and not match.group(3).isalpha():
            continue
        checks = ["6", "9"] if match.group(4) == "G" else [number[11:]]
        valid = [number[:9] + version + check for check in checks]
        valid = [candidate for candidate in valid if cc_number_holds(candidate)]
        if valid:
            yield valid[0]


# A number's caption naming a passport ("Passaporte n.º", "N.º do passaporte", "Passport No.").
PASSPORT_NUMBER_CAPTION = re.compile(r"pass?aporte|passport")


def own_number_caption(lines: list[Line], kind: DocumentKind) -> tuple[int, re.Match[str]] | None:
    """The first caption of a document number that is the document's own. A residence permit printed on paper
    names the holder's passport too ("Documento de viagem: Passaporte n.º ..."): that number is the passport's,
    and the permit's is under its own caption ("N.º do título")."""
    start = 0
    while (found := find_label(lines, ID_LABELS["document_number"], start=start)) is not None:
        if kind != DocumentKind.TITULO_RESIDENCIA or not PASSPORT_NUMBER_CAPTION.search(found[1].group(0)):
            return found
        start = found[0] + 1
    return None


# The bare caption "N.º" opening a line, the number after it ("N.º P123456"): inside a line it is as often a law's
# ("Art. 88.º n.º 2"), and before a word another number's ("N.º Utente").
BARE_NUMBER_CAPTION = re.compile(r"^\W{0,2}n\.?\s?[º°o]\.?(?=\s*[a-z]{0,2}\d)")


# The bare caption "N.º" as the last of a row of captions ("VÁLIDO ATÉ  N.º"), its value in the row under it; as
# printed, in capitals: a lower-case "no" ending a line is a word.
ROW_END_NUMBER_CAPTION = re.compile(r"(?<![A-Za-z])N\.?\s?[º°o]\.?\s*$")


def number_caption_ending_row(lines: list[Line]) -> tuple[int, re.Match[str]] | None:
    """The bare number caption ending a line that opens with another field's caption: a row of captions, not a
    law's or an address's "n.º" (which a figure follows on its own line)."""
    for index, line in enumerate(lines):
        match = ROW_END_NUMBER_CAPTION.search(line.text)
        if match and other_field_caption(fold(line.text[: match.start()]), "document_number"):
            return index, match
    return None


# A number printed in groups of digits apart, alone under its caption: a Russian passport's series and number
# ("75 1234567"), which its MRZ writes joined. Read as its last group, it differed from the MRZ's number.
SPACED_NUMBER = re.compile(r"\d{2,4}(?:\s\d{2,7}){1,2}")
SPACED_NUMBER_LENGTH = range(6, 13)


def permit_or_card_number(candidate: str, line: Line, kind: DocumentKind) -> str | None:
    """A passport's, a permit's or another state's card's number in a value under its caption.

    As printed first: a number may start with G or S, which digit repair would turn into 6 or 5. On a permit,
    ICAO's nine characters as printed come before digit repair too: the letter of "R1Z204938" is its own, and
    repaired it would read "R12204938".
    """
    number_pattern = (
        # Other states' cards: any 6 to 12 letters and digits ("CAA123456", "X4RTBPFW4", "CA00000AA").
        r"\b((?=[A-Z]*\d)[A-Z0-9]{6,12})\b"
        if kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
        # Passports and permits: up to two letters around the digits ("FZ392817", "AA1234567"), or a
        # series of three or four letters before a run of ten or more ("CPLP20250481736"); not before
        # a short run, where the third letter is more often OCR's ("FXx482913" for FX482913).
        else r"\b((?:[A-Z]{0,2}\d{6,9}|[A-Z]{3,4}\d{10,12})[A-Z0-9]{0,2})\b"
    )
    spaced = SPACED_NUMBER.fullmatch(candidate.strip())
    if spaced and len(joined := re.sub(r"\s", "", spaced.group(0))) in SPACED_NUMBER_LENGTH:
        return joined
    printed = re.search(number_pattern, candidate.upper()) or THREE_LETTER_SERIES.search(candidate)
    if printed:
        return printed.group(1)
    icao = icao_number(candidate, line)
    if icao and kind == DocumentKind.TITULO_RESIDENCIA:
        return icao
    repaired = re.search(number_pattern, fix_digits(candidate.upper()))
    return repaired.group(1) if repaired else icao


# ICAO's nine characters as three letters and six digits ("PAB123456"), printed in capitals: digit repair would read
# the third letter as a figure ("PA8123456"). A letter OCR read in lower case is not one ("FXx482913" for FX482913).
# An "O" is OCR's zero as often as a letter ("BOT726154" for B0T726154): a series with one is left to icao_number.
THREE_LETTER_SERIES = re.compile(r"\b([A-NP-Z]{3}\d{6})\b")


# A residence permit's number: ICAO's nine characters ("A0K192837", "Y18273645"), or a series of three or four letters
# before ten or more digits ("CPLP20250481736"); a number in hyphen-joined groups is read apart (grouped_number).
# An older card's shorter number, a letter or two before six to eight digits ("P123456"), is as printed too.
PERMIT_NUMBER = re.compile(r"[A-Z0-9]{9}|[A-Z]{3,4}\d{10,12}[A-Z0-9]{0,2}|[A-Z]{1,2}\d{6,8}")


# ICAO's nine-character document number field, whole: at least six digits and a letter after one of them (a
# permit's "A0K192837", "C4A129385"); letters only before the digits are the shapes above.
ICAO_NUMBER = re.compile(r"\b(?=[A-Z]*\d[A-Z0-9]*[A-Z])(?=(?:[A-Z]*\d){6})[A-Z0-9]{9}\b")


def icao_number(candidate: str, line: Line) -> str | None:
    """A nine-character number of letters and digits mixed, as printed: digit repair would make one out of any code
    ("AB12CD34E"). Only the "O" OCR reads for a zero ("AOK192837") is read as one; a text layer's is as printed."""
    text = candidate.upper()
    if line.confidence < 1.0:
        text = re.sub(r"\b[A-Z0-9]{9}\b", lambda token: token.group(0).replace("O", "0"), text)
    number = ICAO_NUMBER.search(text)
    return number.group(0) if number else None


# A number printed in groups joined by hyphens, letters and digits ("CPLP-2025-0481736", "RP-A-123456"); OCR may
# space the hyphens or read them as dashes.
# A paper permit's series and number may be joined by a slash instead ("CPLP2025/0418832", blind probe r47a: read
# as its last group alone, or not at all).
GROUPED_NUMBER = re.compile(r"(?<![A-Z0-9/-])[A-Z0-9]+(?:\s?[-‐‑–—/]\s?[A-Z0-9]+)+(?![A-Z0-9/-])")
GROUPED_NUMBER_LENGTH = range(6, 21)


def grouped_number(text: str) -> str | None:
    """The first number in hyphen-joined groups with letters and at least six digits, whole and as printed
    (spaces dropped, dashes as hyphens): cut at a hyphen, it would be only its last group. A date is none."""
    for match in GROUPED_NUMBER.finditer(text.upper()):
        number = re.sub(r"\s", "", re.sub(r"[‐‑–—]", "-", match.group(0)))
        compact = re.sub(r"[-/]", "", number)
        if (
            re.search(r"[A-Z]", compact)
            and sum(char.isdigit() for char in compact) >= 6
            and len(compact) in GROUPED_NUMBER_LENGTH
            and not dates_in(number.replace("-", " "))
            and not dates_in(number)
        ):
            return number
    return None


# A CC number whose version letters were read with a glyph twice over: "54387055 0 0OM1" for "... OM1", "ZZ28"
# for "ZZ8" (before digit repair, which makes "ZZ28" of "ZZ28" and "22Z8" alike).
CC_TOKEN_DOUBLED = re.compile(r"(?<![\dA-Z])(\d{8})\s?(\d)\s?([A-Z0-9]{3})\s?([0-9ODQIL])(?![\dA-Z])")
REPAIRED_CC_CONFIDENCE = 0.9
# A letter of the version read twice, as itself and as the figure it looks like, side by side: OCR's usual
# confusions (Z/2, O/0, I/1, S/5, B/8, G/6), either way round.
VERSION_DOUBLED_GLYPHS = frozenset(
    pair
    for letter, digit in (
        ("Z", "2"),
        ("O", "0"),
        ("Q", "0"),
        ("I", "1"),
        ("L", "1"),
        ("S", "5"),
        ("B", "8"),
        ("G", "6"),
    )
    for pair in (letter + digit, digit + letter)
)
# A CC number's shape, whatever OCR made of its version and check character ("13698521 1 ZZ28").
CC_SHAPED = re.compile(r"(?<![\dA-Z])\d{8}\s?\d\s?[A-Z0-9]{2,4}(?![\dA-Z])")
DOCUMENT_NUMBER_UNREAD = "document_number_unreadable"


def cc_number_undoubled(joined: str) -> str | None:
    """The one valid CC number left when a doubled glyph ("0O", "Z2") in the version letters loses either
    half; None when no such pair is there, or the check digit does not single out one reading."""
    found: set[str] = set()
    for match in CC_TOKEN_DOUBLED.finditer(joined):
        head = (match.group(1) + match.group(2)).translate(_DIGIT_LOOKALIKES)
        version, check = match.group(3), match.group(4).translate(_DIGIT_LOOKALIKES)
        doubled = [index for index in range(len(version) - 1) if version[index : index + 2] in VERSION_DOUBLED_GLYPHS]
        for index in doubled:
            for drop in (index, index + 1):
                number = head + (version[:drop] + version[drop + 1 :]).translate(_LETTER_LOOKALIKES) + check
                if cc_number_holds(number):
                    found.add(number)
    return found.pop() if len(found) == 1 else None


def cc_format(number: str) -> str:
    """'12345678 9 ZZ1', the way the card prints it."""
    return f"{number[:8]} {number[8]} {number[9:12]}"


# --- MRZ --------------------------------------------------------------------------------------------


def with_names_line_as_printed(mrz: MrzRead, texts: Sequence[str], parsed: Parsed) -> MrzRead:
    """The MRZ with its names line fitted as the visual zone prints the names, where OCR read that line one
    character too long and fitting its width dropped a character at a guess.

    A names line that fills its width has no filler run to absorb a character OCR added ("TEIXEIRA<MOUTRAO<DE<
    VASCONCELOS", 31 characters for 30), and no check digit covers a name to tell which character is the extra one:
    the fit dropped the first letter beside a filler ("TEIXEIR<MOUTRAO..."). The one drop whose names are the
    visual zone's ("TEIXEIRA-MOURÃO DE VASCONCELOS") is that line's reading; any other, or none, leaves the MRZ as
    it was read, and a visual zone that differs otherwise is still flagged."""
    row, start = (2, 0) if mrz.format == "TD1" else (0, 5)
    if len(mrz.lines) <= row:
        return mrz
    fitted = mrz.lines[row]
    printed = {name: str(parsed.fields[name]) for name in NAME_FIELDS if parsed.fields.get(name)}
    if not printed or all(same_name(value, getattr(mrz, name), mrz) for name, value in printed.items()):
        return mrz
    again = names_line_read_again(mrz, texts, printed)
    if again is not None:
        return again
    for text in texts:
        read = clean_line(text)
        if len(read) != len(fitted) + 1 or re.search(r"\d", read):
            continue
        drops = [read[:index] + read[index + 1 :] for index in range(len(read))]
        if fitted not in drops:
            continue
        for line in dict.fromkeys(drops):
            surname, given_names = names_from(line[start:])
            fitting = replace(mrz, lines=(*mrz.lines[:row], line, *mrz.lines[row + 1 :]), surname=surname,
                              given_names=given_names)  # fmt: skip
            if all(same_name(value, getattr(fitting, name), fitting) for name, value in printed.items()):
                return fitting
    return with_a_glyph_read_twice_dropped(mrz, parsed) or mrz


# The narrow capitals a proportional typeface runs together in the visual zone, where the MRZ's count of them stands.
NARROW_LETTERS = frozenset("IL")


def with_a_glyph_read_twice_dropped(mrz: MrzRead, parsed: Parsed) -> MrzRead | None:
    """The MRZ with one letter of a look-alike pair dropped from its names line and a filler added at its end, where
    the names printed are then the MRZ's and those it changes were read surely: one glyph OCR read as two
    ("XIAOQMING" over the printed "XIAOMING", the "O" read "OQ"), the line's width kept by a filler it lost. Blind
    probe r68a: the MRZ's extra letter was taken for one the visual zone's typeface merged
    (``letters_merged_or_split``) and reported, flagged against a passport whose two zones print one name. A letter
    more of another shape, or a narrow one, is still flagged."""
    row, start = (2, 0) if mrz.format == "TD1" else (0, 5)
    fitted = mrz.lines[row]
    printed = {name: str(parsed.fields[name]) for name in NAME_FIELDS if parsed.fields.get(name)}
    differing = [name for name, value in printed.items() if not same_name(value, getattr(mrz, name), mrz)]
    if not fitted.endswith(FILLER) or any(
        parsed.confidence.get(name, 0.0) < SURE_WORD_CONFIDENCE for name in differing
    ):
        return None
    for index in range(start, len(fitted) - 1):
        first, second = fitted[index], fitted[index + 1]
        if not (first.isalpha() and second.isalpha() and first != second and same_letters(first, second)):
            continue
        # Not a narrow "I" or "L": the visual zone's typeface runs those together ("NATALIIA" printed read
        # "NATALIA"), and the MRZ's count of them stands (``letters_merged_or_split``).
        for drop in (each for each in (index, index + 1) if fitted[each] not in NARROW_LETTERS):
            line = fitted[:drop] + fitted[drop + 1 :] + FILLER
            surname, given_names = names_from(line[start:])
            fitting = replace(mrz, lines=(*mrz.lines[:row], line, *mrz.lines[row + 1 :]), surname=surname,
                              given_names=given_names)  # fmt: skip
            if all(same_name(value, getattr(fitting, name), fitting) for name, value in printed.items()):
                return fitting
    return None


def names_line_read_again(mrz: MrzRead, texts: Sequence[str], printed: dict[str, str]) -> MrzRead | None:
    """The valid MRZ with its names line as another reading of the same MRZ has it, where the printed names agree
    with more of that reading's names than of its own.

    No check digit covers the names line, so the reading whose data line holds every check vouches for nothing
    on it: a card's back read twice, the second pass's names line "NNANTUNES<CARVALHO<<RUI<FILIPE" (its fillers
    lost, the card's edge read as letters) with the valid data line, the first pass's "ANTUNES<CARVALHO<<RUI<
    FILIPE<<" with a data line one check short, under the front's printed "ANTUNES CARVALHO" (blind probe r45a).
    The other reading is the same MRZ's by its format and its birth and expiry dates; the printed names choose
    between the two readings of the line, never a name neither MRZ reading has."""
    row = 2 if mrz.format == "TD1" else 0

    def agreeing(reading: MrzRead) -> int:
        return sum(bool(getattr(reading, name)) and same_name(value, getattr(reading, name), reading)
                   for name, value in printed.items())  # fmt: skip

    best, most = None, agreeing(mrz)
    # Each reading's lines, a format's count of them in a row: two passes' runs may follow one another.
    count = 3 if mrz.format == "TD1" else 2
    groups = [run[start : start + count] for run in mrz_candidates(texts) for start in range(len(run) - count + 1)]
    for group in groups:
        other = read_mrz(group)
        if (
            other is None
            or other.format != mrz.format
            or len(other.lines) <= row
            or not (other.checked("date_of_birth") and other.checked("expiry_date"))
            or (other.date_of_birth, other.expiry_date) != (mrz.date_of_birth, mrz.expiry_date)
        ):
            continue
        if agreeing(other) > most:
            best, most = other, agreeing(other)
    if best is None:
        return None
    lines = (*mrz.lines[:row], best.lines[row], *mrz.lines[row + 1 :])
    return replace(mrz, lines=lines, surname=best.surname, given_names=best.given_names)


def merge_mrz(parsed: Parsed, mrz: MrzRead, kind: DocumentKind, *, visual_names: bool = True) -> MrzRead:
    """Cross-check the visual zone with the MRZ: a checked MRZ value wins, a failed one is never used. Returns the
    MRZ as merged: the page's number may have repaired a look-alike in it, and what follows reads that one.

    ``mrz_viz_mismatch:<field>`` when the visual zone reads otherwise than a checked MRZ;
    ``mrz_check_invalid`` when any check digit fails. The names already in ``parsed`` are the visual zone's
    (``visual_names``), or another backend's, which may be its transcription of the MRZ's.
    """
    if visual_names:
        mrz = names_line_confirmed_by_print(mrz, parsed)
    viz_number = parsed.fields.get("document_number")
    if viz_number and not mrz.valid:
        # The visual zone's number is a second reading of the MRZ's, in another typeface ("A01938472" where OCR
        # read the MRZ's "AO1938472"): taken only when it differs in look-alikes alone and every check then holds.
        mrz = with_document_number(mrz, str(viz_number)) or number_tie_broken(mrz, str(viz_number)) or mrz
    parsed.fields["mrz_valid"] = mrz.valid
    parsed.confidence["mrz_valid"] = VALIDATED_CONFIDENCE
    if not mrz.valid:
        parsed.warnings.append("mrz_check_invalid")
    if card_number_alone_impossible(mrz):
        # Read whole, every ICAO check digit holding: the number is impossible, not unread (blind probe r79a).
        parsed.warnings[:] = [code for code in parsed.warnings if code not in VISUAL_NUMBER_UNREAD]
        if "document_number_check_invalid" not in parsed.warnings:
            parsed.warnings.append("document_number_check_invalid")
    issuing_state = iso_state_code(mrz_issuing_state(mrz))
    if issuing_state:
        parsed.put("issuing_state", issuing_state, VALIDATED_CONFIDENCE if mrz.valid else MRZ_CONFIDENCE_UNCHECKED)
    values: dict[str, Any] = {
        "document_number": mrz_document_number(mrz, kind),
        "date_of_birth": mrz.date_of_birth,
        "expiry_date": mrz.expiry_date,
        "sex": mrz.sex,
        # No check digit covers the nationality; a Cartão de Cidadão's holder is Portuguese, whatever OCR
        # made of it ("PRI").
        "nationality": "PRT" if kind == DocumentKind.CARTAO_CIDADAO else iso_state_code(country_code(mrz.nationality)),
    }
    fitted = number_in_its_format(values["document_number"], issuing_state, mrz)
    values["document_number"] = fitted or values["document_number"]
    viz_number = parsed.fields.get("document_number")
    number_tied = False
    if (
        viz_number
        and values["document_number"]
        and same_under_check(comparable(viz_number), comparable(values["document_number"]))
    ):
        # G and 6, L and 1 weigh the same in a check digit: the state's number format decides, else the MRZ's
        # reading stands below a checked field's confidence (``number_tie_decided``). The visual zone's own keeps
        # the hyphens the MRZ leaves out ("AB-123456" for "AB123456").
        decided = number_tie_decided(str(viz_number), str(values["document_number"]), issuing_state, mrz)
        number_tied = decided is None
        values["document_number"] = decided or values["document_number"]
    for name, value in values.items():
        read = parsed.fields.get(name)
        # A citizen card's number carries its own check character, which mrz_document_number has verified.
        own_check = name == "document_number" and kind == DocumentKind.CARTAO_CIDADAO
        if ((mrz.checked(name) and data_line_in_place(mrz)) or own_check) and value is not None:
            if (
                read is not None
                and not same_value(name, read, value)
                and not date_digit_misread(
                    read, value, parsed.figures_confidence.get(name, parsed.confidence.get(name, 1.0))
                )
                # The page's number read with a look-alike or a glyph twice ("AS1827364", "AB0O195472") is the
                # checked MRZ's as printed, not another number: blind probe r63a flagged three genuine passports.
                # So is one with a glyph more or fewer (``card_number_misread``, blind probe r74a).
                and not (name == "document_number" and number_misread(str(read), str(value)))
            ):
                parsed.warnings.append(f"mrz_viz_mismatch:{name}")
            parsed.fields[name] = value
            parsed.confidence[name] = VALIDATED_CONFIDENCE
        elif read is not None:
            if not mrz.valid:
                # The visual zone's value stands, flagged by the MRZ warning: nothing vouches for it.
                parsed.confidence[name] = min(parsed.confidence[name], VIZ_CONFIDENCE_AGAINST_FAILED_MRZ)
        elif value is not None and name in {"sex", "nationality"}:
            # No check digit of its own; the MRZ is the only source.
            parsed.put(name, value, MRZ_CONFIDENCE_UNCHECKED)
        elif value is not None and name not in mrz.checks:
            parsed.put(name, value, MRZ_CONFIDENCE_UNCHECKED)
    if not viz_number:
        number_twin_unresolved(parsed)
    elif number_tied and "document_number" in parsed.confidence:
        parsed.confidence["document_number"] = min(parsed.confidence["document_number"], NUMBER_TWIN_CONFIDENCE)
    names_read = name_line_in_place(mrz) and not name_line_damaged(mrz)
    printed = {name: parsed.fields.get(name) for name in NAME_FIELDS} if visual_names else {}
    for name, value in (("surname", mrz.surname), ("given_names", mrz.given_names)):
        merge_name(parsed, name, value if names_read else "", mrz)
    if mrz_name_reported_cut(parsed, mrz, printed=printed):
        parsed.warnings.append(MRZ_NAME_TRUNCATED)
    return mrz


# Passport numbers of the states whose series are known here (the MRZ's document code "P"), where a letter and a
# digit that weigh the same in the check digit ("L" and "1", "G" and "6") stand: the format says which of the two a
# position holds. Only states whose every current series is listed; a state absent, or whose formats fit both
# readings, leaves the tie to ``number_tie_decided``'s rule.
PASSPORT_NUMBER_FORMATS = {
    "BRA": re.compile(r"[A-Z]{2}\d{6}"),
    "IND": re.compile(r"[A-Z]\d{7}"),
    "MEX": re.compile(r"[A-Z]\d{8}"),
    # Not an all-digit alternative: a format of digits only turns any "L" or "G" into a digit (CI's synthetic Nepali
    # passport "L7366923", its page and MRZ alike, was made "17366923").
    "NPL": re.compile(r"[A-Z]{2}\d{7}"),
    "PAK": re.compile(r"[A-Z]{2}\d{7}"),
    "UKR": re.compile(r"[A-Z]{2}\d{6}"),
}


# A letter and a digit alike to the eye and in a check digit (L=21 and 1, G=16 and 6): what OCR reads for one it may
# read for the other, and no check digit tells.
TIED_LOOKALIKES = {"L": "1", "1": "L", "G": "6", "6": "G"}


def number_in_its_format(number: Any, state: str | None, mrz: MrzRead) -> str | None:
    """A checked MRZ's passport number that its state's format (``PASSPORT_NUMBER_FORMATS``) does not fit, as the
    one reading that does with letters and digits of ``TIED_LOOKALIKES`` swapped: every check digit holds for both.
    Blind probe r81c: a Nepali passport's MRZ under glare read "PAl738264" ("PA1738264"), given at 0.99. None when
    the number fits, no format is known, or no single reading fits."""
    number_format = PASSPORT_NUMBER_FORMATS.get(state or "") if mrz.document_code.startswith("P") else None
    if not number or number_format is None or number_format.fullmatch(str(number)):
        return None
    choices = [(char, TIED_LOOKALIKES[char]) if char in TIED_LOOKALIKES else (char,) for char in str(number)]
    fitting = {"".join(reading) for reading in itertools.product(*choices) if number_format.fullmatch("".join(reading))}
    return next(iter(fitting)) if len(fitting) == 1 else None


def number_tie_decided(printed: str, mrz_number: str, state: str | None, mrz: MrzRead) -> str | None:
    """The document number where the page and a checked MRZ read it alike but for a letter and a digit that weigh
    the same in the check digit (``same_under_check``), or None where nothing decides.

    The page's number where it is the MRZ's but for hyphens or spaces. Else the one reading, of those mixing the
    two at each position they differ, that the state's passport number format fits (``PASSPORT_NUMBER_FORMATS``:
    Nepal's "PA1738264", two letters then seven digits, not the page's "PAL738264"). None otherwise: the MRZ's
    reading is then given, not vouched for. OCR-B's "1" and "L", "6" and "G" are drawn apart for machines, and a
    page's typeface is not, but glare blurs either zone (blind probe r67a: a Mexican passport's MRZ "G" read "6";
    r81c: a Nepali page's "1" read "L"), so neither reading is given as certain (ADR 010)."""
    page, machine = comparable(printed), comparable(mrz_number)
    if page == machine:
        return printed
    number_format = PASSPORT_NUMBER_FORMATS.get(state or "") if mrz.document_code.startswith("P") else None
    if number_format is None:
        return None
    choices = [(a, b) if a != b else (a,) for a, b in zip(page, machine, strict=True)]
    fitting = {"".join(reading) for reading in itertools.product(*choices) if number_format.fullmatch("".join(reading))}
    if len(fitting) != 1:
        return None
    (reading,) = fitting
    return printed if reading == page else reading


def card_number_alone_impossible(mrz: MrzRead) -> bool:
    """A Cartão de Cidadão's MRZ whose every ICAO check digit holds but whose number fails the card's own check
    character: the MRZ was read as printed, and the number on it is no card's (``mrz_valid`` stays false)."""
    return mrz.card_number_impossible and all(held for name, held in mrz.checks.items() if name != "document_number")


def number_twin_unresolved(parsed: Parsed) -> None:
    """The MRZ's number below a checked field's confidence where another reading of it holds its check digit alike
    (``leading_letter_twin``: "691827364" and "G91827364") and no printed number chooses. Blind probe r67a: a
    Mexican passport's "G" read "6" under a screen's glare was given at 0.99. The MRZ is not failed for a twin OCR
    never read (api.md's ``mrz_check_invalid`` is for two readings made): a Bulgarian card's number is nine digits,
    often from "6" (r63a's bg_id_back), and each would fail."""
    number = parsed.fields.get("document_number")
    if number is not None and leading_letter_twin(str(number)) is not None:
        parsed.confidence["document_number"] = min(parsed.confidence["document_number"], NUMBER_TWIN_CONFIDENCE)


def names_line_confirmed_by_print(mrz: MrzRead, parsed: Parsed) -> MrzRead:
    """The MRZ with its names line realigned on the holder's nationality (``names_line_realigned``) where that
    makes its surname the printed one, which the line as read contradicts: blind probe r67a, a Colombian passport's
    "P<COLGOMEZ" read "P<COGOMEZ" gave issuing state COG (Congo) and surname "OMEZ" over the printed "GÓMEZ". No
    check digit covers the line; the visual zone, another reading in another typeface, decides. Unchanged
    otherwise, and when equally good readings were tied (their checks are this reading's own)."""
    printed = parsed.fields.get("surname")
    if printed is None or mrz.tied or same_name(str(printed), mrz.surname, mrz):
        return mrz
    realigned = (other for other in names_line_realigned(mrz) if same_name(str(printed), other.surname, other))
    return next(realigned, None) or names_separator_from_print(mrz, parsed) or mrz


def names_separator_from_print(mrz: MrzRead, parsed: Parsed) -> MrzRead | None:
    """The MRZ with the names' separator ``<<`` put back where OCR read one of its fillers as a letter glued to a name
    ("ROCHAC<PAULO<JORGE" for "ROCHA<<PAULO<JORGE": a surname "ROCHAC PAULO JORGE" and no given names), when the
    printed surname and given names are then the MRZ's both. No check digit covers the names line; the page, another
    reading in another typeface, decides between the two readings of one glyph (blind probe r81a, F2: a genuine
    passport's surname failed as an altered page). ``mrz.names_line_with_its_separator`` does so from another reading
    of the MRZ; this is for an MRZ read once. None when the line parts its names already, or no letter a filler reads
    as, beside a filler, makes both printed names the MRZ's."""
    surname, given_names = parsed.fields.get("surname"), parsed.fields.get("given_names")
    row, _ = (2, 0) if mrz.format == "TD1" else (0, 5)
    if mrz.given_names or not surname or not given_names or len(mrz.lines) <= row:
        return None
    line = mrz.lines[row]
    field_start = 0 if row == 2 else len(line) - len(state_and_names(line, len(line))[1])
    for index in range(field_start + 1, len(line) - 1):
        beside = line[index - 1] + line[index + 1]
        if line[index] not in FILLER_READ_AS_LETTER or beside.count(FILLER) != 1:
            continue
        repaired = line[:index] + FILLER + line[index + 1 :]
        read_surname, read_given = names_from(repaired[field_start:])
        if same_name(str(surname), read_surname, mrz) and same_name(str(given_names), read_given, mrz):
            lines = (*mrz.lines[:row], repaired, *mrz.lines[row + 1 :])
            return replace(mrz, lines=lines, surname=read_surname, given_names=read_given)
    return None


# Below this confidence, OCR was unsure of the figures a printed date was read from: a mark crossed them, or a poor
# photo blurred them.
CLEAR_DATE_CONFIDENCE = 0.8


def put_printed_date(parsed: Parsed, name: str, date: dt.date, line: Line) -> None:
    """A date read on the page, at its line's confidence, with how sure OCR was of its figures kept for the check
    against the MRZ (``date_digit_misread``)."""
    if name in parsed.fields:
        return
    parsed.put(name, date, line.confidence)
    parsed.figures_confidence[name] = figures_confidence(line)


def figures_confidence(line: Line) -> float:
    """How sure OCR was of a date read on ``line``: its least sure word with a figure in it, else the line's.

    The line's mean hides a year misread among clear words: a genuine card's "03 09 2031" read "03 09 2084" at 0.86,
    its year alone at 0.78 (blind probe r73d's A04, a false page-against-MRZ date). A line of two dates is as sure
    as its least sure figures, which errs towards taking a disagreement for a misreading."""
    figures = [confidence for word, confidence in line.word_confidences if any(c.isdigit() for c in word)]
    return min(figures) if figures else line.confidence


def date_digit_misread(read: Any, mrz_value: Any, confidence: float) -> bool:
    """Whether a printed date that disagrees with a checked MRZ's is OCR's misreading: its figures read with less
    than CLEAR_DATE_CONFIDENCE (``figures_confidence``), however many of them differ.

    The MRZ's date, which its check digit vouches for, is the one reported either way; the mismatch warning reads
    to staff, and to the screening (``identity.mrz_matches_page``), as an altered page. A holder's signature across a
    photocopied passport's expiry date made "2032" read "2037" at 0.58 (blind probe r47a); a genuine card's year
    "2031" read "2084" at 0.78 (r73d's A04). A page that prints another date clearly (a forged birth date, "1983"
    read at 0.97 under the MRZ's "850620": blind probe r75d's T5b) is still flagged, whether it differs from the MRZ's
    by one look-alike figure or by more: a forger edits one figure as readily, and OCR's confidence, not the figures'
    likeness, is what tells its slip from a page that prints it."""
    return isinstance(read, dt.date) and isinstance(mrz_value, dt.date) and confidence < CLEAR_DATE_CONFIDENCE


def mrz_issuing_state(mrz: MrzRead) -> str | None:
    """The MRZ's issuing state as ``country_code`` reads it; where a look-alike letter makes it two states ("ERA":
    BRA or FRA), the holder's nationality when it is one of them (blind probe r45a: a French passport's "P<ERA"
    left without an issuing state). No check digit covers either code; a state issues its own nationals' passports
    and cards, and the nationality only chooses between the codes OCR's letter allows."""
    found = country_code(mrz.issuing_state)
    if found is not None:
        return found
    nationality = country_code(mrz.nationality)
    read = mrz.issuing_state.replace(FILLER, "")
    if nationality is None or len(read) != len(nationality):
        return None
    apart = [(a, b) for a, b in zip(read, nationality, strict=True) if a != b]
    return nationality if len(apart) == 1 and same_letters(read, nationality) else None


def name_completed_from_visual_zone(lines: list[Line], parsed: Parsed, mrz: MrzRead) -> None:
    """The name the MRZ cut short ("JOAO<PED"), whole from a visual zone's line that starts with it where OCR lost
    that name's caption (a card's front beside its back): the line's words the MRZ's, the last begun by the
    MRZ's last. The cut is then no longer reported. Only the name the cut falls on (``mrz_name_reported_cut``):
    given names read whole under their caption beside a surname that fills the line are not lengthened by a
    signature that starts with them ("Rodrigo Teix.")."""
    name = "given_names" if mrz.given_names else "surname"
    value = parsed.fields.get(name)
    whole = next(filter(None, (starting_with(str(value), line) for line in lines)), None) if value else None
    if whole is not None:
        parsed.fields[name] = title_case(whole)
        parsed.warnings.remove(MRZ_NAME_TRUNCATED)


def name_printed_whole(lines: list[Line], printed: dict[str, Any], mrz: MrzRead) -> bool:
    """Whether the visual zone shows the name the MRZ fills its field with whole: read under its caption
    (``printed``, before the MRZ was merged) as the MRZ's letters exactly, from a line that ends with it. A name
    that fills the field to its last character is only possibly cut ("FERREIRA<MAGALHAES<<JOAO<PEDRO", 30
    characters); the card's printed "JOÃO PEDRO" says it is not (blind probe r41a: two cards copied front and back
    on one page flagged). A back alone has nothing printed to tell, and stays flagged. A reading cut where the
    MRZ's name ends because another column follows it on its line (``within_the_mrz_name``) proves nothing: its
    line goes on."""
    name, value = ("given_names", mrz.given_names) if mrz.given_names else ("surname", mrz.surname)
    reading = printed.get(name)
    if not value or not reading or comparable(reading) != comparable(value):
        return False
    wanted = comparable_words(value)
    return any(comparable_words(clean_name(line.text) or "")[-len(wanted) :] == wanted for line in lines)


def surname_alone_fills_the_field(mrz: MrzRead) -> bool:
    """Whether the MRZ's name field holds nothing but the primary identifier, cut at the field's end: no "<<"
    ("DA<COSTA<DE<JESUS<DOS<SANTOS<A", 30 characters on a TD1; 39 on a TD3). ICAO 9303 then truncates the surname
    and leaves the given names out, so the holder has given names the MRZ does not show (blind probe r33b)."""
    return name_cut_short(mrz) and bool(mrz.surname) and not mrz.given_names


def whole_name_parted_by_the_mrz(parsed: Parsed, mrz: MrzRead) -> None:
    """A whole name printed under one caption (given names, then surname: a CIN's "Nome") parted where the valid
    MRZ's surname begins, each part whole as printed: the MRZ may cut either (blind probe r33b: the first of two
    lines taken for the given names, and the surname doubled in the full name). The words after the cut are the
    surname when they spell the MRZ's, or start it where the surname alone fills the MRZ's field; the words before
    it must read as the MRZ's given names, if it has any. The cut is then no longer reported."""
    full = parsed.fields.get("full_name")
    words = str(full).split() if full else []
    for start in range(1, len(words)):
        given, surname = " ".join(words[:start]), words[start:]
        spelled = words_spelling_the_mrz_name(surname, mrz.surname)
        whole = spelled == len(surname) or (spelled is not None and surname_alone_fills_the_field(mrz))
        if whole and (not mrz.given_names or same_name(given, mrz.given_names, mrz)):
            confidence = parsed.confidence["full_name"]
            parsed.fields["given_names"], parsed.confidence["given_names"] = given, confidence
            parsed.fields["surname"], parsed.confidence["surname"] = " ".join(surname), confidence
            if MRZ_NAME_TRUNCATED in parsed.warnings:
                parsed.warnings.remove(MRZ_NAME_TRUNCATED)
            return


def starting_with(cut: str, line: Line) -> str | None:
    """The line's name when its words start as the words of ``cut`` do and it is longer; else None."""
    printed = clean_name(line.text)
    if not printed or not (printed.upper() == printed or name_shaped(printed)):
        return None
    cut_words, printed_words = comparable_words(cut), comparable_words(printed)
    if len(printed_words) < len(cut_words) or len("".join(printed_words)) <= len("".join(cut_words)):
        return None
    *whole_words, last = cut_words
    same_start = printed_words[: len(whole_words)] == whole_words and printed_words[len(whole_words)].startswith(last)
    return printed if same_start else None


def comparable_words(name: str) -> list[str]:
    return [re.sub(r"[^A-Z]", "", word) for word in fold_accents(name).upper().split()]


# A name's word as a passport or card prints it: capitals, with accents, apostrophes or hyphens ICAO 9303 drops.
PRINTED_NAME_WORD = re.compile(r"[A-ZÀ-Ý]+(?:['-][A-ZÀ-Ý]+)*'?")


def names_in_printed_spelling(lines: list[Line], parsed: Parsed, *, umlauts: bool) -> None:
    """The names a valid MRZ vouches for, in the visual zone's spelling where its words are written there.

    A name taken from the MRZ, or read in the visual zone without its accents, is the MRZ's transliteration
    ("FATIMA", "OCONNOR WHITAKER"); the visual zone prints the document's spelling ("FÁTIMA", "O'CONNOR-WHITAKER")
    even where OCR lost the caption or split the line the name is on. A word printed with the same letters once
    accents and punctuation are dropped, and a hyphen for each filler between the MRZ's words, is that spelling.
    """
    printed = printed_name_words(without_parents_names(lines))
    for name in (*NAME_FIELDS, "full_name"):
        value = parsed.fields.get(name)
        if value:
            parsed.fields[name] = title_case(in_printed_spelling(str(value), printed, umlauts=umlauts))


def accents_unread(kind: DocumentKind, parsed: Parsed) -> bool:
    """Whether the names read may have lost the accents the page prints: a name word in plain letters, no name
    read with any accent or other Latin letter of its own, not a Portuguese document's (whose names take the
    registry's spelling, ``accents_restored``) and not a card's back alone (which prints them in its MRZ only)."""
    values = [str(parsed.fields[name]) for name in (*NAME_FIELDS, "full_name") if parsed.fields.get(name)]
    portuguese = kind == DocumentKind.CARTAO_CIDADAO or names_printed_in_portugal(kind, parsed)
    if not values or portuguese or parsed.fields.get("side") == "back":
        return False
    words = [word for value in values for word in re.split(r"[\s'-]+", value) if word]
    return all(re.fullmatch(r"[A-Za-z.]*", word) for word in words) and any(len(word) > 1 for word in words)


def names_accented_as_read_again(lines: list[Line], parsed: Parsed) -> None:
    """The names in the spelling a second reading of the page prints them in, where its word is the name's plus the
    diacritics the first reading lost (blind probe r80d: a Spanish passport's "GARCÍA LÓPEZ / MARÍA DEL CARMEN",
    read as one block "GARCIA LOPEZ", reported at 0.99 in the MRZ's spelling): Tesseract reading a page as one
    block drops the accents over capitals that reading its blocks apart keeps. The same letters read twice, or the
    ICAO 9303 transliteration of the printed word's (JÜRGEN for JUERGEN, on a state's page that writes umlauts so),
    from a line read surely: a speck read as an accent over another letter spells no name, and an accent on a word
    read unsurely is not taken."""
    states = {parsed.fields.get("issuing_state"), parsed.fields.get("nationality")}
    umlauts = bool(states & UMLAUT_STATES)
    printed = [word for word in printed_name_words(without_parents_names(lines)) if word.sure and not word.plain]
    if not printed:
        return
    for name in (*NAME_FIELDS, "full_name"):
        value = parsed.fields.get(name)
        if not value:
            continue
        spelled = in_printed_spelling(str(value), printed, umlauts=umlauts)
        letters = re.sub(r"[^A-Z]", "", str(value).upper())
        if spelled != value and letters in mrz_name_forms(spelled):
            parsed.fields[name] = title_case(spelled)


# The caption of the parents' names a Cartão de Cidadão prints on its back, over one line for each parent.
PARENTS_CAPTION = re.compile(r"filia[cç]?[aã]o|(?<![a-z])parents(?![a-z])")
PARENTS_NAME_LINES = 2


def without_parents_names(lines: list[Line]) -> list[Line]:
    """The lines without the parents' names under their caption: another person's name, whose spelling is not the
    holder's ("JOSÉ CARLOS PAIVA", the father, over an MRZ's "TIAGO<JOSE"). Only the lines after the caption
    that hold a name and nothing else: a line the front's text shares (a card's two sides side by side) keeps
    the holder's own words. The names printed on the caption's own line after it ("Filiação / Parents José *
    Maria") are theirs too (e2e probe c24: the mother's "Maria" was taken for the holder's "MARTA", a letter
    apart, over the MRZ and the front that both said MARTA)."""
    parents: set[int] = set()
    kept = list(lines)
    for index, line in enumerate(lines):
        caption = PARENTS_CAPTION.search(fold(line.text))
        if not caption:
            continue
        # fold() keeps the text's length, so the caption's place in the folded line is its place in the line.
        kept[index] = replace(line, text=line.text[: caption.start()], word_confidences=[], word_boxes=[])
        for after in range(index + 1, min(len(lines), index + 1 + PARENTS_NAME_LINES)):
            if not NAME_IN_CAPITALS.fullmatch(lines[after].text.strip(EDGE_NOISE)) or is_label_line(lines[after].text):
                break
            parents.add(after)
    return [line for index, line in enumerate(kept) if index not in parents]


@dataclass(frozen=True)
class PrintedWord:
    word: str
    sure: bool
    # Capitals without accents or punctuation: no spelling the MRZ lacks, only a second reading of its letters.
    plain: bool = False


def printed_name_words(lines: list[Line]) -> list[PrintedWord]:
    """The visual zone's words in capitals that carry what an MRZ cannot write (accents, apostrophes, hyphens),
    and those some passports print in mixed case ("Éloïse, Claire"), where a plain word may still be a name the
    MRZ's OCR misread a letter of. Each with whether OCR was sure of its line."""
    words = []
    for line in lines:
        # A capital "I" OCR read as "l" makes a word in mixed case of one in capitals ("Ll"), no spelling of its own.
        text = capital_i_restored(line.text) if line.confidence < 1.0 else line.text
        for word in text.translate(APOSTROPHES).split():
            word = word.strip(EDGE_NOISE.replace("'", "") + "—–")
            mixed_case = bool(MIXED_CASE_WORD.fullmatch(word))
            word = word.upper() if mixed_case else word
            # A plain word in capitals the MRZ writes as well is kept as plain: a second reading of the MRZ's
            # letters, which may mend one it misread (blind probe r73b: the MRZ's "SONTA" under a printed "SONIA"
            # whose caption OCR lost, the applicant's "Sónia" read as another name).
            if PRINTED_NAME_WORD.fullmatch(word):
                plain = not mixed_case and bool(re.fullmatch(r"[A-Z]+", word))
                words.append(PrintedWord(word, line.confidence >= SURE_WORD_CONFIDENCE, plain))
    return words


def in_printed_spelling(value: str, printed: list[PrintedWord], *, umlauts: bool) -> str:
    """``value`` with each run of its plain words (no accent, no punctuation) that a printed word writes, as one
    hyphenated word or with accents, replaced by that printed word; the longest run first."""
    words, result, index = value.split(), [], 0
    while index < len(words):
        for end in range(len(words), index, -1):
            run = words[index:end]
            plain = all(re.fullmatch(r"[A-Za-z]+", word) for word in run)
            spelled = printed_spelling(run, printed, umlauts=umlauts) if plain else None
            if spelled:
                result.append(spelled)
                index = end
                break
        else:
            result.append(words[index])
            index += 1
    return " ".join(result)


def printed_spelling(run: list[str], printed: list[PrintedWord], *, umlauts: bool) -> str | None:
    """The printed word that writes ``run``: its letters the run's, a hyphen between each two of its words (or an
    apostrophe: ICAO 9303 drops it, some states write it as a filler, "O<BRIEN")."""
    letters = "".join(run).upper()
    fitting = [
        found
        for found in printed
        if len(run) - 1 in {found.word.count("-"), found.word.count("-") + found.word.count("'")}
    ]
    spelled = [found.word for found in fitting if not found.plain]
    exact = next((word for word in spelled if letters in mrz_name_forms(word)), None)
    if exact is None and umlauts:
        exact = next(filter(None, (with_lost_umlauts(word, letters) for word in spelled)), None)
    if exact is None and any(found.plain and found.word == letters for found in fitting):
        # The page prints the MRZ's very letters: the two readings agree, and a word a letter away is another
        # name (a parent's "MARIA" beside the holder's "MARTA": e2e probe c24).
        return None
    # A plain word too, read surely: the look-alike is the MRZ's misreading, as merge_name keeps the printed one.
    lookalike = next(
        (
            found.word
            for found in fitting
            if (found.sure or not found.plain) and one_lookalike_apart(found.word, letters)
        ),
        None,
    )
    return exact or lookalike or one_letter_more_or_less(run, letters, printed)


def one_letter_more_or_less(run: list[str], letters: str, printed: list[PrintedWord]) -> str | None:
    """A printed word one letter longer or shorter than the MRZ's run: one of the two readings gained or lost a
    letter ("LOQUIS" for "LOUIS", "ONUT" for "IONUT"). The reading OCR was sure of wins: the printed word from a
    line read surely, else the MRZ's letters, hyphenated as the printed word is (its accents are lost with its
    letters' places)."""
    for found in printed:
        # A plain word differs from the MRZ's as another name does; a hyphen or an accent is the name's own.
        if found.word.count("-") != len(run) - 1 or found.word.count("'") or re.fullmatch(r"[A-Z]+", found.word):
            continue
        if any(one_edit_apart(form, letters) for form in mrz_name_forms(found.word)):
            return found.word if found.sure else "-".join(run)
    return None


# Shorter words than this one letter apart are other names ("ANA" and "ANNA"), not one name misread.
MIN_EDITED_NAME_LETTERS = 5


def one_edit_apart(printed: str, mrz_letters: str) -> bool:
    """One letter inserted in one of the two, and nothing else apart."""
    shorter, longer = sorted((printed, mrz_letters), key=len)
    if len(longer) - len(shorter) != 1 or len(shorter) < MIN_EDITED_NAME_LETTERS:
        return False
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


# ICAO 9303 writes Ä, Ö, Ü as AE, OE, UE and Å as AA; a printed A, O or U where the MRZ has those two letters is
# the letter whose marks OCR did not see (a German card's "MULLER" over the MRZ's "MUELLER", a Swedish passport's
# "ÂSA" over "AASA"). Keyed by the printed letter and the MRZ's letter after it. Æ and Ø (also AE, OE) are left:
# a printed A or O under them reads as well as Ä or Ö, and only the issuing state would tell which.
UMLAUTS = {("A", "E"): "Ä", ("O", "E"): "Ö", ("U", "E"): "Ü", ("A", "A"): "Å"}
# The states whose documents print names with umlauts the MRZ writes so (German-speaking, Nordic, Baltic,
# Hungarian). Elsewhere a printed "MANUL" under an MRZ's "MANUEL" is OCR's lost E, never an umlaut.
UMLAUT_STATES = frozenset({"D", "DEU", "AUT", "CHE", "LIE", "LUX", "SWE", "FIN", "EST", "HUN", "DNK", "NOR", "ISL"})


def writes_umlauts(mrz: MrzRead) -> bool:
    return bool({mrz.issuing_state, mrz.nationality} & UMLAUT_STATES)


# The states whose alphabets have Ä, Ö or Ü but no Å (Turkish, Azerbaijani, Turkmen, Slovak): ICAO 9303 part 3 lets
# their MRZs write those letters AE, OE, UE or A, O, U as any state's (blind probe r67a: a Turkish passport's ÖZTÜRK,
# read "OZTURK", over the MRZ's OEZTUERK was flagged and reported "Oeztuerk").
DOTTED_VOWEL_STATES = frozenset({"TUR", "AZE", "TKM", "SVK"})
DOTTED_VOWELS = {pair: letter for pair, letter in UMLAUTS.items() if letter != "Å"}


def umlauts_written(mrz: MrzRead) -> dict[tuple[str, str], str] | None:
    """The letters of the issuing state's (else its holder's) alphabet that the MRZ may write as two (``UMLAUTS``);
    None for a state whose alphabet has none: there a printed "MANUL" under "MANUEL" is OCR's lost E."""
    return states_umlauts({mrz.issuing_state, mrz.nationality})


def umlauts_restored(printed: str, mrz_value: str, *, states: set[str | None]) -> str | None:
    """``printed`` with the umlauts OCR read bare (or with another accent) back where a valid MRZ of one of
    ``states`` (its issuing state and holder's nationality, as the MRZ or ISO codes them) writes AE, OE or UE;
    None where there is none to restore or the names differ otherwise. For a card's front read apart from the back
    whose MRZ says so (``screening.rules.identity.card_sides_merge``)."""
    umlauts = states_umlauts(states)
    if umlauts is None:
        return None
    return with_lost_umlauts(printed, re.sub(r"[^A-Z]", "", mrz_value.upper()), umlauts)


def states_umlauts(states: set[str | None]) -> dict[tuple[str, str], str] | None:
    if states & UMLAUT_STATES:
        return UMLAUTS
    return DOTTED_VOWELS if states & DOTTED_VOWEL_STATES else None


def umlauts_written_singly(printed: str, mrz_value: str, umlauts: dict[tuple[str, str], str]) -> bool:
    """Whether the printed name spells AE, OE, UE where the MRZ has A, O, U and is otherwise the MRZ's: ICAO 9303
    part 3 writes an umlaut either way, so a page transliterating it one way ("OEZTUERK") and the MRZ the other
    ("OZTURK") give the same name."""
    return any(with_lost_umlauts(mrz_value.upper(), form, umlauts) is not None for form in mrz_name_forms(printed))


def with_lost_umlauts(printed_word: str, mrz_letters: str, umlauts: dict[tuple[str, str], str] = UMLAUTS) -> str | None:
    """``printed_word`` with its umlauts back where its letters are the MRZ's but for an E after an A, O or U (an
    A after an A: Å), at least one such place; None when they differ otherwise. The vowel may be printed bare or
    with another accent: OCR reads an umlaut's dots as an acute ("MÚLLER" over the MRZ's "MUELLER"), a ring as a
    circumflex ("ÂSA" over "AASA")."""
    result, position, restored = [], 0, False
    for char in printed_word:
        letter = fold_accents(char).upper()
        if not letter.isalpha():
            result.append(char)
            continue
        if mrz_letters[position : position + 1] != letter:
            return None
        position += 1
        marked = umlauts.get((letter, mrz_letters[position : position + 1]))
        if marked is not None and char.upper() != marked:
            umlaut = marked if char.isupper() else marked.lower()
            char, position, restored = umlaut, position + 1, True
        result.append(char)
    return "".join(result) if restored and position == len(mrz_letters) else None


# Characters of a printed name that part its words, which the MRZ writes as fillers or leaves out.
NAME_PARTING = frozenset(" -'")
# What OCR reads a state's own letter as, its accents dropped: the letter it is drawn on (Ø, Ö as O; Å, Ä as A; Ü as
# U), or a glyph of its shape ("GDEGÂRD" and "S9REN" for ØDEGÅRD and SØREN, blind probe C32; ß as B or 8). Another
# letter in its place is another name's ("SCHIN" is not "SCHÖN"), left to ``merge_name``'s mismatch.
NATIONAL_LETTER_READINGS = {"Ø": "O0Q9GD@", "Ö": "O0Q6", "Å": "A8", "Ä": "A", "Æ": "EŒ", "Ü": "U", "ß": "B8S3Β",
                            "Þ": "PBD"}  # fmt: skip


def with_national_letters(printed: str, mrz_value: str, letters: dict[str, str]) -> str | None:
    """``printed`` with the state's own letters (``mrz.STATE_LETTERS``) where it has one character and the MRZ the two
    letters ICAO 9303 writes for it, whatever OCR read there ("GDEGÂRD" over "OEDEGAARD" is "ØDEGÅRD", "S9REN" over
    "SOEREN" "SØREN"); its other letters must be the MRZ's, accents aside, and more of them than those restored.
    None when the printed name is not the MRZ's so, or already prints those letters."""
    mrz_letters = re.sub(r"[^A-Z]", "", mrz_value.upper())
    chars = list(" ".join(printed.upper().split()))

    def aligned(index: int, position: int) -> tuple[list[str], int, int] | None:
        """The rest spelled, with how many letters were read as printed and how many restored."""
        if index == len(chars):
            return ([], 0, 0) if position == len(mrz_letters) else None
        char = chars[index]
        if char in NAME_PARTING:
            rest = aligned(index + 1, position)
            return None if rest is None else ([char, *rest[0]], rest[1], rest[2])
        if fold_accents(char).upper() == mrz_letters[position : position + 1]:
            rest = aligned(index + 1, position + 1)
            if rest is not None:
                return [char, *rest[0]], rest[1] + 1, rest[2]
        pair = mrz_letters[position : position + 2]
        letter = letters.get(pair)
        if letter is not None and MRZ_DIGRAPHS.get(char) == pair:
            # A letter printed that the MRZ writes so, another alphabet's (a Swede's "Ö" in a Norwegian passport).
            letter = char
        if letter is not None and (char == letter or fold_accents(char).upper() in NATIONAL_LETTER_READINGS[letter]):
            rest = aligned(index + 1, position + 2)
            if rest is not None:
                return [letter, *rest[0]], rest[1], rest[2] + (char != letter)
        return None

    found = aligned(0, 0) if letters and mrz_letters else None
    if found is None:
        return None
    spelled, as_printed, restored = found
    return "".join(spelled) if restored and as_printed > restored else None


def names_with_national_letters(lines: list[Line], parsed: Parsed, mrz: MrzRead) -> None:
    """The names taken from a valid MRZ in the state's own letters where a word printed in the visual zone spells
    the MRZ's with one of them misread (``with_national_letters``): the MRZ's "SOEREN" under a Norwegian passport's
    "SØREN", which OCR read "S9REN", no name's word to the visual zone's reading (blind probe C32)."""
    letters = state_letters(mrz)
    if not letters:
        return
    printed = [
        word.strip(":;,.()/")
        for line in lines
        for word in line.text.split()
        if word.upper() == word and any(char.isalpha() for char in word)
    ]
    for name in NAME_FIELDS:
        value = parsed.fields.get(name)
        if not value:
            continue
        words = []
        for word in str(value).split():
            national = (
                next(filter(None, (with_national_letters(found, word, letters) for found in printed)), None)
                if re.fullmatch(r"[A-Za-z]+", word)
                else None
            )
            words.append(national or word)
        if words != str(value).split():
            parsed.fields[name] = title_case(" ".join(words))


def one_lookalike_apart(printed_word: str, mrz_letters: str) -> bool:
    """A printed word whose letters are the MRZ's but for one look-alike: OCR read the MRZ's monospaced "I" as "T"
    ("TONUT<ALEXANDRU" under "IONUT-ALEXANDRU", round 21). No check digit covers a name, so the MRZ's valid check
    digits say nothing of its letters; the visual zone's, in a larger type, stays, as ``merge_name`` keeps it when
    the two differ so. One letter only: a word carrying accents or hyphens that far from the MRZ's is another."""
    return any(
        sum(a != b for a, b in zip(form, mrz_letters, strict=True)) == 1 and same_letters(form, mrz_letters)
        for form in mrz_name_forms(printed_word)
        if len(form) == len(mrz_letters)
    )


def data_line_in_place(mrz: MrzRead) -> bool:
    """Whether a failed MRZ's data line has its fields where ICAO 9303 puts them: its nationality reads as a state.
    OCR that lost characters before it moved every field after it, and a check digit may then hold by chance (an
    expiry date and its check digit read where the birth date's belong)."""
    return mrz.valid or country_code(mrz.nationality) is not None


def name_line_in_place(mrz: MrzRead) -> bool:
    """Whether a failed passport's or TD2 card's name line is where ICAO 9303 puts it: its issuing state, before
    the name on that line, reads as a state. A TD1 names the holder on a line of its own."""
    return mrz.valid or mrz.format == "TD1" or country_code(mrz.issuing_state) is not None


# Letters ending a names line after a run of three fillers or more: ICAO 9303 writes the name from the line's start
# and fills what is left, so a name runs on past such a run only when the line lost characters OCR could not read
# (a thumb or a glare over its start) and fitting its width put fillers back in the middle.
NAME_AFTER_FILLERS = re.compile(r"<{3,}(?:[A-Z]+<)*[A-Z]{2,}$")


def name_line_damaged(mrz: MrzRead) -> bool:
    """Whether the MRZ's names line was read with characters lost: its words and where the surname ends are not
    the ones printed ("EIREDO<DE<CARVALHO<<<<<<ANA<RI" for "FIGUEIREDO<DE<CARVALHO<<ANA<RI"), and no check digit
    covers a name to tell. The visual zone's names stand alone."""
    row, start = (2, 0) if mrz.format == "TD1" else (0, 5)
    line = mrz.lines[row][start:] if len(mrz.lines) > row else ""
    return NAME_AFTER_FILLERS.search(line) is not None


def names_the_damaged_names_line_spells(viz_lines: list[Line], parsed: Parsed, mrz: MrzRead) -> None:
    """A valid MRZ's damaged names line (``name_line_damaged``) beside names printed without their captions: each
    name taken from the printed line in capitals that spells the line's surname, or its given names after the
    fillers' run, letter for letter but for at most one letter the line lost. Two readings agreeing vouch for the
    printed one (blind probe r67a: a DNI's both sides in one photo, "MARIA<JOSE" read "<MARIA<OSE", the captions
    lost to the light: no name at all, though "MARIA JOSÉ" was read)."""
    row, start = (2, 0) if mrz.format == "TD1" else (0, 5)
    surname, _, rest = mrz.lines[row][start:].partition("<<")
    given = rest.lstrip(FILLER).partition("<<")[0]
    for field_name, mrz_name in (("surname", surname), ("given_names", given)):
        spelled = re.sub(r"[^A-Z]", "", mrz_name)
        if len(spelled) < MIN_DAMAGED_NAME_LETTERS or parsed.fields.get(field_name):
            continue
        for line in viz_lines:
            printed = without_leading_noise(line.text).strip(EDGE_NOISE)
            if NAME_IN_CAPITALS.fullmatch(printed) and any(
                spelled_but_one_lost(form, spelled) for form in mrz_name_forms(printed)
            ):
                parsed.put(field_name, title_case(printed), line.confidence)
                break


# A damaged line's name shorter than this spells too little to match a printed line by.
MIN_DAMAGED_NAME_LETTERS = 4


def spelled_but_one_lost(printed: str, mrz_letters: str) -> bool:
    """Whether a printed name's letters are the MRZ's, or the MRZ's with one letter OCR lost."""
    if printed == mrz_letters:
        return True
    return len(printed) == len(mrz_letters) + 1 and any(
        printed[:index] + printed[index + 1 :] == mrz_letters for index in range(len(printed))
    )


def mrz_name_reported_cut(parsed: Parsed, mrz: MrzRead, *, printed: dict[str, Any]) -> bool:
    """Whether the name reported is the MRZ's and the MRZ's name field is full. The cut falls on the last name the
    MRZ writes: the given names, or the surname of a holder without any. A visual zone's reading of that name
    is whole, and one that reads longer is reported instead.

    A surname that fills the line on its own ("TEIXEIRA<MOURAO<DE<VASCONCELOS") beside given names the visual zone
    read (``printed``, its names before the MRZ was merged) left no room for the given names: the cut fell between
    the two, and a surname the visual zone read the same is whole. A reading equal to a cut given name proves
    nothing: a name read beside another column is cut where the MRZ's ends (``within_the_mrz_name``)."""
    name, value = ("given_names", mrz.given_names) if mrz.given_names else ("surname", mrz.surname)
    if not name_cut_short(mrz) and not (name_cut_at_a_word(mrz) and ends_in_a_particle(value)):
        return False
    reported = parsed.fields.get(name)
    if name == "surname" and printed.get("given_names") and reported is not None and reported == printed.get(name):
        return False
    return bool(value) and reported is not None and comparable(reported) == comparable(value)


def ends_in_a_particle(name: str) -> bool:
    """Whether a name's last word is a particle ("MARIA DA"): no name ends so, so a field that ends there with one
    filler, the line full, was cut at the word after it ("FERREIRA<DOS<SANTOS<<MARIA<DA<" for Maria da Conceição,
    blind probe r45a), where ``name_cut_at_a_word`` alone says only that it may have been."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in NAME_PARTICLES


def iso_state_code(code: str | None) -> str | None:
    """A state's ISO 3166 alpha-3 code for the MRZ's code: the same but for the states ICAO 9303 codes otherwise
    (Germany's "D"). The codes no ISO state stands for (the UN's, a refugee's, a stateless person's, the
    British nationality classes) are the document's own, kept as they are."""
    return ICAO_STATE_CODES.get(code, code) if code else code


def mrz_cross_check(
    kind: DocumentKind, fields: dict[str, Any], mrz_lines: Sequence[str], *, confidence: float
) -> tuple[list[str], dict[str, float]]:
    """Verify an MRZ another backend transcribed and cross-check its fields in place, as the local reader does.

    Returns the warning codes and each field's confidence (``confidence`` for what the backend read,
    the check digits' for what they prove); ``fields['mrz_valid']`` says whether every check holds.
    """
    present = {name: value for name, value in fields.items() if value is not None}
    mrz = read_mrz(mrz_lines)
    if mrz is None or mrz.checks_passed == 0:
        return ["mrz_unread"], dict.fromkeys(present, confidence)
    parsed = Parsed(fields=present, confidence=dict.fromkeys(present, confidence))
    merge_mrz(parsed, mrz, kind, visual_names=False)
    if "full_name" not in parsed.fields and "surname" in parsed.fields and "given_names" in parsed.fields:
        full = f"{parsed.fields['given_names']} {parsed.fields['surname']}"
        parsed.put("full_name", full, min(parsed.confidence["given_names"], parsed.confidence["surname"]))
        full_name_flagged_with_its_parts(parsed)
    fields.update(parsed.fields)
    return parsed.warnings, parsed.confidence


def mrz_document_number(mrz: MrzRead, kind: DocumentKind) -> str | None:
    number = mrz.document_number
    if kind == DocumentKind.CARTAO_CIDADAO:
        # The MRZ holds all 12 characters of the CC number, whose own check digit must hold too; fillers OCR
        # read as characters may follow them ("ZZ605B" for "ZZ6<<<").
        number = number[:12]
        # The version is letters ("ZZ", "ZY"), which OCR may read as their look-alike digits ("223" for "ZZ3"), and
        # neither the card's check character nor the MRZ's check digit tells "ZZ" from "22" (blind probe r45a: a
        # back's number read "39799355 2 223"): read as letters, as ``checked_cc_numbers`` reads the printed one, and
        # never as digits (``cc_number_holds``).
        number = number[:9] + number[9:11].translate(_LETTER_LOOKALIKES) + number[11:]
        return cc_format(number) if cc_number_holds(number) else None
    return number or None


def number_misread(printed: str, vouched: str) -> bool:
    """The page's number is the checked MRZ's as OCR misreads a printed one."""
    return same_number_misread(printed, vouched) or card_number_misread(printed, vouched)


def same_value(name: str, read: Any, mrz_value: Any) -> bool:
    """The visual zone's value and the MRZ's are the same (a nationality in ICAO's code or ISO's, "D" or "DEU")."""
    read_text, mrz_text = comparable(read), comparable(mrz_value)
    if name in {"nationality", "issuing_state"}:
        read_text, mrz_text = (ICAO_STATE_CODES.get(code, code) for code in (read_text, mrz_text))
    return read_text == mrz_text


def comparable(value: Any) -> str:
    """Without accents, spaces, fillers and hyphens: an MRZ holds a document number's letters and digits only."""
    return re.sub(r"[\s<-]", "", fold_accents(str(value)).upper())


def merge_name(parsed: Parsed, name: str, mrz_value: str, mrz: MrzRead) -> None:
    """The visual zone's spelling (accents, never cut short); the MRZ's when the visual zone has none.

    No check digit covers a name, so when the two disagree neither is proven, and the disagreement is flagged
    ``mrz_viz_mismatch:<field>`` at lower confidence. Which one is reported depends on how they differ:
    whole words more or fewer ("Priya Ind" for "PRIYA": a neighbouring column, a lost line) are the layout's
    mistakes, and an MRZ whose every check digit holds was found and read whole, its name parted by its
    fillers: its words are reported, in the visual zone's spelling where it has them. Letters differing
    within the words may be either reading's: the visual zone's stays, unless it is no name at all (a state's
    code, a caption: another field's beside the name's caption), which a valid MRZ's name replaces.
    """
    read = parsed.fields.get(name)
    if not mrz_value:
        if read is not None and one_name_in_the_other_place(name, str(read), mrz):
            # A single-name holder's one name read twice, or in the other field's place: the MRZ, valid, holds no
            # such name. Under the surname's caption it is said (the page's own surname); under the given names'
            # it is how issuers print a name the MRZ writes as its primary identifier (blind probe r81c).
            if name == "surname":
                parsed.warnings.append("mrz_viz_mismatch:surname")
            parsed.fields.pop(name)
            parsed.confidence.pop(name, None)
        return
    if read is None:
        parsed.put(
            name, title_case(mrz_value), MRZ_NAME_UNCONFIRMED_CONFIDENCE if mrz.valid else MRZ_CONFIDENCE_UNCHECKED
        )
        return
    national = with_national_letters(str(read), mrz_value, state_letters(mrz)) if mrz.valid else None
    if national is not None:
        # The printed name is the MRZ's, a letter of the state's alphabet misread where the MRZ writes its pair.
        parsed.fields[name] = title_case(national)
        parsed.confidence[name] = max(parsed.confidence[name], VALIDATED_CONFIDENCE)
        return
    umlauts = umlauts_written(mrz)
    restored = (
        with_lost_umlauts(str(read).upper(), re.sub(r"[^A-Z]", "", mrz_value.upper()), umlauts) if umlauts else None
    )
    if restored is not None:
        parsed.fields[name] = title_case(restored)
    if umlauts and umlauts_written_singly(str(read), mrz_value, umlauts):
        # The printed spelling stands: it keeps the letter's two-letter form, which the MRZ wrote as one.
        restored = str(read)
    if restored is not None or same_name(str(read), mrz_value, mrz) or filler_read_as_letter(str(read), mrz_value):
        if mrz.valid:
            parsed.confidence[name] = max(parsed.confidence[name], VALIDATED_CONFIDENCE)
            parsed.fields[name] = words_rejoined(str(parsed.fields[name]), mrz_value)
        return
    if mrz.valid and read_in_another_script(str(read), mrz_value, mrz):
        # The visual zone's name in the state's Cyrillic or Greek, read by OCR through its Latin look-alikes
        # ("KOBAJEHKO" for КОВАЛЕНКО over KOVALENKO): the MRZ's name in another script, which no Latin spelling
        # of it beats, and no disagreement (blind probe r74a; ADR 040).
        parsed.fields[name] = title_case(mrz_value)
        parsed.confidence[name] = max(parsed.confidence[name], VALIDATED_CONFIDENCE)
        return
    if mrz.valid and only_particles_lost(str(read), mrz_value):
        # "DOS SANTOS SIMOES" read over the MRZ's DOS<SANTOS<E<SIMOES: OCR lost the lone "E" in the gap between two
        # words (blind probe r65b). The same name, the MRZ's words in the printed spelling.
        parsed.fields[name] = title_case(mrz_words_in_printed_spelling(str(read), mrz_value) or mrz_value)
        parsed.confidence[name] = max(parsed.confidence[name], VALIDATED_CONFIDENCE)
        return
    rest = after_a_stray_first_word(str(read))
    if mrz.valid and rest and (same_name(rest, mrz_value, mrz) or spells_the_mrz_name(rest, mrz_value)):
        # A short word before the name that a valid MRZ prints whole: a pattern's marks OCR read as letters ("Er
        # Maria Eduarda Cristina", blind probe r35c). The MRZ, which cuts a name at its end only, leaves no word out
        # at its start.
        parsed.fields[name] = rest
        parsed.confidence[name] = max(parsed.confidence[name], VALIDATED_CONFIDENCE)
        return
    parsed.warnings.append(f"mrz_viz_mismatch:{name}")
    aligned = mrz_words_in_printed_spelling(str(read), mrz_value) if mrz.valid else None
    if aligned is None and mrz.valid and not name_cut_short(mrz):
        # The printed name's first words spell the whole MRZ's name, its spaces aside ("Seoyeon" for "SEO YEON"),
        # and more words follow that a name field with room to spare would have held: another field's value read
        # on the name's line ("Seoyeon República Of Korea": blind probe r35c). The words that spell it are the name.
        words = str(read).split()
        count = words_spelling_the_mrz_name(words, mrz_value)
        if count is not None and count < len(words):
            aligned = " ".join(words[:count])
    if aligned is not None:
        parsed.fields[name] = title_case(aligned)
    elif mrz.valid and (
        not a_name(str(read))
        or guessed(parsed.confidence.get(name, 1.0), str(read), mrz_value)
        or letters_merged_or_split(str(read), mrz_value)
        or given_names_of_another(name, str(read), mrz)
        or given_names_under_the_surname_caption(name, str(read), mrz)
    ):
        # What the visual zone read is no name at all (another field's value or a caption beside the name's
        # caption), OCR's unsure guess nothing like the valid MRZ's ("Epe Re" at 0.68 for "IRYNA" over a
        # guilloche, doc probe 29), or the MRZ's name with letters OCR merged or split in the visual zone's
        # typeface ("Natalia" for "NATALIIA", blind probe r33b): it does not stand against the MRZ's name. The
        # mismatch stays said. A different name read clearly stays, flagged: no check digit tells which of two
        # names is the holder's. Given names sharing no word with the valid MRZ's whole ones are another line's value
        # (``given_names_of_another``), and so is a surname that is the MRZ's given names
        # (``given_names_under_the_surname_caption``).
        parsed.fields[name] = title_case(mrz_value)
    elif mrz.valid and not letters_alike(str(read), mrz_value):
        # Another name read clearly, not a letter or two OCR lost or misread ("KAN" over KAAN), is kept against a
        # valid MRZ's: said apart from a mismatch the MRZ's words settled, which the screening takes for an altered
        # page to confirm (blind probe r74e, F5; r74a's B12, whose page OCR misread, reports the MRZ's surname).
        parsed.warnings.append(f"{MRZ_NAME_KEPT_PRINTED}:{name}")
    parsed.confidence[name] = min(parsed.confidence[name], VIZ_CONFIDENCE_AGAINST_FAILED_MRZ)


def given_names_of_another(name: str, read: str, mrz: MrzRead) -> bool:
    """Printed given names that share no word with a valid MRZ's, which holds them whole (not cut short): another
    line's value read under the caption (its own line lost to OCR), not the holder's names, and no stand against the
    MRZ's (blind probe r78d: a nationality's "UNITED STATES OF AMERICA" kept over MICHAEL<DAVID made a genuine
    passport HIGH). An ICAO transliteration or a word misread by a letter shares its word; a cut MRZ name is left to
    the printed one. The surname keeps its own rule: a page printing another surname than its valid MRZ is the
    altered page's sign, said ``mrz_viz_name_kept:surname`` for the screening (ADR 010)."""
    return name == "given_names" and not name_cut_short(mrz) and not shares_a_word(read, mrz.given_names)


def given_names_under_the_surname_caption(name: str, read: str, mrz: MrzRead) -> bool:
    """A printed surname whose every word is one of a valid MRZ's given names and none its surname's: the given
    names' line read under the surname's caption, the surname's own line and the given names' caption lost to OCR
    (blind probe r80d: an Italian card's "COGNOME / SURNAME  ROSSI  NOME / NAME  GIULIA" read "os SURNAME" over
    "GIULIA", and "Giulia" kept as the surname against the MRZ's ROSSI<<GIULIA failed a genuine card as an altered
    page). No forger prints the holder's given name for the surname: the MRZ's surname is given, the mismatch said,
    and a page printing another surname than the MRZ's keeps its own rule (``mrz_viz_name_kept:surname``)."""
    if name != "surname" or not mrz.given_names:
        return False
    words = comparable_words(read)
    given, surname = set(comparable_words(mrz.given_names)), set(comparable_words(mrz.surname))
    return bool(words) and all(word in given and word not in surname for word in words)


# A valid MRZ's name disagreed with the page's, whose printed name, another name read clearly, was kept.
MRZ_NAME_KEPT_PRINTED = "mrz_viz_name_kept"
# How alike two spellings' letters are (difflib's ratio) for one to be the other misread: "MANUL" for MANUEL is 0.91,
# "BENNANI" for BENJELLOUN 0.47.
MISREAD_LIKENESS = 0.8


def letters_alike(read: str, mrz_value: str) -> bool:
    """The page's name and the MRZ's, their letters alone, alike enough for one to be the other misread."""
    printed, machine = (re.sub(r"[^A-Z]", "", fold_accents(value).upper()) for value in (read, mrz_value))
    return difflib.SequenceMatcher(None, printed, machine).ratio() >= MISREAD_LIKENESS


# The states whose documents print names in the Cyrillic or Greek alphabet beside, or instead of, the Latin one.
CYRILLIC_OR_GREEK_STATES = frozenset(
    {"UKR", "RUS", "BLR", "BGR", "SRB", "MKD", "MNE", "BIH", "KAZ", "KGZ", "TJK", "MNG", "GRC", "CYP"}
)
# What a Latin OCR reading of a Cyrillic or Greek capital stands for, in the letters ICAO 9303 part 3 transliterates
# that capital to: the glyph OCR saw ("H" for Н, "P" for Р, "C" for С, "B" for В, "Y" for У, "X" for Х), or a
# shape it took for another ("J" or "N" for Л, "A" for Д and Λ, "F" for Г, "W" for Ш and И, "4" for Ч, "3" for З).
# A letter stands for itself too: a Latin reading of a Latin letter. Two-glyph readings come first.
SCRIPT_LOOKALIKES: dict[str, tuple[str, ...]] = {
    "JI": ("L",), "BI": ("Y",), "IO": ("YU", "IU"), "II": ("P", "I"), "LI": ("SH", "SHCH"), "LU": ("SH", "SHCH"),
    "A": ("D", "L"), "B": ("V", "B"), "C": ("S",), "E": ("IE", "YE", "S"), "F": ("G", "H", "F"), "H": ("N", "I"),
    "J": ("L",), "N": ("L", "P", "I"), "P": ("R",), "R": ("YA", "IA"), "T": ("G",), "U": ("I", "Y"),
    "W": ("SH", "SHCH", "I", "Y"), "X": ("KH", "H", "ZH", "CH"), "Y": ("U", "Y", "I"), "K": ("ZH",),
    "3": ("Z",), "4": ("CH",), "6": ("B",), "0": ("O", "TH"),
}  # fmt: skip
# The letters of a word read in another script that may still differ from the MRZ's (OCR's slip): none in a short word.
SCRIPT_WORD_SLIPS = 1
SCRIPT_SLIP_MIN_LETTERS = 5


def read_in_another_script(printed: str, mrz_value: str, mrz: MrzRead) -> bool:
    """Whether a printed name of a state writing names in Cyrillic or Greek is its MRZ's name in that script, read
    through Latin look-alikes: each word, its glyphs taken for the letters they stand for (``SCRIPT_LOOKALIKES``),
    spells the MRZ's word in its place, but for one slip in a word of 5 letters or more, and some word needs its
    look-alikes to. A Latin name of other letters ("PETRENKO" over BONDARENKO, a page altered or another person's)
    spells no such word and stays flagged, and so does a Latin one a slip from the MRZ's ("NATALIA" over
    NATALIIA), which needs no other script to be read."""
    if not {mrz.issuing_state, mrz.nationality} & CYRILLIC_OR_GREEK_STATES:
        return False
    printed_words = [fold_accents(word).upper() for word in re.split(r"[\s'-]+", printed) if word]
    mrz_words = [word for word in re.split(r"[^A-Z]+", mrz_value.upper()) if word]
    pairs = list(zip(printed_words, mrz_words, strict=False))
    return (
        len(printed_words) == len(mrz_words) > 0
        and all(spelled_through_lookalikes(word, mrz_word) for word, mrz_word in pairs)
        and any(Levenshtein.distance(word, mrz_word) > script_slips(mrz_word) for word, mrz_word in pairs)
    )


def script_slips(mrz_word: str) -> int:
    return SCRIPT_WORD_SLIPS if len(mrz_word) >= SCRIPT_SLIP_MIN_LETTERS else 0


def spelled_through_lookalikes(reading: str, mrz_word: str) -> bool:
    """Whether a word read in Latin letters spells ``mrz_word`` read as the Cyrillic or Greek letters its glyphs
    stand for (see ``read_in_another_script``): the fewest slips over its glyphs, by dynamic programming."""
    slips_allowed = script_slips(mrz_word)
    unreached = len(reading) + len(mrz_word) + 1
    # fewest[i][j]: the fewest slips for the reading's first i glyphs to spell the MRZ word's first j letters.
    fewest = [[unreached] * (len(mrz_word) + 1) for _ in range(len(reading) + 1)]
    fewest[0][0] = 0
    for i in range(len(reading) + 1):
        for j in range(len(mrz_word) + 1):
            slips = fewest[i][j]
            if slips >= unreached:
                continue
            if j < len(mrz_word):
                fewest[i][j + 1] = min(fewest[i][j + 1], slips + 1)
            if i == len(reading):
                continue
            fewest[i + 1][j] = min(fewest[i + 1][j], slips + 1)
            if j < len(mrz_word):
                fewest[i + 1][j + 1] = min(fewest[i + 1][j + 1], slips + 1)
            for glyphs in (reading[i : i + 2], reading[i]):
                for letters in (glyphs, *SCRIPT_LOOKALIKES.get(glyphs, ())):
                    if mrz_word.startswith(letters, j):
                        end_i, end_j = i + len(glyphs), j + len(letters)
                        fewest[end_i][end_j] = min(fewest[end_i][end_j], slips)
    return fewest[len(reading)][len(mrz_word)] <= slips_allowed


# The one-letter words joining two surnames in Spanish and Catalan ("HERNÁNDEZ Y DE LA CRUZ", "PUIG I FERRER"), which
# the name's cleaning drops as specks of one letter (blind probe r67a: a Mexican passport's printed surname was
# flagged against the MRZ's HERNANDEZ<Y<DE<LA<CRUZ). Portuguese "e" is a particle already.
NAME_CONJUNCTIONS = frozenset({"y", "i"})


def only_particles_lost(printed: str, mrz_value: str) -> bool:
    """Whether the printed name is the MRZ's with one or more of its particles ("e", "da", "dos") missing and
    nothing else apart, accents aside: a particle is a short word, and OCR drops one where the gap around it reads
    as one gap. A name word missing is another name; a particle missing is the same one."""
    printed_words = fold_accents(printed).upper().split()
    mrz_words = mrz_value.upper().split()
    kept = iter(printed_words)
    expected = next(kept, None)
    lost = 0
    for word in mrz_words:
        if word == expected:
            expected = next(kept, None)
        elif word.lower() in NAME_PARTICLES or word.lower() in NAME_CONJUNCTIONS:
            lost += 1
        else:
            return False
    return expected is None and lost > 0


def filler_read_as_letter(printed: str, mrz_value: str) -> bool:
    """Whether the MRZ's name is the printed one with a filler between two of its words read as a letter: written
    the ICAO way, a filler for each space or hyphen, the two are as long and differ only where the printed name
    parts two words and the MRZ has a letter, or by a look-alike. OCR-B's "<" reads as "S", "C" or "K" where it
    touches a letter ("JEAN<BAPTISTESLOUIS" over the printed "JEAN-BAPTISTE, LOUIS", blind probe r45a): no check
    digit covers a name, and an MRZ word no printed word spells is the MRZ's misreading, not a letter the visual
    zone's typeface merged (``letters_merged_or_split``)."""
    printed_field = re.sub(r"[\s-]+", FILLER, re.sub(r"[^A-Z\s-]", "", fold_accents(printed).upper()).strip())
    mrz_field = re.sub(r"\s+", FILLER, mrz_value.upper().strip())
    if len(printed_field) != len(mrz_field):
        return False
    apart = [(a, b) for a, b in zip(printed_field, mrz_field, strict=True) if a != b]
    fillers = [b for a, b in apart if a == FILLER and b.isalpha()]
    return (
        bool(fillers)
        and len(apart) <= MAX_LOOKALIKE_LETTERS
        and all(a == FILLER or same_letters(a, b) for a, b in apart)
    )


def words_rejoined(printed: str, mrz_value: str) -> str:
    """The printed name with a word OCR split in two joined again where a valid MRZ prints it whole ("Assu Nção" over
    the MRZ's "ASSUNCAO": blind probe r38b, a space read at the cedilla). The printed letters, accents and all, stay."""
    words, wanted = printed.split(), mrz_value.upper().split()
    joined: list[str] = []
    index = 0
    while index < len(words):
        at = len(joined)
        pair = words[index] + words[index + 1].lower() if index + 1 < len(words) else ""
        if (
            at < len(wanted)
            and fold_accents(words[index]).upper() != wanted[at]
            and pair
            and fold_accents(pair).upper() == wanted[at]
        ):
            joined.append(pair)
            index += 2
            continue
        joined.append(words[index])
        index += 1
    return " ".join(joined)


# Edits apart, at most, for a visual-zone reading to be the MRZ's name with letters merged or split.
MERGED_OR_SPLIT_EDITS = 2


ICAO_SPELLED_WITH_SEVERAL = (("NXX", "N"), ("AE", "A"), ("OE", "O"), ("UE", "U"), ("AA", "A"), ("SS", "S"))


def letters_merged_or_split(printed: str, mrz_value: str) -> bool:
    """Whether a printed name is the MRZ's with a letter or two merged or split by OCR: one or two edits apart, with
    a letter more or fewer ("NATALIA" for "NATALIIA", "YULHA" for "YULIIA"). A proportional typeface's narrow
    letters run together ("II" read as "I" or "H", "rn" as "m"); OCR-B prints one character a cell, so the MRZ's
    count of letters is the one to trust (blind probe r33b). Names of one length ("MANUEL", "MIGUEL", "RAJ" and
    "RAM") are left to the visual zone, flagged."""
    mrz_letters = re.sub(r"[^A-Z]", "", mrz_value.upper())
    # A letter the MRZ spells with several ("Ñ" as "NXX", "Ö" as "OE", "Å" as "AA", "ß" as "SS": ICAO 9303's
    # transliteration), its accent lost by OCR in the visual zone ("Oñate" read "Onate" against "ONXXATE"), is no
    # letter merged: the visual zone's spelling stands (r31b, rerun).
    spelled_whole = {mrz_letters, *(mrz_letters.replace(many, one) for many, one in ICAO_SPELLED_WITH_SEVERAL)}
    forms = {re.sub(r"[^A-Z]", "", form.upper()) for form in mrz_name_forms(printed)}
    if forms & spelled_whole:
        return False
    return any(
        len(form) != len(mrz_letters)
        and Levenshtein.distance(form, mrz_letters, score_cutoff=MERGED_OR_SPLIT_EDITS) <= MERGED_OR_SPLIT_EDITS
        for form in mrz_name_forms(printed)
    )


# Below this share of letters in common (difflib's ratio), two readings of a name are not one name misread.
UNLIKE_NAMES = 0.5


# A visual-zone name read with less confidence than this is OCR's guess, not print read clearly.
CLEAR_NAME_CONFIDENCE = 0.8


def guessed(confidence: float, printed: str, mrz_value: str) -> bool:
    """Whether a printed name is OCR's unsure guess sharing too few letters with the MRZ's to be one name read
    two ways."""
    printed_letters, mrz_letters = (
        re.sub(r"[^A-Z]", "", fold_accents(value).upper()) for value in (printed, mrz_value)
    )
    similarity = difflib.SequenceMatcher(None, printed_letters, mrz_letters).ratio()
    return confidence < CLEAR_NAME_CONFIDENCE and similarity < UNLIKE_NAMES


def a_name(text: str) -> bool:
    """Whether a visual-zone reading may be a name: not only states' codes ("IND", the nationality of a card's
    back copied beside its front, read on the given names' caption row) or captions' words, and no caption of a
    card's back ("Place Of Request") at all."""
    if BACK_CAPTION.search(text):
        return False
    words = text.split()
    codes_or_captions = [
        word
        for word in words
        if (len(word) == 3 and word.upper() in COUNTRY_CODES) or is_label_line(word) or caption_word(fold(word))
    ]
    return len(codes_or_captions) < len(words)


def same_name(printed: str, mrz_value: str, mrz: MrzRead) -> bool:
    """A printed name and the MRZ's are the same, compared the ICAO way: the MRZ writes it without accents nor
    apostrophes, hyphens and spaces as fillers ("O'CONNOR-WHITE" as "OCONNOR<WHITE"), and may cut a long one
    short, so the printed name, written so, must start the same way. OCR may read a letter of either as its
    look-alike ("XIAQMEI" for "XIAOMEI"): no check digit covers a name to show which reading is right."""
    forms, transliterated = mrz_name_forms(printed), re.sub(r"[^A-Z]", "", mrz_value.upper())
    cut_short = len(transliterated) >= 20 or name_cut_short(mrz) or name_cut_at_a_word(mrz)
    return any(same_letters(form[: len(transliterated)] if cut_short else form, transliterated) for form in forms)


# Letters that differ between two readings of one name, all look-alikes, before they are taken for two names.
MAX_LOOKALIKE_LETTERS = 2


def same_letters(printed: str, mrz_letters: str) -> bool:
    """The same letters, or as many with at most MAX_LOOKALIKE_LETTERS apart, each a look-alike of the other."""
    if len(printed) != len(mrz_letters):
        return False
    apart = [(a, b) for a, b in zip(printed, mrz_letters, strict=True) if a != b]
    return len(apart) <= MAX_LOOKALIKE_LETTERS and all(
        b in LETTER_LOOKALIKES.get(a, "") or a in LETTER_LOOKALIKES.get(b, "") for a, b in apart
    )


def mrz_words_in_printed_spelling(printed: str, mrz_value: str) -> str | None:
    """The MRZ's name words, each in the printed name's spelling where a printed word reads as it ("Peña" for
    "PENA"), when the two differ only by whole words: the printed words match the MRZ's in order, with some
    left over or some missing. None when a word in common cannot be found: they differ within the words."""
    printed_words, mrz_words = printed.split(), mrz_value.split()
    result: list[str] = []
    position = 0
    matched = 0
    for mrz_word in mrz_words:
        found = next(
            (
                index
                for index in range(position, len(printed_words))
                if same_letters_any_form(printed_words[index], mrz_word)
            ),
            None,
        )
        if found is None:
            result.append(mrz_word)
            continue
        result.append(printed_words[found])
        position, matched = found + 1, matched + 1
    # Words both left over and missing are one word read two ways: a difference within the words.
    only_whole_words = len(printed_words) == matched or len(mrz_words) == matched
    return " ".join(result) if matched and only_whole_words else None


def same_letters_any_form(printed_word: str, mrz_word: str) -> bool:
    return any(same_letters(form, mrz_word.upper()) for form in mrz_name_forms(printed_word))


def name_cut_short(mrz: MrzRead) -> bool:
    """Whether the MRZ's name field runs to the end of its line: ICAO 9303 then cuts the name short.

    A Cartao de Cidadao's name line has 30 characters for surname and given names together: "MONTEIRO<DA<
    SILVA<<HENRIQUE<JO" is Henrique José, whose given names alone are far under the 20 characters the
    prefix rule asked for (a front and back in one image were flagged ``mrz_viz_mismatch:given_names``).
    """
    field = mrz_name_field(mrz)
    return bool(field) and not field.endswith("<")


def name_cut_at_a_word(mrz: MrzRead) -> bool:
    """Whether the MRZ's name field ends with one filler after the last name: no room for another name (a filler
    and a letter), so the issuer may have cut the names at a word ("ALBUQUERQUE<NASCIMENTO<<THAIS<" for Thaís
    Cristina, round 21). Only a may: a name that just fits ends so too, so nothing is flagged for it."""
    field = mrz_name_field(mrz)
    return len(field) > 1 and field.endswith("<") and not field.endswith("<<")


def mrz_name_field(mrz: MrzRead) -> str:
    """The MRZ's name field as its line reads, up to the fillers that pad it: three in a row end the name
    (``names_from``), and letters OCR reads on the padding after them are none of it (blind probe r75d, F6: an Indian
    single name's "P<INDSURINDER<<<...<<<AAA" read as a name running to the line's end, so cut, and left with no
    full name)."""
    # A TD1 names the holder on its third line; a TD2 or TD3 on its first, after five characters.
    row, start = (2, 0) if mrz.format == "TD1" else (0, 5)
    line = mrz.lines[row][start:] if len(mrz.lines) > row else ""
    padding = line.find("<<<")
    return line if padding < 0 else line[: padding + 3]


# --- Cartao de Cidadao: which side, and the NIF ------------------------------------------------------


def mrz_zone_printed(lines: list[Line]) -> bool:
    """Whether two lines in a row read as an MRZ's: the back's zone is on the page, though OCR misread too much of
    it for its check digits (a front and back photocopied side by side on one page)."""
    return any(mrz_line(first.text) and mrz_line(second.text) for first, second in itertools.pairwise(lines))


def card_side(lines: list[Line], *, has_mrz: bool, kind: DocumentKind) -> str:
    text = fold("\n".join(line.text for line in lines))
    back = has_mrz or bool(CC_BACK_SIGNS.search(text))
    # The surname's caption in any of the languages a card prints it in ("NOM", "NUME"), as OCR may misread it.
    front_signs = NAME_SIGNS if kind == DocumentKind.TITULO_RESIDENCIA else FRONT_SIGNS
    front = bool(
        front_signs.search(text)
        or ID_LABELS["surname"].search(text)
        or nationality_captioned(text, kind)
        or (kind == DocumentKind.TITULO_RESIDENCIA and PERMIT_FRONT_SIGNS.search(text))
    )
    if front and back:
        return "both"
    return "back" if back else "front"


def nationality_captioned(text: str, kind: DocumentKind) -> bool:
    """Whether a card's page captions the nationality, which ICAO 9303 puts on a card's front (a permit's uniform
    format prints it on its back, beside the MRZ). A front photographed beside its back on a table lost its names'
    captions to the light and kept "Cetățenie / Nationality" (blind probe r67a: "both" read "back")."""
    return kind != DocumentKind.TITULO_RESIDENCIA and bool(ID_LABELS["nationality"].search(text))


def document_numbers(parsed: Parsed) -> set[str]:
    number = parsed.fields.get("document_number")
    if not number:
        return set()
    compact = re.sub(r"\s", "", str(number))
    return {compact, compact[:9]}


def identity_nif(lines: list[Line], kind: DocumentKind, *, exclude: set[str], parsed: Parsed) -> str | None:
    """The NIF among the long numbers printed, by its label and its check digit.

    A 9-digit number under a NIF label that passes the check wins. Without a readable label (a blurred
    photo), the only personal NIF-valid 9-digit number not labelled as something else is taken; two
    such numbers are ambiguous and neither is taken (``nif_ambiguous``). Passports and residence
    permits print no NIF, so there only a labelled one counts.

    An unlabelled number is taken only before any other long number: the card prints the NIF first, then the
    social-security and health-user numbers, and the health-user number is 9 digits too, passing the NIF's check
    digit one time in eleven. A NIF misread to 10 digits, with every caption lost, left the health-user number
    the only candidate, taken silently (round 21).
    """
    labelled, unlabelled = [], []
    invalid_labelled = after_another_number = False
    for number, label in labelled_numbers(lines):
        if number in exclude or cc_number_prefix(number, exclude):
            continue
        valid = len(number) == 9 and nif_has_valid_checksum(number) and nif_is_personal(number)
        if label == "nif":
            if valid:
                labelled.append(number)
            else:
                invalid_labelled = len(number) == 9 or invalid_labelled
            continue
        if label is None and valid and not after_another_number:
            unlabelled.append(number)
        after_another_number = True
    if labelled:
        return labelled[0]
    if invalid_labelled:
        parsed.warnings.append("nif_checksum_invalid")
        return None
    if kind == DocumentKind.TITULO_RESIDENCIA:
        return nif_beside_social_security_number(lines, exclude)
    if kind != DocumentKind.CARTAO_CIDADAO:
        return None
    distinct = list(dict.fromkeys(unlabelled))
    if len(distinct) == 1:
        return distinct[0]
    if len(distinct) > 1:
        parsed.warnings.append("nif_ambiguous")
    return None


# A residence permit's back prints the NIF and the social-security number side by side under "NIF / NISS": nine
# digits, then eleven.
NIF_THEN_NISS = re.compile(r"(?<![\dA-Z])(\d{9})\s+\d{11}(?![\dA-Z])")


def nif_beside_social_security_number(lines: list[Line], exclude: set[str]) -> str | None:
    """A Portuguese residence permit's NIF whose caption OCR lost ("ne uss" for "NIF / NISS" on a scan: blind probe
    r33b): a personal NIF, its check digit holding, followed on its line by an eleven-digit number, the order the
    permit's back prints them in. One such line only; none else is taken unlabelled (the permit also prints other
    long numbers)."""
    found = {
        match.group(1)
        for line in lines
        for match in NIF_THEN_NISS.finditer(fix_digits(line.text))
        if match.group(1) not in exclude and nif_has_valid_checksum(match.group(1)) and nif_is_personal(match.group(1))
    }
    return found.pop() if len(found) == 1 else None


def cc_number_prefix(number: str, exclude: set[str]) -> bool:
    """The first nine characters of a CC number (8 digits and their check digit) look like a NIF."""
    return any(len(other) == 12 and other.startswith(number) for other in exclude)


def labelled_numbers(lines: list[Line]) -> list[tuple[str, str | None]]:
    """Every number of 9 to 13 digits with the label it sits under: 'nif', 'other' or None.

    The label is the text before it on its line, else the label row above (labels and values
    in the same column order: "NIF ... NISS ..." over "123456789 12345678901").
    """
    found: list[tuple[str, str | None]] = []
    for index, line in enumerate(lines):
        text = fix_digits(line.text)
        above = label_kinds(lines[index - 1].text) if index > 0 else []
        matches = list(LONG_NUMBER.finditer(text))
        if not matches:
            found += nif_split_by_a_gap(text, above)
            continue
        for position, match in enumerate(matches):
            number = re.sub(r"\s", "", match.group(0))
            before = label_kinds(text[: match.start()])
            if before:
                label: str | None = before[-1]
            elif len(above) == len(matches):
                label = above[position]
            elif len(above) == 1 and len(matches) == 1:
                label = above[0]
            else:
                label = None
            found.append((number, label))
    return found


# Nine digits OCR broke with one gap away from the 3-3-3 grouping ("20631 2083" on a tilted photo of a card's back).
DIGITS_WITH_ONE_GAP = re.compile(r"(?<![\dA-Z])(?<!\d )\d+ \d+(?! ?\d)(?![A-Z])")


def nif_split_by_a_gap(text: str, above: list[str]) -> list[tuple[str, str]]:
    """The NIF on a line of its own under a NIF caption alone, read with one gap: taken only whole (nine
    digits) and only with its check digit, since two numbers side by side also make digits with a gap."""
    if above != ["nif"]:
        return []
    numbers = [match.group(0).replace(" ", "") for match in DIGITS_WITH_ONE_GAP.finditer(text)]
    if len(numbers) != 1:
        return []
    number = numbers[0]
    valid = len(number) == 9 and nif_has_valid_checksum(number) and nif_is_personal(number)
    return [(number, "nif")] if valid else []


def label_kinds(text: str) -> list[str]:
    """The number labels in a piece of text, left to right: 'nif' or 'other'.

    A row of labels is cut where each label starts ("N.º ...", "No."); a bilingual label
    ("Segurança Social / Social Security No.") counts once.
    """
    kinds: list[str] = []
    for segment in LABEL_START.split(fold(text)):
        spans = sorted([(m.start(), "nif") for m in NIF_LABEL.finditer(segment)]
                       + [(m.start(), "other") for m in OTHER_NUMBER_LABEL.finditer(segment)])  # fmt: skip
        in_segment: list[str] = []
        for _, kind in spans:
            if not in_segment or in_segment[-1] != kind:
                in_segment.append(kind)
        kinds += in_segment
    return kinds
