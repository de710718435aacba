from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.library, name="library"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/progress/", views.run_progress, name="run-progress"),
    path("runs/<int:pk>/files/<str:kind>/", views.download, name="download"),
    path("<slug:key>/", views.report_detail, name="report"),
    path("<slug:key>/run/", views.run_now, name="run-now"),
]
