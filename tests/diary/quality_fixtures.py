"""The photo-quality fixture set (issue 23, item 6): 20 generated phone-like JPEGs, five of each kind: in focus
and smooth, in focus and strongly textured, blurred (smooth or textured skin), and dark. There is no camera here:
they show that the measure is consistent (the same kind of photo gets the same call, in the server and in the
browser), not that it is accurate on real phones."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

KINDS = ("sharp-smooth", "sharp-textured", "blurred", "dark")
TONES = ((214, 160, 130), (176, 122, 92), (120, 80, 58))


def quality_photo(kind: str, seed: int, width: int = 1200, height: int = 900) -> bytes:
    """One fixture. `kind` is one of KINDS; `seed` varies tone, features and blur (2-4 px)."""
    rnd = random.Random(f"{kind}-{seed}")
    tone = TONES[seed % len(TONES)]
    light = Image.radial_gradient("L").resize((width, height)).point(lambda v: 255 - v // 3)
    shade = tuple(int(c * 0.7) for c in tone)
    image = Image.composite(Image.new("RGB", (width, height), tone), Image.new("RGB", (width, height), shade), light)
    textured = kind == "sharp-textured" or (kind == "blurred" and seed % 2 == 1)
    if textured:
        noise = Image.effect_noise((width // 3, height // 3), 60).resize((width, height), Image.Resampling.BICUBIC)
        image = Image.blend(image, noise.convert("RGB"), 0.35)
    draw = ImageDraw.Draw(image)
    darker = tuple(int(c * 0.8) for c in tone)
    for _ in range(width * height // (1500 if textured else 60000)):  # pores
        x, y, r = rnd.randrange(width), rnd.randrange(height), rnd.randint(1, 2)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=darker)
    for _ in range(60 if textured else 3):  # creases
        x, y = rnd.randrange(width), rnd.randrange(height)
        draw.line((x, y, x + rnd.randint(-200, 200), y + rnd.randint(-30, 30)), fill=darker, width=2)
    for _ in range(rnd.randint(2, 8)):  # bumps
        x, y, r = rnd.randint(width // 4, 3 * width // 4), rnd.randint(height // 4, 3 * height // 4), rnd.randint(3, 8)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(248, 240, 222), outline=(200, 160, 140))
    if kind == "blurred":
        image = image.filter(ImageFilter.GaussianBlur(2 + seed % 3))
    if kind == "dark":
        image = ImageEnhance.Brightness(image).enhance(0.2 + 0.03 * (seed % 3))
    grain = Image.effect_noise((width, height), 12).convert("RGB")
    image = Image.blend(image, grain, 0.04)  # sensor grain, after the optics
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def fixture_set() -> list[tuple[str, bytes]]:
    return [(kind, quality_photo(kind, seed)) for kind in KINDS for seed in range(5)]


def wrong(kind: str, sharp: bool, exposure: str) -> bool:
    """Whether a call on a fixture of `kind` is wrong: a good photo flagged, a blurred one not called blurred, a
    dark one not called dark."""
    if kind.startswith("sharp"):
        return not sharp or exposure != "ok"
    if kind == "blurred":
        return sharp
    return exposure != "dark"
