"""/api/v1/: one router the apps add their endpoints to (docs/API.md, "Adding endpoints").

It lives in config, not core, because it imports every app (imports point one way)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from core import api_views
from core.api import allow_api_authentication
from people import api as people_api
from recruitment import api as recruitment_api

app_name = "v1"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("colleagues", people_api.ColleagueViewSet, basename="colleague")
router.register("eois", recruitment_api.EOIViewSet, basename="eoi")
router.register("campaigns", recruitment_api.CampaignViewSet, basename="campaign")
router.register("intakes", recruitment_api.IntakeViewSet, basename="intake")

urlpatterns = [
    *allow_api_authentication(
        [
            path("schema/", SpectacularAPIView.as_view(), name="schema"),
            path("me/", people_api.MeView.as_view(), name="me"),
            *router.urls,
        ]
    ),
    # A page, not an endpoint: signed-in browser users only, like every other page.
    path("docs/", api_views.docs, name="docs"),
]
