"""PostgreSQL only: a stored ``tsvector`` of the token strings (title weighted A) with a GIN
index, which ``gongkai.web.search.query`` matches with ``@@``. Other databases match the same
token strings with ``LIKE`` (the model does not know this column: the database fills it)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

FORWARD = (
    "ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title_tokens), 'A') || "
    "to_tsvector('simple'::regconfig, tokens)) STORED",
    "CREATE INDEX search_vector_gin ON search_searchentry USING gin (search_vector)",
)
BACKWARD = ("ALTER TABLE search_searchentry DROP COLUMN search_vector",)


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
