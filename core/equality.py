"""Protected characteristics as collected for equality monitoring.

Ethnicity uses the ONS 2021 census classification for England and Wales: 19 detailed groups in
5 high-level groups, plus "prefer not to say". Reports derive groupings from the detailed group
and say which definition of "ethnic minority" they use.
"""

from django.db import models


class Ethnicity(models.TextChoices):
    ASIAN_BANGLADESHI = "A_BAN", "Asian or Asian British: Bangladeshi"
    ASIAN_CHINESE = "A_CHI", "Asian or Asian British: Chinese"
    ASIAN_INDIAN = "A_IND", "Asian or Asian British: Indian"
    ASIAN_PAKISTANI = "A_PAK", "Asian or Asian British: Pakistani"
    ASIAN_OTHER = "A_OTH", "Asian or Asian British: any other Asian background"
    BLACK_AFRICAN = "B_AFR", "Black, Black British, Caribbean or African: African"
    BLACK_CARIBBEAN = "B_CAR", "Black, Black British, Caribbean or African: Caribbean"
    BLACK_OTHER = "B_OTH", "Black, Black British, Caribbean or African: any other Black background"
    MIXED_WHITE_ASIAN = "M_WAS", "Mixed or multiple: White and Asian"
    MIXED_WHITE_BLACK_AFRICAN = "M_WBA", "Mixed or multiple: White and Black African"
    MIXED_WHITE_BLACK_CARIBBEAN = "M_WBC", "Mixed or multiple: White and Black Caribbean"
    MIXED_OTHER = "M_OTH", "Mixed or multiple: any other Mixed or multiple background"
    WHITE_BRITISH = "W_BRI", "White: English, Welsh, Scottish, Northern Irish or British"
    WHITE_IRISH = "W_IRI", "White: Irish"
    WHITE_GYPSY = "W_GYP", "White: Gypsy or Irish Traveller"
    WHITE_ROMA = "W_ROM", "White: Roma"
    WHITE_OTHER = "W_OTH", "White: any other White background"
    OTHER_ARAB = "O_ARA", "Other ethnic group: Arab"
    OTHER_ANY = "O_OTH", "Other ethnic group: any other ethnic group"
    PREFER_NOT_TO_SAY = "PNS", "Prefer not to say"


HIGH_LEVEL_GROUPS = {
    "A": "Asian or Asian British",
    "B": "Black, Black British, Caribbean or African",
    "M": "Mixed or multiple ethnic groups",
    "W": "White",
    "O": "Other ethnic group",
}


class MinorityDefinition(models.TextChoices):
    """Which people count as "ethnic minority" in a figure."""

    EMG = "emg", "Ethnic Minority Groups: everyone except White British"
    HOME_OFFICE = "home_office", "Home Office: excludes all White groups"


DEFINITION_NOTES = {
    MinorityDefinition.EMG: (
        "Ethnic minority here means every ethnic group except White British (White minorities "
        "included), as a share of those who declared an ethnicity (ONS 2021 classification)."
    ),
    MinorityDefinition.HOME_OFFICE: (
        "Ethnic minority here follows the Home Office: every group except the White groups "
        "(White minorities excluded), as a share of those who declared an ethnicity."
    ),
}


def high_level_group(code: str) -> str | None:
    """The ONS high-level group for a detailed code; None for "prefer not to say" or blank."""
    if not code or code == Ethnicity.PREFER_NOT_TO_SAY:
        return None
    return HIGH_LEVEL_GROUPS.get(code[0])


def minority_codes(definition: str = MinorityDefinition.EMG) -> list[str]:
    """Detailed codes that count as ethnic minority under `definition`."""
    declared = [c for c in Ethnicity.values if c != Ethnicity.PREFER_NOT_TO_SAY]
    if definition == MinorityDefinition.HOME_OFFICE:
        return [c for c in declared if not c.startswith("W")]
    return [c for c in declared if c != Ethnicity.WHITE_BRITISH]


def declared_codes() -> list[str]:
    return [c for c in Ethnicity.values if c != Ethnicity.PREFER_NOT_TO_SAY]


def is_ethnic_minority(code: str, definition: str = MinorityDefinition.EMG) -> bool | None:
    if not code or code == Ethnicity.PREFER_NOT_TO_SAY:
        return None
    return code in minority_codes(definition)


class Sex(models.TextChoices):
    FEMALE = "F", "Female"
    MALE = "M", "Male"
    PREFER_NOT_TO_SAY = "PNS", "Prefer not to say"


class Disability(models.TextChoices):
    YES = "Y", "Yes"
    NO = "N", "No"
    PREFER_NOT_TO_SAY = "PNS", "Prefer not to say"


class SexualOrientation(models.TextChoices):
    STRAIGHT = "straight", "Straight or heterosexual"
    GAY_LESBIAN = "gay", "Gay or lesbian"
    BISEXUAL = "bi", "Bisexual"
    OTHER = "other", "Other sexual orientation"
    PREFER_NOT_TO_SAY = "PNS", "Prefer not to say"


class Religion(models.TextChoices):
    NONE = "none", "No religion"
    BUDDHIST = "buddhist", "Buddhist"
    CHRISTIAN = "christian", "Christian"
    HINDU = "hindu", "Hindu"
    JEWISH = "jewish", "Jewish"
    MUSLIM = "muslim", "Muslim"
    SIKH = "sikh", "Sikh"
    OTHER = "other", "Any other religion"
    PREFER_NOT_TO_SAY = "PNS", "Prefer not to say"
