"""Access to Work evidence: upload and download through the passport's own access check."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from adjustments import selectors
from adjustments.models import AccessToWork, AccessToWorkDocument
from core.attachments import attachment_prepare, attachment_response, max_bytes
from core.audit import audit_action
from people.permissions import can, require


class UploadForm(forms.Form):
    file = forms.FileField(label="Evidence (PDF, PNG, JPEG or Word .docx)")


def _application(request, pk) -> AccessToWork:
    visible = selectors.passports_visible_to(user=request.user)
    return get_object_or_404(
        AccessToWork.objects.filter(passport__in=visible).select_related("passport"), pk=pk
    )


@transaction.atomic
def _save(request, application, upload) -> AccessToWorkDocument:
    document = AccessToWorkDocument(application=application)
    attachment_prepare(document, upload, actor=request.user)
    document.full_clean()
    document.save()
    audit_action(
        actor=request.user,
        action="adjustments.access_to_work.document_added",
        obj=application,
        data={"document": document.pk, "type": document.content_type, "bytes": document.size},
    )
    return document


def access_to_work_documents(request, pk):
    application = _application(request, pk)
    may_add = can(request.user, "adjustments.adjustment.request", application.passport)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        require(request.user, "adjustments.adjustment.request", application.passport)
        if form.is_valid():
            try:
                _save(request, application, form.cleaned_data["file"])
            except ValidationError as error:
                form.add_error("file", error.messages)
            else:
                messages.success(request, "Evidence added.")
                return redirect("adjustments:access-to-work-documents", pk=pk)
    context = {
        "title": f"Access to Work evidence: {application.reference or 'application'}",
        "documents": application.documents.all(),
        "download_url": "adjustments:access-to-work-document",
        "form": form if may_add else None,
        "limit_mb": max_bytes() // 1048576,
        "back": application.passport,
    }
    return render(request, "core/attachments.html", context, status=400 if form.errors else 200)


def access_to_work_document(request, pk):
    visible = selectors.passports_visible_to(user=request.user)
    document = get_object_or_404(
        AccessToWorkDocument.objects.filter(application__passport__in=visible), pk=pk
    )
    return attachment_response(request, document)
