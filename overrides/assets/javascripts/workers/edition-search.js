/*
 * The search worker: Material's own (9.8.2, same folder) with two changes to how a query meets
 * the index. When Material is upgraded, change the file name in importScripts to its new worker.
 *
 * 1. Chinese queries are split into the index's own words, whole. The index was segmented at
 *    build time with jieba (scripts/edition/search_index.py); here each run of Han characters in
 *    the query is split by longest match against the words the index holds: 一长四必 becomes
 *    "一长 四必", 居民身份证办理 "居民身份证 办理", and a figure keeps its unit (849个). Material's
 *    own splitting never lets a word reach the query's last character (一长四必 became "一长* 四*",
 *    matching every word that starts with 四), so it is switched off: it looks words up with the
 *    `in` operator on lunr's inverted index, which here answers "no" for Han words.
 * 2. English words are stemmed like the index. Material adds "*" to every word so results come
 *    while typing, and lunr skips its pipeline for such words, so "cards*" never met the index's
 *    "card" nor "police*" its "polic". Here the word is stemmed and keeps its "*". Chinese words
 *    pass unchanged (the stemmer only rewrites Latin endings) but lose the doubled "*" Material
 *    gives them ("合成**"), which made its results list found words as missing.
 */
(function () {
  "use strict";

  var HAN = /\p{Script=Han}/u;
  var HAN_RUN = /\p{Script=Han}+/gu;
  var ONLY_HAN = /^\p{Script=Han}+$/u;
  var words = new Set();
  var longest = 1;

  function learnWords(setup) {
    var separator = new RegExp(setup.config.separator);
    words = new Set();
    longest = 1;
    setup.docs.forEach(function (doc) {
      ["title", "text", "terms"].forEach(function (field) {
        if (typeof doc[field] !== "string") return;
        doc[field].replace(/<[^>]*>/g, " ").split(separator).forEach(function (word) {
          if (ONLY_HAN.test(word)) {
            words.add(word);
            if (word.length > longest) longest = word.length;
          }
        });
      });
    });
  }

  /* Longest match from the left; characters no word covers stay together as one piece. */
  function splitRun(run) {
    var pieces = [];
    var unknown = "";
    for (var start = 0; start < run.length; ) {
      var end = Math.min(run.length, start + longest);
      while (end > start + 1 && !words.has(run.slice(start, end))) end--;
      if (words.has(run.slice(start, end))) {
        if (unknown) pieces.push(unknown);
        unknown = "";
        pieces.push(run.slice(start, end));
      } else {
        unknown += run[start];
      }
      start = end;
    }
    if (unknown) pieces.push(unknown);
    return pieces;
  }

  function splitQuery(query) {
    return query.replace(HAN_RUN, function (run) {
      return splitRun(run).join(" ");
    });
  }

  /* Registered before Material's listener, so it sees each message first. */
  addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === 0 && message.data && message.data.config) learnWords(message.data);
    if (message.type === 2 && typeof message.data === "string") message.data = splitQuery(message.data);
  });

  importScripts("search.a7633da7.min.js");

  var lunr = self.lunr;

  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    var index = build.call(this);
    index.invertedIndex = new Proxy(index.invertedIndex, {
      has: function (target, key) {
        return typeof key === "string" && HAN.test(key) ? false : key in target;
      },
    });
    return index;
  };

  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (spec) {
    if (spec && typeof spec.term === "string") {
      spec.term = spec.term.replace(/\*{2,}$/, "*");
      if (spec.usePipeline === false && /^[^*]+\*$/.test(spec.term)) {
        var word = spec.term.slice(0, -1);
        spec.term = lunr.stemmer(new lunr.Token(word)).toString() + "*";
      }
    }
    return clause.call(this, spec);
  };
})();
