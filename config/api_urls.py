"""/api/v1/: one router the apps add their endpoints to (docs/API.md, "Adding endpoints").

It lives in config, not core, because it imports every app (imports point one way)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from core import api_views
from core.api import allow_api_authentication
from people import api as people_api
from recruitment.api_edit import EOIWorkView

app_name = "v1"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("colleagues", people_api.ColleagueViewSet, basename="colleague")

urlpatterns = [
    *allow_api_authentication(
        [
            path("schema/", SpectacularAPIView.as_view(), name="schema"),
            path("me/", people_api.MeView.as_view(), name="me"),
            path("eois/<int:pk>/", EOIWorkView.as_view(), name="eoi-work"),
            *router.urls,
        ]
    ),
    # A page, not an endpoint: signed-in browser users only, like every other page.
    path("docs/", api_views.docs, name="docs"),
]
