# The share models moved to the sharing app (sharing 0001 takes them into its state with their tables):
# here they leave the exports app's state only; the tables and their rows stay.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("exports", "0005_reportjob_heartbeat"),
        ("sharing", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ShareAccess"), migrations.DeleteModel(name="Share")],
            database_operations=[],
        )
    ]
