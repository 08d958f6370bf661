/*
 * Keyboard and screen reader access to the theme's own controls, where Material's markup falls
 * short of WCAG 2.2 AA (issue 24's audit). Loaded by overrides/main.html before Material's bundle,
 * so it runs first: it takes the titles off the glossary terms before Material would make its own
 * tooltips of them. Each part says what Material does and what is changed; check them against a
 * Material upgrade (tests/test_browser_access.py acts as the audit did).
 *
 * 1. The navigation drawer (narrow screens, 200 % zoom): Material's menu control is a <label> with
 *    no name and no tab stop. A named button takes its place, which says whether the drawer is
 *    open; opened by the keyboard, it moves focus into the drawer; Escape closes it and returns to
 *    the button, and so does Tab past its last link. The closed drawer is hidden (edition.css), so Tab no longer walks through its
 *    links off-screen.
 * 2. The palette toggle: Material's radios were named for the other palette ("Switch to dark
 *    mode" on a page already dark, no radio checked yet) and showed no focus. One button stands
 *    for Material's labels, named by what it does (the shown label's title); the radios are taken
 *    out of the tab order and the accessibility tree.
 * 3. The language menu: its button says whether the menu is open (aria-expanded), and Escape
 *    closes it (Material opens it on focus and keeps it open while focus is inside).
 * 4. Glossary term notes (WCAG 1.4.13): Material's tooltips do not close on Escape. The edition's
 *    own note shows on hover and focus, stays while the pointer is over it, and closes on Escape;
 *    its words are marked with their language. Without JavaScript the term keeps its title.
 * 5. Single-key shortcuts (WCAG 2.1.4): "/" and "s" open search (edition.js), "n", "p", "." and
 *    "," turn the page (Material). A switch at the foot of each page turns them all off; the
 *    choice is kept in the browser (localStorage).
 */
