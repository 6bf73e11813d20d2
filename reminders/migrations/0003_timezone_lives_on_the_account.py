"""The reminder preference keeps no copy of the time zone: `User.timezone` is its only home (issue 12).

Where the two differed, the account's zone wins (Settings wrote there; the copy was what went stale), and each
affected user's next reminders are recomputed in it.
"""

import datetime as dt

from django.db import migrations


def follow_the_account(apps, schema_editor):
    from reminders.schedule import next_fire_at

    Preference = apps.get_model("reminders", "ReminderPreference")
    Reminder = apps.get_model("reminders", "Reminder")
    now = dt.datetime.now(dt.UTC)
    for pref in Preference.objects.select_related("user").iterator():
        zone = pref.user.timezone
        if pref.timezone == zone:
            continue
        for reminder in Reminder.objects.filter(preference=pref).exclude(next_fire_at=None):
            if reminder.kind == "daily_log":
                days = pref.weekdays
            elif reminder.kind == "weekly_photo":
                days = [pref.photo_weekday] if pref.weekly_photo else []
            else:
                days = range(7)
            reminder.next_fire_at = next_fire_at(now, pref.time, zone, days)
            reminder.save(update_fields=["next_fire_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0002_nudge_level"),
        ("accounts", "0002_health_data_consent"),
    ]

    operations = [
        migrations.RunPython(follow_the_account, migrations.RunPython.noop),
        migrations.RemoveField(model_name="reminderpreference", name="timezone"),
    ]
