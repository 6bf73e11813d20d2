"""Image files for the photo tests, made on the fly (no binary fixtures in the repo), and the photo directory."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any

import pillow_heif
from PIL import ExifTags, Image, ImageCms

RED = (220, 30, 30)
BLUE = (30, 30, 220)
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description secret="xmp-marker"/></rdf:RDF></x:xmpmeta>'


def two_tone(width: int = 300, height: int = 200) -> Image.Image:
    """Top half red, bottom half blue: shows after decoding which way up the image was turned."""
    image = Image.new("RGB", (width, height), RED)
    image.paste(BLUE, (0, height // 2, width, height))
    return image


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    if fmt == "HEIF":
        pillow_heif.from_pillow(image).save(out, quality=80)
    else:
        image.save(out, format=fmt, **options)
    return out.getvalue()


def jpeg(width: int = 300, height: int = 200) -> bytes:
    return encode(two_tone(width, height), "JPEG", quality=90)


def jpeg_with_gps_rotated() -> bytes:
    """A 300x200 JPEG with GPS EXIF, XMP and orientation 6 (display rotated 90° clockwise → 200x300)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 31.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (13.0, 24.0, 36.0)
    return encode(two_tone(), "JPEG", quality=90, exif=exif.tobytes(), xmp=XMP)


def png_with_html() -> bytes:
    return encode(two_tone(), "PNG") + b"<html><script>alert('stored-xss')</script></html>"


def huge_png_header(width: int = 20000, height: int = 20000) -> bytes:
    """A valid PNG signature and IHDR announcing widthxheight, with a tiny IDAT: a few hundred bytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    )


def psd_header() -> bytes:
    # Pillow reads PSD but cannot write it: the signature and version are what a sniffer sees.
    return b"8BPS\x00\x01" + b"\x00" * 6 + struct.pack(">HIIHH", 3, 100, 100, 8, 3) + b"\x00" * 64


def truncated_jpeg() -> bytes:
    data = encode(Image.effect_noise((400, 300), 60).convert("RGB"), "JPEG", quality=90)
    return data[: len(data) // 2]


def use_photo_dir(settings: Any, tmp_path: Path) -> Path:
    """Store photos in a temporary directory for the test (the `photo_dir` fixtures); returns that directory."""
    root = tmp_path / "photos"
    settings.STORAGES = {
        **settings.STORAGES,
        "photos": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root), "base_url": None},
        },
    }
    settings.FOOTLOG_PHOTO_X_ACCEL_PREFIX = ""
    return root


def files_in(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def wide_gamut_profile() -> bytes:
    """An RGB ICC profile that does not call itself sRGB (the colorants are sRGB's: a stand-in for Display P3)."""
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    name = "sRGB built-in".encode("utf-16-be")  # the description tag is UTF-16
    assert srgb.count(name) == 1
    return srgb.replace(name, "Wide built-in".encode("utf-16-be"))


SKIN = (214, 160, 130)


def skin_photo(
    width: int = 2400, height: int = 1800, *, seed: int = 1, blur: float = 0.0, brightness: float = 1.0
) -> bytes:
    """A phone-like JPEG of skin: tone with soft light fall-off, fine texture, pores, creases and 1-3 mm white
    bumps (4-10 px at this size), then optionally `blur` (a Gaussian radius, in px: focus or shake) and a
    `brightness` factor (0.3 = a dark room, 1.7 = flash too close), and sensor grain last, as a camera adds it
    after the optics. The images footlog.diary.imaging's quality thresholds were calibrated on."""
    import random

    from PIL import ImageDraw, ImageEnhance, ImageFilter

    rnd = random.Random(seed)
    light = Image.radial_gradient("L").resize((width, height)).point(lambda v: 255 - v // 3)
    image = Image.composite(
        Image.new("RGB", (width, height), SKIN), Image.new("RGB", (width, height), (150, 105, 85)), light
    )
    texture = Image.effect_noise((width // 2, height // 2), 40).resize((width, height), Image.Resampling.BICUBIC)
    tinted = Image.merge("RGB", (texture, texture.point(lambda v: v * 4 // 5), texture.point(lambda v: v * 7 // 10)))
    image = Image.blend(image, tinted, 0.12)
    draw = ImageDraw.Draw(image)
    for _ in range(width * height // 4000):  # pores
        x, y, r = rnd.randrange(width), rnd.randrange(height), rnd.randint(1, 2)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(170, 120, 98))
    for _ in range(40):  # creases
        x, y = rnd.randrange(width), rnd.randrange(height)
        draw.line((x, y, x + rnd.randint(-200, 200), y + rnd.randint(-30, 30)), fill=(180, 128, 104), width=2)
    for _ in range(12):  # milia
        x, y, r = rnd.randint(width // 4, 3 * width // 4), rnd.randint(height // 4, 3 * height // 4), rnd.randint(4, 10)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(248, 240, 222), outline=(200, 160, 140))
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    if brightness != 1.0:
        image = ImageEnhance.Brightness(image).enhance(brightness)
    grain = Image.effect_noise((width, height), 12).convert("RGB")
    image = Image.blend(image, grain, 0.04)
    # Blend pulls towards grey 128 by 4 %; it stays skin-like, and identical for every variant.
    return encode(image, "JPEG", quality=88)
