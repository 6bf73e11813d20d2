# The account's language (issue 26). Depends on 0004: main had no accounts 0005 when this was written.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_importjob_heartbeat"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="language",
            field=models.CharField(
                blank=True,
                choices=[("en", "English"), ("de", "Deutsch"), ("es", "Español")],
                max_length=8,
                null=True,
            ),
        ),
    ]
