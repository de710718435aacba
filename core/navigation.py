"""Menus and the "my work" home page are assembled from what each app registers.

An app registers in its AppConfig.ready():

    nav.register(NavItem("Expressions of interest", "recruitment:eoi-list",
                         visible=lambda user: has_role(user, Role.RECRUITMENT_OFFICER)))
    work.register(recruitment_work_for)   # fn(user) -> list[WorkItem]
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    visible: Callable = field(compare=False)
    section: str = ""

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class WorkItem:
    """One line of a user's "my work": what is waiting, how many, where to go."""

    title: str
    count: int | None
    url: str
    detail: str = ""
    urgent: bool = False


class _Registry:
    def __init__(self):
        self._items = []

    def register(self, item):
        if item not in self._items:
            self._items.append(item)
        return item

    def __iter__(self):
        return iter(self._items)


nav = _Registry()
work = _Registry()


def nav_for(user) -> list[NavItem]:
    """The menu entries this user may use, in registration order."""
    if not user.is_authenticated:
        return []
    return [item for item in nav if item.visible(user)]


def work_for(user) -> list[WorkItem]:
    """Everything waiting for this user, across the apps."""
    items: list[WorkItem] = []
    for provider in work:
        items.extend(provider(user))
    return items
