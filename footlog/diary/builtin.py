"""The built-in routine steps. Their keys are public API: add new ones, never rename or remove one.

They are upserted after every `migrate` (and after the test runner's flush) by a post_migrate handler, so that
every database — new, migrated or flushed — has them, and adding one needs no data migration.
"""

from __future__ import annotations

from typing import Any

BUILTIN_STEPS = [
    # key, label, kind
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


def ensure_builtin_steps(using: str = "default", **_: Any) -> None:
    """post_migrate handler: create or refresh the built-in steps (idempotent)."""
    from footlog.diary.models import RoutineStep

    for position, (key, label, kind) in enumerate(BUILTIN_STEPS):
        RoutineStep.objects.using(using).update_or_create(
            user=None, key=key, defaults={"label": label, "kind": kind, "position": position}
        )
