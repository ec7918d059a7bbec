"""Steps that browser tests of citizens' pages share."""


def track_case(page, base: str, number: str, code: str) -> None:
    """Open a case at /track/ with its number and access code, as a citizen does (zh-Hant labels)."""
    page.goto(f"{base}/track/")
    page.get_by_label("案件編號").fill(number)
    page.get_by_label("查詢碼").fill(code)
    page.get_by_role("button", name="查詢").click()


def book_hall_room(page, base: str, room, day, *, people: int, name: str, email: str, phone: str) -> tuple[str, str]:
    """Book a night in a Shijia Hall room on the public form; the case number and access code it shows."""
    page.goto(f"{base}/welfare/hall/")
    page.get_by_label("場地或房間").select_option(str(room.pk))
    page.get_by_label("使用日期").fill(day.isoformat())
    page.get_by_label("時段").select_option("night")
    page.get_by_label("人數").fill(str(people))
    page.get_by_label("預約人").fill(name)
    page.get_by_label("電子郵件").fill(email)
    page.get_by_label("聯絡電話").fill(phone)
    return _submit_booking(page)


def book_museum_visit(page, base: str, slot, *, size: int, school: str, contact: str, email: str, phone: str,
                      group: str | None = None, wheelchair: bool = False) -> tuple[str, str]:
    """Book a guided visit of the labor museum on the public form; the case number and access code it shows."""
    page.goto(f"{base}/museum/book/")
    page.get_by_label("導覽時段").select_option(str(slot.pk))
    page.get_by_label("人數（含帶隊老師）").fill(str(size))
    if group:
        page.get_by_label("團體類別").select_option(group)
    page.get_by_label("學校或團體名稱").fill(school)
    page.get_by_label("聯絡人").fill(contact)
    page.get_by_label("電子郵件").fill(email)
    page.get_by_label("聯絡電話").fill(phone)
    if wheelchair:
        page.get_by_label("輪椅使用者").check()
    return _submit_booking(page)


def _submit_booking(page) -> tuple[str, str]:
    page.locator("#id_consent").check()
    page.get_by_role("button", name="送出預約").click()
    page.wait_for_selector("#case-number")
    return page.inner_text("#case-number"), page.inner_text("#access-code")
