"""Mail plumbing: the embedded default writes each message as an ``.eml`` file under ``DATA_DIR/mail/``.

Django's file backend appends messages to ``.log`` files named by time; one
``.eml`` file per message opens in any mail client and is easy for a test
(or a person running ``make run``) to find and read.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage
from django.utils import timezone


class EmlFileBackend(BaseEmailBackend):
    """One RFC 5322 ``.eml`` file per message in ``EMAIL_FILE_PATH``."""

    def __init__(self, *args: Any, file_path: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.directory = Path(file_path or settings.EMAIL_FILE_PATH)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        self.directory.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            name = f"{timezone.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:12]}.eml"
            (self.directory / name).write_bytes(message.message().as_bytes(linesep="\n"))
            sent += 1
        return sent
