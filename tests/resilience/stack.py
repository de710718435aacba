"""Real processes on loopback for the resilience drills: a Redis of the drill's own (so it can
be stopped), gunicorn, Celery workers and beat, all on this test's PostgreSQL database."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests
from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
DRILL_REDIS_PORT = 6390


def free_port(preferred: int | None = None) -> int:
    if preferred:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", preferred)) != 0:
                return preferred
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The test database this process uses, for the processes the drill starts."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    return f"postgres://{db.get('USER') or 'postgres'}{password}@{host}:{port}/{db['NAME']}"


def say(message: str) -> None:
    """Drills print what they do and count (run with -s to see it as it happens)."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def wait_until(check, *, timeout: float, every: float = 0.2, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"Gave up waiting for {what} after {timeout} s")


class Stack:
    def __init__(self, folder: Path):
        self.folder = folder
        (folder / "files").mkdir(parents=True, exist_ok=True)
        (folder / "redis").mkdir(exist_ok=True)
        self.redis_port = free_port(DRILL_REDIS_PORT)
        self.web_port = free_port()
        self.processes: dict[str, subprocess.Popen] = {}
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.resilience.stack_settings",
            "DATABASE_URL": database_url(),
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "PEEL_FILES_DIR": str(folder / "files"),
            "PYTHONUNBUFFERED": "1",
        }
        self.base = f"http://127.0.0.1:{self.web_port}"

    def _start(self, name: str, command: list[str]) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        self.processes[name] = process
        return process

    # Redis ----------------------------------------------------------------------------------

    def redis_up(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.redis_port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start_redis(self) -> None:
        # Append-only file with fsync on every write: tasks already handed to Redis survive a
        # restart, as they must in production (docs/OPERATIONS.md).
        command = ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "yes", "--appendfsync", "always"]
        command += ["--dir", str(self.folder / "redis")]
        self._start("redis", command)
        wait_until(self.redis_up, timeout=10, what="Redis")

    def stop_redis(self) -> None:
        self.stop("redis")

    # Web, workers, beat ---------------------------------------------------------------------

    def start_web(self, *, workers: int = 2, threads: int = 4) -> subprocess.Popen:
        command = [str(BIN / "gunicorn"), "config.wsgi:application"]
        command += ["-b", f"127.0.0.1:{self.web_port}", "-w", str(workers)]
        command += ["--worker-class", "gthread", "--threads", str(threads), "--timeout", "60"]
        process = self._start("web", command)
        wait_until(lambda: self._answers("/healthz"), timeout=30, what="gunicorn")
        return process

    def _answers(self, path: str) -> bool:
        try:
            return requests.get(self.base + path, timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def web_worker_pids(self) -> set[int]:
        master = self.processes["web"].pid
        command = ["ps", "-o", "pid=", "--ppid", str(master)]
        out = subprocess.run(command, capture_output=True, text=True).stdout  # noqa: S603
        return {int(pid) for pid in out.split()}

    def start_worker(self, name: str = "worker") -> subprocess.Popen:
        command = [str(BIN / "celery"), "-A", "config", "worker", "--pool=solo", "-n"]
        command += [f"{name}-{self.redis_port}@%h", "--without-gossip", "--without-mingle"]
        command += ["-l", "info"]
        return self._start(name, command)

    def start_beat(self) -> subprocess.Popen:
        schedule = str(self.folder / "beat-schedule")
        command = [str(BIN / "celery"), "-A", "config", "beat", "-l", "info", "-s", schedule]
        return self._start("beat", command)

    def stop(self, name: str, sig: int = signal.SIGTERM) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        process.send_signal(sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop_all(self) -> None:
        for name in [n for n in self.processes if n != "redis"]:
            self.stop(name)
        self.stop("redis")

    # Signed-in browsers ---------------------------------------------------------------------

    def browser(self, user) -> "Browser":
        return Browser(self.base, session_cookie(user))


def session_cookie(user) -> str:
    """A real session in the database for `user` (two-step sign-in passed where needed)."""
    from people.mfa import mfa_required
    from tests.conftest import verify_second_factor

    client = Client()
    client.force_login(user)
    if mfa_required(user):
        verify_second_factor(client, user)
    return client.cookies["sessionid"].value


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """A signed-in person using the site over HTTP, as a browser would."""

    def __init__(self, base: str, session: str):
        self.base = base
        self.http = requests.Session()
        self.http.cookies.set("sessionid", session)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.http.get(self.base + path, timeout=30, allow_redirects=False, **kwargs)

    def post(self, path: str, data: dict, *, form_page: str) -> requests.Response:
        page = self.get(form_page)
        token = CSRF_INPUT.search(page.text)
        assert token, f"no form on {form_page} ({page.status_code})"
        data = {**data, "csrfmiddlewaretoken": token.group(1)}
        headers = {"Referer": self.base + form_page}
        return self.http.post(
            self.base + path, data=data, headers=headers, timeout=30, allow_redirects=False
        )
