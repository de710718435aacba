"""Thin views: parse, check access (403 wrong role, 404 out of scope), call one service or
selector, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.audit import record_read
from core.cache import FORCE_WIDE, cached_figures
from core.concurrency import StaleEdit
from core.exports import export_format, export_response
from core.pagination import keyset_paginate
from people.permissions import has_role, require
from people.roles import Role
from performance import selectors, services
from performance.exports import PANEL_COLUMNS, team_columns
from performance.filters import PanelRatingFilter
from performance.forms import (
    AppealDecisionForm,
    AppealForm,
    CheckInForm,
    DecisionForm,
    MeasureForm,
    ObjectiveForm,
    RatingForm,
    ReviewForm,
    YearForm,
    YearMeasureForm,
)
from performance.models import AppealStatus, ModerationPanel, ObjectiveLevel, PerformanceYear


def _year(request) -> PerformanceYear:
    year, every = selectors.year_choice(request.GET.get("year"))
    if year is None:
        raise Http404("No performance year has been set up.")
    year.choices = every  # for the year chooser, without a second query
    return year


def _year_form(request, year, form_class=YearForm):
    return form_class(request.GET or {"year": year.start_year}, years=year.choices, auto_id="yf_%s")


def _with_year(url: str, year: PerformanceYear) -> str:
    return f"{url}?year={year.start_year}"


# ---- the colleague -------------------------------------------------------------------------


def my_year(request):
    year = _year(request)
    groups = selectors.objectives_for(person=request.user, year=year)
    check_ins = keyset_paginate(
        selectors.check_ins_for(person=request.user, year=year),
        ordering=("-held_on", "-id"),
        cursor=request.GET.get("after"),
    )
    return render(
        request,
        "performance/my_year.html",
        {
            "year": year,
            "phase": selectors.phase_of(year),
            "year_form": _year_form(request, year),
            "groups": groups,
            "missing": selectors.missing_text(groups),
            "page": check_ins,
            "review": selectors.review_for(person=request.user, year=year),
            "rating": selectors.final_rating_or_none(user=request.user, year=year),
        },
    )


def my_rating(request, start_year: int):
    year = get_object_or_404(PerformanceYear, start_year=start_year)
    rating = selectors.final_rating_for(user=request.user, year=year)
    appeal = selectors.appeal_for(rating=rating)
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_lodge(actor=request.user, rating=rating, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, "Your appeal is lodged. The panel will decide it.")
            return redirect("performance:my-rating", start_year=start_year)
    return render(
        request,
        "performance/my_rating.html",
        {
            "year": year,
            "phase": selectors.phase_of(year),
            "rating": rating,
            "appeal": appeal,
            "form": form,
        },
    )


# ---- the line manager ----------------------------------------------------------------------


def team(request):
    require(request.user, "performance.team.view")
    year = _year(request)
    fmt = export_format(request)
    if fmt:
        return _team_export(request.user, year, fmt)
    page = keyset_paginate(
        selectors.team_for(manager=request.user, year=year),
        ordering=("last_name", "first_name", "id"),
        cursor=request.GET.get("after"),
    )
    ratings = selectors.ratings_by_person(people=page.items, year=year)
    rows = [(person, ratings.get(person.pk)) for person in page]
    return render(
        request,
        "performance/team.html",
        {
            "year": year,
            "phase": selectors.phase_of(year),
            "year_form": _year_form(request, year),
            "page": page,
            "rows": rows,
        },
    )


def _team_export(manager, year, fmt):
    people = list(
        selectors.team_for(manager=manager, year=year).order_by("last_name", "first_name", "id")
    )
    ratings = selectors.ratings_by_person(people=people, year=year)
    filename = f"team-{year.start_year}"
    return export_response(people, team_columns(ratings), filename=filename, fmt=fmt)


def _objective(request, year, person, data):
    return services.objective_set(
        actor=request.user,
        year=year,
        level=ObjectiveLevel.INDIVIDUAL,
        person=person,
        **data,
    )


def _check_in(request, year, person, data):
    return services.check_in_record(actor=request.user, year=year, person=person, **data)


def _review(request, year, person, data):
    return services.year_end_review_complete(actor=request.user, year=year, person=person, **data)


def _rating(request, year, person, data):
    return services.rating_give(actor=request.user, year=year, person=person, **data)


MEMBER_ACTIONS = {
    "objective": (ObjectiveForm, _objective, "Objective saved."),
    "check_in": (CheckInForm, _check_in, "Check-in recorded."),
    "review": (ReviewForm, _review, "Year-end review recorded as completed."),
    "rating": (RatingForm, _rating, "Provisional rating saved; the panel will moderate it."),
}


def _member_forms(request, year, action):
    forms = {}
    for name, (form_class, _, _) in MEMBER_ACTIONS.items():
        data = request.POST if name == action else None
        extra = {"year": year} if name == "rating" else {}
        forms[name] = form_class(data, prefix=name, **extra)
    return forms


def team_member(request, staff_number: str):
    require(request.user, "performance.team.view")
    year = _year(request)
    person = selectors.team_member(manager=request.user, staff_number=staff_number, year=year)
    action = request.POST.get("action") if request.method == "POST" else None
    forms = _member_forms(request, year, action)
    if action in MEMBER_ACTIONS and forms[action].is_valid():
        _, service, done = MEMBER_ACTIONS[action]
        try:
            service(request, year, person, forms[action].cleaned_data)
        except StaleEdit as stale:
            return _stale_rating(request, year, person, stale)
        except ValidationError as error:
            forms[action].add_service_error(error)
        else:
            messages.success(request, done)
            url = reverse("performance:team-member", args=[person.staff_number])
            return redirect(_with_year(url, year))
    return _member_page(request, year, person, forms)


def _member_page(request, year, person, forms, stale=None):
    groups = selectors.objectives_for(person=person, year=year)
    rating = selectors.rating_for(person=person, year=year)
    if not forms["rating"].is_bound:
        forms["rating"].initial["version"] = rating.version if rating else 0
    context = {
        "year": year,
        "phase": selectors.phase_of(year),
        "person": person,
        "groups": groups,
        "missing": selectors.missing_text(groups),
        "page": keyset_paginate(
            selectors.check_ins_for(person=person, year=year),
            ordering=("-held_on", "-id"),
            cursor=request.GET.get("after"),
        ),
        "rating": rating,
        "forms": forms,
        "stale": stale,
    }
    status = 409 if stale else 200
    return render(request, "performance/team_member.html", context, status=status)


def _stale_rating(request, year, person, stale):
    """Someone saved the rating first: their levels beside this manager's; the form now
    carries their version, so saving again is a deliberate choice."""
    data = request.POST.copy()
    data["rating-version"] = stale.current.version
    forms = _member_forms(request, year, None)
    forms["rating"] = RatingForm(data, prefix="rating", year=year)
    return _member_page(request, year, person, forms, stale=stale)


# ---- the moderator -------------------------------------------------------------------------


def panels(request):
    require(request.user, "performance.panels.view")
    page = keyset_paginate(
        selectors.panels_for(user=request.user),
        ordering=("-meets_on", "-id"),
        cursor=request.GET.get("after"),
    )
    return render(request, "performance/panels.html", {"page": page})


def panel_detail(request, pk: int):
    require(request.user, "performance.panels.view")
    panel = selectors.panel_for(user=request.user, pk=pk)
    filters = PanelRatingFilter(
        request.GET, queryset=selectors.panel_ratings(panel=panel, user=request.user)
    )
    fmt = export_format(request)
    if fmt:
        rows = filters.qs.order_by("person__last_name", "person__first_name", "id")
        return export_response(rows, PANEL_COLUMNS, filename=f"panel-{panel.pk}", fmt=fmt)
    page = keyset_paginate(
        filters.qs,
        ordering=("person__last_name", "person__first_name", "id"),
        cursor=request.GET.get("after"),
    )
    distribution = selectors.rating_distributions(
        year=panel.year, department_id=panel.department_id
    )
    return render(
        request,
        "performance/panel_detail.html",
        {
            "panel": panel,
            "phase": selectors.phase_of(panel.year),
            "filter": filters,
            "page": page,
            "distribution": distribution,
            "progress": distribution["progress"],
        },
    )


def _decision_levels(rating, data):
    if data["outcome"] == "confirm":
        return rating.provisional_what, rating.provisional_how
    return data["what"], data["how"]


def panel_decide(request, pk: int, rating_pk: int):
    require(request.user, "performance.panels.view")
    panel = selectors.panel_for(user=request.user, pk=pk)
    rating = selectors.panel_rating(panel=panel, pk=rating_pk, user=request.user)
    form = DecisionForm(request.POST or None, year=panel.year)
    if request.method == "POST" and form.is_valid():
        what, how = _decision_levels(rating, form.cleaned_data)
        try:
            services.moderation_decide(
                actor=request.user,
                rating=rating,
                what=what,
                how=how,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Decision recorded for {rating.person.get_full_name()}.")
            return redirect("performance:panel", pk=panel.pk)
    return render(
        request,
        "performance/panel_decide.html",
        {"panel": panel, "rating": rating, "form": form},
    )


@require_POST
def panel_close(request, pk: int):
    require(request.user, "performance.panels.view")
    panel = selectors.panel_for(user=request.user, pk=pk)
    try:
        count = services.moderation_panel_close(actor=request.user, panel=panel)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Panel closed: {count} ratings are final and visible.")
    return redirect("performance:panel", pk=panel.pk)


def appeal_decide(request, pk: int, appeal_pk: int):
    require(request.user, "performance.panels.view")
    panel = selectors.panel_for(user=request.user, pk=pk)
    appeal = selectors.panel_appeal(panel=panel, pk=appeal_pk)
    form = AppealDecisionForm(request.POST or None, year=panel.year)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.appeal_decide(
                actor=request.user,
                appeal=appeal,
                upheld=data["decision"] == AppealStatus.UPHELD,
                reason=data["reason"],
                what=data["what"],
                how=data["how"],
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, "Appeal decided.")
            return redirect("performance:panel", pk=panel.pk)
    return render(
        request,
        "performance/appeal_decide.html",
        {"panel": panel, "appeal": appeal, "form": form},
    )


# ---- fairness and figures (aggregates only) ------------------------------------------------


def _measure(form) -> str:
    if form.is_valid() and form.cleaned_data.get("measure"):
        return form.cleaned_data["measure"]
    return "what"


def panel_fairness(request, pk: int):
    require(request.user, "performance.panel_fairness.view")
    if has_role(request.user, Role.PEOPLE_ANALYST, Role.ADMIN):
        panel = get_object_or_404(
            ModerationPanel.objects.select_related("year", "department"), pk=pk
        )
    else:
        panel = selectors.panel_for(user=request.user, pk=pk)
    form = MeasureForm(request.GET or None, auto_id="mf_%s")
    report = selectors.fairness_report(
        year=panel.year, department_id=panel.department_id, measure=_measure(form)
    )
    record_read(user=request.user, obj=panel, reason="fairness analysis (aggregate)")
    return render(
        request,
        "performance/fairness.html",
        {"report": report, "panel": panel, "year": panel.year, "form": form, "scope": panel},
    )


def fairness(request):
    require(request.user, "performance.figures.view")
    year = _year(request)
    form = _year_form(request, year, YearMeasureForm)
    report = selectors.fairness_report(year=year, measure=_measure(form))
    record_read(user=request.user, obj=year, reason="fairness analysis (aggregate)")
    return render(
        request,
        "performance/fairness.html",
        {"report": report, "year": year, "form": form, "scope": "the force"},
    )


def dashboard(request):
    require(request.user, "performance.figures.view")
    year = _year(request)
    # Force-wide figures, the same for everyone allowed here: keyed by the year.
    found = cached_figures(
        ("performance-figures", year.pk),
        lambda: selectors.dashboard(year=year),
        scope=FORCE_WIDE,
    )
    return render(
        request,
        "performance/dashboard.html",
        {
            "year": year,
            "phase": selectors.phase_of(year),
            "year_form": _year_form(request, year),
            **found.value,
            "figures_as_at": found.as_at,
        },
    )
