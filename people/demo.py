"""Demo colleagues: departments, one user per role, a few hundred colleagues with managers,
effective-dated careers since 2005 and optional equality answers. Idempotent."""

import random
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from core.equality import Disability, Ethnicity, Sex
from people import services
from people.models import Department, EntryRoute, PersonType, Portfolio, Rank, User
from people.roles import GROUP_NAMES, Role

DEPARTMENTS = [
    ("Force CID", Portfolio.CRIME),
    ("Public Protection Unit", Portfolio.CRIME),
    ("Professional Standards", Portfolio.DCC),
    ("People and Organisational Development", Portfolio.DCC),
    ("Change and Transformation", Portfolio.DCC),
    ("Finance", Portfolio.DCC),
    ("Birmingham East NPU", Portfolio.LOCAL_POLICING),
    ("Birmingham West NPU", Portfolio.LOCAL_POLICING),
    ("Coventry NPU", Portfolio.LOCAL_POLICING),
    ("Wolverhampton NPU", Portfolio.LOCAL_POLICING),
    ("Force Contact", Portfolio.OPERATIONS),
    ("Operations", Portfolio.OPERATIONS),
    ("Intelligence", Portfolio.SECURITY),
    ("Counter Terrorism", Portfolio.SECURITY),
]

# staff number, first, last, roles, department, person type, rank
ROLE_USERS = [
    (
        "admin",
        "Alex",
        "Admin",
        [Role.ADMIN],
        "People and Organisational Development",
        PersonType.POLICE_STAFF,
        "",
    ),
    (
        "recruit",
        "Rachel",
        "Okafor",
        [Role.RECRUITMENT_OFFICER],
        "People and Organisational Development",
        PersonType.POLICE_STAFF,
        "",
    ),
    (
        "ambassador",
        "Amir",
        "Hussain",
        [Role.AMBASSADOR],
        "Birmingham East NPU",
        PersonType.POLICE_OFFICER,
        Rank.CONSTABLE,
    ),
    (
        "positive",
        "Precious",
        "Mensah",
        [Role.POSITIVE_ACTION],
        "People and Organisational Development",
        PersonType.POLICE_STAFF,
        "",
    ),
    (
        "welfare",
        "Wendy",
        "Clarke",
        [Role.WELFARE_OFFICER],
        "People and Organisational Development",
        PersonType.POLICE_STAFF,
        "",
    ),
    (
        "raofficer",
        "Ravi",
        "Patel",
        [Role.RA_OFFICER],
        "People and Organisational Development",
        PersonType.POLICE_STAFF,
        "",
    ),
    (
        "assessor",
        "Anna",
        "Kowalski",
        [Role.DYSLEXIA_ASSESSOR],
        "People and Organisational Development",
        PersonType.POLICE_STAFF,
        "",
    ),
    (
        "manager",
        "Mark",
        "Thompson",
        [],
        "Birmingham West NPU",
        PersonType.POLICE_OFFICER,
        Rank.SERGEANT,
    ),
    (
        "colleague",
        "Chloe",
        "Evans",
        [],
        "Birmingham West NPU",
        PersonType.POLICE_OFFICER,
        Rank.CONSTABLE,
    ),
    (
        "student",
        "Sam",
        "Adeyemi",
        [],
        "Birmingham West NPU",
        PersonType.POLICE_OFFICER,
        Rank.CONSTABLE,
    ),
    (
        "moderator",
        "Maria",
        "Santos",
        [Role.MODERATOR],
        "Birmingham West NPU",
        PersonType.POLICE_OFFICER,
        Rank.CHIEF_INSPECTOR,
    ),
    (
        "benefits",
        "Ben",
        "Fraser",
        [Role.BENEFITS_ANALYST],
        "Change and Transformation",
        PersonType.POLICE_STAFF,
        "",
    ),
    (
        "analyst",
        "Priya",
        "Sharma",
        [Role.PEOPLE_ANALYST],
        "People and Organisational Development",
        PersonType.POLICE_STAFF,
        "",
    ),
]

FIRST = [
    "Aisha",
    "Ben",
    "Callum",
    "Daniel",
    "Ella",
    "Fatima",
    "George",
    "Hannah",
    "Imran",
    "Jade",
    "Kieran",
    "Leah",
    "Mohammed",
    "Nadia",
    "Oliver",
    "Poppy",
    "Qasim",
    "Rosie",
    "Sanjay",
    "Tom",
    "Uchenna",
    "Victoria",
    "William",
    "Yasmin",
    "Zara",
    "Harpreet",
    "Kwame",
    "Megan",
    "Liam",
    "Sophie",
    "Tariq",
    "Grace",
    "Jack",
    "Amelia",
    "Ravinder",
    "Chen",
]
LAST = [
    "Smith",
    "Jones",
    "Khan",
    "Taylor",
    "Brown",
    "Ali",
    "Williams",
    "Singh",
    "Davies",
    "Patel",
    "Wilson",
    "Begum",
    "Roberts",
    "Walker",
    "Hussain",
    "Wright",
    "Ahmed",
    "Green",
    "Mensah",
    "Hall",
    "Kaur",
    "Wood",
    "Thomas",
    "Campbell",
    "Lewis",
    "Nowak",
    "Murphy",
    "Baker",
    "Okoro",
    "Clarke",
    "Hughes",
    "Edwards",
    "Shah",
    "Turner",
    "Bennett",
    "Reid",
]
MINORITY = [
    Ethnicity.ASIAN_PAKISTANI,
    Ethnicity.ASIAN_INDIAN,
    Ethnicity.ASIAN_BANGLADESHI,
    Ethnicity.BLACK_CARIBBEAN,
    Ethnicity.BLACK_AFRICAN,
    Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN,
    Ethnicity.WHITE_IRISH,
    Ethnicity.WHITE_OTHER,
    Ethnicity.ASIAN_CHINESE,
    Ethnicity.OTHER_ARAB,
]
RANK_LADDER = [
    Rank.CONSTABLE,
    Rank.SERGEANT,
    Rank.INSPECTOR,
    Rank.CHIEF_INSPECTOR,
    Rank.SUPERINTENDENT,
    Rank.CHIEF_SUPERINTENDENT,
    Rank.CHIEF_OFFICER,
]
COLLEAGUES = 320


