from datetime import date, timedelta

import pytest
from django.urls import reverse

from adjustments import services
from adjustments.models import AccessToWork, Adjustment, JoinerNeed, Passport
from core.audit import reads_of
from people.services import person_change
from tests.adjustments.factories import (
    AdjustmentFactory,
    DyslexiaReferralFactory,
    PassportFactory,
    SubmittedPassportFactory,
)
from tests.factories import UserFactory
from tests.utils import queries_for


def _url(passport):
    return reverse("adjustments:passport", args=[passport.pk])


@pytest.mark.parametrize("who", ["colleague", "ra_officer", "manager"])
def test_owner_ra_officer_and_consenting_manager_read_the_passport(
    cast, client_for, shared_passport, who
):
    response = client_for(cast[who]).get(_url(shared_passport))
    assert response.status_code == 200
    assert "Dyslexia; migraines" in response.content.decode()


@pytest.mark.parametrize(
    "who", ["outsider", "dyslexia_assessor", "welfare_officer", "student", "people_analyst"]
)
def test_anyone_else_gets_404_on_a_passport(cast, client_for, shared_passport, who):
    assert client_for(cast[who]).get(_url(shared_passport)).status_code == 404
    assert reads_of(shared_passport).count() == 0


def test_a_manager_without_consent_gets_404(client_for, passport, manager):
    assert client_for(manager).get(_url(passport)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, passport):
    response = client.get(_url(passport))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_each_read_writes_one_access_log_row(client_for, passport, colleague, ra_officer):
    client_for(colleague).get(_url(passport))
    assert reads_of(passport).count() == 1
    client_for(ra_officer).get(_url(passport))
    rows = reads_of(passport)
    assert rows.count() == 2 and {r.actor for r in rows} == {colleague, ra_officer}


def test_the_manager_change_moves_access_only_with_consent(
    client_for, shared_passport, manager, colleague, admin_user
):
    new_manager = UserFactory(staff_number="NEWMGR")
    person_change(
        actor=admin_user, person=colleague, effective=date.today(), line_manager=new_manager
    )
    assert client_for(manager).get(_url(shared_passport)).status_code == 404
    assert client_for(new_manager).get(_url(shared_passport)).status_code == 404
    colleague.refresh_from_db()
    share = reverse("adjustments:passport-action", args=[shared_passport.pk, "share"])
    assert client_for(colleague).post(share).status_code == 302
    assert client_for(new_manager).get(_url(shared_passport)).status_code == 200
    assert client_for(manager).get(_url(shared_passport)).status_code == 404
    unshare = reverse("adjustments:passport-action", args=[shared_passport.pk, "unshare"])
    client_for(colleague).post(unshare)
    assert client_for(new_manager).get(_url(shared_passport)).status_code == 404


def test_a_consenting_manager_cannot_agree_an_adjustment(client_for, shared_passport, manager):
    adjustment = AdjustmentFactory(passport=shared_passport)
    url = reverse("adjustments:adjustment-action", args=[adjustment.pk, "agree"])
    assert client_for(manager).post(url).status_code == 403
    assert Adjustment.objects.get().status == Adjustment.Status.REQUESTED


def test_the_owner_cannot_take_their_own_passport(client_for, submitted, colleague):
    url = reverse("adjustments:passport-action", args=[submitted.pk, "take"])
    assert client_for(colleague).post(url).status_code == 403


def test_the_manager_writes_section_4_1_on_the_page(client_for, shared_passport, manager):
    url = reverse("adjustments:passport-action", args=[shared_passport.pk, "section-4-1"])
    response = client_for(manager).post(url, {"section_4_1": "Happy to support flexible hours"})
    assert response.status_code == 302
    assert Passport.objects.get().section_4_1 == "Happy to support flexible hours"


