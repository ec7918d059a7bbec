"""What every citizen-facing section shares: case numbers per kind and year (more to come in this package)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseNumberSequence(models.Model):
    """The last number given to one kind of case (its letter, e.g. D) in one ROC year.

    Its row is locked by the filing that takes the next number until that filing commits, so numbers are
    gapless and in order under concurrent filings (see labor_portal.cases.numbers).
    """

    kind = models.CharField(_("案件種類代碼"), max_length=1)
    roc_year = models.PositiveSmallIntegerField(_("民國年"))
    last_number = models.PositiveIntegerField(_("最後編號"), default=0)

    class Meta:
        verbose_name = _("案件編號序列")
        verbose_name_plural = _("案件編號序列")
        constraints = [models.UniqueConstraint(fields=["kind", "roc_year"], name="case_number_sequence_kind_year")]

    def __str__(self):
        return f"{self.roc_year}-{self.kind}: {self.last_number}"
