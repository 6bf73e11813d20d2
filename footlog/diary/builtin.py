"""The built-in routine steps. Their keys are public API: add new ones, never rename or remove one.

They are upserted after every `migrate` (and after the test runner's flush) by a post_migrate handler, so that
every database — new, migrated or flushed — has them, and adding one needs no data migration.
"""

from __future__ import annotations

from footlog.diary.models import RoutineStep

BUILTIN_STEPS = [
    # key, label, kind, target per week (0 = as needed, not scored; triggers are always 0)
    ("wash", "Washed with mild soap, patted dry", "care", 7),
    ("exfoliate", "Gentle exfoliation", "care", 2),  # a couple of times a week: more is not better
    ("moisturise", "Moisturiser or oil after washing", "care", 7),
    ("sock_change", "Clean socks", "care", 7),
    ("sunscreen", "Sunscreen SPF 15+ on exposed ankles", "care", 0),  # only when the ankles are exposed
    ("breathable_footwear", "Well-fitting, breathable footwear", "care", 7),
    ("tight_footwear", "Tight or rubbing shoes", "trigger", 0),
    ("new_product", "New product on the feet", "trigger", 0),
    ("long_sun_exposure", "Long sun exposure", "trigger", 0),
]
# The default target of a user's own step, by kind.
DEFAULT_TARGET = {"care": 7, "trigger": 0}


def ensure_builtin_steps(using: str = "default", **_: object) -> None:
    """post_migrate handler: create or refresh the built-in steps (idempotent)."""
    for position, (key, label, kind, target) in enumerate(BUILTIN_STEPS):
        RoutineStep.objects.using(using).update_or_create(
            user=None,
            key=key,
            defaults={"label": label, "kind": kind, "position": position, "target_per_week": target},
        )
