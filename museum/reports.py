from django.db.models import Q, Sum

from labor_portal.reporting.registry import Figure, registry
from museum.models import GrantKind, MuseumGrant, VisitorCount

VISITORS = registry.figures(
    Figure("museum.visitors", "人次", "勞工博物館參觀人次（每日各類參觀人次合計）", VisitorCount.objects, Sum("visitors")),
)

GRANTS = registry.figures(
    Figure("museum.culture_grant", "元", "文化部核定補助經常門", MuseumGrant.objects,
           Sum("amount", filter=Q(kind=GrantKind.CULTURE_MINISTRY))),
    Figure("museum.city_match", "元", "本府配合款", MuseumGrant.objects, Sum("amount", filter=Q(kind=GrantKind.CITY_MATCH))),
    Figure("museum.animation_grant", "元", "爭取勞動部就安基金補助（移工動畫製作等）", MuseumGrant.objects,
           Sum("amount", filter=Q(kind=GrantKind.EMPLOYMENT_FUND))),
)
