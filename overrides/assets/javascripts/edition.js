/*
 * The edition's page behaviour, loaded by overrides/main.html right before Material's bundle.
 * No dependencies; the page reads fully without it.
 *
 * 1. Search on demand. The edition's search (edition-search.js, beside this file) replaces
 *    Material's: a search button is added to the header (search needs JavaScript, so without it
 *    there is no button), and the search script and its index load only when a reader opens it,
 *    by the button or the "/" or "s" key.
 * 2. The language switch keeps the paragraph: its links carry the current #id.
 * 3. "Cite" beside each paragraph (and "Cite this page" at its foot) opens a panel: the citation in
 *    the page's language, and CSL-JSON, RIS and BibLaTeX, each to copy or download, with the
 *    edition's version and today's date as the access date. On a side-by-side page each row has
 *    its Cite, citing the paragraph on its full page (the button's data-url).
 * 4. "Report a mistake" (beside each paragraph, and in the Cite panel) opens the repository's
 *    correction form (scripts/edition/report.py): the link carries the page, the paragraph and the
 *    language; the paragraph's current wording is added here when the link is followed.
 * 5. Sentences on demand. Each aligned group of sentences is a focusable span (#a2-2-1.2, made by
 *    scripts/edition/sentence_spans.py); the first pointer, focus, click or key on one loads
 *    edition-sentences.js, which highlights its twin and opens its panel (its original or
 *    translation, its link, "Cite this sentence": openPanel below, with the sentence's templates).
 *    A search result opened from the search dialog lands on the sentence that matched.
 */
