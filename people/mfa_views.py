import base64
import io

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp import login as otp_login

from core.audit import audit_action
from people import mfa_services


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code",
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text="The 6-digit code from your authenticator app, or one of your backup codes.",
    )


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if ok else "/"


def verify(request):
    """Ask for a second factor; a user with none is sent to set one up."""
    user = request.user
    if not mfa_services.confirmed_devices(user=user):
        return redirect(f"/accounts/mfa/setup/?next={_next(request)}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = mfa_services.token_match(user=user, token=form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            audit_action(actor=user, action="people.mfa.verified", obj=user)
            return redirect(_next(request))
        form.add_error(
            "token", "That code did not work. Check the time on your phone, or use a backup code."
        )
    return render(request, "registration/mfa_verify.html", {"form": form, "next": _next(request)})


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    svg = svg[svg.index("<svg") :]
    return svg.replace(
        "<svg ",
        '<svg role="img" aria-label="QR code for your authenticator app" class="mfa-qr" ',
        1,
    )


def setup(request):
    """Enrol an authenticator app: show the QR code and key, confirm with a first code."""
    device = mfa_services.totp_pending_device(user=request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if mfa_services.totp_confirm(
            user=request.user, device=device, token=form.cleaned_data["token"]
        ):
            otp_login(request, device)
            codes = mfa_services.backup_codes_issue(user=request.user)
            messages.success(request, "Two-step sign-in is on.")
            return render(
                request,
                "registration/mfa_backup_codes.html",
                {"codes": codes, "next": _next(request)},
            )
        form.add_error(
            "token",
            "That code did not match. Scan the code again and enter the number your app shows now.",
        )
    key = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "registration/mfa_setup.html",
        {
            "form": form,
            "qr": mark_safe(_qr_svg(device.config_url)),  # noqa: S308 - our own SVG
            "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            "next": _next(request),
        },
    )


def backup_codes(request):
    """Issue a fresh set of backup codes (the old ones stop working)."""
    if request.method != "POST":
        return render(request, "registration/mfa_backup_codes.html", {"codes": None})
    codes = mfa_services.backup_codes_issue(user=request.user)
    return render(request, "registration/mfa_backup_codes.html", {"codes": codes, "next": "/"})
