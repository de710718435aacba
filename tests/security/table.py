"""Who may open what: the expected answer for every URL name, for every role in the cast.

One entry per URL name. `ok` roles get 200; everyone else signed in gets `other` (403 for the
wrong role, 404 where the record is out of their scope); `also` lists exceptions by role.
Anonymous visitors are sent to sign in (302 to /accounts/login/) unless `anonymous` says
otherwise. POST-only actions answer every GET with 405 before looking at the record: their
access is tested with POSTs in each app's own tests.
"""

from dataclasses import dataclass, field

ROLES = (
    "admin",
    "recruitment_officer",
    "ambassador",
    "positive_action",
    "welfare_officer",
    "ra_officer",
    "dyslexia_assessor",
    "moderator",
    "benefits_analyst",
    "people_analyst",
    "manager",
    "colleague",
    "student",
    "outsider",
)
EVERYONE = " ".join(ROLES)
SIGN_IN = "sign-in"  # 302 to /accounts/login/
ADMIN_SIGN_IN = "admin-sign-in"  # 302 to /admin/login/
SECOND_FACTOR = "second-factor"  # 302 to /accounts/mfa/
ELSEWHERE = "elsewhere"  # 302 anywhere else
READY = "ready"  # 200, or 503 when Redis is not running


@dataclass(frozen=True)
class Expect:
    ok: str = ""  # space-separated roles that get 200
    other: int | str = 403
    record: str = ""  # kind of record (tests/security/world.py) the pk refers to
    also: dict = field(default_factory=dict)
    anonymous: int | str = SIGN_IN
    args: dict = field(default_factory=dict)

    def outcome(self, role: str):
        if role == "anonymous":
            return self.anonymous
        if role in self.also:
            return self.also[role]
        return 200 if role in self.ok.split() else self.other

    def arguments(self, records: dict) -> dict:
        found = {
            "staff_number": "colleague",
            "start_year": records["year"].start_year,
            "rating_pk": records["rating"].pk,
            "appeal_pk": records["appeal"].pk,
            "line_pk": records["profile_line"].pk,
            "number": 1,
            "key": "board-pack",
        }
        if self.record:
            found["pk"] = records[self.record].pk
        return found | self.args


def post_only(record: str = "", **args) -> Expect:
    return Expect(other=405, record=record, args=args)


REC_OFFICERS = "admin recruitment_officer positive_action"
CAPTURERS = "admin recruitment_officer ambassador positive_action"
PROGRAMME_READERS = "admin benefits_analyst people_analyst"
INSIGHT = "admin people_analyst"
# the audiences of the other report types (docs/REPORTS.md): they may use the reports library,
# so a board-pack run or page is 404 to them; anyone outside every audience gets 403
OTHER_REPORT_AUDIENCES = "recruitment_officer welfare_officer ra_officer benefits_analyst"
REPORT_USERS = f"{INSIGHT} {OTHER_REPORT_AUDIENCES}"
# the report users outside the weekly recruitment pipeline's audience: its runs are 404 to them
NOT_PIPELINE_AUDIENCE = dict.fromkeys(
    ["people_analyst", "welfare_officer", "ra_officer", "benefits_analyst"], 404
)
# the imports page offers each user the kinds they may run (core/imports.py registry.for_user):
# admins colleagues; recruitment officers EOIs and stage results; the benefits analyst
# financial lines and benefits
IMPORTERS = "admin recruitment_officer benefits_analyst"


def board_pack(also: dict | None = None, **kwargs) -> Expect:
    """A board-pack page or run: its audience gets 200, other report users 404, the rest 403."""
    hidden = dict.fromkeys(OTHER_REPORT_AUDIENCES.split(), 404)
    return Expect(ok=INSIGHT, also=hidden | (also or {}), **kwargs)


def api(ok: str = "", other: int = 403, record: str = "", **kwargs) -> Expect:
    """An API endpoint: anonymous callers get 401, not a redirect."""
    return Expect(ok=ok, other=other, record=record, anonymous=401, **kwargs)