def _departments() -> dict[str, Department]:
    return {
        name: Department.objects.get_or_create(name=name, defaults={"portfolio": p})[0]
        for name, p in DEPARTMENTS
    }


def _role_users(departments) -> dict[str, User]:
    users = {}
    for staff_number, first, last, roles, dept, person_type, rank in ROLE_USERS:
        user = User.objects.filter(staff_number=staff_number).first()
        if user is None and staff_number == "student":
            user = services.student_officer_create(
                actor=None,
                staff_number=staff_number,
                first_name=first,
                last_name=last,
                email=f"{staff_number}@peel.example",
                route=EntryRoute.PCDA,
                start_date=date(2025, 9, 1),
                department=departments[dept],
            )
            user.set_password(settings.PEEL_DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if user is None:
            user = services.person_create(
                actor=None,
                staff_number=staff_number,
                first_name=first,
                last_name=last,
                email=f"{staff_number}@peel.example",
                person_type=person_type,
                rank=rank,
                grade="" if rank else "Scale 6",
                department=departments[dept],
                start_date=date(2015, 4, 1),
                password=settings.PEEL_DEMO_PASSWORD,
            )
        for role in roles:
            user.groups.add(Group.objects.get(name=GROUP_NAMES[role]))
        users[staff_number] = user
    admin = users["admin"]
    if not admin.is_superuser:
        User.objects.filter(pk=admin.pk).update(is_staff=True, is_superuser=True)
    manager = users["manager"]
    for name in ("colleague", "student", "ambassador"):
        if users[name].line_manager_id != manager.pk:
            services.person_change(
                actor=None,
                person=users[name],
                effective=users[name].start_date,
                line_manager=manager,
            )
    return users


def _career(rng, person, start: date):
    """Promote an officer up the ladder every 4 to 9 years while the dice allow."""
    when, step = start, 0
    while step + 1 < len(RANK_LADDER) and rng.random() < 0.45 - step * 0.06:
        when += timedelta(days=rng.randint(4 * 365, 9 * 365))
        if when >= date.today():
            return
        step += 1
        services.person_change(
            actor=None, person=person, effective=when, rank=RANK_LADDER[step], reason="Promoted"
        )


def _colleague(rng, n, departments, managers):
    start = date(2005, 1, 1) + timedelta(days=rng.randint(0, 7300))
    person_type = rng.choices(list(PersonType), weights=[55, 33, 6, 6])[0]
    officer = person_type == PersonType.POLICE_OFFICER
    person = services.person_create(
        actor=None,
        staff_number=f"D{n:05d}",
        first_name=rng.choice(FIRST),
        last_name=rng.choice(LAST),
        email=f"d{n:05d}@peel.example",
        person_type=person_type,
        rank=Rank.CONSTABLE if officer or person_type == PersonType.SPECIAL_CONSTABLE else "",
        grade="" if officer else rng.choice(["Scale 3", "Scale 4", "Scale 5", "SO1", "PO2"]),
        department=rng.choice(list(departments.values())),
        line_manager=rng.choice(managers) if managers else None,
        entry_route=rng.choice([EntryRoute.IPLDP, EntryRoute.PCDA, EntryRoute.DHEP])
        if officer
        else "",
        start_date=start,
    )
    if officer:
        _career(rng, person, start)
    minority_chance = 0.10 + 0.10 * (start.year - 2005) / 20
    if person_type == PersonType.SPECIAL_CONSTABLE:
        minority_chance = 0.27
    if rng.random() < 0.93:
        ethnicity = (
            rng.choice(MINORITY) if rng.random() < minority_chance else Ethnicity.WHITE_BRITISH
        )
        services.equality_record(
            actor=None,
            person=person,
            ethnicity=ethnicity,
            sex=rng.choice([Sex.FEMALE, Sex.MALE, Sex.MALE]),
            disability=rng.choices([Disability.YES, Disability.NO], weights=[8, 92])[0],
        )
    return person


@transaction.atomic
def seed(stdout=None) -> dict[str, User]:
    departments = _departments()
    users = _role_users(departments)
    if not User.objects.filter(staff_number__startswith="D").exists():
        rng = random.Random(2022)  # a fixed seed: the same demo force every time
        managers = [users["manager"], users["moderator"]]
        for n in range(1, COLLEAGUES + 1):
            person = _colleague(rng, n, departments, managers)
            if n % 12 == 0:
                managers.append(person)
    if stdout:
        stdout.write(
            f"People: {User.objects.count()} colleagues in {len(departments)} departments."
        )
    return users
