"""The moves a user can make on a passport, an adjustment, a joiner's need or a referral:
each names its permission rule, its form (if it asks for anything) and the service it calls.
`views.run_action` does the rest."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from adjustments import forms, services
from adjustments.models import DyslexiaReferral
from people.models import User
from people.roles import GROUP_NAMES, Role


def post_data(request):
    """The POST data, even when empty (an empty form is still a submitted one)."""
    return request.POST if request.method == "POST" else None


@dataclass(frozen=True)
class Action:
    label: str
    permission: str
    service: Callable
    form: type | None = None
    done: str = "Saved."
    initial: Callable | None = None
    style: str = "primary"
    offered_in: tuple = ()  # states where the page offers it (empty: any)

    def offered(self, obj) -> bool:
        state = getattr(obj, "stage", None) or getattr(obj, "status", None)
        return not self.offered_in or state in self.offered_in

    def make_form(self, request, obj):
        if self.form is None:
            return None
        kwargs = {"initial": self.initial(obj)} if self.initial else {}
        if self.form is forms.BookScreeningForm:
            kwargs["assessors"] = User.objects.filter(
                groups__name=GROUP_NAMES[Role.DYSLEXIA_ASSESSOR], is_active=True
            )
        return self.form(post_data(request), **kwargs)


OPEN = ("draft", "submitted", "in_review", "active")
REFERRAL_LIVE = tuple(s for s in DyslexiaReferral.Stage.values if s not in ("closed", "declined"))

PASSPORT_ACTIONS = {
    "submit": Action(
        "Submit to the RA officers",
        "adjustments.passport.edit",
        lambda u, p: services.passport_submit(actor=u, passport=p),
        done="Submitted. An RA officer will pick it up.",
        offered_in=("draft", "active"),
    ),
    "share": Action(
        "Share with my line manager",
        "adjustments.passport.consent",
        lambda u, p: services.passport_consent_give(actor=u, passport=p),
        done="Your line manager can now see your passport.",
        offered_in=OPEN,
    ),
    "unshare": Action(
        "Stop sharing with managers",
        "adjustments.passport.consent",
        lambda u, p: services.passport_consent_withdraw(actor=u, passport=p),
        done="Managers can no longer see your passport.",
        style="outline-secondary",
        offered_in=OPEN,
    ),
    "section-4-1": Action(
        "Write section 4.1",
        "adjustments.passport.section_4_1",
        lambda u, p, section_4_1: services.passport_section_4_1(
            actor=u, passport=p, text=section_4_1
        ),
        form=forms.Section41Form,
        initial=lambda p: {"section_4_1": p.section_4_1},
        offered_in=OPEN,
    ),
    "take": Action(
        "Take this passport",
        "adjustments.passport.process",
        lambda u, p: services.passport_take(actor=u, passport=p),
        done="It is yours to process.",
        offered_in=("submitted",),
    ),
    "recommend": Action(
        "Record recommendations",
        "adjustments.passport.process",
        lambda u, p, recommendations: services.passport_recommend(
            actor=u, passport=p, recommendations=recommendations
        ),
        form=forms.RecommendForm,
        initial=lambda p: {"recommendations": p.recommendations},
        offered_in=("submitted", "in_review", "active"),
    ),
    "activate": Action(
        "Finish processing (active)",
        "adjustments.passport.process",
        lambda u, p, review_date: services.passport_activate(
            actor=u, passport=p, review_date=review_date
        ),
        form=forms.ActivateForm,
        offered_in=("in_review",),
    ),
    "review": Action(
        "Record the review",
        "adjustments.passport.process",
        lambda u, p, notes: services.passport_review(actor=u, passport=p, notes=notes),
        form=forms.ReviewForm,
        offered_in=("active",),
    ),
    "close": Action(
        "Close the passport",
        "adjustments.passport.close",
        lambda u, p, reason: services.passport_close(actor=u, passport=p, reason=reason),
        form=forms.CloseForm,
        style="outline-danger",
        offered_in=OPEN,
    ),
}

ADJUSTMENT_ACTIONS = {
    "agree": Action(
        "Agree",
        "adjustments.adjustment.decide",
        lambda u, a, decided_on: services.adjustment_agree(
            actor=u, adjustment=a, decided_on=decided_on
        ),
        form=forms.AgreeForm,
    ),
    "decline": Action(
        "Decline",
        "adjustments.adjustment.decide",
        lambda u, a, category, reason: services.adjustment_decline(
            actor=u, adjustment=a, category=category, reason=reason
        ),
        form=forms.DeclineForm,
        style="outline-danger",
    ),
    "in-place": Action(
        "In place",
        "adjustments.adjustment.decide",
        lambda u, a, in_place_on: services.adjustment_in_place(
            actor=u, adjustment=a, in_place_on=in_place_on
        ),
        form=forms.InPlaceForm,
    ),
    "end": Action(
        "Ended",
        "adjustments.adjustment.end",
        lambda u, a, ended_on: services.adjustment_end(actor=u, adjustment=a, ended_on=ended_on),
        form=forms.EndForm,
        style="outline-secondary",
    ),
}


def _open_from_need(user, need, staff_number):
    person = User.objects.filter(staff_number=staff_number.strip()).first()
    if person is None:
        raise ValidationError({"staff_number": "No colleague has that staff number."})
    return services.joiner_need_open_passport(actor=user, need=need, person=person)


NEED_ACTIONS = {
    "acknowledge": Action(
        "Acknowledge",
        "adjustments.queue.view",
        lambda u, n: services.joiner_need_acknowledge(actor=u, need=n),
        done="Acknowledged.",
        offered_in=("new",),
    ),
    "open": Action(
        "Open their passport",
        "adjustments.queue.view",
        _open_from_need,
        form=forms.StaffNumberForm,
        done="Passport opened with the need as its first request.",
        offered_in=("new", "acknowledged"),
    ),
    "close": Action(
        "Close",
        "adjustments.queue.view",
        lambda u, n, reason: services.joiner_need_close(actor=u, need=n, reason=reason),
        form=forms.CloseForm,
        offered_in=("new", "acknowledged"),
        style="outline-secondary",
    ),
}

REFERRAL_ACTIONS = {
    "return": Action(
        "Form returned",
        "adjustments.referral.answer",
        lambda u, r, on: services.referral_return(actor=u, referral=r, on=on),
        form=forms.OnDateForm,
        offered_in=("sent",),
    ),
    "decline": Action(
        "Declined",
        "adjustments.referral.answer",
        lambda u, r, on: services.referral_decline(actor=u, referral=r, on=on),
        form=forms.OnDateForm,
        style="outline-secondary",
        offered_in=("sent",),
    ),
    "book-screening": Action(
        "Book screening",
        "adjustments.referral.manage",
        lambda u, r, assessor, screening_on: services.referral_book_screening(
            actor=u, referral=r, assessor=assessor, screening_on=screening_on
        ),
        form=forms.BookScreeningForm,
        offered_in=("returned",),
    ),
    "screening": Action(
        "Record screening outcome",
        "adjustments.referral.assess",
        lambda u, r, outcome, recommendations: services.referral_record_screening(
            actor=u, referral=r, outcome=outcome, recommendations=recommendations
        ),
        form=forms.ScreeningForm,
        offered_in=("screening_booked",),
    ),
    "book-assessment": Action(
        "Book diagnostic assessment",
        "adjustments.referral.book_assessment",
        lambda u, r, assessment_on: services.referral_book_assessment(
            actor=u, referral=r, assessment_on=assessment_on
        ),
        form=forms.BookAssessmentForm,
        offered_in=("screened",),
    ),
    "assessment": Action(
        "Record assessment result",
        "adjustments.referral.assess",
        lambda u, r, result, recommendations: services.referral_record_assessment(
            actor=u, referral=r, result=result, recommendations=recommendations
        ),
        form=forms.AssessmentForm,
        offered_in=("assessment_booked",),
    ),
    "risk-assessment": Action(
        "Risk assessment in place",
        "adjustments.referral.manage",
        lambda u, r, on: services.referral_risk_assessment(actor=u, referral=r, on=on),
        form=forms.RiskAssessmentForm,
        offered_in=REFERRAL_LIVE,
    ),
    "close": Action(
        "Close the referral",
        "adjustments.referral.manage",
        lambda u, r: services.referral_close(actor=u, referral=r),
        style="outline-secondary",
        offered_in=REFERRAL_LIVE,
    ),
}