(function () {
  "use strict";

  var strings = {};
  try {
    strings = JSON.parse(document.getElementById("__edition").textContent);
  } catch (error) {
    /* no strings: the cite buttons stay hidden */
  }

  /* 1. Search on demand ------------------------------------------------------------------- */

  var searchScript = null;

  /* A script of this site, added to the page; resolves to the global it defines. */
  function addScript(src, name) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement("script");
      element.src = src;
      element.onload = function () { resolve(window[name]); };
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  /* The script and its stylesheet, both before the dialog first shows (no unstyled flash). */
  function loadSearch() {
    if (!searchScript) {
      var style = new Promise(function (resolve) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = strings.search_style;
        link.onload = link.onerror = resolve;
        document.head.appendChild(link);
      });
      var script = addScript(strings.search_script, "editionSearch");
      script.catch(function () { searchScript = null; });
      searchScript = Promise.all([script, style]).then(function (loaded) { return loaded[0]; });
    }
    return searchScript;
  }

  function openSearch(query) {
    loadSearch().then(function (search) {
      search.open(strings, query);
    });
  }

  var MAGNIFY = "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5";

  function addSearchButton() {
    var header = document.querySelector(".md-header__inner");
    if (!header || !strings.search_script) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon edition-search-open";
    button.setAttribute("aria-label", strings.search_dialog);
    button.setAttribute("aria-haspopup", "dialog");
    button.title = strings.search_dialog;
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", MAGNIFY);
    svg.appendChild(path);
    button.appendChild(svg);
    if (strings.search_button) {
      var label = document.createElement("span");
      label.className = "edition-search-open__label";
      label.setAttribute("aria-hidden", "true");
      label.textContent = strings.search_button;
      button.appendChild(label);
    }
    button.addEventListener("click", function () { openSearch(); });
    var source = header.querySelector(".md-header__source");
    header.insertBefore(button, source);
    /* "/" or "s" opens search, as on most documentation sites (Material's own keys, unused here). */
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "/" || event.key === "s" || event.key === "S") {
        event.preventDefault();
        event.stopImmediatePropagation();
        openSearch();
      }
    }, true);
  }

  /* 2. The language switch keeps the paragraph ------------------------------------------- */

  function keepParagraphOnSwitch() {
    var links = document.querySelectorAll(".md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var target = new URL(links[i].getAttribute("href"), location.href);
      target.hash = location.hash;
      links[i].href = target.href;
    }
  }

  /* 3. Cite ------------------------------------------------------------------------------- */

  /* The page's citation templates (scripts/edition/citations.py, a JSON data block in the head):
     the plain citation, CSL-JSON, RIS and BibLaTeX, for a paragraph and for the page, with
     tokens for the paragraph id, its address and the access date, filled in here. */
  var cite = null;
  try {
    cite = JSON.parse(document.getElementById("__edition_cite").textContent);
  } catch (error) {
    /* no templates: the cite buttons stay hidden */
  }
  var FORMATS = ["text", "csl", "ris", "biblatex"];

  var status = null;
  function announce(message) {
    if (!status) {
      status = document.createElement("div");
      status.className = "edition-sr";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = "";
    setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function replaceAll(text, values) {
    Object.keys(values).forEach(function (token) {
      text = text.split(token).join(values[token]);
    });
    return text;
  }

  function two(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /* A template with its tokens filled, as citations.py's fill() does ({n} and {quote}: a sentence's). */
  function fill(template, id, url, today, sentence) {
    var y = today.getFullYear(), m = today.getMonth() + 1, d = today.getDate();
    var shown = replaceAll(cite.date, { "{y}": String(y), "{month}": cite.months[m - 1], "{m}": String(m), "{d}": String(d) });
    return replaceAll(template, {
      "{id}": id,
      "{n}": sentence ? sentence.n : "",
      "{quote}": sentence ? sentence.quote : "",
      "{url}": url,
      "{accessed}": shown,
      "{accessed_iso}": y + "-" + two(m) + "-" + two(d),
      "{accessed_ris}": y + "/" + two(m) + "/" + two(d),
      "{accessed_y}": String(y),
      "{accessed_m}": String(m),
      "{accessed_d}": String(d)
    });
  }

  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "edition-sr";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(field);
    return copied;
  }

  function copy(text, button, name) {
    var done = function () {
      button.classList.add("edition-cite--done");
      setTimeout(function () {
        button.classList.remove("edition-cite--done");
      }, 2000);
      announce(strings.copied + ": " + name);
    };
    var fallback = function () {
      if (copyWithSelection(text)) done();
      else window.prompt(strings.copy_prompt, text);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  /* A file made here, downloaded as ``name``; also the tables' "download the rows shown" (tables.js). */
  function download(text, type, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
  }
  window.editionDownload = download;

  function save(text, format, id) {
    var file = cite.files[format];
    download(text, file.type, cite.file + (id ? "-" + id : "") + "." + file.extension);
  }

  function makeButton(text, label, action) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    if (label) button.setAttribute("aria-label", label);
    button.addEventListener("click", action);
    return button;
  }

  var panel = null;
  var opener = null;

  function closePanel(restoreFocus) {
    if (!panel) return;
    panel.parentNode.removeChild(panel);
    if (opener.hasAttribute("aria-expanded")) {
      opener.setAttribute("aria-expanded", "false");
      opener.removeAttribute("aria-controls");
    }
    if (restoreFocus) opener.focus();
    panel = null;
    opener = null;
  }

  /* The Cite panel of a paragraph (or of the page, or of a sentence: ``sentence`` from
     edition-sentences.js, with its twin and link first): the plain citation, then each format to copy
     or download. It follows the paragraph, so Tab reaches it next; Escape or "Close" returns to
     where it was opened. */
  function openPanel(button, sentence) {
    var again = opener === button;
    closePanel(false);
    if (again) return;
    var page = !sentence && button.classList.contains("edition-cite--page");
    /* A heading's tools follow it, the two wrapped in .edition-heading (paragraph_tools.py). */
    var heading = sentence ? null : button.closest(".edition-heading");
    var block = sentence ? sentence.block : page ? null : heading ? heading.firstElementChild : button.closest("[id]");
    var id = sentence ? sentence.anchor : block ? block.id : "";
    var templates = sentence ? cite.sentence : page ? cite.page : cite.paragraph;
    var canonical = document.querySelector("link[rel=canonical]");
    var given = button.getAttribute("data-url");
    var address = new URL(given || (canonical ? canonical.href : location.href), location.href);
    address.hash = id;
    var today = new Date();
    var texts = {};
    FORMATS.forEach(function (format) {
      texts[format] = fill(templates[format], sentence ? sentence.paragraph : id, address.href, today, sentence);
    });
    panel = document.createElement("div");
    panel.className = "edition-cite-panel";
    panel.id = "edition-cite-panel";
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-labelledby", "edition-cite-panel-title");
    var title = document.createElement("p");
    title.className = "edition-cite-panel__title";
    title.id = "edition-cite-panel-title";
    title.textContent = sentence ? sentence.title : page ? strings.cite_page : strings.cite_title.split("{id}").join(id);
    var preview = document.createElement("p");
    preview.className = "edition-cite-panel__text";
    preview.textContent = texts.text;
    var list = document.createElement("ul");
    list.className = "edition-cite-panel__formats";
    FORMATS.forEach(function (format) {
      var name = strings["format_" + format];
      var item = document.createElement("li");
      var label = document.createElement("span");
      label.className = "edition-cite-panel__format";
      label.textContent = name;
      var copyButton = makeButton(strings.copy, strings.copy_label.split("{format}").join(name), function () {
        copy(texts[format], copyButton, name);
      });
      var downloadButton = makeButton(strings.download, strings.download_label.split("{format}").join(name), function () {
        save(texts[format], format, id);
      });
      item.appendChild(label);
      item.appendChild(copyButton);
      item.appendChild(downloadButton);
      list.appendChild(item);
    });
    var close = makeButton(strings.cite_close, null, function () {
      closePanel(true);
    });
    close.className = "edition-cite-panel__close";
    panel.appendChild(title);
    if (sentence) sentence.extra.forEach(function (node) { panel.appendChild(node); });
    panel.appendChild(preview);
    panel.appendChild(list);
    var report = reportLink(block, block ? block.id : id); /* a sentence: its paragraph's report */
    if (report) panel.appendChild(report);
    panel.appendChild(close);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.stopPropagation();
        closePanel(true);
      }
    });
    (heading || block || button.parentNode).insertAdjacentElement("afterend", panel);
    if (!sentence) {
      button.setAttribute("aria-expanded", "true");
      button.setAttribute("aria-controls", panel.id);
    }
    opener = button;
    if (sentence) {
      /* A sentence's panel opens with its twin and link: focus the panel, read from its title. */
      panel.tabIndex = -1;
      panel.focus();
    } else {
      list.querySelector("button").focus();
    }
  }

  /* 4. Report a mistake ------------------------------------------------------------------ */

  /* The words of a paragraph as a reader sees them: without its tools and note markers. */
  function wording(block) {
    if (!block) return "";
    var copy = block.cloneNode(true);
    var extras = copy.querySelectorAll(".edition-tools, .edition-parallel__id, .edition-cite, sup[id^='fnref']");
    for (var i = 0; i < extras.length; i++) extras[i].parentNode.removeChild(extras[i]);
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* The Cite panel's "Report a mistake": the paragraph's own link (made at build), else the page's form. */
  function reportLink(block, id) {
    var own = block && block.querySelector(".edition-report");
    var href = own ? own.href : strings.report_url;
    if (!href) return null;
    var link = document.createElement("a");
    link.className = "edition-report edition-cite-panel__report";
    link.href = href;
    link.textContent = strings.report;
    if (own) {
      link.setAttribute("data-block", id);
      link.setAttribute("aria-label", strings.report_label.split("{id}").join(id));
    } else {
      link.setAttribute("aria-label", strings.report_page_label);
    }
    return link;
  }

  /* When a report link is followed: the paragraph's current wording goes into the form's "current" field. */
  function addWording(link) {
    var id = link.getAttribute("data-block");
    var block = id ? document.getElementById(id) : link.closest("[id]");
    /* A side-by-side row: the words in the page's language. */
    var cell = block && block.querySelector(".edition-parallel__cell[lang='" + document.documentElement.lang + "']");
    var text = wording(cell || block);
    if (!text) return;
    var target = new URL(link.href);
    target.searchParams.set("current", text);
    link.href = target.href;
  }

  /* 5. Sentences on demand --------------------------------------------------------------- */

  var sentencesScript = null;
  function loadSentences() {
    if (!sentencesScript) {
      window.editionCite = { strings: strings, open: openPanel, announce: announce };
      sentencesScript = addScript(strings.sentences_script, "editionSentences");
      sentencesScript.catch(function () { sentencesScript = null; });
    }
    return sentencesScript;
  }

  /* Every event on a sentence goes to edition-sentences.js, loaded by the first one (pointer out and
     focus out only matter once it is loaded: nothing is highlighted before). */
  function onSentence(event) {
    var sentence = event.target.closest && event.target.closest(".edition-s");
    if (!sentence || !strings.sentences_script) return;
    if (!sentencesScript && (event.type === "pointerout" || event.type === "focusout")) return;
    if (event.type === "keydown" && event.target !== sentence) return;
    if (event.type === "keydown" && (event.key === " " || event.key === "Enter")) event.preventDefault();
    loadSentences().then(function (module) { module.handle(event, sentence, cite); });
  }

  var HIT = "edition-search-hit";
  /* A search result's matched words, kept for the page it opens (edition-search.js marks them). */
  function rememberHit(event) {
    var link = event.target.closest && event.target.closest(".edition-search__link");
    var mark = link && link.querySelector("mark");
    try {
      if (mark) sessionStorage.setItem(HIT, JSON.stringify({ href: link.href, term: mark.textContent }));
    } catch (error) {
      /* no storage: the result lands on its paragraph */
    }
  }

  /* A remembered hit is for the navigation its click started, and for nothing after: it is read once,
    at the next page or address, and dropped whether or not it is for it (a hit left over would move a
    later visit of the same paragraph to a sentence). */
  function landOnHit() {
    var hit = null;
    try {
      hit = JSON.parse(sessionStorage.getItem(HIT));
      sessionStorage.removeItem(HIT);
    } catch (error) {
      return;
    }
    if (!hit || hit.href !== location.href) return;
    loadSentences().then(function (module) { module.land(hit.term); });
  }

  function start() {
    addSearchButton();
    ["pointerover", "pointerout", "focusin", "focusout", "click", "keydown"].forEach(function (type) {
      document.addEventListener(type, onSentence);
    });
    document.addEventListener("click", rememberHit, true);
    window.addEventListener("hashchange", landOnHit);
    landOnHit();
    keepParagraphOnSwitch();
    window.addEventListener("hashchange", keepParagraphOnSwitch);
    /* and at the moment a language is chosen, whatever happened to the address since */
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".md-select__link[hreflang]")) keepParagraphOnSwitch();
    }, true);
    /* A report link followed (by click, Enter or a middle click): the wording goes in first. */
    ["click", "auxclick"].forEach(function (kind) {
      document.addEventListener(kind, function (event) {
        var report = event.target.closest && event.target.closest(".edition-report");
        if (report) addWording(report);
      });
    });
    if (!cite || !strings.cite_title) return;
    var buttons = document.querySelectorAll(".edition-cite");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].setAttribute("aria-expanded", "false");
    }
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".edition-cite");
      if (button) openPanel(button);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