def test_a_decline_without_a_reason_shows_next_to_the_field(client_for, taken, ra_officer):
    adjustment = AdjustmentFactory(passport=taken)
    url = reverse("adjustments:adjustment-action", args=[adjustment.pk, "decline"])
    response = client_for(ra_officer).post(url, {"category": "other", "reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert Adjustment.objects.get().status == Adjustment.Status.REQUESTED


def test_the_ra_officer_agrees_and_the_timeline_shows_it(client_for, taken, ra_officer):
    adjustment = AdjustmentFactory(passport=taken)
    url = reverse("adjustments:adjustment-action", args=[adjustment.pk, "agree"])
    response = client_for(ra_officer).post(url, {})
    assert response.status_code == 302, response.context["form"].errors
    page = client_for(ra_officer).get(_url(taken)).content.decode()
    assert "): Screen-reading software" in page and "Agreed (" in page and "Timeline" in page


def test_a_review_date_in_the_past_is_refused_on_the_form(client_for, outsider):
    response = client_for(outsider).post(
        reverse("adjustments:passport-create"),
        {"conditions_visibility": "not_said", "review_date": "2020-01-01"},
    )
    assert response.status_code == 200
    assert "cannot be in the past" in response.context["form"].errors["review_date"][0]
    assert not Passport.objects.exists()


def test_a_negative_cost_is_refused_on_the_form(client_for, passport, colleague):
    response = client_for(colleague).post(
        reverse("adjustments:adjustment-add", args=[passport.pk]),
        {
            "description": "Chair",
            "kind": "equipment",
            "cost": "-5",
            "funder": "force",
            "requested_on": date.today().isoformat(),
        },
    )
    assert response.status_code == 200
    assert "cannot be negative" in response.context["form"].errors["cost"][0]
    assert not Adjustment.objects.exists()


def test_an_award_without_a_reference_is_refused_on_the_form(client_for, passport, colleague):
    response = client_for(colleague).post(
        reverse("adjustments:access-to-work-add", args=[passport.pk]),
        {
            "status": "awarded",
            "applied_on": (date.today() - timedelta(days=40)).isoformat(),
            "award_amount": "2000",
            "award_on": date.today().isoformat(),
            "employer_share": "0",
        },
    )
    assert response.status_code == 200
    assert "reference" in response.context["form"].errors
    assert not AccessToWork.objects.exists()


def test_my_passport_goes_to_the_form_then_the_passport(client_for, colleague):
    client = client_for(colleague)
    assert client.get(reverse("adjustments:my-passport"))["Location"].endswith("/new/")
    response = client.post(
        reverse("adjustments:passport-create"),
        {"conditions": "ADHD", "conditions_visibility": "invisible", "impact": "Noise"},
    )
    passport = Passport.objects.get(owner=colleague)
    assert response["Location"] == _url(passport)
    assert client.get(reverse("adjustments:my-passport"))["Location"] == _url(passport)


def test_the_queue_shows_submitted_passports_and_joiners_needs(
    client_for, ra_officer, submitted, recruitment_officer
):
    services.joiner_need_record(
        actor=recruitment_officer, name="Kemi Ade", details="Overlays", source="EOI 17"
    )
    response = client_for(ra_officer).get(reverse("adjustments:queue"))
    assert response.status_code == 200
    assert [p.pk for p in response.context["page"]] == [submitted.pk]
    assert [n.name for n in response.context["needs"]] == ["Kemi Ade"]


@pytest.mark.parametrize(
    "who, url_name, status",
    [
        ("colleague", "adjustments:queue", 403),
        ("manager", "adjustments:queue", 403),
        ("dyslexia_assessor", "adjustments:queue", 403),
        ("ra_officer", "adjustments:overdue", 200),
        ("colleague", "adjustments:overdue", 403),
        ("colleague", "adjustments:needs", 403),
        ("ra_officer", "adjustments:dashboard", 200),
        ("people_analyst", "adjustments:dashboard", 200),
        ("colleague", "adjustments:dashboard", 403),
        ("ra_officer", "adjustments:referrals", 200),
        ("dyslexia_assessor", "adjustments:referrals", 200),
        ("colleague", "adjustments:referrals", 403),
        ("manager", "adjustments:team", 200),
        ("colleague", "adjustments:team", 403),
    ],
)
def test_role_pages(cast, client_for, who, url_name, status):
    assert client_for(cast[who]).get(reverse(url_name)).status_code == status


def test_an_ra_officer_opens_a_passport_from_a_joiners_need(
    client_for, ra_officer, recruitment_officer, student
):
    need = services.joiner_need_record(
        actor=recruitment_officer, name="Sam Adeyemi", details="Extra time", source="EOI 9"
    )
    url = reverse("adjustments:need-action", args=[need.pk, "open"])
    response = client_for(ra_officer).post(url, {"staff_number": student.staff_number})
    assert response.status_code == 302
    passport = Passport.objects.get(owner=student)
    assert passport.adjustments.get().description == "Extra time"
    assert JoinerNeed.objects.get().status == JoinerNeed.Status.PASSPORT_OPENED


def test_a_passport_is_not_opened_before_the_joiner_starts(
    client_for, ra_officer, recruitment_officer
):
    joiner = UserFactory(staff_number="J1", start_date=date.today() + timedelta(days=30))
    need = services.joiner_need_record(
        actor=recruitment_officer, name="J", details="Ramp", source="EOI 10"
    )
    url = reverse("adjustments:need-action", args=[need.pk, "open"])
    response = client_for(ra_officer).post(url, {"staff_number": joiner.staff_number})
    assert response.status_code == 200 and not Passport.objects.exists()


# Referrals --------------------------------------------------------------------------------


@pytest.fixture
def referral(dyslexia_assessor, student):
    return DyslexiaReferralFactory(person=student, assessor=dyslexia_assessor)


@pytest.mark.parametrize("who", ["student", "ra_officer", "dyslexia_assessor"])
def test_the_joiner_ra_and_assigned_assessor_read_a_referral(cast, client_for, referral, who):
    url = reverse("adjustments:referral", args=[referral.pk])
    assert client_for(cast[who]).get(url).status_code == 200
    assert reads_of(referral).count() == 1


@pytest.mark.parametrize("who", ["outsider", "manager", "colleague", "welfare_officer"])
def test_anyone_else_gets_404_on_a_referral(cast, client_for, referral, who):
    url = reverse("adjustments:referral", args=[referral.pk])
    assert client_for(cast[who]).get(url).status_code == 404
    assert reads_of(referral).count() == 0


def test_another_assessor_gets_404_on_a_referral(client_for, referral):
    from people.roles import Role

    other = UserFactory(staff_number="ASSESS2", roles=[Role.DYSLEXIA_ASSESSOR])
    url = reverse("adjustments:referral", args=[referral.pk])
    assert client_for(other).get(url).status_code == 404


# Query budgets ----------------------------------------------------------------------------


def _owners(n, start=0):
    return [UserFactory(staff_number=f"QB{i}") for i in range(start, start + n)]


def test_the_queue_costs_the_same_for_3_or_30_passports(client_for, ra_officer):
    client = client_for(ra_officer)
    for owner in _owners(3):
        SubmittedPassportFactory(owner=owner)
    small = queries_for(client, reverse("adjustments:queue"))
    for owner in _owners(27, start=3):
        SubmittedPassportFactory(owner=owner)
    assert queries_for(client, reverse("adjustments:queue")) == small <= 10


def test_the_referral_list_costs_the_same_for_3_or_30(client_for, ra_officer):
    client = client_for(ra_officer)
    for _ in range(3):
        DyslexiaReferralFactory()
    small = queries_for(client, reverse("adjustments:referrals"))
    for _ in range(27):
        DyslexiaReferralFactory()
    assert queries_for(client, reverse("adjustments:referrals")) == small <= 10


def test_the_needs_list_costs_the_same_for_3_or_30(client_for, ra_officer, recruitment_officer):
    client = client_for(ra_officer)

    def add(n, start):
        for i in range(start, start + n):
            services.joiner_need_record(
                actor=recruitment_officer, name=f"J{i}", details="x", source=f"EOI {i}"
            )

    add(3, 0)
    small = queries_for(client, reverse("adjustments:needs"))
    add(27, 3)
    assert queries_for(client, reverse("adjustments:needs")) == small <= 10


def test_the_passport_page_costs_the_same_for_few_or_many_adjustments(
    client_for, ra_officer, taken
):
    client = client_for(ra_officer)
    AdjustmentFactory(passport=taken)
    small = queries_for(client, _url(taken))
    for _ in range(20):
        AdjustmentFactory(passport=taken)
    assert queries_for(client, _url(taken)) == small <= 10


def test_the_team_list_costs_the_same_for_few_or_many(client_for, manager):
    client = client_for(manager)

    def add(n, start):
        for owner in _owners(n, start):
            owner.line_manager = manager
            owner.save()
            passport = PassportFactory(owner=owner)
            services.passport_consent_give(actor=owner, passport=passport)

    add(2, 100)
    small = queries_for(client, reverse("adjustments:team"))
    add(20, 200)
    assert queries_for(client, reverse("adjustments:team")) == small <= 10


def test_a_joiners_need_is_read_by_ra_officers_only_and_logged(
    client_for, ra_officer, recruitment_officer, colleague
):
    need = services.joiner_need_record(
        actor=recruitment_officer, name="Kemi Ade", details="Overlays", source="EOI 3"
    )
    url = reverse("adjustments:need", args=[need.pk])
    assert client_for(colleague).get(url).status_code == 403
    response = client_for(ra_officer).get(url)
    assert response.status_code == 200 and "Overlays" in response.content.decode()
    assert reads_of(need).count() == 1
    ack = reverse("adjustments:need-action", args=[need.pk, "acknowledge"])
    assert client_for(ra_officer).post(ack).status_code == 302
    assert JoinerNeed.objects.get().status == JoinerNeed.Status.ACKNOWLEDGED


def test_the_queue_filters_to_my_passports(client_for, ra_officer, taken, colleague):
    other = SubmittedPassportFactory(owner=UserFactory(staff_number="QF1"))
    client = client_for(ra_officer)
    mine = client.get(reverse("adjustments:queue"), {"mine": "yes"}).context["page"]
    everyone = client.get(reverse("adjustments:queue")).context["page"]
    assert [p.pk for p in mine] == [taken.pk]
    assert {p.pk for p in everyone} == {taken.pk, other.pk}


@pytest.mark.parametrize("action", ["take", "recommend", "activate", "review"])
def test_the_owner_cannot_do_the_ra_officers_moves(client_for, submitted, colleague, action):
    url = reverse("adjustments:passport-action", args=[submitted.pk, action])
    assert client_for(colleague).get(url).status_code == 403


def test_a_manager_without_consent_cannot_reach_section_4_1(client_for, passport, manager):
    url = reverse("adjustments:passport-action", args=[passport.pk, "section-4-1"])
    assert client_for(manager).post(url, {"section_4_1": "x"}).status_code == 404
    assert Passport.objects.get().section_4_1 == ""


def test_an_unknown_move_is_404(client_for, passport, colleague):
    url = reverse("adjustments:passport-action", args=[passport.pk, "explode"])
    assert client_for(colleague).get(url).status_code == 404


def test_a_wrong_state_move_explains_itself(client_for, passport, ra_officer):
    url = reverse("adjustments:passport-action", args=[passport.pk, "take"])
    response = client_for(ra_officer).post(url, follow=True)
    assert "You cannot take this passport: it is draft." in response.content.decode()
    assert Passport.objects.get().status == Passport.Status.DRAFT


def test_the_review_reminder_task_runs(taken, ra_officer):
    from adjustments.tasks import review_reminders

    services.passport_activate(
        actor=ra_officer, passport=taken, review_date=date.today() + timedelta(days=3)
    )
    assert review_reminders.delay().get() == 1


def test_the_owner_is_offered_share_or_stop_sharing(client_for, passport, colleague):
    client = client_for(colleague)
    names = [name for name, _ in client.get(_url(passport)).context["actions"]]
    assert "share" in names and "unshare" not in names
    services.passport_consent_give(actor=colleague, passport=passport)
    names = [name for name, _ in client.get(_url(passport)).context["actions"]]
    assert "unshare" in names and "share" not in names


def test_an_ra_officer_who_manages_a_team_sees_only_what_their_team_shared(client_for, ra_officer):
    """RA officers may read every passport, but "shared with you" is their team's consent."""
    sharer, keeper = _owners(2, 300)
    for owner in (sharer, keeper):
        person_change(actor=None, person=owner, effective=owner.start_date, line_manager=ra_officer)
    shared = PassportFactory(owner=sharer)
    services.passport_consent_give(actor=sharer, passport=shared)
    PassportFactory(owner=keeper)
    PassportFactory(owner=UserFactory())
    response = client_for(ra_officer).get(reverse("adjustments:team"))
    assert [p.pk for p in response.context["page"]] == [shared.pk]
