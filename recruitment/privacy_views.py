"""Erasing an EOI when the person withdraws consent: a recruitment officer's button."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from people.permissions import require
from recruitment import services
from recruitment.views import eoi_for


@require_POST
def eoi_erase(request, pk: int):
    eoi = eoi_for(request, pk)
    require(request.user, "recruitment.pipeline.manage", eoi)
    try:
        services.eoi_erase(actor=request.user, eoi=eoi)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Personal details erased; the anonymous counts are kept.")
    return redirect("recruitment:eoi", pk=eoi.pk)
