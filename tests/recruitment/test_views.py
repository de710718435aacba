from datetime import date, timedelta

import pytest
from django.urls import reverse

from recruitment.models import (
    Candidate,
    Channel,
    EOISource,
    ExpressionOfInterest,
    TieBreakDecision,
)
from tests.recruitment.factories import (
    AmbassadorFactory,
    CampaignFactory,
    CandidateFactory,
    EOIFactory,
    ZoneFactory,
)
from tests.utils import queries_for

EOI = ExpressionOfInterest
QUICK = {
    "first_name": "Kemi",
    "last_name": "Adeyemi",
    "phone": "07700 900123",
    "email": "",
    "postcode": "b42 1aa",
    "route": "pcda",
    "consent_to_contact": "on",
}
FULL = {
    **QUICK,
    "channel": "web",
    "email": "kemi@example.com",
    "over_17": "true",
    "right_to_work": "",
    "lived_in_uk_3_years": "",
    "has_degree": "false",
    "ethnicity": "B_CAR",
}


def test_an_ambassador_takes_an_eoi_on_the_quick_form(client_for, ambassador):
    AmbassadorFactory(person=ambassador)
    client = client_for(ambassador)
    assert client.get(reverse("recruitment:quick")).status_code == 200
    response = client.post(reverse("recruitment:quick"), QUICK)
    assert response.status_code == 302
    source = EOISource.objects.get()
    assert source.channel == Channel.AMBASSADOR and source.ambassador.person == ambassador
    assert source.eoi.phone == "+447700900123" and source.eoi.postcode == "B42 1AA"


def test_the_quick_form_remembers_the_event_zone(client_for, ambassador):
    zone = ZoneFactory(
        campaign=CampaignFactory(
            starts_on=date.today() - timedelta(days=1), ends_on=date.today() + timedelta(days=4)
        )
    )
    client = client_for(ambassador)
    client.post(reverse("recruitment:quick"), {**QUICK, "zone": zone.pk})
    assert EOISource.objects.get().zone == zone
    assert client.get(reverse("recruitment:quick")).context["form"].initial["zone"] == zone.pk


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("phone", "0770", "Enter a UK phone number"),
        ("phone", "+33 6 12 34 56 78", "Enter a UK phone number"),
        ("postcode", "B42", "Enter a UK postcode"),
        ("email", "kemi@@example", "Enter an email address"),
        ("consent_to_contact", "", "Ask for consent"),
    ],
)
@pytest.mark.parametrize(
    "url, data", [("recruitment:quick", QUICK), ("recruitment:eoi-create", FULL)]
)
def test_bad_details_are_explained_and_nothing_is_saved(
    client_for, recruitment_officer, url, data, field, value, message
):
    response = client_for(recruitment_officer).post(reverse(url), {**data, field: value})
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert response.content.decode().count(message) == 1  # once, next to the field
    assert not EOI.objects.exists() and not EOISource.objects.exists()


def test_the_full_form_keeps_equality_apart(client_for, recruitment_officer):
    response = client_for(recruitment_officer).post(reverse("recruitment:eoi-create"), FULL)
    assert response.status_code == 302
    eoi = EOI.objects.get()
    assert eoi.equality.ethnicity == "B_CAR" and eoi.has_degree is False
    page = client_for(recruitment_officer).get(reverse("recruitment:eoi", args=[eoi.pk]))
    assert "Caribbean" not in page.content.decode()  # never shown to those deciding


@pytest.mark.parametrize("url", ["recruitment:quick", "recruitment:eoi-list"])
def test_a_colleague_without_a_recruitment_role_is_forbidden(client_for, colleague, url):
    assert client_for(colleague).get(reverse(url)).status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "recruitment:quick",
        "recruitment:eoi-list",
        "recruitment:dashboard",
        "recruitment:candidate-list",
    ],
)
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(reverse(url))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_an_ambassador_sees_only_their_own_eois(client_for, ambassador, recruitment_officer):
    mine = EOIFactory(captured_by=ambassador, last_name="Mine")
    theirs = EOIFactory(captured_by=recruitment_officer, last_name="Theirs")
    client = client_for(ambassador)
    page = client.get(reverse("recruitment:eoi-list")).content.decode()
    assert "Mine" in page and "Theirs" not in page
    assert client.get(reverse("recruitment:eoi", args=[mine.pk])).status_code == 200
    assert client.get(reverse("recruitment:eoi", args=[theirs.pk])).status_code == 404
    # and cannot work even their own
    assert client.post(reverse("recruitment:eoi-work", args=[mine.pk]), {}).status_code == 403


