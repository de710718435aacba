"""One subject access export for a colleague holds a section from every app, with their data."""

import io
import json
import zipfile
from datetime import date

from django.urls import reverse
from django.utils.text import slugify

from core import subject_access
from performance.models import Appeal, Phase, Rating, RatingStatus
from recruitment.models import ContactLog, EOIEquality
from tests.adjustments.factories import PassportFactory
from tests.performance.factories import level, make_rating, make_year
from tests.recruitment.factories import CandidateFactory, EOIFactory, IntakeFactory
from welfare import services as welfare_services
from welfare.models import ContactLogEntry

SECTIONS_BY_APP = {
    "people": ["Your details", "Your probation"],
    "recruitment": [
        "Your expressions of interest",
        "Where your expressions of interest came from",
        "Our contacts with you about joining",
        "Your application and its results",
        "Equality answers you gave when you applied",
    ],
    "welfare": ["Your welfare cases", "Our contacts with you about your welfare"],
    "adjustments": ["Your adjustment passport"],
    "performance": ["Your final ratings", "Your appeals"],
    "reports": ["Reports and figures"],
}


def _history(student, cast):
    """The student joined through recruitment, has a welfare case, a passport and a rating."""
    from people import services as people_services

    eoi = EOIFactory(email="student@example.com", captured_by=cast["recruitment_officer"])
    EOIEquality.objects.create(eoi=eoi, sex="M", ethnicity="B_CAR")
    ContactLog.objects.create(
        eoi=eoi,
        officer=cast["recruitment_officer"],
        method="phone",
        note="Booked onto the open evening.",
        contacted_at="2025-03-03T10:00:00Z",
    )
    CandidateFactory(
        eoi=eoi,
        status="started",
        colleague=student,
        intake=IntakeFactory(),
        conditional_offer_on=date(2025, 6, 1),
        final_offer_on=date(2025, 7, 1),
    )
    people_services.probation_start(
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
    ContactLogEntry.objects.create(
        case=case, contact_on=date(2026, 1, 6), kind="phone", summary="Talked it through."
    )
    PassportFactory(owner=student)
    year = make_year(Phase.MODERATION)
    rating = make_rating(student, year, "achieved")
    Rating.objects.filter(pk=rating.pk).update(
        status=RatingStatus.FINAL,
        final_what=level(year, "achieved"),
        final_how=level(year, "achieved"),
        finalised_on=date(2026, 4, 20),
    )
    Appeal.objects.create(rating=rating, grounds="My evidence was missed.", lodged_on=date.today())


def test_every_app_registers_its_section():
    registered = set(subject_access._providers)
    for app, sections in SECTIONS_BY_APP.items():
        assert set(sections) <= registered, app


def test_one_export_for_a_colleague_holds_every_apps_section(client_for, cast):
    student = cast["student"]
    _history(student, cast)
    client = client_for(cast["admin"])
    response = client.post(reverse("subject-access"), {"staff_number": student.staff_number})
    assert response.status_code == 302
    download = client.get(response["Location"] + "download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = set(archive.namelist())
    for app, sections in SECTIONS_BY_APP.items():
        for section in sections:
            name = f"{slugify(section)}.json"
            assert name in names, (app, section)
            assert json.loads(archive.read(name)), f"{app}: {section} is empty"
    welfare = json.loads(archive.read("your-welfare-cases.json"))
    assert welfare[0]["What prompted it"] == "Missed three shifts."
    pipeline = json.loads(archive.read("your-application-and-its-results.json"))
    assert pipeline[0]["Status"] == "Started"
    assert archive.read("everything-we-hold.pdf").startswith(b"%PDF")


def test_a_candidate_known_only_by_email_gets_their_recruitment_records(cast):
    eoi = EOIFactory(email="jo@example.com", captured_by=cast["recruitment_officer"])
    EOIFactory(email="someone.else@example.com", captured_by=cast["recruitment_officer"])
    from recruitment import privacy

    rows = privacy.eois_for_subject(person=None, email="JO@example.com")
    assert [row["id"] for row in rows] == [eoi.pk]
    assert privacy.pipeline_for_subject(person=None, email="jo@example.com") == []
