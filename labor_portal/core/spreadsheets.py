"""Cells that a spreadsheet program shows as data, never runs as a formula (CSV / formula injection).

Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`, `-` or `@` (and, after
trimming, tab or carriage return) as a formula: a respondent named `=HYPERLINK("http://evil","點此")`
would become a live link in a clerk's export. OWASP's advice is followed: such text gets a leading
single quote, which the programs show as text. Every CSV writer and workbook of the portal that writes
text typed by a user passes it through `safe_cell`; numbers, dates and None pass unchanged, so that a
negative amount stays a number.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as a spreadsheet cell: text that would start a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def safe_row(values) -> list:
    """A row of cells, each through `safe_cell`."""
    return [safe_cell(value) for value in values]
