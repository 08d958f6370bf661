/*
 * The edition's page behaviour, loaded by overrides/main.html right before Material's bundle.
 * No dependencies; the page reads fully without it.
 *
 * 1. Search on demand. The edition's search (edition-search.js, beside this file) replaces
 *    Material's: a search button is added to the header (search needs JavaScript, so without it
 *    there is no button), and the search script and its index load only when a reader opens it,
 *    by the button or the "/" or "s" key.
 * 2. The language switch keeps the paragraph: its links carry the current #id.
 * 3. "Cite" buttons beside each paragraph copy its citation in the page's language.
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
      var script = new Promise(function (resolve, reject) {
        var element = document.createElement("script");
        element.src = strings.search_script;
        element.onload = function () { resolve(window.editionSearch); };
        element.onerror = function (error) {
          searchScript = null;
          reject(error);
        };
        document.head.appendChild(element);
      });
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

  function citationFor(id) {
    var canonical = document.querySelector("link[rel=canonical]");
    var address = new URL(canonical ? canonical.href : location.href);
    address.hash = id;
    return strings.citation.split("{id}").join(id).split("{url}").join(address.href);
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

  function cite(button) {
    var block = button.closest("[id]");
    if (!block) return;
    var text = citationFor(block.id);
    var done = function () {
      button.classList.add("edition-cite--done");
      setTimeout(function () {
        button.classList.remove("edition-cite--done");
      }, 2000);
      announce(strings.copied + ": " + text);
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

  function start() {
    addSearchButton();
    keepParagraphOnSwitch();
    window.addEventListener("hashchange", keepParagraphOnSwitch);
    if (!strings.citation) return;
    var buttons = document.querySelectorAll(".edition-cite");
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".edition-cite");
      if (button) cite(button);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