def test_an_officer_works_an_eoi(client_for, recruitment_officer):
    eoi = EOIFactory()
    client = client_for(recruitment_officer)
    url = reverse("recruitment:eoi-work", args=[eoi.pk])
    refused = client.post(url, {"status": "closed", "closed_reason": "", "version": eoi.version})
    assert refused.status_code == 400 and "Say why" in refused.content.decode()
    next_week = date.today() + timedelta(days=7)
    response = client.post(
        url,
        {
            "assigned_to": recruitment_officer.pk,
            "status": "contacted",
            "next_action": "Call back",
            "next_action_on": next_week.isoformat(),
            "version": eoi.version,
        },
    )
    assert response.status_code == 302
    eoi.refresh_from_db()
    assert eoi.assigned_to == recruitment_officer and eoi.next_action_on == next_week
    client.post(
        reverse("recruitment:eoi-contact", args=[eoi.pk]), {"method": "phone", "note": "Spoke"}
    )
    assert eoi.contacts.count() == 1


def test_the_overdue_view_lists_only_late_open_eois(client_for, recruitment_officer):
    EOIFactory(last_name="Late", next_action_on=date.today() - timedelta(days=1))
    EOIFactory(last_name="Soon", next_action_on=date.today() + timedelta(days=1))
    EOIFactory(
        last_name="Shut",
        status="closed",
        closed_reason="withdrawn",
        next_action_on=date.today() - timedelta(days=3),
    )
    page = client_for(recruitment_officer).get(reverse("recruitment:eoi-overdue"))
    names = [eoi.last_name for eoi in page.context["page"]]
    assert names == ["Late"]


def test_merging_through_the_page_keeps_both_sources(client_for, recruitment_officer):
    keep = EOIFactory(email="same@example.com")
    duplicate = EOIFactory(email="same@example.com", source__channel=Channel.SOCIAL)
    client = client_for(recruitment_officer)
    detail = client.get(reverse("recruitment:eoi", args=[keep.pk])).content.decode()
    assert f"EOI {duplicate.pk}" in detail
    client.post(reverse("recruitment:eoi-merge", args=[keep.pk]), {"duplicate": duplicate.pk})
    assert keep.sources.count() == 2


def _make_eois(n, captured_by):
    eois = EOI.objects.bulk_create(
        EOI(
            first_name=f"P{i}",
            last_name="Person",
            email=f"p{i}@example.com",
            postcode="B42 1AA",
            route="pcda",
            consent_to_contact=True,
            received_on=date(2026, 3, 1),
            captured_by=captured_by,
            assigned_to=captured_by,
        )
        for i in range(n)
    )
    campaign = CampaignFactory()
    EOISource.objects.bulk_create(
        EOISource(
            eoi=eoi,
            channel=Channel.EVENT,
            campaign=campaign,
            captured_by=captured_by,
            captured_on=date(2026, 3, 1),
        )
        for eoi in eois
    )


@pytest.mark.parametrize("role", ["recruitment_officer", "ambassador"])
def test_the_eoi_list_costs_the_same_queries_at_10_and_1000(cast, client_for, role):
    user = cast[role]
    client = client_for(user)
    url = reverse("recruitment:eoi-list")
    _make_eois(10, user)
    few = queries_for(client, url, channel="event")
    _make_eois(990, user)
    many = queries_for(client, url, channel="event")
    assert few == many <= 10


def test_the_candidate_list_costs_the_same_queries_at_few_and_many(cast, client_for):
    client = client_for(cast["recruitment_officer"])
    url = reverse("recruitment:candidate-list")
    CandidateFactory.create_batch(3)
    few = queries_for(client, url, status="in_progress")
    CandidateFactory.create_batch(60)
    many = queries_for(client, url, status="in_progress")
    assert few == many <= 10


