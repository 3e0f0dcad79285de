"""Concurrent duplicate signups of one address yield one row and no error (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from tests.newsletter_utils import SIGNUP_URL, signup_data
from wagtail_career.newsletter.models import Subscription


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs real concurrent writers: run with DATABASE_URL pointing at PostgreSQL",
)
def test_twenty_concurrent_signups_make_one_row(career_index, settings):
    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 100
    barrier = threading.Barrier(20)
    statuses, errors = [], []

    def sign_up(n):
        try:
            barrier.wait()
            response = Client().post(
                SIGNUP_URL, signup_data(email="Lea@Example.com" if n % 2 else "lea@example.com")
            )
            statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001 - any error fails the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert statuses == [200] * 20
    assert Subscription.objects.filter(email__iexact="lea@example.com").count() == 1


def test_the_database_refuses_a_case_variant_duplicate(career_index):
    from django.db import IntegrityError
    from django.utils import timezone
    from wagtail.models import Site

    fields = {
        "site": Site.objects.get(),
        "language": "fr",
        "consent_text": "…",
        "consent_given_at": timezone.now(),
    }
    Subscription.objects.create(email="lea@example.com", **fields)
    with pytest.raises(IntegrityError):
        Subscription.objects.create(email="LEA@example.com", **fields)
