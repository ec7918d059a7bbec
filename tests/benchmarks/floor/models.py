"""The floor of the filing benchmark: the least a CSRF-protected, validated form can cost, one row per filing.

No migrations: the benchmark creates its table with `migrate --run-syncdb`.
"""

from django.db import models


class FloorNote(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField()
    message = models.TextField(max_length=2000)

    def __str__(self):
        return self.name
