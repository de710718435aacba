"""Sections to the content dict a run keeps: plain JSON, charts already drawn as SVG."""

from dataclasses import asdict

from django.utils import timezone

from people.roles import Role
from reports import charts, registry
from reports.registry import Period, ReportType


def _table_dict(table: registry.Table) -> dict:
    data = asdict(table)
    if table.chart is not None:
        svg = charts.render_svg(table.chart)
        data["chart"] = {**asdict(table.chart), "svg": "", "data_uri": charts.data_uri(svg)}
    return data


def _parameters_text(report_type: ReportType, parameters: dict) -> list[str]:
    return [
        f"{option.label}: {dict(option.choices)[parameters[name]]}"
        for name, option in report_type.options.items()
    ]


def build_content(report_type: ReportType, period: Period, parameters: dict, progress=None) -> dict:
    """Build every section and draw its charts; `progress(done, total)` after each builder."""
    sections = registry.build_sections(report_type, period, parameters, progress)
    return {
        "report_type": report_type.key,
        "title": report_type.title,
        "period_label": period.label,
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
        "audience": Role(report_type.audience).label,
        "board_level": report_type.board_level,
        "parameters": _parameters_text(report_type, parameters),
        "generated_at": timezone.localtime().strftime("%d/%m/%Y %H:%M"),
        "sections": [
            {
                "key": section.key,
                "title": section.title,
                "intro": section.intro,
                "notes": list(section.notes),
                "tables": [_table_dict(table) for table in section.tables],
            }
            for section in sections
        ],
    }
