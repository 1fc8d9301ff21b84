"""docs/api.md and the generated OpenAPI schema describe the same API.

The document is the contract clients read; the schema is what the code
serves. Both directions fail: a path, method or enumeration value added in
code without its documentation, or documented without code.

Conventions the document keeps so this test can read it:

- every endpoint is one Markdown heading whose text is the backticked full
  path with its method, e.g. ``### `GET /api/v1/applicants/{id}` ``; path
  parameter names are free (``{id}``, ``{applicant_id}`` compare equal);
- the ``## Enumerations`` section has one list item per enumeration,
  ``- label: `VALUE`, `VALUE`, ...``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.urls import resolve
from drf_spectacular.generators import SchemaGenerator

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
# The schema does not describe itself: these two are documented but never in it.
SERVED_OUTSIDE_THE_SCHEMA = {("GET", "/api/v1/schema"), ("GET", "/api/v1/docs")}

ENDPOINT_HEADING = re.compile(r"^#{1,6}\s+`(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(/[^`\s]*)`\s*$")
PATH_PARAMETER = re.compile(r"\{[^}/]+\}")
ENUM_ITEM = re.compile(r"^[-*]\s+(?P<label>[^:]+):(?P<values>.*)$")
BACKTICKED = re.compile(r"`([^`]+)`")


def normalized(path: str) -> str:
    return PATH_PARAMETER.sub("{}", path.rstrip("/") or "/")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.fixture(scope="module")
def doc_lines() -> list[str]:
    return API_DOC.read_text(encoding="utf-8").splitlines()


def documented_endpoints(lines: list[str]) -> list[tuple[str, str]]:
    endpoints = []
    for line in lines:
        match = ENDPOINT_HEADING.match(line.strip())
        if match:
            endpoints.append((match.group(1), normalized(match.group(2))))
    return endpoints


def schema_endpoints(schema: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (method.upper(), normalized(path))
        for path, operations in schema["paths"].items()
        for method in operations
        if method in HTTP_METHODS
    }


def section(lines: list[str], title: str) -> list[str]:
    """The lines under ``## <title>`` up to the next heading of level 1 or 2."""
    inside, found = False, []
    for line in lines:
        if re.match(r"^#{1,2}\s", line):
            inside = line.lstrip("#").strip().lower() == title.lower()
            continue
        if inside:
            found.append(line)
    return found


def documented_enumerations(lines: list[str]) -> dict[str, frozenset[str]]:
    enumerations = {}
    for line in section(lines, "Enumerations"):
        match = ENUM_ITEM.match(line.strip())
        if match:
            values = frozenset(BACKTICKED.findall(match.group("values")))
            if values:
                enumerations[match.group("label").strip()] = values
    return enumerations


def enum_lists(node: Any) -> Iterator[list[Any]]:
    """Every ``enum`` list anywhere in the schema: components, parameters, inline."""
    if isinstance(node, dict):
        if isinstance(node.get("enum"), list):
            yield node["enum"]
        for value in node.values():
            yield from enum_lists(value)
    elif isinstance(node, list):
        for value in node:
            yield from enum_lists(value)


def schema_enumerations(schema: dict[str, Any]) -> set[frozenset[str]]:
    # drf-spectacular's NullEnum ([null]) and BlankEnum ([""]) mark a nullable or blank-allowed
    # choice; neither has a value to document.
    groups = (frozenset(str(value) for value in values if value not in (None, "")) for values in enum_lists(schema))
    return {group for group in groups if group}


def test_the_document_reads_as_expected(doc_lines: list[str]) -> None:
    """Guards the parsing itself: an unreadable document would compare as empty."""
    assert len(documented_endpoints(doc_lines)) >= 10
    assert len(documented_enumerations(doc_lines)) >= 5


def test_every_endpoint_is_documented_once(doc_lines: list[str]) -> None:
    repeated = [endpoint for endpoint, count in Counter(documented_endpoints(doc_lines)).items() if count > 1]
    assert repeated == [], f"documented more than once in docs/api.md: {repeated}"


def test_the_document_lists_exactly_the_paths_and_methods_the_code_serves(
    schema: dict[str, Any], doc_lines: list[str]
) -> None:
    served = schema_endpoints(schema) | SERVED_OUTSIDE_THE_SCHEMA
    documented = set(documented_endpoints(doc_lines))
    assert sorted(served - documented) == [], "served by the code but missing from docs/api.md"
    assert sorted(documented - served) == [], "in docs/api.md but not served by the code"


@pytest.mark.parametrize(("method", "path"), sorted(SERVED_OUTSIDE_THE_SCHEMA))
def test_schema_and_swagger_routes_exist(method: str, path: str) -> None:
    assert resolve(path).url_name in {"schema", "swagger-ui"}


def test_every_enumeration_value_is_documented_and_every_documented_value_exists(
    schema: dict[str, Any], doc_lines: list[str]
) -> None:
    in_schema = schema_enumerations(schema)
    in_doc = documented_enumerations(doc_lines)
    schema_values = set().union(*in_schema)
    doc_values = set().union(*in_doc.values())
    assert sorted(schema_values - doc_values) == [], "enumeration values in the schema, not in docs/api.md"
    assert sorted(doc_values - schema_values) == [], "enumeration values in docs/api.md, not in the schema"
    # Same values are not enough: a value moved from one enumeration to
    # another (e.g. EXPIRED added to the applicant status) must show too.
    undocumented = [sorted(group) for group in in_schema if group not in set(in_doc.values())]
    assert undocumented == [], "schema enumerations with no identical line in docs/api.md"
    unserved = {label: sorted(values) for label, values in in_doc.items() if values not in in_schema}
    assert unserved == {}, "docs/api.md enumerations with no identical enumeration in the schema"


def test_the_checks_shown_to_staff_without_personal_data_are_the_ones_the_document_lists() -> None:
    """The document listed 7 of the 11 checks whose ``value`` staff without ``view_pii`` see (cases probe 10 read
    ``authenticity.document``'s severity and took it for a leak)."""
    from applicants.masking import CHECKS_WITHOUT_PERSONAL_VALUES

    text = API_DOC.read_text()
    start = text.index("in the report's `checks` a `value` and")
    listed = re.findall(r"`([a-z]+\.[a-z_]+)`", text[start : text.index("): the NIF, name", start)])
    assert set(listed) == CHECKS_WITHOUT_PERSONAL_VALUES
