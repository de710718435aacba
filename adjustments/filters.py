import django_filters

from adjustments.models import DyslexiaReferral, JoinerNeed, Passport


class QueueFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=[
            (Passport.Status.SUBMITTED, "Submitted"),
            (Passport.Status.IN_REVIEW, "With an RA officer"),
            (Passport.Status.ACTIVE, "Active"),
        ],
        empty_label="Any",
    )
    mine = django_filters.ChoiceFilter(
        label="Whose",
        choices=[("yes", "Only mine")],
        empty_label="Everyone's",
        method="filter_mine",
    )

    class Meta:
        model = Passport
        fields = ["status"]

    def filter_mine(self, queryset, name, value):
        return queryset.filter(ra_officer=self.request.user) if value == "yes" else queryset


class ReferralFilter(django_filters.FilterSet):
    stage = django_filters.ChoiceFilter(choices=DyslexiaReferral.Stage.choices, empty_label="Any")

    class Meta:
        model = DyslexiaReferral
        fields = ["stage"]


class JoinerNeedFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=JoinerNeed.Status.choices, empty_label="Any")

    class Meta:
        model = JoinerNeed
        fields = ["status"]
