from django.urls import path

from core import import_views

app_name = "imports"

urlpatterns = [
    path("", import_views.upload, name="upload"),
    path("<slug:kind>/template.csv", import_views.template, name="template"),
]
