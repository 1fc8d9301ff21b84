"""Querysets compiled once per thread (applicants/prepared.py): the same objects as the ORM, in one query."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from rest_framework.authtoken.models import Token

from applicants.models import Membership
from applicants.prepared import PreparedQuery
from applicants.services import AgencyCredentials
from tests.factories import UserFactory


def token_with_agency() -> PreparedQuery[Token]:
    return PreparedQuery(lambda key: Token.objects.select_related("user__membership__organization").filter(key=key))


def fields_of(obj: Any) -> dict[str, Any]:
    return {name: value for name, value in vars(obj).items() if not name.startswith("_")}


def test_it_loads_what_select_related_loads_in_one_query(
    alice: AgencyCredentials, bob: AgencyCredentials, django_assert_num_queries: Any
) -> None:
    prepared = token_with_agency()
    for agency in (alice, bob, alice):  # compiled once, then only the value changes
        expected = Token.objects.select_related("user__membership__organization").get(key=agency.token)
        with django_assert_num_queries(1):
            token = prepared.first(agency.token)
            assert token is not None
            organization = token.user.membership.organization
        assert fields_of(token) == fields_of(expected)
        assert fields_of(token.user) == fields_of(expected.user)
        assert fields_of(token.user.membership) == fields_of(expected.user.membership)  # type: ignore[attr-defined]
        assert fields_of(organization) == fields_of(expected.user.membership.organization)  # type: ignore[attr-defined]
        assert organization.pk == agency.organization.pk


def test_an_unknown_value_is_none_and_a_missing_relation_is_known_missing(
    alice: AgencyCredentials, django_assert_num_queries: Any
) -> None:
    prepared = token_with_agency()
    assert prepared.first("no-such-token") is None
    loner = Token.objects.create(user=UserFactory())
    with django_assert_num_queries(1):
        token = prepared.first(loner.key)
        assert token is not None
        assert not hasattr(token.user, "membership")
    assert not Membership.objects.filter(user=token.user).exists()


@pytest.mark.django_db(transaction=True)  # the other threads read what this one committed
def test_each_thread_compiles_its_own_and_gets_its_own_answer(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    prepared = token_with_agency()
    keys = {"alice": alice.token, "bob": bob.token}
    answers: dict[str, Any] = {}

    def lookup(name: str) -> None:
        try:
            for _ in range(20):
                token = prepared.first(keys[name])
                answers.setdefault(name, set()).add(token.user.membership.organization.name if token else None)  # type: ignore[attr-defined]
        finally:
            from django.db import connection

            connection.close()

    threads = [threading.Thread(target=lookup, args=(name,)) for name in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == {"alice": {"Imobiliária Alice"}, "bob": {"Imobiliária Bob"}}


def test_a_query_whose_shape_would_depend_on_the_value_is_refused(db: Any) -> None:
    twice = PreparedQuery(lambda key: Token.objects.filter(key=key) | Token.objects.filter(user__username=key))
    with pytest.raises(ImproperlyConfigured):
        twice.first("x")
