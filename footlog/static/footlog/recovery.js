/* Recovery codes (shown once): copy them, or save them as a text file, without another trip to the server. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var codes = $("recovery_codes"), status = $("codes-status");
  if (!codes) return;
  function text() { return codes.value.trim() + "\n"; }

  $("codes-copy").addEventListener("click", function () {
    var done = function () { status.textContent = gettext("Copied. Paste them into your password manager or a note."); };
    var byHand = function () {  // no clipboard API (an insecure origin): select them for the person to copy
      codes.focus(); codes.select();
      status.textContent = document.execCommand && document.execCommand("copy") ? gettext("Copied.") : gettext("Selected: copy them now.");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text()).then(done, byHand);
    else byHand();
  });

  $("codes-download").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([gettext("footlog recovery codes: each works once.") + "\n\n" + text()], { type: "text/plain" }));
    var link = document.createElement("a");
    link.href = url; link.download = "footlog-recovery-codes.txt";
    document.body.appendChild(link); link.click(); link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    status.textContent = interpolate(gettext("Saved as %(file)s."), { file: link.download }, true);
  });
})();
