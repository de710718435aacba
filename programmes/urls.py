app_name = "programmes"

urlpatterns: list = []
