"""Identity documents blind probe r33b read wrong: an MRZ name field the surname alone fills (no "<<", ICAO
truncates it), a Brazilian CIN's "Nome" wrapped onto two lines, a surname "NASCIMENTO" taken for the birth date's
caption, a caption's other language taken for the given names, a visual zone's name with letters merged by OCR
preferred over a valid MRZ's, and AIMA letters taken for a residence permit or told their MRZ was cut. The texts
are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.local import MRZ_CUT, refusal
from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.identity import letters_merged_or_split, names_read, parse_identity
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import MRZ_NAME_TRUNCATED, DocumentKind
from samples.identity import td1, td3


def lines_of(*texts: str, confidence: float = 1.0) -> list[Line]:
    return [Line(text, confidence) for text in texts]


def cin_mrz(surname: str, given: str) -> list[str]:
    return td1(code="ID", state="BRA", number="52918374605", birth=dt.date(1991, 7, 3), sex="F",
               expiry=dt.date(2034, 9, 30), nationality="BRA", surname=surname, given=given)  # fmt: skip


def cin(name_lines: list[str], mrz: list[str]) -> list[Line]:
    return lines_of("REPÚBLICA FEDERATIVA DO BRASIL", "CARTEIRA DE IDENTIDADE / IDENTITY CARD", "Nome / Name",
                    *name_lines, "Sexo / Sex", "F", "Data de Nascimento / Date of Birth", "03/07/1991", *mrz)  # fmt: skip


def test_a_cin_whose_surname_fills_the_mrz_field_takes_both_names_whole_from_its_nome() -> None:
    mrz = cin_mrz("MAGALHAES FERREIRA DA ROCHA DE ALBUQUERQUE", "LUIZA HELENA")
    assert "<<" not in mrz[2]
    parsed = parse_identity(cin(["LUIZA HELENA MAGALHÃES FERREIRA", "DA ROCHA DE ALBUQUERQUE"], mrz),
                            DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)  # fmt: skip
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["given_names"] == "Luiza Helena"
    assert parsed.fields["surname"] == "Magalhães Ferreira da Rocha de Albuquerque"
    assert parsed.fields["full_name"] == "Luiza Helena Magalhães Ferreira da Rocha de Albuquerque"
    assert MRZ_NAME_TRUNCATED not in parsed.warnings


def test_a_cin_s_nome_wrapped_after_a_joining_e_is_parted_where_the_mrz_surname_starts() -> None:
    mrz = cin_mrz("DE SOUSA E BRAGA", "RAIMUNDO TADEU")
    parsed = parse_identity(
        cin(["RAIMUNDO TADEU DE SOUSA E", "BRAGA"], mrz), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    )
    assert parsed.fields["full_name"] == "Raimundo Tadeu de Sousa e Braga"
    assert parsed.fields["given_names"] == "Raimundo Tadeu"
    assert parsed.fields["surname"] == "de Sousa e Braga"


def test_a_surname_nascimento_under_its_caption_is_a_name_not_the_birth_date_s_caption() -> None:
    """A photo's passport with its MRZ unread: the surname's line, a frame's bar before it, was taken for the bare
    birth caption "Nascimento" and the surname was lost."""
    lines = ["PASSAPORTE / PASSPORT", "Apelido / Surname", "| NASCIMENTO PEREIRA DA ROCHA", "Nome / Given names",
             "ANA LÚCIA", "Data de nascimento / Date of birth", "17 NOV/NOV 1964"]  # fmt: skip
    parsed = parse_identity(lines_of(*lines, confidence=0.9), DocumentKind.PASSAPORTE)
    assert parsed.fields["surname"] == "Nascimento Pereira da Rocha"
    assert parsed.fields["given_names"] == "Ana Lúcia"


def test_a_misread_caption_s_other_language_is_never_the_given_names() -> None:
    mrz = td1(code="I<", state="PRT", number="163820471ZY9", birth=dt.date(1993, 2, 17), sex="F",
              expiry=dt.date(2031, 6, 8), nationality="PRT", surname="DOS SANTOS DE MAGALHAES BETTENCOURT",
              given="INES")  # fmt: skip
    lines = ["REPÚBLICA PORTUGUESA CARTÃO DE CIDADÃO", "APELIDO(S) / SURMAME", "DOS SANTOS DE MAGALHÃES BETTENCOURT",
             "NOMEIS! / QIVEN MAMEIS)", "INÊS", "SEXO / SEX", "F", *mrz]  # fmt: skip
    parsed = parse_identity(lines_of(*lines, confidence=0.9), DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["given_names"] == "Inês"
    assert parsed.fields["surname"] == "dos Santos de Magalhães Bettencourt"


def ukrainian_passport(printed_given: str) -> list[Line]:
    mrz = td3(code="P", state="UKR", number="FE305118", birth=dt.date(1994, 8, 1), sex="F",
              expiry=dt.date(2033, 3, 14), nationality="UKR", surname="BONDARENKO", given="NATALIIA")  # fmt: skip
    lines = ["UKRAINE", "PASSPORT", "Surname", "BONDARENKO", "Given names", printed_given, *mrz]
    return lines_of(*lines, confidence=0.9)


def test_a_printed_name_with_two_letters_merged_gives_way_to_the_valid_mrz_s_flagged() -> None:
    parsed = parse_identity(ukrainian_passport("NATALIA"), DocumentKind.PASSAPORTE)
    assert parsed.fields["given_names"] == "Nataliia"
    assert "mrz_viz_mismatch:given_names" in parsed.warnings


def test_a_printed_name_of_another_length_by_more_than_a_merge_still_stands() -> None:
    """Guard: a different name read clearly is flagged; given names sharing no word with the valid MRZ's give way to
    them (blind probe r78d)."""
    parsed = parse_identity(ukrainian_passport("OKSANA"), DocumentKind.PASSAPORTE)
    assert parsed.fields["given_names"] == "Nataliia"
    assert "mrz_viz_mismatch:given_names" in parsed.warnings


def test_a_receipt_of_a_manifestacao_de_interesse_is_no_residence_permit() -> None:
    text = "\n".join([
        "AIMA - Agência para a Integração, Migrações e Asilo",
        "COMPROVATIVO DE MANIFESTAÇÃO DE INTERESSE",
        "Requerente: RUI MANUEL TAVARES",
        "Data de nascimento: 11/02/1988",
        "Artigo 88.º, n.º 2 da Lei n.º 23/2007 - Autorização de residência para exercício de atividade",
    ])  # fmt: skip
    assert classify(text) == DocumentKind.UNKNOWN


def test_a_letter_with_brackets_in_its_prose_is_refused_as_no_identity_document_not_as_a_cut_mrz() -> None:
    texts = [
        "CONVOCATÓRIA PARA ATENDIMENTO / APPOINTMENT LETTER",
        "Fica convocado(a) para comparecer no Balcão de Lisboa (Av. António Augusto de Aguiar)",
        "munido(a) de passaporte válido, comprovativo de meios de subsistência e registo criminal.",
    ]
    read = ReadDocument(lines=lines_of(*texts), pages=1, method="text", turns=(0,))
    assert refusal(read, "ID_DOCUMENT", []) != MRZ_CUT


def permit_back(caption: str, numbers: str) -> list[Line]:
    mrz = td1(code="IR", state="PRT", number="B9608481", birth=dt.date(1996, 6, 22), sex="F",
              expiry=dt.date(2028, 8, 21), nationality="AGO", surname="DA SILVA", given="ANA BEATRIZ")  # fmt: skip
    return lines_of("AUTORIZAÇÃO DE RESIDÊNCIA PERMANENTE", "LOCAL DE EMISSÃO / PLACE OF ISSUE", "AIMA - LISBOA",
                    caption, numbers, *mrz, confidence=0.9)  # fmt: skip


def test_a_residence_permit_s_nif_beside_its_social_security_number_is_read_when_ocr_lost_the_caption() -> None:
    parsed = parse_identity(permit_back("ne uss", "233017046 18529818224"), DocumentKind.TITULO_RESIDENCIA)
    assert parsed.fields["nif"] == "233017046"
    assert "missing:nif" not in parsed.warnings


def test_a_permit_s_unlabelled_number_is_not_a_nif_without_its_check_digit_or_its_neighbour() -> None:
    wrong_check = parse_identity(permit_back("ne uss", "233017047 18529818224"), DocumentKind.TITULO_RESIDENCIA)
    assert wrong_check.fields.get("nif") is None
    alone = parse_identity(permit_back("ne uss", "233017046"), DocumentKind.TITULO_RESIDENCIA)
    assert alone.fields.get("nif") is None


def test_a_letter_the_mrz_spells_with_several_is_no_letter_merged() -> None:
    """r31b's rerun: "Oñate" read "Onate" against the MRZ's "ONXXATE" (ICAO spells Ñ "NXX") took the MRZ's spelling."""
    assert not letters_merged_or_split("Sánchez Onate", "SANCHEZ ONXXATE")
    assert not letters_merged_or_split("Müller", "MUELLER")
    assert letters_merged_or_split("Natalia", "NATALIIA")


