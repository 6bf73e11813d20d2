"""Turn an uploaded photo into two clean JPEGs (display and thumbnail). Pure Pillow: no Django, no storage.

Contract of `ingest(data)`:
- The format is decided by the bytes, never by the name: JPEG, PNG, WebP and HEIC/HEIF are accepted, everything
  else (GIF, TIFF, PSD, text, empty input, ...) raises `ImageRejected` with a message for the user.
- Images over `MAX_PIXELS` are refused from the header alone, before any pixel is decoded; Pillow's
  decompression-bomb warning is an error too, so no code path decodes a bomb.
- The whole image is decoded: a truncated file is rejected, never stored half grey.
- The result is upright (EXIF orientation applied), in sRGB (an embedded colour profile is applied, not copied),
  and carries no EXIF, XMP, GPS or ICC data; bytes appended after the image (HTML, archives) are gone because
  only decoded pixels are re-encoded.
- JPEG sources are decoded in draft mode (libjpeg's DCT scaling) straight to the smallest scale that still covers
  the display size, which keeps 48 MP photos fast and small in memory.
- The result carries a `Quality` measured on the decoded pixels (sharpness, exposure): advice for the user, never a
  reason to refuse a photo.
"""

from __future__ import annotations

import functools
import io
import math
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

import pillow_heif
from PIL import Image, ImageCms, ImageFile, ImageFilter, ImageOps, ImageStat

MAX_PIXELS = 50_000_000
DISPLAY_EDGE = 2048
THUMB_EDGE = 512
DISPLAY_QUALITY = 85
THUMB_QUALITY = 80
# The one resample from the decode to the display. Bicubic (Pillow's thumbnail default) rather than Lanczos: for the
# usual 1.5-2x reduction of a 12 MP photo it costs about 2/3 of Lanczos (the largest single step of ingest) and the
# result differs by 0.4-0.8 levels of 255 on average on the calibration skin photos (bench/photo_ingest.py).
DISPLAY_RESAMPLE = Image.Resampling.BICUBIC
CONTENT_TYPE = "image/jpeg"

# Pillow names of the formats we accept, as detected from content; Image.open tries only these decoders.
ACCEPTED = ("JPEG", "PNG", "WEBP", "HEIF")

pillow_heif.register_heif_opener()
# Pillow warns above MAX_IMAGE_PIXELS and raises above twice that; footlog wants an error at the limit itself.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
warnings.simplefilter("error", Image.DecompressionBombWarning)
_DECODE_LOCK = threading.Lock()
_SRGB = ImageCms.createProfile("sRGB")


# Quality is measured on a grey reduction with a long edge of about QUALITY_EDGE: sensor noise averages out and
# the figures do not depend on the phone's resolution. Calibrated on generated skin photos (skin tone, pores,
# creases, 1-3 mm white bumps, grain added after the optics: tests/diary/photo_samples.skin_photo) at 1200, 2400
# and 4000 px: sharp ones read a Laplacian variance of 40-100 (33-87 in dim light once scaled, see below),
# the same photos blurred by a Gaussian of 1 px at the measuring size 7-13, and less when blurred more; a flat
# colour reads 0. The threshold sits between (tests/diary/test_photo_quality.py pins these).
QUALITY_EDGE = 1024
SHARP_MIN_LAPLACIAN_VARIANCE = 25.0
# Detail contrast falls with the light: below this mean the variance is scaled up by (mean/this)^-2, so a dim but
# sharp photo is not called blurred (it may be called dark).
SHARPNESS_REFERENCE_MEAN = 128.0
# Luminance 0-255 (ITU-R 601, Pillow's "L"). Well-lit skin reads about 120-200 on light skin, 65-110 on dark skin:
# "dark" is set low enough that dark skin in good light is not called dark.
DARK_MEAN = 55.0
BRIGHT_MEAN = 215.0
CLIPPED_SHARE = 0.25  # more than this share of pixels at 0-8 (dark) or 247-255 (bright) is badly exposed too
_LAPLACIAN = ImageFilter.Kernel((3, 3), [0, 1, 0, 1, -4, 1, 0, 1, 0], scale=1, offset=128)


class ImageRejected(ValueError):
    """The upload is not an image footlog stores; `str(exc)` is a message meant for the user."""


@dataclass(frozen=True)
class Rendition:
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Quality:
    """How usable the photo is for comparison. `laplacian_variance` (scaled for dim light) and `mean_luminance` are
    the measured figures, for tests and calibration; only `sharp` and `exposure` are stored."""

    sharp: bool
    exposure: str  # "ok" | "dark" | "bright" (footlog.diary.models.EXPOSURES)
    laplacian_variance: float
    mean_luminance: float


