"""A report type for tests only: audience benefits analysts (so the board pack is out of
their scope), and a section that can take a few seconds (so a worker can be killed mid-run).
Registered on import: by tests/reports/conftest.py and, in worker processes, through the
PEEL_REPORT_MODULES setting in tests/reports/worker_settings.py."""

import time

from people.roles import Role
from reports.registry import Option, ReportType, Section, Table, register

KEY = "test-slow"


def slow_section(period, parameters):
    pause = float(parameters["pause"])
    deadline = time.monotonic() + pause
    while time.monotonic() < deadline:
        time.sleep(0.1)
    table = Table(
        caption="Days in the period",
        columns=["Period", "Days"],
        rows=[[period.label, (period.end - period.start).days + 1]],
    )
    return [Section("days", "Days", [table], notes=["A test section."])]


SLOW = register(
    ReportType(
        key=KEY,
        title="Test report for benefits analysts",
        description="Used by the tests only.",
        audience=Role.BENEFITS_ANALYST,
        run_roles=(Role.BENEFITS_ANALYST,),
        period_kind="month",
        sections=(slow_section,),
        options={"pause": Option("Pause", (("0", "none"), ("6", "six seconds")), "0")},
    )
)
