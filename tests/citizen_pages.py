"""Steps that browser tests of citizens' pages share."""


def track_case(page, base: str, number: str, code: str) -> None:
    """Open a case at /track/ with its number and access code, as a citizen does (zh-Hant labels)."""
    page.goto(f"{base}/track/")
    page.get_by_label("案件編號").fill(number)
    page.get_by_label("查詢碼").fill(code)
    page.get_by_role("button", name="查詢").click()
