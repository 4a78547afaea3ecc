# Documents' bytes move from a database column to files named by SHA-256 in the data folder.

from typing import Any

from django.db import migrations, models

import gongkai.web.audits.models.document


def _bytes_to_files(apps: Any, schema_editor: Any) -> None:
    """Write each stored document's bytes to the file storage, one row in memory at a time."""
    from gongkai.web.audits.services import files

    Document = apps.get_model("audits", "AuditDocument")
    rows = Document.objects.exclude(content=b"").values_list("pk", flat=True)
    for pk in list(rows.iterator()):
        document = Document.objects.only("pk", "name", "content").get(pk=pk)
        content = bytes(document.content)
        if not content:
            continue
        name, digest = files.keep_bytes(content, label=document.name)
        Document.objects.filter(pk=pk).update(file=name, sha256=digest, size=len(content))


def _files_to_bytes(apps: Any, schema_editor: Any) -> None:
    """Back to the column (the files are left in place)."""
    Document = apps.get_model("audits", "AuditDocument")
    storage = gongkai.web.audits.models.document.document_storage()
    for document in Document.objects.exclude(file="").only("pk", "file").iterator():
        with storage.open(document.file.name, "rb") as stream:
            Document.objects.filter(pk=document.pk).update(content=stream.read())


class Migration(migrations.Migration):
    dependencies = [
        ("audits", "0003_disposition_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditdocument",
            name="file",
            field=models.FileField(
                blank=True,
                storage=gongkai.web.audits.models.document.document_storage,
                upload_to="",
                verbose_name="文件",
            ),
        ),
        migrations.RunPython(_bytes_to_files, _files_to_bytes, elidable=False),
        migrations.RemoveField(
            model_name="auditdocument",
            name="content",
        ),
    ]
