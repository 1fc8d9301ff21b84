"""The database cache's table, so ``migrate`` is all a fresh install needs (``make run``, the image, CI).

The throttle counters live in the ``default`` cache, the database by default
(``CACHES`` in config/settings.py). ``createcachetable`` creates the table of
every database cache configured and skips existing ones; with ``CACHE_URL``
pointing at Redis or Memcached it does nothing. Someone who later switches to
a database cache with another table name runs ``manage.py createcachetable``.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("applicants", "0004_organization_retention_in_range"),
    ]

    operations = [
        migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=False),
    ]
