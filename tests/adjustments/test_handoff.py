from django.core import mail

from adjustments.models import JoinerNeed
from adjustments.services import joiner_need_record


def test_a_joiner_need_reaches_the_ra_officers_once(
    ra_officer, recruitment_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = joiner_need_record(
            actor=recruitment_officer,
            name="Kemi Ade",
            details="Coloured overlays; extra time in tests",
            source="EOI 17",
        )
    again = joiner_need_record(
        actor=recruitment_officer, name="Kemi Ade", details="Coloured overlays", source="EOI 17"
    )
    assert first.pk == again.pk and JoinerNeed.objects.count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [ra_officer.email]
    assert "Coloured overlays" not in mail.outbox[0].body  # details stay in Peel
