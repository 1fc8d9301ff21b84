"""`.env.example` lists every environment variable `config/` reads, and nothing else.

The names are read from the source with ``ast`` (no settings are imported):
calls to the readers in ``config/env.py`` (``env_str("X", ...)`` and its
siblings, found by parsing that module, so a new reader is covered without
editing this test), ``os.environ.get("X")``, ``os.environ["X"]`` and
``os.getenv("X")``. A reader that also looks at ``f"{name}_FILE"`` (secrets
mounted as files) adds ``X_FILE`` for each name it reads.

``.env.example`` documents a name with a ``# X=value`` line (commented or
not); ``X_FILE`` counts as documented when the ``X`` line mentions
``_FILE``. ``os.environ.setdefault`` is a write (the settings module path
for Django and Celery), not a setting, and is not counted.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "config"
ENV_EXAMPLE = ROOT / ".env.example"

ASSIGNMENT_LINE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=(.*)$")


def env_readers(env_module: Path) -> dict[str, tuple[str, ...]]:
    """Reader function name -> the suffixes it also reads (``f"{name}_FILE"`` gives ``_FILE``)."""
    readers: dict[str, tuple[str, ...]] = {}
    for node in ast.parse(env_module.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.FunctionDef) or node.name.startswith("_") or not node.args.args:
            continue
        parameter = node.args.args[0].arg
        suffixes = []
        for inner in ast.walk(node):
            read = environment_key(inner)
            if (
                isinstance(read, ast.JoinedStr)
                and len(read.values) == 2
                and isinstance(read.values[0], ast.FormattedValue)
                and isinstance(read.values[0].value, ast.Name)
                and read.values[0].value.id == parameter
                and isinstance(read.values[1], ast.Constant)
                and re.fullmatch(r"[A-Z0-9_]+", str(read.values[1].value))
            ):
                suffixes.append(str(read.values[1].value))
        readers[node.name] = tuple(suffixes)
    return readers


def is_os_environ(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def environment_key(node: ast.AST) -> ast.expr | None:
    """The key expression of ``os.environ.get(k)``, ``os.getenv(k)`` or ``os.environ[k]``; else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        is_get = node.func.attr == "get" and is_os_environ(node.func.value)
        is_getenv = node.func.attr == "getenv" and isinstance(node.func.value, ast.Name) and node.func.value.id == "os"
        if is_get or is_getenv:
            return first_argument(node)
    if isinstance(node, ast.Subscript) and is_os_environ(node.value) and isinstance(node.ctx, ast.Load):
        return node.slice
    return None


def called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def first_argument(call: ast.Call) -> ast.expr | None:
    if call.args:
        return call.args[0]
    return next((keyword.value for keyword in call.keywords if keyword.arg in {"name", "key"}), None)


@dataclass
class Reads:
    names: set[str] = field(default_factory=set)
    # Reads whose variable name is not a literal: this test cannot check them.
    unresolved: list[str] = field(default_factory=list)

    def add(self, node: ast.expr | None, where: str, suffixes: tuple[str, ...] = ()) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            self.names.add(node.value)
            self.names.update(node.value + suffix for suffix in suffixes)
        else:
            self.unresolved.append(where)


def environment_reads(config_dir: Path) -> Reads:
    env_module = config_dir / "env.py"
    readers = env_readers(env_module)
    reads = Reads()
    for path in sorted(config_dir.rglob("*.py")):
        if path == env_module:
            # The readers take the name as a parameter; their callers are what counts.
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
            reader = called_name(node) if isinstance(node, ast.Call) else None
            if isinstance(node, ast.Call) and reader in readers:
                reads.add(first_argument(node), where, readers[reader])
            elif (key := environment_key(node)) is not None:
                reads.add(key, where)
    return reads


def documented_names(example: Path) -> set[str]:
    names = set()
    for line in example.read_text(encoding="utf-8").splitlines():
        match = ASSIGNMENT_LINE.match(line.strip())
        if match:
            names.add(match.group(1))
            if "_FILE" in match.group(2):
                names.add(f"{match.group(1)}_FILE")
    return names


def test_the_source_reading_finds_the_known_settings() -> None:
    """Guards the parsing itself: a reader that finds nothing would pass vacuously."""
    reads = environment_reads(CONFIG)
    assert {"DJANGO_ENV", "SECRET_KEY", "SECRET_KEY_FILE", "CELERY_BROKER_URL", "SQLA_POLLING_INTERVAL"} <= reads.names
    assert env_readers(CONFIG / "env.py")["env_secret"] == ("_FILE",)


def test_every_environment_read_in_config_names_its_variable_literally() -> None:
    assert environment_reads(CONFIG).unresolved == []


def test_every_variable_config_reads_is_in_env_example() -> None:
    missing = sorted(environment_reads(CONFIG).names - documented_names(ENV_EXAMPLE))
    assert missing == [], f"read in config/ but missing from .env.example: {missing}"


def test_env_example_lists_only_variables_config_reads() -> None:
    unread = sorted(documented_names(ENV_EXAMPLE) - environment_reads(CONFIG).names)
    assert unread == [], f"in .env.example but never read in config/: {unread}"
