from django.db import migrations


class Migration(migrations.Migration):
    """Kept for the migration graph only. The built-in steps are upserted after every migrate (and after a test
    flush) by footlog.diary.builtin.ensure_builtin_steps, a post_migrate handler."""

    dependencies = [("diary", "0001_initial")]
    operations: list = []
