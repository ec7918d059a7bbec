"""District names as the public vacancy search shows them, in the visitor's language.

labor_portal.core.districts.District keeps plain zh-Hant labels on purpose: spreadsheet imports match the typed
label and exports print it, whatever language the staff member's browser asks for. The public page needs the
names translated, so it reads them from here (tests check this stays in step with District).
"""

from django.utils.translation import gettext_lazy as _

from labor_portal.core.districts import District

DISTRICT_NAMES = {
    District.YANCHENG: _("鹽埕區"),
    District.GUSHAN: _("鼓山區"),
    District.ZUOYING: _("左營區"),
    District.NANZI: _("楠梓區"),
    District.SANMIN: _("三民區"),
    District.XINXING: _("新興區"),
    District.QIANJIN: _("前金區"),
    District.LINGYA: _("苓雅區"),
    District.QIANZHEN: _("前鎮區"),
    District.QIJIN: _("旗津區"),
    District.XIAOGANG: _("小港區"),
    District.FENGSHAN: _("鳳山區"),
    District.LINYUAN: _("林園區"),
    District.DALIAO: _("大寮區"),
    District.DASHU: _("大樹區"),
    District.DASHE: _("大社區"),
    District.RENWU: _("仁武區"),
    District.NIAOSONG: _("鳥松區"),
    District.GANGSHAN: _("岡山區"),
    District.QIAOTOU: _("橋頭區"),
    District.YANCHAO: _("燕巢區"),
    District.TIANLIAO: _("田寮區"),
    District.ALIAN: _("阿蓮區"),
    District.LUZHU: _("路竹區"),
    District.HUNEI: _("湖內區"),
    District.QIEDING: _("茄萣區"),
    District.YONGAN: _("永安區"),
    District.MITUO: _("彌陀區"),
    District.ZIGUAN: _("梓官區"),
    District.QISHAN: _("旗山區"),
    District.MEINONG: _("美濃區"),
    District.LIUGUI: _("六龜區"),
    District.JIAXIAN: _("甲仙區"),
    District.SHANLIN: _("杉林區"),
    District.NEIMEN: _("內門區"),
    District.MAOLIN: _("茂林區"),
    District.TAOYUAN: _("桃源區"),
    District.NAMAXIA: _("那瑪夏區"),
}


def district_choices() -> list[tuple[str, str]]:
    return [(district.value, DISTRICT_NAMES[district]) for district in District]
