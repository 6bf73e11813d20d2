"""Red-flag rules, the clear streak and staleness become the safety floor (constants in code, issue 11): their
stored columns go. The trend is now judged over 28 days (Theil-Sen slope), so rows still on the old default of 14
move to 28; a window under a week cannot hold the 4 checks a trend needs, so it becomes 7."""

from django.db import migrations, models


def trend_window_forward(apps, schema_editor):
    TimelineSettings = apps.get_model("timeline", "TimelineSettings")
    TimelineSettings.objects.filter(trend_window_days=14).update(trend_window_days=28)
    TimelineSettings.objects.filter(trend_window_days__lt=7).update(trend_window_days=7)


def trend_window_backward(apps, schema_editor):
    TimelineSettings = apps.get_model("timeline", "TimelineSettings")
    TimelineSettings.objects.filter(trend_window_days=28).update(trend_window_days=14)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0001_initial"),
    ]

    operations = [
        migrations.RemoveField(model_name="timelinesettings", name="clear_streak"),
        migrations.RemoveField(model_name="timelinesettings", name="symptom_days"),
        migrations.RemoveField(model_name="timelinesettings", name="symptom_window_days"),
        migrations.RemoveField(model_name="timelinesettings", name="red_flag_window_days"),
        migrations.RemoveField(model_name="timelinesettings", name="fast_change_min_count"),
        migrations.RemoveField(model_name="timelinesettings", name="fast_change_mm"),
        migrations.AlterField(
            model_name="timelinesettings",
            name="trend_window_days",
            field=models.PositiveSmallIntegerField(default=28),
        ),
        migrations.RunPython(trend_window_forward, trend_window_backward),
    ]
