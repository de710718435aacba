"""Pages for capturing and working EOIs. Each view parses input, checks access, calls one
service or selector and renders. Pipeline and figures pages are in views_pipeline.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.concurrency import StaleEdit
from core.exports import export_format, export_response
from core.forms import add_service_errors
from core.pagination import keyset_paginate
from people.permissions import can, require
from recruitment import selectors, services
from recruitment.exports import EOI_COLUMNS
from recruitment.filters import EOIFilter
from recruitment.forms import (
    AdjustmentForm,
    ApplyForm,
    ContactForm,
    EOIForm,
    MergeForm,
    QuickEOIForm,
    WorkForm,
)
from recruitment.models import ExpressionOfInterest

EOI = ExpressionOfInterest
ZONE_KEY = "recruitment-quick-zone"


def eoi_for(request, pk: int) -> EOI:
    """The EOI if the user may see it; 404 for anyone outside its scope."""
    require(request.user, "recruitment.eoi.view")
    try:
        return selectors.eoi_detail(user=request.user, pk=pk)
    except EOI.DoesNotExist as missing:
        raise Http404 from missing


def eoi_quick(request):
    """The one-handed phone form: an EOI in under 30 seconds, then straight to the next."""
    require(request.user, "recruitment.eoi.capture")
    initial = {"zone": request.session.get(ZONE_KEY)}
    form = QuickEOIForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        zone = data.pop("zone")
        try:
            source = selectors.quick_capture_source(user=request.user, zone=zone)
            eoi = services.eoi_create(actor=request.user, **data, **source)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            request.session[ZONE_KEY] = zone.pk if zone else None
            messages.success(request, f"Saved: {eoi.full_name}. Thank you. Ready for the next one.")
            return redirect("recruitment:quick")
    return render(request, "recruitment/eoi_quick.html", {"form": form})


def _full_form_values(cleaned: dict) -> dict:
    equality = {name: cleaned.pop(name) for name in ("sex", "ethnicity", "disability")}
    return {**cleaned, "equality": equality}


def eoi_create(request):
    require(request.user, "recruitment.eoi.work")
    form = EOIForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            eoi = services.eoi_create(
                actor=request.user, **_full_form_values(dict(form.cleaned_data))
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The EOI is saved.")
            return redirect("recruitment:eoi", pk=eoi.pk)
    return render(request, "recruitment/eoi_form.html", {"form": form})


def eoi_list(request, overdue: bool = False):
    require(request.user, "recruitment.eoi.view")
    base = (selectors.overdue_for if overdue else selectors.eoi_list)(user=request.user)
    filters = EOIFilter(request.GET or None, queryset=base)
    fmt = export_format(request)
    if fmt:
        rows = filters.qs.order_by("-received_on", "-id")
        return export_response(rows, EOI_COLUMNS, filename="eois", fmt=fmt)
    page = keyset_paginate(
        filters.qs, ordering=selectors.eoi_order(filters.qs), cursor=request.GET.get("after")
    )
    return render(
        request,
        "recruitment/eoi_list.html",
        {
            "filter": filters,
            "page": page,
            "overdue": overdue,
            "can_work": can(request.user, "recruitment.eoi.work"),
        },
    )


def eoi_overdue(request):
    return eoi_list(request, overdue=True)


def eoi_detail(request, pk: int):
    eoi = eoi_for(request, pk)
    can_work = can(request.user, "recruitment.eoi.work")
    context = {
        "eoi": eoi,
        "can_work": can_work,
        "can_support": can(request.user, "recruitment.support.record"),
        "can_erase": can(request.user, "recruitment.pipeline.manage"),
    }
    if can_work:
        context.update(_work_context(eoi))
    return render(request, "recruitment/eoi_detail.html", context)


def _work_context(eoi: EOI, **forms) -> dict:
    duplicates = selectors.duplicates_of(eoi=eoi)
    initial = {
        "assigned_to": eoi.assigned_to_id,
        "status": eoi.status,
        "closed_reason": eoi.closed_reason,
        "next_action": eoi.next_action,
        "next_action_on": eoi.next_action_on,
        "version": eoi.version,
    }
    return {
        "contacts": eoi.contacts.select_related("officer"),
        "support": eoi.support.select_related("given_by"),
        "duplicates": duplicates,
        "candidate": getattr(eoi, "candidate", None),
        "work_form": forms.get("work_form") or WorkForm(initial=initial),
        "contact_form": forms.get("contact_form") or ContactForm(),
        "merge_form": MergeForm(duplicates=duplicates),
        "apply_form": forms.get("apply_form") or ApplyForm(initial={"route": eoi.route}),
        "adjustment_form": AdjustmentForm(),
    }


def _rerender(request, eoi: EOI, stale=None, **forms):
    context = {"eoi": eoi, "can_work": True, "can_support": True, **_work_context(eoi, **forms)}
    status = 400
    if stale is not None:
        context["stale"], status = stale, 409
    return render(request, "recruitment/eoi_detail.html", context, status=status)


def _stale_form(form_class, request, stale: StaleEdit):
    """The person's own values again, now carrying the version the other person saved, so a
    second save (after reading what they changed) is a deliberate overwrite."""
    data = request.POST.copy()
    data["version"] = stale.current.version
    return form_class(data)


@require_POST
def eoi_work(request, pk: int):
    eoi = eoi_for(request, pk)
    require(request.user, "recruitment.eoi.work", eoi)
    form = WorkForm(request.POST)
    if form.is_valid():
        try:
            services.eoi_work_update(actor=request.user, eoi=eoi, **form.cleaned_data)
        except StaleEdit as stale:
            eoi.refresh_from_db()
            return _rerender(request, eoi, stale, work_form=_stale_form(WorkForm, request, stale))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("recruitment:eoi", pk=eoi.pk)
    return _rerender(request, eoi, work_form=form)


@require_POST
def eoi_contact(request, pk: int):
    eoi = eoi_for(request, pk)
    require(request.user, "recruitment.eoi.work", eoi)
    form = ContactForm(request.POST)
    if form.is_valid():
        services.eoi_contact_log(actor=request.user, eoi=eoi, **form.cleaned_data)
        messages.success(request, "Contact logged.")
        return redirect("recruitment:eoi", pk=eoi.pk)
    return _rerender(request, eoi, contact_form=form)


@require_POST
def eoi_merge(request, pk: int):
    eoi = eoi_for(request, pk)
    require(request.user, "recruitment.eoi.work", eoi)
    form = MergeForm(request.POST, duplicates=selectors.duplicates_of(eoi=eoi))
    if form.is_valid():
        try:
            services.eoi_merge(
                actor=request.user, keep=eoi, duplicate=form.cleaned_data["duplicate"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Merged. Every source is kept on this EOI.")
    else:
        messages.error(request, "Choose one of the possible duplicates listed.")
    return redirect("recruitment:eoi", pk=eoi.pk)


@require_POST
def eoi_apply(request, pk: int):
    eoi = eoi_for(request, pk)
    require(request.user, "recruitment.eoi.work", eoi)
    form = ApplyForm(request.POST)
    if form.is_valid():
        try:
            candidate = services.candidate_create(actor=request.user, eoi=eoi, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("recruitment:candidate", pk=candidate.pk)
    return _rerender(request, eoi, apply_form=form)


@require_POST
def eoi_adjustment(request, pk: int):
    eoi = eoi_for(request, pk)
    require(request.user, "recruitment.eoi.work", eoi)
    form = AdjustmentForm(request.POST)
    if form.is_valid():
        services.eoi_adjustment_declare(
            actor=request.user, eoi=eoi, details=form.cleaned_data["details"]
        )
        messages.success(request, "Passed to the reasonable adjustments officers.")
    else:
        messages.error(request, "Write what they need before passing it on.")
    return redirect("recruitment:eoi", pk=eoi.pk)
