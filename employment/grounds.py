"""The grounds of discrimination the Employment Service Act art. 5 para. 1 forbids (就業服務法第5條第1項).

"為保障國民就業機會平等，雇主對求職人或所僱用員工，不得以種族、階級、語言、思想、宗教、黨派、籍貫、出生地、性別、
性傾向、年齡、婚姻、容貌、五官、身心障礙、星座、血型或以往工會會員身分為由，予以歧視" (18 grounds, text as amended
2018-11-28). Shared by the complaints (what a citizen says happened) and the job-ad checker (what a phrase touches).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Ground(models.TextChoices):
    RACE = "race", _("種族")
    CLASS = "class", _("階級")
    LANGUAGE = "language", _("語言")
    THOUGHT = "thought", _("思想")
    RELIGION = "religion", _("宗教")
    PARTY = "party", _("黨派")
    ANCESTRY = "ancestry", _("籍貫")
    BIRTHPLACE = "birthplace", _("出生地")
    GENDER = "gender", _("性別")
    SEXUAL_ORIENTATION = "sexual_orientation", _("性傾向")
    AGE = "age", _("年齡")
    MARITAL_STATUS = "marital_status", _("婚姻")
    APPEARANCE = "appearance", _("容貌")
    FACIAL_FEATURES = "facial_features", _("五官")
    DISABILITY = "disability", _("身心障礙")
    ZODIAC = "zodiac", _("星座")
    BLOOD_TYPE = "blood_type", _("血型")
    UNION_MEMBERSHIP = "union_membership", _("以往工會會員身分")
