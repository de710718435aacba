"""Build a workforce with known ethnic groups, as the effective-dated history sees it."""

import itertools
from datetime import date

from core.equality import Ethnicity
from people.models import EmploymentRecord, EqualityMonitoring, PersonType, Rank, User
from tests.factories import UserFactory

# A detailed ONS code for each high-level group, to declare.
CODE_FOR_GROUP = {
    "Asian or Asian British": Ethnicity.ASIAN_PAKISTANI,
    "Black, Black British, Caribbean or African": Ethnicity.BLACK_CARIBBEAN,
    "Mixed or multiple ethnic groups": Ethnicity.MIXED_WHITE_ASIAN,
    "White": Ethnicity.WHITE_BRITISH,
    "Other ethnic group": Ethnicity.OTHER_ARAB,
    "Not declared": Ethnicity.PREFER_NOT_TO_SAY,
}

RANKED = (PersonType.POLICE_OFFICER, PersonType.SPECIAL_CONSTABLE)
_numbers = itertools.count(1)


def colleague(*, person_type=PersonType.POLICE_STAFF, ethnicity=None, rank=""):
    if person_type in (PersonType.POLICE_OFFICER, PersonType.SPECIAL_CONSTABLE) and not rank:
        rank = Rank.CONSTABLE
    person = UserFactory(person_type=person_type, rank=rank)
    if ethnicity is not None:
        EqualityMonitoring.objects.create(person=person, ethnicity=ethnicity)
    return person


def workforce(counts: dict[tuple[str, str], int], start=date(2018, 4, 1)) -> None:
    """counts: {(high-level group, person type): how many colleagues}, in post since `start`.
    Made in bulk: the tests need a few hundred colleagues quickly."""
    people, codes = [], []
    for (group, person_type), n in counts.items():
        for _ in range(n):
            rank = Rank.CONSTABLE if person_type in RANKED else ""
            people.append(
                User(
                    staff_number=f"W{next(_numbers):06d}",
                    first_name="Test",
                    last_name="Colleague",
                    person_type=person_type,
                    rank=rank,
                    start_date=start,
                )
            )
            codes.append(CODE_FOR_GROUP[group])
    people = User.objects.bulk_create(people)
    EmploymentRecord.objects.bulk_create(
        EmploymentRecord(person=p, valid_from=start, person_type=p.person_type, rank=p.rank)
        for p in people
    )
    EqualityMonitoring.objects.bulk_create(
        EqualityMonitoring(person=p, ethnicity=code) for p, code in zip(people, codes, strict=True)
    )
