from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from core.pagination import keyset_paginate
from people.permissions import can
from reports import registry, selectors, services
from reports.filters import RunFilter
from reports.forms import RunNowForm
from reports.models import EXTENSIONS, FileKind, RunStatus
from reports.permissions import may_use_reports


def _require_reports_user(user):
    """403 for anyone outside every report's audience; scope is then checked per record."""
    if not may_use_reports(user):
        raise PermissionDenied


def _report_type_or_404(user, key):
    _require_reports_user(user)
    report_type = selectors.report_type_for(user=user, key=key)
    if report_type is None:
        raise Http404
    return report_type


def library(request):
    entries = selectors.library_for(user=request.user)
    if not entries:
        raise PermissionDenied
    return render(request, "reports/library.html", {"entries": entries})


def report_detail(request, key):
    report_type = _report_type_or_404(request.user, key)
    runs = RunFilter(request.GET, selectors.run_history(user=request.user, report_type=key))
    page = keyset_paginate(
        runs.qs, ordering=("-period_end", "-id"), cursor=request.GET.get("after")
    )
    form = None
    if can(request.user, "reports.type.run", report_type):
        form = RunNowForm(report_type=report_type, today=timezone.localdate())
    context = {"report_type": report_type, "filter": runs, "page": page, "form": form}
    return render(request, "reports/report_detail.html", context)


@require_POST
def run_now(request, key):
    if not registry.exists(key):
        raise Http404
    report_type = registry.get(key)
    if not can(request.user, "reports.type.run", report_type):
        raise PermissionDenied
    form = RunNowForm(request.POST, report_type=report_type, today=timezone.localdate())
    if not form.is_valid():
        runs = selectors.run_history(user=request.user, report_type=key)
        page = keyset_paginate(runs, ordering=("-period_end", "-id"), cursor=None)
        context = {"report_type": report_type, "filter": RunFilter(None, runs), "page": page}
        return render(request, "reports/report_detail.html", {**context, "form": form}, status=400)
    run, queued = services.report_run_request(
        actor=request.user,
        report_type=key,
        period=form.cleaned_data["period"],
        parameters=form.parameters(),
        rerun=form.cleaned_data["rerun"],
    )
    if not queued:
        messages.info(request, "This report has already been asked for: here is that run.")
    return redirect("reports:run", pk=run.pk)


def _run_or_404(user, pk):
    _require_reports_user(user)
    return get_object_or_404(selectors.runs_for(user=user).prefetch_related("files"), pk=pk)


def run_detail(request, pk):
    run = _run_or_404(request.user, pk)
    report_type = selectors.report_type_for(user=request.user, key=run.report_type)
    return render(request, "reports/run.html", {"run": run, "report_type": report_type})


def run_progress(request, pk):
    run = _run_or_404(request.user, pk)
    if run.status == RunStatus.SUCCEEDED and request.htmx:
        return HttpResponseClientRefresh()
    return render(request, "reports/_progress.html", {"run": run})


def download(request, pk, kind):
    run = _run_or_404(request.user, pk)
    if kind not in FileKind.values:
        raise Http404
    report_file = run.files.filter(kind=kind).first()
    if report_file is None or run.status != RunStatus.SUCCEEDED:
        raise Http404
    name = f"{run.report_type}-{run.period_start:%Y%m%d}-{run.period_end:%Y%m%d}.{EXTENSIONS[kind]}"
    handle = default_storage.open(report_file.file.name, "rb")
    return FileResponse(handle, as_attachment=True, filename=name)
