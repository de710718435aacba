from django.apps import AppConfig


class WelfareConfig(AppConfig):
    name = "welfare"
