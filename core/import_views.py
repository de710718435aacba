"""The import page: choose a kind, upload a file, see every problem or what was imported."""

import csv

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render

from core.imports import MAX_BYTES, registry, run_import

SHOW_PROBLEMS = 500


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label="What the file holds")
    file = forms.FileField(
        label="File", help_text="A .csv or .xlsx file with the headings in its first row."
    )
    dry_run = forms.BooleanField(
        required=False, label="Check only: show what would happen, but keep nothing"
    )

    def __init__(self, *args, specs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(spec.kind, spec.label) for spec in specs]
        self.helper = FormHelper()
        self.helper.attrs = {"enctype": "multipart/form-data"}
        self.helper.add_input(Submit("import", "Check and import"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(f"Keep the file under {MAX_BYTES // (1024 * 1024)} MB.")
        return upload


def _specs_for(user):
    specs = registry.for_user(user)
    if not specs:
        raise PermissionDenied
    return specs


def upload(request):
    specs = _specs_for(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, specs=specs)
    result = None
    if request.method == "POST" and form.is_valid():
        spec = registry.get(form.cleaned_data["kind"])
        file = form.cleaned_data["file"]
        result = run_import(
            spec,
            name=file.name,
            data=file.read(),
            actor=request.user,
            dry_run=form.cleaned_data["dry_run"],
        )
    return render(
        request,
        "core/import.html",
        {
            "form": form,
            "specs": specs,
            "result": result,
            "problems": result.problems[:SHOW_PROBLEMS] if result else [],
            "more_problems": max(0, len(result.problems) - SHOW_PROBLEMS) if result else 0,
        },
    )


def template(request, kind):
    """A CSV with just the headings of one kind of import, to fill in."""
    specs = {spec.kind: spec for spec in _specs_for(request.user)}
    if kind not in specs:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind}-template.csv"'
    response.write("\ufeff")
    csv.writer(response).writerow([column.heading for column in specs[kind].columns])
    return response
