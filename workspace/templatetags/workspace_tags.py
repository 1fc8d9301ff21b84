"""Template tags of the staff workspace."""

from __future__ import annotations

from typing import Any

from django import template

from applicants.selectors import open_items_count, organization_for_user

register = template.Library()


@register.simple_tag(takes_context=True)
def open_items(context: dict[str, Any]) -> dict[str, int] | None:
    """The staff user's agency's open items for the admin index (``None`` outside an agency)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    organization = organization_for_user(user) if user is not None and user.is_authenticated else None
    return open_items_count(organization=organization) if organization is not None else None
