"""Every message the API answers with reads in English under ``Accept-Language: en`` (end-to-end probe c23: five
errors answered in Portuguese, written without ``gettext`` or missing from the English catalogue).

Read from the source, as ``test_failure_reasons_language`` reads the extraction's reasons: a Portuguese text raised
as it is, or marked but not translated, fails here before it reaches an English client. The extraction's reasons are
that test's (they are stored in Portuguese and translated when shown).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
APPS = ("applicants", "intake", "documents", "screening", "workspace", "config")
GETTEXT = {"_", "gettext", "gettext_lazy", "gettext_noop"}
# Portuguese, not English: its letters or its common words (English source strings are their own translation).
PORTUGUESE = re.compile(r"[ãõçáéíóúâêôà]|\b(?:não|de|da|do|por|com|uma|deve|pedido|documentos?|prazo)\b", re.IGNORECASE)


def source_files() -> Iterator[Path]:
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts and "extraction" not in path.parts:
                yield path


def literals(node: ast.AST) -> Iterator[ast.expr]:
    """The string literals a raised exception is given as they are: alone, in a list, or as a dict's values."""
    if (isinstance(node, ast.Constant) and isinstance(node.value, str)) or isinstance(node, ast.JoinedStr):
        yield node
    elif isinstance(node, ast.List | ast.Tuple | ast.Set):
        for element in node.elts:
            yield from literals(element)
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from literals(value)
    elif isinstance(node, ast.DictComp):
        yield from literals(node.value)
    elif isinstance(node, ast.ListComp | ast.SetComp):
        yield from literals(node.elt)


def reason(call: ast.Call) -> bool:
    return getattr(call.func, "id", None) == "ExtractionFailed"


def raised_untranslated() -> list[str]:
    found = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # A document's failure reason is stored in Portuguese and translated where it is shown (that test's).
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and not reason(node.exc):
                for argument in [*node.exc.args, *(keyword.value for keyword in node.exc.keywords)]:
                    for literal in literals(argument):
                        text = ast.unparse(literal)
                        if PORTUGUESE.search(text):
                            found.append(f"{path.relative_to(ROOT)}:{literal.lineno}: {text}")
    return found


def marked_messages() -> set[str]:
    found = set()
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in GETTEXT and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and PORTUGUESE.search(first.value):
                    found.add(first.value)
    return found


def test_the_scans_see_what_they_guard() -> None:
    """The scans themselves: a raised literal is found, and the marked messages include known ones."""
    tree = ast.parse('raise ValidationError({"x": ["Só com a decisão."]})')
    raise_node = next(node for node in ast.walk(tree) if isinstance(node, ast.Raise))
    assert isinstance(raise_node.exc, ast.Call)
    assert [ast.unparse(literal) for literal in literals(raise_node.exc.args[0])] == ["'Só com a decisão.'"]
    messages = marked_messages()
    assert "O NIF deve ter 9 algarismos." in messages
    assert len(messages) >= 40


def test_no_portuguese_text_is_raised_without_gettext() -> None:
    assert raised_untranslated() == []


@pytest.mark.parametrize("message", sorted(marked_messages()))
def test_every_marked_message_has_its_english(message: str) -> None:
    with translation.override("en"):
        assert translation.gettext(message) != message
