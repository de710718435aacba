"""Who may read and change the programme, cost and benefit registers.

The registers hold no personal data: benefits analysts keep them, people analysts and admins
read them, and every other colleague is refused (403).
"""

from people.permissions import has_role, rule
from people.roles import Role

READERS = (Role.BENEFITS_ANALYST, Role.PEOPLE_ANALYST, Role.ADMIN)


@rule("programmes.view")
def may_view(user, obj=None) -> bool:
    """Benefits analysts, people analysts and admins read registers and figures."""
    return has_role(user, *READERS)


@rule("programmes.change")
def may_change(user, obj=None) -> bool:
    """Only the change and benefits analyst changes the registers."""
    return has_role(user, Role.BENEFITS_ANALYST)
