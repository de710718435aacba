from django.urls import path

from adjustments import attachment_views, views

app_name = "adjustments"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("joiners/", views.joiner_needs, name="needs"),
    path("joiners/<int:pk>/", views.joiner_need_detail, name="need"),
    path("joiners/<int:pk>/<slug:action>/", views.joiner_need_action, name="need-action"),
    path("overdue/", views.overdue, name="overdue"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("my-passport/", views.my_passport, name="my-passport"),
    path("team/", views.team_passports, name="team"),
    path("passports/new/", views.passport_create, name="passport-create"),
    path("passports/<int:pk>/", views.passport_detail, name="passport"),
    path(
        "passports/<int:pk>/versions/<int:number>/",
        views.passport_version,
        name="passport-version",
    ),
    path("passports/<int:pk>/edit/", views.passport_edit, name="passport-edit"),
    path("passports/<int:pk>/adjustments/new/", views.adjustment_add, name="adjustment-add"),
    path(
        "passports/<int:pk>/access-to-work/new/",
        views.access_to_work_add,
        name="access-to-work-add",
    ),
    path("passports/<int:pk>/<slug:action>/", views.passport_action, name="passport-action"),
    path(
        "adjustments/<int:pk>/<slug:action>/",
        views.adjustment_action,
        name="adjustment-action",
    ),
    path("access-to-work/<int:pk>/", views.access_to_work_edit, name="access-to-work-edit"),
    path(
        "access-to-work/<int:pk>/documents/",
        attachment_views.access_to_work_documents,
        name="access-to-work-documents",
    ),
    path(
        "access-to-work/documents/<int:pk>/",
        attachment_views.access_to_work_document,
        name="access-to-work-document",
    ),
    path("referrals/", views.referral_list, name="referrals"),
    path("referrals/send/", views.referral_send, name="referral-send"),
    path("referrals/send-all/", views.referral_send_to_joiners, name="referral-send-all"),
    path("referrals/<int:pk>/", views.referral_detail, name="referral"),
    path("referrals/<int:pk>/<slug:action>/", views.referral_action, name="referral-action"),
]
