"""The pure ingest pipeline (footlog.diary.imaging): formats by content, limits, upright, no metadata."""

from __future__ import annotations

import io
import time
import warnings
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageFile, JpegImagePlugin

from footlog.diary import imaging
from tests.diary import photo_samples as samples


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "HEIF"])
def test_accepted_formats_are_recognised_by_content_and_stored_as_jpeg(fmt: str) -> None:
    result = imaging.ingest(samples.encode(samples.two_tone(), fmt))
    assert result.source_format == fmt
    assert decoded(result.display.data).format == "JPEG"
    assert (result.display.width, result.display.height) == (300, 200)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"just some text, named photo.jpg by the client\n" * 20, "not an image"),
        (samples.encode(samples.two_tone(), "GIF"), "GIF"),
        (samples.encode(samples.two_tone(), "TIFF"), "TIFF"),
        (samples.psd_header(), "PSD"),
        (samples.truncated_jpeg(), "damaged or incomplete"),
        (b"\x00\x00\x00\x1cftypavif" + b"\x00" * 64, "media is not accepted"),
    ],
    ids=["empty", "text", "gif", "tiff", "psd", "truncated-jpeg", "avif"],
)
def test_rejected_inputs_name_the_problem(data: bytes, message: str) -> None:
    with pytest.raises(imaging.ImageRejected, match=message):
        imaging.ingest(data)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_truncated_file_is_rejected_even_when_another_library_allows_truncated_images(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # WeasyPrint sets this process-wide flag on import; uploads must still be decoded strictly.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    data = samples.encode(Image.effect_noise((400, 300), 60).convert("RGB"), fmt)
    with pytest.raises(imaging.ImageRejected, match="damaged or incomplete"):
        imaging.ingest(data[: len(data) * 2 // 3])
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # restored for the other library


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise AssertionError(f"no {field}")


def test_oversized_png_is_refused_from_its_header_fast_and_without_memory() -> None:
    data = samples.huge_png_header(20000, 20000)
    # Reset the peak-RSS mark (Linux), so VmHWM afterwards is this call's peak; C allocations count too.
    Path("/proc/self/clear_refs").write_text("5")
    before_kb = _status_kb("VmRSS")
    started = time.perf_counter()
    with pytest.raises(imaging.ImageRejected, match="50 megapixels"):
        imaging.ingest(data)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.2
    assert _status_kb("VmHWM") - before_kb < 20 * 1024  # decoding would need 1.2 GB


def test_pillow_decompression_bomb_warning_is_raised_as_an_error_not_just_logged() -> None:
    # 51 MP: Pillow raises only at 2x MAX_IMAGE_PIXELS; below that it merely warns and would go on decoding.
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with pytest.raises(imaging.ImageRejected, match="50 megapixels"):
            imaging.ingest(samples.huge_png_header(8500, 6000))
    assert not [w for w in seen if issubclass(w.category, Image.DecompressionBombWarning)]
    assert Image.MAX_IMAGE_PIXELS == imaging.MAX_PIXELS


def test_exif_orientation_is_applied_and_no_exif_xmp_or_gps_survives() -> None:
    source = samples.jpeg_with_gps_rotated()
    assert b"xmp-marker" in source and decoded(source).getexif().get_ifd(0x8825)  # the input really carries them
    result = imaging.ingest(source)
    for rendition in (result.display, result.thumb):
        image = decoded(rendition.data)
        assert image.size[1] > image.size[0]  # 300x200 turned to portrait
        assert "exif" not in image.info and "xmp" not in image.info
        assert not image.getexif()
        for marker in (b"Exif\x00\x00", b"xmp-marker", b"PhoneMaker", b"http://ns.adobe.com/xap"):
            assert marker not in rendition.data
    upright = decoded(result.display.data).convert("RGB")
    # Orientation 6 turns the red top edge to the right: the right column is red, the left one blue.
    assert upright.getpixel((upright.width - 5, upright.height // 2))[0] > 180
    assert upright.getpixel((5, upright.height // 2))[2] > 180


def test_bytes_appended_after_a_png_are_not_stored() -> None:
    result = imaging.ingest(samples.png_with_html())
    assert b"<html>" not in result.display.data and b"script" not in result.thumb.data


def test_large_photo_is_scaled_to_display_and_thumbnail_edges() -> None:
    result = imaging.ingest(samples.jpeg(4000, 3000))
    assert (result.display.width, result.display.height) == (2048, 1536)
    assert (result.thumb.width, result.thumb.height) == (512, 384)
    assert decoded(result.thumb.data).size == (512, 384)


def test_large_jpeg_is_decoded_in_draft_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    decoded_sizes: list[tuple[int, int]] = []
    original = JpegImagePlugin.JpegImageFile.load

    def spy(self: JpegImagePlugin.JpegImageFile) -> object:
        pixels = original(self)
        decoded_sizes.append(self.size)
        return pixels

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", spy)
    imaging.ingest(samples.jpeg(8000, 6000))
    # libjpeg scaled by 1/2 while decoding: 4000x3000 still covers 2048, and 48 MP were never in memory.
    assert decoded_sizes[0] == (4000, 3000)


def test_transparent_png_is_flattened_onto_white() -> None:
    image = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    result = imaging.ingest(samples.encode(image, "PNG"))
    assert decoded(result.display.data).convert("RGB").getpixel((50, 50)) == (255, 255, 255)


def test_colour_profile_is_applied_not_copied_so_no_uploaded_bytes_survive() -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = samples.encode(samples.two_tone(), "JPEG", quality=95, icc_profile=srgb + b"<html>icc-marker</html>")
    assert b"icc-marker" in source
    result = imaging.ingest(source)
    image = decoded(result.display.data)
    assert "icc_profile" not in image.info and b"icc-marker" not in result.display.data
    assert image.convert("RGB").getpixel((150, 20))[0] > 180  # still red: sRGB to sRGB changes nothing


def test_unreadable_colour_profile_is_ignored() -> None:
    source = samples.encode(samples.two_tone(), "JPEG", icc_profile=b"not a profile at all")
    result = imaging.ingest(source)
    assert "icc_profile" not in decoded(result.display.data).info


def test_non_srgb_colour_profile_is_converted_to_srgb(monkeypatch: pytest.MonkeyPatch) -> None:
    applied: list[object] = []
    original = ImageCms.applyTransform

    def spy(image: Image.Image, transform: object, inPlace: bool = False) -> object:
        applied.append(transform)
        return original(image, transform, inPlace)

    monkeypatch.setattr(ImageCms, "applyTransform", spy)
    source = samples.encode(samples.two_tone(), "JPEG", quality=95, icc_profile=samples.wide_gamut_profile())
    result = imaging.ingest(source)
    assert len(applied) == 1
    image = decoded(result.display.data)
    assert "icc_profile" not in image.info
    assert image.convert("RGB").getpixel((150, 20))[0] > 180
