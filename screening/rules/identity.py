"""Identity: one check per function, composed by ``verify_identity`` (the graph's first node).

Each check takes the identity document (a graph-state document dict) and what
the person typed, and returns one check dict; the node decides what follows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from applicants.ages import ADULT_AGE, age_on
from applicants.identifiers import card_number_misread
from documents.extraction.parsers.common import VALIDATED_CONFIDENCE
from documents.extraction.parsers.identity import states_umlauts, umlauts_restored
from documents.extraction.schema import (
    IDENTITY_KINDS,
    INVOICE_KINDS,
    ISSUE_DATE_IMPLAUSIBLE,
    MRZ_NAME_TRUNCATED,
    PAYSLIP_KINDS,
    PENSION_KINDS,
    SPECIMEN,
    TAX_KINDS,
)
from screening.rules.common import check, extracted, format_date, parse_date
from screening.rules.income import reason_as_clause, refused_for_what_it_is
from screening.rules.names import (
    honorific_of,
    mrz_name_fits,
    name_grade,
    name_match,
    name_mended,
    name_tokens,
    names_the_applicant,
    surname_left_out,
    word_starts,
    words_left_out,
)

NAME_EVIDENCE = {
    "exact": "Nome igual ao do documento.",
    "partial": "Nome coincide com o do documento (nomes intermédios omitidos).",
    "fuzzy": "Nome apenas semelhante ao do documento (possível erro de escrita ou de leitura).",
    "none": "Nome diferente do documento.",
}
# No name read on the document (its captions or its lines lost to OCR): not read, never "different" (blind probe r80d,
# cause 5: a Belgian card's front whose name went unread was told "Nome diferente do documento").
NAME_UNREAD_EVIDENCE = "Nome não lido no documento; confirme-o no original."
# A name that matches written otherwise says how, so staff see why "Weimin" is "Wei Min" (ADR 040).
NAME_VARIATION_EVIDENCE = {
    "joined": "Nome igual ao do documento (as mesmas letras, com palavras juntas ou separadas de outra forma).",
    "initials": "Nome coincide com o do documento (nomes intermédios abreviados pelas iniciais ou omitidos).",
    "cut": "Nome coincide com o do documento (a última palavra cortada no fim do campo).",
    "second_surname": (
        "Nome coincide com o do documento (sem o segundo apelido, o materno: nos nomes espanhóis e hispano-americanos "
        "o primeiro apelido é o de família, e é por ele que a pessoa é conhecida)."
    ),
}
# An abbreviation before the given name left out or written out in full (``names.HONORIFIC_ABBREVIATIONS``), by what
# it abbreviates.
NAME_HONORIFIC_LEFT_OUT = (
    "Nome coincide com o do documento (sem o prefixo «{word}», abreviatura de {meaning} antes do nome próprio, que se "
    "omite no uso corrente)."
)
NAME_HONORIFIC_WRITTEN_OUT = (
    "Nome coincide com o do documento (o prefixo «{word}», abreviatura de {meaning}, escrito por extenso)."
)
HONORIFIC_MEANINGS = {"sk": "Sheikh"}
HONORIFIC_MEANING_DEFAULT = "Mohammad"
# Every word typed is on the document, which prints a last surname more: no slip of the pen, and the last surname is
# the one a person is known by (e2e probe c30: "Ana Sofia Ribeiro" for "Ana Sofia Ribeiro Matos" read "possível erro
# de escrita"). Still only similar, as the family name differs; the evidence names the word left out.
NAME_SURNAME_LEFT_OUT = (
    "Nome indicado sem o último apelido do documento, {words}: todas as palavras indicadas estão no documento, mas o "
    "apelido final não; confirme o nome completo com o candidato."
)
# Another word of the document's left out (a first given name), or a word typed that the document does not print:
# what differs said in words, never "possível erro de escrita ou de leitura" (blind probe r75d, F3).
NAME_WORDS_LEFT_OUT = (
    "Nome indicado sem {words} do documento: todas as palavras indicadas estão no documento; confirme o nome "
    "completo com o candidato."
)
NAME_WORDS_ADDED = (
    "Nome indicado com {words}, que o documento não tem: as outras palavras indicadas estão no documento; confirme o "
    "nome completo com o candidato."
)
# A word typed that the document's name, read in part, lacks: its surname or its given names were not read, so the
# word may be printed there, and "que o documento não tem" said of a surname OCR lost accused the applicant of adding
# it (blind probe r78d, cause 2: «Fernandes», printed twice on the passport). Said as not read.
NAME_WORDS_UNREAD = (
    "Nome indicado com {words}, que não se leu no documento ({part} não foi lido): as outras palavras indicadas estão "
    "no documento; confirme o nome completo no original."
)
NAME_PART_UNREAD_WORDS = {"surname": "o apelido", "given_names": "o nome próprio"}
# The evidence of a name that matched only roughly, whatever its words: the warning ``fuzzy_name_match`` (the
# explanation reads stored checks by it). "Nome indicado sem o último apelido do documento:" is how it began before.
NAME_WARNED_EVIDENCE = (NAME_EVIDENCE["fuzzy"], "Nome indicado sem ", "Nome indicado com ")
# States whose people bear two surnames, the father's first, and go by their given names and the first one: Spain and
# Spanish-speaking America (blind probe r75d, F4: "Ana Belen Garcia" for a Spanish card's ANA BELÉN GARCÍA LÓPEZ read
# "o nome só coincide aproximadamente").
SPANISH_NAMING_STATES = frozenset(
    {"ESP", "ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "GTM", "HND", "MEX", "NIC", "PAN", "PER", "PRY",
     "SLV", "URY", "VEN"}
)  # fmt: skip


# A name that fills the MRZ's field to its end may be cut or may just fit (nothing else on the side read says which:
# blind probe r41a, a back alone whose name fits exactly): the evidence says "may".
NAME_CUT_EVIDENCE = (
    "O nome do documento pode estar cortado na zona de leitura ótica (MRZ), que preenche até ao fim e não tem "
    "espaço para mais."
)


def verify_identity(state: dict[str, Any]) -> dict[str, Any]:
    """Node: the identity checks on the identity document that holds, else on the best-read one; the expiry margin
    only warns.

    A person who sends several identity documents (a passport beside a residence permit, a card's two sides being
    one) is identified by one that passes every check (the fewest warnings, then ``identity_documents``' order);
    the others are a note for staff (``other_identity_documents``). None passing, the first is the one checked, as with one."""
    documents = identity_documents(state["documents"])
    if not documents:
        sent = any(d.get("document_type") == IDENTITY_DOCUMENT_TYPE for d in state["documents"])
        refused = identity_refusals(state["documents"])
        return {
            "verified": False,
            "checks": [identity_document_read(None, sent=sent, refused=refused)],
            "warnings": [],
            "name_match": "none",
        }
    results = [identity_result(document, state) for document in documents]
    # Of those that hold, the one with the fewest warnings: a permit expiring next month beside a passport valid for
    # years does not make the identity "expiring soon".
    verified = [result for result in results if result["verified"]]
    chosen = min(verified, key=lambda result: len(result["warnings"])) if verified else results[0]
    note = other_identity_documents(chosen, [r for r in results if r is not chosen], applicant=state["applicant"])
    if note is not None:
        chosen["checks"].append(note)
        chosen["verified"] = chosen["verified"] and note["passed"]
    return {key: value for key, value in chosen.items() if key != "document"}


def identity_result(document: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    """The identity checks on one identity document, with what they conclude (the node's result, and the document)."""
    applicant = state["applicant"]
    today = dt.date.fromisoformat(state["today"])
    unread = identity_files_unread(state["documents"])
    match, _ = document_name_grade(document, applicant_name=applicant["name"])
    page_differs = page_fields_not_the_mrzs(document)
    page_check = page_matches_mrz_check(document)
    checks = [
        identity_document_read(document, unread=unread),
        nif_match(document, applicant_nif=applicant["nif"]),
        name_match_check(document, applicant_name=applicant["name"], match=match),
        birth_date_match(
            document,
            applicant_birth=applicant["date_of_birth"],
            today=today,
            page_differs="date_of_birth" in page_differs,
            other_file_unread=bool(unread),
        ),
        not_expired(document, today=today),
        *filter(
            None,
            [
                sides_agree(document),
                mrz_check(document, other_file_unread=bool(unread)),
                page_check,
                issue_date_check(document),
                specimen_check(document),
            ],
        ),
    ]
    conflict = nif_documents_check(document, state["documents"], applicant=applicant)
    if conflict is not None:
        checks.append(conflict)
    # A page's surname or date unlike its valid MRZ's is stated and raises the risk to MEDIUM, to be confirmed on the
    # original, without failing the identity: OCR misreads a printed surname too (blind probe r74a's B12 carried the
    # same warning on a genuine passport), the name typed was compared with the page all the same, and the dates
    # typed with the MRZ's, which its check digits vouch for.
    verified = all(c["passed"] for c in checks if c is not page_check)
    warnings = ["fuzzy_name_match"] if match == "fuzzy" else []
    if "surname" in page_differs:
        warnings.append(PAGE_SURNAME_NOT_THE_MRZS)
    if set(page_differs) & set(DATES_NOT_THE_MRZS):
        warnings.append(PAGE_DATE_NOT_THE_MRZS)
    margin = expiry_margin(document, today=today, warning_days=int(state["thresholds"]["id_expiry_warning_days"]))
    if margin is not None:
        checks.append(margin)
        warnings.append("id_expiring_soon")
    return {
        "verified": verified,
        "checks": checks,
        "warnings": warnings,
        "name_match": match,
        "nif_conflict": conflict is not None,
        "document": document,
    }


def kind_words(document: dict[str, Any]) -> str:
    return IDENTITY_KIND_WORDS.get(document["kind"], document["kind"])


def sentence_inside(evidence: str) -> str:
    """A check's evidence sentence as a clause inside another: "Documento caducado." -> "documento caducado"."""
    clause = evidence.strip().rstrip(".")
    # An initialism stays as it is ("NIF do documento ...").
    return clause if clause[1:2].isupper() else clause[:1].lower() + clause[1:]


# How the evidence names each identity document: by what it is, any state's national card a "cartão de identidade"
# (blind probe r68a: "Documento de identificação lido (CARTAO_IDENTIDADE_ESTRANGEIRO)" of a Spanish card).
IDENTITY_KIND_WORDS = {
    "CARTAO_CIDADAO": "Cartão de Cidadão",
    "TITULO_RESIDENCIA": "título de residência",
    "PASSAPORTE": "passaporte",
    "CARTAO_IDENTIDADE_ESTRANGEIRO": "cartão de identidade",
}


def other_identity_documents(
    chosen: dict[str, Any], others: list[dict[str, Any]], *, applicant: dict[str, Any]
) -> dict[str, Any] | None:
    """When the identity was confirmed by one document and the person sent others that do not hold: a note saying
    which and why (an expired residence permit beside a valid passport: blind probe C32, c03, where the permit
    alone was checked and the identity failed). The same facts in the same words whatever the documents' kinds: an
    expired residence permit reads as an expired Cartão de Cidadão does, and nothing prompts staff to ask for more
    (docs/adr/038-no-document-kind-is-a-reason-to-ask.md). Fails only when such a document in the applicant's name
    prints another NIF than the one typed: the documents then contradict the NIF, as ``nif_documents_check`` says of
    proofs of income. None when nothing is to be said. The identity not confirmed by any, the others' failures are
    said too, a passing note beside the chosen one's failed checks: a permit and a passport both expired said only
    the permit's date (blind probe r77c, F7)."""
    failing = [(r, failed) for r in others if (failed := [c for c in r["checks"] if not c["passed"]])]
    if not failing:
        return None
    contradicts = next(
        (
            r
            for r, failed in failing
            if r["name_match"] != "none" and any(c["name"] == "identity.nif_match" for c in failed)
        ),
        None,
    )
    said = "; ".join(
        f"{kind_words(r['document'])} ({'; '.join(sentence_inside(c['evidence']) for c in failed)})"
        for r, failed in failing
    )
    also = "" if chosen["verified"] else " também"
    sentences = [
        f"Identidade confirmada pelo {kind_words(chosen['document'])}."
        if chosen["verified"]
        else f"Identidade não confirmada pelo {kind_words(chosen['document'])}.",
        f"Outro documento de identificação enviado{also} não a confirma: {said}."
        if len(failing) == 1
        else f"Outros documentos de identificação enviados{also} não a confirmam: {said}.",
    ]
    if contradicts is not None:
        sentences.append("Um documento de identificação em nome do candidato mostra outro NIF que não o indicado.")
    subject = contradicts or failing[0][0]
    return check(
        "identity.other_documents",
        contradicts is None,
        " ".join(sentences),
        document_id=subject["document"]["document_id"],
        field="nif" if contradicts is not None else None,
        value=contradicts["document"]["fields"].get("nif") if contradicts is not None else None,
        expected=applicant["nif"] if contradicts is not None else None,
    )


# Read through a machine-readable zone whose check digits hold, these are the document's own.
MRZ_FIELDS = ("document_number", "date_of_birth", "expiry_date")
# Passports, residence permits and other states' identity cards are checked through their MRZ (on a
# card's back: its front alone cannot be); the CC front has none, and the CC is checked by its own number.
MRZ_REQUIRED_KINDS = frozenset({"PASSAPORTE", "TITULO_RESIDENCIA", "CARTAO_IDENTIDADE_ESTRANGEIRO"})
# Cards sent as two images, front and back, and how the evidence names them.
TWO_SIDED_CARDS = {
    "CARTAO_CIDADAO": "do Cartão de Cidadão",
    "CARTAO_IDENTIDADE_ESTRANGEIRO": "do cartão de identidade",
    "TITULO_RESIDENCIA": "do título de residência",
}


def identity_documents(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The identity documents sent, the one we trust most first: both sides of a card as one record when both were
    sent (the Cartão de Cidadão first), then the other documents, those that read the most fields first.

    A card's front and back are one document; a passport and a residence permit are two, each checked on its own.
    The sides of a card sent whole are not offered again one by one."""
    candidates = extracted(documents, IDENTITY_KINDS)
    cards: list[dict[str, Any]] = []
    merged_kinds: set[str] = set()
    for kind in TWO_SIDED_CARDS:
        sides = {d["fields"].get("side"): d for d in candidates if d["kind"] == kind}
        if "front" in sides and "back" in sides:
            cards.append(card_sides_merge(front=sides["front"], back=sides["back"]))
            merged_kinds.add(kind)
    singles = [d for d in candidates if d["kind"] not in merged_kinds]
    return cards + sorted(singles, key=lambda d: -sum(v is not None for v in d["fields"].values()))


def identity_document_pick(documents: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The identity we trust most, before any check (``identity_documents``' first)."""
    return next(iter(identity_documents(documents)), None)


def card_sides_merge(*, front: dict[str, Any], back: dict[str, Any]) -> dict[str, Any]:
    """One identity from the card's two sides: names as printed on the front (accents, no
    truncation), the NIF from the back, number and dates from the back's MRZ when its check
    digits hold, else from the front; what the front did not give (a name under labels in another
    language), the back's."""
    back_fields = back["fields"]
    fields = {**front["fields"]}
    for name, value in back_fields.items():
        if fields.get(name) is None:
            fields[name] = value
    fields["nif"] = back_fields.get("nif") or fields.get("nif")
    mrz_trusted = back_fields.get("mrz_valid") is True
    for name in MRZ_FIELDS:
        if back_fields.get(name) and (mrz_trusted or not fields.get(name)):
            fields[name] = back_fields[name]
    fields["mrz_valid"] = back_fields.get("mrz_valid")
    fields["side"] = "both"
    if mrz_trusted:
        fields.update(names_with_the_backs_umlauts(front["fields"], back_fields))
    return {**front, "fields": fields, "sides": {"front": front, "back": back}}


def names_with_the_backs_umlauts(front: dict[str, Any], back: dict[str, Any]) -> dict[str, str]:
    """The front's printed names with the umlauts OCR read bare restored where the back's valid MRZ writes AE, OE
    or UE and its state's alphabet has them (the front alone has no MRZ to say so): "Jurgen Muller" over the MRZ's
    JUERGEN MUELLER is "Jürgen Müller", which a typed "Juergen Mueller" is the same name as (blind probe r74a: a
    German card's holder who typed the transliteration was only "similar")."""
    states = {back.get("issuing_state"), back.get("nationality")}
    restored: dict[str, str] = {}
    full_name = front.get("full_name")
    for name in ("surname", "given_names"):
        printed, mrz_value = front.get(name), back.get(name)
        umlauted = umlauts_restored(printed, mrz_value, states=states) if printed and mrz_value else None
        if umlauted is None:
            continue
        restored[name] = umlauted
        if full_name and printed in full_name:
            full_name = full_name.replace(printed, umlauted)
            restored["full_name"] = full_name
    return restored


def sides_agree(document: dict[str, Any]) -> dict[str, Any] | None:
    """When both sides were sent: the number and dates printed on the front match the back's, and the name its MRZ.

    The evidence names what was compared, those read on both sides, and nothing else (blind probe r74a, F5: "coincidem
    (nome, número, ...)" of a card whose back's number went unread); none read on both, no check."""
    sides = document.get("sides")
    if not sides:
        return one_image_sides_agree(document)
    front, back = sides["front"]["fields"], sides["back"]["fields"]
    compared = [name for name in MRZ_FIELDS if front.get(name) and back.get(name)]
    if names_compared(front, back):
        compared.insert(0, "full_name")
    if not compared:
        return None
    differ = [name for name in compared if name in MRZ_FIELDS and front[name] != back[name]]
    if "document_number" in differ and misread_front_number(front["document_number"], sides["back"]):
        differ.remove("document_number")
    if not names_fit(front, back):
        differ.append("full_name")
    card = TWO_SIDED_CARDS[document["kind"]]
    return check(
        "identity.sides_agree",
        not differ,
        f"Frente e verso {card} coincidem ({words_listed([SIDE_AGREED_WORDS[name] for name in compared])})."
        if not differ
        else sides_differ_evidence(card, differ),
        document_id=sides["back"]["document_id"],
        field=differ[0] if differ else None,
    )


# What the extraction warns of a card's front and back read in one image (one page or one photo) whose front prints
# another name, birth date or number than the back's MRZ vouches for (``merge_mrz``): each only where the MRZ's field
# holds its check digit and the printed one is no OCR slip of it (a look-alike glyph, a glyph more or fewer, a date's
# unsure figures; a surname whose letters are alike, or an ICAO spelling, is settled as the MRZ's), as two files'
# sides are compared.
ONE_IMAGE_SIDES_DIFFER = {
    "full_name": "mrz_viz_name_kept:surname",  # SURNAME_NOT_THE_MRZS
    "document_number": "mrz_viz_mismatch:document_number",
    "date_of_birth": "mrz_viz_mismatch:date_of_birth",
    # No check digit covers it and OCR may misread a state's code: said only beside another number.
    "nationality": "mrz_viz_mismatch:nationality",
}


def one_image_sides_agree(document: dict[str, Any]) -> dict[str, Any] | None:
    """A card whose two sides are in one file (``side`` "both"): failed when the front prints another name, birth
    date or number (and, beside another number, nationality) than the back's MRZ (``ONE_IMAGE_SIDES_DIFFER``), as a front and a back sent as two files are
    (blind probe r81c, T3: a permit's front of one person beside another's back mixed both in one record, and only
    the name typed caught it). Nothing differing, no check: what the front read is not in the record apart from the
    back's, so the evidence could not name what was compared. The expiry date is ``identity.mrz_matches_page``'s, as
    a passport's page."""
    fields = document["fields"]
    if fields.get("side") != "both" or document["kind"] not in TWO_SIDED_CARDS:
        return None
    warned = document.get("warnings") or []
    differ = [name for name, warning in ONE_IMAGE_SIDES_DIFFER.items() if warning in warned]
    if "full_name" in differ and not fields.get("surname"):
        differ.remove("full_name")
    if "nationality" in differ and "document_number" not in differ:
        differ.remove("nationality")
    if not differ:
        return None
    return check(
        "identity.sides_agree",
        False,
        sides_differ_evidence(TWO_SIDED_CARDS[document["kind"]], differ),
        document_id=document["document_id"],
        field=differ[0],
    )


def sides_differ_evidence(card: str, differ: list[str]) -> str:
    """The evidence of a card's sides that differ, with what that makes them: another name, or another birth date or
    nationality beside another number, is another person's (a permit's front and back print one nationality); another
    number alone, another card's."""
    listed = f"Frente e verso {card} não coincidem: " + ", ".join(SIDE_FIELD_WORDS[name] for name in differ)
    if "full_name" in differ or ("document_number" in differ and {"date_of_birth", "nationality"} & set(differ)):
        return f"{listed}; a frente e o verso são de pessoas diferentes."
    if "document_number" in differ:
        return f"{listed}; a frente e o verso são de cartões diferentes."
    return f"{listed}."


def misread_front_number(front_number: str, back: dict[str, Any]) -> bool:
    """The front's printed number is the back's misread (``card_number_misread``: look-alikes, a glyph more or fewer),
    and the back's number is vouched for by its MRZ's check digits: a misreading of the front, not another card."""
    return back_number_vouched(back) and card_number_misread(str(front_number), str(back["fields"]["document_number"]))


def back_number_vouched(back: dict[str, Any]) -> bool:
    """The back's number is vouched for: its MRZ valid, or its number's own check digit holding where another of the
    MRZ's fails (read at ``VALIDATED_CONFIDENCE``). Blind probe r75d, T2b: a German card whose back's birth date was
    edited, and whose front's "T22000129" read "722000129", was said to have sides that differ in their number, which
    both print alike; the edit is ``identity.mrz_valid``'s to tell. Exactly that confidence: a text layer's reading
    comes at 1.0, which no check digit gave."""
    confidence = (back.get("confidence") or {}).get("document_number")
    return back["fields"].get("mrz_valid") is True or confidence == VALIDATED_CONFIDENCE


# How the evidence names what differs between a card's sides.
SIDE_FIELD_WORDS = {
    "document_number": "número do documento",
    "date_of_birth": "data de nascimento",
    "expiry_date": "data de validade",
    "full_name": "nome",
    "nationality": "nacionalidade",
}


# How the evidence names what was compared, when the sides agree.
SIDE_AGREED_WORDS = {
    "full_name": "nome",
    "document_number": "número",
    "date_of_birth": "nascimento",
    "expiry_date": "validade",
}


def words_listed(words: list[str]) -> str:
    """The words listed in prose: "a", "a e b", "a, b e c"."""
    return " e ".join(filter(None, [", ".join(words[:-1]), words[-1]]))


def names_compared(front: dict[str, Any], back: dict[str, Any]) -> bool:
    """Whether the front's printed name is compared with the back's MRZ name: only where every check digit holds
    (an MRZ's names have no check digit of their own) and both names were read."""
    return (
        back.get("mrz_valid") is True
        and bool(read_name(front))
        and bool(back.get("surname") or back.get("given_names"))
    )


def names_fit(front: dict[str, Any], back: dict[str, Any]) -> bool:
    """The front's printed name against the back's MRZ name, where they are compared (``names_compared``), each of
    surname and given names only where the front read it: a front whose given names went unread is no other
    person's (blind probe r74e, F3: a Polish front read "Wilodarczyk" alone, its Ł as "il", failed on the name).
    ``mrz_name_fits`` allows OCR's slips and ICAO's spellings (Ł as L), as the typed name's comparison does."""
    printed = read_name(front)
    if not names_compared(front, back):
        return True
    whole = bool(front.get("full_name"))
    surname = back.get("surname") if whole or front.get("surname") else None
    given_names = back.get("given_names") if whole or front.get("given_names") else None
    # The MRZ's words read as the front prints them where they differ only by a look-alike glyph or an umlaut's two
    # letters (r74e, F1: the back's "BJQERN" under a front's "Bjorn"), as against the typed name.
    umlauts = states_umlauts({back.get("issuing_state"), back.get("nationality")}) or {}
    return mrz_name_fits(
        printed,
        surname=name_mended(surname or "", printed, umlauts),
        given_names=name_mended(given_names or "", printed, umlauts),
    )


def mrz_check(document: dict[str, Any], *, other_file_unread: bool = False) -> dict[str, Any] | None:
    """The machine-readable zone's check digits hold; required on passports and residence permits, except a permit
    issued on paper, which prints none (``residence_permit_on_paper``). A card's front read alone: its MRZ is on the
    back, not sent, or sent in a file that was not read (``other_file_unread``)."""
    valid = document["fields"].get("mrz_valid")
    if valid is None and (document["kind"] not in MRZ_REQUIRED_KINDS or residence_permit_on_paper(document)):
        return None
    if valid is True:
        evidence = "Zona de leitura ótica (MRZ) lida, com todos os dígitos de controlo válidos."
    elif valid is False and card_number_impossible(document):
        evidence = CARD_NUMBER_IMPOSSIBLE
    elif valid is False:
        evidence = "Zona de leitura ótica (MRZ) com dígitos de controlo inválidos: documento alterado ou mal lido."
    elif document["fields"].get("side") == "front":
        evidence = MRZ_ON_THE_BACK_UNREAD if other_file_unread else MRZ_ON_THE_BACK_NOT_SENT
    else:
        evidence = "Zona de leitura ótica (MRZ) não lida; é obrigatória neste documento."
    return check("identity.mrz_valid", valid is True, evidence, document_id=document["document_id"], field="mrz")


# A Cartão de Cidadão whose number fails its own check character: staff look at the number, not the MRZ's digits
# (blind probe r79a: every ICAO check digit held, the evidence blamed them).
CARD_NUMBER_IMPOSSIBLE = (
    "Número do Cartão de Cidadão com carácter de controlo inválido: nenhum cartão verdadeiro tem este número, "
    "que foi mal lido ou alterado. Confirme o número no original."
)


def card_number_impossible(document: dict[str, Any]) -> bool:
    return document["kind"] == "CARTAO_CIDADAO" and "document_number_check_invalid" in (document.get("warnings") or [])


# A card's front sent alone: its MRZ is on the back. The applicant's explanation asks for the back by this evidence.
MRZ_ON_THE_BACK_NOT_SENT = "Zona de leitura ótica (MRZ) não lida: está no verso do cartão, que não foi enviado."
# The same front beside another file sent as identity that was not read (refused, or unreadable): the back was likely
# sent, and what it needs is a copy that reads, not sending (blind probe r80d, cause 4: a back whose MRZ was cut off
# said "não foi enviado"). Why that file was not read is said in ``identity.document_read``.
MRZ_ON_THE_BACK_UNREAD = (
    "Zona de leitura ótica (MRZ) não lida: está no verso do cartão, e o outro ficheiro enviado como documento de "
    "identificação não foi lido."
)


def residence_permit_on_paper(document: dict[str, Any]) -> bool:
    """A residence permit issued as an A4 sheet (AIMA's CPLP mobility permit, art. 87.º-A of Lei 23/2007): read with
    no side and said by the extraction to print no MRZ (``mrz_printed`` false). It prints none, only a QR code, so it is identified by its printed fields;
    what that leaves unchecked is said in its read check (docs/adr/010-mrz-own-parser.md, round 77)."""
    fields = document["fields"]
    return (
        document["kind"] == "TITULO_RESIDENCIA"
        and fields.get("mrz_printed") is False
        and fields.get("side") is None
        and fields.get("mrz_valid") is None
    )


# The extraction's warning that a page prints another surname than its valid MRZ's and the printed one was kept
# (``merge_name``), which has already discounted what OCR and ICAO make of one name: look-alikes, accents,
# transliterations, a cut, another script, and the MRZ's words settling the page's misreading.
SURNAME_NOT_THE_MRZS = "mrz_viz_name_kept:surname"
# The extraction's warnings that a page prints another date than its MRZ's, whose check digit vouches for the MRZ's
# (``merge_mrz``): said only of a whole date read clearly, OCR's unsure figures being its misreading
# (``date_digit_misread``). The MRZ's date is the one given either way.
DATES_NOT_THE_MRZS = {
    "date_of_birth": "mrz_viz_mismatch:date_of_birth",
    "expiry_date": "mrz_viz_mismatch:expiry_date",
}
# The identity's warnings (reasons of MEDIUM) when a page prints another surname, or another date, than its valid
# MRZ's.
PAGE_SURNAME_NOT_THE_MRZS = "page_surname_not_mrz"
PAGE_DATE_NOT_THE_MRZS = "page_date_not_mrz"
# How the evidence names what the page prints otherwise than its MRZ, and whether the words are feminine.
PAGE_FIELD_WORDS = {
    "surname": ("o apelido", False),
    "date_of_birth": ("a data de nascimento", True),
    "expiry_date": ("a data de validade", True),
}


def page_fields_not_the_mrzs(document: dict[str, Any]) -> dict[str, str]:
    """The fields a page of the document prints otherwise than its MRZ whose check digits hold, each with the id of
    the file that says so: the surname the extraction kept against it, and the dates it read whole and clearly
    otherwise. A single-name holder's one name read under the surname's caption too is warned so but kept as no
    surname, and is none of these."""
    differ: dict[str, str] = {}
    for side in (document.get("sides") or {"document": document}).values():
        if side["fields"].get("mrz_valid") is not True:
            continue
        warned = side.get("warnings") or []
        if SURNAME_NOT_THE_MRZS in warned and side["fields"].get("surname"):
            differ.setdefault("surname", side["document_id"])
        for name, warning in DATES_NOT_THE_MRZS.items():
            if warning in warned:
                differ.setdefault(name, side["document_id"])
    return differ


def page_matches_mrz_check(document: dict[str, Any]) -> dict[str, Any] | None:
    """Only when a page prints another surname or date than its MRZ whose check digits hold: the classic altered data
    page (a new name or birth date printed over a genuine document, whose MRZ no one edited), or a field badly misread.
    No check digit covers a name, and a date's covers the MRZ's alone, so nothing else says it (blind probe r74e, F5:
    BENNANI printed over BENJELLOUN's MRZ read LOW; r75d, F1: a French page printing 1983 over its MRZ's 1985 read
    LOW, every check passed)."""
    differ = page_fields_not_the_mrzs(document)
    if not differ:
        return None
    if list(differ) == ["surname"]:
        evidence = (
            "O apelido impresso na página do documento não é o da zona de leitura ótica (MRZ), cujos dígitos de "
            "controlo são válidos: sinal de uma página de dados alterada, ou de um apelido mal lido. Confirme no "
            "original."
        )
    else:
        evidence = page_fields_sentence(list(differ))
    first = next(iter(differ))
    return check("identity.mrz_matches_page", False, evidence, document_id=differ[first], field=first)


def page_fields_sentence(differ: list[str]) -> str:
    """The evidence that a page prints ``differ`` otherwise than its valid MRZ, in agreement with what they are."""
    words = [PAGE_FIELD_WORDS[name][0] for name in differ]
    feminine = all(PAGE_FIELD_WORDS[name][1] for name in differ)
    subject = words_listed(words)
    subject = subject[:1].upper() + subject[1:]
    if len(differ) == 1:
        printed, verb, article = ("impressa", "é", "a") if feminine else ("impresso", "é", "o")
        misread = "uma data mal lida" if feminine else "um apelido mal lido"
    else:
        printed, verb, article = ("impressas", "são", "as") if feminine else ("impressos", "são", "os")
        misread = "uma leitura errada"
    return (
        f"{subject} {printed} na página do documento não {verb} {article} da zona de leitura ótica (MRZ), cujos "
        f"dígitos de controlo são válidos: sinal de uma página de dados alterada, ou de {misread}. Confirme no original."
    )


def sides_warned(document: dict[str, Any], warning: str) -> list[dict[str, Any]]:
    """The sides of a card sent as two files (``sides``), or the document itself, whose reading warned ``warning``."""
    sides = document.get("sides") or {"document": document}
    return [side for side in sides.values() if warning in (side.get("warnings") or [])]


def issue_date_check(document: dict[str, Any]) -> dict[str, Any] | None:
    """Only when the reading found the document's date of issue impossible (after its expiry, before its holder's
    birth, still to come): the MRZ's check digits do not cover that date, so nothing else catches a card
    patched together from two or an edited date. It may also be a date misread: a person looks at the original."""
    flagged = sides_warned(document, ISSUE_DATE_IMPLAUSIBLE)
    if not flagged:
        return None
    return check(
        "identity.issue_date_plausible",
        False,
        "A data de emissão do documento é impossível (posterior à validade, anterior ao nascimento ou futura): "
        "documento alterado ou mal lido. Confirme no original.",
        document_id=flagged[0]["document_id"],
        field="issue_date",
    )


def specimen_check(document: dict[str, Any]) -> dict[str, Any] | None:
    """Only when the reading found the document marked as a specimen (``specimen``): a sample an issuer publishes,
    with a made-up holder, which every other check may pass (blind probe r63a). It identifies no one."""
    flagged = sides_warned(document, SPECIMEN)
    if not flagged:
        return None
    return check(
        "identity.not_specimen",
        False,
        "O documento de identificação está marcado como espécime (SPECIMEN): é um modelo de demonstração, não o "
        "documento de uma pessoa. Peça o documento do candidato.",
        document_id=flagged[0]["document_id"],
    )


def read_name(fields: dict[str, Any]) -> str:
    """The full name printed, else given names and surname joined."""
    return fields.get("full_name") or " ".join(filter(None, [fields.get("given_names"), fields.get("surname")]))


def name_to_match(document: dict[str, Any], *, applicant_name: str) -> str:
    """The document's name as compared with the one typed: as read, except that a name the MRZ cut short
    (a long Portuguese name on a card's back) has its last given word completed from the typed word it
    starts, so a cut is not taken for a misspelling, and a word the typed name writes otherwise only by OCR's
    look-alike glyph or an umlaut's two letters is read as typed (``name_mended``: "BJQERN" for BJOERN typed
    "Bjorn"). What the document says is still what the check shows."""
    fields = document["fields"]
    umlauts = states_umlauts({fields.get("issuing_state"), fields.get("nationality")}) or {}
    return name_mended(cut_name_completed(document, applicant_name=applicant_name), applicant_name, umlauts)


def cut_name_completed(document: dict[str, Any], *, applicant_name: str) -> str:
    """The document's name, its last word completed from the typed word it starts where the MRZ cut it."""
    fields = document["fields"]
    if read_name_source(document) is None:
        return read_name(fields)
    # The MRZ writes the surname, then the given names: the cut falls on the last given name, or on the
    # surname when there is none.
    given, surname = (fields.get("given_names") or "").split(), (fields.get("surname") or "").split()
    cut = given or surname
    if cut:
        typed = [word for word in applicant_name.split() if word_starts(word, cut[-1])]
        cut[-1] = typed[0] if len(typed) == 1 else cut[-1]
    return " ".join(given + surname)


def read_name_source(document: dict[str, Any]) -> dict[str, Any] | None:
    """The record whose MRZ gave a name it may have cut, if any: the back of a card sent in two sides when
    the front gave no name, or the document itself."""
    sides = document.get("sides")
    if sides and read_name(sides["front"]["fields"]):
        return None
    source = sides["back"] if sides else document
    return source if MRZ_NAME_TRUNCATED in (source.get("warnings") or []) else None


# The document type a client gives an identity document's upload (documents.models.DocumentType.ID_DOCUMENT).
IDENTITY_DOCUMENT_TYPE = "ID_DOCUMENT"


def identity_files_unread(documents: list[dict[str, Any]]) -> list[str]:
    """The extraction's reasons, each once, for the files sent as identity documents that were not read (refused for
    what they are, or unreadable): beside a card's side that was read, likely its other side, sent and not counted."""
    failed = [d for d in documents if d.get("document_type") == IDENTITY_DOCUMENT_TYPE and d.get("status") == "FAILED"]
    return list(dict.fromkeys(str(d.get("failure_reason") or "").strip() for d in failed))


# None read, because none was sent or because those sent were not read: the report and the applicant's explanation
# say which (blind probe r70a, F13: "não foi possível ler nenhum" to a person who had sent none).
NO_IDENTITY_DOCUMENT_SENT = "Nenhum documento de identificação foi enviado."
NO_IDENTITY_DOCUMENT_READ = "Nenhum documento de identificação foi lido."


# Identity documents sent and each refused for what it is (a driving licence, a visa, an EU citizen's registration
# certificate: "Este documento é ..."): none was read because none sent is one accepted, not because none could be
# read, and sending a sharper photo of it would not help. The evidence says so with the extraction's reasons, which
# name what each was taken for and what to send (blind probe r74a, F6: "nenhum ... se conseguiu ler").
NO_IDENTITY_DOCUMENT_ACCEPTED = "Nenhum documento de identificação aceite foi enviado"
ACCEPTED_LEAD_IN = NO_IDENTITY_DOCUMENT_ACCEPTED + ": "
REFUSALS_SEPARATOR = "; "


# The extraction's refusal of a legible file sent as identity that is of no kind it knows (a boarding pass, a letter):
# documents.extraction.local.UNRECOGNISED's, told only once the file read (an illegible one is refused as such). It is
# not "Este documento é ...", as it names nothing, but refuses the file for what it is all the same: sending a sharper
# photo of it would not help (blind probe r74e, F7: a boarding pass sent as ID, "nenhum ... se conseguiu ler").
NOT_AN_IDENTITY_DOCUMENT = "Documento não reconhecido como documento de identificação"


def identity_refusals(documents: list[dict[str, Any]]) -> list[str]:
    """The extraction's reasons, each once, for the identity documents sent that failed, when every one of them was
    refused for what it is; [] when none failed, or one failed for another reason (a file unread, which a sharper
    one would mend)."""
    failed = [d for d in documents if d.get("document_type") == IDENTITY_DOCUMENT_TYPE and d.get("status") == "FAILED"]
    reasons = [str(d.get("failure_reason") or "").strip() for d in failed]
    if not reasons or not all(identity_refused_for_what_it_is(reason) for reason in reasons):
        return []
    return list(dict.fromkeys(reasons))


def identity_refused_for_what_it_is(reason: str) -> bool:
    return refused_for_what_it_is(reason) or reason.startswith(NOT_AN_IDENTITY_DOCUMENT)


def identity_refusals_of(check: dict[str, Any]) -> list[str]:
    """The extraction's reasons a failed ``identity.document_read`` gives when every identity document sent was
    refused for what it is, as it stored them (the text its translation is keyed on); [] otherwise."""
    evidence = str(check.get("evidence") or "")
    if check["name"] != "identity.document_read" or check["passed"] or not evidence.startswith(ACCEPTED_LEAD_IN):
        return []
    clauses = evidence[len(ACCEPTED_LEAD_IN) :].removesuffix(".").split(REFUSALS_SEPARATOR)
    return [clause[:1].upper() + clause[1:] + "." for clause in clauses]


def identity_document_read(
    document: dict[str, Any] | None,
    *,
    sent: bool = True,
    refused: list[str] | None = None,
    unread: list[str] | None = None,
) -> dict[str, Any]:
    """Which identity document was read: in words in the evidence, its kind's code in ``value`` (what the
    applicant's explanation names it by; a sentence is no place to look a code up). None read: whether any was
    ``sent``, and the reasons they were ``refused`` for what they are, if each was. One read, the reasons other files
    sent as identity were not (``unread``) go with a card's one side read."""
    if document is None and refused:
        clauses = REFUSALS_SEPARATOR.join(reason_as_clause(reason).removesuffix(".") for reason in refused)
        return check("identity.document_read", False, f"{ACCEPTED_LEAD_IN}{clauses}.")
    if document is None:
        return check("identity.document_read", False, NO_IDENTITY_DOCUMENT_READ if sent else NO_IDENTITY_DOCUMENT_SENT)
    return check(
        "identity.document_read",
        True,
        f"Documento de identificação lido ({kind_words(document)})."
        f"{one_side_note(document, unread=unread or [])}{paper_permit_note(document)}",
        document_id=document["document_id"],
        field="kind",
        value=document["kind"],
    )


def one_side_note(document: dict[str, Any], *, unread: list[str]) -> str:
    """A card read by one side only: said, so staff can ask for the other (the front has the photo and the name
    as printed, the back the NIF and the MRZ). It does not change the outcome: each side's own checks decide.

    Another file sent as identity and not read (``unread``: the extraction's reasons), the other side was likely sent:
    said so, with why it did not count, never "only one side was sent" (blind probe r80d, cause 4: a permit's front
    refused and a card's back with its MRZ cut, each said not sent)."""
    side = document["fields"].get("side")
    card = TWO_SIDED_CARDS.get(document["kind"])
    if card is None or side not in {"front", "back"}:
        return ""
    missing = "a frente (fotografia e nome impresso)" if side == "back" else "o verso (NIF e zona de leitura ótica)"
    if not unread:
        return f" Só foi enviado um lado {card}: falta {missing}."
    reasons = REFUSALS_SEPARATOR.join(reason_as_clause(reason).removesuffix(".") for reason in unread)
    others = (
        "Foi enviado outro ficheiro como documento de identificação, que não foi lido"
        if len(unread) == 1
        else "Foram enviados outros ficheiros como documento de identificação, que não foram lidos"
    )
    return f" Só se leu um lado {card}: falta {missing}. {others}: {reasons}."


# What identifying a paper permit by its printed fields leaves unchecked, said to staff where it was read.
PAPER_PERMIT_NOTE = (
    " Título de residência emitido em papel (folha A4, como a autorização de residência CPLP), sem zona de leitura "
    "ótica (MRZ): identificado pelos dados impressos (nome, data de nascimento, número e validade), que nenhum dígito "
    "de controlo confirma; o código QR, se o tiver, não foi lido."
)


def paper_permit_note(document: dict[str, Any]) -> str:
    """A residence permit on paper: what was not machine-checked, since no MRZ check stands for it."""
    return PAPER_PERMIT_NOTE if residence_permit_on_paper(document) else ""


def nif_match(document: dict[str, Any], *, applicant_nif: str) -> dict[str, Any]:
    """The printed NIF equals the one typed; a document without a NIF passes (name and birth date decide), and so
    does one whose kind prints it where it went unread, the evidence saying which of the two it was."""
    printed = document["fields"].get("nif")
    if not printed:
        return check(
            "identity.nif_match",
            True,
            nif_unread_evidence(document) or "O documento não mostra o NIF; verificação por nome e data de nascimento.",
            document_id=document["document_id"],
            field="nif",
        )
    same = printed == applicant_nif
    return check(
        "identity.nif_match",
        same,
        "NIF do documento igual ao NIF indicado." if same else "NIF do documento diferente do NIF indicado.",
        document_id=document["document_id"],
        field="nif",
        value=printed,
        expected=applicant_nif,
    )


# The identity documents that print the holder's NIF, and on which side: the Cartão de Cidadão's back.
NIF_PRINTED_ON = {"CARTAO_CIDADAO": frozenset({"back", "both"})}


def nif_unread_evidence(document: dict[str, Any]) -> str | None:
    """Where the document's kind prints the NIF on a side that was sent and it went unread (a finger or glare over
    its line), the evidence says so, never that the document does not show it (blind probe r75d, F5: a Cartão de
    Cidadão's back, "O documento não mostra o NIF"). Still a pass: the name and birth date, read and agreeing,
    identify the holder as a passport's do, and the NIF typed is checked against the proofs of income
    (``nif_documents_check``). None where the document does not print it."""
    if document["fields"].get("side") not in NIF_PRINTED_ON.get(document["kind"], frozenset()):
        return None
    if document["fields"].get("mrz_valid") is None:
        # No MRZ read: an old Bilhete de Identidade, read as a card and printing no NIF, is not told it shows one.
        return "NIF não lido no documento; verificação por nome e data de nascimento."
    return (
        f"NIF não lido no documento: o verso {TWO_SIDED_CARDS[document['kind']]} mostra-o, mas não foi possível "
        "lê-lo na imagem enviada; verificação por nome e data de nascimento."
    )


# Whose NIF and name each proof of income prints.
INCOME_PARTIES = (
    (PAYSLIP_KINDS, "employee"),
    (INVOICE_KINDS, "issuer"),
    (PENSION_KINDS, "pensioner"),
    (TAX_KINDS, "taxpayer"),
)


def nif_documents_check(
    document: dict[str, Any], documents: list[dict[str, Any]], *, applicant: dict[str, Any]
) -> dict[str, Any] | None:
    """A failed check when the identity document does not vouch for the NIF typed (it prints none, as a passport
    or a card's front, or prints another) and proofs of income in the applicant's own name print another NIF than
    the one typed; None otherwise.

    The documents then agree on a person, by name, and contradict the NIF typed: a typo to correct, or someone
    else's documents under the applicant's name. Either way the identity is not confirmed while it stands, and the
    report names the conflict rather than "no proof of income in the candidate's name" (cases probe 14: a passport;
    cases probe 15, K05: a Cartão de Cidadão printing the NIF the payslips print, the one typed off by a digit).
    When the identity document prints the NIF typed, it decides (``nif_match``), and payslips in the applicant's name
    with another NIF are an income question (a namesake's, a payroll error), said by the income owner checks."""
    printed = document["fields"].get("nif")
    if printed == applicant["nif"]:
        return None
    others = [
        (d, d["fields"][f"{party}_nif"])
        for kinds, party in INCOME_PARTIES
        for d in extracted(documents, kinds)
        if d["fields"].get(f"{party}_nif")
        and d["fields"][f"{party}_nif"] != applicant["nif"]
        and names_the_applicant(applicant["name"], d["fields"].get(f"{party}_name"))
    ]
    if not others:
        return None
    proofs = (
        "1 comprovativo de rendimentos em nome do candidato"
        if len(others) == 1
        else f"{len(others)} comprovativos de rendimentos em nome do candidato"
    )
    shows = "mostra" if len(others) == 1 else "mostram"
    if not printed:
        said = f"O documento de identificação não mostra o NIF, e {proofs} {shows} outro NIF que não o indicado"
    elif all(nif == printed for _, nif in others):
        said = f"O documento de identificação e {proofs} mostram o mesmo NIF, outro que não o indicado"
    else:
        said = f"O documento de identificação mostra outro NIF que não o indicado, e {proofs} {shows} ainda outro"
    return check(
        "identity.nif_documents",
        False,
        f"{said}: um erro no NIF indicado, a corrigir nos dados do candidato (retificação), ou documentos de outra "
        "pessoa.",
        document_id=others[0][0]["document_id"],
        field="nif",
        value=others[0][1],
        expected=applicant["nif"],
    )


def document_name_grade(document: dict[str, Any], *, applicant_name: str) -> tuple[str, str | None]:
    """``name_grade`` of the typed name against the document's (``name_to_match``), or ``partial`` with variation
    ``second_surname`` where the holder names themselves as Spanish naming does (``second_surname_left_out``)."""
    grade, variation = name_grade(applicant_name, name_to_match(document, applicant_name=applicant_name))
    if grade in {"fuzzy", "none"} and second_surname_left_out(document, applicant_name=applicant_name):
        return "partial", "second_surname"
    return grade, variation


def second_surname_left_out(document: dict[str, Any], *, applicant_name: str) -> bool:
    """Whether the typed name is the document's given names and first surname, its holder's nationality (else its
    issuing state) one of ``SPANISH_NAMING_STATES``: the second surname is the mother's, left out as the holder is
    known (a Portuguese name's last surname is the family one, and left out is still warned). The document must have
    read its surname, of two words or more, and given names apart: a full name alone does not say where they part."""
    fields = document["fields"]
    state = fields.get("nationality") or fields.get("issuing_state")
    surname, given_names = fields.get("surname"), fields.get("given_names")
    if state not in SPANISH_NAMING_STATES or not surname or not given_names or len(name_tokens(surname)) < 2:
        return False
    first_surname = " ".join(str(surname).split()[:-1])
    return name_match(applicant_name, f"{given_names} {first_surname}") in {"exact", "partial"}


def name_match_check(document: dict[str, Any], *, applicant_name: str, match: str) -> dict[str, Any]:
    """Passes unless the names do not match at all; ``match`` is ``name_match``'s grade for this document."""
    cut = read_name_source(document) is not None
    read = read_name(document["fields"])
    evidence = NAME_EVIDENCE[match] if read else NAME_UNREAD_EVIDENCE
    if match in {"exact", "partial"}:
        evidence = matched_name_evidence(document, applicant_name=applicant_name, default=evidence)
    if match == "fuzzy":
        evidence = similar_name_evidence(
            applicant_name, read_name(document["fields"]) or "", unread=name_part_unread(document["fields"])
        )
    return check(
        "identity.name_match",
        match != "none",
        evidence + (" " + NAME_CUT_EVIDENCE if cut else ""),
        document_id=document["document_id"],
        field="full_name",
        value=read or None,
        expected=applicant_name,
    )


def matched_name_evidence(document: dict[str, Any], *, applicant_name: str, default: str) -> str:
    """How a name that matches is written otherwise (``NAME_VARIATION_EVIDENCE``), ``default`` if no otherwise."""
    variation = document_name_grade(document, applicant_name=applicant_name)[1]
    if variation == "honorific":
        honorific = honorific_of(applicant_name, name_to_match(document, applicant_name=applicant_name))
        if honorific is not None:
            word, written_out = honorific
            meaning = HONORIFIC_MEANINGS.get(word.lower(), HONORIFIC_MEANING_DEFAULT)
            template = NAME_HONORIFIC_WRITTEN_OUT if written_out else NAME_HONORIFIC_LEFT_OUT
            return template.format(word=word, meaning=meaning)
    return NAME_VARIATION_EVIDENCE.get(variation or "", default)


def similar_name_evidence(typed: str, printed: str, *, unread: str | None = None) -> str:
    """A name matching only roughly in words that say what differs (``name_words_differing``); only letters differing
    are "apenas semelhante". Words typed that a name read in part lacks (``unread``: the part not read) are said not
    read, never missing from the document."""
    difference = name_words_differing(typed, printed)
    if difference is None:
        return NAME_EVIDENCE["fuzzy"]
    how, words = difference
    if how == "surname":
        return NAME_SURNAME_LEFT_OUT.format(words=quoted_words(words))
    if how == "added" and unread is not None:
        return NAME_WORDS_UNREAD.format(words=names_words(words), part=NAME_PART_UNREAD_WORDS[unread])
    return (NAME_WORDS_LEFT_OUT if how == "left_out" else NAME_WORDS_ADDED).format(words=names_words(words))


def name_part_unread(fields: dict[str, Any]) -> str | None:
    """The name field not read ("surname", "given_names") of a document that read the other and no full name."""
    if fields.get("full_name"):
        return None
    if fields.get("given_names") and not fields.get("surname"):
        return "surname"
    if fields.get("surname") and not fields.get("given_names"):
        return "given_names"
    return None


def name_words_differing(typed: str, printed: str) -> tuple[str, list[str]] | None:
    """How a typed name differs from the printed one by whole words: ``surname`` (the last surname left out, that
    word), ``left_out`` (other printed words left out), ``added`` (words typed the document does not print); None
    when the words themselves differ, by a letter or more."""
    left_out = words_left_out(typed, printed)
    if left_out and surname_left_out(typed, printed):
        return "surname", left_out[-1:]
    if left_out:
        return "left_out", left_out
    added = words_left_out(printed, typed)
    return ("added", added) if added else None


def name_difference(check: dict[str, Any] | None) -> tuple[str, list[str]] | None:
    """``name_words_differing`` of a stored ``identity.name_match`` check that warned (``name_warned``), from the name
    typed (its ``expected``) and the one read (its ``value``): what the report's reason and the applicant's
    explanation say of it, as its evidence does (blind probe r75d, F4: "só coincide aproximadamente" of a surname
    left out)."""
    if check is None or not name_warned(check) or not check.get("value") or not check.get("expected"):
        return None
    difference = name_words_differing(str(check["expected"]), str(check["value"]))
    if difference is not None and difference[0] == "added" and name_unread_said(check):
        # Words the document's name, read in part, lacks: not read, which the evidence says (``NAME_WORDS_UNREAD``).
        return "unread", difference[1]
    return difference


def name_unread_said(check: dict[str, Any]) -> bool:
    """Whether a stored ``identity.name_match`` check's evidence says the words typed were not read on the document."""
    return NAME_WORDS_UNREAD.split("{words}")[1].split("(")[0] in str(check.get("evidence") or "")


def quoted_words(words: list[str]) -> str:
    """«A», «A» e «B», «A», «B» e «C»."""
    return words_listed([f"«{word}»" for word in words])


def names_words(words: list[str]) -> str:
    """o nome «A», os nomes «A» e «B»."""
    return f"o nome {quoted_words(words)}" if len(words) == 1 else f"os nomes {quoted_words(words)}"


def name_warned(check: dict[str, Any]) -> bool:
    """Whether a stored ``identity.name_match`` check graded the name only similar (the warning ``fuzzy_name_match``),
    read from its evidence as the rules worded it (``NAME_WARNED_EVIDENCE``)."""
    return str(check.get("evidence") or "").startswith(NAME_WARNED_EVIDENCE)


def birth_date_match(
    document: dict[str, Any],
    *,
    applicant_birth: str,
    today: dt.date,
    page_differs: bool = False,
    other_file_unread: bool = False,
) -> dict[str, Any]:
    """The printed date of birth equals the one typed (ISO ``YYYY-MM-DD``); unreadable fails. When they differ and
    the printed one makes the document's holder a minor, the evidence says so without quoting either date: the form
    refuses minors by the date typed, so an adult's date typed beside a minor's card is the one thing the submission
    could not catch (blind probe r70b, A04: a card of someone 18 tomorrow beside a typed 2000).

    The date is the valid MRZ's where one was read; when the page prints another (``page_differs``), a date typed
    otherwise than the MRZ's is likely the page's, and the evidence says the document contradicts itself rather than
    that the applicant mistyped (blind probe r75d, F1b: "diferente da do documento" to a person who typed the page's
    date, staff never told the page and its MRZ disagree)."""
    birth = parse_date(document["fields"].get("date_of_birth"))
    if birth is None and birth_date_on_the_back_not_sent(document):
        # Not a date unread but one the side sent does not print: no failure of its own; the back is asked for by
        # the MRZ's check, which fails for the same missing side (blind probe r77c, F6).
        return check(
            "identity.birth_date_match",
            True,
            BIRTH_DATE_ON_THE_BACK_UNREAD if other_file_unread else BIRTH_DATE_ON_THE_BACK_NOT_SENT,
            document_id=document["document_id"],
            field="date_of_birth",
            expected=applicant_birth,
        )
    same = birth is not None and birth.isoformat() == applicant_birth
    if same:
        evidence = "Data de nascimento igual à do documento."
    elif birth is None:
        evidence = "Data de nascimento não lida no documento."
    elif age_on(birth, today) < ADULT_AGE:
        evidence = "Data de nascimento diferente da do documento, pela qual o seu titular é menor de idade."
    elif page_differs:
        evidence = BIRTH_DATE_PAGE_NOT_THE_MRZS
    else:
        evidence = "Data de nascimento diferente da do documento."
    return check(
        "identity.birth_date_match",
        same,
        evidence,
        document_id=document["document_id"],
        field="date_of_birth",
        value=birth,
        expected=applicant_birth,
    )


# The cards whose front prints no birth date: the residence permit's uniform format (Regulation (EC) No 1030/2002,
# as amended) prints it on the back, beside the nationality and the MRZ.
BIRTH_DATE_ON_THE_BACK = frozenset({"TITULO_RESIDENCIA"})
BIRTH_DATE_ON_THE_BACK_NOT_SENT = (
    "Data de nascimento não comparada: o título de residência imprime-a no verso, que não foi enviado."
)
BIRTH_DATE_ON_THE_BACK_UNREAD = (
    "Data de nascimento não comparada: o título de residência imprime-a no verso, e o outro ficheiro enviado como "
    "documento de identificação não foi lido."
)


def birth_date_on_the_back_not_sent(document: dict[str, Any]) -> bool:
    """A card's front sent alone, of a kind that prints the birth date on its back only."""
    return document["kind"] in BIRTH_DATE_ON_THE_BACK and document["fields"].get("side") == "front"


# The birth date typed is not the valid MRZ's, and the page prints another date than the MRZ: the document contradicts
# itself, which staff confirm on the original; the applicant may have typed the page's date as printed.
BIRTH_DATE_PAGE_NOT_THE_MRZS = (
    "Data de nascimento diferente da da zona de leitura ótica (MRZ) do documento, cujos dígitos de controlo são "
    "válidos; a página do documento imprime outra data de nascimento que a MRZ: o documento contradiz-se, sinal de "
    "uma página de dados alterada. Confirme no original."
)


def not_expired(document: dict[str, Any], *, today: dt.date) -> dict[str, Any]:
    """Valid on the screening day itself; an unreadable expiry date fails."""
    expiry = parse_date(document["fields"].get("expiry_date"))
    if expiry is None:
        return check(
            "identity.not_expired",
            False,
            "Data de validade não lida no documento.",
            document_id=document["document_id"],
            field="expiry_date",
        )
    valid = expiry >= today
    return check(
        "identity.not_expired",
        valid,
        f"Documento válido até {format_date(expiry)}." if valid else f"Documento caducado em {format_date(expiry)}.",
        document_id=document["document_id"],
        field="expiry_date",
        value=expiry,
        expected=f">= {today.isoformat()}",
    )


def expires_in_words(days: int) -> str:
    """When a still-valid document expires, in the words a reader says it (blind probe r70b: "dentro de 0 dias")."""
    if days == 0:
        return "O documento caduca hoje."
    if days == 1:
        return "O documento caduca amanhã."
    return f"O documento caduca dentro de {days} dias."


def expiry_margin(document: dict[str, Any], *, today: dt.date, warning_days: int) -> dict[str, Any] | None:
    """A failing check when a still-valid document expires within ``warning_days``; None otherwise."""
    expiry = parse_date(document["fields"].get("expiry_date"))
    if expiry is None or expiry < today or (expiry - today).days > warning_days:
        return None
    return check(
        "identity.expiry_margin",
        False,
        expires_in_words((expiry - today).days),
        document_id=document["document_id"],
        field="expiry_date",
        value=expiry,
    )