def test_an_ambassador_sees_what_they_have_taken_on_the_home_page(cast, client_for):
    EOIFactory(captured_by=cast["ambassador"], received_on=date.today())
    response = client_for(cast["ambassador"]).get(reverse("home"))
    item = next(i for i in response.context["work_items"] if i.title == "EOIs you have taken")
    assert item.count == 1


def test_positive_action_records_support_but_not_results(client_for, positive_action, pcda_stages):
    candidate = CandidateFactory()
    client = client_for(positive_action)
    response = client.post(
        reverse("recruitment:support-create", args=[candidate.eoi.pk]),
        {"kind": "coaching", "given_on": "2026-04-01", "group": "Black heritage", "notes": ""},
    )
    assert response.status_code == 302 and candidate.eoi.support.count() == 1
    result = client.post(
        reverse("recruitment:stage-result", args=[candidate.pk]),
        {"stage": pcda_stages[0].pk, "result": "pass", "score": "99"},
    )
    assert result.status_code == 403 and not candidate.results.exists()


def test_an_officer_moves_a_candidate_to_a_conditional_offer(
    client_for, recruitment_officer, pcda_stages
):
    candidate = CandidateFactory()
    client = client_for(recruitment_officer)
    assert client.get(reverse("recruitment:candidate", args=[candidate.pk])).status_code == 200
    client.post(
        reverse("recruitment:stage-result", args=[candidate.pk]),
        {"stage": pcda_stages[0].pk, "result": "pass", "score": "70"},
    )
    client.post(reverse("recruitment:candidate-offer", args=[candidate.pk, "conditional"]))
    candidate.refresh_from_db()
    assert candidate.results.count() == 1
    assert candidate.status == Candidate.Status.CONDITIONAL_OFFER


def test_candidates_are_out_of_scope_for_ambassadors(client_for, ambassador):
    candidate = CandidateFactory(eoi__captured_by=ambassador)
    response = client_for(ambassador).get(reverse("recruitment:candidate", args=[candidate.pk]))
    assert response.status_code == 403


def test_the_tie_break_page_refuses_unequal_scores(client_for, positive_action, pcda_stages):
    from recruitment.services import stage_result_record

    first, second = CandidateFactory(), CandidateFactory()
    for candidate, score in ((first, 70), (second, 69)):
        stage_result_record(
            actor=positive_action,
            candidate=candidate,
            stage=pcda_stages[1],
            result="pass",
            score=score,
        )
    response = client_for(positive_action).post(
        reverse("recruitment:tie-break-create"),
        {
            "stage": pcda_stages[1].pk,
            "candidates": [first.pk, second.pk],
            "preferred": second.pk,
            "characteristic": "ethnicity",
            "evidence": "Census 29.9%",
            "reason": "Tie",
        },
    )
    assert response.status_code == 200 and "scores differ" in response.content.decode()
    assert not TieBreakDecision.objects.exists()


def test_the_tie_break_page_lists_candidates_with_their_scores(
    client_for, recruitment_officer, pcda_stages
):
    from recruitment.services import stage_result_record

    candidate = CandidateFactory(eoi__last_name="Okoro")
    stage_result_record(
        actor=recruitment_officer,
        candidate=candidate,
        stage=pcda_stages[1],
        result="pass",
        score=70,
    )
    CandidateFactory(eoi__last_name="Unscored")
    client = client_for(recruitment_officer)
    picker = client.get(reverse("recruitment:tie-break-create")).content.decode()
    assert "Show the candidates scored there" in picker
    page = client.get(reverse("recruitment:tie-break-create"), {"stage": pcda_stages[1].pk})
    text = page.content.decode()
    assert "Okoro (candidate" in text and "score 70.00" in text and "Unscored" not in text


@pytest.mark.parametrize(
    "role, status",
    [
        ("recruitment_officer", 200),
        ("positive_action", 200),
        ("people_analyst", 200),
        ("ambassador", 403),
        ("colleague", 403),
    ],
)
def test_the_dashboard_is_for_recruitment_and_analysts(cast, client_for, role, status):
    assert client_for(cast[role]).get(reverse("recruitment:dashboard")).status_code == status


