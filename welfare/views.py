"""Welfare pages. Cases are reached only through selectors scoped by user: anyone outside the
welfare team gets 404 on a case; team-only pages answer 403 to other roles. Every page that
shows a case writes one access-log row (core.audit.record_read)."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.audit import record_read
from core.cache import FORCE_WIDE, cached_figures
from core.concurrency import StaleEdit
from core.exports import export_format, export_response
from core.forms import add_service_errors
from core.pagination import keyset_paginate
from people import services as people_services
from people.permissions import require
from welfare import figures, forms, selectors, services
from welfare.exports import CASE_COLUMNS
from welfare.filters import CaseFilter, ProbationFilter
from welfare.models import Reg13Stage
from welfare.services import first_contact_target

CASE_ORDER = ("-notified_on", "-id")


def _team(request):
    require(request.user, "welfare.case.work")


def case_list(request):
    _team(request)
    filterset = CaseFilter(
        request.GET or None,
        queryset=selectors.cases_for(user=request.user).select_related("officer__probation"),
        request=request,
    )
    fmt = export_format(request)
    if fmt:
        rows = filterset.qs.order_by(*CASE_ORDER)
        return export_response(rows, CASE_COLUMNS, filename="welfare-cases", fmt=fmt)
    page = keyset_paginate(filterset.qs, ordering=CASE_ORDER, cursor=request.GET.get("after"))
    return render(
        request,
        "welfare/case_list.html",
        {"filter": filterset, "page": page, "today": date.today()},
    )


def overdue(request):
    _team(request)
    today = date.today()
    return render(
        request,
        "welfare/overdue.html",
        {
            "cases": selectors.overdue_first_contact(user=request.user, today=today)[:200],
            "follow_ups": selectors.follow_ups_due(user=request.user, today=today)[:200],
            "target": first_contact_target(),
            "today": today,
        },
    )


def case_open(request):
    _team(request)
    form = forms.CaseOpenForm(request.POST or None, initial={"officer": request.GET.get("officer")})
    if request.method == "POST" and form.is_valid():
        try:
            case = services.welfare_case_open(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Case opened.")
            return redirect("welfare:case-detail", pk=case.pk)
    return render(request, "welfare/form.html", {"form": form, "title": "Open a welfare case"})


def _case_forms(case, **given):
    resignation = getattr(case, "resignation", None)  # loaded with the case (case_for)
    support = list(case.support.all())
    themes = list(case.themes.all())
    defaults = {
        "assign_form": forms.AssignForm(
            initial={"assigned_to": case.assigned_to_id, "version": case.version}
        ),
        "support_form": forms.SupportForm(
            initial={
                "kinds": [s.kind for s in support],
                "support_notes": case.support_notes,
                "version": case.version,
            }
        ),
        "themes_form": forms.ThemesForm(
            initial={"themes": [t.theme for t in themes], "theme_notes": case.theme_notes}
        ),
        "close_form": forms.CloseForm(),
        "withdraw_form": forms.WithdrawForm(),
        "contact_form": forms.ContactForm(),
    }
    return {
        **defaults,
        **given,
        "resignation": resignation,
        "support": support,
        "themes": themes,
        "reg13_cases": list(case.reg13_cases.all()),
    }


def _show_case(request, case, template="welfare/case_detail.html", **given):
    record_read(user=request.user, obj=case)
    context = {"case": case, "probation": getattr(case.officer, "probation", None)}
    if template.endswith("case_notes.html"):
        context["contacts"] = case.contacts.select_related("recorded_by")
        context["contact_form"] = given.get("contact_form", forms.ContactForm())
    else:
        context.update(_case_forms(case, **given))
    return render(request, template, context)


def case_detail(request, pk):
    case = selectors.case_for(user=request.user, pk=pk)
    return _show_case(request, case)


def case_notes(request, pk):
    case = selectors.case_for(user=request.user, pk=pk)
    return _show_case(request, case, "welfare/case_notes.html")


def _case_post(request, pk, form_class, form_name, call, template="welfare/case_detail.html"):
    """Shared POST handling: validate, call the service, or show the case with the errors."""
    case = selectors.case_for(user=request.user, pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            call(case, form.cleaned_data)
        except StaleEdit as stale:
            return _show_stale(request, stale, form_class, form_name, template)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved.")
            target = (
                "welfare:case-notes" if template.endswith("notes.html") else "welfare:case-detail"
            )
            return redirect(target, pk=case.pk)
    return _show_case(request, case, template, **{form_name: form})


def _show_stale(request, stale: StaleEdit, form_class, form_name, template):
    """Someone saved the case first: their values beside this person's, and the form again
    (now at their version) so saving once more is a deliberate choice."""
    data = request.POST.copy()
    data["version"] = stale.current.version
    case = selectors.case_for(user=request.user, pk=stale.current.pk)
    forms_given = {"stale": stale, form_name: form_class(data)}
    response = _show_case(request, case, template, **forms_given)
    response.status_code = 409
    return response


@require_POST
def contact_add(request, pk):
    return _case_post(
        request,
        pk,
        forms.ContactForm,
        "contact_form",
        lambda case, data: services.welfare_contact_record(actor=request.user, case=case, **data),
        "welfare/case_notes.html",
    )


@require_POST
def case_assign(request, pk):
    return _case_post(
        request,
        pk,
        forms.AssignForm,
        "assign_form",
        lambda case, data: services.welfare_case_assign(actor=request.user, case=case, **data),
    )


@require_POST
def support_record(request, pk):
    return _case_post(
        request,
        pk,
        forms.SupportForm,
        "support_form",
        lambda case, data: services.welfare_support_record(
            actor=request.user,
            case=case,
            kinds=data["kinds"],
            offered_on=data["offered_on"],
            notes=data["support_notes"],
            version=data["version"],
        ),
    )


@require_POST
def themes_record(request, pk):
    return _case_post(
        request,
        pk,
        forms.ThemesForm,
        "themes_form",
        lambda case, data: services.welfare_themes_record(
            actor=request.user, case=case, themes=data["themes"], notes=data["theme_notes"]
        ),
    )


@require_POST
def case_close(request, pk):
    return _case_post(
        request,
        pk,
        forms.CloseForm,
        "close_form",
        lambda case, data: services.welfare_case_close(actor=request.user, case=case, **data),
    )


def _withdraw(request, case, data):
    resignation = getattr(case, "resignation", None)  # loaded with the case (case_for)
    if resignation is None:
        raise ValidationError("This case has no resignation.")
    services.resignation_withdraw(actor=request.user, resignation=resignation, **data)


@require_POST
def resignation_withdraw(request, pk):
    return _case_post(
        request,
        pk,
        forms.WithdrawForm,
        "withdraw_form",
        lambda case, data: _withdraw(request, case, data),
    )


def resignation_new(request):
    _team(request)
    initial = {"officer": request.GET.get("officer", "")}
    form = forms.ResignationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            resignation = services.resignation_record(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Resignation recorded; the welfare case is open.")
            return redirect("welfare:case-detail", pk=resignation.case_id)
    return render(request, "welfare/form.html", {"form": form, "title": "Record a resignation"})


def concern_list(request):
    require(request.user, "welfare.concern.raise")
    page = keyset_paginate(
        selectors.concerns_raised_by(user=request.user),
        ordering=CASE_ORDER,
        cursor=request.GET.get("after"),
    )
    return render(request, "welfare/concern_list.html", {"page": page})


def concern_raise(request):
    require(request.user, "welfare.concern.raise")
    students = selectors.student_officers_of(manager=request.user)
    form = forms.ConcernForm(request.POST or None, students=students)
    if request.method == "POST" and form.is_valid():
        try:
            services.welfare_concern_raise(manager=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Thank you. The welfare team has your concern.")
            return redirect("welfare:concern-list")
    return render(
        request, "welfare/concern_form.html", {"form": form, "has_students": students.exists()}
    )


def probation_list(request):
    _team(request)
    filterset = ProbationFilter(
        request.GET or None, queryset=selectors.probations_for(user=request.user)
    )
    page = keyset_paginate(
        filterset.qs, ordering=("-start_date", "-id"), cursor=request.GET.get("after")
    )
    return render(request, "welfare/probation_list.html", {"filter": filterset, "page": page})


def _show_probation(request, probation, **given):
    record_read(user=request.user, obj=probation)
    context = {
        "probation": probation,
        "extensions": probation.extensions.select_related("approved_by"),
        "cases": probation.officer.welfare_cases.order_by("-notified_on", "-id"),
        "extend_form": given.get("extend_form") or forms.ProbationExtendForm(),
        "confirm_form": given.get("confirm_form") or forms.ProbationConfirmForm(),
    }
    return render(request, "welfare/probation_detail.html", context)


def probation_detail(request, pk):
    return _show_probation(request, selectors.probation_for(user=request.user, pk=pk))


def _probation_post(request, pk, form_class, form_name, call):
    probation = selectors.probation_for(user=request.user, pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            call(probation, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("welfare:probation-detail", pk=probation.pk)
    return _show_probation(request, probation, **{form_name: form})


@require_POST
def probation_extend(request, pk):
    return _probation_post(
        request,
        pk,
        forms.ProbationExtendForm,
        "extend_form",
        lambda probation, data: people_services.probation_extend(
            actor=request.user, probation=probation, **data
        ),
    )


@require_POST
def probation_confirm(request, pk):
    return _probation_post(
        request,
        pk,
        forms.ProbationConfirmForm,
        "confirm_form",
        lambda probation, data: people_services.probation_confirm(
            actor=request.user, probation=probation, **data
        ),
    )


def reg13_list(request):
    _team(request)
    page = keyset_paginate(
        selectors.reg13_cases_for(user=request.user),
        ordering=("-created_at", "-id"),
        cursor=request.GET.get("after"),
    )
    return render(request, "welfare/reg13_list.html", {"page": page})


def reg13_open(request):
    _team(request)
    form = forms.Reg13OpenForm(
        request.POST or None, initial={"officer": request.GET.get("officer")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            reg13 = services.reg13_open(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("welfare:reg13-detail", pk=reg13.pk)
    return render(
        request, "welfare/form.html", {"form": form, "title": "Refer under Regulation 13"}
    )


def reg13_detail(request, pk):
    reg13 = selectors.reg13_case_for(user=request.user, pk=pk)
    form = forms.Reg13AdvanceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reg13_advance(actor=request.user, reg13=reg13, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Stage recorded.")
            return redirect("welfare:reg13-detail", pk=reg13.pk)
    record_read(user=request.user, obj=reg13)
    return render(
        request,
        "welfare/reg13_detail.html",
        {
            "reg13": reg13,
            "stages": reg13.stages.select_related("recorded_by"),
            "form": form,
            "is_closed": reg13.stage == Reg13Stage.NOTICE or reg13.decision not in ("", "dispense"),
        },
    )


def _figures_context(form) -> dict:
    data = form.cleaned_data if form.is_valid() else {}
    cohort = figures.Cohort(data.get("cohort_from"), data.get("cohort_to"), data.get("as_at"))
    start, end = data.get("cases_from"), data.get("cases_to")
    # Force-wide aggregates under disclosure control: the key is every filter, with the
    # cohort's as-at day (today when none is chosen).
    found = cached_figures(
        ("welfare-dashboard", cohort.start, cohort.end, cohort.day, start, end),
        lambda: figures.dashboard(cohort, start=start, end=end),
        scope=FORCE_WIDE,
    )
    return {
        "cohort": cohort,
        **found.value,
        "figures_as_at": found.as_at,
        "target": first_contact_target(),
    }


def dashboard(request):
    require(request.user, "welfare.figures.view")
    form = forms.FiguresForm(request.GET or None)
    return render(request, "welfare/dashboard.html", {"form": form, **_figures_context(form)})
