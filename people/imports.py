"""The colleagues import: an HR extract, one row per colleague, keyed by staff number.

New colleagues are created with the first row of their employment history; a colleague whose
type, rank, grade, department or line manager differs gets a new history row from today
(people.services.person_change); one whose name, email or entry route differs is corrected.
"""

from datetime import date

from django.core.exceptions import ValidationError

from core import imports
from core.imports import Counts, ImportColumn, ImportRefused, ImportSpec, Problem, Row
from people import services
from people.models import Department, EmploymentRecord, EntryRoute, PersonType, Rank, User
from people.permissions import has_role
from people.roles import Role
from people.services import HISTORY_FIELDS

RANKED_TYPES = {PersonType.POLICE_OFFICER, PersonType.SPECIAL_CONSTABLE}
DETAIL_FIELDS = ("first_name", "last_name", "email", "entry_route")
# Above this many new colleagues, create them in bulk: the same records, a fraction of the time.
BULK_FROM = 200
CHUNK = 5000


def _in_chunks(values: list, size: int = CHUNK):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def users_by_staff_number(numbers) -> dict[str, User]:
    numbers = sorted(set(numbers))
    found = {}
    for chunk in _in_chunks(numbers):
        found.update({u.staff_number: u for u in User.objects.filter(staff_number__in=chunk)})
    return found


