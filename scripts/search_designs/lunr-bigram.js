/*
 * Material's engine (lunr 2.3.9) fed a CJK index that finds substrings: Chinese text is indexed
 * as overlapping character bigrams (Lucene's CJKBigramFilter, Elasticsearch's cjk_bigram) beside
 * jieba's words (computed at build time, field "j"); English goes through lunr's English
 * pipeline (trimmer, stop words, stemmer), which skips Han tokens. English entries carry their
 * Chinese twin (field "w"), so a Chinese query on the English site finds them. The index is
 * built in the browser from the documents on first use, as Material's worker does.
 * A query is tokenised the same way: every bigram, number and word is required; a whole Han run
 * and a number with its unit are optional boosts; if nothing has every token, any token will do.
 */
(function () {
  "use strict";
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var GAP = /[\s\p{P}\p{S}\p{Z}]/u;
  var NUMBER = /^\d+(?:\.\d+)?/;
  var LATIN = /^(?:[a-z][a-z0-9]*|[0-9]+[a-z][a-z0-9]*)/;
  var index = null;
  var docs = new Map();
  var normalise = null;

  function isGap(c) { return c !== "%" && GAP.test(c); }

  /* [{text, kind: pair|han1|run|number|unit|word}] of normalised text, in order. */
  function tokens(text) {
    var chars = Array.from(normalise(text));
    var out = [];
    var i = 0;
    while (i < chars.length) {
      var c = chars[i];
      if (HAN.test(c)) {
        var run = [];
        while (i < chars.length) {
          if (HAN.test(chars[i])) { run.push(chars[i]); i++; continue; }
          var ahead = i;
          while (ahead < chars.length && isGap(chars[ahead])) ahead++;
          if (ahead > i && ahead < chars.length && HAN.test(chars[ahead])) { i = ahead; continue; }
          break;
        }
        if (run.length === 1) out.push({ text: run[0], kind: "han1" });
        for (var k = 0; k + 1 < run.length; k++) out.push({ text: run[k] + run[k + 1], kind: "pair" });
        if (run.length > 2) out.push({ text: run.join(""), kind: "run" });
        continue;
      }
      var rest = chars.slice(i, i + 40).join("");
      var number = NUMBER.exec(rest);
      var latin = LATIN.exec(rest);
      if (latin && (!number || latin[0].length > number[0].length)) {
        out.push({ text: latin[0], kind: "word" });
        i += Array.from(latin[0]).length;
        continue;
      }
      if (number) {
        out.push({ text: number[0], kind: "number" });
        var after = chars[i + number[0].length];
        if (after === "%" || (after && HAN.test(after))) out.push({ text: number[0] + after, kind: "unit" });
        i += number[0].length;
        continue;
      }
      i++;
    }
    return out;
  }

  /* lunr tokenizer for the text fields: bigrams, numbers, units, Latin words (runs are query-only). */
  function tokenizer(value, metadata) {
    if (value == null) return [];
    return tokens(String(value))
      .filter(function (t) { return t.kind !== "run"; })
      .map(function (t, n) { return new lunr.Token(t.text, lunr.utils.clone(metadata) || {}); });
  }

  function english(token) {
    if (HAN.test(token.toString())) return token;
    var t = lunr.trimmer(token);
    if (t) t = lunr.stopWordFilter(t);
    return t ? lunr.stemmer(t) : undefined;
  }
  function stem(token) { return HAN.test(token.toString()) ? token : lunr.stemmer(token); }

  function build(json) {
    lunr.Pipeline.registerFunction(english, "benchEnglish");
    lunr.Pipeline.registerFunction(stem, "benchStem");
    index = lunr(function () {
      var builder = this;
      builder.tokenizer = function (value, metadata) {
        if (metadata && metadata.fields && metadata.fields[0] === "j") {
          return String(value).split(" ").filter(Boolean).map(function (w) { return new lunr.Token(w, lunr.utils.clone(metadata)); });
        }
        return tokenizer(value, metadata);
      };
      builder.pipeline.reset();
      builder.pipeline.add(english);
      builder.searchPipeline.reset();
      builder.searchPipeline.add(stem);
      builder.ref("l");
      builder.field("t", { boost: 3 });
      builder.field("x");
      builder.field("j");
      builder.field("w");
      builder.metadataWhitelist = [];
      json.docs.forEach(function (doc) {
        docs.set(doc.l, doc);
        builder.add(doc, doc.b != null ? { boost: doc.b } : undefined);
      });
    });
  }

  function run(query, every) {
    var terms = tokens(query);
    return index.query(function (q) {
      var required = every ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL;
      terms.forEach(function (t) {
        if (t.kind === "word") {
          if (!lunr.stopWordFilter(new lunr.Token(t.text, {}))) return;
          q.term(t.text, { presence: required });
        } else if (t.kind === "pair" || t.kind === "number") {
          q.term(t.text, { presence: required, usePipeline: false });
        } else if (t.kind === "han1") {
          q.term(t.text, { presence: lunr.Query.presence.OPTIONAL, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        } else {
          q.term(t.text, { presence: lunr.Query.presence.OPTIONAL, usePipeline: false, boost: 5, fields: ["j", "x", "t"] });
        }
      });
    });
  }

  window.benchEngine = {
    load: function (config) {
      var script = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = config.site + "_bench/lunr.min.js";
        tag.onload = resolve;
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
      var json = fetch(config.root + "search/lunr-bigram.json").then(function (r) { return r.json(); });
      return Promise.all([script, json]).then(function (both) {
        normalise = window.benchNormaliser(both[1].simplify);
        build(both[1]);
      });
    },
    search: function (query) {
      var found = run(query, true);
      if (!found.length) found = run(query, false);
      var root = window.benchConfig.root;
      var hits = found.slice(0, 200).map(function (r) {
        var page = r.ref.split("#")[0];
        return { page: page, href: root + r.ref, label: r.ref, score: r.score };
      });
      return Promise.resolve(window.benchGroup(hits, 3));
    },
  };
})();
