/*
 * Pagefind through its JS API (pagefind.js picks the index of the page's <html lang>). Pagefind's
 * own sub_results split a page at headings only; the edition's results are paragraphs, so the
 * sub-results are computed here from the data Pagefind exposes for that (anchors, weighted
 * locations; see pagefind.app "Showing multiple results per page"), with every id'd <p> and
 * heading as an anchor, and ranked by how many different words of the query they hold (read
 * from the page's content at each location), then by the sum of their words' balanced scores.
 */
(function () {
  "use strict";
  var PAGES = 5; // pages whose data (fragment) a query loads, as Pagefind's UI does
  var pagefind = null;
  var normalise = null;

  function regions(data) {
    var anchors = (data.anchors || [])
      .filter(function (a) { return a.id && (/^h\d$/i.test(a.element) || a.element === "p"); })
      .sort(function (a, b) { return a.location - b.location; });
    var found = new Map();
    var content = (data.content || "").split(/\s+/);
    (data.weighted_locations || []).forEach(function (word) {
      var anchor = null;
      for (var i = 0; i < anchors.length && anchors[i].location <= word.location; i++) anchor = anchors[i];
      var href = anchor ? data.url + "#" + anchor.id : data.url;
      var region = found.get(href) || { page: data.url, href: href, label: anchor ? anchor.id : data.meta.title, score: 0, words: new Set() };
      region.score += word.balanced_score;
      region.words.add((content[word.location] || "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""));
      found.set(href, region);
    });
    return Array.from(found.values()).sort(function (a, b) {
      return b.words.size - a.words.size || b.score - a.score;
    });
  }

  window.benchEngine = {
    load: function (config) {
      var settings = fetch(config.site + "_bench/normalise.json")
        .then(function (response) { return response.json(); })
        .then(function (json) { normalise = window.benchNormaliser(json.simplify); });
      var engine = import(config.site + "pagefind/pagefind.js").then(function (module) {
        pagefind = module;
        return pagefind.init();
      });
      return Promise.all([settings, engine]);
    },
    search: function (query) {
      return pagefind.search(normalise(query)).then(function (found) {
        return Promise.all(found.results.slice(0, PAGES).map(function (r) { return r.data(); }));
      }).then(function (pages) {
        var hits = [];
        pages.forEach(function (data) { hits = hits.concat(regions(data)); });
        return window.benchGroup(hits, 3);
      });
    },
  };
})();
