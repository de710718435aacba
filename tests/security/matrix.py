"""Walk every URL pattern and fetch it as every member of the cast.

`cases()` lists (url name, url) pairs from the resolver itself, so a new view appears here
without anyone listing it; `observe()` fetches each as each role and returns what came back.
"""

import re
import time
from dataclasses import dataclass

from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse


@dataclass(frozen=True)
class Case:
    name: str
    url: str


def walk(patterns=None, namespace=""):
    """(url name, route) for every pattern, names qualified by namespace."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", str(entry.pattern)


def route_names() -> set[str]:
    """Every named non-admin route; admin pages are covered model by model below."""
    return {name for name, _ in walk() if not name.startswith("admin:")}


def _kwargs(name: str, route: str, args: dict) -> dict:
    wanted = re.findall(r"<(?:\w+:)?(\w+)>", route) + re.findall(r"\(\?P<(\w+)>", route)
    return {key: args[key] for key in wanted if key != "format"}


def page_cases(table: dict, records: dict) -> list[Case]:
    """One Case per route name, its arguments taken from the table's entry and the records."""
    seen, cases = set(), []
    for name, route in walk():
        if name.startswith("admin:") or name in seen or name not in table:
            continue
        seen.add(name)
        args = table[name].arguments(records)
        cases.append(Case(name, reverse(name, kwargs=_kwargs(name, route, args))))
    return cases


def admin_cases(records: dict) -> list[Case]:
    """Every admin changelist, and the change page of every admin model with a record."""
    cases = []
    for model in admin.site._registry:
        meta = model._meta
        base = f"admin:{meta.app_label}_{meta.model_name}"
        cases.append(Case(f"{base}_changelist", reverse(f"{base}_changelist")))
        record = model._default_manager.order_by("pk").first()
        if record is not None:
            cases.append(Case(f"{base}_change", reverse(f"{base}_change", args=[record.pk])))
    return cases


def observe(clients: dict[str, Client], cases: list[Case]) -> tuple[dict, float]:
    """{(role, url name): (status, Location)} for every case as every role, and seconds taken."""
    started = time.perf_counter()
    seen = {}
    for role, client in clients.items():
        for case in cases:
            response = client.get(case.url)
            seen[role, case.name] = (response.status_code, response.get("Location", ""))
    return seen, time.perf_counter() - started
