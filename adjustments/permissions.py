"""Who may see and move passports, adjustments and dyslexia referrals.

A passport is seen by its owner, the RA officers and the owner's *current* line manager
while the owner's consent to that manager stands. A referral is seen by the joiner, the RA
officers and the assessor it is booked with.
"""

from django.db.models import Exists, OuterRef, Q

from adjustments.models import ManagerConsent
from people.models import EmploymentRecord
from people.permissions import has_role, is_line_manager_of, rule
from people.roles import Role


def is_ra_officer(user) -> bool:
    return has_role(user, Role.RA_OFFICER)


def is_assessor(user) -> bool:
    return has_role(user, Role.DYSLEXIA_ASSESSOR)


def live_consents(manager):
    """Consents to `manager` that still stand: not withdrawn, and the colleague has had no
    other line manager since the day it was given (a manager who leaves and comes back needs
    fresh consent)."""
    other_manager_since = (
        EmploymentRecord.objects.filter(person=OuterRef("passport__owner"))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=OuterRef("given_on")))
        .exclude(line_manager=manager)
    )
    return ManagerConsent.objects.filter(manager=manager, withdrawn_at__isnull=True).exclude(
        Exists(other_manager_since)
    )


def manager_has_consent(user, passport) -> bool:
    """True when `user` is the owner's current line manager and the owner's consent to them
    still stands."""
    if not is_line_manager_of(user, passport.owner):
        return False
    cache = passport.__dict__.setdefault("_consent_cache", {})
    if user.pk not in cache:
        cache[user.pk] = live_consents(user).filter(passport=passport).exists()
    return cache[user.pk]


@rule("adjustments.passport.view")
def _view_passport(user, passport) -> bool:
    return (
        passport.owner_id == user.pk or is_ra_officer(user) or manager_has_consent(user, passport)
    )


@rule("adjustments.passport.create")
def _create_passport(user, owner) -> bool:
    return owner.pk == user.pk or is_ra_officer(user)


@rule("adjustments.passport.edit")
def _edit_passport(user, passport) -> bool:
    return passport.owner_id == user.pk and passport.is_open


@rule("adjustments.passport.section_4_1")
def _write_section_4_1(user, passport) -> bool:
    return passport.is_open and manager_has_consent(user, passport)


@rule("adjustments.passport.process")
def _process_passport(user, passport=None) -> bool:
    return is_ra_officer(user)


@rule("adjustments.passport.close")
def _close_passport(user, passport) -> bool:
    return passport.is_open and (passport.owner_id == user.pk or is_ra_officer(user))


@rule("adjustments.adjustment.request")
def _request_adjustment(user, passport) -> bool:
    return passport.is_open and (passport.owner_id == user.pk or is_ra_officer(user))


@rule("adjustments.adjustment.decide")
def _decide_adjustment(user, adjustment=None) -> bool:
    return is_ra_officer(user)


@rule("adjustments.adjustment.end")
def _end_adjustment(user, adjustment) -> bool:
    return is_ra_officer(user) or adjustment.passport.owner_id == user.pk


@rule("adjustments.queue.view")
def _view_queue(user, obj=None) -> bool:
    return is_ra_officer(user)


@rule("adjustments.dashboard.view")
def _view_dashboard(user, obj=None) -> bool:
    return has_role(user, Role.RA_OFFICER, Role.PEOPLE_ANALYST, Role.ADMIN)


@rule("adjustments.referral.list")
def _list_referrals(user, obj=None) -> bool:
    return is_ra_officer(user) or is_assessor(user)


@rule("adjustments.referral.view")
def _view_referral(user, referral) -> bool:
    return (
        referral.person_id == user.pk
        or is_ra_officer(user)
        or (is_assessor(user) and referral.assessor_id == user.pk)
    )


@rule("adjustments.referral.manage")
def _manage_referral(user, referral=None) -> bool:
    return is_ra_officer(user)


@rule("adjustments.referral.answer")
def _answer_referral(user, referral) -> bool:
    return referral.person_id == user.pk or is_ra_officer(user)


@rule("adjustments.referral.assess")
def _assess_referral(user, referral) -> bool:
    return is_assessor(user) and referral.assessor_id == user.pk


@rule("adjustments.passport.consent")
def _consent_passport(user, passport) -> bool:
    return passport.owner_id == user.pk and passport.is_open


@rule("adjustments.access_to_work.update")
def _update_access_to_work(user, application) -> bool:
    return is_ra_officer(user)


@rule("adjustments.referral.book_assessment")
def _book_assessment(user, referral) -> bool:
    return is_ra_officer(user) or (is_assessor(user) and referral.assessor_id == user.pk)


@rule("adjustments.team.view")
def _view_team_passports(user, obj=None) -> bool:
    from people.permissions import is_line_manager

    return is_line_manager(user)
