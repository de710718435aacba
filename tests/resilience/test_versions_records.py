"""The other records people edit together: a welfare case, a passport, a rating and a
benefit. A save against a stale version is refused and shows what the other person saved."""

import pytest
from django.urls import reverse

from core.concurrency import StaleEdit
from people.roles import Role
from tests.factories import UserFactory
from welfare import services as welfare_services
from welfare.models import WelfareCase


def test_a_stale_welfare_assignment_is_refused_and_shows_who_they_chose(client_for, cast, case):
    other = UserFactory(staff_number="welfare2", roles=[Role.WELFARE_OFFICER])
    loaded_at = case.version
    url = reverse("welfare:case-assign", args=[case.pk])
    first = client_for(cast["welfare_officer"]).post(
        url, {"assigned_to": cast["welfare_officer"].pk, "version": loaded_at}
    )
    assert first.status_code == 302
    refused = client_for(other).post(url, {"assigned_to": other.pk, "version": loaded_at})
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Someone else saved this record" in page
    assert cast["welfare_officer"].get_full_name() in page or str(cast["welfare_officer"]) in page
    case.refresh_from_db()
    assert case.assigned_to == cast["welfare_officer"]


def test_a_stale_support_record_changes_nothing(cast, case):
    welfare_services.welfare_support_record(
        actor=cast["welfare_officer"],
        case=case,
        kinds=["posting_change"],
        offered_on=case.notified_on,
        notes="Moved nearer home",
        version=case.version,
    )
    with pytest.raises(StaleEdit) as refused:
        welfare_services.welfare_support_record(
            actor=cast["welfare_officer"],
            case=case,
            kinds=["mentoring"],
            offered_on=case.notified_on,
            notes="A mentor",
            version=case.version,
        )
    assert [d.field for d in refused.value.differences] == ["support_notes"]
    case = WelfareCase.objects.get(pk=case.pk)
    assert case.support_notes == "Moved nearer home"
    assert list(case.support.values_list("kind", flat=True)) == ["posting_change"]


def _passport_data(passport, **changes):
    from adjustments.services.passports import OWNER_SECTIONS

    data = {field: getattr(passport, field) for field in OWNER_SECTIONS}
    return {**{k: ("on" if v is True else v) for k, v in data.items() if v is not False}, **changes}


def test_a_stale_passport_edit_is_refused_and_shows_the_saved_sections(client_for, colleague):
    from adjustments.models import Passport
    from tests.adjustments.factories import PassportFactory

    passport = PassportFactory(owner=colleague)
    url = reverse("adjustments:passport-edit", args=[passport.pk])
    phone, laptop = client_for(colleague), client_for(colleague)
    loaded_at = passport.version
    saved = phone.post(url, _passport_data(passport, impact="Noise", version=loaded_at))
    assert saved.status_code == 302
    refused = laptop.post(url, _passport_data(passport, impact="Glare", version=loaded_at))
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Someone else saved this record" in page and "Noise" in page and "Glare" in page
    assert Passport.objects.get(pk=passport.pk).impact == "Noise"


def test_a_stale_benefit_edit_is_refused_and_shows_their_measure(client_for, benefits_analyst):
    from programmes.models import Benefit
    from tests.programmes.factories import BenefitFactory

    benefit = BenefitFactory()
    url = reverse("programmes:benefit-edit", args=[benefit.pk])
    data = {
        "project": benefit.project_id,
        "description": benefit.description,
        "kind": benefit.kind,
        "benefit_class": benefit.benefit_class,
        "owner": benefit.owner.staff_number,
        "department": benefit.department_id,
        "unit": benefit.unit,
        "version": benefit.version,
    }
    first, second = client_for(benefits_analyst), client_for(benefits_analyst)
    assert first.post(url, {**data, "measure": "Hours saved"}).status_code == 302
    refused = second.post(url, {**data, "measure": "Days lost"})
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Someone else saved this record" in page
    assert "Hours saved" in page and "Days lost" in page
    assert Benefit.objects.get(pk=benefit.pk).measure == "Hours saved"
