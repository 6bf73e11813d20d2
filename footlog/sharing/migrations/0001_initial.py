# The share models moved here from the exports app. Their tables stay where they are (`exports_share`,
# `exports_shareaccess`, named by `db_table`): this migration only tells Django's state that the models now
# belong to `sharing`; exports 0006 drops them from the exports app's state. Nothing in the database changes.

import django.db.models.deletion
import django.utils.timezone
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("exports", "0005_reportjob_heartbeat"),
    ]

    state_operations = [
        migrations.CreateModel(
            name="Share",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, primary_key=True, serialize=False)),
                ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                ("start", models.DateField()),
                ("end", models.DateField()),
                ("include_photos", models.BooleanField(default=False)),
                ("questions", models.TextField(blank=True, max_length=2000)),
                ("created", models.DateTimeField(default=django.utils.timezone.now)),
                ("expires_at", models.DateTimeField()),
                ("revoked_at", models.DateTimeField(blank=True, null=True)),
                ("passcode_hash", models.CharField(blank=True, editable=False, max_length=128)),
                ("passcode_attempts_left", models.PositiveSmallIntegerField(default=10)),
                ("shl_id_hash", models.CharField(editable=False, max_length=64, null=True, unique=True)),
                ("shl_jwe", models.TextField(blank=True, editable=False)),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="shares",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "exports_share",
                "ordering": ("-created",),
                "constraints": [
                    models.CheckConstraint(condition=models.Q(("start__lte", models.F("end"))), name="share_range_ordered"),
                    models.CheckConstraint(
                        condition=models.Q(("expires_at__gt", models.F("created"))),
                        name="share_expires_after_creation",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="ShareAccess",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                ("client", models.CharField(max_length=80)),
                ("resource", models.CharField(default="page", max_length=16)),
                (
                    "share",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="accesses", to="sharing.share"
                    ),
                ),
            ],
            options={
                "db_table": "exports_shareaccess",
                "ordering": ("-at",),
                "indexes": [models.Index(fields=["share", "-at"], name="share_access_share_at")],
            },
        ),
    ]

    operations = [migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[])]
