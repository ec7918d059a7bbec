# Confirmation e-mails and read-log rows moved to labor_portal.cases (issue 9): every disputes.ConfirmationEmail
# row (sent or not, with its attempts, lease and error) becomes a cases.OutboxMessage, every
# disputes.PersonalDataView row (of a case or of a fund application) a cases.PersonalDataRead; then the old
# tables go. A case's filing language, which only its confirmations kept, is copied onto the case.
# Reversible: going back copies the disputes rows back (read-log rows of records since deleted cannot point
# anywhere in the old table and are left out).

from django.db import migrations, models

CONFIRMATION_KIND = "disputes.confirmation"
CONFIRMATION_TEMPLATE = "disputes/email/confirmation"


def _content_type(apps, model: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="disputes", model=model)[0]


def _fund_application_label(application) -> str:
    # What str() of a fund application reads like ("不當勞動行為裁決 2020-03-01"); historical models lack it.
    kinds = dict(FUND_KINDS)
    return f"{kinds.get(application.kind, application.kind)} {application.applied_on}"


FUND_KINDS = [("confirm_employment", "確認僱傭關係訴訟"), ("other_lawsuit", "其他勞資爭議訴訟"),
              ("unfair_labor_practice", "不當勞動行為裁決")]


def forward(apps, schema_editor):
    ConfirmationEmail = apps.get_model("disputes", "ConfirmationEmail")
    PersonalDataView = apps.get_model("disputes", "PersonalDataView")
    DisputeCase = apps.get_model("disputes", "DisputeCase")
    OutboxMessage = apps.get_model("cases", "OutboxMessage")
    PersonalDataRead = apps.get_model("cases", "PersonalDataRead")

    if ConfirmationEmail.objects.exists():
        case_type = _content_type(apps, "disputecase")
        for email in ConfirmationEmail.objects.select_related("case").order_by("pk").iterator():
            message = OutboxMessage.objects.create(
                content_type=case_type, object_id=str(email.case_id), section="disputes", kind=CONFIRMATION_KIND,
                template=CONFIRMATION_TEMPLATE, recipient=email.recipient, language=email.language,
                claimed_until=email.claimed_until, attempts=email.attempts, last_error=email.last_error,
                sent_at=email.sent_at,
            )
            # auto_now_add ignores the value given on create: the original time is set afterwards.
            OutboxMessage.objects.filter(pk=message.pk).update(created_at=email.created_at)
            DisputeCase.objects.filter(pk=email.case_id).update(language=email.language)

    if PersonalDataView.objects.exists():
        case_type, fund_type = _content_type(apps, "disputecase"), _content_type(apps, "rightsfundapplication")
        views = PersonalDataView.objects.select_related("case", "fund_application").order_by("pk")
        for view in views.iterator():
            if view.case_id:
                content_type, object_id, label = case_type, str(view.case_id), view.case.case_number
            else:
                application = view.fund_application
                content_type, object_id, label = fund_type, str(application.pk), _fund_application_label(application)
            read = PersonalDataRead.objects.create(
                content_type=content_type, object_id=object_id, section="disputes", label=label[:200],
                viewer_id=view.viewer_id, page=view.page, ip_address=view.ip_address,
            )
            PersonalDataRead.objects.filter(pk=read.pk).update(viewed_at=view.viewed_at)


def backward(apps, schema_editor):
    ConfirmationEmail = apps.get_model("disputes", "ConfirmationEmail")
    PersonalDataView = apps.get_model("disputes", "PersonalDataView")
    DisputeCase = apps.get_model("disputes", "DisputeCase")
    RightsFundApplication = apps.get_model("disputes", "RightsFundApplication")
    OutboxMessage = apps.get_model("cases", "OutboxMessage")
    PersonalDataRead = apps.get_model("cases", "PersonalDataRead")

    case_ids = {str(pk): pk for pk in DisputeCase.objects.values_list("pk", flat=True)}
    confirmations = OutboxMessage.objects.filter(section="disputes", kind=CONFIRMATION_KIND).order_by("pk")
    for message in confirmations.iterator():
        if message.object_id in case_ids:
            email = ConfirmationEmail.objects.create(
                case_id=case_ids[message.object_id], recipient=message.recipient, language=message.language,
                claimed_until=message.claimed_until, attempts=message.attempts, last_error=message.last_error,
                sent_at=message.sent_at,
            )
            ConfirmationEmail.objects.filter(pk=email.pk).update(created_at=message.created_at)
    confirmations.delete()

    fund_ids = {str(pk): pk for pk in RightsFundApplication.objects.values_list("pk", flat=True)}
    reads = PersonalDataRead.objects.filter(section="disputes").select_related("content_type").order_by("pk")
    for read in reads.iterator():
        target = {"disputecase": ("case_id", case_ids), "rightsfundapplication": ("fund_application_id", fund_ids)}
        field, existing = target.get(read.content_type.model, (None, {}))
        if read.object_id in existing:
            view = PersonalDataView.objects.create(
                viewer_id=read.viewer_id, page=read.page, ip_address=read.ip_address,
                **{field: existing[read.object_id]},
            )
            PersonalDataView.objects.filter(pk=view.pk).update(viewed_at=read.viewed_at)
    reads.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("disputes", "0007_case_numbers_to_kit"),
        ("cases", "0002_outbox_and_read_log"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="disputecase",
            name="language",
            field=models.CharField(default="zh-hant", editable=False, max_length=10, verbose_name="申請語言"),
        ),
        migrations.AddField(
            model_name="historicaldisputecase",
            name="language",
            field=models.CharField(default="zh-hant", editable=False, max_length=10, verbose_name="申請語言"),
        ),
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="ConfirmationEmail"),
        migrations.DeleteModel(name="PersonalDataView"),
    ]
