"""PostgreSQL only: stored ``tsvector`` columns of the token strings (whole entry and title;
``strip``-ped, positions are not needed) with GIN indexes, which
``gongkai.web.search.query`` matches with ``@@``. Other databases match the same token
strings with ``LIKE`` (the model does not know these columns: the database fills them)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

FORWARD = (
    "ALTER TABLE search_searchentry "
    "ADD COLUMN body_vector tsvector GENERATED ALWAYS AS "
    "(strip(to_tsvector('simple'::regconfig, tokens))) STORED, "
    "ADD COLUMN title_vector tsvector GENERATED ALWAYS AS "
    "(strip(to_tsvector('simple'::regconfig, title_tokens))) STORED",
    "CREATE INDEX search_body_vector_gin ON search_searchentry USING gin (body_vector)",
    "CREATE INDEX search_title_vector_gin ON search_searchentry USING gin (title_vector)",
)
BACKWARD = ("ALTER TABLE search_searchentry DROP COLUMN body_vector, DROP COLUMN title_vector",)


def _run(statements: tuple[str, ...]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
