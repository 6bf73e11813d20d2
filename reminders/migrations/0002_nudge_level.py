"""The visit nudge remembers the level it nudged at ("book" or "urgent") instead of a yes/no episode flag, so an
escalation to "urgent" within one episode nudges once more (issue 11). An open episode was a "book" one. Each nudge
delivery keeps its level, so its message speaks for it. `nudge_quiet_since` lets a run end only after two weeks below
"book", so a level wobbling across it does not nudge again and again."""

from django.db import migrations, models


def open_episodes_were_book(apps, schema_editor):
    Reminder = apps.get_model("reminders", "Reminder")
    Reminder.objects.filter(nudge_episode_open=True).update(nudge_level="book")


def level_back_to_flag(apps, schema_editor):
    Reminder = apps.get_model("reminders", "Reminder")
    Reminder.objects.exclude(nudge_level="").update(nudge_episode_open=True)


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="reminder",
            name="nudge_level",
            field=models.CharField(blank=True, default="", max_length=8),
        ),
        migrations.RunPython(open_episodes_were_book, level_back_to_flag),
        migrations.RemoveField(model_name="reminder", name="nudge_episode_open"),
        migrations.AddField(
            model_name="reminder",
            name="nudge_quiet_since",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="delivery",
            name="level",
            field=models.CharField(blank=True, db_default="", default="", max_length=8),
        ),
    ]
