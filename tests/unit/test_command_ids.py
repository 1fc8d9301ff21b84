"""The shell commands taking an applicant's id say what is wrong with one cut short (the admin shows 8 characters)
instead of printing Django's traceback (cases probe 11)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command


@pytest.mark.parametrize("command", ["rescreen", "export_applicant"])
def test_an_id_cut_short_is_refused_with_what_to_give(command: str) -> None:
    with pytest.raises(CommandError, match="full UUID"):
        call_command(command, "28783fd6")


@pytest.mark.django_db
@pytest.mark.parametrize("command", ["rescreen", "export_applicant"])
def test_a_whole_id_of_nobody_is_no_such_applicant(command: str) -> None:
    """Guard (passes before and after): a well-formed id that names nobody."""
    with pytest.raises(CommandError, match="no such applicant"):
        call_command(command, "3f2c1e9a-0b7d-4c55-9a1e-2b6d8f0c4a11")
