"""Recruitment figures: selectors that rebuild the board paper's numbers from records.

Every breakdown by a protected characteristic goes through core.disclosure. The "ethnic
minority" definition is a setting (`recruitment-minority-definition`, default EMG: everyone
except White British) and every figure says which one it uses.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django import forms
from django.db.models import Case, CharField, Count, Q, Value, When
from django.db.models.functions import Coalesce

from core.disclosure import (
    SUPPRESSED,
    protect_table,
    protected_share,
    rule_text,
    threshold_setting,
)
from core.equality import (
    DEFINITION_NOTES,
    Disability,
    Ethnicity,
    MinorityDefinition,
    Sex,
    minority_codes,
)
from core.periods import FinancialYear
from core.settings_store import get_setting
from people.models import EntryRoute
from recruitment.models import (
    Campaign,
    Candidate,
    Channel,
    EOISource,
    ExpressionOfInterest,
    Intake,
)

EOI = ExpressionOfInterest
TARGET_KEY = "recruitment-under-represented-target"
DEFAULT_TARGET = 29.9
DIMENSIONS = {
    "channel": ("channel", dict(Channel.choices)),
    "campaign": ("campaign__name", {None: "No campaign"}),
    "zone": ("zone__name", {None: "Not at an event"}),
    "ambassador": ("ambassador__person__last_name", None),
}
MILESTONES = [
    ("EOI", Q()),
    ("Applied", Q(candidate__isnull=False)),
    ("Conditional offer", Q(candidate__conditional_offer_on__isnull=False)),
    ("Final offer", Q(candidate__final_offer_on__isnull=False)),
    ("Started", Q(candidate__status=Candidate.Status.STARTED)),
]


def minority_definition() -> str:
    value = get_setting("recruitment-minority-definition", MinorityDefinition.EMG)
    return value if value in MinorityDefinition.values else MinorityDefinition.EMG


def target_share() -> float:
    """The representation target for intakes, in percent (setting; 29.9 by default)."""
    return float(get_setting(TARGET_KEY, DEFAULT_TARGET))


def eois_by(*, dimension: str, start: date, end: date) -> list[tuple[str, int]]:
    """EOI captures in [start, end] by channel, campaign, zone or ambassador, most first.

    Counts sources, not people: someone captured by two channels counts once in each (a merge
    keeps both sources)."""
    field, labels = DIMENSIONS[dimension]
    if dimension == "ambassador":
        rows = (
            EOISource.objects.filter(captured_on__range=(start, end), ambassador__isnull=False)
            .values("ambassador__person__first_name", "ambassador__person__last_name")
            .annotate(n=Count("id"))
            .order_by("-n", "ambassador__person__last_name")
        )
        return [
            (f"{r['ambassador__person__first_name']} {r['ambassador__person__last_name']}", r["n"])
            for r in rows
        ]
    # COUNT(*), not COUNT(id): by channel, PostgreSQL then reads only the index
    # (captured_on, channel), not the table (224 ms to 67 ms at 1m).
    rows = (
        EOISource.objects.filter(captured_on__range=(start, end))
        .values(field)
        .annotate(n=Count("*"))
        .order_by("-n", field)
    )
    return [(labels.get(r[field], r[field]), r["n"]) for r in rows]


@dataclass
class CampaignCost:
    campaign: Campaign
    eois: int

    @property
    def cost_per_eoi(self) -> Decimal | None:
        if not self.eois:
            return None
        return (self.campaign.cost / self.eois).quantize(Decimal("0.01"))


def campaign_costs(*, start: date, end: date) -> list[CampaignCost]:
    """Each campaign running in [start, end] with its cost and the EOIs it produced."""
    campaigns = (
        Campaign.objects.filter(starts_on__lte=end, ends_on__gte=start)
        .annotate(n=Count("sources"))
        .order_by("starts_on", "name")
    )
    return [CampaignCost(campaign=c, eois=c.n) for c in campaigns]


def campaign_cost_per_eoi(*, campaign: Campaign) -> Decimal | None:
    """A campaign's cost divided by the EOIs it produced (None when it produced none)."""
    return CampaignCost(campaign=campaign, eois=campaign.sources.count()).cost_per_eoi


def _cohort(start: date, end: date):
    return EOI.objects.filter(received_on__range=(start, end), merged_into__isnull=True)


def _milestone_rows(qs, group_fields: list[str]) -> list[dict]:
    """Milestone counts m0..m4 per combination of `group_fields`, in that order.

    Plain counts, not COUNT(DISTINCT): an EOI has at most one candidate and one equality
    record (both one-to-one), so the joins never repeat an EOI; DISTINCT made PostgreSQL sort
    every EOI of the period (to disk at 1,000,000 EOIs) instead of hashing the groups."""
    aggregates = {f"m{i}": Count("id", filter=q) for i, (_, q) in enumerate(MILESTONES)}
    return list(qs.values(*group_fields).annotate(**aggregates).order_by(*group_fields))


