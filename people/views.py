from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from core.audit import record_read
from core.cache import FORCE_WIDE, cached_figures
from core.disclosure import threshold_setting
from core.equality import DEFINITION_NOTES, MinorityDefinition
from core.exports import export_format, export_response
from core.pagination import keyset_paginate
from people import selectors, services
from people.exports import TEAM_COLUMNS
from people.forms import AsAtForm, EqualityForm
from people.models import EqualityMonitoring, User
from people.permissions import can, require


def me(request):
    person = request.user
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "history": selectors.person_history(person=person),
            "is_self": True,
        },
    )


def equality(request):
    record = EqualityMonitoring.objects.filter(person=request.user).first()
    form = EqualityForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        services.equality_record(actor=request.user, person=request.user, **form.cleaned_data)
        messages.success(request, "Thank you. Your equality information is saved.")
        return redirect("people:me")
    if record is not None and request.method == "GET":
        record_read(user=request.user, obj=record, reason="own record")
    return render(request, "people/equality_form.html", {"form": form})


def team(request):
    require(request.user, "people.team.view")
    team = selectors.team_of(manager=request.user)
    fmt = export_format(request)
    if fmt:
        rows = team.order_by("last_name", "first_name", "id")
        return export_response(rows, TEAM_COLUMNS, filename="my-team", fmt=fmt)
    page = keyset_paginate(
        team,
        ordering=("last_name", "first_name", "id"),
        cursor=request.GET.get("after"),
    )
    return render(request, "people/team.html", {"page": page})


def person_detail(request, staff_number):
    person = get_object_or_404(
        User.objects.select_related("department", "line_manager"), staff_number=staff_number
    )
    if not can(request.user, "people.person.view", person):
        raise Http404
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "history": selectors.person_history(person=person),
            "is_self": person.pk == request.user.pk,
        },
    )


def _jan_firsts(latest: int) -> list[date]:
    return [date(year, 1, 1) for year in range(latest, latest - 5, -1)]


def workforce(request):
    require(request.user, "people.workforce.view")
    form = AsAtForm(request.GET or None)
    latest = date.today().year
    if form.is_valid() and form.cleaned_data["year"]:
        latest = form.cleaned_data["year"]
    days = _jan_firsts(latest)
    definition = MinorityDefinition.EMG
    # Force-wide counts, the same for everyone allowed here; suppressed when shown (`share`).
    figures = cached_figures(
        ("people-workforce", latest, definition),
        lambda: selectors.workforce_representation(days=days, definition=definition),
        scope=FORCE_WIDE,
    )
    return render(
        request,
        "people/workforce.html",
        {
            "form": form,
            "days": days,
            **figures.value,
            "figures_as_at": figures.as_at,
            "definition_note": DEFINITION_NOTES[definition],
            "threshold": threshold_setting(),
        },
    )
