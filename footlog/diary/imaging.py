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
from PIL import Image, ImageChops, ImageCms, ImageFile, ImageFilter, ImageOps, ImageStat, UnidentifiedImageError

MAX_PIXELS = 50_000_000
DISPLAY_EDGE = 2048
THUMB_EDGE = 512
DISPLAY_QUALITY = 85
THUMB_QUALITY = 80
# The one resample from the decode to the display, the largest single step of ingest. Hamming (a windowed sinc of
# support 1, which Pillow ranks above bilinear for reduction) rather than Lanczos (support 3) or bicubic (2): for
# the usual ~2x reduction of a 12 MP photo it costs 0.4 of Lanczos and 0.6 of bicubic, and the display differs from
# Lanczos's by 0.46 levels of 255 on average on the calibration skin photo (bicubic 0.29); the sharpness measure
# reads 0.98 where Lanczos gives 1.05 and bicubic 1.02, far above SHARP_MIN_RATIO (docs/performance.md).
DISPLAY_RESAMPLE = Image.Resampling.HAMMING
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
# the figures do not depend on the phone's resolution.
#
# Sharpness is a ratio, not an amount of detail: wherever the image has detail at a coarse scale (a 9x9 box blur
# differs from a 3x3 one by at least DETAIL_MIN levels), how much of it is also there at the finest scale (the
# image against its 3x3 box blur). In focus, edges are steep and the finest scale keeps a good share; out of focus
# it keeps little. A ratio does not depend on how much texture the skin has: the old measure (the Laplacian's
# variance, an amount) called a smooth in-focus photo blurred and a strongly textured blurred one sharp.
# Calibrated on generated photos (tests/diary/quality_fixtures.py: sharp-smooth, sharp-textured, blurred, dark,
# and photo_samples.skin_photo at 1200 and 2400 px): sharp ones read 0.33-0.75, blurred ones (Gaussian >= 1 px at
# the measuring size) 0.05-0.26. Generated fixtures show the measure is consistent, not that it is accurate on
# real phones. The same measure runs in the browser before Save (footlog/static/footlog/quality.js), with these
# constants handed over by the page (`quality_rules`).
QUALITY_EDGE = 1024
SHARP_MIN_RATIO = 0.28
DETAIL_MIN = 3  # grey levels: coarse detail below this is flat skin, not an edge to judge
DETAIL_MIN_PIXELS = 50  # fewer detailed pixels than this: nothing to judge, and a photo of nothing is no use
# Luminance 0-255 (ITU-R 601, Pillow's "L"). Well-lit skin reads about 120-200 on light skin, 65-110 on dark skin:
# "dark" is set low enough that dark skin in good light is not called dark.
DARK_MEAN = 55.0
BRIGHT_MEAN = 215.0
CLIPPED_SHARE = 0.25  # more than this share of pixels at 0-8 (dark) or 247-255 (bright) is badly exposed too


def quality_rules() -> dict[str, float]:
    """The thresholds, for the browser's copy of `measure` (one home: here)."""
    return {
        "edge": QUALITY_EDGE,
        "sharp_min_ratio": SHARP_MIN_RATIO,
        "detail_min": DETAIL_MIN,
        "detail_min_pixels": DETAIL_MIN_PIXELS,
        "dark_mean": DARK_MEAN,
        "bright_mean": BRIGHT_MEAN,
        "clipped_share": CLIPPED_SHARE,
    }


class ImageRejected(ValueError):
    """The upload is not an image footlog stores; `str(exc)` is a message meant for the user."""


@dataclass(frozen=True)
class Rendition:
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Quality:
    """How usable the photo is for comparison. `sharpness` (the fine-to-coarse detail ratio) and `mean_luminance`
    are the measured figures, for tests and calibration; only `sharp` and `exposure` are stored."""

    sharp: bool
    exposure: str  # "ok" | "dark" | "bright" (footlog.diary.models.EXPOSURES)
    sharpness: float
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
    except (OSError, SyntaxError, ValueError, EOFError, UnidentifiedImageError) as exc:
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

    Sharpness: the share of coarse detail that is also fine detail (see SHARP_MIN_RATIO); a blurred or shaken
    photo keeps little at the finest scale, whatever the skin's texture. Exposure: mean luminance, and the share
    of pixels clipped to black or to white.
    """
    grey = image.convert("L")
    factor = max(1, round(max(grey.size) / QUALITY_EDGE))
    if factor > 1:
        grey = grey.reduce(factor)  # box average: cheap, and it averages the sensor noise out
    histogram = grey.histogram()
    pixels = sum(histogram) or 1
    mean = sum(level * n for level, n in enumerate(histogram)) / pixels
    sharpness = _sharpness(grey)
    if mean < DARK_MEAN or sum(histogram[:9]) / pixels > CLIPPED_SHARE:
        exposure = "dark"
    elif mean > BRIGHT_MEAN or sum(histogram[247:]) / pixels > CLIPPED_SHARE:
        exposure = "bright"
    else:
        exposure = "ok"
    return Quality(
        sharp=sharpness >= SHARP_MIN_RATIO,
        exposure=exposure,
        sharpness=round(sharpness, 3),
        mean_luminance=round(mean, 1),
    )


# Where the coarse detail reaches DETAIL_MIN: a lookup table, built once (not a lambda Pillow calls 256 times a photo).
_DETAIL_MASK = [255 if level >= DETAIL_MIN else 0 for level in range(256)]


def _sharpness(grey: Image.Image) -> float:
    """Fine detail (|image - 3x3 box blur|) over coarse detail (|3x3 - 9x9 box blur|), summed where the coarse
    detail reaches DETAIL_MIN; 0 when fewer than DETAIL_MIN_PIXELS pixels have any (a flat or tiny image)."""
    if min(grey.size) < 3:
        return 0.0
    fine_blur = grey.filter(ImageFilter.BoxBlur(1))
    fine = ImageChops.difference(grey, fine_blur)
    coarse = ImageChops.difference(fine_blur, grey.filter(ImageFilter.BoxBlur(4)))
    # The detailed pixels are those whose coarse detail reaches DETAIL_MIN: their count and their coarse sum are read
    # off the coarse image's own histogram; only the fine sum needs the mask.
    coarse_histogram = coarse.histogram()
    if sum(coarse_histogram[DETAIL_MIN:]) < DETAIL_MIN_PIXELS:
        return 0.0
    coarse_sum = sum(level * pixels for level, pixels in enumerate(coarse_histogram) if level >= DETAIL_MIN)
    fine_sum = ImageStat.Stat(fine, coarse.point(_DETAIL_MASK)).sum[0]
    return fine_sum / coarse_sum if coarse_sum else 0.0


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