def test_another_field_s_caption_after_the_name_s_caption_is_no_name() -> None:
    """r31b's rerun: a permit's "O / PLACE OF ISSUE", read after the surname's caption, was taken for the surname."""
    line = Line("x", 0.9)
    candidates = [(" / SURNAME ADE O 87502", line), ("O / PLACE OF ISSUE", line), ("GONÇALVES DA SILVA", line)]
    assert [name for name, _, _ in names_read(candidates, mixed_case=False)][:1] == ["GONÇALVES DA SILVA"]


def test_a_bilingual_issue_caption_whose_english_ocr_joined_is_one_column() -> None:
    """Blind probe r34a: "Data de emissão / Date ofissue Data de validade / Date of expiry" over "18 SEP 2026 17 SEP
    2031" read the issue date as the expiry, and flagged a valid passport's dates as mismatched."""
    mrz = td3(code="P", state="PRT", number="CE8506661", birth=dt.date(1984, 9, 22), sex="M",
              expiry=dt.date(2031, 9, 17), nationality="PRT", surname="BRANDAO ROMAO", given="RUBEN")  # fmt: skip
    lines = lines_of("PASSAPORTE / PASSPORT", "Apelidos / Surname", "BRANDÃO ROMÃO", "Nomes / Given names", "RÚBEN",
                     "Data de nascimento / Date of birth", "22 SEP 1984",
                     "Data de emissão / Date ofissue Data de validade / Date of expiry", "18 SEP 2026 17 SEP 2031",
                     *mrz, confidence=0.9)  # fmt: skip
    parsed = parse_identity(lines, DocumentKind.PASSAPORTE)
    assert parsed.fields["expiry_date"] == dt.date(2031, 9, 17)
    assert "mrz_viz_mismatch:expiry_date" not in parsed.warnings
