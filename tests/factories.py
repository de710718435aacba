"""Factories for the platform's records. Each app's tests add their own beside them."""

from datetime import date

import factory
from django.contrib.auth.models import Group

from people.models import Department, EmploymentRecord, PersonType, Portfolio, User
from people.roles import GROUP_NAMES


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Department {n}")
    portfolio = Portfolio.LOCAL_POLICING


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["staff_number"]
        skip_postgeneration_save = True

    staff_number = factory.Sequence(lambda n: f"T{n:05d}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.staff_number.lower()}@peel.test")
    person_type = PersonType.POLICE_STAFF
    department = factory.SubFactory(DepartmentFactory, name="People and Organisational Development")
    start_date = date(2018, 4, 1)
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=GROUP_NAMES[role])[0])

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if create:
            EmploymentRecord.objects.get_or_create(
                person=self,
                valid_to=None,
                defaults={
                    "valid_from": self.start_date or date(2018, 4, 1),
                    "person_type": self.person_type,
                    "rank": self.rank,
                    "grade": self.grade,
                    "department": self.department,
                    "line_manager": self.line_manager,
                },
            )
            self.save()
