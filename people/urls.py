from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("me/", views.me, name="me"),
    path("me/equality/", views.equality, name="equality"),
    path("team/", views.team, name="team"),
    path("workforce/", views.workforce, name="workforce"),
    path("<str:staff_number>/", views.person_detail, name="person"),
]
