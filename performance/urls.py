from django.urls import path

from performance import views

app_name = "performance"

urlpatterns = [
    path("me/", views.my_year, name="me"),
    path("me/rating/<int:start_year>/", views.my_rating, name="my-rating"),
    path("team/", views.team, name="team"),
    path("team/<str:staff_number>/", views.team_member, name="team-member"),
    path("panels/", views.panels, name="panels"),
    path("panels/<int:pk>/", views.panel_detail, name="panel"),
    path("panels/<int:pk>/close/", views.panel_close, name="panel-close"),
    path("panels/<int:pk>/fairness/", views.panel_fairness, name="panel-fairness"),
    path("panels/<int:pk>/ratings/<int:rating_pk>/", views.panel_decide, name="panel-decide"),
    path("panels/<int:pk>/appeals/<int:appeal_pk>/", views.appeal_decide, name="appeal-decide"),
    path("fairness/", views.fairness, name="fairness"),
    path("", views.dashboard, name="dashboard"),
]
