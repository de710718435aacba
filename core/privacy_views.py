"""Pages for admins: subject access exports and their downloads (both audited)."""

from django import forms
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render

from core.audit import audit_action
from core.models import SubjectAccessExport
from core.subject_access import subject_access_export
from people.models import User
from people.permissions import require_role
from people.roles import Role


class SubjectAccessForm(forms.Form):
    staff_number = forms.CharField(required=False, label="Staff number (a colleague)")
    email = forms.EmailField(required=False, label="Email address (a candidate)")

    def clean(self):
        data = super().clean()
        number, email = data.get("staff_number", "").strip(), data.get("email", "")
        if not number and not email:
            raise forms.ValidationError("Give a staff number or an email address.")
        if number:
            data["person"] = User.objects.filter(staff_number=number).first()
            if data["person"] is None:
                self.add_error("staff_number", "No colleague has that staff number.")
        return data


@require_role(Role.ADMIN)
def subject_access(request):
    form = SubjectAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        export = subject_access_export(
            actor=request.user,
            person=form.cleaned_data.get("person"),
            email=form.cleaned_data.get("email", ""),
        )
        messages.success(request, "The export is ready. Downloads are logged.")
        return redirect("subject-access-detail", pk=export.pk)
    exports = SubjectAccessExport.objects.select_related("subject", "requested_by")[:20]
    return render(request, "core/subject_access_page.html", {"form": form, "exports": exports})


@require_role(Role.ADMIN)
def subject_access_detail(request, pk):
    export = get_object_or_404(SubjectAccessExport.objects.select_related("subject"), pk=pk)
    return render(request, "core/subject_access_detail.html", {"export": export})


@require_role(Role.ADMIN)
def subject_access_download(request, pk):
    export = get_object_or_404(SubjectAccessExport, pk=pk)
    audit_action(actor=request.user, action="core.subject_access.downloaded", obj=export)
    return FileResponse(
        export.file.open("rb"), as_attachment=True, filename=export.file.name.rsplit("/", 1)[-1]
    )
