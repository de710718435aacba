"""A web worker loads every URL as it starts (not on its first request) and leaves matplotlib,
which only report builds draw with, unloaded."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys
import config.wsgi
print('reports.views' in sys.modules, 'matplotlib' in sys.modules)
"""


def test_a_worker_starts_with_its_urls_loaded_and_without_matplotlib():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "False"]
