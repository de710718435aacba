"""The access matrix: every URL pattern, API endpoint and admin page, as every role in the cast,
anonymous visitors and an outsider in another department, against the table in table.py."""

import time

import pytest
from django.test import Client

from tests.security import world
from tests.security.matrix import admin_cases, observe, page_cases, route_names
from tests.security.table import (
    ADMIN_SIGN_IN,
    ELSEWHERE,
    READY,
    ROLES,
    SECOND_FACTOR,
    SIGN_IN,
    TABLE,
    admin_expect,
)


@pytest.fixture(autouse=True)
def _only_the_apps_own_reports(monkeypatch):
    """Other test modules register report types of their own (for other audiences); the
    matrix describes the reports the project ships, whatever else pytest imported first."""
    from reports import registry

    shipped = {
        key: report
        for key, report in registry._REGISTRY.items()
        if not any(section.__module__.startswith("tests.") for section in report.sections)
    }
    monkeypatch.setattr(registry, "_REGISTRY", shipped)


def _matches(expected, status: int, location: str) -> bool:
    redirects = {
        SIGN_IN: "/accounts/login/",
        ADMIN_SIGN_IN: "/admin/login/",
        SECOND_FACTOR: "/accounts/mfa/",
    }
    if expected in redirects:
        return status == 302 and location.startswith(redirects[expected])
    if expected == ELSEWHERE:
        return status == 302
    if expected == READY:
        return status in (200, 503)
    return status == expected


def mismatches(cast, client_for, only: str = "") -> tuple[list[str], int, float]:
    """Fetch everything (or the URL names starting `only`) as everyone; return what differs
    from the table, how many cases were checked and the seconds the requests took."""
    records = world.build(cast)
    cases = page_cases(TABLE, records) + admin_cases(records)
    cases = [case for case in cases if case.name.startswith(only)]
    clients = {"anonymous": Client()} | {role: client_for(cast[role]) for role in ROLES}
    seen, seconds = observe(clients, cases)
    urls = {case.name: case.url for case in cases}
    wrong = []
    for (role, name), (status, location) in seen.items():
        expect = admin_expect() if name.startswith("admin:") else TABLE[name]
        expected = expect.outcome(role)
        if not _matches(expected, status, location):
            wrong.append(f"{role} GET {urls[name]} ({name}): {status}, expected {expected}")
    return wrong, len(seen), seconds


def test_every_url_pattern_has_an_entry_in_the_table():
    missing = route_names() - set(TABLE)
    stale = set(TABLE) - route_names()
    assert not missing, f"add these URL names to tests/security/table.py: {sorted(missing)}"
    assert not stale, f"no longer URL names: {sorted(stale)}"


@pytest.mark.django_db
def test_every_role_gets_what_the_table_says_everywhere(cast, client_for, capsys):
    started = time.perf_counter()
    wrong, checked, seconds = mismatches(cast, client_for)
    with capsys.disabled():
        print(
            f"\naccess matrix: {checked} cases ({len(ROLES)} roles + anonymous) checked in "
            f"{seconds:.1f} s of requests, {time.perf_counter() - started:.1f} s in all"
        )
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_an_unscoped_selector_makes_the_matrix_fail(cast, client_for, monkeypatch):
    """Replace welfare's scoped case selector with one that returns every case to anyone:
    the matrix must notice."""
    from welfare import selectors
    from welfare.models import WelfareCase

    def unscoped(*, user, **kwargs):
        return WelfareCase.objects.all()

    monkeypatch.setattr(selectors, "cases_for", unscoped)
    wrong, _, _ = mismatches(cast, client_for, only="welfare:")
    leaks = [line for line in wrong if "welfare:case-detail" in line]
    assert leaks, "the matrix did not notice welfare cases open to everyone"
    assert any(line.startswith("outsider ") for line in leaks)
