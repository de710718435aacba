"""/api/v1/: one router the apps add their endpoints to (docs/API.md, "Adding endpoints").

It lives in config, not core, because it imports every app (imports point one way)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from adjustments import api as adjustments_api
from core import api_views
from core.api import allow_api_authentication
from people import api as people_api
from performance import api as performance_api
from programmes import api as programmes_api
from recruitment import api as recruitment_api
from recruitment.api_edit import EOIWorkView
from reports import api as reports_api
from welfare import api as welfare_api

app_name = "v1"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("colleagues", people_api.ColleagueViewSet, basename="colleague")
router.register("eois", recruitment_api.EOIViewSet, basename="eoi")
router.register("campaigns", recruitment_api.CampaignViewSet, basename="campaign")
router.register("intakes", recruitment_api.IntakeViewSet, basename="intake")
router.register("welfare-cases", welfare_api.CaseStatusViewSet, basename="welfare-case")
router.register("passports", adjustments_api.PassportViewSet, basename="passport")
router.register("ratings", performance_api.RatingViewSet, basename="rating")
router.register("programmes", programmes_api.ProgrammeViewSet, basename="programme")
router.register("projects", programmes_api.ProjectViewSet, basename="project")
router.register("financial-lines", programmes_api.FinancialLineViewSet, basename="financial-line")
router.register("benefits", programmes_api.BenefitViewSet, basename="benefit")
router.register("report-runs", reports_api.ReportRunViewSet, basename="report-run")

urlpatterns = [
    *allow_api_authentication(
        [
            path("schema/", SpectacularAPIView.as_view(), name="schema"),
            path("me/", people_api.MeView.as_view(), name="me"),
            path("eois/<int:pk>/work/", EOIWorkView.as_view(), name="eoi-work"),
            *router.urls,
        ]
    ),
    # A page, not an endpoint: signed-in browser users only, like every other page.
    path("docs/", api_views.docs, name="docs"),
]