TABLE: dict[str, Expect] = {
    # sign-in, two-step, health
    "home": Expect(ok=EVERYONE),
    "login": Expect(other=ELSEWHERE, anonymous=200),
    "logout": Expect(other=405),
    "mfa-verify": Expect(
        ok="admin welfare_officer ra_officer moderator people_analyst", other=SECOND_FACTOR
    ),
    "mfa-setup": Expect(ok=EVERYONE),
    "mfa-backup-codes": Expect(ok=EVERYONE),
    "healthz": Expect(ok=EVERYONE, anonymous=200),
    "readyz": Expect(other=READY, anonymous=READY),
    "subject-access": Expect(ok="admin"),
    "subject-access-detail": Expect(ok="admin", record="subject_access"),
    "subject-access-download": Expect(ok="admin", record="subject_access"),
    # people
    "people:me": Expect(ok=EVERYONE),
    "people:equality": Expect(ok=EVERYONE),
    "people:team": Expect(ok="manager"),
    "people:workforce": Expect(ok=INSIGHT),
    "people:person": Expect(ok="admin manager colleague", other=404),
    # recruitment
    "recruitment:quick": Expect(ok=CAPTURERS),
    "recruitment:eoi-list": Expect(ok=CAPTURERS),
    "recruitment:eoi-overdue": Expect(ok=CAPTURERS),
    "recruitment:eoi-create": Expect(ok="admin recruitment_officer"),
    "recruitment:eoi": Expect(ok=CAPTURERS, record="eoi"),
    "recruitment:eoi-work": post_only("eoi"),
    "recruitment:eoi-contact": post_only("eoi"),
    "recruitment:eoi-merge": post_only("eoi"),
    "recruitment:eoi-apply": post_only("eoi"),
    "recruitment:eoi-adjustment": post_only("eoi"),
    "recruitment:eoi-erase": post_only("eoi"),
    "recruitment:support-create": Expect(ok=REC_OFFICERS, record="eoi"),
    "recruitment:candidate-list": Expect(ok=REC_OFFICERS),
    "recruitment:candidate": Expect(ok=REC_OFFICERS, record="candidate"),
    "recruitment:stage-result": post_only("candidate"),
    "recruitment:candidate-offer": post_only("candidate", kind="conditional"),
    "recruitment:candidate-intake": post_only("candidate"),
    "recruitment:candidate-start": post_only("candidate"),
    "recruitment:tie-break-create": Expect(ok=REC_OFFICERS),
    "recruitment:intake-list": Expect(ok=REC_OFFICERS),
    "recruitment:dashboard": Expect(ok=REC_OFFICERS + " people_analyst"),
    # welfare: the welfare team only; a case is 404 to everyone else
    "welfare:case-list": Expect(ok="welfare_officer"),
    "welfare:overdue": Expect(ok="welfare_officer"),
    "welfare:case-open": Expect(ok="welfare_officer"),
    "welfare:case-detail": Expect(ok="welfare_officer", other=404, record="welfare_case"),
    "welfare:case-notes": Expect(ok="welfare_officer", other=404, record="welfare_case"),
    "welfare:contact-add": post_only("welfare_case"),
    "welfare:case-assign": post_only("welfare_case"),
    "welfare:support-record": post_only("welfare_case"),
    "welfare:themes-record": post_only("welfare_case"),
    "welfare:case-close": post_only("welfare_case"),
    "welfare:resignation-withdraw": post_only("welfare_case"),
    "welfare:resignation-new": Expect(ok="welfare_officer"),
    "welfare:concern-list": Expect(ok="manager"),
    "welfare:concern-raise": Expect(ok="manager"),
    "welfare:probation-list": Expect(ok="welfare_officer"),
    "welfare:probation-detail": Expect(ok="welfare_officer", other=404, record="probation"),
    "welfare:probation-extend": post_only("probation"),
    "welfare:probation-confirm": post_only("probation"),
    "welfare:reg13-list": Expect(ok="welfare_officer"),
    "welfare:reg13-open": Expect(ok="welfare_officer"),
    "welfare:reg13-detail": Expect(ok="welfare_officer", other=404, record="reg13"),
    "welfare:dashboard": Expect(ok="admin welfare_officer people_analyst"),
    # adjustments: the passport is the colleague's; the RA officers work it
    "adjustments:queue": Expect(ok="ra_officer"),
    "adjustments:needs": Expect(ok="ra_officer"),
    "adjustments:need": Expect(ok="ra_officer", record="joiner_need"),
    "adjustments:need-action": Expect(
        ok="ra_officer", record="joiner_need", args={"action": "acknowledge"}
    ),
    "adjustments:overdue": Expect(ok="ra_officer"),
    "adjustments:dashboard": Expect(ok="admin ra_officer people_analyst"),
    "adjustments:my-passport": Expect(other=ELSEWHERE),
    "adjustments:team": Expect(ok="manager"),
    "adjustments:passport-create": Expect(ok=EVERYONE),
    "adjustments:passport": Expect(ok="ra_officer colleague", other=404, record="passport"),
    # a draft passport has no submitted version 1 yet: 404 to all, owner included
    "adjustments:passport-version": Expect(other=404, record="passport"),
    "adjustments:passport-edit": Expect(
        ok="colleague", other=404, record="passport", also={"ra_officer": 403}
    ),
    "adjustments:adjustment-add": Expect(ok="ra_officer colleague", other=404, record="passport"),
    "adjustments:access-to-work-add": Expect(
        ok="ra_officer colleague", other=404, record="passport"
    ),
    "adjustments:passport-action": Expect(
        ok="colleague",
        other=404,
        record="passport",
        also={"ra_officer": 403},
        args={"action": "submit"},
    ),
    "adjustments:adjustment-action": Expect(
        ok="ra_officer",
        other=404,
        record="adjustment",
        also={"colleague": 403},
        args={"action": "agree"},
    ),
    "adjustments:access-to-work-edit": Expect(
        ok="ra_officer", other=404, record="access_to_work", also={"colleague": 403}
    ),
    "adjustments:access-to-work-documents": Expect(
        ok="ra_officer colleague", other=404, record="access_to_work"
    ),
    "adjustments:access-to-work-document": Expect(
        ok="ra_officer colleague", other=404, record="atw_document"
    ),
    "adjustments:referrals": Expect(ok="ra_officer dyslexia_assessor"),
    "adjustments:referral-send": Expect(ok="ra_officer"),
    "adjustments:referral-send-all": Expect(ok="ra_officer"),
    "adjustments:referral": Expect(ok="ra_officer student", other=404, record="referral"),
    "adjustments:referral-action": Expect(
        ok="ra_officer student", other=404, record="referral", args={"action": "return"}
    ),
    # performance
    "performance:me": Expect(ok=EVERYONE),
    # the colleague's rating is still provisional: not theirs to see yet
    "performance:my-rating": Expect(other=404),
    "performance:team": Expect(ok="manager"),
    "performance:team-member": Expect(ok="manager"),
    "performance:panels": Expect(ok="moderator"),
    "performance:panel": Expect(ok="moderator", record="panel"),
    "performance:panel-close": post_only("panel"),
    "performance:panel-fairness": Expect(ok="admin moderator people_analyst", record="panel"),
    "performance:panel-decide": Expect(ok="moderator", record="panel"),
    "performance:appeal-decide": Expect(ok="moderator", record="panel"),
    "performance:fairness": Expect(ok=INSIGHT),
    "performance:dashboard": Expect(ok=INSIGHT),
    # programmes: the analyst keeps the registers; people analysts read them
    "programmes:summary": Expect(ok=PROGRAMME_READERS),
    "programmes:figures": Expect(ok=PROGRAMME_READERS),
    "programmes:benefit-list": Expect(ok=PROGRAMME_READERS),
    "programmes:benefit-create": Expect(ok="benefits_analyst"),
    "programmes:benefit": Expect(ok=PROGRAMME_READERS, record="benefit"),
    "programmes:benefit-edit": Expect(ok="benefits_analyst", record="benefit"),
    "programmes:benefit-status": post_only("benefit"),
    "programmes:benefit-baseline": Expect(ok="benefits_analyst", record="benefit"),
    "programmes:measurement-add": post_only("benefit"),
    "programmes:profile": Expect(ok=PROGRAMME_READERS, record="benefit"),
    "programmes:profile-add": post_only("benefit"),
    "programmes:profile-edit": Expect(ok="benefits_analyst", record="benefit"),
    "programmes:profile-delete": post_only("benefit"),
    "programmes:programme-create": Expect(ok="benefits_analyst"),
    "programmes:programme-status": post_only("programme"),
    "programmes:project-list": Expect(ok=PROGRAMME_READERS),
    "programmes:project-create": Expect(ok="benefits_analyst"),
    "programmes:project": Expect(ok=PROGRAMME_READERS, record="project"),
    "programmes:project-edit": Expect(ok="benefits_analyst", record="project"),
    "programmes:financial-line-save": post_only("project"),
    "programmes:fte-save": post_only("project"),
    "programmes:review-list": Expect(ok=PROGRAMME_READERS),
    "programmes:review-take": post_only(),
    "programmes:review-compare": Expect(ok=PROGRAMME_READERS),
    "programmes:review": Expect(ok=PROGRAMME_READERS, record="review"),
    # reports: every report audience may use the library; the world's run is a board pack
    "reports:library": Expect(ok=REPORT_USERS),
    "reports:report": board_pack(),
    "reports:run": board_pack(record="report_run"),
    "reports:run-progress": Expect(
        ok="admin recruitment_officer",
        record="pipeline_run",
        also=NOT_PIPELINE_AUDIENCE,
    ),
    # the run has no PDF file: every report user gets 404, everyone else 403 before that
    "reports:download": board_pack(
        record="report_run", also={"admin": 404, "people_analyst": 404}, args={"kind": "pdf"}
    ),
    "reports:run-now": post_only("report_run"),
    # API (session-signed-in here; tokens behave the same): anonymous gets 401. Lists read
    # through a scoped selector answer 200 (an empty list) to anyone; a record out of scope
    # is 404; an endpoint behind a role check is 403 (docs/API.md)
    "v1:schema": api(ok=EVERYONE),
    "v1:me": api(ok=EVERYONE),
    "v1:colleague-list": api(ok=EVERYONE),
    "v1:colleague-detail": api(ok="admin manager colleague", other=404),
    "v1:docs": Expect(ok=EVERYONE),
    "v1:eoi-list": api(ok=CAPTURERS),
    # an EOI the recruitment officer captured: not the ambassador's
    "v1:eoi-detail": api(ok=REC_OFFICERS, record="office_eoi", also={"ambassador": 404}),
    # GET/PATCH /api/v1/eois/<id>/work/ (recruitment/api_edit.py): an EOI's work fields in
    # the EOI list's scope, the ambassador's own EOI here (PATCH needs a recruitment officer)
    "v1:eoi-work": api(ok=CAPTURERS, record="eoi"),
    "v1:campaign-list": api(ok=CAPTURERS),
    "v1:campaign-detail": api(ok=CAPTURERS, record="campaign"),
    "v1:intake-list": api(ok=REC_OFFICERS),
    "v1:intake-detail": api(ok=REC_OFFICERS, record="intake"),
    # status only: the welfare team every case; a manager the cases they raised (not this one)
    "v1:welfare-case-list": api(ok=EVERYONE),
    "v1:welfare-case-detail": api(ok="welfare_officer", other=404, record="welfare_case"),
    # the colleague has not shared their passport with their manager
    "v1:passport-list": api(ok=EVERYONE),
    "v1:passport-detail": api(ok="ra_officer colleague", other=404, record="passport"),
    # a provisional rating: the line manager and the panel's moderator, not yet its owner
    "v1:rating-list": api(ok=EVERYONE),
    "v1:rating-detail": api(ok="manager moderator", other=404, record="rating"),
    "v1:programme-list": api(ok=EVERYONE),
    "v1:programme-detail": api(ok=PROGRAMME_READERS, other=404, record="programme"),
    "v1:project-list": api(ok=EVERYONE),
    "v1:project-detail": api(ok=PROGRAMME_READERS, other=404, record="project"),
    "v1:financial-line-list": api(ok=EVERYONE),
    "v1:financial-line-detail": api(ok=PROGRAMME_READERS, other=404, record="financial_line"),
    "v1:benefit-list": api(ok=EVERYONE),
    "v1:benefit-detail": api(ok=PROGRAMME_READERS, other=404, record="benefit"),
    "v1:report-run-list": api(ok=REPORT_USERS),
    # a run of the recruitment officers' weekly pipeline: 404 to the other report audiences
    "v1:report-run-detail": api(
        ok="admin recruitment_officer",
        record="pipeline_run",
        also=NOT_PIPELINE_AUDIENCE,
    ),
    # imports: each kind's own importers; a template of a kind the user may not run is 404
    "imports:upload": Expect(ok=IMPORTERS),
    "imports:template": Expect(
        ok="admin",
        also={"recruitment_officer": 404, "benefits_analyst": 404},
        args={"kind": "colleagues"},
    ),
}


def admin_expect() -> Expect:
    """Every admin page: the admin (staff, second factor passed) only; everyone else is sent
    to the admin's own sign-in page."""
    return Expect(ok="admin", other=ADMIN_SIGN_IN)