@dataclass(frozen=True)
class IngestedImage:
    source_format: str  # "JPEG" | "PNG" | "WEBP" | "HEIF"
    display: Rendition  # long edge at most DISPLAY_EDGE
    thumb: Rendition  # long edge at most THUMB_EDGE
    quality: Quality | None = None  # None only when ingest was asked not to measure (the benchmark)


_ACCEPTED_TEXT = "a JPEG, PNG, WebP or HEIC photo"
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_OTHER_SIGNATURES = [
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"8BPS", "PSD"),
    (b"BM", "BMP"),
    (b"%PDF", "PDF"),
]


def sniff(head: bytes) -> str:
    """Name the accepted format the first bytes announce, or raise ImageRejected naming what was sent."""
    if not head:
        raise ImageRejected("The file is empty.")
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "HEIF"
    if head[4:8] == b"ftyp":  # ISO media (AVIF, MP4, ...) that is not HEIF
        raise ImageRejected(f"This kind of media is not accepted; {_ACCEPTED_TEXT} is.")
    for signature, name in _OTHER_SIGNATURES:
        if head.startswith(signature):
            raise ImageRejected(f"{name} images are not accepted; {_ACCEPTED_TEXT} is.")
    raise ImageRejected(f"This file is not an image; {_ACCEPTED_TEXT} is accepted.")


def ingest(data: bytes, *, measure_quality: bool = True) -> IngestedImage:
    """Validate, decode and re-encode `data`; see the module docstring for the guarantees.

    `measure_quality=False` skips the quality measure (`quality` is then None): only for bench/photo_ingest.py,
    which times ingest with and without it.
    """
    source_format = sniff(data[:32])
    try:
        return _ingest(data, source_format, measure_quality)
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected(_too_many_pixels()) from None
    except (OSError, SyntaxError, ValueError, EOFError, Image.UnidentifiedImageError) as exc:
        # Pillow reports corrupt and truncated data with these; the detail is for logs, not the user.
        raise ImageRejected("The image is damaged or incomplete and could not be read.") from exc


def _too_many_pixels() -> str:
    return f"The image is too large: at most {MAX_PIXELS // 1_000_000} megapixels are accepted."


def _ingest(data: bytes, source_format: str, measure_quality: bool) -> IngestedImage:
    # Again per call: a test runner or library may reset the process-wide filters set at import.
    with _strict_decoding(), warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data), formats=[source_format]) as opened:
            width, height = opened.size
            if width * height > MAX_PIXELS:
                raise ImageRejected(_too_many_pixels())
            if opened.format == "JPEG":
                opened.draft("RGB" if opened.mode == "RGB" else None, _draft_size(width, height))
            opened.load()  # decodes everything; raises on truncated data
            icc = opened.info.get("icc_profile")
            # Shrink first, turn second: rotating 2048 px is cheaper than rotating the full decode. The shrunk
            # copy keeps `info` (EXIF/XMP orientation) for exif_transpose; _encode drops it afterwards.
            shrunk = _shrink(_rgb(opened), DISPLAY_EDGE, resample=DISPLAY_RESAMPLE)
            display = _to_srgb(ImageOps.exif_transpose(shrunk), icc)
    # The thumbnail and the quality measure share one box reduction of the display (see _reductions).
    thumb, measured_on = _reductions(display)
    return IngestedImage(
        source_format=source_format,
        display=_encode(display, DISPLAY_QUALITY),
        thumb=_encode(thumb, THUMB_QUALITY),
        quality=measure(measured_on) if measure_quality else None,
    )


def _reductions(display: Image.Image) -> tuple[Image.Image, Image.Image]:
    """The thumbnail, and the image to measure quality on (the display or a 1/2 box reduction of it).

    A display of 1536-2048 px is measured at half size anyway (`measure` box-reduces by 2), and 2048 -> 512 is an
    exact 1/4: one `reduce(2)` serves the measure, a second one makes the thumbnail, with no resampling filter.
    Box averaging by an integer factor is what `_shrink`'s reducing_gap does before its Lanczos step too.
    """
    if round(max(display.size) / QUALITY_EDGE) != 2:
        return _shrink(display, THUMB_EDGE, reducing_gap=2.0), display
    half = display.reduce(2)  # an odd edge ends in a half-width row or column: `box` maps the display exactly
    size = _fit(display.size, THUMB_EDGE)
    box = (0.0, 0.0, display.width / 2, display.height / 2)
    return half.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=1.0), half


