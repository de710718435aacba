"""The board paper's promotion table (§56), as published, for demo data and tests.

The paper gives counts only for all applicants; for women and ethnic minority groups it gives
rates. `plan_process` finds group sizes near a typical share whose success counts round to the
published rates, so demo records reproduce the table.
"""

from dataclasses import dataclass

from people.models import Rank
from performance.models import Season

R = Rank


@dataclass(frozen=True)
class PaperProcess:
    from_rank: str
    to_rank: str
    season: str
    year: int
    applicants: int
    successful: int
    female_rate: int  # per cent, as published
    minority_rate: int


PROMOTIONS = [
    PaperProcess(R.SUPERINTENDENT, R.CHIEF_SUPERINTENDENT, Season.SPRING, 2020, 11, 3, 20, 0),
    PaperProcess(R.SUPERINTENDENT, R.CHIEF_SUPERINTENDENT, Season.SUMMER, 2021, 13, 6, 71, 100),
    PaperProcess(R.CHIEF_INSPECTOR, R.SUPERINTENDENT, Season.AUTUMN, 2020, 45, 14, 53, 17),
    PaperProcess(R.CHIEF_INSPECTOR, R.SUPERINTENDENT, Season.SUMMER, 2021, 33, 18, 70, 75),
    PaperProcess(R.INSPECTOR, R.CHIEF_INSPECTOR, Season.AUTUMN, 2020, 74, 22, 27, 47),
    PaperProcess(R.INSPECTOR, R.CHIEF_INSPECTOR, Season.AUTUMN, 2021, 68, 29, 50, 47),
    PaperProcess(R.SERGEANT, R.INSPECTOR, Season.AUTUMN, 2020, 103, 28, 30, 44),
    PaperProcess(R.SERGEANT, R.INSPECTOR, Season.SUMMER, 2021, 165, 65, 43, 50),
    PaperProcess(R.CONSTABLE, R.SERGEANT, Season.SPRING, 2020, 120, 44, 42, 15),
    PaperProcess(R.CONSTABLE, R.SERGEANT, Season.WINTER, 2020, 109, 88, 88, 89),
    PaperProcess(R.CONSTABLE, R.SERGEANT, Season.SPRING, 2021, 191, 124, 69, 70),
]
PAPER_TOTAL_APPLICANTS = 932
PAPER_TOTAL_SUCCESSFUL = 441
SEASON_MONTH = {Season.SPRING: 3, Season.SUMMER: 6, Season.AUTUMN: 9, Season.WINTER: 12}
FEMALE_SHARE = 0.30
MINORITY_SHARE = 0.15


@dataclass(frozen=True)
class Plan:
    """How many applicants (and successes) are women, ethnic minority men, and the others."""

    female: tuple[int, int]
    minority: tuple[int, int]
    other: tuple[int, int]


def _best_group(size: int, rate: int, share: float, room: int, successes: int) -> tuple[int, int]:
    """(applicants, successful) near `share` of `size` whose success rate rounds to `rate`,
    leaving the rest of the `room` applicants able to hold the rest of the `successes`."""
    target = max(1, round(size * share))
    options = [
        (n, round(n * rate / 100))
        for n in range(1, min(room, target + 12) + 1)
        if 0 <= successes - round(n * rate / 100) <= room - n
    ]
    return min(
        options,
        key=lambda o: (round(o[1] / o[0] * 100) != rate, abs(o[0] - target)),
    )


def plan_process(p: PaperProcess) -> Plan:
    n, s = p.applicants, p.successful
    female = _best_group(n, p.female_rate, FEMALE_SHARE, n, s)
    room, left = n - female[0], s - female[1]
    minority = _best_group(n, p.minority_rate, MINORITY_SHARE, room, left)
    return Plan(female, minority, (room - minority[0], left - minority[1]))
