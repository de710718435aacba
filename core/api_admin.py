"""Django admin for device tokens (revoke by deleting) and stored idempotent responses.

Imported from config/urls.py, after DRF's own token admin is registered, so it can replace it.
"""

from django.contrib import admin, messages
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from core.models import IdempotencyKey


class DeviceTokenAdmin(TokenAdmin):
    """Tokens for devices such as an ambassador's phone. Delete a token to revoke it at once."""

    list_display = ("user", "masked_key", "created", "user_is_active")
    list_filter = ("created", "user__is_active", "user__department")
    search_fields = ("user__staff_number", "user__first_name", "user__last_name", "user__email")
    search_help_text = "Staff number, name or email"
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    show_full_result_count = False
    actions = None

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            messages.warning(
                request,
                f"The device token for {obj.user} is {obj.key}. Enter it on the device now: "
                "Peel will not show it in full again. Delete the token to revoke it.",
            )

    @admin.display(description="Token")
    def masked_key(self, token):
        return f"{token.key[:6]}…"

    @admin.display(description="Account active", boolean=True)
    def user_is_active(self, token):
        return token.user.is_active


if admin.site.is_registered(TokenProxy):
    admin.site.unregister(TokenProxy)
admin.site.register(TokenProxy, DeviceTokenAdmin)


@admin.register(IdempotencyKey)
class IdempotencyKeyAdmin(admin.ModelAdmin):
    list_display = ("created_at", "user", "method", "path", "response_status")
    list_filter = ("method", "response_status", "created_at")
    search_fields = ("key", "path", "user__staff_number")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    readonly_fields = (
        "user",
        "key",
        "method",
        "path",
        "request_hash",
        "response_status",
        "response_body",
        "created_at",
    )
    show_full_result_count = False
