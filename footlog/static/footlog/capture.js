/* Guided capture on the day form: the live rear camera (getUserMedia) with the spot's last photo of the same
 * kind over it as a ghost (40 % opacity, CSS .ghost), a switch to hide it, and short prompts. Without a live
 * camera, a picture chosen from the camera app or the files is shown under the ghost before it is used.
 * The photo is drawn from the video frame alone: the ghost is a separate <img> laid over the video, never drawn
 * into the canvas. today.js opens it (FootlogCapture.open) and queues what comes back like any other photo. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var dialog = $("capture");
  if (!dialog) return;
  var video = $("capture-video"), ghost = $("capture-ghost"), still = $("capture-still"), stage = $("capture-stage");
  var stream = null, session = null, stillBlob = null, stillUrl = null;

  var PROMPTS = {
    overview: gettext("Overview: about 20 cm away, the whole spot in view."),
    closeup: gettext("Close-up: near enough that the bumps fill the frame, still sharp."),
  };
  var ALWAYS = " " + gettext("Camera square to the skin, daylight and no flash, a coin or ruler in frame.");

  function stop() {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    video.srcObject = null;
    delete dialog.dataset.live;
  }
  function forgetStill() {
    if (stillUrl) URL.revokeObjectURL(stillUrl);
    stillUrl = null; stillBlob = null;
    still.removeAttribute("src");
  }
  function close() {
    stop(); forgetStill();
    session = null;
    if (dialog.open) dialog.close();
  }
  dialog.addEventListener("close", function () { stop(); forgetStill(); session = null; });

  function fit(width, height) {
    // CSSOM, not a style attribute (the CSP allows none): the stage takes the picture's own shape, so the
    // ghost (object-fit: cover on the same box) lines up with what will be kept.
    if (width && height) stage.style.aspectRatio = width + " / " + height;
  }
  function message(text) {
    $("capture-msg").textContent = text || "";
    $("capture-msg").hidden = !text;
  }

  /* The ghost: {url, label} of the latest earlier photo of the same spot and kind, or null. */
  function setGhost(photo, owner) {
    if (owner && owner !== session) return;  // an answer for a capture that is already closed
    if (session) session.ghost = photo;
    $("ghost-row").hidden = !photo;
    if (!photo) { ghost.hidden = true; ghost.removeAttribute("src"); dialog.dataset.ghost = "none"; return; }
    ghost.src = photo.url;
    ghost.alt = interpolate(gettext("%(photo)s, as a guide"), { photo: photo.label }, true);
    $("ghost-label").textContent = interpolate(gettext("Show %(photo)s as a guide"), { photo: photo.short }, true);
    ghost.hidden = !$("ghost-on").checked;
    dialog.dataset.ghost = "shown";
    prompt();
  }
  $("ghost-on").addEventListener("change", function () {
    ghost.hidden = !this.checked || !(session && session.ghost);
  });

  function prompt() {
    if (!session) return;
    $("capture-prompt").textContent = PROMPTS[session.view] + ALWAYS +
      (session.ghost ? " " + gettext("Line the spot up with the faint last photo.") : "");
  }

  function mode(review) {
    $("capture-live").hidden = review;
    $("capture-review").hidden = !review;
    video.hidden = review;
    still.hidden = !review;
  }

  function showStill(blob) {
    stop(); forgetStill();
    stillBlob = blob; stillUrl = URL.createObjectURL(blob);
    still.onload = function () { fit(still.naturalWidth, still.naturalHeight); };
    still.src = stillUrl;
    mode(true);
    message("");
  }

  function startCamera() {
    mode(false);
    $("capture-shoot").hidden = false;
    message(gettext("Starting the camera…"));
    var md = navigator.mediaDevices;
    if (!md || !md.getUserMedia) { noCamera(); return; }
    md.getUserMedia({ audio: false, video: { facingMode: { ideal: "environment" }, width: { ideal: 1920 },
                                             height: { ideal: 1440 } } })
      .then(function (s) {
        if (!session) { s.getTracks().forEach(function (t) { t.stop(); }); return; }
        stream = s;
        video.srcObject = s;
        return video.play().then(function () {
          fit(video.videoWidth, video.videoHeight);
          message("");
          dialog.dataset.live = "true";  // frames are coming (tests wait for this)
        });
      })
      .catch(noCamera);
  }
  function noCamera() {
    stop();
    $("capture-shoot").hidden = true;
    video.hidden = true;
    message(gettext("No live camera here (or it was not allowed). Take the photo with the camera app or choose one."));
  }

  /* The frame on screen, at the camera's own resolution, as a JPEG. Only the video is drawn. */
  function shoot() {
    if (!stream || !video.videoWidth) return;
    var canvas = document.createElement("canvas");
    canvas.width = video.videoWidth; canvas.height = video.videoHeight;
    canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
    $("capture-shoot").disabled = true;
    canvas.toBlob(function (blob) {
      $("capture-shoot").disabled = false;
      if (!blob || !session) return;
      var use = session.onUse;
      close();
      use(blob, "camera.jpg");
    }, "image/jpeg", 0.92);
  }
  $("capture-shoot").addEventListener("click", shoot);

  $("capture-file").addEventListener("change", function () {
    var file = this.files[0];
    this.value = "";
    if (!file || !session) return;
    var prepare = session.prepare || function (f) { return Promise.resolve(f); };
    prepare(file).then(function (blob) { if (session) showStill(blob); });
  });
  $("capture-use").addEventListener("click", function () {
    if (!stillBlob || !session) return;
    var blob = stillBlob, use = session.onUse;
    stillBlob = null;  // handed over: its preview URL goes with the dialog
    close();
    use(blob, "photo.jpg");
  });
  $("capture-close").addEventListener("click", close);
  $("capture-scale").addEventListener("change", function () { if (session && session.onScale) session.onScale(this.checked); });

  /* opts: {title, view, scale (the tick), onScale(checked), ghost: {url, label, short} | null, still: Blob (a picture already chosen) | absent,
     prepare(file) -> Promise<Blob>, onUse(blob, name)}. Without `still`, the live camera starts. */
  function open(opts) {
    if (dialog.open) close();
    session = opts;
    $("capture-title").textContent = opts.title;
    $("capture-scale").checked = !!opts.scale;
    stage.style.aspectRatio = "";
    setGhost(opts.ghost || null);
    prompt();
    dialog.showModal();
    if (opts.still) showStill(opts.still); else startCamera();
  }

  window.FootlogCapture = { open: open, setGhost: setGhost, close: close,
                            isOpen: function () { return dialog.open; } };
})();
