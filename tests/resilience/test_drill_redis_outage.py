"""Drill 2: the drill's Redis stopped for 30 s while people browse and ask for reports: no
5xx on any page, every request answered, and every report asked for is built once Redis is
back (the outbox holds what could not be sent)."""

import time
from datetime import date

import pytest
from auditlog.models import LogEntry

from core.models import OutboxMessage
from reports import periods
from reports.models import ReportRun, RunStatus
from tests.reports.slow_report import KEY as SLOW
from tests.resilience.browsing import Browsing, cast_for_drills
from tests.resilience.stack import say, wait_until

pytestmark = pytest.mark.resilience
OUTAGE = 30


def _ask(browser, period):
    page = f"/reports/{SLOW}/"
    data = {"period": period.key, "pause": "0"}
    return browser.post(f"/reports/{SLOW}/run/", data, form_page=page).status_code


def _all_built(expected: int):
    runs = ReportRun.objects.filter(report_type=SLOW)
    done = runs.filter(status=RunStatus.SUCCEEDED).count()
    return done == expected == runs.count()


def test_drill_2_redis_away_for_30_seconds_loses_nothing(stack):
    users = cast_for_drills()
    stack.start_web()
    stack.start_worker()
    stack.start_beat()
    asker = stack.browser(users["benefits analyst"])
    months = periods.recent("month", date.today())
    browsing = Browsing(stack, users).start()
    asked = [_ask(asker, months[0]), _ask(asker, months[1])]

    stack.stop_redis()
    down = time.monotonic()
    say(f"drill 2: Redis stopped; browsing on and asking for reports for {OUTAGE} s")
    for step, period in enumerate(months[2:7], start=1):
        asked.append(_ask(asker, period))
        time.sleep(max(0, down + step * OUTAGE / 5 - time.monotonic()))
    pending = OutboxMessage.objects.filter(dispatched_at__isnull=True).count()
    stack.start_redis()
    up = time.monotonic()
    say(f"drill 2: Redis back after {up - down:.1f} s; {pending} outbox messages were waiting")
    asked.append(_ask(asker, months[7]))
    time.sleep(5)
    browsing.stop()

    wait_until(lambda: _all_built(len(months)), timeout=180, every=1, what="every run built")
    built = time.monotonic()
    _, during, after = browsing.phases(down, up)
    successes = LogEntry.objects.filter(additional_data__action="reports.run.succeeded").count()
    say(
        f"drill 2: page answers while Redis was away {dict(during)}, after {dict(after)}; "
        f"report requests answered {asked}; runs built {len(months)} of {len(asked)} asked "
        f"(succeeded entries {successes}), last one {built - up:.1f} s after Redis returned; "
        f"outbox still pending {OutboxMessage.objects.filter(dispatched_at__isnull=True).count()}"
    )
    assert pending > 0  # the outbox really did hold work while Redis was away
    assert all(status == 302 for status in asked)
    assert sum(during.values()) > 0 and set(during) == {200}
    assert set(browsing.tally()) == {200}
    assert successes == len(months)