def test_the_menu_shows_recruitment_to_its_roles(cast, client_for):
    page = client_for(cast["ambassador"]).get(reverse("home")).content.decode()
    assert reverse("recruitment:quick") in page
    assert reverse("recruitment:dashboard") not in page
    officer = client_for(cast["recruitment_officer"]).get(reverse("home"))
    assert "EOIs assigned to you" in [item.title for item in officer.context["work_items"]]


@pytest.mark.parametrize(
    "model",
    [
        "campaign",
        "zone",
        "ambassador",
        "expressionofinterest",
        "eoisource",
        "eoiequality",
        "contactlog",
        "pipelinestage",
        "intake",
        "candidate",
        "stageresult",
        "positiveactionsupport",
        "tiebreakdecision",
        "tiebreakcandidate",
    ],
)
def test_admin_lists_open_with_search(client_for, admin_user, model):
    CandidateFactory()
    response = client_for(admin_user).get(f"/admin/recruitment/{model}/", {"q": "a"})
    assert response.status_code == 200


def test_a_double_tap_on_started_creates_one_colleague(
    client_for, recruitment_officer, pcda_stages
):
    from people.models import User
    from tests.recruitment.test_services import _to_final_offer

    candidate = _to_final_offer(recruitment_officer, pcda_stages)
    client = client_for(recruitment_officer)
    url = reverse("recruitment:candidate-start", args=[candidate.pk])
    before = User.objects.count()
    first = client.post(url, {"staff_number": "S20001"})
    second = client.post(url, {"staff_number": "S20002"})
    assert first.status_code == second.status_code == 302
    assert User.objects.count() == before + 1
    assert User.objects.filter(staff_number="S20001").exists()


def _names(response) -> set[str]:
    return {eoi.full_name for eoi in response.context["page"]}


def test_the_search_finds_a_caller_by_name_phone_email_or_postcode(client_for, recruitment_officer):
    EOIFactory(first_name="Ann", last_name="Smith", phone="+447700900123", postcode="B44 6WU")
    EOIFactory(first_name="Bob", last_name="Jones", email="bob.jones@example.org")
    client = client_for(recruitment_officer)
    url = reverse("recruitment:eoi-list")
    assert _names(client.get(url, {"q": "ann smith"})) == {"Ann Smith"}  # the whole name
    assert _names(client.get(url, {"q": "SMI"})) == {"Ann Smith"}
    assert _names(client.get(url, {"q": "07700 900123"})) == {"Ann Smith"}
    assert _names(client.get(url, {"q": "b44 6wu"})) == {"Ann Smith"}
    assert _names(client.get(url, {"q": "jones@example"})) == {"Bob Jones"}
    assert _names(client.get(url, {"q": "nobody"})) == set()


def test_the_admin_searches_eois_as_the_list_does(client_for, admin_user):
    EOIFactory(first_name="Ann", last_name="Smith")
    EOIFactory(first_name="Bob", last_name="Jones")
    response = client_for(admin_user).get(
        "/admin/recruitment/expressionofinterest/", {"q": "ann smith"}
    )
    assert [eoi.full_name for eoi in response.context["cl"].result_list] == ["Ann Smith"]


def test_a_search_pages_on_in_date_order(recruitment_officer):
    """Searches are ordered by an unindexed copy of the day received (so PostgreSQL uses the
    trigram index); its keyset pages still run newest first without repeats."""
    from core.pagination import keyset_paginate
    from recruitment import selectors

    for day in range(1, 8):
        EOIFactory(first_name="Ann", last_name=f"Smith{day}", received_on=date(2026, 3, day))
    EOIFactory(first_name="Bob", last_name="Jones")
    found = selectors.search_eois(selectors.eoi_list(user=recruitment_officer), "smith")
    order = selectors.eoi_order(found)
    assert order == selectors.SEARCH_ORDER
    names, cursor = [], None
    while True:
        page = keyset_paginate(found, ordering=order, cursor=cursor, per_page=3)
        names += [eoi.last_name for eoi in page]
        if not page.has_next:
            break
        cursor = page.next_cursor
    assert names == [f"Smith{day}" for day in range(7, 0, -1)]
