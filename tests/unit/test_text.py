"""One accent fold and one particle list, for extraction and screening alike."""

from __future__ import annotations

import datetime as dt

from applicants.text import NAME_PARTICLES, fold, fold_accents
from documents.extraction.parsers import title_case
from documents.extraction.parsers.common import clean_name, written_dates
from screening.rules.names import name_tokens


def test_fold_accents_drops_accents_and_keeps_case() -> None:
    assert fold_accents("Conceição Ilíquido ÂNGELA") == "Conceicao Iliquido ANGELA"


def test_fold_lowercases_without_accents() -> None:
    assert fold("Ilíquido SEGURANÇA") == "iliquido seguranca"


def test_name_particles_are_left_out_of_name_comparison() -> None:
    assert name_tokens("Maria da Conceição dos Santos e Silva") == ["maria", "conceicao", "santos", "silva"]


def test_title_case_keeps_the_same_particles_lowercase() -> None:
    assert title_case("MARIA DA CONCEIÇÃO DOS SANTOS E SILVA") == "Maria da Conceição dos Santos e Silva"
    assert {"de", "da", "do", "das", "dos", "e"} == NAME_PARTICLES


def test_title_case_capitalises_each_part_of_a_hyphenated_or_apostrophed_word() -> None:
    """Blind probe, round 6: "ANA-RITA" came out "Ana-rita", and "DIREÇÃO-GERAL" "Direção-geral"."""
    assert title_case("ANA-RITA D'ALMEIDA DA SILVA") == "Ana-Rita D'Almeida da Silva"
    assert title_case("DIREÇÃO-GERAL DO TERRITÓRIO") == "Direção-Geral do Território"


def test_dates_written_year_first_with_any_one_separator_even_at_a_sentences_end() -> None:
    from documents.extraction.parsers.common import dates_in, parse_dates

    day = dt.date(2026, 10, 5)
    for text in ("2026-10-05", "Data 2026/10/05", "2026.10.05", "emitida em 2026-10-05. A pensão"):
        assert parse_dates(text) == [day], text
    assert parse_dates("2026-10/05") == []
    assert dates_in("Lisboa, 5 de outubro de 2026") == [day]


def test_a_name_keeps_letters_of_any_alphabet() -> None:
    """Blind probe round 8: "Wiśniewska" was cut at the "ś" (only Latin-1 letters were kept)."""
    assert clean_name("Agnieszka Wiśniewska  NIF 123") == "Agnieszka Wiśniewska"
    assert clean_name("ŁUKASZ DVOŘÁK_") == "ŁUKASZ DVOŘÁK"


def test_dates_written_with_a_month_s_name_in_five_languages() -> None:
    """Portuguese, English, French, Spanish and German letters write their dates with the month's name."""
    texts = ["1.º de março de 2026", "1 March 2026", "1er mars 2026", "1 de marzo de 2026", "1. März 2026"]
    assert [written_dates(text) for text in texts] == [[dt.date(2026, 3, 1)]] * 5
    assert written_dates("12 septiembre 2025") == [dt.date(2025, 9, 12)]
    assert written_dates("12 de blabla de 2026") == []
