from django.urls import reverse


def test_the_report_library(cast, client_for, flat):
    flat(client_for(cast["people_analyst"]), reverse("reports:library"), lambda n: None)
