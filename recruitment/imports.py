"""Recruitment imports: an event's EOI sign-up sheet (docs/IMPORTS.md).

One row per person who signed up at a campaign or event, keyed by email address and campaign:
the same person on the same sheet again updates their EOI where it differs; a new one is
captured as on the quick capture page (recruitment.services.eoi_create).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError

from core import bulk, imports
from core.imports import Counts, ImportColumn, ImportRefused, ImportSpec, Problem, Row
from people.models import EntryRoute
from people.permissions import can, has_role
from recruitment import services
from recruitment.models import (
    Campaign,
    Candidate,
    Channel,
    EOISource,
    ExpressionOfInterest,
    PipelineStage,
    StageResult,
)
from recruitment.permissions import OFFICERS
from recruitment.validation import normalise_email, normalise_phone, normalise_postcode

EOI = ExpressionOfInterest
BULK_FROM = 200
SIGN_UP_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "postcode",
    "route",
    "consent_to_contact",
)


def _normalised(normalise):
    def parse(value) -> str:
        try:
            return normalise(imports._as_text(value))
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None

    return parse


def _consent(value) -> bool:
    if not imports.yes_no(value):
        raise ValueError("We can only keep these details with consent to contact: leave them out.")
    return True


def _score(value) -> Decimal:
    try:
        return Decimal(imports._as_text(value)).quantize(Decimal("0.01"))
    except ArithmeticError:
        raise ValueError(f"'{imports._as_text(value)}' is not a score.") from None


class EOISignUpImport(ImportSpec):
    kind = "eois"
    needs_actor = True
    label = "Expressions of interest (event sign-up sheet)"
    description = (
        "One row per person who signed up at a campaign or event. A person already on that "
        "campaign's list (the same email address) is brought up to date; anyone else is added."
    )
    natural_key = ("email", "campaign")
    columns = [
        ImportColumn("First name", "first_name", required=True, parse=imports.text(80)),
        ImportColumn("Last name", "last_name", required=True, parse=imports.text(80)),
        ImportColumn(
            "Email",
            "email",
            required=True,
            parse=_normalised(normalise_email),
            help="With the campaign, the key: the same email at the same campaign is one EOI.",
        ),
        ImportColumn("Phone", "phone", parse=_normalised(normalise_phone)),
        ImportColumn("Postcode", "postcode", required=True, parse=_normalised(normalise_postcode)),
        ImportColumn(
            "Route",
            "route",
            required=True,
            parse=imports.choice(EntryRoute),
            help="The entry route they are interested in, for example PCDA or DHEP.",
        ),
        ImportColumn(
            "Consent to contact", "consent_to_contact", required=True, parse=_consent, help="Yes."
        ),
        ImportColumn(
            "Campaign",
            "campaign",
            required=True,
            parse=imports.text(160),
            help="The name of a campaign or event already in Peel (any capitals).",
        ),
        ImportColumn("Signed up", "captured_on", required=True, parse=imports.uk_date),
    ]

    def may_import(self, user) -> bool:
        return has_role(user, *OFFICERS)

    def check(self, rows: list[Row]) -> list[Problem]:
        campaigns = {c.name.lower(): c for c in Campaign.objects.all()}
        problems = []
        for row in rows:
            name = row.values["campaign"]
            row.values["campaign"] = campaigns.get(name.lower())
            if row.values["campaign"] is None:
                problems.append(
                    Problem(
                        row.number,
                        "Campaign",
                        f"There is no campaign called '{name}' in Peel. Check the spelling, or "
                        "ask a recruitment officer to add it first.",
                    )
                )
        return problems

    # Writing ----------------------------------------------------------------------------

    def write(self, rows: list[Row], *, actor) -> Counts:
        existing = _existing(rows)
        new_rows = [row for row in rows if _key(row) not in existing]
        if len(new_rows) >= BULK_FROM:
            self._create_in_bulk(new_rows, actor=actor)
        else:
            self._create_one_by_one(new_rows, actor=actor)
        counts = Counts(created=len(new_rows))
        for row in rows:
            eoi = existing.get(_key(row))
            if eoi is None:
                continue
            if self._update(row, eoi, actor=actor):
                counts.updated += 1
            else:
                counts.unchanged += 1
        return counts

    def _create_one_by_one(self, rows: list[Row], *, actor) -> None:
        problems = []
        for row in rows:
            try:
                services.eoi_create(actor=actor, channel=Channel.EVENT, **row.values)
            except ValidationError as error:
                problems += self.problems_from(row, error)
        if problems:
            raise ImportRefused(problems)

    def _create_in_bulk(self, rows: list[Row], *, actor) -> None:
        """What eoi_create does for a sign-up row, for many rows at once: each EOI and its
        event source checked as full_clean would (core.bulk.clean_many), then EOIs, sources
        and one audit entry each written with COPY."""
        eois, failures = bulk.clean_many(
            EOI,
            [
                {name: row.values[name] for name in SIGN_UP_FIELDS}
                | {"received_on": row.values["captured_on"]}
                for row in rows
            ],
            fixed={"captured_by": actor},
            exclude=["captured_by"],
        )
        self._refuse(rows, failures)
        bulk.insert_many(EOI, eois)
        sources, failures = bulk.clean_many(
            EOISource,
            [
                {
                    "eoi_id": eoi.pk,
                    "campaign_id": row.values["campaign"].pk,
                    "captured_on": row.values["captured_on"],
                }
                for row, eoi in zip(rows, eois, strict=True)
            ],
            fixed={"channel": Channel.EVENT, "captured_by": actor},
            exclude=["eoi", "captured_by"],
        )
        self._refuse(rows, failures)
        bulk.insert_many(EOISource, sources)
        imports.audit_many(actor=actor, action="recruitment.eoi.created", objs=eois)

    def _refuse(self, rows: list[Row], failures: dict) -> None:
        problems = [
            problem
            for index, error in failures.items()
            for problem in self.problems_from(rows[index], error)
        ]
        if problems:
            raise ImportRefused(problems)

    def _update(self, row: Row, eoi: EOI, *, actor) -> bool:
        changes = {
            f: row.values[f] for f in services.DETAIL_FIELDS if getattr(eoi, f) != row.values[f]
        }
        if not changes:
            return False
        try:
            services.eoi_details_correct(actor=actor, eoi=eoi, **changes)
        except ValidationError as error:
            raise ImportRefused(self.problems_from(row, error)) from None
        return True


def _key(row: Row) -> tuple[str, int]:
    return row.values["email"], row.values["campaign"].pk


def _existing(rows: list[Row]) -> dict[tuple[str, int], EOI]:
    """The unmerged EOIs already captured at each row's campaign with its email address."""
    sources = EOISource.objects.filter(
        eoi__email__in=bulk.any_of({row.values["email"] for row in rows}),
        eoi__merged_into__isnull=True,
        campaign__isnull=False,
    ).select_related("eoi")
    return {(s.eoi.email, s.campaign_id): s.eoi for s in sources}


