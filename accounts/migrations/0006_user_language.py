# The account's language (issue 26), after the import job moved to portability (0005).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_importjob_moved_to_portability"),
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
