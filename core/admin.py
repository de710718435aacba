from django.contrib import admin

from core.models import OutboxMessage, Setting
from core.settings_store import forget_setting


@admin.register(Setting)
class SettingAdmin(admin.ModelAdmin):
    list_display = ["key", "value", "description", "updated_at"]
    search_fields = ["key", "description"]
    list_filter = ["updated_at"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_setting(obj.key)


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["id", "task", "created_at", "dispatched_at", "attempts"]
    list_filter = ["task", ("dispatched_at", admin.EmptyFieldListFilter)]
    search_fields = ["task", "last_error"]
    readonly_fields = ["task", "args", "kwargs", "queue", "dispatched_at", "attempts", "last_error"]
    show_full_result_count = False
