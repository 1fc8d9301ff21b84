"""factory-boy factories for the domain; PII values are synthetic."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from applicants.crypto import nif_index_for
from applicants.identifiers import nif_check_digit
from applicants.models import Applicant, IntakeFormRequest, Membership, Organization
from applicants.services import name_index_refresh
from applicants.tokens import intake_token_hash


def make_nif(seed: int, prefix: str = "2") -> str:
    body = f"{prefix}{seed:07d}"[:8]
    return body + str(nif_check_digit(body))


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Agência {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}@example.test")
    email = factory.SelfAttribute("username")
    is_staff = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)


class IntakeFormRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntakeFormRequest

    organization = factory.SubFactory(OrganizationFactory)
    listing_type = "ARRENDAMENTO"
    property_type = "APARTAMENTO"
    property_title = factory.Sequence(lambda n: f"T2 em Lisboa #{n}")
    property_price = Decimal("900.00")
    token_hash = factory.Sequence(lambda n: intake_token_hash(f"token-{n}"))
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))


class ApplicantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Applicant
        skip_postgeneration_save = True  # the hook writes its own rows; the applicant needs no second save

    form_request = factory.SubFactory(IntakeFormRequestFactory)
    organization = factory.SelfAttribute("form_request.organization")
    nif = factory.Sequence(lambda n: make_nif(n + 1000))
    nif_index = factory.LazyAttribute(lambda o: nif_index_for(o.nif))
    name = "Maria Santos"
    date_of_birth = dt.date(1990, 6, 15)
    email = "maria@example.com"
    phone = "+351912345678"
    consent_text_version = "test-v1"
    consent_given_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def name_words(obj: Applicant, create: bool, extracted: object, **kwargs: object) -> None:
        # As a submission writes them: a person made here is found by name as one who applied.
        if create:
            name_index_refresh(applicant=obj)
