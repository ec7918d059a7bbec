"""Excel files as staff upload them, for the import tests."""

import io

from openpyxl import Workbook


def xlsx_upload(headers: list[str], rows: list[list], name: str = "import.xlsx") -> io.BytesIO:
    workbook = Workbook()
    workbook.active.append(headers)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = name
    return buffer
