from django.shortcuts import render


def docs(request):
    """Swagger UI over the schema, served from our own static files (the CSP allows no CDN)."""
    return render(request, "core/api_docs.html")
