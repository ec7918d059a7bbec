"""A file e-mail backend as slow as a real SMTP server, so that sends are in flight when Redis goes away."""

import os
import time

from django.core.mail.backends.filebased import EmailBackend as FileEmailBackend


class EmailBackend(FileEmailBackend):
    def send_messages(self, email_messages):
        time.sleep(float(os.environ.get("DRILL_EMAIL_SECONDS", "0.3")))
        return super().send_messages(email_messages)
