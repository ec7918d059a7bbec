"""The shared templates' and the case kit's messages that the workers' pages show (base.html, the language switch,
form errors, /track/), listed so that `makemessages` keeps them in this app's catalogues: the other sections
translate them into English only, and the workers read Indonesian, Vietnamese, Thai and Tagalog too."""

from django.utils.translation import gettext_noop

SHARED_MESSAGES = [
    gettext_noop("高雄市政府勞工局"),
    gettext_noop("跳到主要內容"),
    gettext_noop("主選單"),
    gettext_noop("線上服務"),
    gettext_noop("同仁專區"),
    gettext_noop("登出"),
    gettext_noop("同仁登入"),
    gettext_noop("地址：802 高雄市苓雅區四維三路2號"),
    gettext_noop("語言"),
    gettext_noop("切換"),
    gettext_noop("資料有誤，請依下列說明修正後再送出。"),
    gettext_noop("%(field)s：%(message)s"),
    gettext_noop("網站（請勿填寫）"),
    gettext_noop("表單已失效，請重新整理頁面後再送出。"),
    gettext_noop("表單已失效，請檢查資料後再送出一次。"),
    gettext_noop("案件進度查詢"),
    gettext_noop("請輸入案件編號與申請時取得的查詢碼。"),
    gettext_noop("查詢"),
    gettext_noop("忘記查詢碼？"),
    gettext_noop("案件編號"),
    gettext_noop("查詢碼"),
    gettext_noop("例如 109-D-000123"),
    gettext_noop("申請完成時顯示的查詢碼"),
    gettext_noop("案件編號或查詢碼不正確，請再確認。"),
]
