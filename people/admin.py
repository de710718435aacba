from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from core.admin import BigTableAdmin
from core.audit import record_read
from people.models import (
    Department,
    EmploymentRecord,
    EqualityMonitoring,
    Probation,
    ProbationExtension,
    User,
)


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "portfolio"]
    list_filter = ["portfolio"]
    search_fields = ["name"]


class EmploymentRecordInline(admin.TabularInline):
    model = EmploymentRecord
    fk_name = "person"
    extra = 0
    can_delete = False
    readonly_fields = [
        "valid_from",
        "valid_to",
        "person_type",
        "rank",
        "grade",
        "department",
        "line_manager",
        "reason",
    ]

    def has_add_permission(self, request, obj=None):
        return False


class PeelUserChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"


class PeelUserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["staff_number", "first_name", "last_name", "email"]


@admin.register(User)
class UserAdmin(BigTableAdmin, DjangoUserAdmin):
    form = PeelUserChangeForm
    add_form = PeelUserCreationForm
    ordering = ["last_name", "first_name"]
    list_display = [
        "staff_number",
        "last_name",
        "first_name",
        "person_type",
        "rank",
        "department",
        "line_manager",
        "is_active",
    ]
    list_filter = [
        "person_type",
        "rank",
        "entry_route",
        "department__portfolio",
        "department",
        "is_active",
        "is_staff",
        "groups",
    ]
    search_fields = ["staff_number", "first_name", "last_name", "email"]
    list_select_related = ["department", "line_manager"]
    raw_id_fields = ["line_manager"]
    inlines = [EmploymentRecordInline]
    fieldsets = [
        (None, {"fields": ["staff_number", "password"]}),
        ("Name and contact", {"fields": ["first_name", "last_name", "email"]}),
        (
            "Role in the force",
            {
                "fields": [
                    "person_type",
                    "rank",
                    "grade",
                    "department",
                    "line_manager",
                    "entry_route",
                    "start_date",
                    "leave_date",
                ]
            },
        ),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "staff_number",
                    "first_name",
                    "last_name",
                    "email",
                    "password1",
                    "password2",
                ],
            },
        ),
    ]
    filter_horizontal = ["groups"]


@admin.register(EmploymentRecord)
class EmploymentRecordAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ["person", "valid_from", "valid_to", "person_type", "rank", "department"]
    list_filter = ["person_type", "rank", "department__portfolio", "valid_from"]
    search_fields = ["person__staff_number", "person__last_name"]
    list_select_related = ["person", "department"]
    raw_id_fields = ["person", "line_manager"]


@admin.register(EqualityMonitoring)
class EqualityMonitoringAdmin(BigTableAdmin, admin.ModelAdmin):
    """Special category: superusers only, and every record opened is logged."""

    list_display = ["person", "updated_at"]
    search_fields = ["person__staff_number"]
    list_filter = ["updated_at"]
    raw_id_fields = ["person"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None and self.has_view_permission(request, obj):
            record_read(user=request.user, obj=obj, reason="admin")
        return super().change_view(request, object_id, form_url, extra_context)


class ProbationExtensionInline(admin.TabularInline):
    model = ProbationExtension
    extra = 0
    raw_id_fields = ["approved_by"]


@admin.register(Probation)
class ProbationAdmin(admin.ModelAdmin):
    show_full_result_count = False  # no full-table COUNT on the change list
    list_display = ["officer", "route", "start_date", "expected_end", "confirmed_on"]
    list_filter = ["route", "start_date", "confirmed_on"]
    search_fields = ["officer__staff_number", "officer__last_name"]
    raw_id_fields = ["officer"]
    list_select_related = ["officer"]
    inlines = [ProbationExtensionInline]
