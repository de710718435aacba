from django.contrib import admin

from core.models import Setting
from core.settings_store import forget_setting


@admin.register(Setting)
class SettingAdmin(admin.ModelAdmin):
    list_display = ["key", "value", "description", "updated_at"]
    search_fields = ["key", "description"]
    list_filter = ["updated_at"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_setting(obj.key)
