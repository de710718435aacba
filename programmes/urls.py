from django.urls import path

from programmes import views

app_name = "programmes"

urlpatterns = [
    path("", views.summary, name="summary"),
    path("figures/", views.figures, name="figures"),
    path("benefits/", views.benefit_list, name="benefit-list"),
    path("benefits/new/", views.benefit_create, name="benefit-create"),
    path("benefits/<int:pk>/", views.benefit_detail, name="benefit"),
    path("benefits/<int:pk>/edit/", views.benefit_edit, name="benefit-edit"),
    path("benefits/<int:pk>/status/", views.benefit_status, name="benefit-status"),
    path("benefits/<int:pk>/baseline/", views.benefit_baseline, name="benefit-baseline"),
    path("benefits/<int:pk>/measurements/", views.measurement_add, name="measurement-add"),
    path("benefits/<int:pk>/profile/", views.profile_section, name="profile"),
    path("benefits/<int:pk>/profile/add/", views.profile_add, name="profile-add"),
    path(
        "benefits/<int:pk>/profile/<int:line_pk>/edit/",
        views.profile_edit,
        name="profile-edit",
    ),
    path("programmes/new/", views.programme_create, name="programme-create"),
    path("programmes/<int:pk>/status/", views.programme_status, name="programme-status"),
    path(
        "benefits/<int:pk>/profile/<int:line_pk>/delete/",
        views.profile_delete,
        name="profile-delete",
    ),
    path("projects/", views.project_list, name="project-list"),
    path("projects/new/", views.project_create, name="project-create"),
    path("projects/<int:pk>/", views.project_detail, name="project"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project-edit"),
    path("projects/<int:pk>/money/", views.financial_line_save, name="financial-line-save"),
    path("projects/<int:pk>/fte/", views.fte_save, name="fte-save"),
    path("reviews/", views.review_list, name="review-list"),
    path("reviews/take/", views.review_take, name="review-take"),
    path("reviews/compare/", views.review_compare, name="review-compare"),
    path("reviews/<int:pk>/", views.review_detail, name="review"),
]
