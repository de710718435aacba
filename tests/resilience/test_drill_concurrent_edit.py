"""Drill 4: two people saving the same EOI at the same moment through gunicorn: exactly one
wins, the other is shown the conflict; nothing is silently overwritten."""

import re
import threading

import pytest

from people.roles import Role
from recruitment.models import ExpressionOfInterest as EOI
from tests.factories import UserFactory
from tests.recruitment.factories import EOIFactory
from tests.resilience.stack import say

pytestmark = pytest.mark.resilience
ROUNDS = 10
VERSION = re.compile(r'name="version" value="(\d+)"')


def _save_together(browsers, eoi_id):
    page = f"/recruitment/eois/{eoi_id}/"
    loaded = [VERSION.search(b.get(page).text).group(1) for b in browsers]
    barrier, results = threading.Barrier(len(browsers)), {}

    def save(index, browser):
        data = {"status": "contacted", "next_action": f"Person {index}", "version": loaded[index]}
        barrier.wait()
        results[index] = browser.post(f"{page}work/", data, form_page=page)

    threads = [threading.Thread(target=save, args=(i, b)) for i, b in enumerate(browsers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [results[i] for i in range(len(browsers))]


def test_drill_4_two_people_save_the_same_record_and_exactly_one_wins(stack):
    officers = [
        UserFactory(staff_number=f"recruit{i}", roles=[Role.RECRUITMENT_OFFICER]) for i in range(2)
    ]
    stack.start_web()
    browsers = [stack.browser(officer) for officer in officers]
    tally = {"won": 0, "conflict shown": 0}
    for _ in range(ROUNDS):
        eoi = EOIFactory()
        responses = _save_together(browsers, eoi.pk)
        codes = sorted(r.status_code for r in responses)
        assert codes == [302, 409], codes
        loser = next(r for r in responses if r.status_code == 409)
        winner = responses.index(next(r for r in responses if r.status_code == 302))
        assert "Someone else saved this record" in loser.text
        assert f"Person {winner}" in loser.text  # the winner's value is shown to the loser
        eoi = EOI.objects.get(pk=eoi.pk)
        assert eoi.next_action == f"Person {winner}" and eoi.version == 2
        tally["won"] += 1
        tally["conflict shown"] += 1
    say(f"drill 4: {ROUNDS} rounds of two simultaneous saves through gunicorn: {tally}")
