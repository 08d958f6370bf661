/*
 * The edition's search, loaded by edition.js the first time a reader opens search.
 *
 * Index: scripts/edition/search_index.py writes, under each language's search/ folder, meta.json
 * (pages, entries, the traditional→simplified map, the shard count), shards/N.json (index terms
 * with their postings [entry, weight, …]) and pages/N.json (the text of each entry of a page).
 * A query loads meta.json once, then only the shards of its own terms and the pages it lists.
 *
 * Tokens: the same rules as scripts/edition/search_text.py (normalise, Han bigrams with punctuation
 * removed, numbers with their unit, Latin words). A query finds the entries that hold every token;
 * an entry that holds the query as it was typed (punctuation aside) ranks first. English words
 * match the index's words of the same Snowball stem (computed at build time), or whose stem
 * begins the query word (registration → regist[ered]); the last word of a query also matches as
 * a prefix, so results come while typing. Other spellings, joined compounds and the glossary's
 * other names are index terms (scripts/edition/search_aliases.py); Engine.search says what else
 * is tried when the query as typed finds nothing whole (joined words, one slip, partial matches),
 * and search/words.json (the index's words, for slips) loads only then.
 */
(function () {
  "use strict";

  var HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;
  var GAP = /^[\s\p{P}\p{S}\p{Z}]$/u;
  var NUMBER = /^\d+(?:\.\d+)?/;
  var LATIN = /^(?:[a-z][a-z0-9]*|[0-9]+[a-z][a-z0-9]*)/;
  var THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;
  var PER_PAGE = 3;
  var PAGES_CHECKED = 5; // pages whose text a query loads (about 5 KB compressed each)
  var FUZZY_MIN = 5; // words this long or longer forgive one slip

  function isHan(c) { return HAN.test(c); }
  function isGap(c) { return c !== "%" && GAP.test(c); }

  /* ---- Text rules (mirror of search_text.py) ---------------------------------------------- */

  function Engine(root, meta) {
    this.root = root;
    this.meta = meta;
    this.simplify = new Map();
    var pairs = Array.from(meta.simplify);
    for (var i = 0; i + 1 < pairs.length; i += 2) this.simplify.set(pairs[i], pairs[i + 1]);
    this.shards = new Map();
    this.pages = new Map();
    this.compacted = new Map();
    this.marked = new Map();
  }

  Engine.prototype.normalise = function (text) {
    var simplify = this.simplify;
    var out = "";
    for (var c of text.normalize("NFKC").toLowerCase()) out += simplify.get(c) || c;
    return out.replace(THOUSANDS, "$1");
  };

  /* Query tokens: {kind, text, prefix}. kind: pair | han1 | unit | number | word. */
  Engine.prototype.tokens = function (query) {
    var text = Array.from(this.normalise(query));
    var endsOpen = text.length > 0 && !isGap(text[text.length - 1]);
    var found = [];
    var i = 0;
    while (i < text.length) {
      var c = text[i];
      var rest = text.slice(i).join("");
      if (isHan(c)) {
        var run = [];
        while (i < text.length) {
          if (isHan(text[i])) { run.push(text[i]); i++; continue; }
          var ahead = i;
          while (ahead < text.length && isGap(text[ahead])) ahead++;
          if (ahead > i && ahead < text.length && isHan(text[ahead])) { i = ahead; continue; }
          break;
        }
        var joined = found.length && found[found.length - 1].unitOpen;
        if (joined) found[found.length - 1].unitOpen = false;
        if (run.length === 1 && !joined) found.push({ kind: "han1", text: run[0] });
        for (var k = 0; k + 1 < run.length; k++) found.push({ kind: "pair", text: run[k] + run[k + 1] });
        continue;
      }
      var number = NUMBER.exec(rest);
      var latin = LATIN.exec(rest);
      if (latin && (!number || latin[0].length > number[0].length)) {
        found.push({ kind: "word", text: latin[0] });
        i += latin[0].length;
        continue;
      }
      if (number) {
        var after = text[i + number[0].length];
        if (after === "%") found.push({ kind: "unit", text: number[0] + "%" });
        else if (after && isHan(after)) found.push({ kind: "unit", text: number[0] + after, unitOpen: true });
        else found.push({ kind: "number", text: number[0] });
        i += number[0].length + (after === "%" ? 1 : 0);
        continue;
      }
      i++;
    }
    if (found.length && endsOpen) found[found.length - 1].prefix = true;
    return found;
  };

  Engine.prototype.shardOf = function (term) {
    var key = isHan(term[0]) ? term[0] : term.slice(0, 2);
    var value = 2166136261;
    for (var i = 0; i < key.length; i++) {
      value = Math.imul(value ^ key.charCodeAt(i), 16777619) >>> 0;
    }
    return value % this.meta.shards;
  };

  Engine.prototype.fetchJSON = function (path, cache) {
    var url = this.root + "search/" + path + "?v=" + this.meta.version;
    if (!cache.has(path)) {
      cache.set(path, fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      }));
    }
    return cache.get(path);
  };

  /* The index terms a token matches, in its shard. */
  function matchTerms(token, shard) {
    var terms = shard.t;
    var stems = shard.s;
    var text = token.text;
    var out = [];
    if (token.kind === "pair" || token.kind === "unit") {
      if (terms[text]) out.push(text);
      if (token.kind === "unit" && token.prefix) {
        for (var u in terms) if (u !== text && u.indexOf(text) === 0) out.push(u);
      }
      return out;
    }
    if (token.kind === "han1") {
      for (var h in terms) if (h[0] === text && (h.length === 2)) out.push(h);
      return out;
    }
    if (token.kind === "number") {
      for (var n in terms) {
        if (n === text || (token.prefix && n.indexOf(text) === 0 && /^[\d.]+$/.test(n))) out.push(n);
      }
      return out;
    }
    var stem = terms[text] ? stems[text] || text : null;
    for (var w in terms) {
      if (!/^[a-z0-9]/.test(w)) continue;
      var own = stems[w] || w;
      if (w === text || (stem !== null && own === stem) ||
          (stem === null && !token.joined && own.length >= 4 && text.indexOf(own) === 0) ||
          (token.prefix && text.length >= 3 && w.indexOf(text) === 0)) {
        out.push(w);
      }
    }
    return out;
  }

  /* Ranked entries, best first (exactness not yet): {hits: [{entry, weights, matched, all, score,
   * terms}], complete: whether some entry holds every token (else hits hold some), found: for each
   * token, whether any index term matches it}. */
  Engine.prototype.score = function (tokens) {
    var self = this;
    var wanted = tokens.map(function (token) { return self.shardOf(token.text); });
    var shardCache = this.shards;
    var loads = wanted.map(function (n) { return self.fetchJSON("shards/" + n + ".json", shardCache); });
    return Promise.all(loads).then(function (shards) {
      var byEntry = new Map();
      var found = tokens.map(function () { return false; });
      tokens.forEach(function (token, t) {
        var shard = shards[t];
        matchTerms(token, shard).forEach(function (term) {
          var postings = shard.t[term];
          found[t] = true;
          for (var p = 0; p < postings.length; p += 2) {
            var entry = postings[p];
            var hit = byEntry.get(entry);
            if (!hit) {
              hit = { entry: entry, weights: new Array(tokens.length).fill(0), terms: new Set() };
              byEntry.set(entry, hit);
            }
            if (postings[p + 1] > hit.weights[t]) hit.weights[t] = postings[p + 1];
            hit.terms.add(term);
          }
        });
      });
      var hits = [];
      byEntry.forEach(function (hit) {
        var matched = hit.weights.filter(function (w) { return w > 0; }).length;
        var sum = hit.weights.reduce(function (a, b) { return a + b; }, 0);
        hits.push({ entry: hit.entry, weights: hit.weights, matched: matched, all: matched === tokens.length, score: sum, terms: hit.terms });
      });
      var complete = hits.filter(function (hit) { return hit.all; });
      var list = complete.length ? complete : hits;
      list.sort(function (a, b) { return b.matched - a.matched || b.score - a.score; });
      return { hits: list, complete: complete.length > 0, found: found };
    });
  };

  /* Compact form of a text for exact comparison: normalised, gaps removed; with a map to the original. */
  Engine.prototype.compact = function (text) {
    var chars = Array.from(text);
    var out = "";
    var at = [];
    var offset = 0;
    for (var i = 0; i < chars.length; i++) {
      var n = this.normalise(chars[i]);
      if (!(n.length === 1 && isGap(n)) && n !== ",") {
        for (var c of n) { out += c; at.push(offset); }
      }
      offset += chars[i].length;
    }
    return { text: out, at: at };
  };

  /*
   * A query's results, in the order of these rules:
   * 1. the entries that hold every token (exact phrase first, see finish);
   * 2. else the same with a run of the query's words joined (counter terrorism → counterterrorism,
   *    Ma Ming → maming: the index holds joined compounds and pinyin, search_aliases.py);
   * 3. when nothing exact was found, one slip forgiven (slip): a word of FUZZY_MIN letters or
   *    more that is in no shard, read as a word of the index one edit away; a Chinese query read
   *    with one character missing, added or replaced. Its results say "showing results for …";
   * 4. else the entries that hold some of the tokens, each naming the words it lacks.
   * Always a result object or null (no tokens): never a rejection but a failed download.
   */
  Engine.prototype.search = function (query) {
    var self = this;
    var tokens = this.tokens(query);
    if (!tokens.length) return Promise.resolve(null);
    return this.score(tokens).then(function (scored) {
      return self.joined(tokens, scored).then(function (alternative) {
        if (alternative) { tokens = alternative.tokens; scored = alternative.scored; }
        return self.finish(query, tokens, scored);
      });
    }).then(function (result) {
      var exact = result.hits.some(function (hit) { return hit.exact; });
      if (exact || (!self.checkable(result) && !result.partial && result.hits.length)) return result;
      return self.slip(query, tokens, result).then(function (fixed) { return fixed || result; });
    });
  };

  /* Whether exactness can be judged on the results' texts: not for Chinese on the English site. */
  Engine.prototype.checkable = function (result) {
    var han = /[\u3400-\u9fff]/;
    if (!result.tokens.some(function (token) { return han.test(token.text); })) return true;
    return result.hits.some(function (hit) { return han.test(hit.doc[2] + hit.doc[3]); });
  };

  /* An entry's title and text compacted, as printed and as the source has it (〔…〕 left out):
   * worked out once per entry (a query and its slips compare them many times). */
  Engine.prototype.compactDoc = function (doc) {
    var texts = this.compacted.get(doc[0]);
    if (!texts) {
      var text = doc[2] + " " + doc[3];
      texts = [this.compact(text).text, this.compact(text.replace(/〔[^〕]*〕/g, "")).text];
      this.compacted.set(doc[0], texts);
    }
    return texts;
  };

  /* Rule 2: each run of two or more words joined (Naiman Qi → naimanqi). Where the query as typed
   * also finds entries whole, both readings' entries are listed. */
  Engine.prototype.joined = function (tokens, scored) {
    var out = [];
    var changed = false;
    for (var i = 0; i < tokens.length; i++) {
      var j = i;
      while (j < tokens.length && tokens[j].kind === "word") j++;
      if (j - i >= 2) {
        out.push({
          kind: "word", text: tokens.slice(i, j).map(function (t) { return t.text; }).join(""),
          prefix: tokens[j - 1].prefix, joined: true, // the whole, not a stem inside it (tongliao in tongliaozeppelin)
        });
        changed = true;
        i = j - 1;
      } else out.push(tokens[i]);
    }
    if (!changed) return Promise.resolve(null);
    return this.score(out).then(function (result) {
      if (!result.complete) return null;
      if (!scored.complete) return { tokens: out, scored: result };
      var byEntry = new Map();
      scored.hits.concat(result.hits).forEach(function (hit) {
        var seen = byEntry.get(hit.entry);
        if (!seen || hit.score > seen.score) byEntry.set(hit.entry, Object.assign({}, hit, { matched: 1 })); // all whole
      });
      var hits = Array.from(byEntry.values()).sort(function (a, b) { return b.score - a.score; });
      return { tokens: tokens, scored: { hits: hits, complete: true, found: scored.found } };
    });
  };

  /* The pages of the best hits loaded, each hit given its text, exactness and the words it lacks. */
  Engine.prototype.finish = function (query, tokens, scored, instead) {
    var self = this;
    var hits = scored.hits;
    var wantedText = this.compact(query).text;
    var pageOrder = [];
    for (var i = 0; i < hits.length && pageOrder.length < PAGES_CHECKED; i++) {
      var page = self.meta.entries[hits[i].entry][0];
      if (pageOrder.indexOf(page) < 0) pageOrder.push(page);
    }
    var pageCache = self.pages;
    return Promise.all(pageOrder.map(function (page) {
      return self.fetchJSON("pages/" + page + ".json", pageCache);
    })).then(function (pageDocs) {
      var docs = new Map();
      pageDocs.forEach(function (list) {
        list.forEach(function (doc) { docs.set(doc[0], doc); });
      });
      hits = hits.filter(function (hit) { return docs.has(hit.entry); });
      hits.forEach(function (hit) {
        var doc = docs.get(hit.entry);
        hit.doc = doc;
        var texts = self.compactDoc(doc);
        hit.exact = texts[0].indexOf(wantedText) >= 0 || texts[1].indexOf(wantedText) >= 0 || // the source's words
          (tokens.length === 1 && hit.terms.has(tokens[0].text)); // one word, held as such or as another name of it
        hit.missing = scored.complete ? [] : missingWords(tokens, hit.weights);
      });
      hits.sort(function (a, b) {
        return (b.exact - a.exact) || (b.matched - a.matched) || (b.score - a.score);
      });
      return {
        query: query, hits: hits, partial: !scored.complete && hits.length > 0, tokens: tokens,
        groups: self.group(hits), instead: instead || null, found: scored.found,
        entries: scored.hits.map(function (hit) { return hit.entry; }), // all found, not only the pages shown
      };
    });
  };

  /* The query's words a partial hit lacks: words and figures as typed, Chinese pairs joined into runs. */
  function missingWords(tokens, weights) {
    var out = [];
    var run = "";
    tokens.forEach(function (token, t) {
      var lacking = !(weights[t] > 0);
      if (token.kind === "pair" && lacking) {
        run = run ? run + token.text.slice(1) : token.text;
        return;
      }
      if (run) { out.push(run); run = ""; }
      if (lacking) out.push(token.text);
    });
    if (run) out.push(run);
    return out.filter(function (word, i) { return out.indexOf(word) === i; });
  }

  /* True if a and b are one edit apart: a letter added, dropped, replaced or two swapped. */
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Rule 3: one slip forgiven; the best reading that finds an exact passage, or null. */
  Engine.prototype.slip = function (query, tokens, result) {
    var self = this;
    var text = this.compact(query).text;
    if (/^[\u3400-\u9fff]{3,16}$/.test(text)) return this.chineseSlip(text);
    var unknown = [];
    tokens.forEach(function (token, t) {
      if (token.kind === "word" && token.text.length >= FUZZY_MIN && !result.found[t]) unknown.push(t);
    });
    if (!unknown.length || unknown.length > 2) return Promise.resolve(null);
    return this.fetchJSON("words.json", this.pages).then(function (words) {
      var readings = [tokens.slice()];
      unknown.forEach(function (t) {
        var near = words.filter(function (word) { return oneEdit(tokens[t].text, word); }).slice(0, 6);
        var next = [];
        readings.forEach(function (reading) {
          near.forEach(function (word) {
            var copy = reading.slice();
            copy[t] = { kind: "word", text: word };
            next.push(copy);
          });
        });
        readings = next;
      });
      return self.best(readings.slice(0, 12).map(function (reading) {
        var words = query;
        unknown.forEach(function (t) {
          words = words.replace(new RegExp("\\b" + tokens[t].text + "\\b", "i"), reading[t].text);
        });
        return { query: words, tokens: reading };
      }), null);
    });
  };

  /* A Chinese query with one character dropped, replaced (either: the query less one character,
   * with at most one in its place) or one missing (one more between two of its characters). */
  Engine.prototype.chineseSlip = function (text) {
    var chars = Array.from(text);
    var readings = [];
    for (var i = 0; i < chars.length; i++) {
      readings.push([chars.slice(0, i).join(""), chars.slice(i + 1).join(""), "?"]);
      if (i > 0) readings.push([chars.slice(0, i).join(""), chars.slice(i).join(""), ""]);
    }
    var self = this;
    return this.best(readings.map(function (parts) {
      var tokens = self.tokens(parts[0] + " ").concat(self.tokens(parts[1] + " "));
      var pattern = new RegExp(escape(parts[0]) + "[\\u3400-\\u9fff]" + parts[2] + escape(parts[1]));
      return { tokens: tokens, pattern: pattern, kept: parts[0].length + parts[1].length };
    }), text);
  };

  function escape(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* Of several readings of a query, the one that keeps most of the query's characters (执法记仪:
   * 执法记录仪, not 执法记录), then whose first result is exact, then scores best; a reading with a
   * pattern takes its query from the text the pattern finds and must find it exactly. */
  Engine.prototype.best = function (readings, original) {
    var self = this;
    var usable = readings.filter(function (reading) { return reading.tokens.length; });
    return Promise.all(usable.map(function (reading) {
      return self.score(reading.tokens).then(function (scored) {
        if (!scored.complete) return null;
        if (!reading.pattern) return self.finish(reading.query, reading.tokens, scored, reading.query);
        return self.finish(original, reading.tokens, scored).then(function (found) {
          var seen = null;
          found.hits.forEach(function (hit) {
            var match = reading.pattern.exec(self.compactDoc(hit.doc)[0]);
            if (match && !seen && match[0] !== original) seen = match[0];
          });
          if (!seen) return null;
          var exact = self.tokens(seen + " ");
          return self.score(exact).then(function (again) {
            return self.finish(seen, exact, again, seen).then(function (result) {
              result.kept = reading.kept;
              return result;
            });
          });
        });
      });
    })).then(function (found) {
      var chosen = null;
      found.forEach(function (candidate) {
        if (!candidate || !candidate.hits.length || (original && !candidate.hits[0].exact)) return;
        var order = chosen && ((candidate.kept || 0) - (chosen.kept || 0) ||
          candidate.hits[0].exact - chosen.hits[0].exact || candidate.hits[0].score - chosen.hits[0].score);
        if (!chosen || order > 0) chosen = candidate;
      });
      return chosen;
    });
  };

  Engine.prototype.group = function (hits) {
    var groups = [];
    var byPage = new Map();
    var meta = this.meta;
    hits.forEach(function (hit) {
      var page = meta.entries[hit.entry][0];
      var group = byPage.get(page);
      if (!group) {
        group = { page: page, url: meta.pages[page][0], title: meta.pages[page][1], hits: [] };
        byPage.set(page, group);
        groups.push(group);
      }
      if (meta.entries[hit.entry][2] === "t") group.summary = hit; // title and description: under the page's name
      else group.hits.push(hit);
    });
    return groups;
  };

  /* Marks: spans of the original text that hold the query or its matched terms. */
  Engine.prototype.marks = function (text, query, terms) {
    var compact = this.marked.get(text);
    if (!compact) {
      compact = this.compact(text);
      this.marked.set(text, compact); // the same texts are shown query after query
    }
    var spans = [];
    function mark(start, length) {
      if (length <= 0) return;
      var from = compact.at[start];
      var last = compact.at[start + length - 1];
      spans.push([from, last + (text.codePointAt(last) > 0xffff ? 2 : 1)]); // the last character, whole
    }
    function markAll(needle) {
      if (!needle) return;
      for (var at = compact.text.indexOf(needle); at >= 0; at = compact.text.indexOf(needle, at + needle.length)) {
        mark(at, needle.length);
      }
    }
    var whole = this.compact(query).text;
    markAll(whole);
    if (!spans.length) {
      terms.forEach(function (term) { markAll(term.replace(/\$$/, "")); });
    }
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    spans.forEach(function (span) {
      var top = merged[merged.length - 1];
      if (top && span[0] <= top[1]) top[1] = Math.max(top[1], span[1]);
      else merged.push(span.slice());
    });
    return merged;
  };

  /* ---- The dialog ---------------------------------------------------------------------------- */

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  function Search(strings) {
    this.strings = strings;
    this.root = new URL(strings.root, location.href).href;
    this.engine = null;
    this.loading = null;
    this.sequence = 0;
    this.build();
  }

  Search.prototype.build = function () {
    var s = this.strings;
    var dialog = element("dialog", "edition-search");
    dialog.setAttribute("aria-label", s.search_dialog);
    var form = element("form", "edition-search__form");
    form.setAttribute("role", "search");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var input = element("input", "edition-search__input");
    input.type = "search";
    input.setAttribute("aria-label", s.search_label);
    input.placeholder = s.search_label;
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("enterkeyhint", "search");
    input.setAttribute("aria-controls", "edition-search-results");
    var close = element("button", "edition-search__close", "×");
    close.type = "button";
    close.setAttribute("aria-label", s.search_close);
    close.addEventListener("click", function () { dialog.close(); });
    form.appendChild(input);
    form.appendChild(close);
    var status = element("p", "edition-search__status");
    status.setAttribute("role", "status");
    var results = element("div", "edition-search__results");
    results.id = "edition-search-results";
    dialog.appendChild(form);
    dialog.appendChild(status);
    dialog.appendChild(results);
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
    });
    document.body.appendChild(dialog);
    this.dialog = dialog;
    this.input = input;
    this.status = status;
    this.results = results;
    var self = this;
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.run(); }, 40);
    });
    dialog.addEventListener("keydown", function (event) { self.keys(event); });
    results.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a");
      if (!link) return;
      var target = new URL(link.href);
      if (target.pathname === location.pathname) dialog.close();
    });
  };

  /* The status is spoken by screen readers (role="status"): set once typing has paused, not at
     every keystroke, and never in the same moment the dialog first appears (a live region filled as
     it is added is not announced). An empty status is set at once. */
  var STATUS_PAUSE = 600; /* ms */
  Search.prototype.say = function (text) {
    var status = this.status;
    this.said = text; /* what the status will say once typing pauses */
    clearTimeout(this.saying);
    if (!text) status.textContent = "";
    else this.saying = setTimeout(function () { status.textContent = text; }, STATUS_PAUSE);
  };

  Search.prototype.open = function (query) {
    if (!this.dialog.open) this.dialog.showModal();
    if (typeof query === "string") this.input.value = query;
    this.input.focus();
    this.input.select();
    this.ready();
    if (this.input.value) this.run();
  };

  Search.prototype.ready = function () {
    var self = this;
    if (!this.loading) {
      this.loading = fetch(this.root + "search/meta.json", { cache: "no-cache" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (meta) {
          self.engine = new Engine(self.root, meta);
          return self.engine;
        });
      this.loading.catch(function () {
        self.loading = null;
        self.say(self.strings.search_error);
      });
    }
    return this.loading;
  };

  Search.prototype.run = function () {
    var self = this;
    var query = this.input.value;
    var sequence = ++this.sequence;
    if (!query.trim()) {
      this.results.textContent = "";
      this.results.setAttribute("data-query", query);
      this.say("");
      return Promise.resolve();
    }
    return this.ready()
      .then(function (engine) { return engine.search(query); })
      .then(function (found) {
        if (sequence !== self.sequence) return;
        self.show(query, found);
      })
      .catch(function () {
        if (sequence === self.sequence) self.say(self.strings.search_error);
      });
  };

  Search.prototype.show = function (query, found) {
    var s = this.strings;
    var results = this.results;
    results.textContent = "";
    results.setAttribute("data-query", query); // which query the list answers (for tests and tools)
    if (!found || !found.groups.length) {
      this.say(format(s.search_none, { q: query }));
      return;
    }
    var count = found.groups.reduce(function (n, group) { return n + Math.max(1, group.hits.length); }, 0);
    var said = format(found.partial ? s.search_partial : s.search_count, { n: count, p: found.groups.length });
    /* A reading other than the query ("showing results for …") is said first. */
    this.say(found.instead ? format(s.search_instead, { q: found.instead }) + " " + said : said);
    query = found.query; // what the marks show: the reading searched for
    var list = element("ol", "edition-search__pages");
    var engine = this.engine;
    var root = this.root;
    found.groups.forEach(function (group) {
      var item = element("li", "edition-search__page");
      var heading = element("a", "edition-search__page-link", group.title);
      heading.href = root + group.url;
      item.appendChild(heading);
      if (group.summary && group.summary.doc[3]) {
        var summary = element("p", "edition-search__summary");
        fillSnippet(summary, group.summary.doc[3], engine.marks(group.summary.doc[3], query, Array.from(group.summary.terms)));
        item.appendChild(summary);
      }
      var hits = element("ol", "edition-search__hits");
      function add(hit) {
        var li = element("li", "edition-search__hit");
        var link = element("a", "edition-search__link");
        link.href = root + group.url + "#" + hit.doc[1];
        var kind = engine.meta.entries[hit.entry][2];
        var label = element("span", "edition-search__id",
          kind === "p" ? format(s.search_paragraph, { id: hit.doc[1] }) : hit.doc[2]);
        link.appendChild(label);
        var text = hit.doc[3] || hit.doc[2];
        var snippet = element("span", "edition-search__snippet");
        var marks = engine.marks(text, query, Array.from(hit.terms));
        fillSnippet(snippet, text, marks);
        if (!marks.length && /[\u3400-\u9fff]/.test(query) && !/[\u3400-\u9fff]/.test(text)) {
          link.appendChild(element("span", "edition-search__twin", s.search_twin));
        }
        link.appendChild(snippet);
        if (hit.missing && hit.missing.length) {
          link.appendChild(element("span", "edition-search__missing", format(s.search_missing, { words: hit.missing.join(" ") })));
        }
        li.appendChild(link);
        hits.appendChild(li);
      }
      group.hits.slice(0, PER_PAGE).forEach(add); // the rest only when asked for (a list can run to hundreds)
      item.appendChild(hits);
      if (group.hits.length > PER_PAGE) {
        var more = element("button", "edition-search__more", format(s.search_more, { n: group.hits.length - PER_PAGE }));
        more.type = "button";
        more.addEventListener("click", function () {
          group.hits.slice(PER_PAGE).forEach(add);
          more.remove();
          var next = hits.children[PER_PAGE];
          if (next) next.querySelector("a").focus();
        });
        item.appendChild(more);
      }
      list.appendChild(item);
    });
    results.appendChild(list);
  };

  /* The snippet: the text around the first mark, marks as <mark>; built with DOM nodes only. */
  function fillSnippet(node, text, marks) {
    var width = /[\u3400-\u9fff]/.test(text) ? 70 : 180;
    var start = 0;
    if (marks.length && marks[0][0] > width / 3) start = marks[0][0] - Math.floor(width / 3);
    var end = Math.min(text.length, start + width);
    if (start > 0) node.appendChild(document.createTextNode("…"));
    var at = start;
    marks.forEach(function (span) {
      if (span[1] <= at || span[0] >= end) return;
      var from = Math.max(span[0], at);
      node.appendChild(document.createTextNode(text.slice(at, from)));
      node.appendChild(element("mark", "", text.slice(from, Math.min(span[1], end))));
      at = Math.min(span[1], end);
    });
    node.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) node.appendChild(document.createTextNode("…"));
  }

  Search.prototype.keys = function (event) {
    var links = Array.prototype.filter.call(this.results.querySelectorAll("a, button"), function (node) {
      return node.offsetParent !== null;
    });
    var index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown") {
      event.preventDefault();
      (links[index + 1] || links[0] || this.input).focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (index <= 0 ? this.input : links[index - 1]).focus();
    } else if (event.key === "Enter" && document.activeElement === this.input && links.length) {
      event.preventDefault();
      var first = this.results.querySelector(".edition-search__link");
      if (first) first.click();
    }
  };

  window.editionSearch = {
    Engine: Engine,
    open: function (strings, query) {
      if (!window.editionSearch.instance) window.editionSearch.instance = new Search(strings);
      window.editionSearch.instance.open(query);
      return window.editionSearch.instance;
    },
  };
})();
