from django.urls import path

from recruitment import privacy_views, views, views_pipeline

app_name = "recruitment"

urlpatterns = [
    path("take/", views.eoi_quick, name="quick"),
    path("eois/", views.eoi_list, name="eoi-list"),
    path("eois/overdue/", views.eoi_overdue, name="eoi-overdue"),
    path("eois/new/", views.eoi_create, name="eoi-create"),
    path("eois/<int:pk>/", views.eoi_detail, name="eoi"),
    path("eois/<int:pk>/work/", views.eoi_work, name="eoi-work"),
    path("eois/<int:pk>/contact/", views.eoi_contact, name="eoi-contact"),
    path("eois/<int:pk>/merge/", views.eoi_merge, name="eoi-merge"),
    path("eois/<int:pk>/apply/", views.eoi_apply, name="eoi-apply"),
    path("eois/<int:pk>/adjustment/", views.eoi_adjustment, name="eoi-adjustment"),
    path("eois/<int:pk>/erase/", privacy_views.eoi_erase, name="eoi-erase"),
    path("eois/<int:pk>/support/", views_pipeline.support_create, name="support-create"),
    path("candidates/", views_pipeline.candidate_list, name="candidate-list"),
    path("candidates/<int:pk>/", views_pipeline.candidate_detail, name="candidate"),
    path("candidates/<int:pk>/result/", views_pipeline.stage_result, name="stage-result"),
    path(
        "candidates/<int:pk>/offer/<str:kind>/",
        views_pipeline.candidate_offer,
        name="candidate-offer",
    ),
    path("candidates/<int:pk>/intake/", views_pipeline.candidate_intake, name="candidate-intake"),
    path("candidates/<int:pk>/start/", views_pipeline.candidate_start, name="candidate-start"),
    path("tie-breaks/new/", views_pipeline.tie_break_create, name="tie-break-create"),
    path("intakes/", views_pipeline.intake_list, name="intake-list"),
    path("figures/", views_pipeline.dashboard, name="dashboard"),
]
