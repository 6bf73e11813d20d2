"""The twelve body sites a user can log, with SNOMED CT codes for exports.

Keys are part of the public API and never change. Inner/outer ankle share the ankle-region concept and carry a
medial/lateral qualifier, so an exported record stays precise without inventing finer codes.
"""

from __future__ import annotations

from dataclasses import dataclass

SNOMED = "http://snomed.info/sct"
LATERALITY = {"left": ("7771000", "Left"), "right": ("24028007", "Right")}
QUALIFIERS = {"medial": ("255561001", "Medial"), "lateral": ("49370004", "Lateral")}


@dataclass(frozen=True)
class Site:
    key: str
    label: str
    side: str  # "left" | "right"
    region: str  # key without the side, e.g. "ankle_inner"
    snomed_code: str
    snomed_display: str
    qualifier: str | None = None  # "medial" | "lateral" for the ankle sites

    @property
    def laterality_code(self) -> str:
        return LATERALITY[self.side][0]


_REGIONS = [
    # region, label, SNOMED CT body structure, display, qualifier
    ("toes", "toes", "29707007", "Toe structure", None),
    ("top", "top of foot", "2402003", "Dorsum of foot", None),
    ("sole", "sole", "57999000", "Structure of sole of foot", None),
    ("heel", "heel", "76853006", "Heel structure", None),
    ("ankle_inner", "inner ankle", "344001", "Ankle region structure", "medial"),
    ("ankle_outer", "outer ankle", "344001", "Ankle region structure", "lateral"),
]

SITES: dict[str, Site] = {
    f"{side}_{region}": Site(f"{side}_{region}", f"{side.capitalize()} {label}", side, region, code, display, qual)
    for side in ("left", "right")
    for region, label, code, display, qual in _REGIONS
}
SITE_KEYS: tuple[str, ...] = tuple(SITES)
SITE_CHOICES = [(site.key, site.label) for site in SITES.values()]
