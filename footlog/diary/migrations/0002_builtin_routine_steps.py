from django.db import migrations

# Frozen copy: a migration must not change when footlog/diary/builtin_steps.py does.
STEPS = [
    ("wash", "Washed with mild soap, patted dry", "care"),
    ("exfoliate", "Gentle exfoliation", "care"),
    ("moisturise", "Moisturiser or oil after washing", "care"),
    ("sock_change", "Clean socks", "care"),
    ("sunscreen", "Sunscreen SPF 15+ on exposed ankles", "care"),
    ("breathable_footwear", "Well-fitting, breathable footwear", "care"),
    ("tight_footwear", "Tight or rubbing shoes", "trigger"),
    ("new_product", "New product on the feet", "trigger"),
    ("long_sun_exposure", "Long sun exposure", "trigger"),
]


def add_steps(apps, schema_editor):
    RoutineStep = apps.get_model("diary", "RoutineStep")
    for position, (key, label, kind) in enumerate(STEPS):
        RoutineStep.objects.update_or_create(user=None, key=key, defaults={"label": label, "kind": kind,
                                                                            "position": position})


def remove_steps(apps, schema_editor):
    apps.get_model("diary", "RoutineStep").objects.filter(user=None, key__in=[k for k, _, _ in STEPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("diary", "0001_initial")]
    operations = [migrations.RunPython(add_steps, remove_steps)]