def _milestone_counts(qs, group_field: str) -> dict:
    rows = _milestone_rows(qs, [group_field])
    return {row[group_field]: [row[f"m{i}"] for i in range(len(MILESTONES))] for row in rows}


def funnel_by_route(*, start: date, end: date) -> dict:
    """EOIs received in [start, end] and how far they got, by route (the route they applied
    on, else the route they asked about). Returns {"stages", "rows": [(route label, counts)]}."""
    qs = _cohort(start, end).annotate(
        funnel_route=Coalesce("candidate__route", "route", output_field=CharField())
    )
    counts = _milestone_counts(qs, "funnel_route")
    labels = dict(EntryRoute.choices)
    return {
        "stages": [name for name, _ in MILESTONES],
        "rows": [(labels.get(route, route), values) for route, values in counts.items()],
    }


# characteristic -> (equality field, [(answer, group label)], comparison group)
SIMPLE_GROUPS = {
    "sex": ("sex", [(Sex.FEMALE, "Female"), (Sex.MALE, "Male")], "Male"),
    "disability": (
        "disability",
        [(Disability.YES, "Disabled"), (Disability.NO, "Not disabled")],
        "Not disabled",
    ),
}


def _group_case(characteristic: str, definition: str):
    """(CASE expression naming each EOI's group, the groups in order, the comparison group)."""
    if characteristic in SIMPLE_GROUPS:
        field, pairs, comparison = SIMPLE_GROUPS[characteristic]
        whens = [When(**{f"equality__{field}": v}, then=Value(label)) for v, label in pairs]
        case = Case(*whens, default=Value("Not declared"), output_field=CharField())
        return case, [label for _, label in pairs] + ["Not declared"], comparison
    return (
        Case(
            When(equality__ethnicity__in=minority_codes(definition), then=Value("Ethnic minority")),
            When(equality__ethnicity=Ethnicity.WHITE_BRITISH, then=Value("White British")),
            When(
                equality__ethnicity__in=[c for c in Ethnicity.values if c[0] == "W"],
                then=Value("White minority"),
            ),
            default=Value("Not declared"),
            output_field=CharField(),
        ),
        _ethnic_groups(definition),
        "White British",
    )


def _ethnic_groups(definition: str) -> list[str]:
    if definition == MinorityDefinition.HOME_OFFICE:
        return ["Ethnic minority", "White British", "White minority", "Not declared"]
    return ["Ethnic minority", "White British", "Not declared"]


def _relative(counts, comparison, threshold) -> list[str]:
    """Each stage's rate from EOI for the group over the comparison group's, as "0.85"."""
    shown = []
    for stage, value in enumerate(counts):
        base, comp_base, comp = counts[0], comparison[0], comparison[stage]
        if not base or not comp_base or not comp:
            shown.append("")
        elif 0 < value < threshold or 0 < comp < threshold:
            shown.append(SUPPRESSED)
        else:
            shown.append(f"{(value / base) / (comp / comp_base):.2f}")
    return shown


def _protected_rows(counts: dict, groups: list[str], stages: list[str], threshold: int):
    """Each stage protected as its own row: stages are cumulative, not parts of a whole."""
    rows = []
    for i, stage in enumerate(stages):
        row = protect_table(
            row_labels=[stage],
            col_labels=groups,
            counts=[[counts.get(g, [0] * len(stages))[i] for g in groups]],
            threshold=threshold,
        )
        rows.append((stage, row.cells[0], row.row_totals[0]))
    return rows


def funnel_by_group(
    *, start: date, end: date, characteristic: str = "ethnicity", route: str | None = None
) -> dict:
    """The funnel for each group (ethnicity or sex) under disclosure control, with each
    group's rate from EOI to each stage relative to the comparison group's (White British,
    or male). Equality answers are read only here, in aggregate."""
    return funnels_by_group(start=start, end=end, characteristics=[characteristic], route=route)[
        characteristic
    ]


