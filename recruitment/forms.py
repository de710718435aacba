from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from core.equality import Disability, Ethnicity, Sex
from people.models import EntryRoute, User
from people.roles import GROUP_NAMES, Role
from recruitment.models import (
    Ambassador,
    Campaign,
    Candidate,
    Channel,
    ContactLog,
    ExpressionOfInterest,
    Intake,
    PipelineStage,
    PositiveActionSupport,
    StageResult,
    TieBreakDecision,
    Zone,
)
from recruitment.validation import normalise_email, normalise_phone, normalise_postcode

EOI = ExpressionOfInterest
# Routes a member of the public can ask about today (IPLDP ended in March 2024).
OPEN_ROUTES = [(v, label) for v, label in EntryRoute.choices if v != EntryRoute.IPLDP]
CONSENT_LABEL = "They agree to be contacted by the recruitment team about joining"
ELIGIBILITY = ("over_17", "right_to_work", "lived_in_uk_3_years", "has_degree")


def date_widget():
    """A native date picker; it needs ISO dates to show an existing value."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


YES_NO = [("", "Not asked"), ("true", "Yes"), ("false", "No")]


class ContactDetailsMixin:
    """UK phone, postcode and email checks with messages a person can act on."""

    def clean_phone(self):
        return normalise_phone(self.cleaned_data.get("phone", ""))

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data.get("postcode", ""))

    def clean_email(self):
        return normalise_email(self.cleaned_data.get("email", ""))

    def clean(self):
        cleaned = super().clean()
        phone_ok = "phone" not in self.errors and "email" not in self.errors
        if phone_ok and not cleaned.get("phone") and not cleaned.get("email"):
            self.add_error("phone", "Give a phone number or an email address.")
        return cleaned


def current_zones():
    today = timezone.localdate()
    return Zone.objects.filter(
        campaign__starts_on__lte=today + timezone.timedelta(days=7),
        campaign__ends_on__gte=today - timezone.timedelta(days=7),
    ).select_related("campaign")


class QuickEOIForm(ContactDetailsMixin, forms.Form):
    """The ambassador's phone form: the fewest fields that let the team call the person back.
    The event zone comes first: it is set once per shift and remembered."""

    zone = forms.ModelChoiceField(
        queryset=Zone.objects.none(),
        required=False,
        label="Where you are",
        empty_label="Not at an event",
    )
    first_name = forms.CharField(
        max_length=80, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    last_name = forms.CharField(
        max_length=80, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    phone = forms.CharField(
        max_length=20,
        required=False,
        label="Mobile or phone",
        widget=forms.TextInput(
            attrs={
                "type": "tel",
                "inputmode": "tel",
                "autocomplete": "off",
                "placeholder": "07700 900123",
            }
        ),
    )
    email = forms.CharField(
        max_length=254,
        required=False,
        widget=forms.TextInput(
            attrs={"type": "email", "inputmode": "email", "autocomplete": "off"}
        ),
    )
    postcode = forms.CharField(
        max_length=10, widget=forms.TextInput(attrs={"autocapitalize": "characters"})
    )
    route = forms.ChoiceField(choices=OPEN_ROUTES, label="Interested in", initial=EntryRoute.PCDA)
    consent_to_contact = forms.BooleanField(
        label=CONSENT_LABEL,
        error_messages={"required": "Ask for consent: we cannot keep details without it."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = current_zones()
        self.fields["zone"].label_from_instance = lambda z: f"{z.campaign.name}: {z.name}"
        self.helper = FormHelper()
        self.helper.form_class = "quick-capture"
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(Submit("save", "Save EOI", css_class="btn-lg w-100 mt-2"))


class EOIForm(ContactDetailsMixin, forms.ModelForm):
    """The recruitment officer's full form."""

    channel = forms.ChoiceField(choices=Channel.choices, initial=Channel.WEB)
    campaign = forms.ModelChoiceField(
        queryset=Campaign.objects.all(), required=False, empty_label="No campaign"
    )
    zone = forms.ModelChoiceField(
        queryset=Zone.objects.select_related("campaign"),
        required=False,
        empty_label="Not at an event",
    )
    ambassador = forms.ModelChoiceField(
        queryset=Ambassador.objects.filter(active=True).select_related("person"),
        required=False,
        empty_label="No ambassador",
    )
    other_routes = forms.MultipleChoiceField(
        choices=OPEN_ROUTES, required=False, widget=forms.CheckboxSelectMultiple
    )
    phone = forms.CharField(max_length=20, required=False, label="Phone")
    email = forms.CharField(max_length=254, required=False, label="Email")
    postcode = forms.CharField(max_length=10)
    adjustment_need = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Adjustments they need to take part",
        help_text="Passed straight to the reasonable adjustments officers; not kept on the EOI.",
    )
    sex = forms.ChoiceField(choices=[("", "Not given"), *Sex.choices], required=False)
    ethnicity = forms.ChoiceField(choices=[("", "Not given"), *Ethnicity.choices], required=False)
    disability = forms.ChoiceField(choices=[("", "Not given"), *Disability.choices], required=False)

    class Meta:
        model = EOI
        fields = [
            "first_name",
            "last_name",
            "phone",
            "email",
            "postcode",
            "route",
            "other_routes",
            "over_17",
            "right_to_work",
            "lived_in_uk_3_years",
            "has_degree",
            "consent_to_contact",
        ]
        labels = {
            "route": "Main route of interest",
            "consent_to_contact": CONSENT_LABEL,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["route"].choices = OPEN_ROUTES
        self.fields["consent_to_contact"].required = True
        self.fields["consent_to_contact"].error_messages["required"] = (
            "Ask for consent: we cannot keep details without it."
        )
        for name in ELIGIBILITY:
            self.fields[name].widget = forms.Select(choices=YES_NO)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset("The person", "first_name", "last_name", "phone", "email", "postcode"),
            Fieldset("Interest and eligibility", "route", "other_routes", *ELIGIBILITY),
            Fieldset("Where it came from", "channel", "campaign", "zone", "ambassador"),
            Fieldset("Consent and adjustments", "consent_to_contact", "adjustment_need"),
            Fieldset(
                "Equality monitoring (optional; kept apart and never shown to recruiters)",
                "sex",
                "ethnicity",
                "disability",
            ),
        )
        self.helper.attrs = {"novalidate": ""}  # the server's messages, next to each field
        self.helper.add_input(Submit("save", "Save the EOI"))

    def _post_clean(self):
        """No model validation here: eoi_create runs full_clean() on the EOI it builds, and
        running the model's checks twice would show the consent message twice."""

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("zone")
        if zone and cleaned.get("campaign") and zone.campaign_id != cleaned["campaign"].pk:
            self.add_error("zone", "This zone belongs to another campaign.")
        return cleaned


