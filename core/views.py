from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from core.navigation import work_for


def home(request):
    """My work: everything waiting for the signed-in user, from every app."""
    return render(request, "home.html", {"work_items": work_for(request.user)})


@requires_csrf_token
def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    return render(request, "500.html", status=500)
