"""Signed-in people browsing pages in the background while a drill breaks something, and
a tally of what they got back."""

import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import requests

from people.roles import Role
from tests.factories import UserFactory
from tests.reports.slow_report import KEY as SLOW

# Three roles and the pages each uses most.
ROLES = {
    "recruitment officer": (
        Role.RECRUITMENT_OFFICER,
        ["/", "/recruitment/eois/", "/recruitment/figures/"],
    ),
    "welfare officer": (Role.WELFARE_OFFICER, ["/", "/welfare/cases/", "/welfare/dashboard/"]),
    "benefits analyst": (
        Role.BENEFITS_ANALYST,
        ["/", "/programmes/", "/programmes/benefits/", "/reports/", f"/reports/{SLOW}/"],
    ),
}


def cast_for_drills() -> dict:
    """One user per role, made in the test database the stack shares."""
    return {
        name: UserFactory(staff_number=name.split()[0][:8] + "-d", roles=[role])
        for name, (role, _) in ROLES.items()
    }


@dataclass
class Hit:
    started: float
    ended: float
    path: str
    status: int  # 0 when no answer came back at all


@dataclass
class Browsing:
    stack: object
    users: dict
    hits: list[Hit] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def _loop(self, browser, paths):
        while not self._stop.is_set():
            for path in paths:
                started = time.monotonic()
                try:
                    status = browser.get(path).status_code
                except requests.RequestException:
                    status = 0
                self.hits.append(Hit(started, time.monotonic(), path, status))
            time.sleep(0.05)

    def start(self) -> "Browsing":
        self.threads = [
            threading.Thread(
                target=self._loop, args=(self.stack.browser(user), ROLES[name][1]), daemon=True
            )
            for name, user in self.users.items()
        ]
        for thread in self.threads:
            thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def tally(self) -> Counter:
        return Counter(h.status for h in self.hits)

    def phases(self, down: float, up: float) -> tuple[Counter, Counter, Counter]:
        """Answers to requests over before `down`, begun after `up`, and the rest (during)."""
        before = Counter(h.status for h in self.hits if h.ended < down)
        after = Counter(h.status for h in self.hits if h.started >= up)
        during = self.tally() - before - after
        return before, during, after
