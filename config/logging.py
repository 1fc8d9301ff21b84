"""structlog on top of stdlib logging: JSON in production, readable in a terminal.

Log calls bind ids (task, applicant, document), never personal data.
"""

from __future__ import annotations

import re
from typing import Any

import structlog
from django.core.exceptions import PermissionDenied, SuspiciousOperation


def build_logging_config(*, level: str, fmt: str) -> dict[str, Any]:
    shared: list[Any] = [
        structlog.processors.format_exc_info if fmt == "json" else structlog.processors.StackInfoRenderer(),
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if fmt == "json"
        # Plain tracebacks: rich's highlighted ones take seconds per error.
        else structlog.dev.ConsoleRenderer(colors=False, exception_formatter=structlog.dev.plain_traceback)
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "redact_query": {"()": "config.logging.RedactQueryStringFilter"},
            "routine_refusal": {"()": "config.logging.RoutineRefusalWithoutTracebackFilter"},
        },
        "formatters": {
            "structured": {
                "()": structlog.stdlib.ProcessorFormatter,
                "processors": [structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
                "foreign_pre_chain": shared,
            }
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "structured",
                "filters": ["redact_query"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.server": {"handlers": ["console"], "level": level, "propagate": False},
            "django.request": {
                "handlers": ["console"],
                "level": "WARNING",
                "propagate": False,
                "filters": ["routine_refusal"],
            },
            "django.security": {
                "handlers": ["console"],
                "level": "WARNING",
                "propagate": False,
                "filters": ["routine_refusal"],
            },
            "celery": {"handlers": ["console"], "level": level, "propagate": False},
            "botocore": {"level": "WARNING"},
            "werkzeug": {"level": "WARNING"},
            "httpx": {"level": "WARNING"},
            "httpx2": {"level": "WARNING"},
            # The report PDF (workspace/report_pdf.py): seven progress lines a render at INFO.
            "weasyprint": {"level": "WARNING"},
            # PDF forensics (documents/extraction/forensics.py): a banner at import, qpdf repair notes per damaged file.
            "pikepdf": {"level": "WARNING"},
        },
    }


_QUERY = re.compile(r"\?[^\s\"']*")
_INTAKE_TOKEN = re.compile(r"/intake/[^/\s\"']+")
# Any other path segment shaped like a link's token (``secrets.token_urlsafe(32)``: 43 URL-safe characters), a UUID
# excepted: a mistyped route ("/api/v1/intakes/<token>") logged the live token in its 404 line (blind security probe
# c27), and ids are what an operator follows in the log.
_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_TOKEN_SHAPED = re.compile(rf"/(?!{_UUID}(?![\w-]))[\w-]{{32,}}", re.ASCII)


def redact(text: str) -> str:
    text = _INTAKE_TOKEN.sub("/intake/[token]", _QUERY.sub("?[redacted]", text))
    return _TOKEN_SHAPED.sub("/[token]", text)


class RedactQueryStringFilter:
    """Strip query strings and intake tokens from request lines.

    ``?nif=`` or admin ``?q=`` would log personal data, and the intake token in
    the path is the applicant's credential.
    """

    def filter(self, record: Any) -> bool:
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


class RoutineRefusalWithoutTracebackFilter:
    """Log a permission refused (a staff member opening what their role does not allow: a 403) as the one line it is,
    without the 30-line traceback Django attaches: it is the system working, and the traceback buried the errors
    that are not (e2e probe 18). The same for a request Django refuses as suspicious (a 400: an admin filter the
    model does not allow, a ``Host`` not allowed; blind security probe c27), which ``django.security`` logs. Every
    other record, a 5xx's traceback included, is left as it came."""

    def filter(self, record: Any) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], PermissionDenied | SuspiciousOperation):
            record.exc_info, record.exc_text = None, None
        return True
