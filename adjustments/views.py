"""Thin views: parse, check access (404 out of scope, 403 wrong role), call one service or
selector, render. The moves themselves are listed in `actions.py`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from adjustments import forms, selectors, services
from adjustments.actions import (
    ADJUSTMENT_ACTIONS,
    NEED_ACTIONS,
    PASSPORT_ACTIONS,
    REFERRAL_ACTIONS,
    post_data,
)
from adjustments.exports import QUEUE_COLUMNS
from adjustments.filters import JoinerNeedFilter, QueueFilter, ReferralFilter
from adjustments.models import AccessToWork, Adjustment, JoinerNeed
from adjustments.permissions import manager_has_consent
from core.audit import record_read
from core.concurrency import StaleEdit
from core.exports import export_format, export_response
from core.forms import add_service_errors
from core.pagination import keyset_paginate
from people.models import User
from people.permissions import can, require

QUEUE_NEEDS_SHOWN = 20


def _passport(request, pk):
    return get_object_or_404(selectors.passports_visible_to(user=request.user), pk=pk)


def _referral(request, pk):
    return get_object_or_404(selectors.referrals_visible_to(user=request.user), pk=pk)


def run_action(request, obj, action, back: str):
    """Show an action's form (or a confirmation), run its service on POST."""
    require(request.user, action.permission, obj)
    form = action.make_form(request, obj)
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            action.service(request.user, obj, **(form.cleaned_data if form else {}))
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
                return redirect(back)
            add_service_errors(form, error)
        else:
            messages.success(request, action.done)
            return redirect(back)
    context = {"form": form, "action": action, "back": back, "obj": obj}
    return render(request, "adjustments/action.html", context)


