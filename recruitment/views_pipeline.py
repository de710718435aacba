"""Pages for the pipeline after application, positive action and the figures."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.cache import FORCE_WIDE, cached_figures
from core.exports import export_format, export_response
from core.forms import add_service_errors
from core.pagination import keyset_paginate
from people.permissions import can, require
from recruitment import figures, selectors, services
from recruitment.exports import CANDIDATE_COLUMNS
from recruitment.filters import CandidateFilter
from recruitment.forms import (
    IntakeForm,
    StageResultForm,
    StartForm,
    SupportForm,
    TieBreakForm,
    TieBreakStageForm,
)
from recruitment.models import Candidate
from recruitment.views import eoi_for


def candidate_for(request, pk: int) -> Candidate:
    require(request.user, "recruitment.support.record")
    try:
        return selectors.candidates_for(user=request.user).get(pk=pk)
    except Candidate.DoesNotExist as missing:
        raise Http404 from missing


def candidate_list(request):
    require(request.user, "recruitment.support.record")
    filters = CandidateFilter(
        request.GET or None, queryset=selectors.candidates_for(user=request.user)
    )
    fmt = export_format(request)
    if fmt:
        rows = filters.qs.order_by("-applied_on", "-id")
        return export_response(rows, CANDIDATE_COLUMNS, filename="candidates", fmt=fmt)
    page = keyset_paginate(
        filters.qs, ordering=("-applied_on", "-id"), cursor=request.GET.get("after")
    )
    return render(request, "recruitment/candidate_list.html", {"page": page, "filter": filters})


def _candidate_context(request, candidate: Candidate, **forms) -> dict:
    return {
        "candidate": candidate,
        "results": selectors.candidate_results(candidate=candidate),
        "outstanding": services.stages_outstanding(candidate),
        "can_manage": can(request.user, "recruitment.pipeline.manage"),
        "result_form": forms.get("result_form") or StageResultForm(candidate=candidate),
        "intake_form": forms.get("intake_form") or IntakeForm(candidate=candidate),
        "start_form": forms.get("start_form") or StartForm(),
    }


def candidate_detail(request, pk: int):
    candidate = candidate_for(request, pk)
    return render(
        request, "recruitment/candidate_detail.html", _candidate_context(request, candidate)
    )


def _pipeline_post(request, pk: int, form_class, call, form_key: str, form_kwargs):
    """Shared shape of the pipeline's POSTs: check, validate, call the service, show errors."""
    candidate = candidate_for(request, pk)
    require(request.user, "recruitment.pipeline.manage", candidate)
    form = form_class(request.POST, **form_kwargs(candidate))
    if form.is_valid():
        try:
            call(candidate, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("recruitment:candidate", pk=candidate.pk)
    context = _candidate_context(request, candidate, **{form_key: form})
    return render(request, "recruitment/candidate_detail.html", context, status=400)


@require_POST
def stage_result(request, pk: int):
    return _pipeline_post(
        request,
        pk,
        StageResultForm,
        lambda c, data: services.stage_result_record(actor=request.user, candidate=c, **data),
        "result_form",
        lambda c: {"candidate": c},
    )


@require_POST
def candidate_intake(request, pk: int):
    return _pipeline_post(
        request,
        pk,
        IntakeForm,
        lambda c, data: services.candidate_intake_assign(
            actor=request.user, candidate=c, intake=data["intake"]
        ),
        "intake_form",
        lambda c: {"candidate": c},
    )


@require_POST
def candidate_start(request, pk: int):
    return _pipeline_post(
        request,
        pk,
        StartForm,
        lambda c, data: services.candidate_start(
            actor=request.user, candidate=c, staff_number=data["staff_number"]
        ),
        "start_form",
        lambda c: {},
    )


@require_POST
def candidate_offer(request, pk: int, kind: str):
    if kind not in ("conditional", "final"):
        raise Http404
    candidate = candidate_for(request, pk)
    require(request.user, "recruitment.pipeline.manage", candidate)
    try:
        services.offer_make(actor=request.user, candidate=candidate, final=kind == "final")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{kind.capitalize()} offer recorded.")
    return redirect("recruitment:candidate", pk=candidate.pk)


def support_create(request, pk: int):
    eoi = eoi_for(request, pk)
    require(request.user, "recruitment.support.record", eoi)
    form = SupportForm(request.POST or None, initial={"given_on": date.today()})
    if request.method == "POST" and form.is_valid():
        services.support_record(actor=request.user, eoi=eoi, **form.cleaned_data)
        messages.success(request, "Support recorded.")
        return redirect("recruitment:eoi", pk=eoi.pk)
    return render(request, "recruitment/support_form.html", {"eoi": eoi, "form": form})


def tie_break_create(request):
    """Pick the scored stage, then the tied candidates, the one preferred and why."""
    require(request.user, "recruitment.tie_break.record")
    picker = TieBreakStageForm(request.POST or request.GET or None)
    if not picker.is_valid():
        return render(request, "recruitment/tie_break_form.html", {"picker": picker})
    form = TieBreakForm(request.POST or None, stage=picker.cleaned_data["stage"])
    if request.method == "POST" and form.is_valid():
        try:
            services.tie_break_record(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The tie-break decision is recorded.")
            return redirect("recruitment:candidate-list")
    return render(request, "recruitment/tie_break_form.html", {"picker": picker, "form": form})


def intake_list(request):
    require(request.user, "recruitment.support.record")
    page = keyset_paginate(
        selectors.intakes(), ordering=("-start_date", "-id"), cursor=request.GET.get("after")
    )
    return render(request, "recruitment/intake_list.html", {"page": page})


def dashboard(request):
    require(request.user, "recruitment.figures.view")
    form = figures.PeriodForm(request.GET or None)
    start, end = form.period()
    # Force-wide, the same for everyone who may see them, and may be a few minutes old: at
    # 1,000,000 EOIs they take over a second to count (docs/PERFORMANCE.md). The settings that
    # change them (minority definition, target; the disclosure threshold always) are in the key.
    found = cached_figures(
        ("recruitment-figures", start, end, figures.minority_definition(), figures.target_share()),
        lambda: figures.dashboard(start=start, end=end),
        scope=FORCE_WIDE,
    )
    return render(
        request,
        "recruitment/dashboard.html",
        {"form": form, **found.value, "figures_as_at": found.as_at},
    )
