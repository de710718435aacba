"""One record of each kind, owned by the fixed cast, so every detail page has a real pk.

Built once per test through factories and services; the access matrix reads `records[kind]`.
"""

from datetime import date

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from adjustments import services as adjustment_services
from adjustments.models import AccessToWork, AccessToWorkDocument, JoinerNeed
from core.attachments import attachment_prepare
from core.models import SubjectAccessExport
from people import services as people_services
from performance.models import Appeal, Phase
from programmes import services as programme_services
from reports.models import ReportRun, RequestedVia, RunStatus
from tests.adjustments.factories import AdjustmentFactory, DyslexiaReferralFactory, PassportFactory
from tests.performance.factories import make_panel, make_rating, make_year
from tests.programmes.factories import (
    BenefitFactory,
    FinancialLineFactory,
    ProfileLineFactory,
    ProjectFactory,
)
from tests.recruitment.factories import CampaignFactory, CandidateFactory, EOIFactory, IntakeFactory
from welfare import services as welfare_services


def _recruitment(cast) -> dict:
    eoi = EOIFactory(captured_by=cast["ambassador"])
    candidate = CandidateFactory(eoi=EOIFactory(captured_by=cast["recruitment_officer"]))
    intake = IntakeFactory()
    return {
        "eoi": eoi,
        # captured by the recruitment officer: outside the ambassador's scope
        "office_eoi": candidate.eoi,
        "candidate": candidate,
        "campaign": CampaignFactory(),
        "intake": intake,
    }


def _welfare(cast) -> dict:
    student = cast["student"]
    probation = people_services.probation_start(
        actor=None, officer=student, route=student.entry_route, start_date=student.start_date
    )
    case = welfare_services.welfare_case_open(
        actor=cast["welfare_officer"],
        officer=student,
        how_opened="welfare_team",
        notified_on=date(2026, 1, 5),
        concern="Missed three shifts.",
        assigned_to=cast["welfare_officer"],
    )
    reg13 = welfare_services.reg13_open(
        actor=cast["welfare_officer"],
        officer=student,
        referred_on=date(2026, 1, 5),
        grounds="Failed exams twice.",
    )
    return {"probation": probation, "welfare_case": case, "reg13": reg13}


def _adjustments(cast) -> dict:
    passport = PassportFactory(owner=cast["colleague"])
    adjustment = AdjustmentFactory(passport=passport)
    access_to_work = AccessToWork.objects.create(passport=passport, applied_on=date(2026, 1, 5))
    referral = DyslexiaReferralFactory(person=cast["student"])
    need = adjustment_services.joiner_need_record(
        actor=cast["recruitment_officer"], name="Kemi Ade", details="Overlays", source="EOI 17"
    )
    document = AccessToWorkDocument(application=access_to_work)
    upload = SimpleUploadedFile("award.pdf", b"%PDF-1.7\n%%EOF\n", "application/pdf")
    attachment_prepare(document, upload, actor=cast["colleague"])
    document.save()
    return {
        "passport": passport,
        "atw_document": document,
        "adjustment": adjustment,
        "access_to_work": access_to_work,
        "referral": referral,
        "joiner_need": need if isinstance(need, JoinerNeed) else JoinerNeed.objects.get(),
    }


def _performance(cast) -> dict:
    year = make_year(Phase.MODERATION)
    panel = make_panel(year, cast["colleague"].department, [cast["moderator"]])
    rating = make_rating(cast["colleague"], year, "partly")
    appeal = Appeal.objects.create(rating=rating, grounds="Unfair", lodged_on=date.today())
    return {"year": year, "panel": panel, "rating": rating, "appeal": appeal}


def _programmes(cast) -> dict:
    project = ProjectFactory(owner=cast["benefits_analyst"])
    benefit = BenefitFactory(project=project, owner=cast["benefits_analyst"])
    line = ProfileLineFactory(benefit=benefit)
    financial_line = FinancialLineFactory(project=project)
    review = programme_services.benefits_review_take(
        actor=cast["benefits_analyst"], title="ABR", as_at=date(2026, 9, 30)
    )
    return {
        "project": project,
        "programme": project.programme,
        "benefit": benefit,
        "profile_line": line,
        "financial_line": financial_line,
        "review": review,
    }


def _reports(cast) -> dict:
    run = ReportRun.objects.create(
        report_type="board-pack",
        period_start=date(2026, 4, 1),
        period_end=date(2026, 6, 30),
        period_label="April to June 2026",
        parameters={"definition": "emg"},
        status=RunStatus.SUCCEEDED,
        progress=100,
        requested_via=RequestedVia.USER,
        content={"title": "T", "period_label": "Q1", "sections": [], "parameters": []},
    )
    # a report of another audience: the recruitment officers' weekly pipeline
    pipeline_run = ReportRun.objects.create(
        report_type="recruitment-pipeline",
        period_start=date(2026, 6, 1),
        period_end=date(2026, 6, 7),
        period_label="Week of 1 June 2026",
        parameters={},
        status=RunStatus.QUEUED,
        requested_via=RequestedVia.USER,
    )
    export = SubjectAccessExport(requested_by=cast["admin"], subject=cast["colleague"], summary={})
    export.file.save("subject-access-colleague.zip", ContentFile(b"PK"), save=True)
    return {"report_run": run, "pipeline_run": pipeline_run, "subject_access": export}


def build(cast) -> dict:
    """Every kind of record the URL patterns take a pk for, keyed by kind."""
    records = {}
    for part in (_recruitment, _welfare, _adjustments, _performance, _programmes, _reports):
        records |= part(cast)
    return records
