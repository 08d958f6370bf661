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
 *    edition's version and today's date as the access date.
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

  /* A template with its tokens filled, as citations.py's fill() does. */
  function fill(template, id, url, today) {
    var y = today.getFullYear(), m = today.getMonth() + 1, d = today.getDate();
    var shown = replaceAll(cite.date, { "{y}": String(y), "{month}": cite.months[m - 1], "{m}": String(m), "{d}": String(d) });
    return replaceAll(template, {
      "{id}": id,
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

  function save(text, format, id) {
    var file = cite.files[format];
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: file.type + ";charset=utf-8" }));
    link.download = cite.file + (id ? "-" + id : "") + "." + file.extension;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
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
    opener.setAttribute("aria-expanded", "false");
    opener.removeAttribute("aria-controls");
    if (restoreFocus) opener.focus();
    panel = null;
    opener = null;
  }

  /* The Cite panel of a paragraph (or of the page): the plain citation, then each format to copy or
     download. It follows the paragraph, so Tab reaches it next; Escape or "Close" returns to Cite. */
  function openPanel(button) {
    var again = opener === button;
    closePanel(false);
    if (again) return;
    var page = button.classList.contains("edition-cite--page");
    /* A heading's tools follow it, the two wrapped in .edition-heading (paragraph_tools.py). */
    var heading = button.closest(".edition-heading");
    var block = page ? null : heading ? heading.firstElementChild : button.closest("[id]");
    var id = block ? block.id : "";
    var templates = page ? cite.page : cite.paragraph;
    var canonical = document.querySelector("link[rel=canonical]");
    var address = new URL(canonical ? canonical.href : location.href);
    address.hash = id;
    var today = new Date();
    var texts = {};
    FORMATS.forEach(function (format) {
      texts[format] = fill(templates[format], id, address.href, today);
    });
    panel = document.createElement("div");
    panel.className = "edition-cite-panel";
    panel.id = "edition-cite-panel";
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-labelledby", "edition-cite-panel-title");
    var title = document.createElement("p");
    title.className = "edition-cite-panel__title";
    title.id = "edition-cite-panel-title";
    title.textContent = page ? strings.cite_page : strings.cite_title.split("{id}").join(id);
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
    panel.appendChild(preview);
    panel.appendChild(list);
    panel.appendChild(close);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.stopPropagation();
        closePanel(true);
      }
    });
    (heading || block || button.parentNode).insertAdjacentElement("afterend", panel);
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-controls", panel.id);
    opener = button;
    list.querySelector("button").focus();
  }

  function start() {
    addSearchButton();
    keepParagraphOnSwitch();
    window.addEventListener("hashchange", keepParagraphOnSwitch);
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
