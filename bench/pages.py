"""The pages the bench measures, with the demo user that may see each one."""

from urllib.parse import urlencode

DEEP_SHARE = 0.9  # "a deep page": the row 90% of the way down (row 900,000 of 1,000,000)


def _keyset_cursor(qs, ordering: tuple[str, ...]) -> str:
    from core.pagination import _edge_values, _encode

    count = qs.count()
    row = qs.order_by(*ordering)[int(count * DEEP_SHARE)]
    return _encode(_edge_values(row, ordering), "n")


def deep_cursors() -> dict[str, str]:
    from people.models import User
    from recruitment.models import ExpressionOfInterest
    from welfare.models import WelfareCase

    return {
        "eois": _keyset_cursor(ExpressionOfInterest.objects.all(), ("-received_on", "-id")),
        "cases": _keyset_cursor(WelfareCase.objects.all(), ("-notified_on", "-id")),
        "colleagues": _keyset_cursor(User.objects.all(), ("last_name", "first_name", "id")),
    }


def _ids() -> dict:
    from adjustments.models import Passport
    from people.models import User
    from performance.models import ModerationPanel
    from programmes.models import Benefit, Project
    from recruitment.models import ExpressionOfInterest
    from welfare.models import WelfareCase

    deep_eoi = ExpressionOfInterest.objects.order_by("id")[
        int(ExpressionOfInterest.objects.count() * DEEP_SHARE)
    ]
    return {
        "eoi": ExpressionOfInterest.objects.order_by("-received_on", "-id").first().pk,
        # A search for one person by name (the trigram index; a full scan without it).
        "search": urlencode({"q": f"{deep_eoi.first_name} {deep_eoi.last_name}"}),
        "case": WelfareCase.objects.order_by("-notified_on", "-id").first().pk,
        "passport": Passport.objects.filter(status="active").order_by("-id").first().pk,
        "benefit": Benefit.objects.order_by("-id").first().pk,
        "project": Project.objects.order_by("id").first().pk,
        "panel": ModerationPanel.objects.order_by("id").first().pk,
        "person": User.objects.filter(staff_number__startswith="B").order_by("-id")[0].staff_number,
    }


def _p(app, kind, label, url, role):
    return {"app": app, "kind": kind, "label": label, "url": url, "role": role}


def pages(cursors: dict[str, str]) -> list[dict]:
    ids = _ids()
    return [
        _p("core", "dashboard", "home (my work)", "/", "manager"),
        _p("people", "list", "people: my team", "/people/team/", "manager"),
        _p("people", "dashboard", "people: workforce", "/people/workforce/", "analyst"),
        _p("people", "detail", "people: a colleague", f"/people/{ids['person']}/", "admin"),
        _p("recruitment", "list", "recruitment: EOIs", "/recruitment/eois/", "recruit"),
        _p(
            "recruitment",
            "deep",
            "recruitment: EOIs at row 90%",
            f"/recruitment/eois/?after={cursors['eois']}",
            "recruit",
        ),
        _p(
            "recruitment",
            "detail",
            "recruitment: an EOI",
            f"/recruitment/eois/{ids['eoi']}/",
            "recruit",
        ),
        _p(
            "recruitment",
            "list",
            "recruitment: EOIs searched by name",
            f"/recruitment/eois/?{ids['search']}",
            "recruit",
        ),
        _p(
            "recruitment",
            "list",
            "recruitment: EOIs filtered (new, PCDA)",
            "/recruitment/eois/?status=new&route=pcda",
            "recruit",
        ),
        _p("recruitment", "list", "recruitment: candidates", "/recruitment/candidates/", "recruit"),
        _p("recruitment", "dashboard", "recruitment: figures", "/recruitment/figures/", "recruit"),
        _p("welfare", "list", "welfare: cases", "/welfare/cases/", "welfare"),
        _p(
            "welfare",
            "deep",
            "welfare: cases at row 90%",
            f"/welfare/cases/?after={cursors['cases']}",
            "welfare",
        ),
        _p("welfare", "detail", "welfare: a case", f"/welfare/cases/{ids['case']}/", "welfare"),
        _p("welfare", "list", "welfare: probation", "/welfare/probation/", "welfare"),
        _p("welfare", "dashboard", "welfare: dashboard", "/welfare/dashboard/", "welfare"),
        _p("adjustments", "list", "adjustments: queue", "/adjustments/", "raofficer"),
        _p(
            "adjustments",
            "detail",
            "adjustments: a passport",
            f"/adjustments/passports/{ids['passport']}/",
            "raofficer",
        ),
        _p("adjustments", "list", "adjustments: referrals", "/adjustments/referrals/", "raofficer"),
        _p(
            "adjustments",
            "dashboard",
            "adjustments: dashboard",
            "/adjustments/dashboard/",
            "raofficer",
        ),
        _p("performance", "list", "performance: panels", "/performance/panels/", "moderator"),
        _p(
            "performance",
            "detail",
            "performance: a panel",
            f"/performance/panels/{ids['panel']}/",
            "moderator",
        ),
        _p("performance", "list", "performance: my team", "/performance/team/", "manager"),
        _p("performance", "dashboard", "performance: dashboard", "/performance/", "analyst"),
        _p("programmes", "dashboard", "programmes: summary", "/programmes/", "benefits"),
        _p("programmes", "dashboard", "programmes: figures", "/programmes/figures/", "benefits"),
        _p("programmes", "list", "programmes: benefits", "/programmes/benefits/", "benefits"),
        _p(
            "programmes",
            "detail",
            "programmes: a benefit",
            f"/programmes/benefits/{ids['benefit']}/",
            "benefits",
        ),
        _p("programmes", "list", "programmes: projects", "/programmes/projects/", "benefits"),
        _p(
            "programmes",
            "detail",
            "programmes: a project",
            f"/programmes/projects/{ids['project']}/",
            "benefits",
        ),
        _p("reports", "list", "reports: library", "/reports/", "analyst"),
        _p("api", "list", "API: colleagues", "/api/v1/colleagues/", "admin"),
        _p(
            "api",
            "deep",
            "API: colleagues at row 90%",
            f"/api/v1/colleagues/?cursor={cursors['colleagues']}",
            "admin",
        ),
        _p("api", "detail", "API: a colleague", f"/api/v1/colleagues/{ids['person']}/", "admin"),
        _p("api", "detail", "API: me", "/api/v1/me/", "colleague"),
    ]
