from django.urls import path

from welfare import views

app_name = "welfare"

urlpatterns = [
    path("cases/", views.case_list, name="case-list"),
    path("cases/overdue/", views.overdue, name="overdue"),
    path("cases/new/", views.case_open, name="case-open"),
    path("cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("cases/<int:pk>/notes/", views.case_notes, name="case-notes"),
    path("cases/<int:pk>/contact/", views.contact_add, name="contact-add"),
    path("cases/<int:pk>/assign/", views.case_assign, name="case-assign"),
    path("cases/<int:pk>/support/", views.support_record, name="support-record"),
    path("cases/<int:pk>/themes/", views.themes_record, name="themes-record"),
    path("cases/<int:pk>/close/", views.case_close, name="case-close"),
    path(
        "cases/<int:pk>/resignation/withdraw/",
        views.resignation_withdraw,
        name="resignation-withdraw",
    ),
    path("resignations/new/", views.resignation_new, name="resignation-new"),
    path("concerns/", views.concern_list, name="concern-list"),
    path("concerns/new/", views.concern_raise, name="concern-raise"),
    path("probation/", views.probation_list, name="probation-list"),
    path("probation/<int:pk>/", views.probation_detail, name="probation-detail"),
    path("probation/<int:pk>/extend/", views.probation_extend, name="probation-extend"),
    path("probation/<int:pk>/confirm/", views.probation_confirm, name="probation-confirm"),
    path("reg13/", views.reg13_list, name="reg13-list"),
    path("reg13/new/", views.reg13_open, name="reg13-open"),
    path("reg13/<int:pk>/", views.reg13_detail, name="reg13-detail"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
