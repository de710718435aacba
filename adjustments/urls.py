app_name = "adjustments"

urlpatterns: list = []
