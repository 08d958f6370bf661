/*
 * Sentences, loaded by edition.js on the first pointer, focus, click or key on a sentence (or when a
 * search result lands on a page): nothing of it is fetched before a reader uses it.
 *
 * - Twin highlighting: on a side-by-side page, pointing at or focusing a sentence (a span
 *   .edition-s, one aligned group: scripts/edition/sentence_spans.py) highlights it and its twin in
 *   the other column. Screen readers hear the twin through the span's aria-describedby, with or
 *   without this script.
 * - The sentence's panel: a click, Enter or Space opens, under its paragraph, the sentence's
 *   original (or translation), its link (#a2-2-1.2) and "Cite this sentence" in every format: the
 *   quotation in the page's language with its twin, the locator naming paragraph and sentence
 *   (edition.js's Cite panel, with the sentence's templates from scripts/edition/citations.py).
 *   The pairs come from sentences/<page>.json (scripts/edition/text_data.py), fetched once.
 * - Landing: a search result opened from the search dialog moves to the first sentence of its
 *   paragraph that holds the matched words (edition.js keeps them for the page it opens).
 */
(function () {
  "use strict";

  var shared = window.editionCite;
  var strings = shared.strings;
  var pairs = null;

  function load() {
    if (!pairs) {
      pairs = fetch(strings.sentences).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
      pairs.catch(function () { pairs = null; });
    }
    return pairs;
  }

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  /* The same group's span in the other column of a side-by-side row (none on a text page). */
  function twins(sentence) {
    var row = sentence.closest(".edition-parallel__row");
    if (!row) return [];
    var key = sentence.getAttribute("data-s");
    return Array.prototype.filter.call(row.querySelectorAll(".edition-s"), function (span) {
      return span !== sentence && span.getAttribute("data-s") === key;
    });
  }

  function highlight(sentence, on) {
    sentence.classList.toggle("edition-s--active", on);
    twins(sentence).forEach(function (twin) { twin.classList.toggle("edition-s--twin", on); });
  }

  /* A sentence tapped or clicked stays highlighted, with its twin, until another is: a finger
     leaves the screen at once, and the panel takes the focus. */
  var pinned = null;
  function pin(sentence) {
    if (pinned && pinned !== sentence) highlight(pinned, false);
    pinned = sentence;
    highlight(sentence, true);
  }

  function pageLanguage() {
    return (document.documentElement.getAttribute("lang") || "zh").slice(0, 2);
  }

  /* The sentence whose panel a click or key asked for while the pairs load: a reader who has gone
     on to another sentence by then (focus, click, key) is not sent back by a panel arriving late. */
  var asked = null;

  function open(sentence, cite) {
    if (!cite || !cite.sentence) return;
    asked = sentence;
    var key = sentence.getAttribute("data-s");
    var dot = key.lastIndexOf(".");
    var paragraph = key.slice(0, dot);
    var n = key.slice(dot + 1);
    var lang = pageLanguage();
    load().then(function (all) {
      if (asked !== sentence) return;
      asked = null;
      var pair = all[key];
      if (!pair) throw new Error(key);
      var other = Object.keys(pair).filter(function (code) { return code !== lang; })[0];
      var label = document.createElement("p");
      label.className = "edition-cite-panel__twin-label";
      label.textContent = strings.sentence_twin;
      var twin = document.createElement("p");
      twin.className = "edition-cite-panel__twin";
      twin.lang = other;
      twin.textContent = pair[other];
      var link = document.createElement("a");
      link.className = "edition-cite-panel__link";
      link.href = "#" + key;
      link.textContent = strings.sentence_link;
      var linkLine = document.createElement("p");
      linkLine.appendChild(link);
      shared.open(sentence, {
        block: sentence.parentNode.closest("[id]"),
        anchor: key,
        paragraph: paragraph,
        n: n,
        quote: format(strings.sentence_quote, { text: pair[lang], twin: pair[other] }),
        title: format(strings.sentence_title, { id: paragraph, n: n }),
        extra: [label, twin, linkLine],
      });
    }).catch(function () {
      shared.announce(strings.sentence_error);
    });
  }

  function handle(event, sentence, cite) {
    switch (event.type) {
      case "pointerover":
        if (event.pointerType === "touch") pin(sentence);
        else highlight(sentence, true);
        break;
      case "focusin":
        if (asked && asked !== sentence) asked = null;
        highlight(sentence, true);
        break;
      case "pointerout":
      case "focusout":
        if (sentence !== pinned) highlight(sentence, false);
        break;
      case "click":
        /* A link or a selection inside the sentence keeps its own behaviour. */
        if (event.target.closest("a, button") || String(window.getSelection() || "")) return;
        pin(sentence);
        open(sentence, cite);
        break;
      case "keydown":
        if (event.key === "Enter" || event.key === " ") {
          pin(sentence);
          open(sentence, cite);
        }
        break;
    }
  }

  /* The first sentence of the addressed paragraph that holds ``term`` becomes the address. */
  function land(term) {
    var block = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!block || !term) return;
    var wanted = term.toLowerCase();
    var found = Array.prototype.filter.call(block.querySelectorAll(".edition-s[id]"), function (span) {
      return span.textContent.toLowerCase().indexOf(wanted) >= 0;
    })[0];
    if (found) location.replace("#" + found.id);
  }

  window.editionSentences = { handle: handle, land: land };
})();