def measure(image: Image.Image) -> Quality:
    """Sharpness and exposure of a decoded RGB or grey image, measured on a ~QUALITY_EDGE px grey reduction.

    Sharpness: variance of the 3x3 Laplacian (fine detail: pores, bump edges); a blurred or shaken photo has
    little. Exposure: mean luminance, and the share of pixels clipped to black or to white. About 5 ms for a
    2048 px display rendition.
    """
    grey = image.convert("L")
    factor = max(1, round(max(grey.size) / QUALITY_EDGE))
    if factor > 1:
        grey = grey.reduce(factor)  # box average: cheap, and it averages the sensor noise out
    histogram = grey.histogram()
    pixels = sum(histogram) or 1
    mean = sum(level * n for level, n in enumerate(histogram)) / pixels
    width, height = grey.size
    if width < 3 or height < 3:
        laplacian_variance = 0.0
    else:
        # Pillow's 3x3 filter copies the outermost pixels unfiltered: leave them out, or a flat grey image would
        # read as detailed (its border against the offset of 128).
        edges = grey.filter(_LAPLACIAN).crop((1, 1, width - 1, height - 1))
        laplacian_variance = ImageStat.Stat(edges).var[0]
    if mean < SHARPNESS_REFERENCE_MEAN:
        laplacian_variance *= (SHARPNESS_REFERENCE_MEAN / max(mean, 16.0)) ** 2
    if mean < DARK_MEAN or sum(histogram[:9]) / pixels > CLIPPED_SHARE:
        exposure = "dark"
    elif mean > BRIGHT_MEAN or sum(histogram[247:]) / pixels > CLIPPED_SHARE:
        exposure = "bright"
    else:
        exposure = "ok"
    return Quality(
        sharp=laplacian_variance >= SHARP_MIN_LAPLACIAN_VARIANCE,
        exposure=exposure,
        laplacian_variance=round(laplacian_variance, 2),
        mean_luminance=round(mean, 1),
    )


@contextmanager
def _strict_decoding() -> Iterator[None]:
    """Decode with Pillow's LOAD_TRUNCATED_IMAGES off, whatever the process-wide value.

    WeasyPrint (the PDF report) sets that global to True when imported, which would let truncated uploads
    through as half-grey pictures. The flag is read during decoding, so it is switched off for the decode and
    restored after; the lock keeps threads from restoring it under each other, and also means a process decodes
    one photo at a time, which bounds its peak memory.
    """
    with _DECODE_LOCK:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _draft_size(width: int, height: int) -> tuple[int, int]:
    """The smallest size the display rendition needs, in the file's own orientation (scaling is uniform)."""
    scale = min(1.0, DISPLAY_EDGE / max(width, height))
    return math.ceil(width * scale), math.ceil(height * scale)


def _shrink(
    image: Image.Image,
    edge: int,
    reducing_gap: float = 3.0,
    resample: Image.Resampling = Image.Resampling.LANCZOS,
) -> Image.Image:
    if max(image.size) <= edge:
        return image
    # reducing_gap: box-reduce by an integer factor first, then the filter; visually the same, much faster.
    return image.resize(_fit(image.size, edge), resample, reducing_gap=reducing_gap)


def _fit(size: tuple[int, int], edge: int) -> tuple[int, int]:
    """`size` scaled so that its long edge is `edge`."""
    width, height = size
    scale = edge / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _rgb(image: Image.Image) -> Image.Image:
    """JPEG holds RGB or grey: flatten transparency onto white, convert anything else to RGB."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        background.info = dict(image.info)  # keeps the orientation for exif_transpose
        return background
    return image.convert("RGB")


def _to_srgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """Convert from the embedded colour profile (e.g. an iPhone's Display P3) to sRGB.

    Photos of one site then compare alike on any screen, and no profile bytes from the upload (which could carry
    anything) are stored. An unreadable profile is ignored: the pixels are taken as sRGB.
    """
    if not icc_profile or image.mode != "RGB":
        return image
    with suppress(ImageCms.PyCMSError, OSError, ValueError, TypeError):  # unreadable: the pixels are kept as sRGB
        transform = _transform_to_srgb(icc_profile)
        if transform is not None:
            ImageCms.applyTransform(image, transform, inPlace=True)
    return image


@functools.lru_cache(maxsize=8)
def _transform_to_srgb(icc_profile: bytes) -> ImageCms.ImageCmsTransform | None:
    """The transform from this profile to sRGB, or None when it already is sRGB (most Android phones).

    Cached: building a transform costs about as much as applying it, and a phone sends the same profile with
    every photo.
    """
    source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
    if "srgb" in ImageCms.getProfileDescription(source).lower():
        return None
    return ImageCms.buildTransform(source, _SRGB, "RGB", "RGB")


def _encode(image: Image.Image, quality: int) -> Rendition:
    # A fresh info dict: Pillow may carry EXIF, XMP or the colour profile from `info` into the output.
    image.info = {}
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality, exif=b"")
    return Rendition(out.getvalue(), *image.size)
