"""Identity cards blind probe r63a read wrong: the front of Brazil's Carteira de Identidade Nacional (CIN) refused
as not recognised, its number (the CPF) unread; a card printing each caption and value in a non-Latin script beside
its Latin rendering ("ИМЕ / Name", "ПЕТРОВА / PETROVA") whose given names went unread. Texts are shaped as the
reader hands them over (a Latin-alphabet OCR reads Cyrillic as Latin look-alikes), with names and numbers of their
own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.parsers import identity
from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1

FOREIGN_CARD = DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
# A CPF whose two check digits hold (529.047.183-97), and the same with its last digit wrong.
CPF = "529.047.183-97"
CPF_DIGITS = "52904718397"
CPF_CHECK_WRONG = "529.047.183-96"


def lines_of(*texts: str, confidence: float = 0.9) -> list[Line]:
    return [Line(text, confidence) for text in texts]


def cin_front(cpf: str = CPF, title: str = "CARTEIRA DE IDENTIDADE NACIONAL") -> list[str]:
    return ["REPUBLICA FEDERATIVA DO BRASIL", title, "Nome", "ANTONIA REGINA MOTTA DE BARROS",
            "Sexo Nacionalidade Data de Nascimento", "F BRA 09/11/1984", "CPF Validade",
            f"{cpf} 22/05/2033", "Naturalidade", "RECIFE/PE"]  # fmt: skip


# --- The CIN's front: recognised by its title, numbered by its CPF -------------------------------------------


def test_the_cin_front_is_another_state_s_identity_card_by_its_title() -> None:
    assert classify("\n".join(cin_front())) == FOREIGN_CARD


def test_the_older_cin_title_without_nacional_is_recognised_too() -> None:
    assert classify("\n".join(cin_front(title="CARTEIRA DE IDENTIDADE"))) == FOREIGN_CARD


def test_a_brazilian_driving_licence_citing_the_holder_s_identity_card_stays_unrecognised() -> None:
    """Guard, passes either way: a CNH prints the identity card it was issued on; it is no identity card."""
    cnh = ["REPUBLICA FEDERATIVA DO BRASIL", "CARTEIRA NACIONAL DE HABILITAÇÃO", "NOME", "JOAQUIM SOARES LEITE",
           "DOC. IDENTIDADE / ORG. EMISSOR / UF", "Carteira de Identidade 31.442.908-2 SSP MG",
           "CPF DATA NASCIMENTO", f"{CPF} 03/04/1979", "Nº REGISTRO VALIDADE", "07731548820 12/12/2031"]  # fmt: skip
    assert classify("\n".join(cnh)) == DocumentKind.UNKNOWN


def test_an_old_rg_front_titled_registro_geral_alone_is_not_recognised_by_that_title() -> None:
    """Guard, passes either way: the old RG has no MRZ-bearing back; "Registro Geral" is no title of a card."""
    rg = ["REPUBLICA FEDERATIVA DO BRASIL", "REGISTRO GERAL 31.442.908-2", "NOME", "JOAQUIM SOARES LEITE"]
    assert classify("\n".join(rg)) == DocumentKind.UNKNOWN


def test_the_cin_front_s_number_is_its_cpf_when_the_check_digits_hold() -> None:
    parsed = parse_identity(lines_of(*cin_front()), FOREIGN_CARD)
    assert parsed.fields["document_number"] == CPF_DIGITS
    assert parsed.fields["full_name"] == "Antonia Regina Motta de Barros"
    assert parsed.fields["date_of_birth"] == dt.date(1984, 11, 9)
    assert parsed.fields["expiry_date"] == dt.date(2033, 5, 22)


def test_a_cpf_whose_check_digits_fail_is_not_taken_for_the_number() -> None:
    """Guard, passes either way: a misread CPF is left out rather than guessed."""
    parsed = parse_identity(lines_of(*cin_front(cpf=CPF_CHECK_WRONG)), FOREIGN_CARD)
    assert parsed.fields.get("document_number") is None


def test_cpf_check_digits() -> None:
    assert identity.cpf_checks("11144477735")
    assert identity.cpf_checks(CPF_DIGITS)
    assert not identity.cpf_checks("52904718396")
    assert not identity.cpf_checks("00000000000")
    assert not identity.cpf_checks("5290471839")


def test_the_cin_both_sides_agree_on_the_cpf_as_number() -> None:
    """Guard (the MRZ gave the number before): the front's CPF is the back's long document number."""
    back = td1(code="ID", state="BRA", number=CPF_DIGITS, birth=dt.date(1984, 11, 9), sex="F",
               expiry=dt.date(2033, 5, 22), nationality="BRA", surname="MOTTA DE BARROS", given="ANTONIA REGINA")  # fmt: skip
    parsed = parse_identity(lines_of(*cin_front(), *back), FOREIGN_CARD)
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["document_number"] == CPF_DIGITS
    assert not [code for code in parsed.warnings if code.startswith("mrz_viz_mismatch")]


# --- A card printing Cyrillic beside Latin ------------------------------------------------------------------


def two_script_front(
    *, father_caption: str = "Npesume / Father's name", father: str = "HUKONOBA / NIKOLOVA"
) -> list[str]:
    # "ПЕТРОВА / PETROVA" read by a Latin OCR as "NETPOBA / PETROVA", "Име / Name" as "WUme / Name".
    return ["PENYBJIMKA / REPUBLIC OF BULGARIA", "JIMYHA KAPTA / IDENTITY CARD", "Damunua / Surname",
            "NETPOBA / PETROVA", "WUme / Name", "EJIEHA / ELENA", father_caption, father,
            "TpaxgaHcTBo / Nationality Lara Ha paxgaHe / Date of birth", "BbJITAPNA/BGR 21.08.1993",
            "BanungHocT / Date of expiry No Ha gokyMeHTA / Document number", "14.02.2031 731904265"]  # fmt: skip


def test_a_two_script_front_reads_the_latin_names_and_the_patronymic_among_the_given_names() -> None:
    parsed = parse_identity(lines_of(*two_script_front(), confidence=0.75), FOREIGN_CARD)
    assert parsed.fields["surname"] == "Petrova"
    assert parsed.fields["given_names"] == "Elena Nikolova"
    assert parsed.fields["full_name"] == "Elena Nikolova Petrova"
    assert parsed.fields["document_number"] == "731904265"


def test_a_father_s_given_name_under_that_caption_is_another_person_s_and_left_out() -> None:
    lines = two_script_front(father_caption="ONOMA NATEPA / Father's name", father="AHMHTPIOE / DIMITRIOS")
    parsed = parse_identity(lines_of(*lines, confidence=0.75), FOREIGN_CARD)
    assert parsed.fields["given_names"] == "Elena"
    assert parsed.fields["full_name"] == "Elena Petrova"


def test_a_lone_name_caption_in_two_languages_captions_the_whole_name() -> None:
    lines = ["JIMYHA KAPTA / IDENTITY CARD", "WUme / Name", "EJIEHA NETPOBA / ELENA PETROVA",
             "BanungHocT / Date of expiry", "14.02.2031"]  # fmt: skip
    parsed = parse_identity(lines_of(*lines, confidence=0.75), FOREIGN_CARD)
    assert parsed.fields["full_name"] == "Elena Petrova"


def test_a_two_script_front_and_its_back_agree_with_the_mrz() -> None:
    """Guard (the MRZ named the holder before): the patronymic read on the front is in the MRZ's given names."""
    back = td1(code="ID", state="BGR", number="731904265", birth=dt.date(1993, 8, 21), sex="F",
               expiry=dt.date(2031, 2, 14), nationality="BGR", surname="PETROVA", given="ELENA NIKOLOVA")  # fmt: skip
    parsed = parse_identity(lines_of(*two_script_front(), *back, confidence=0.75), FOREIGN_CARD)
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["full_name"] == "Elena Nikolova Petrova"
    assert not [code for code in parsed.warnings if code.startswith("mrz_viz_mismatch")]


def test_a_patronymic_the_valid_mrz_leaves_out_is_left_out_of_the_given_names() -> None:
    """Guard, passes without the fix too: a state whose MRZ writes no patronymic is not told its names mismatch."""
    back = td1(code="ID", state="UKR", number="006284173", birth=dt.date(1988, 10, 2), sex="M",
               expiry=dt.date(2032, 3, 9), nationality="UKR", surname="MELNYK", given="OSTAP")  # fmt: skip
    lines = ["YKPAIHA / UKRAINE", "NPI3BULE / Surname", "MEJIbHUK / MELNYK", "IM'A / Name", "OCTAN / OSTAP",
             "No 6aTbKOBI / Patronymic", "IBAHOBUY / IVANOVYCH", *back]  # fmt: skip
    parsed = parse_identity(lines_of(*lines, confidence=0.8), FOREIGN_CARD)
    assert parsed.fields["given_names"] == "Ostap"
    assert parsed.fields["full_name"] == "Ostap Melnyk"
    assert not [code for code in parsed.warnings if code.endswith("names") or code.endswith("full_name")]
