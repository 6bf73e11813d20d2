"""Draw the app icons (a footprint on the brand colour) with Pillow; run once, the PNGs are committed."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

BRAND = (15, 95, 92)
WHITE = (255, 255, 255)
OUT = Path(settings.BASE_DIR) / "footlog" / "static" / "footlog" / "icons"


def _footprint(draw: ImageDraw.ImageDraw, size: int, scale: float) -> None:
    """A sole and five toes centred in the icon; `scale` < 1 keeps it inside a maskable safe zone."""
    c, u = size / 2, size * scale / 100

    def ellipse(cx: float, cy: float, rx: float, ry: float) -> None:
        draw.ellipse((c + cx * u - rx * u, c + cy * u - ry * u, c + cx * u + rx * u, c + cy * u + ry * u), fill=WHITE)

    ellipse(2, 14, 17, 30)  # sole
    for cx, cy, r in ((-10, -26, 7.5), (3, -31, 6), (14, -28, 5), (23, -22, 4.2), (29, -14, 3.6)):
        ellipse(cx, cy, r, r * 1.15)


def draw_icon(size: int, *, maskable: bool) -> Image.Image:
    image = Image.new("RGB", (size, size), BRAND) if maskable else Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if not maskable:
        draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 5, fill=BRAND)
    # Maskable icons may be cropped to a circle of 80% diameter: draw smaller there.
    _footprint(draw, size, 0.62 if maskable else 0.8)
    return image


class Command(BaseCommand):
    help = "Write the app icons (192/512, plain and maskable) and favicon.ico into footlog/static/footlog/icons/."

    def handle(self, *args: object, **options: object) -> None:
        OUT.mkdir(parents=True, exist_ok=True)
        for size in (192, 512):
            draw_icon(size, maskable=False).save(OUT / f"icon-{size}.png", optimize=True)
            draw_icon(size, maskable=True).save(OUT / f"maskable-{size}.png", optimize=True)
        draw_icon(180, maskable=True).save(OUT / "apple-touch-icon.png", optimize=True)
        # /favicon.ico: what browsers fetch by themselves; drawn large, scaled down into the three usual sizes.
        draw_icon(256, maskable=False).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
        self.stdout.write(f"icons written to {OUT}")