class StageResultsImport(ImportSpec):
    kind = "stage-results"
    label = "Stage results (candidates' results at a pipeline stage)"
    description = (
        "One row per candidate's result at a stage on a day, such as an assessment centre's "
        "marks. A result Peel already has is left as it is; a fail or withdrawal ends the "
        "candidate's application, as on the candidate's page."
    )
    natural_key = ("eoi", "stage", "recorded_on")
    columns = [
        ImportColumn(
            "EOI number",
            "eoi",
            required=True,
            parse=imports.whole_number,
            help="The number of the candidate's EOI, as on its page (EOI 123).",
        ),
        ImportColumn(
            "Stage",
            "stage",
            required=True,
            parse=imports.text(80),
            help="The name of a stage of the candidate's route, such as Assessment centre.",
        ),
        ImportColumn(
            "Result",
            "result",
            required=True,
            parse=imports.choice(StageResult.Result),
            help="Pass, Fail, Withdrawn, No show or Deferred.",
        ),
        ImportColumn("Score", "score", parse=_score, help="Only at a stage that is scored."),
        ImportColumn("Date", "recorded_on", required=True, parse=imports.uk_date),
        ImportColumn("Note", "note", parse=imports.text(300)),
    ]

    def may_import(self, user) -> bool:
        return can(user, "recruitment.pipeline.manage")

    def check(self, rows: list[Row]) -> list[Problem]:
        candidates = Candidate.objects.in_bulk(
            {row.values["eoi"] for row in rows}, field_name="eoi_id"
        )
        stages = {(s.route, s.name.lower()): s for s in PipelineStage.objects.all()}
        problems = []
        for row in rows:
            row.values["score"] = row.values["score"] if row.values["score"] != "" else None
            candidate = row.values["candidate"] = candidates.get(row.values.pop("eoi"))
            if candidate is None:
                problems.append(Problem(row.number, "EOI number", NO_CANDIDATE))
                continue
            stage = stages.get((candidate.route, row.values["stage"].lower()))
            if stage is None:
                problems.append(Problem(row.number, "Stage", _no_stage(row, candidate)))
            row.values["stage"] = stage
        return problems

    def write(self, rows: list[Row], *, actor) -> Counts:
        known = _known_results(rows)
        counts = Counts()
        for row in rows:
            v = row.values
            earlier = known.get((v["candidate"].pk, v["stage"].pk, v["recorded_on"]))
            if earlier is not None:
                if (earlier.result, earlier.score) != (v["result"], v["score"]):
                    raise ImportRefused([Problem(row.number, "Result", DIFFERENT_RESULT)])
                counts.unchanged += 1
                continue
            try:
                services.stage_result_record(actor=actor, **v)
            except ValidationError as error:
                raise ImportRefused(self.problems_from(row, error)) from None
            counts.created += 1
        return counts


NO_CANDIDATE = "No candidate has applied from this EOI: check the number on the EOI's page."
DIFFERENT_RESULT = (
    "Peel already has a different result for this candidate at this stage on this date. An "
    "import does not change a recorded result: correct it on the candidate's page."
)


def _no_stage(row: Row, candidate: Candidate) -> str:
    return (
        f"The {candidate.get_route_display()} route has no stage called "
        f"'{row.values['stage']}'. Use a stage name as the candidate's page shows it."
    )


def _known_results(rows: list[Row]) -> dict:
    results = StageResult.objects.filter(candidate__in={row.values["candidate"] for row in rows})
    return {(r.candidate_id, r.stage_id, r.recorded_on): r for r in results}


imports.registry.register(EOISignUpImport())
imports.registry.register(StageResultsImport())