def _form_page(request, form, title: str, back: str, save):
    """A create/edit page: on a valid POST call `save(cleaned_data)`; errors stay on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect(result)
    return render(request, "adjustments/form.html", {"form": form, "title": title, "back": back})


# Passports ------------------------------------------------------------------------------


def my_passport(request):
    passport = selectors.own_open_passport(user=request.user)
    if passport is None:
        return redirect("adjustments:passport-create")
    return redirect("adjustments:passport", pk=passport.pk)


def passport_create(request):
    form = forms.PassportCreateForm(post_data(request))

    def save(data):
        passport = services.passport_create(actor=request.user, owner=request.user, **data)
        return reverse("adjustments:passport", args=[passport.pk])

    return _form_page(request, form, "Start my adjustment passport", reverse("home"), save)


def passport_detail(request, pk):
    passport = _passport(request, pk)
    record_read(user=request.user, obj=passport)
    user = request.user
    context = {
        "passport": passport,
        **selectors.passport_page(passport=passport),
        "is_owner": passport.owner_id == user.pk,
        "actions": _passport_actions(user, passport),
        "may_request": can(user, "adjustments.adjustment.request", passport),
        "may_decide": can(user, "adjustments.adjustment.decide"),
        "may_edit": can(user, "adjustments.passport.edit", passport),
    }
    return render(request, "adjustments/passport_detail.html", context)


def _passport_actions(user, passport) -> list:
    hidden = set()
    if passport.owner_id == user.pk:  # only the owner is offered share / stop sharing
        hidden = {"share"} if manager_shared(passport) else {"unshare"}
    return [
        (name, action)
        for name, action in PASSPORT_ACTIONS.items()
        if name not in hidden
        and action.offered(passport)
        and can(user, action.permission, passport)
    ]


def manager_shared(passport) -> bool:
    manager = passport.owner.line_manager
    return manager is not None and manager_has_consent(manager, passport)


def passport_edit(request, pk):
    passport = _passport(request, pk)
    require(request.user, "adjustments.passport.edit", passport)
    initial = {"version": passport.version}
    form = forms.PassportEditForm(post_data(request), instance=passport, initial=initial)
    back = reverse("adjustments:passport", args=[pk])

    def save(data):
        services.passport_update(actor=request.user, passport=passport, **data)
        return back

    try:
        return _form_page(request, form, "Update my passport", back, save)
    except StaleEdit as stale:
        # Their saved sections beside this person's; the form now carries their version.
        data = request.POST.copy()
        data["version"] = stale.current.version
        form = forms.PassportEditForm(data, instance=_passport(request, pk))
        context = {"form": form, "title": "Update my passport", "back": back, "stale": stale}
        return render(request, "adjustments/form.html", context, status=409)


def passport_action(request, pk, action):
    passport = _passport(request, pk)
    if action not in PASSPORT_ACTIONS:
        raise Http404
    back = reverse("adjustments:passport", args=[pk])
    return run_action(request, passport, PASSPORT_ACTIONS[action], back)


def adjustment_add(request, pk):
    passport = _passport(request, pk)
    require(request.user, "adjustments.adjustment.request", passport)
    form = forms.AdjustmentForm(post_data(request), instance=Adjustment(passport=passport))
    back = reverse("adjustments:passport", args=[pk])

    def save(data):
        services.adjustment_request(actor=request.user, passport=passport, **data)
        return back

    return _form_page(request, form, "Ask for an adjustment", back, save)


def adjustment_action(request, pk, action):
    visible = selectors.passports_visible_to(user=request.user)
    adjustment = get_object_or_404(
        Adjustment.objects.select_related("passport__owner").filter(passport__in=visible), pk=pk
    )
    if action not in ADJUSTMENT_ACTIONS:
        raise Http404
    back = reverse("adjustments:passport", args=[adjustment.passport_id])
    return run_action(request, adjustment, ADJUSTMENT_ACTIONS[action], back)


def access_to_work_add(request, pk):
    passport = _passport(request, pk)
    require(request.user, "adjustments.adjustment.request", passport)
    form = forms.AccessToWorkForm(post_data(request), instance=AccessToWork(passport=passport))
    back = reverse("adjustments:passport", args=[pk])

    def save(data):
        services.access_to_work_record(actor=request.user, passport=passport, **data)
        return back

    return _form_page(request, form, "Record an Access to Work application", back, save)


def access_to_work_edit(request, pk):
    visible = selectors.passports_visible_to(user=request.user)
    application = get_object_or_404(AccessToWork.objects.filter(passport__in=visible), pk=pk)
    require(request.user, "adjustments.access_to_work.update", application)
    form = forms.AccessToWorkForm(post_data(request), instance=application)
    back = reverse("adjustments:passport", args=[application.passport_id])

    def save(data):
        services.access_to_work_update(actor=request.user, application=application, **data)
        return back

    return _form_page(request, form, "Update the Access to Work application", back, save)


def team_passports(request):
    require(request.user, "adjustments.team.view")
    page = keyset_paginate(
        selectors.passports_shared_with(manager=request.user),
        ordering=("-created_at", "-id"),
        cursor=request.GET.get("after"),
    )
    return render(request, "adjustments/team.html", {"page": page})


# The RA officers' queue -----------------------------------------------------------------


def queue(request):
    require(request.user, "adjustments.queue.view")
    filterset = QueueFilter(
        request.GET or None,
        queryset=selectors.queue(user=request.user),
        request=request,
    )
    fmt = export_format(request)
    if fmt:
        rows = filterset.qs.order_by("-submitted_at", "-id")
        return export_response(rows, QUEUE_COLUMNS, filename="adjustments-queue", fmt=fmt)
    # submitted_at is never empty in the queue (the selector filters on it)
    page = keyset_paginate(
        filterset.qs, ordering=("-submitted_at", "-id"), cursor=request.GET.get("after")
    )
    needs = list(
        selectors.joiner_needs_waiting(user=request.user).order_by("created_at", "id")[
            :QUEUE_NEEDS_SHOWN
        ]
    )
    context = {"filter": filterset, "page": page, "needs": needs}
    return render(request, "adjustments/queue.html", context)


def joiner_needs(request):
    require(request.user, "adjustments.queue.view")
    filterset = JoinerNeedFilter(request.GET or None, queryset=JoinerNeed.objects.all())
    page = keyset_paginate(
        filterset.qs.select_related("person"),
        ordering=("-created_at", "-id"),
        cursor=request.GET.get("after"),
    )
    return render(request, "adjustments/needs.html", {"filter": filterset, "page": page})


def joiner_need_detail(request, pk):
    require(request.user, "adjustments.queue.view")
    need = get_object_or_404(JoinerNeed.objects.select_related("person", "passport"), pk=pk)
    record_read(user=request.user, obj=need)
    actions = [(name, a) for name, a in NEED_ACTIONS.items() if a.offered(need)]
    context = {"need": need, "actions": actions}
    return render(request, "adjustments/need_detail.html", context)


def joiner_need_action(request, pk, action):
    require(request.user, "adjustments.queue.view")
    need = get_object_or_404(JoinerNeed, pk=pk)
    if action not in NEED_ACTIONS:
        raise Http404
    return run_action(request, need, NEED_ACTIONS[action], reverse("adjustments:queue"))


def overdue(request):
    require(request.user, "adjustments.queue.view")
    return render(request, "adjustments/overdue.html", {"overdue": selectors.overdue()})


def dashboard(request):
    require(request.user, "adjustments.dashboard.view")
    return render(request, "adjustments/dashboard.html", {"figures": selectors.dashboard()})


# Dyslexia referrals ---------------------------------------------------------------------


def referral_list(request):
    require(request.user, "adjustments.referral.list")
    filterset = ReferralFilter(
        request.GET or None, queryset=selectors.referrals_visible_to(user=request.user)
    )
    page = keyset_paginate(
        filterset.qs, ordering=("-form_sent_on", "-id"), cursor=request.GET.get("after")
    )
    context = {
        "filter": filterset,
        "page": page,
        "may_send": can(request.user, "adjustments.referral.manage"),
    }
    return render(request, "adjustments/referrals.html", context)


def referral_send_to_joiners(request):
    require(request.user, "adjustments.referral.manage")
    form = forms.JoinersFromForm(post_data(request))

    def save(data):
        count = services.referrals_send_to_joiners(
            actor=request.user, starting_from=data["starting_from"]
        )
        messages.info(request, f"Forms recorded as sent to {count} joiners.")
        return reverse("adjustments:referrals")

    back = reverse("adjustments:referrals")
    return _form_page(request, form, "Send the form to every joiner", back, save)


def passport_version(request, pk, number):
    passport = _passport(request, pk)
    version = get_object_or_404(passport.versions.select_related("submitted_by"), number=number)
    record_read(user=request.user, obj=passport, reason=f"version {number}")
    context = {"passport": passport, "version": version}
    return render(request, "adjustments/passport_version.html", context)


def referral_send(request):
    require(request.user, "adjustments.referral.manage")
    form = forms.ReferralSendForm(post_data(request))

    def save(data):
        person = User.objects.filter(staff_number=data["staff_number"].strip()).first()
        if person is None:
            raise ValidationError({"staff_number": "No colleague has that staff number."})
        referral = services.referral_send(actor=request.user, person=person)
        return reverse("adjustments:referral", args=[referral.pk])

    back = reverse("adjustments:referrals")
    return _form_page(request, form, "Send the dyslexia self-referral form", back, save)


def referral_detail(request, pk):
    referral = _referral(request, pk)
    record_read(user=request.user, obj=referral)
    actions = [
        (name, action)
        for name, action in REFERRAL_ACTIONS.items()
        if action.offered(referral) and can(request.user, action.permission, referral)
    ]
    context = {"referral": referral, "actions": actions}
    return render(request, "adjustments/referral_detail.html", context)


def referral_action(request, pk, action):
    referral = _referral(request, pk)
    if action not in REFERRAL_ACTIONS:
        raise Http404
    back = reverse("adjustments:referral", args=[pk])
    return run_action(request, referral, REFERRAL_ACTIONS[action], back)
