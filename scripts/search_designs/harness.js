/*
 * The harness's search box (scripts/search_designs): the engine script sets window.benchEngine =
 * {load(config) → Promise, search(query) → Promise<[{href, label}]>}; opening search loads it, each
 * input searches, the latest query's results replace the list. Results are grouped by page, at
 * most PER_PAGE per page, as the edition's own dialog shows them.
 */
(function () {
  "use strict";
  var config = window.benchConfig;
  var input = document.getElementById("bench-q");
  var status = document.getElementById("bench-status");
  var list = document.getElementById("bench-results");
  var loading = null;
  var sequence = 0;

  function load() {
    if (!loading) loading = window.benchEngine.load(config);
    return loading;
  }

  document.getElementById("bench-open").addEventListener("click", function () {
    input.hidden = false;
    input.focus();
    load();
  });

  input.addEventListener("input", function () {
    var query = input.value;
    var mine = ++sequence;
    if (!query.trim()) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    load()
      .then(function () { return window.benchEngine.search(query); })
      .then(function (results) {
        if (mine !== sequence) return;
        list.textContent = "";
        results.forEach(function (result) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.className = "bench-link";
          link.href = result.href;
          link.textContent = result.label || result.href;
          item.appendChild(link);
          list.appendChild(item);
        });
        status.textContent = results.length + " results";
      })
      .catch(function (error) {
        if (mine === sequence) status.textContent = "error: " + error;
      });
  });

  /* Shared by the engines: ranked hits [{page, href, label, score}] → page groups, PER_PAGE each. */
  window.benchGroup = function (hits, perPage) {
    var order = [];
    var groups = new Map();
    hits.forEach(function (hit) {
      if (!groups.has(hit.page)) { groups.set(hit.page, []); order.push(hit.page); }
      groups.get(hit.page).push(hit);
    });
    var out = [];
    order.forEach(function (page) { out = out.concat(groups.get(page).slice(0, perPage || 3)); });
    return out;
  };

  /* The query normalisation every design gets: NFKC, lower case, traditional → simplified. */
  window.benchNormaliser = function (pairs) {
    var map = new Map();
    var chars = Array.from(pairs || "");
    for (var i = 0; i + 1 < chars.length; i += 2) map.set(chars[i], chars[i + 1]);
    return function (text) {
      var out = "";
      for (var c of text.normalize("NFKC").toLowerCase()) out += map.get(c) || c;
      return out.replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
    };
  };
})();
