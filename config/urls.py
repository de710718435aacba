from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core import health, privacy_views
from core import views as core_views
from people import mfa_views
from people.forms_auth import LoginForm

admin.site.site_header = "Peel administration"
admin.site.site_title = "Peel admin"
admin.site.index_title = "Records, roles, reference data and schedules"

urlpatterns = [
    path("", core_views.home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/mfa/", mfa_views.verify, name="mfa-verify"),
    path("accounts/mfa/setup/", mfa_views.setup, name="mfa-setup"),
    path("accounts/mfa/backup-codes/", mfa_views.backup_codes, name="mfa-backup-codes"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("privacy/subject-access/", privacy_views.subject_access, name="subject-access"),
    path(
        "privacy/subject-access/<int:pk>/",
        privacy_views.subject_access_detail,
        name="subject-access-detail",
    ),
    path(
        "privacy/subject-access/<int:pk>/download/",
        privacy_views.subject_access_download,
        name="subject-access-download",
    ),
    path("admin/", admin.site.urls),
    path("people/", include("people.urls")),
    path("recruitment/", include("recruitment.urls")),
    path("welfare/", include("welfare.urls")),
    path("adjustments/", include("adjustments.urls")),
    path("performance/", include("performance.urls")),
    path("programmes/", include("programmes.urls")),
    path("reports/", include("reports.urls")),
    path("api/v1/", include("config.api_urls", namespace="v1")),
    path("imports/", include("core.import_urls")),
]

handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
