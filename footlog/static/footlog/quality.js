/* The photo-quality measure of footlog.diary.imaging.measure, run on the phone before Save so the prompt stands
 * beside the photo while it can still be retaken. Same steps, same thresholds (handed over by the page as
 * config.quality, from imaging.quality_rules): a grey reduction to about `edge` px; sharpness = fine detail
 * (|grey - 3x3 box blur|) over coarse detail (|3x3 - 9x9 box blur|) where the coarse detail reaches
 * `detail_min`; exposure from the mean and the clipped shares. The server measures again on upload and stores
 * its own answer: this one is advice only. */
(function () {
  "use strict";

  // A box blur of radius r (size 2r+1) along rows then columns, edges extended, rounded like Pillow's BoxBlur.
  function boxBlur(src, w, h, r) {
    var k = 2 * r + 1, tmp = new Float32Array(w * h), out = new Uint8Array(w * h), x, y, i, sum;
    for (y = 0; y < h; y++) {
      var row = y * w;
      sum = 0;
      for (i = -r; i <= r; i++) sum += src[row + Math.min(w - 1, Math.max(0, i))];
      for (x = 0; x < w; x++) {
        tmp[row + x] = sum / k;
        sum += src[row + Math.min(w - 1, x + r + 1)] - src[row + Math.max(0, x - r)];
      }
    }
    for (x = 0; x < w; x++) {
      sum = 0;
      for (i = -r; i <= r; i++) sum += tmp[Math.min(h - 1, Math.max(0, i)) * w + x];
      for (y = 0; y < h; y++) {
        out[y * w + x] = Math.round(sum / k);
        sum += tmp[Math.min(h - 1, y + r + 1) * w + x] - tmp[Math.max(0, y - r) * w + x];
      }
    }
    return out;
  }

  /* {sharp, exposure, sharpness, mean} of a grey image (Uint8Array, w x h) under `rules`. */
  function judge(grey, w, h, rules) {
    var n = w * h, hist = new Array(256).fill(0), i;
    for (i = 0; i < n; i++) hist[grey[i]]++;
    var mean = 0;
    for (i = 0; i < 256; i++) mean += i * hist[i];
    mean /= n || 1;
    var low = 0, high = 0;
    for (i = 0; i < 9; i++) low += hist[i];
    for (i = 247; i < 256; i++) high += hist[i];
    var sharpness = 0;
    if (w >= 3 && h >= 3) {
      var b1 = boxBlur(grey, w, h, 1), b2 = boxBlur(grey, w, h, 4), fine = 0, coarse = 0, count = 0;
      for (i = 0; i < n; i++) {
        var c = Math.abs(b1[i] - b2[i]);
        if (c >= rules.detail_min) { coarse += c; fine += Math.abs(grey[i] - b1[i]); count++; }
      }
      sharpness = count >= rules.detail_min_pixels && coarse ? fine / coarse : 0;
    }
    var exposure = mean < rules.dark_mean || low / n > rules.clipped_share ? "dark"
      : mean > rules.bright_mean || high / n > rules.clipped_share ? "bright" : "ok";
    return { sharp: sharpness >= rules.sharp_min_ratio, exposure: exposure, sharpness: sharpness, mean: mean };
  }

  /* Measure a photo (Blob). Resolves null where the browser cannot decode it: no advice, nothing refused. */
  function measure(blob, rules) {
    if (!window.createImageBitmap || !rules) return Promise.resolve(null);
    return createImageBitmap(blob, { imageOrientation: "from-image" }).then(function (bmp) {
      var factor = Math.max(1, Math.round(Math.max(bmp.width, bmp.height) / rules.edge));
      var w = Math.max(1, Math.floor(bmp.width / factor)), h = Math.max(1, Math.floor(bmp.height / factor));
      var canvas = document.createElement("canvas");
      canvas.width = w; canvas.height = h;
      var ctx = canvas.getContext("2d", { willReadFrequently: true });
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(bmp, 0, 0, w, h);
      var rgba = ctx.getImageData(0, 0, w, h).data, grey = new Uint8Array(w * h);
      for (var i = 0, j = 0; i < grey.length; i++, j += 4) {
        // ITU-R 601 luma, as Pillow's convert("L")
        grey[i] = (rgba[j] * 19595 + rgba[j + 1] * 38470 + rgba[j + 2] * 7471 + 0x8000) >> 16;
      }
      return judge(grey, w, h, rules);
    }).catch(function () { return null; });
  }

  window.FootlogQuality = { measure: measure, judge: judge };
})();
