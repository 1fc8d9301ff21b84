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

# Given names, then surnames.
_SPELLINGS = """
Acácio Adélia Adrião Ágata Álvaro Amália Amândio Amélia Anália André Ângela Ângelo Aníbal Antão Antónia António
Anunciação Ascensão Assunção Aurélio Bárbara Basílio Brás Bráulio Cândida Cândido Cátia Cecília Célia César Cláudia
Cláudio Conceição Cristóvão Custódia Custódio Dália Damião Dário Débora Délia Élio Elísio Emídio Emília Emílio
Encarnação Érica Estefânia Estêvão Eugénia Eugénio Eulália Eusébio Fábio Fabrício Fátima Flávia Flávio Florêncio
Glória Gonçalo Graça Gregório Hélder Hélio Hermínia Hermínio Honório Horácio Ilídio Inácio Inês Íris Isménia
Jerónimo João Jordão José Júlia Júlio Lázaro Letícia Lídia Lígia Lívia Lourenço Lúcia Lucília Lúcio Luís Luísa
Márcia Marcílio Márcio Mário Maurício Mécia Mónica Nádia Natália Natércia Nélia Noé Noémia Octávio Ofélia Olímpio
Olívia Osório Otília Patrícia Plácido Porfírio Purificação Rogério Rómulo Rosália Rosário Rúben Salomão Salomé
Sebastião Sérgio Silvério Sílvia Sílvio Simão Sónia Tânia Teófilo Teotónio Tibério Timóteo Tomás Tomé Úrsula Valéria
Valério Vânia Verónica Virgínia Vítor Vitória Zélia
Alcântara Aragão Araújo Baião Barão Beirão Bragança Brandão Camões Carrião Castelão Damásio Espírito Falcão Feijó
Ferrão Fontão França Frazão Fróis Galvão Gião Girão Góis Gonçalves Guimarães Gusmão Jácome Leão Leitão Lobão Loução
Macário Magalhães Melão Mendonça Monção Mourão Nóbrega Paixão Patrão Patrício Pião Pinhão Proença Queirós Quintão
Ribeirão Rolão Romão Sá Salvação Sardão Serrão Simões Tenório Tostão Valadão Valença Vilaça Vilão
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