class ColleaguesImport(ImportSpec):
    kind = "colleagues"
    label = "Colleagues (HR extract)"
    description = (
        "One row per colleague. New staff numbers are added; known ones are brought up to date, "
        "with changes of type, rank, grade, department or line manager kept as history from today."
    )
    natural_key = ("staff_number",)
    columns = [
        ImportColumn(
            "Staff number",
            "staff_number",
            required=True,
            parse=imports.text(20),
            help="The key: a row with a staff number Peel knows updates that colleague.",
        ),
        ImportColumn("First name", "first_name", required=True, parse=imports.text(80)),
        ImportColumn("Last name", "last_name", required=True, parse=imports.text(80)),
        ImportColumn("Email", "email", parse=imports.email),
        ImportColumn(
            "Person type",
            "person_type",
            required=True,
            parse=imports.choice(PersonType),
            help="Police officer, Police staff, PCSO or Special constable.",
        ),
        ImportColumn(
            "Rank or grade",
            "rank_or_grade",
            parse=imports.text(24),
            help="A police rank for officers and special constables; a grade for staff and PCSOs.",
        ),
        ImportColumn(
            "Department",
            "department",
            parse=imports.text(120),
            help="The name of a department already in Peel (any capitals).",
        ),
        ImportColumn(
            "Line manager staff number",
            "line_manager",
            parse=imports.text(20),
            help="A colleague already in Peel or in the same file.",
        ),
        ImportColumn(
            "Entry route",
            "entry_route",
            parse=imports.choice(EntryRoute),
            help="For example PCDA, DHEP, IPLDP, Transferee, Police staff.",
        ),
        ImportColumn(
            "Start date",
            "start_date",
            required=True,
            parse=imports.uk_date,
            help="dd/mm/yyyy. Set when the colleague is added; an import never moves it.",
        ),
    ]

    def may_import(self, user) -> bool:
        return has_role(user, Role.ADMIN)

    # Checking ---------------------------------------------------------------------------

    def check(self, rows: list[Row]) -> list[Problem]:
        departments = {d.name.lower(): d for d in Department.objects.all()}
        in_file = {row.values["staff_number"] for row in rows}
        known = users_by_staff_number(
            in_file | {row.values["line_manager"] for row in rows if row.values["line_manager"]}
        )
        problems = []
        for row in rows:
            problems += self._rank_or_grade(row)
            problems += self._department(row, departments)
            problems += self._line_manager(row, in_file, known)
            problems += self._start_date(row, known.get(row.values["staff_number"]))
        return problems

    def _rank_or_grade(self, row: Row) -> list[Problem]:
        value = row.values.pop("rank_or_grade")
        row.values["rank"], row.values["grade"] = "", ""
        if row.values["person_type"] not in RANKED_TYPES:
            if len(value) > 20:
                return [Problem(row.number, "Rank or grade", "Keep a grade to 20 characters.")]
            row.values["grade"] = value
            return []
        if not value:
            return []
        try:
            row.values["rank"] = imports.choice(Rank)(value)
        except ValueError:
            ranks = ", ".join(str(label) for _, label in Rank.choices)
            return [
                Problem(
                    row.number,
                    "Rank or grade",
                    f"'{value}' is not a police rank. Officers and special constables need one "
                    f"of: {ranks}.",
                )
            ]
        return []

    def _department(self, row: Row, departments: dict) -> list[Problem]:
        name = row.values["department"]
        row.values["department"] = departments.get(name.lower()) if name else None
        if name and row.values["department"] is None:
            return [
                Problem(
                    row.number,
                    "Department",
                    f"There is no department called '{name}' in Peel. Check the spelling, "
                    "or ask an admin to add it first.",
                )
            ]
        return []

    def _line_manager(self, row: Row, in_file: set, known: dict) -> list[Problem]:
        number = row.values["line_manager"]
        if not number:
            row.values["line_manager"] = None
            return []
        if number.lower() == row.values["staff_number"].lower():
            message = "A colleague cannot be their own line manager."
        elif number in in_file or number in known:
            return []
        else:
            message = f"No colleague has staff number '{number}', in Peel or in this file."
        return [Problem(row.number, "Line manager staff number", message)]

    def _start_date(self, row: Row, person: User | None) -> list[Problem]:
        start = row.values["start_date"]
        if person is None or person.start_date in (None, start):
            return []
        return [
            Problem(
                row.number,
                "Start date",
                f"Peel has {person.start_date:%d/%m/%Y} as this colleague's start date. "
                "A start date is not changed by an import: correct the file, or the record "
                "in Django admin.",
            )
        ]

    # Writing ----------------------------------------------------------------------------

    def write(self, rows: list[Row], *, actor) -> Counts:
        existing = users_by_staff_number(row.values["staff_number"] for row in rows)
        new_rows = [row for row in rows if row.values["staff_number"] not in existing]
        if len(new_rows) >= BULK_FROM:
            created = self._create_in_bulk(new_rows, existing, actor=actor)
        else:
            created = self._create_one_by_one(new_rows, existing, actor=actor)
        everyone = {**existing, **created}
        counts = Counts(created=len(created))
        for row in rows:
            person = existing.get(row.values["staff_number"])
            if person is None:
                continue
            if self._update(row, person, everyone, actor=actor):
                counts.updated += 1
            else:
                counts.unchanged += 1
        return counts

    def _manager_of(self, row: Row, everyone: dict) -> User | None:
        number = row.values["line_manager"]
        return everyone[number] if number else None

    def _create_one_by_one(self, rows: list[Row], existing: dict, *, actor) -> dict[str, User]:
        created, problems = {}, []
        for row in rows:
            values = {k: v for k, v in row.values.items() if k != "line_manager"}
            try:
                created[values["staff_number"]] = services.person_create(
                    actor=actor, line_manager=existing.get(row.values["line_manager"]), **values
                )
            except ValidationError as error:
                problems += self.problems_from(row, error)
        if problems:
            raise ImportRefused(problems)
        everyone = {**existing, **created}
        for row in rows:
            person = created[row.values["staff_number"]]
            manager = self._manager_of(row, everyone)
            if manager is not None and person.line_manager_id != manager.pk:
                start = person.employment_history.get().valid_from
                services.person_change(
                    actor=actor,
                    person=person,
                    effective=start,
                    reason="Joined",
                    line_manager=manager,
                )
        return created

    def _new_person(self, row: Row) -> User:
        values = {k: v for k, v in row.values.items() if k != "line_manager"}
        person = User(**values)
        person.set_unusable_password()
        return person

    def _validated_people(self, rows: list[Row]) -> list[User]:
        people, problems = [], []
        for row in rows:
            person = self._new_person(row)
            try:
                # References and staff numbers were checked against Peel in check(); the
                # database enforces the check constraints (checking each in Python is a query).
                person.full_clean(
                    exclude=["password", "department", "line_manager"],
                    validate_unique=False,
                    validate_constraints=False,
                )
            except ValidationError as error:
                problems += self.problems_from(row, error)
            people.append(person)
        if problems:
            raise ImportRefused(problems)
        return people

    def _insert_managers_first(self, pairs: list, existing: dict) -> dict[str, User]:
        """Insert new colleagues in layers, each after the layer holding their managers, so
        every insert already names the line manager. A loop of managers (A manages B, B
        manages A) is inserted last and linked afterwards."""
        created: dict[str, User] = {}
        remaining = pairs
        while remaining:
            everyone = {None: None, **existing, **created}
            ready = [(r, p) for r, p in remaining if r.values["line_manager"] in everyone]
            if not ready:
                break
            for row, person in ready:
                person.line_manager = self._manager_of(row, everyone)
            User.objects.bulk_create([p for _, p in ready], batch_size=1000)
            created.update({p.staff_number: p for _, p in ready})
            remaining = [(r, p) for r, p in remaining if p.staff_number not in created]
        if remaining:
            User.objects.bulk_create([p for _, p in remaining], batch_size=1000)
            created.update({p.staff_number: p for _, p in remaining})
            everyone = {**existing, **created}
            for row, person in remaining:
                person.line_manager = self._manager_of(row, everyone)
            User.objects.bulk_update([p for _, p in remaining], ["line_manager"])
        return created

    def _create_in_bulk(self, rows: list[Row], existing: dict, *, actor) -> dict[str, User]:
        """What person_create does, for many colleagues at once: validated users, then the
        first row of each one's history, then one audit entry each."""
        people = self._validated_people(rows)
        created = self._insert_managers_first(list(zip(rows, people, strict=True)), existing)
        EmploymentRecord.objects.bulk_create(
            [
                EmploymentRecord(
                    person=person,
                    valid_from=person.start_date or date.today(),
                    reason="Joined",
                    **{name: getattr(person, name) for name in HISTORY_FIELDS},
                )
                for person in people
            ],
            batch_size=1000,
        )
        imports.audit_many(actor=actor, action="people.person.created", objs=people)
        return created

    def _update(self, row: Row, person: User, everyone: dict, *, actor) -> bool:
        """Bring one known colleague up to date; True when anything changed."""
        wanted = {**row.values, "line_manager": self._manager_of(row, everyone)}
        history = {f: wanted[f] for f in HISTORY_FIELDS if _differs(person, f, wanted[f])}
        details = {f: wanted[f] for f in DETAIL_FIELDS if _differs(person, f, wanted[f])}
        try:
            if history:
                services.person_change(
                    actor=actor,
                    person=person,
                    effective=self._effective(person),
                    reason="HR extract",
                    **history,
                )
            if details:
                services.person_details_correct(actor=actor, person=person, **details)
        except ValidationError as error:
            raise ImportRefused(self.problems_from(row, error)) from None
        return bool(history or details)

    def _effective(self, person: User) -> date:
        current = person.employment_history.filter(valid_to__isnull=True).first()
        today = date.today()
        return max(today, current.valid_from) if current else today


def _differs(person: User, name: str, value) -> bool:
    if name in ("department", "line_manager"):  # compare ids: no query per row
        return getattr(person, f"{name}_id") != (value.pk if value is not None else None)
    return getattr(person, name) != value


imports.registry.register(ColleaguesImport())