(function () {
  "use strict";

  var strings = {};
  try {
    strings = JSON.parse(document.getElementById("__edition").textContent);
  } catch (error) {
    /* no strings: the controls keep Material's markup */
  }
  var pageLang = document.documentElement.lang || "zh";

  function visible(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
  }

  /* 1. The navigation drawer ---------------------------------------------------------------- */

  /* A button in the label's place, with its classes and icon (the label, which needs no script,
     stays where the script does not run; a label may not take the role of a button). */
  function buttonFor(label, className) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " " + className;
    while (label.firstChild) button.appendChild(label.firstChild);
    return button;
  }

  function drawer() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector(".md-header label[for='__drawer']");
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!toggle || !label || !sidebar || !strings.menu) return;
    sidebar.id = sidebar.id || "edition-drawer";
    var button = buttonFor(label, "edition-drawer-button");
    button.setAttribute("aria-label", strings.menu);
    button.setAttribute("aria-controls", sidebar.id);
    label.parentNode.replaceChild(button, label);
    var sync = function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    };
    sync();
    toggle.addEventListener("change", function () {
      sync();
      if (!toggle.checked && sidebar.contains(document.activeElement)) button.focus();
    });
    button.addEventListener("click", function (event) {
      toggle.click();
      if (!toggle.checked || event.detail !== 0) return; /* by the keyboard (no pointer): focus moves in */
      var stops = sidebar.querySelectorAll("a[href], [tabindex='0']");
      for (var i = 0; i < stops.length; i++) {
        if (visible(stops[i])) {
          stops[i].focus();
          return;
        }
      }
    });
    /* Tab past the drawer's last link closes it: focus does not go on under the overlay. */
    sidebar.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (toggle.checked && visible(button) && next && !sidebar.contains(next) && next !== button) toggle.click();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked && visible(button)) {
        toggle.click();
        button.focus();
      }
    });
  }

  /* 2. The palette toggle ------------------------------------------------------------------- */

  /* One button for Material's labels (one per palette, the others hidden): it shows the icon and
     says the name of the label Material shows, and clicking it clicks that label. */
  function palette() {
    var form = document.querySelector("[data-md-component='palette']");
    if (!form) return;
    var labels = form.querySelectorAll("label");
    if (!labels.length) return;
    var inputs = form.querySelectorAll("input");
    for (var i = 0; i < inputs.length; i++) inputs[i].hidden = true; /* a label still checks it */
    var button = document.createElement("button");
    button.type = "button";
    button.className = labels[0].className + " edition-palette-button";
    form.classList.add("edition-palette");
    form.appendChild(button);
    var shown = function () {
      return form.querySelector("label:not([hidden])");
    };
    var sync = function () {
      var label = shown();
      button.hidden = !label;
      if (!label) return;
      button.setAttribute("aria-label", label.title);
      button.title = label.title;
      button.innerHTML = "";
      var icon = label.querySelector("svg");
      if (icon) button.appendChild(icon.cloneNode(true));
    };
    button.addEventListener("click", function () {
      var label = shown();
      if (label) label.click();
    });
    /* Material's palette also turns on Enter anywhere in its form (for its radios): the button's
       own Enter (its click) must not reach it, or the palette would turn twice. */
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.stopPropagation();
    });
    form.addEventListener("change", function () {
      setTimeout(sync, 0); /* after Material has shown the other label */
    });
    /* Material shows the label of the palette in force once its own script has run. */
    new MutationObserver(sync).observe(form, { attributes: true, subtree: true, attributeFilter: ["hidden"] });
    sync();
  }

  /* 3. The language menu -------------------------------------------------------------------- */

  function languages() {
    var select = document.querySelector(".md-header .md-select");
    var button = select && select.querySelector("button");
    var inner = select && select.querySelector(".md-select__inner");
    if (!button || !inner) return;
    inner.id = inner.id || "edition-languages";
    button.setAttribute("aria-controls", inner.id);
    button.setAttribute("aria-expanded", "false");
    var set = function (open) {
      select.classList.toggle("edition-select--closed", !open);
      button.setAttribute("aria-expanded", String(open));
    };
    select.addEventListener("focusin", function () {
      if (!select.classList.contains("edition-select--dismissed")) set(true);
    });
    select.addEventListener("focusout", function (event) {
      if (select.contains(event.relatedTarget)) return;
      select.classList.remove("edition-select--dismissed", "edition-select--closed");
      button.setAttribute("aria-expanded", "false");
    });
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      select.classList.toggle("edition-select--dismissed", !open);
      set(open);
    });
    select.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") return;
      event.stopPropagation();
      select.classList.add("edition-select--dismissed");
      set(false);
      button.focus();
    });
  }

  /* 4. Glossary term notes ------------------------------------------------------------------ */

  var HAN = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;
  var LATIN = /[A-Za-z][A-Za-z0-9'’\-]*(?:[ ,.;:()\-]+[A-Za-z0-9][A-Za-z0-9'’\-]*)*/g;

  /* ``text`` as nodes, its runs of the page's other language in a span with their lang (the
     build does the same for the page's text: edition/lang_marks.py). */
  function marked(text) {
    var pattern = pageLang === "zh" ? LATIN : HAN;
    var other = pageLang === "zh" ? "en" : "zh";
    var fragment = document.createDocumentFragment();
    var position = 0;
    text.replace(pattern, function (run, offset) {
      fragment.appendChild(document.createTextNode(text.slice(position, offset)));
      var span = document.createElement("span");
      span.lang = other;
      span.textContent = run;
      fragment.appendChild(span);
      position = offset + run.length;
      return run;
    });
    fragment.appendChild(document.createTextNode(text.slice(position)));
    return fragment;
  }

  function termNotes() {
    var terms = document.querySelectorAll("abbr.edition-term[title]");
    if (!terms.length) return;
    var notes = document.createElement("div");
    notes.hidden = true;
    notes.className = "edition-term-notes";
    var tip = document.createElement("div");
    tip.className = "edition-term-tip md-typeset";
    tip.hidden = true;
    tip.setAttribute("aria-hidden", "true"); /* screen readers have the note as the term's description */
    var current = null;
    var leaving = null;
    var hide = function () {
      clearTimeout(leaving);
      tip.hidden = true;
      current = null;
    };
    var show = function (term) {
      clearTimeout(leaving);
      if (current === term && !tip.hidden) return;
      current = term;
      tip.textContent = "";
      tip.appendChild(document.getElementById(term.getAttribute("aria-describedby")).cloneNode(true));
      tip.firstChild.removeAttribute("id");
      tip.hidden = false;
      /* Under the term's line (above it if there is no room below), inside the window. */
      var box = term.getBoundingClientRect();
      var width = Math.min(tip.offsetWidth, document.documentElement.clientWidth - 16);
      var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
      var top = box.bottom + 6;
      if (top + tip.offsetHeight > window.innerHeight && box.top - tip.offsetHeight - 6 > 0) {
        top = box.top - tip.offsetHeight - 6;
      }
      tip.style.left = left + window.scrollX + "px";
      tip.style.top = top + window.scrollY + "px";
    };
    var later = function () {
      clearTimeout(leaving);
      leaving = setTimeout(hide, 300); /* time to move the pointer onto the note (hoverable) */
    };
    Array.prototype.forEach.call(terms, function (term, index) {
      var note = document.createElement("span");
      note.id = "edition-term-note-" + index;
      note.appendChild(marked(term.title));
      notes.appendChild(note);
      term.removeAttribute("title"); /* Material's tooltip and the browser's own would show it too */
      term.setAttribute("aria-describedby", note.id);
      term.addEventListener("mouseenter", function () { show(term); });
      term.addEventListener("focus", function () { show(term); });
      term.addEventListener("mouseleave", later);
      term.addEventListener("blur", hide);
    });
    tip.addEventListener("mouseenter", function () { clearTimeout(leaving); });
    tip.addEventListener("mouseleave", later);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !tip.hidden) hide();
    });
    document.body.appendChild(notes);
    document.body.appendChild(tip);
  }

  /* 5. Single-key shortcuts ------------------------------------------------------------------ */

  var SHORTCUTS = ["/", "s", "S", "n", "N", "p", "P", ".", ","];
  var STORE = "edition.shortcuts";

  function shortcutsOn() {
    try {
      return localStorage.getItem(STORE) !== "off";
    } catch (error) {
      return true;
    }
  }

  /* Before every other listener (the window's capture phase): stops edition.js's and Material's. */
  window.addEventListener("keydown", function (event) {
    if (shortcutsOn() || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (SHORTCUTS.indexOf(event.key) !== -1) event.stopImmediatePropagation();
  }, true);

  function shortcutSwitch() {
    var colophon = document.querySelector(".edition-colophon");
    if (!colophon || !strings.shortcuts) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "edition-shortcuts";
    button.textContent = strings.shortcuts;
    var sync = function () {
      button.setAttribute("aria-pressed", String(shortcutsOn()));
    };
    sync();
    button.addEventListener("click", function () {
      try {
        localStorage.setItem(STORE, shortcutsOn() ? "off" : "on");
      } catch (error) {
        /* storage refused: nothing to keep */
      }
      sync();
    });
    colophon.appendChild(document.createTextNode(" "));
    colophon.appendChild(button);
  }

  termNotes(); /* now, before Material's bundle looks for abbr[title] */

  function start() {
    drawer();
    palette();
    languages();
    shortcutSwitch();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
