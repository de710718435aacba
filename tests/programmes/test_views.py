"""Every page: success, anonymous (to sign-in), wrong role (403), out of scope (404); the
editor's bad input; htmx inline editing; query budgets; admin."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from core.navigation import nav_for
from programmes import services
from programmes.models import (
    Benefit,
    BenefitsReview,
    BenefitStatus,
    FinancialLine,
    FteEfficiency,
    Measurement,
    ProfileLine,
    Programme,
    Project,
)
from tests.programmes.factories import BenefitFactory, ProfileLineFactory, ProjectFactory
from tests.utils import queries_for

READERS = ["benefits_analyst", "people_analyst", "admin"]
REFUSED = ["colleague", "manager", "welfare_officer", "recruitment_officer", "outsider"]


@pytest.fixture
def register(db, benefits_analyst):
    benefit = BenefitFactory(reference="BEN-0001")
    line = ProfileLineFactory(benefit=benefit, financial_year="FY22/23", planned=Decimal("1000"))
    review = services.benefits_review_take(
        actor=benefits_analyst, title="ABR 2021", as_at=date(2021, 9, 30)
    )
    return {"benefit": benefit, "line": line, "project": benefit.project, "review": review}


def _read_urls(r):
    return [
        reverse("programmes:summary"),
        reverse("programmes:figures"),
        reverse("programmes:benefit-list"),
        reverse("programmes:benefit", args=[r["benefit"].pk]),
        reverse("programmes:profile", args=[r["benefit"].pk]),
        reverse("programmes:project-list"),
        reverse("programmes:project", args=[r["project"].pk]),
        reverse("programmes:review-list"),
        reverse("programmes:review", args=[r["review"].pk]),
        reverse("programmes:review-compare") + f"?a={r['review'].pk}&b={r['review'].pk}",
    ]


def _edit_urls(r):
    pk = r["benefit"].pk
    return [
        reverse("programmes:benefit-create"),
        reverse("programmes:benefit-edit", args=[pk]),
        reverse("programmes:benefit-baseline", args=[pk]),
        reverse("programmes:profile-edit", args=[pk, r["line"].pk]),
        reverse("programmes:project-create"),
        reverse("programmes:programme-create"),
        reverse("programmes:project-edit", args=[r["project"].pk]),
    ]


def _post_urls(r):
    pk = r["benefit"].pk
    return [
        reverse("programmes:benefit-status", args=[pk]),
        reverse("programmes:measurement-add", args=[pk]),
        reverse("programmes:profile-add", args=[pk]),
        reverse("programmes:profile-edit", args=[pk, r["line"].pk]),
        reverse("programmes:review-take"),
        reverse("programmes:financial-line-save", args=[r["project"].pk]),
        reverse("programmes:fte-save", args=[r["project"].pk]),
        reverse("programmes:programme-status", args=[r["project"].programme.pk]),
        reverse("programmes:profile-delete", args=[pk, r["line"].pk]),
    ]


@pytest.mark.parametrize("role", READERS)
def test_readers_open_every_register_page(cast, client_for, register, role):
    client = client_for(cast[role])
    for url in _read_urls(register):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", REFUSED)
def test_other_colleagues_are_refused_every_page(cast, client_for, register, role):
    client = client_for(cast[role])
    for url in _read_urls(register) + _edit_urls(register):
        assert client.get(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_sign_in(client, register):
    for url in _read_urls(register) + _edit_urls(register) + _post_urls(register):
        response = client.get(url) if url not in _post_urls(register) else client.post(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))


def test_the_benefits_analyst_opens_every_edit_page(cast, client_for, register):
    client = client_for(cast["benefits_analyst"])
    services.benefit_transition(
        actor=cast["benefits_analyst"], benefit=register["benefit"], to=BenefitStatus.VALIDATED
    )
    for url in _edit_urls(register):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["people_analyst", "admin", "colleague"])
def test_only_the_benefits_analyst_may_change_the_register(cast, client_for, register, role):
    client = client_for(cast[role])
    for url in _edit_urls(register) + _post_urls(register):
        assert client.get(url).status_code in (403, 405), url
        assert client.post(url, {"to": "validated", "new-planned": "1"}).status_code == 403, url
    benefit = Benefit.objects.get(pk=register["benefit"].pk)
    assert benefit.status == BenefitStatus.IDENTIFIED
    assert BenefitsReview.objects.count() == 1
    assert not Measurement.objects.exists()


def test_out_of_scope_records_are_not_found(cast, client_for, register):
    client = client_for(cast["benefits_analyst"])
    other = ProfileLineFactory(financial_year="FY23/24")
    pk = register["benefit"].pk
    for url in [
        reverse("programmes:benefit", args=[999999]),
        reverse("programmes:benefit-edit", args=[999999]),
        reverse("programmes:project", args=[999999]),
        reverse("programmes:review", args=[999999]),
        reverse("programmes:profile-edit", args=[pk, other.pk]),  # another benefit's line
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("programmes:profile-edit", args=[pk, other.pk])).status_code == 404


def test_the_menu_shows_the_registers_to_readers_only(cast):
    labels = {item.label for item in nav_for(cast["people_analyst"])}
    assert {"Programmes", "Benefit register"} <= labels
    assert "Benefit register" not in {item.label for item in nav_for(cast["colleague"])}


def test_the_summary_page_shows_the_convention_and_totals(
    client_for, benefits_analyst, paper_tables
):
    page = client_for(benefits_analyst).get(reverse("programmes:summary")).content.decode()
    assert "benefits (savings) as negative amounts" in page
    assert "£112,578,963" in page and "-£37,153,306" in page and "£1,234,425" in page
    assert "-468.28" in page and "-451.28" in page and "-17.00" in page


def test_the_summary_page_explains_a_bad_year_range(client_for, benefits_analyst):
    response = client_for(benefits_analyst).get(reverse("programmes:summary"), {"first": "FY22/24"})
    assert response.status_code == 200
    assert "two consecutive years, like FY22/23" in response.content.decode()


# Bad input: a clear message next to the field, nothing saved ---------------------------------


def _money(**changes):
    data = {
        "financial_year": "FY22/23",
        "capital": "1000",
        "one_off_costs": "0",
        "recurring_costs": "0",
        "cashable_benefits": "0",
        "non_cashable_benefits": "0",
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"financial_year": "FY22/24"}, "financial_year", "two consecutive years, like FY22/23"),
        ({"financial_year": "2022/23"}, "financial_year", "two consecutive years, like FY22/23"),
        ({"capital": "£1m"}, "capital", "Enter an amount in numbers only"),
        ({"recurring_costs": "lots"}, "recurring_costs", "Enter an amount in numbers only"),
    ],
)
def test_bad_money_is_refused_next_to_the_field(
    client_for, benefits_analyst, register, changes, field, message
):
    url = reverse("programmes:financial-line-save", args=[register["project"].pk])
    response = client_for(benefits_analyst).post(url, _money(**changes))
    assert response.status_code == 400
    form = response.context["line_form"]
    assert message in form.errors[field][0]
    assert f'id="id_{field}"' in response.content.decode()
    assert message in response.content.decode()
    assert not FinancialLine.objects.exists()


def test_good_money_is_saved(client_for, benefits_analyst, register):
    url = reverse("programmes:financial-line-save", args=[register["project"].pk])
    response = client_for(benefits_analyst).post(url, _money(cashable_benefits="2500.50"))
    assert response.status_code == 302
    assert FinancialLine.objects.get().cashable_benefits == Decimal("2500.50")


def test_an_fte_efficiency_is_saved(client_for, benefits_analyst, register):
    url = reverse("programmes:fte-save", args=[register["project"].pk])
    data = {"portfolio": "crime", "status": "in_delivery", "fte": "4.5"}
    assert client_for(benefits_analyst).post(url, data).status_code == 302
    assert FteEfficiency.objects.get().fte == Decimal("4.5")


def _benefit_data(**changes):
    data = {
        "reference": "BEN-0100",
        "project": ProjectFactory().pk,
        "description": "Investigators no longer drive to collect discs",
        "kind": "benefit",
        "benefit_class": "non_cashable",
        "owner": "benefits",
        "department": "",
        "measure": "Officer hours released, in pounds",
        "unit": "£",
        "target_date": "",
    }
    return {**data, **changes}


def test_a_benefit_without_an_owner_is_refused_with_a_message(
    client_for, benefits_analyst, home_department
):
    client = client_for(benefits_analyst)
    response = client.post(
        reverse("programmes:benefit-create"),
        _benefit_data(owner="", department=home_department.pk),
    )
    assert response.status_code == 200
    assert "Every benefit needs an owner" in response.context["form"].errors["owner"][0]
    assert "Every benefit needs an owner" in response.content.decode()
    assert not Benefit.objects.exists()


def test_a_benefit_is_added_through_the_form(client_for, benefits_analyst, home_department):
    client = client_for(benefits_analyst)
    response = client.post(
        reverse("programmes:benefit-create"), _benefit_data(department=home_department.pk)
    )
    benefit = Benefit.objects.get()
    assert response.status_code == 302
    assert (benefit.owner, benefit.status) == (benefits_analyst, BenefitStatus.IDENTIFIED)


def test_a_status_change_through_the_page(client_for, benefits_analyst, register):
    client = client_for(benefits_analyst)
    url = reverse("programmes:benefit-status", args=[register["benefit"].pk])
    assert client.post(url, {"to": "realised"}).status_code == 400  # not allowed from identified
    assert client.post(url, {"to": "validated"}).status_code == 302
    assert Benefit.objects.get().status == BenefitStatus.VALIDATED


def test_a_baseline_then_a_rebaseline_through_the_page(
    client_for, benefits_analyst, people_analyst, register
):
    client = client_for(benefits_analyst)
    benefit = register["benefit"]
    services.benefit_transition(actor=benefits_analyst, benefit=benefit, to="validated")
    url = reverse("programmes:benefit-baseline", args=[benefit.pk])
    data = {
        "value": "0",
        "baseline_date": "2021-04-01",
        "source": "Ledger",
        "target_value": "900",
        "approved_by": people_analyst.staff_number,
        "approved_on": "2021-05-01",
        "reason": "",
    }
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)  # a re-baseline needs a reason
    assert "Say why" in response.content.decode()
    assert client.post(url, {**data, "reason": "Scope cut"}).status_code == 302
    assert list(benefit.baselines.values_list("version", "reason")) == [
        (2, "Scope cut"),
        (1, "Initial baseline"),
    ]


def test_a_measurement_needs_evidence(client_for, benefits_analyst, register):
    client = client_for(benefits_analyst)
    url = reverse("programmes:measurement-add", args=[register["benefit"].pk])
    data = {"measured_on": "2022-06-30", "value": "12", "evidence": ""}
    assert client.post(url, data).status_code == 400
    assert not Measurement.objects.exists()
    assert client.post(url, {**data, "evidence": "Finance report P3"}).status_code == 302
    assert Measurement.objects.get().recorded_by == benefits_analyst


# The htmx profile editor -----------------------------------------------------------------------


HTMX = {"HTTP_HX_REQUEST": "true"}


def _line_data(line, **changes):
    prefix = f"line-{line.pk}-"
    data = {"financial_year": "FY22/23", "planned": "1000", "forecast": "", "actual": ""}
    return {prefix + key: value for key, value in {**data, **changes}.items()}


def test_htmx_opens_a_row_for_editing(client_for, benefits_analyst, register):
    url = reverse("programmes:profile-edit", args=[register["benefit"].pk, register["line"].pk])
    response = client_for(benefits_analyst).get(url, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith("<tr") and "hx-post" in body and "<html" not in body


def test_htmx_saves_a_row_and_returns_the_profile(client_for, benefits_analyst, register):
    line = register["line"]
    url = reverse("programmes:profile-edit", args=[register["benefit"].pk, line.pk])
    response = client_for(benefits_analyst).post(url, _line_data(line, actual="750.5"), **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="profile"' in body and "750.50" in body
    assert ProfileLine.objects.get(pk=line.pk).actual == Decimal("750.5")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"financial_year": "FY22/24"}, "two consecutive years"),
        ({"planned": "a thousand"}, "Enter an amount in numbers only"),
    ],
)
def test_htmx_shows_bad_input_in_the_row(client_for, benefits_analyst, register, changes, message):
    line = register["line"]
    url = reverse("programmes:profile-edit", args=[register["benefit"].pk, line.pk])
    response = client_for(benefits_analyst).post(url, _line_data(line, **changes), **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body and "is-invalid" in body and "profile-edit-row" in body
    saved = ProfileLine.objects.get(pk=line.pk)
    assert (saved.financial_year, saved.planned) == ("FY22/23", Decimal("1000"))


def test_htmx_adds_a_year(client_for, benefits_analyst, register):
    url = reverse("programmes:profile-add", args=[register["benefit"].pk])
    data = {"new-financial_year": "FY23/24", "new-planned": "2000", "new-forecast": "1800"}
    response = client_for(benefits_analyst).post(url, data, **HTMX)
    assert response.status_code == 200
    assert "FY23/24" in response.content.decode()
    assert ProfileLine.objects.filter(financial_year="FY23/24", forecast=1800).exists()


def test_without_javascript_a_row_is_edited_on_its_own_page(client_for, benefits_analyst, register):
    line = register["line"]
    url = reverse("programmes:profile-edit", args=[register["benefit"].pk, line.pk])
    client = client_for(benefits_analyst)
    assert "<html" in client.get(url).content.decode()
    bad = client.post(url, _line_data(line, planned="x"))
    assert bad.status_code == 400
    assert client.post(url, _line_data(line, planned="1200")).status_code == 302
    assert ProfileLine.objects.get(pk=line.pk).planned == Decimal("1200")


def test_without_javascript_a_bad_new_year_is_explained(client_for, benefits_analyst, register):
    url = reverse("programmes:profile-add", args=[register["benefit"].pk])
    response = client_for(benefits_analyst).post(
        url, {"new-financial_year": "FY2023", "new-planned": "5"}
    )
    assert response.status_code == 400
    assert "two consecutive years" in response.content.decode()
    assert ProfileLine.objects.count() == 1


# Reviews ----------------------------------------------------------------------------------------


def test_a_snapshot_is_taken_and_compared(client_for, benefits_analyst, register):
    client = client_for(benefits_analyst)
    response = client.post(
        reverse("programmes:review-take"), {"title": "ABR 2022", "as_at": "2022-09-30"}
    )
    assert response.status_code == 302
    later = BenefitsReview.objects.get(title="ABR 2022")
    url = reverse("programmes:review-compare")
    page = client.get(url, {"a": register["review"].pk, "b": later.pk})
    assert page.status_code == 200
    assert page.context["comparison"]["changed"] == 0


def test_a_snapshot_needs_a_date(client_for, benefits_analyst, register):
    response = client_for(benefits_analyst).post(reverse("programmes:review-take"), {"title": "x"})
    assert response.status_code == 400
    assert BenefitsReview.objects.count() == 1


# Query budgets ----------------------------------------------------------------------------------


def _many_benefits(n, start=0):
    project = ProjectFactory()
    for i in range(start, start + n):
        BenefitFactory(project=project, reference=f"BQ-{i:04d}")


def test_the_register_list_costs_the_same_at_few_and_many_rows(client_for, benefits_analyst):
    client = client_for(benefits_analyst)
    url = reverse("programmes:benefit-list")
    _many_benefits(3)
    few = queries_for(client, url)
    _many_benefits(60, start=3)
    many = queries_for(client, url)
    filtered = queries_for(client, url, status="identified", q="BQ")
    assert few == many == filtered <= 10


def test_the_project_list_costs_the_same_at_few_and_many_rows(client_for, benefits_analyst):
    client = client_for(benefits_analyst)
    url = reverse("programmes:project-list")
    for _ in range(3):
        ProjectFactory()
    few = queries_for(client, url)
    for _ in range(60):
        ProjectFactory()
    assert few == queries_for(client, url) <= 10
    assert Project.objects.count() == 63


def test_the_review_list_costs_the_same_at_few_and_many_rows(client_for, benefits_analyst):
    client = client_for(benefits_analyst)
    url = reverse("programmes:review-list")

    def take(n, start):
        for i in range(n):
            services.benefits_review_take(
                actor=benefits_analyst, title=f"R{start + i}", as_at=date(2020, 1, 1)
            )

    take(2, 0)
    few = queries_for(client, url)
    take(55, 10)
    assert few == queries_for(client, url) <= 10


def test_the_register_pages_through_by_reference(client_for, benefits_analyst):
    client = client_for(benefits_analyst)
    _many_benefits(55)
    first = client.get(reverse("programmes:benefit-list"))
    page = first.context["page"]
    assert len(page) == 50 and page.has_next
    second = client.get(reverse("programmes:benefit-list"), {"after": page.next_cursor})
    assert [b.reference for b in second.context["page"]][-1] == "BQ-0054"


def test_the_summary_and_benefit_pages_keep_a_small_budget(client_for, benefits_analyst, register):
    client = client_for(benefits_analyst)
    assert queries_for(client, reverse("programmes:summary")) <= 10
    assert queries_for(client, reverse("programmes:figures")) <= 10
    assert queries_for(client, reverse("programmes:benefit", args=[register["benefit"].pk])) <= 10


def test_the_summary_shows_each_project_on_request(client_for, benefits_analyst, paper_tables):
    client = client_for(benefits_analyst)
    page = client.get(reverse("programmes:summary"), {"projects": "1"}).content.decode()
    assert ">Review Tool</th>" in page
    assert ">Review Tool</th>" not in client.get(reverse("programmes:summary")).content.decode()


def test_my_work_shows_benefits_waiting_for_the_analyst(cast, client_for, register):
    response = client_for(cast["benefits_analyst"]).get(reverse("home"))
    titles = {item.title: item.count for item in response.context["work_items"]}
    assert titles["Benefits to validate or baseline"] == 1
    others = client_for(cast["people_analyst"]).get(reverse("home")).context["work_items"]
    assert "Benefits to validate or baseline" not in {item.title for item in others}


def test_a_programme_is_added_and_closed(client_for, benefits_analyst):
    client = client_for(benefits_analyst)
    data = {"name": "Estates", "status": "live", "description": "", "position": "3"}
    assert client.post(reverse("programmes:programme-create"), data).status_code == 302
    programme = Programme.objects.get(name="Estates")
    url = reverse("programmes:programme-status", args=[programme.pk])
    assert client.post(url, {"status": "closed"}).status_code == 302
    programme.refresh_from_db()
    assert programme.status == "closed"
    client.post(url, {"status": "paused"})
    programme.refresh_from_db()
    assert programme.status == "closed"
    duplicate = client.post(reverse("programmes:programme-create"), data)
    assert duplicate.status_code == 200 and "already exists" in duplicate.content.decode()


def test_a_project_without_an_owner_is_refused(client_for, benefits_analyst, home_department):
    programme = Programme.objects.create(name="Our Data")
    data = {
        "programme": programme.pk,
        "name": "Connect",
        "short_description": "Core system",
        "owner": "",
        "department": home_department.pk,
        "position": "0",
    }
    client = client_for(benefits_analyst)
    response = client.post(reverse("programmes:project-create"), data)
    assert "Every project needs an owner." in response.content.decode()
    assert not Project.objects.exists()
    data["owner"] = benefits_analyst.staff_number
    assert client.post(reverse("programmes:project-create"), data).status_code == 302
    assert Project.objects.get().owner == benefits_analyst


def test_planned_against_actual_for_one_programme(client_for, benefits_analyst, register):
    other = ProfileLineFactory(financial_year="FY24/25", planned=Decimal("77"))
    client = client_for(benefits_analyst)
    programme = register["project"].programme
    response = client.get(reverse("programmes:figures"), {"programme": programme.pk})
    years = [row["financial_year"] for row in response.context["by_year"]["rows"]]
    assert years == ["FY22/23"]
    everything = client.get(reverse("programmes:figures")).context["by_year"]["rows"]
    assert other.financial_year in [row["financial_year"] for row in everything]


def test_a_project_is_edited(client_for, benefits_analyst, register):
    project = register["project"]
    data = {
        "programme": project.programme.pk,
        "name": "Connect phase 2",
        "short_description": "Mobility features",
        "owner": benefits_analyst.staff_number,
        "department": project.department.pk,
        "position": "1",
    }
    url = reverse("programmes:project-edit", args=[project.pk])
    assert client_for(benefits_analyst).post(url, data).status_code == 302
    project.refresh_from_db()
    assert (project.name, project.owner) == ("Connect phase 2", benefits_analyst)


def test_the_register_filters(client_for, benefits_analyst, home_department):
    BenefitFactory(reference="BEN-A", department=home_department, status="validated")
    BenefitFactory(reference="BEN-B", description="Fewer discs stored")
    BenefitFactory(reference="BEN-C", benefit_class="non_financial", unit="%")
    client = client_for(benefits_analyst)

    def refs(**params):
        page = client.get(reverse("programmes:benefit-list"), params).context["page"]
        return [b.reference for b in page]

    assert refs(status="validated") == ["BEN-A"]
    assert refs(department=home_department.pk) == ["BEN-A"]
    assert refs(q="discs") == ["BEN-B"]
    assert refs(benefit_class="non_financial") == ["BEN-C"]
    response = client.get(reverse("programmes:benefit-list"), {"status": "nonsense"})
    assert "status" in response.context["filter"].form.errors  # said next to the filter


def test_the_project_list_pages_without_repeats(client_for, benefits_analyst):
    for _ in range(63):
        ProjectFactory()
    client = client_for(benefits_analyst)
    first = client.get(reverse("programmes:project-list")).context["page"]
    second = client.get(reverse("programmes:project-list"), {"after": first.next_cursor})
    names = [p.name for p in first] + [p.name for p in second.context["page"]]
    assert len(names) == len(set(names)) == 63


def test_htmx_removes_a_year(client_for, benefits_analyst, register):
    line = register["line"]
    url = reverse("programmes:profile-delete", args=[register["benefit"].pk, line.pk])
    response = client_for(benefits_analyst).post(url, **HTMX)
    assert response.status_code == 200
    assert "No profile yet" in response.content.decode()
    assert not ProfileLine.objects.filter(pk=line.pk).exists()


def test_another_benefits_year_cannot_be_removed(client_for, benefits_analyst, register):
    other = ProfileLineFactory(financial_year="FY23/24")
    url = reverse("programmes:profile-delete", args=[register["benefit"].pk, other.pk])
    assert client_for(benefits_analyst).post(url).status_code == 404
    assert ProfileLine.objects.filter(pk=other.pk).exists()


def test_the_profile_shows_the_plan_at_the_current_baseline(
    client_for, benefits_analyst, people_analyst, register
):
    from tests.programmes.factories import BASELINE

    benefit = register["benefit"]
    services.benefit_transition(actor=benefits_analyst, benefit=benefit, to="validated")
    services.benefit_baseline(
        actor=benefits_analyst, benefit=benefit, approved_by=people_analyst, **BASELINE
    )
    services.profile_line_save(
        actor=benefits_analyst, benefit=benefit, financial_year="FY22/23", planned=Decimal("640")
    )
    client = client_for(benefits_analyst)
    page = client.get(reverse("programmes:benefit", args=[benefit.pk])).content.decode()
    assert "Planned at baseline v1" in page and "1,000.00" in page and "640.00" in page
    url = reverse("programmes:profile-edit", args=[benefit.pk, register["line"].pk])
    row = client.get(url, **HTMX).content.decode()
    assert row.count("<td") == 7  # year, baseline plan, planned, forecast, actual, gap, actions


def test_a_project_page_shows_its_first_benefits_and_links_to_all(client_for, benefits_analyst):
    """A project can hold hundreds of benefits: its page shows the first 20 by reference and
    sends the reader to the register, filtered to the project, for the rest."""
    project = ProjectFactory()
    other = BenefitFactory(reference="BEN-OTHER")
    BenefitFactory.create_batch(25, project=project, department=other.department)
    client = client_for(benefits_analyst)
    page = client.get(reverse("programmes:project", args=[project.pk]))
    assert len(page.context["benefits"]) == 20 and page.context["benefit_count"] == 25
    register_url = f"{reverse('programmes:benefit-list')}?project={project.pk}"
    assert register_url in page.content.decode()
    listed = client.get(register_url).context["page"]
    assert len(listed) == 25 and other not in listed
