"""Arguments the shell commands share."""

from __future__ import annotations

import argparse
import uuid


def full_uuid(value: str) -> uuid.UUID:
    """An id as a command takes it: the whole UUID. The admin's lists show ids cut to 8 characters, and one typed
    from there answered with Django's 30-line traceback (cases probe 11); argparse says what is wrong instead."""
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a whole id: give the full UUID (36 characters, as in the admin's address bar)"
        ) from None