def recruitment_officers():
    return User.objects.filter(
        Q(groups__name=GROUP_NAMES[Role.RECRUITMENT_OFFICER]), is_active=True
    ).distinct()


class WorkForm(forms.Form):
    assigned_to = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, empty_label="Nobody yet"
    )
    status = forms.ChoiceField(choices=EOI.Status.choices)
    closed_reason = forms.ChoiceField(
        choices=[("", "Not closed"), *EOI.ClosedReason.choices[:-1]],
        required=False,
        label="Reason for closing",
    )
    next_action = forms.CharField(max_length=200, required=False)
    next_action_on = forms.DateField(required=False, label="Next action by", widget=date_widget())
    # The version the page was loaded at: a save against an older one is refused (StaleEdit).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = recruitment_officers()
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == EOI.Status.CLOSED and not cleaned.get("closed_reason"):
            self.add_error("closed_reason", "Say why the EOI is closed.")
        return cleaned


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactLog
        fields = ["method", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class MergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(queryset=EOI.objects.none(), label="Merge this EOI in")

    def __init__(self, *args, duplicates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate"].queryset = duplicates if duplicates is not None else EOI.objects


class ApplyForm(forms.Form):
    applied_on = forms.DateField(initial=timezone.localdate, widget=date_widget())
    route = forms.ChoiceField(choices=OPEN_ROUTES)


class AdjustmentForm(forms.Form):
    details = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), label="What they need, in their words"
    )


class StageResultForm(forms.ModelForm):
    class Meta:
        model = StageResult
        fields = ["stage", "result", "score", "note"]

    def __init__(self, *args, candidate: Candidate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = PipelineStage.objects.filter(
            route=candidate.route, active=True
        )


class IntakeForm(forms.Form):
    intake = forms.ModelChoiceField(queryset=Intake.objects.none())

    def __init__(self, *args, candidate: Candidate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intake"].queryset = Intake.objects.filter(route=candidate.route)


class StartForm(forms.Form):
    staff_number = forms.CharField(max_length=20, label="Staff number to give them")


class SupportForm(forms.ModelForm):
    class Meta:
        model = PositiveActionSupport
        fields = ["kind", "given_on", "group", "notes"]
        widgets = {
            "given_on": date_widget(),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"group": "Under-represented group supported"}


class TieBreakStageForm(forms.Form):
    stage = forms.ModelChoiceField(
        queryset=PipelineStage.objects.filter(scored=True, active=True),
        label="The scored stage where the candidates tie",
    )


def scored_candidates(stage: PipelineStage):
    """Candidates still in the pipeline with a score at `stage`, highest first, each carrying
    their latest score there as `stage_score`."""
    latest = (
        StageResult.objects.filter(candidate=OuterRef("pk"), stage=stage, score__isnull=False)
        .order_by("-recorded_on", "-id")
        .values("score")[:1]
    )
    return (
        Candidate.objects.filter(
            status__in=[Candidate.Status.IN_PROGRESS, Candidate.Status.CONDITIONAL_OFFER]
        )
        .annotate(stage_score=Subquery(latest))
        .filter(stage_score__isnull=False)
        .select_related("eoi")
        .order_by("-stage_score", "eoi__last_name", "id")
    )


class TieBreakForm(forms.ModelForm):
    candidates = forms.ModelMultipleChoiceField(
        queryset=Candidate.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Candidates considered",
        help_text="Tick everyone with the same score. Scores come from their recorded results.",
    )

    class Meta:
        model = TieBreakDecision
        fields = ["stage", "candidates", "preferred", "characteristic", "evidence", "reason"]
        labels = {
            "evidence": "Evidence that the group is under-represented",
            "preferred": "Candidate preferred",
        }
        widgets = {"stage": forms.HiddenInput}

    def __init__(self, *args, stage: PipelineStage, **kwargs):
        super().__init__(*args, initial={"stage": stage.pk}, **kwargs)
        candidates = scored_candidates(stage)
        self.fields["stage"].queryset = PipelineStage.objects.filter(pk=stage.pk)
        for name in ("candidates", "preferred"):
            self.fields[name].queryset = candidates
            self.fields[name].label_from_instance = lambda c: (
                f"{c.eoi.full_name} (candidate {c.pk}): score {c.stage_score}"
            )
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Record the decision"))
