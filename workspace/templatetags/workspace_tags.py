"""Template tags of the staff workspace."""

from __future__ import annotations

from typing import Any

from django import template

from applicants.selectors import open_items_count, organization_for_user
from screening.rules.common import format_eur, format_percent, money

register = template.Library()


@register.simple_tag(takes_context=True)
def open_items(context: dict[str, Any]) -> dict[str, int] | None:
    """The staff user's agency's open items for the admin index (``None`` outside an agency)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    organization = organization_for_user(user) if user is not None and user.is_authenticated else None
    return open_items_count(organization=organization) if organization is not None else None


# The report's figures as the PDF and the justification print them: a ratio of 0.3485 as "34,85 %", never "35 %" (the
# MEDIUM line it is below), and euros with the thousands space (blind probe c25).
@register.filter
def percent(value: Any) -> str:
    """A ratio (0.3485, "0.3485") as "34,85 %"; None as "—"."""
    return format_percent(money(value))


@register.filter
def euros(value: Any) -> str:
    """An amount (1649.73, "1649.73") as "1 649,73 €"; None as "—"."""
    return format_eur(money(value))
