"""`sweep_after` takes over the sweep's marker from `next_attempt_at`, which from now on only says when a try is
due (issue 13: the sweep postponed due retries). Open rows keep the marker they had."""

import reminders.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reminders', '0003_timezone_lives_on_the_account'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='delivery',
            name='delivery_open',
        ),
        migrations.AddField(
            model_name='delivery',
            name='sweep_after',
            field=models.DateTimeField(default=reminders.models.sweep_after_default),
        ),
        migrations.RunSQL(
            "UPDATE reminders_delivery SET sweep_after = next_attempt_at", reverse_sql=migrations.RunSQL.noop
        ),
        migrations.AddIndex(
            model_name='delivery',
            index=models.Index(condition=models.Q(('status__in', ['pending', 'retry'])), fields=['sweep_after'], name='delivery_open'),
        ),
    ]
