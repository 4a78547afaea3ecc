from typing import Any

from django.db import migrations, models


def replies_before_mail(apps: Any, schema_editor: Any) -> None:
    """Replies given before the platform mailed applicants are not mailed now, years late."""
    application = apps.get_model("portal", "OnlineApplication")
    replied = application.objects.filter(case__replied_on__isnull=False)
    for row in replied.only("pk", "case__replied_on").select_related("case"):
        application.objects.filter(pk=row.pk).update(reply_mailed_on=row.case.replied_on)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_more_forms_of_provision"),
    ]

    operations = [
        migrations.AddField(
            model_name="onlineapplication",
            name="reply_mailed_on",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="已通知答复日期"
            ),
        ),
        migrations.RunPython(replies_before_mail, migrations.RunPython.noop),
    ]
