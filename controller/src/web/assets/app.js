// Cyberbrain console: the only script. Pages work without it; it adds two things.
// 1. A one-time sign-in link page submits its form by itself.
// 2. A running run's page follows its progress over server-sent events (the browser resumes
//    with Last-Event-ID after a drop) and reloads once the run has ended, to show the report;
//    it stops when the session has ended.
// Event text is only ever set with textContent: it never becomes markup.
"use strict";
(function () {
  var auto = document.querySelector("form[data-autosubmit]");
  if (auto) {
    auto.submit();
    return;
  }
  var live = document.getElementById("live");
  if (!live || !window.EventSource) {
    return;
  }
  var log = document.getElementById("live-log");
  var state = document.getElementById("live-state");
  var source = new EventSource(live.getAttribute("data-events"));
  function show(event) {
    var data = JSON.parse(event.data);
    var line = document.createElement("li");
    var text = "#" + data.seq + " " + data.kind + " " + data.status;
    if (data.kind === "job") {
      text += " · " + data.agent + " · " + data.task + " (attempt " + data.attempt + ")";
      var cell = document.querySelector('[data-job="' + data.job_id + '"]');
      if (cell) {
        cell.textContent = data.status;
        cell.className = "badge";
      }
    } else {
      var run = document.getElementById("run-status");
      if (run) {
        run.textContent = data.status;
        run.className = "badge";
      }
    }
    if (data.error) {
      text += " · " + data.error;
    }
    line.textContent = text;
    log.appendChild(line);
  }
  source.addEventListener("job", show);
  source.addEventListener("run", show);
  source.addEventListener("end", function () {
    source.close();
    state.textContent = "The run has ended; loading its report…";
    window.location.reload();
  });
  source.addEventListener("signed-out", function () {
    source.close();
    state.textContent = "Your session has ended (signed out, or its token was revoked): reload to sign in again.";
  });
  source.onerror = function () {
    state.textContent = "Connection lost; reconnecting…";
  };
  source.onopen = function () {
    state.textContent = "Live: following this run.";
  };
})();
