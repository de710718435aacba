"""Build a workforce with known ethnic groups, as the effective-dated history sees it."""

from core.equality import Ethnicity
from people.models import EqualityMonitoring, PersonType, Rank
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


def colleague(*, person_type=PersonType.POLICE_STAFF, ethnicity=None, rank=""):
    if person_type in (PersonType.POLICE_OFFICER, PersonType.SPECIAL_CONSTABLE) and not rank:
        rank = Rank.CONSTABLE
    person = UserFactory(person_type=person_type, rank=rank)
    if ethnicity is not None:
        EqualityMonitoring.objects.create(person=person, ethnicity=ethnicity)
    return person


def workforce(counts: dict[tuple[str, str], int]) -> None:
    """counts: {(high-level group, person type): how many colleagues}."""
    for (group, person_type), n in counts.items():
        for _ in range(n):
            colleague(person_type=person_type, ethnicity=CODE_FOR_GROUP[group])
