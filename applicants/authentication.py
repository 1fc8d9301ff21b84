"""Token authentication that loads the user's agency in the same query."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

from applicants.prepared import PreparedQuery

# Every staff request runs it: compiled once per thread (applicants/prepared.py).
_token_with_agency = PreparedQuery(
    lambda key: Token.objects.select_related("user__membership__organization").filter(key=key)
)


class AgencyTokenAuthentication(TokenAuthentication):
    """DRF's token auth, plus ``user.membership.organization`` joined in.

    Every staff request needs the agency (tenancy); fetching it with the token
    saves two queries per request. Tokens expire ``STAFF_TOKEN_TTL_DAYS`` after
    they were created; deleting one in admin revokes it at once. Its messages go through the
    project's catalogue (docs/api.md: pt-PT unless ``Accept-Language: en``).
    """

    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        token = _token_with_agency.first(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        if token.created < timezone.now() - dt.timedelta(days=settings.STAFF_TOKEN_TTL_DAYS):
            raise exceptions.AuthenticationFailed(_("Token expired: ask an administrator for a new one."))
        return token.user, token
