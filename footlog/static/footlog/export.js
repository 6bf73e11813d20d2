/* Export and share: the PDF is built as a report job (progress bar, button disabled meanwhile), date ranges are
 * checked before anything is asked of the server and errors are told inline in words, the new share link can be
 * copied or handed to the phone's share sheet, and revoking a link asks first. Without JavaScript the page's
 * plain forms still work. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var MAX_DAYS = 5 * 366;

  function token() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function api(method, path, body) {
    return fetch("/api/v1/" + path, { method: method, credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token() },
      body: body === undefined ? undefined : JSON.stringify(body) });
  }
  function say(box, text) {
    box.textContent = text;
    box.hidden = !text;
  }
  /* The first problem with a from/to pair, in words, or "" when the range is fine. */
  function rangeProblem(from, to) {
    if (!from.value || !to.value) return gettext("Choose both dates.");
    var days = (Date.parse(to.value) - Date.parse(from.value)) / 86400000;
    if (isNaN(days)) return gettext("Those dates are not valid.");
    if (days < 0) return gettext("The first date is after the last one: swap them.");
    if (days > MAX_DAYS) return gettext("A report can cover at most five years.");
    return "";
  }
  /* The server's error body as words: its field messages, else its detail. */
  function problemOf(response) {
    return response.json().then(function (body) {
      var errors = body.errors || {};
      var words = Object.keys(errors).map(function (k) { return [].concat(errors[k]).join(" "); });
      return words.join(" ") || body.detail || gettext("Something went wrong; try again.");
    }, function () { return interpolate(gettext("Something went wrong (%(status)s); try again."), response, true); });
  }

  var form = $("dl-form");
  if (form) {
    var error = $("dl-error"), bar = $("dl-progress"), pdf = $("dl-pdf"), status = $("dl-status");
    form.addEventListener("submit", function (event) {
      var problem = rangeProblem($("dl-from"), $("dl-to"));
      if (problem) {
        event.preventDefault();
        say(error, problem);
        return;
      }
      say(error, "");
      if (event.submitter !== pdf) return; // CSV and FHIR download as the form says
      event.preventDefault();
      buildReport();
    });

    var buildReport = function () {
      pdf.disabled = true;
      bar.value = 0;
      bar.hidden = false;
      say(status, gettext("Building the report…"));
      var body = { from: $("dl-from").value, to: $("dl-to").value, questions: $("dl-questions").value };
      api("POST", "exports/report-jobs/", body).then(function (response) {
        if (!response.ok) return problemOf(response).then(function (text) { throw new Error(text); });
        return response.json();
      }).then(poll).catch(function (err) {
        finish();
        say(error, err.message);
      });
    };
    var poll = function (job) {
      bar.value = job.progress || 0;
      if (job.state === "done") {
        finish();
        say(status, gettext("The report is ready."));
        window.location.assign(job.download_url);
        return;
      }
      if (job.state === "failed") throw new Error(job.error || gettext("The report could not be built; try again."));
      // The worker stopped mid-build and the sweep queued the job again: say so rather than spin on silently.
      say(status, job.retrying ? gettext("Retrying: the first attempt stopped. Building the report again…") : gettext("Building the report…"));
      return new Promise(function (resolve) { setTimeout(resolve, 700); }).then(function () {
        return api("GET", "exports/report-jobs/" + job.id + "/");
      }).then(function (response) {
        if (!response.ok) return problemOf(response).then(function (text) { throw new Error(text); });
        return response.json();
      }).then(poll);
    };
    var finish = function () {
      pdf.disabled = false;
      bar.hidden = true;
      say(status, "");
    };
  }

  var shareForm = $("share-form");
  if (shareForm) shareForm.addEventListener("submit", function (event) {
    var problem = rangeProblem($("sh-from"), $("sh-to"));
    var box = $("share-error");
    say(box, problem);
    if (problem) event.preventDefault();
  });

  var link = $("share-url"), copy = $("share-copy"), share = $("share-share"), copied = $("share-copied");
  /* Copy `box`'s text on `button`, saying so in `status` (or asking to copy by hand where the clipboard is shut). */
  function copier(button, box, status, copiedText, byHandText) {
    if (!button || !box) return;
    button.addEventListener("click", function () {
      var done = function () { say(status, copiedText); };
      var byHand = function () { box.select(); say(status, byHandText); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(box.value).then(done, byHand);
      } else {
        byHand();
      }
    });
  }
  copier(copy, link, copied, gettext("Link copied."), gettext("Select and copy the link."));
  copier($("shlink-url-copy"), $("shlink-url"), $("shlink-url-copied"), gettext("SMART Health Link copied."),
         gettext("Select and copy the SMART Health Link."));
  copier($("shlink-copy"), $("shlink"), $("shlink-copied"), gettext("Bare link copied."), gettext("Select and copy the bare link."));
  // navigator.share exists on phones (and not in desktop Linux Chromium): offer the share sheet only where it does.
  if (share && link && typeof navigator.share === "function") {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: gettext("My footlog history"), url: link.value }).catch(function () { /* dismissed */ });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.revoke"), function (revoke) {
    revoke.addEventListener("submit", function (event) {
      var what = revoke.getAttribute("data-what");
      if (!window.confirm(interpolate(gettext("Revoke the link for %(what)s? Whoever has it will no longer be able to open it."),
                                      { what: what }, true))) {
        event.preventDefault();
      }
    });
  });
})();
