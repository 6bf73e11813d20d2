# The import job moved to footlog.portability (portability 0001 takes it into its state with its table): here it
# leaves the accounts app's state only; the table `accounts_importjob` and its rows stay.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0004_importjob_heartbeat"),
        ("portability", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ImportJob")], database_operations=[]
        )
    ]
