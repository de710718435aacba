"""The admin's change lists of the big tables never COUNT(*) the whole table: an unfiltered
list shows PostgreSQL's estimate as "about N"; a filtered list is counted exactly."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import pagination
from core.pagination import EstimatedCountPaginator
from people.models import User
from tests.factories import UserFactory

BIG_TABLES = [
    "recruitment.expressionofinterest",
    "recruitment.eoiequality",
    "people.user",
    "people.employmentrecord",
    "people.equalitymonitoring",
    "welfare.welfarecase",
    "adjustments.passport",
    "performance.rating",
    "auditlog.logentry",
    "programmes.benefit",
]


def _model(label: str):
    from django.apps import apps

    return apps.get_model(label)


def _analyze(model) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _whole_table_counts(queries, model) -> list[str]:
    table = f'FROM "{model._meta.db_table}"'
    return [
        q["sql"]
        for q in queries
        if q["sql"].startswith("SELECT COUNT(") and table in q["sql"] and " WHERE " not in q["sql"]
    ]


@pytest.fixture
def every_table_is_big(monkeypatch):
    """Estimate from 0 rows up, so that the test database's small tables take the estimate."""
    monkeypatch.setattr(pagination, "ESTIMATE_FROM", 0)


@pytest.mark.parametrize("label", BIG_TABLES)
def test_each_big_table_admin_neither_counts_the_table_nor_shows_a_full_count(label):
    model_admin = admin.site._registry[_model(label)]
    assert model_admin.show_full_result_count is False
    assert model_admin.paginator is EstimatedCountPaginator


@pytest.mark.parametrize("label", BIG_TABLES)
def test_an_unfiltered_big_admin_list_shows_the_estimate_without_a_count(
    client_for, admin_user, every_table_is_big, label
):
    model = _model(label)
    UserFactory.create_batch(3)
    _analyze(model)
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    with CaptureQueriesContext(connection) as ctx:
        response = client_for(admin_user).get(url)
    assert response.status_code == 200
    assert _whole_table_counts(ctx.captured_queries, model) == []
    change_list = response.context["cl"]
    assert change_list.paginator.estimated
    assert f"about {change_list.result_count:,}" in response.content.decode()


def test_a_filtered_admin_list_is_counted_exactly(client_for, admin_user, every_table_is_big):
    for n in range(3):
        UserFactory(staff_number=f"Z{n}", last_name="Zebedee")
    UserFactory.create_batch(4)
    _analyze(User)
    with CaptureQueriesContext(connection) as ctx:
        response = client_for(admin_user).get("/admin/people/user/", {"q": "Zebedee"})
    assert response.status_code == 200
    change_list = response.context["cl"]
    assert change_list.result_count == 3
    assert not change_list.paginator.estimated
    assert any(q["sql"].startswith("SELECT COUNT(") for q in ctx.captured_queries)
    assert "about" not in response.content.decode().split('class="paginator"')[1]


def test_a_small_or_never_analysed_table_is_counted(db):
    UserFactory.create_batch(3)
    # Below ESTIMATE_FROM (10,000 rows): an exact count is cheap, and shown without "about".
    _analyze(User)
    paginator = EstimatedCountPaginator(User.objects.order_by("pk"), 2)
    assert paginator.count == User.objects.count()
    assert not paginator.estimated


def test_pages_past_a_low_estimate_are_empty_not_errors(db, monkeypatch):
    UserFactory.create_batch(5)
    monkeypatch.setattr(pagination, "estimated_rows", lambda model, using="default": 2)
    paginator = EstimatedCountPaginator(User.objects.order_by("pk"), 2)
    assert paginator.count == 2 and paginator.estimated
    assert len(paginator.page(1).object_list) == 2
    assert len(paginator.page(3).object_list) == min(2, max(0, User.objects.count() - 4))
    assert list(paginator.page(99).object_list) == []


def test_an_estimate_is_only_taken_for_the_whole_table(db, monkeypatch):
    monkeypatch.setattr(pagination, "estimated_rows", lambda model, using="default": 1_000_000)
    UserFactory.create_batch(3, last_name="Zebedee")
    assert EstimatedCountPaginator(User.objects.all(), 10).count == 1_000_000
    filtered = EstimatedCountPaginator(User.objects.filter(last_name="Zebedee"), 10)
    assert filtered.count == 3 and not filtered.estimated
    distinct = EstimatedCountPaginator(User.objects.distinct(), 10)
    assert distinct.count == User.objects.count()