def funnels_by_group(
    *, start: date, end: date, characteristics: list[str], route: str | None = None
) -> dict[str, dict]:
    """funnel_by_group for several characteristics from one query (one pass over the
    period's EOIs and their equality answers, grouped by every characteristic at once, then
    summed per characteristic): {characteristic: funnel}."""
    definition = minority_definition()
    cases = {c: _group_case(c, definition) for c in characteristics}
    qs = _cohort(start, end)
    if route:
        qs = qs.filter(Q(candidate__route=route) | Q(candidate__isnull=True, route=route))
    grouped = _milestone_rows(
        qs.annotate(**{f"group_{c}": case for c, (case, _, _) in cases.items()}),
        [f"group_{c}" for c in characteristics],
    )
    stages = [name for name, _ in MILESTONES]
    threshold = threshold_setting()
    funnels = {}
    for c, (_, groups, comparison) in cases.items():
        counts = {}
        for row in grouped:
            summed = counts.setdefault(row[f"group_{c}"], [0] * len(stages))
            for i in range(len(stages)):
                summed[i] += row[f"m{i}"]
        funnels[c] = _funnel(counts, groups, comparison, threshold, c, definition)
    return funnels


def _funnel(counts, groups, comparison, threshold, characteristic, definition) -> dict:
    stages = [name for name, _ in MILESTONES]
    rows = _protected_rows(counts, groups, stages, threshold)
    comp = counts.get(comparison, [0] * len(stages))
    relative = {
        g: _relative(counts.get(g, [0] * len(stages)), comp, threshold)
        for g in groups
        if g not in (comparison, "Not declared")
    }
    return {
        "groups": groups,
        "rows": rows,
        "rule": rule_text(threshold),
        "relative": relative,
        "relative_rows": [
            (stage, [relative[g][i] for g in relative]) for i, stage in enumerate(stages)
        ],
        "comparison": comparison,
        "stages": stages,
        "note": DEFINITION_NOTES[definition] if characteristic == "ethnicity" else "",
    }


def _intakes_with_counts(start: date, end: date, definition: str):
    started = Q(candidates__status=Candidate.Status.STARTED)
    equality = "candidates__eoi__equality__"
    declared = [c for c in Ethnicity.values if c != Ethnicity.PREFER_NOT_TO_SAY]
    return (
        Intake.objects.filter(start_date__range=(start, end))
        .annotate(
            started=Count("candidates", filter=started),
            declared=Count(
                "candidates", filter=started & Q(**{f"{equality}ethnicity__in": declared})
            ),
            minority=Count(
                "candidates",
                filter=started & Q(**{f"{equality}ethnicity__in": minority_codes(definition)}),
            ),
            sex_declared=Count(
                "candidates", filter=started & Q(**{f"{equality}sex__in": [Sex.FEMALE, Sex.MALE]})
            ),
            female=Count("candidates", filter=started & Q(**{f"{equality}sex": Sex.FEMALE})),
        )
        .order_by("start_date", "route")
    )


def intake_share(*, start: date, end: date) -> dict:
    """For intakes starting in [start, end]: starters, the ethnic minority share of those who
    declared an ethnicity (against the target setting) and the female share of those who
    declared their sex, each under disclosure control."""
    definition = minority_definition()
    intakes = [i for i in _intakes_with_counts(start, end, definition) if i.started]
    rows = [
        (
            i,
            i.started,
            protected_share(i.minority, i.declared),
            protected_share(i.female, i.sex_declared),
        )
        for i in intakes
    ]
    total = {
        k: sum(getattr(i, k) for i in intakes)
        for k in ("minority", "declared", "female", "sex_declared")
    }
    share = total["minority"] / total["declared"] * 100 if total["declared"] else None
    return {
        "rows": rows,
        "started": sum(i.started for i in intakes),
        "share": protected_share(total["minority"], total["declared"]),
        "share_value": None if 0 < total["minority"] < threshold_setting() else share,
        "female_share": protected_share(total["female"], total["sex_declared"]),
        "target": target_share(),
        "note": DEFINITION_NOTES[definition],
    }


class PeriodForm(forms.Form):
    start = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def period(self) -> tuple[date, date]:
        """The chosen period, or the current financial year."""
        year = FinancialYear.containing(date.today())
        if not self.is_valid():
            return year.start, year.end
        start = self.cleaned_data.get("start") or year.start
        end = self.cleaned_data.get("end") or year.end
        return (start, end) if start <= end else (end, start)


def dashboard(*, start: date, end: date) -> dict:
    """Everything the recruitment dashboard shows for [start, end]."""
    groups = funnels_by_group(
        start=start, end=end, characteristics=["ethnicity", "sex", "disability"]
    )
    return {
        "start": start,
        "end": end,
        "by_channel": eois_by(dimension="channel", start=start, end=end),
        "by_campaign": eois_by(dimension="campaign", start=start, end=end),
        "by_zone": eois_by(dimension="zone", start=start, end=end),
        "by_ambassador": eois_by(dimension="ambassador", start=start, end=end)[:20],
        "costs": campaign_costs(start=start, end=end),
        "by_route": funnel_by_route(start=start, end=end),
        **{f"by_{c}": funnel for c, funnel in groups.items()},
        "intakes": intake_share(start=start, end=end),
    }
