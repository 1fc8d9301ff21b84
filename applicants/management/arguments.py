"""Argument types every app's shell commands share (``workspace/management/arguments.py`` holds the workspace's)."""

from __future__ import annotations

import argparse


def positive_int(value: str) -> int:
    """A count such as ``--limit`` or ``--batch-size``: a whole number of at least 1.

    ``cleanup_storage --limit -1`` ended in ``ValueError: Negative indexing is not supported`` (blind probe r58a,
    F7); argparse now says what is wrong and exits with status 2, as for any bad argument.
    """
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is not a positive number: give 1 or more")
    return number
