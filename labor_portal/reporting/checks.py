"""Consistency checks of a generated report: totals that must add up, rates within 0–100 %, figures that cannot
exceed the figure they are part of.

The tables declare what to check (ReportTable.row_sums / column_sums / percent cells); the relations between
figures are listed here, by id, since they cross the figures of a section. A check that fails is recorded in the
snapshot under "checks" and shown with the run; it never stops the run: the bureau decides what to do with it.
"""

from collections.abc import Iterator
from numbers import Number
from typing import NamedTuple

from labor_portal.reporting.registry import ReportTable, registry


class AtMost(NamedTuple):
    """The figure `part` counts some of what `whole` counts, so it cannot be larger."""

    part: str
    whole: str


FIGURE_RELATIONS = (
    AtMost("disputes.rights_fund.approved", "disputes.rights_fund.applications"),
    AtMost("employment.restart_program.working", "employment.restart_program.quota"),
    AtMost("employment.warm_heart_program.hired", "employment.warm_heart_program.applicants"),
    AtMost("employment.job_seekers.placed", "employment.job_seekers"),
    AtMost("employment.vacancies.filled", "employment.vacancies"),
    AtMost("employment.job_fairs.matched", "employment.job_fairs.resumes"),
    AtMost("employment.middle_aged.employed", "employment.middle_aged.served"),
    AtMost("migrant_workers.quarantine_checks.to_inspect", "migrant_workers.quarantine_checks.applications"),
    AtMost("disability_services.case_management.new", "disability_services.case_management.cumulative"),
    AtMost("disability_services.supported_employment.new", "disability_services.supported_employment.served"),
    AtMost("disability_services.supported_employment.placed", "disability_services.supported_employment.served"),
)


def _number(value) -> bool:
    return isinstance(value, Number) and not isinstance(value, bool)


def _fmt(value) -> str:
    return f"{value:,}"


def _failure(table: dict | None, zh: str, en: str) -> dict:
    if table is None:
        return {"table": None, "message_zh": zh, "message_en": en}
    return {
        "table": table["id"],
        "message_zh": f"「{table['title_zh']}」{zh}",
        "message_en": f"{table.get('title_en') or table['id']}: {en}",
    }


def _sum_failure(total, parts) -> bool:
    """The total differs from the sum of its parts (cells left blank, as the report leaves some, are not checked)."""
    if not _number(total) or not parts or not all(_number(part) for part in parts):
        return False
    # Rounded cells (萬元) are summed as printed, so the sum of printed values must match exactly.
    return round(sum(parts), 6) != round(total, 6)


def _row_sums(table: dict, spec: ReportTable) -> Iterator[dict]:
    rows = {row["label"]: row["values"] for row in table["rows"]}
    for total in spec.row_sums(list(rows)):
        if total.total not in rows or any(part not in rows for part in total.parts):
            continue
        for n, column in enumerate(table["columns"]):
            if spec.is_percent(total.total, column):
                continue
            value, parts = rows[total.total][n], [rows[part][n] for part in total.parts]
            if _sum_failure(value, parts):
                yield _failure(
                    table,
                    f"{total.total}列「{column}」欄為 {_fmt(value)}，各列加總為 {_fmt(sum(parts))}",
                    f"row {total.total}, column {column} is {_fmt(value)} but its rows add up to {_fmt(sum(parts))}",
                )


def _column_sums(table: dict, spec: ReportTable) -> Iterator[dict]:
    index = {column: n for n, column in enumerate(table["columns"])}
    for total in spec.column_sums():
        if total.total not in index or any(part not in index for part in total.parts):
            continue
        for row in table["rows"]:
            if row["label"] in spec.percent_rows:
                continue
            value = row["values"][index[total.total]]
            parts = [row["values"][index[part]] for part in total.parts]
            if _sum_failure(value, parts):
                yield _failure(
                    table,
                    f"{row['label']}列「{total.total}」欄為 {_fmt(value)}，各欄加總為 {_fmt(sum(parts))}",
                    f"row {row['label']}, column {total.total} is {_fmt(value)} but its columns add up to "
                    f"{_fmt(sum(parts))}",
                )


def _rates(table: dict, spec: ReportTable) -> Iterator[dict]:
    for row in table["rows"]:
        for column, value in zip(table["columns"], row["values"], strict=True):
            if spec.is_percent(row["label"], column) and _number(value) and not 0 <= value <= 100:
                yield _failure(
                    table,
                    f"{row['label']}列「{column}」為 {value}%，不在 0–100% 之間",
                    f"row {row['label']}, column {column} is {value}%, outside 0–100 %",
                )


def table_checks(table: dict, spec: ReportTable | None = None) -> list[dict]:
    """The failed checks of one table of a snapshot (its declaration looked up by id when not given)."""
    spec = spec or registry.get_table(table["id"])
    if spec is None:
        return []
    return [*_row_sums(table, spec), *_column_sums(table, spec), *_rates(table, spec)]


def figure_checks(indicators: list[dict]) -> list[dict]:
    """The failed checks of the key figures: percentages within 0–100 %, a part not above its whole."""
    failures = []
    values = {item["id"]: item for item in indicators}
    for item in indicators:
        if item["unit"] == "%" and _number(item["value"]) and not 0 <= item["value"] <= 100:
            failures.append(_failure(
                None,
                f"{item['label_zh']}（{item['id']}）為 {item['value']}%，不在 0–100% 之間",
                f"{item['id']} is {item['value']}%, outside 0–100 %",
            ))
    for relation in FIGURE_RELATIONS:
        part, whole = values.get(relation.part), values.get(relation.whole)
        if part and whole and _number(part["value"]) and _number(whole["value"]) and part["value"] > whole["value"]:
            failures.append(_failure(
                None,
                f"{part['label_zh']}（{_fmt(part['value'])}）大於{whole['label_zh']}（{_fmt(whole['value'])}）",
                f"{relation.part} ({_fmt(part['value'])}) is more than {relation.whole} ({_fmt(whole['value'])})",
            ))
    return failures


def report_checks(snapshot: dict) -> list[dict]:
    """Every failed check of a report snapshot, tables first in report order, then the key figures."""
    failures = []
    for table in snapshot["tables"]:
        failures.extend(table_checks(table))
    failures.extend(figure_checks(snapshot["indicators"]))
    return failures
