"""Two people working the same EOI: the second save is refused and shows what the first
changed, on the page and on the API (HTTP 409). Never a silent overwrite."""

from datetime import date, timedelta

from django.urls import reverse

from recruitment.models import ExpressionOfInterest as EOI
from tests.recruitment.factories import EOIFactory


def _work(client, eoi, version, **changes):
    data = {"status": "contacted", "next_action": "", "version": version, **changes}
    return client.post(reverse("recruitment:eoi-work", args=[eoi.pk]), data)


def test_it_refuses_a_stale_save_on_the_page_and_shows_what_changed(
    client_for, recruitment_officer, admin_user
):
    eoi = EOIFactory()
    loaded_at = eoi.version
    first, second = client_for(recruitment_officer), client_for(admin_user)
    assert _work(first, eoi, loaded_at, next_action="Call on Monday").status_code == 302

    refused = _work(second, eoi, loaded_at, next_action="Email the form")
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Someone else saved this record" in page and "Next action" in page
    assert "Call on Monday" in page and "Email the form" in page  # theirs beside yours
    eoi.refresh_from_db()
    assert eoi.next_action == "Call on Monday" and eoi.version == loaded_at + 1

    # The form now carries their version: saving again after reading is deliberate.
    assert f'value="{loaded_at + 1}"' in page
    assert _work(second, eoi, loaded_at + 1, next_action="Email the form").status_code == 302
    eoi.refresh_from_db()
    assert eoi.next_action == "Email the form" and eoi.version == loaded_at + 2


def test_the_api_answers_409_with_what_changed(client_for, recruitment_officer):
    eoi = EOIFactory()
    client = client_for(recruitment_officer)
    url = f"/api/v1/eois/{eoi.pk}/work/"
    read = client.get(url).json()
    next_week = (date.today() + timedelta(days=7)).isoformat()
    saved = client.patch(
        url,
        {"version": read["version"], "next_action": "Call", "next_action_on": next_week},
        content_type="application/json",
    )
    assert saved.status_code == 200 and saved.json()["version"] == read["version"] + 1

    stale = client.patch(
        url,
        {"version": read["version"], "status": EOI.Status.APPLYING},
        content_type="application/json",
    )
    assert stale.status_code == 409
    body = stale.json()
    assert body["version"] == read["version"] + 1
    changed = {d["field"]: d for d in body["differences"]}
    assert changed["status"]["theirs"] == EOI.Status.NEW
    assert changed["status"]["yours"] == EOI.Status.APPLYING
    assert EOI.objects.get(pk=eoi.pk).status == EOI.Status.NEW


def test_the_api_keeps_eois_in_scope(client_for, cast):
    eoi = EOIFactory()
    url = f"/api/v1/eois/{eoi.pk}/work/"
    assert client_for(cast["outsider"]).get(url).status_code == 403  # wrong role
    assert client_for(cast["ambassador"]).get(url).status_code == 404  # not one they captured
    patch = client_for(cast["positive_action"]).patch(  # may read EOIs, not work them
        url, {"version": 1, "next_action": "Call"}, content_type="application/json"
    )
    assert patch.status_code == 403
    assert EOI.objects.get(pk=eoi.pk).version == 1
