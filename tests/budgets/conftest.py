"""Query budgets: every list, detail page and API endpoint costs the same number of queries
with 1 row as with 50, and at most 10 (issue 12)."""

import pytest

from tests.utils import queries_for

BUDGET = 10


@pytest.fixture
def flat():
    """flat(client, url, make, **params): `make(n)` adds n rows the page shows; the page must
    cost the same with 1 as with 50, within the budget. Returns the count. A figures page
    passes `count=build_queries_for` to measure its figures counted, not from the cache."""

    def check(client, url, make, budget=BUDGET, count=queries_for, **params):
        make(1)
        one = count(client, url, **params)
        make(49)
        fifty = count(client, url, **params)
        assert one == fifty, f"{url}: {one} queries with 1 row, {fifty} with 50"
        assert fifty <= budget, f"{url}: {fifty} queries, budget {budget}"
        return fifty

    return check
