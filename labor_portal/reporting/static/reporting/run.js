// Polls the run's status and shows progress, then the download links, without reloading the page.
(function () {
  "use strict";
  var root = document.getElementById("report-run");
  if (!root) return;
  var bar = document.getElementById("run-progress");
  var statusText = document.getElementById("run-status");
  var errorText = document.getElementById("run-error");
  var downloads = document.getElementById("run-downloads");
  var csvList = document.getElementById("run-csv");

  function showDownloads(links) {
    downloads.querySelectorAll("[data-link]").forEach(function (a) {
      a.href = links[a.getAttribute("data-link")];
    });
    csvList.textContent = "";
    Object.keys(links.csv || {}).forEach(function (tableId) {
      var item = document.createElement("li");
      var a = document.createElement("a");
      a.href = links.csv[tableId];
      a.textContent = tableId + ".csv";
      item.appendChild(a);
      csvList.appendChild(item);
    });
    downloads.hidden = false;
  }

  function poll() {
    fetch(root.getAttribute("data-status-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (run) {
        bar.value = run.progress;
        bar.textContent = run.progress + "%";
        statusText.textContent = run.status_display + "（" + run.progress + "%）";
        if (run.status === "done") { showDownloads(run.links); return; }
        if (run.status === "failed") { errorText.textContent = run.error; errorText.hidden = false; return; }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
