"""Pages for the programme, cost and benefit registers. Readers: benefits analysts, people
analysts and admins; only benefits analysts change anything (everyone else: 403)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.concurrency import StaleEdit
from core.exports import export_format, export_response
from core.forms import add_service_errors
from core.pagination import keyset_paginate
from people.permissions import can, require
from programmes import forms, selectors, services
from programmes.exports import BENEFIT_COLUMNS, PROJECT_COLUMNS
from programmes.filters import BenefitFilter, ProjectFilter
from programmes.models import ProfileLine


def _read(request):
    require(request.user, "programmes.view")


def _change(request):
    require(request.user, "programmes.change")


# Summary figures -----------------------------------------------------------------------------


def summary(request):
    _read(request)
    years = selectors.financial_years(user=request.user)
    first, last = (years[0], years[-1]) if years else ("", "")
    form = forms.YearRangeForm(request.GET or None, initial={"first": first, "last": last})
    if form.is_valid():
        first = form.cleaned_data["first"] or first
        last = form.cleaned_data["last"] or last
    context = {
        "form": form,
        "first": first,
        "last": last,
        "table_1": selectors.table_1(user=request.user, first_year=first, last_year=last),
        "table_2": selectors.table_2(user=request.user),
        "convention": selectors.SIGN_CONVENTION,
        "by_project": request.GET.get("projects") == "1",
    }
    return render(request, "programmes/summary.html", context)


def figures(request):
    _read(request)
    form = forms.FiguresForm(request.GET or None)
    programme = form.cleaned_data["programme"] if form.is_valid() else None
    context = {
        "form": form,
        "programme": programme,
        "by_department": selectors.share_by_department(user=request.user),
        "by_year": selectors.planned_against_actual(user=request.user, programme=programme),
    }
    return render(request, "programmes/figures.html", context)


# The benefit register ------------------------------------------------------------------------


def benefit_list(request):
    _read(request)
    benefits = BenefitFilter(request.GET, queryset=selectors.benefit_list(user=request.user))
    fmt = export_format(request)
    if fmt:
        rows = benefits.qs.order_by("reference", "id")
        return export_response(rows, BENEFIT_COLUMNS, filename="benefit-register", fmt=fmt)
    page = keyset_paginate(
        benefits.qs, ordering=("reference", "id"), cursor=request.GET.get("after")
    )
    context = {
        "filter": benefits,
        "page": page,
        "may_change": can(request.user, "programmes.change"),
    }
    return render(request, "programmes/benefit_list.html", context)


def _benefit(request, pk):
    return get_object_or_404(selectors.benefit_detail(user=request.user), pk=pk)


def benefit_detail(request, pk):
    _read(request)
    benefit = _benefit(request, pk)
    return render(request, "programmes/benefit_detail.html", _detail_context(request, benefit))


def _detail_context(request, benefit, **forms_given) -> dict:
    allowed = services.allowed_transitions(benefit)
    context = _profile_context(request, benefit, add_form=forms_given.get("add_form"))
    context["measurement_form"] = forms_given.get("measurement_form") or forms.MeasurementForm()
    context["transition_form"] = forms_given.get("transition_form") or (
        forms.TransitionForm(allowed=allowed) if allowed else None
    )
    return context


def benefit_create(request):
    _change(request)
    form = forms.BenefitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            benefit = services.benefit_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Benefit {benefit.reference} added to the register.")
            return redirect("programmes:benefit", pk=benefit.pk)
    return render(request, "programmes/benefit_form.html", {"form": form, "benefit": None})


def benefit_edit(request, pk):
    _change(request)
    benefit = _benefit(request, pk)
    initial = {"version": benefit.version}
    form = forms.BenefitEditForm(request.POST or None, instance=benefit, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "reference"}
        try:
            services.benefit_update(actor=request.user, benefit=benefit, **fields)
        except StaleEdit as stale:
            return _stale_benefit(request, pk, stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Benefit saved.")
            return redirect("programmes:benefit", pk=benefit.pk)
    return render(request, "programmes/benefit_form.html", {"form": form, "benefit": benefit})


def _stale_benefit(request, pk, stale):
    """Someone saved the benefit first: their values beside this person's; the form now
    carries their version, so saving again is a deliberate choice."""
    benefit = _benefit(request, pk)
    data = request.POST.copy()
    data["version"] = stale.current.version
    form = forms.BenefitEditForm(data, instance=benefit)
    context = {"form": form, "benefit": benefit, "stale": stale}
    return render(request, "programmes/benefit_form.html", context, status=409)


@require_POST
def benefit_status(request, pk):
    _change(request)
    benefit = _benefit(request, pk)
    form = forms.TransitionForm(request.POST, allowed=services.allowed_transitions(benefit))
    if form.is_valid():
        try:
            services.benefit_transition(
                actor=request.user,
                benefit=benefit,
                to=form.cleaned_data["to"],
                bau_date=form.cleaned_data["bau_date"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{benefit.reference} is now {benefit.get_status_display()}.")
            return redirect("programmes:benefit", pk=benefit.pk)
    benefit = _benefit(request, pk)
    context = _detail_context(request, benefit, transition_form=form)
    return render(request, "programmes/benefit_detail.html", context, status=400)


def benefit_baseline(request, pk):
    """The first baseline of a validated benefit, or a re-baseline of a baselined one."""
    _change(request)
    benefit = _benefit(request, pk)
    rebaseline = benefit.baselines.exists()
    form = forms.BaselineForm(request.POST or None, rebaseline=rebaseline)
    if request.method == "POST" and form.is_valid():
        service = services.benefit_rebaseline if rebaseline else services.benefit_baseline
        data = dict(form.cleaned_data)
        if not rebaseline:
            data["reason"] = data["reason"] or "Initial baseline"
        try:
            version = service(actor=request.user, benefit=benefit, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Baseline version {version.version} approved.")
            return redirect("programmes:benefit", pk=benefit.pk)
    context = {"form": form, "benefit": benefit, "rebaseline": rebaseline}
    return render(request, "programmes/baseline_form.html", context)


@require_POST
def measurement_add(request, pk):
    _change(request)
    benefit = _benefit(request, pk)
    form = forms.MeasurementForm(request.POST)
    if form.is_valid():
        try:
            services.measurement_record(actor=request.user, benefit=benefit, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Measurement recorded.")
            return redirect("programmes:benefit", pk=benefit.pk)
    context = _detail_context(request, benefit, measurement_form=form)
    return render(request, "programmes/benefit_detail.html", context, status=400)


# The profile editor (htmx: rows swap in place; without JavaScript, plain pages) --------------


def _profile_context(request, benefit, **extra) -> dict:
    lines = sorted(benefit.profile.all(), key=lambda line: line.financial_year)
    baseline = max(benefit.baselines.all(), key=lambda v: v.version, default=None)
    return {
        "benefit": benefit,
        "profile": lines,
        "baseline": baseline,
        "totals": selectors.profile_totals(lines),
        "may_change": can(request.user, "programmes.change"),
        "add_form": extra.get("add_form") or forms.ProfileLineForm(prefix="new"),
        "editing": extra.get("editing"),
        "edit_form": extra.get("edit_form"),
    }


def _line(benefit, line_pk) -> ProfileLine:
    # Scoped to the benefit in the URL: another benefit's line is not found.
    return get_object_or_404(ProfileLine, pk=line_pk, benefit=benefit)


def _line_form(line, data=None) -> forms.ProfileLineForm:
    initial = {
        "financial_year": line.financial_year,
        "planned": line.planned,
        "forecast": line.forecast,
        "actual": line.actual,
    }
    return forms.ProfileLineForm(data, initial=initial, prefix=f"line-{line.pk}")


def profile_section(request, pk):
    _read(request)
    benefit = _benefit(request, pk)
    return render(request, "programmes/_profile.html", _profile_context(request, benefit))


def profile_edit(request, pk, line_pk):
    _change(request)
    benefit = _benefit(request, pk)
    line = _line(benefit, line_pk)
    form = _line_form(line, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_line_save(
                actor=request.user, benefit=benefit, line=line, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if request.htmx:
                context = _profile_context(request, _benefit(request, pk))
                return render(request, "programmes/_profile.html", context)
            messages.success(request, f"{line.financial_year} saved.")
            return redirect("programmes:benefit", pk=benefit.pk)
    if request.htmx and request.method == "POST":
        context = _profile_context(request, benefit, editing=line.pk, edit_form=form)
        return render(request, "programmes/_profile.html", context)
    if request.htmx:
        context = {**_profile_context(request, benefit), "line": line, "form": form}
        return render(request, "programmes/_profile_edit_row.html", context)
    status = 400 if request.method == "POST" else 200
    context = {"benefit": benefit, "line": line, "form": form}
    return render(request, "programmes/profile_edit.html", context, status=status)


@require_POST
def profile_delete(request, pk, line_pk):
    _change(request)
    benefit = _benefit(request, pk)
    line = _line(benefit, line_pk)
    services.profile_line_delete(actor=request.user, line=line)
    if request.htmx:
        context = _profile_context(request, _benefit(request, pk))
        return render(request, "programmes/_profile.html", context)
    messages.success(request, f"{line.financial_year} removed from the profile.")
    return redirect("programmes:benefit", pk=benefit.pk)


@require_POST
def profile_add(request, pk):
    _change(request)
    benefit = _benefit(request, pk)
    form = forms.ProfileLineForm(request.POST, prefix="new")
    if form.is_valid():
        try:
            services.profile_line_save(actor=request.user, benefit=benefit, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if request.htmx:
                context = _profile_context(request, _benefit(request, pk))
                return render(request, "programmes/_profile.html", context)
            messages.success(request, "Profile year saved.")
            return redirect("programmes:benefit", pk=benefit.pk)
    if request.htmx:
        context = _profile_context(request, benefit, add_form=form)
        return render(request, "programmes/_profile.html", context)
    context = _detail_context(request, benefit, add_form=form)
    return render(request, "programmes/benefit_detail.html", context, status=400)


# Projects and their money ---------------------------------------------------------------------


def project_list(request):
    _read(request)
    projects = ProjectFilter(request.GET, queryset=selectors.project_list(user=request.user))
    fmt = export_format(request)
    if fmt:
        rows = projects.qs.order_by("programme__position", "programme_id", "position", "name", "id")
        return export_response(rows, PROJECT_COLUMNS, filename="projects", fmt=fmt)
    page = keyset_paginate(
        projects.qs,
        ordering=("programme__position", "programme_id", "position", "name", "id"),
        cursor=request.GET.get("after"),
    )
    context = {
        "filter": projects,
        "page": page,
        "programmes": selectors.programme_list(user=request.user),
        "may_change": can(request.user, "programmes.change"),
    }
    return render(request, "programmes/project_list.html", context)


def programme_create(request):
    _change(request)
    form = forms.ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.programme_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Programme {programme.name} added.")
            return redirect("programmes:project-list")
    return render(request, "programmes/programme_form.html", {"form": form})


@require_POST
def programme_status(request, pk):
    _change(request)
    programme = get_object_or_404(selectors.programme_list(user=request.user), pk=pk)
    status = request.POST.get("status", "")
    try:
        services.programme_set_status(actor=request.user, programme=programme, status=status)
    except ValidationError:
        messages.error(request, "Choose live or closed.")
    else:
        messages.success(request, f"{programme.name} is now {programme.get_status_display()}.")
    return redirect("programmes:project-list")


def _project(request, pk):
    return get_object_or_404(selectors.project_detail(user=request.user), pk=pk)


def _project_page(request, project, status=200, **forms_given):
    context = {
        "project": project,
        "may_change": can(request.user, "programmes.change"),
        "line_form": forms_given.get("line_form") or forms.FinancialLineForm(),
        "fte_form": forms_given.get("fte_form") or forms.FteForm(),
        "totals": selectors.financial_totals(project.financial_lines.all()),
    }
    context["benefits"], context["benefit_count"] = selectors.project_benefits(project=project)
    return render(request, "programmes/project_detail.html", context, status=status)


def project_detail(request, pk):
    _read(request)
    return _project_page(request, _project(request, pk))


def project_create(request):
    _change(request)
    form = forms.ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Project {project.name} added.")
            return redirect("programmes:project", pk=project.pk)
    return render(request, "programmes/project_form.html", {"form": form, "project": None})


def project_edit(request, pk):
    _change(request)
    project = _project(request, pk)
    form = forms.ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Project saved.")
            return redirect("programmes:project", pk=project.pk)
    return render(request, "programmes/project_form.html", {"form": form, "project": project})


@require_POST
def financial_line_save(request, pk):
    _change(request)
    project = _project(request, pk)
    form = forms.FinancialLineForm(request.POST)
    if form.is_valid():
        try:
            services.financial_line_save(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['financial_year']} saved.")
            return redirect("programmes:project", pk=project.pk)
    return _project_page(request, project, status=400, line_form=form)


@require_POST
def fte_save(request, pk):
    _change(request)
    project = _project(request, pk)
    form = forms.FteForm(request.POST)
    if form.is_valid():
        try:
            services.fte_efficiency_save(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "FTE efficiency saved.")
            return redirect("programmes:project", pk=project.pk)
    return _project_page(request, project, status=400, fte_form=form)


# Annual benefits review -----------------------------------------------------------------------


def review_list(request):
    _read(request)
    reviews = selectors.review_list(user=request.user)
    page = keyset_paginate(reviews, ordering=("-as_at", "-id"), cursor=request.GET.get("after"))
    context = {
        "page": page,
        "may_change": can(request.user, "programmes.change"),
        "form": forms.ReviewForm(),
        "compare_form": forms.CompareForm(reviews=reviews),
    }
    return render(request, "programmes/review_list.html", context)


@require_POST
def review_take(request):
    _change(request)
    form = forms.ReviewForm(request.POST)
    if form.is_valid():
        try:
            review = services.benefits_review_take(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Snapshot taken. It cannot be changed.")
            return redirect("programmes:review", pk=review.pk)
    reviews = selectors.review_list(user=request.user)
    page = keyset_paginate(reviews, ordering=("-as_at", "-id"))
    context = {
        "page": page,
        "may_change": True,
        "form": form,
        "compare_form": forms.CompareForm(reviews=reviews),
    }
    return render(request, "programmes/review_list.html", context, status=400)


def review_detail(request, pk):
    _read(request)
    review = get_object_or_404(selectors.review_detail(user=request.user), pk=pk)
    context = {
        "review": review,
        "data": review.data,
        "columns": selectors.TABLE_1_COLUMNS,
        "convention": selectors.SIGN_CONVENTION,
    }
    return render(request, "programmes/review_detail.html", context)


def review_compare(request):
    _read(request)
    reviews = selectors.review_detail(user=request.user)
    form = forms.CompareForm(request.GET or None, reviews=reviews)
    comparison = None
    if form.is_valid():
        comparison = selectors.review_compare(a=form.cleaned_data["a"], b=form.cleaned_data["b"])
    context = {"form": form, "comparison": comparison}
    return render(request, "programmes/review_compare.html", context)
