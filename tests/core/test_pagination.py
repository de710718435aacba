from datetime import date

import pytest

from core.pagination import keyset_paginate
from people.models import User
from tests.factories import UserFactory


@pytest.fixture
def fifty(db):
    return [
        UserFactory(staff_number=f"P{n:03d}", last_name=f"Name{n % 7}", start_date=date(2020, 1, 1))
        for n in range(50)
    ]


def test_it_walks_every_row_once_forwards_and_back(fifty):
    qs = User.objects.all()
    ordering = ("last_name", "id")
    seen, cursor, pages = [], None, []
    while True:
        page = keyset_paginate(qs, ordering=ordering, cursor=cursor, per_page=8)
        pages.append(page)
        seen.extend(u.pk for u in page)
        if not page.has_next:
            break
        cursor = page.next_cursor
    expected = list(qs.order_by(*ordering).values_list("pk", flat=True))
    assert seen == expected
    assert not pages[0].has_previous
    back = keyset_paginate(qs, ordering=ordering, cursor=pages[2].previous_cursor, per_page=8)
    assert [u.pk for u in back] == [u.pk for u in pages[1]]


def test_it_treats_a_tampered_cursor_as_the_first_page(fifty):
    page = keyset_paginate(
        User.objects.all(), ordering=("last_name", "id"), cursor="not-a-cursor", per_page=5
    )
    assert [u.pk for u in page] == list(
        User.objects.order_by("last_name", "id").values_list("pk", flat=True)[:5]
    )


def test_it_uses_one_query_per_page(fifty, django_assert_num_queries):
    first = keyset_paginate(User.objects.all(), ordering=("-id",), per_page=10)
    with django_assert_num_queries(1):
        keyset_paginate(
            User.objects.all(), ordering=("-id",), cursor=first.next_cursor, per_page=10
        )
