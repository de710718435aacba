"""What the people app holds about a colleague, for subject access requests."""

from people.models import EmploymentRecord, EqualityMonitoring, Probation


def colleague_details(*, person, email):
    if person is None:
        return []
    return [
        {
            "Staff number": person.staff_number,
            "First name": person.first_name,
            "Last name": person.last_name,
            "Email": person.email,
            "Person type": person.get_person_type_display(),
            "Rank": person.get_rank_display(),
            "Grade": person.grade,
            "Department": str(person.department or ""),
            "Line manager": person.line_manager.get_full_name() if person.line_manager else "",
            "Entry route": person.get_entry_route_display(),
            "Start date": person.start_date,
            "Leave date": person.leave_date,
        }
    ]


def employment_history(*, person, email):
    if person is None:
        return []
    rows = EmploymentRecord.objects.filter(person=person).select_related(
        "department", "line_manager"
    )
    return [
        {
            "From": r.valid_from,
            "To": r.valid_to,
            "Person type": r.get_person_type_display(),
            "Rank": r.get_rank_display(),
            "Grade": r.grade,
            "Department": str(r.department or ""),
            "Line manager": r.line_manager.get_full_name() if r.line_manager else "",
            "Reason": r.reason,
        }
        for r in rows
    ]


def equality_information(*, person, email):
    record = EqualityMonitoring.objects.filter(person=person).first() if person else None
    if record is None:
        return []
    return [
        {
            "Sex": record.get_sex_display(),
            "Ethnicity": record.get_ethnicity_display(),
            "Disability": record.get_disability_display(),
            "Sexual orientation": record.get_sexual_orientation_display(),
            "Religion": record.get_religion_display(),
            "Last updated": record.updated_at,
        }
    ]


def probation(*, person, email):
    record = Probation.objects.filter(officer=person).first() if person else None
    if record is None:
        return []
    return [
        {
            "Route": record.get_route_display(),
            "Start": record.start_date,
            "Expected end": record.expected_end,
            "Confirmed": record.confirmed_on,
            "Extensions": [
                {"New end": e.new_end, "Reason": e.reason} for e in record.extensions.all()
            ],
        }
    ]
