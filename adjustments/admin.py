from django.contrib import admin

from adjustments.models import JoinerNeed


@admin.register(JoinerNeed)
class JoinerNeedAdmin(admin.ModelAdmin):
    list_display = ["name", "source", "expected_start", "status", "created_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["name", "email", "source"]
    raw_id_fields = ["person", "acknowledged_by"]
    date_hierarchy = "created_at"
