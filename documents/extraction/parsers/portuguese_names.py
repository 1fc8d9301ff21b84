"""Portuguese names as the civil registry spells them, for the accents OCR drops on capitals.

Tesseract often reads a capital's accent as nothing on a card's small print ("FÁTIMA" read "Fatima", "JOÃO"
read "Joao"), and no MRZ carries accents to put it back. These names have one spelling in Portugal's registry
of given names and in common surnames, always with the accent, so a card or passport of Portugal that prints one
unaccented was misread. Only unaccented readings are changed: an accent OCR read otherwise ("Antônio", a Brazilian
spelling some Portuguese citizens have) is left as read, and a name missing here keeps its reading.
"""

from __future__ import annotations

import re

from applicants.text import fold

_SPELLINGS = """
Adrião Amélia André Ângela Ângelo Antão António Antónia Aurélio Bárbara Brás Cátia Cláudia Cláudio Conceição Cristóvão
Damião Débora Emília Estêvão Eugénia Eugénio Fábio Fátima Flávio Glória Gonçalo Graça Hélder Hélio Inês Jerónimo
João José Júlia Júlio Letícia Lídia Lígia Lourenço Lúcia Luís Luísa Márcia Márcio Mário Mónica Nádia Natália
Natércia Noémia Patrícia Rosário Salomé Sebastião Sérgio Sílvia Simão Sónia Tânia Tomás Tomé Valério Vânia
Verónica Vítor Ascensão Assunção
Aragão Araújo Baião Brandão Falcão Feijó Frazão Galvão Gonçalves Guimarães Gusmão Leitão Magalhães Mourão Paixão
Patrício Romão Sá Simões Tostão Valadão
"""
ACCENTED = {fold(name): name for name in _SPELLINGS.split()}
LETTERS = re.compile(r"[^\W\d_]+")


def accents_restored(name: str) -> str:
    """``name`` with each word in the list above read without its accents spelt as the registry spells it, in the
    case it was read in ("Maria Fatima Sa-Pereira" -> "Maria Fátima Sá-Pereira")."""

    def restored(match: re.Match[str]) -> str:
        word = match.group(0)
        accented = ACCENTED.get(word.lower()) if fold(word) == word.lower() else None
        if accented is None:
            return word
        return accented.upper() if word.isupper() and len(word) > 1 else accented if word[0].isupper() else word

    return LETTERS.sub(restored, name)
