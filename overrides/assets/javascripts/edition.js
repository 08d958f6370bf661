/*
 * The edition's page behaviour, loaded by overrides/main.html right before Material's bundle.
 * No dependencies; the page reads fully without it.
 *
 * 1. Search on demand. Material starts its search worker and downloads the search index as soon
 *    as a page loads. Here both wait until the reader turns to search (focuses the search box,
 *    opens the search dialog or taps its button), so a reader who never searches never downloads
 *    them: the Worker Material creates is a stand-in until its first message, and the index
 *    request is held until then. Material's probing of sitemap.xml next to every hreflang link
 *    (to map the language switch, which the i18n plugin's links already do per page) is answered
 *    at once as failed instead of costing requests.
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

  var releaseSearch;
  var searchWanted = new Promise(function (resolve) {
    releaseSearch = resolve;
  });

  function turnsToSearch(event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search, label[for='__search']")) {
      releaseSearch();
    }
  }
  document.addEventListener("focusin", turnsToSearch, true);
  document.addEventListener("pointerdown", turnsToSearch, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) {
      releaseSearch();
    }
  }, true);

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var path = String(url).split(/[?#]/)[0];
    this.editionHold = /\/search\/search_index\.json$/.test(path);
    this.editionRefuse = /\/sitemap\.xml$/.test(path);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.editionRefuse) {
      setTimeout(function () {
        request.dispatchEvent(new ProgressEvent("error"));
      }, 0);
      return undefined;
    }
    if (request.editionHold) {
      searchWanted.then(function () {
        send.apply(request, args);
      });
      return undefined;
    }
    return send.apply(request, args);
  };

  var RealWorker = window.Worker;
  function DeferredWorker(url, options) {
    this.url = url;
    this.options = options;
    this.worker = null;
    this.listeners = [];
  }
  DeferredWorker.prototype.addEventListener = function (type, listener, options) {
    this.listeners.push([type, listener, options]);
    if (this.worker) this.worker.addEventListener(type, listener, options);
  };
  DeferredWorker.prototype.removeEventListener = function (type, listener, options) {
    this.listeners = this.listeners.filter(function (entry) {
      return entry[0] !== type || entry[1] !== listener;
    });
    if (this.worker) this.worker.removeEventListener(type, listener, options);
  };
  DeferredWorker.prototype.postMessage = function (message, transfer) {
    if (!this.worker) {
      this.worker = new RealWorker(this.url, this.options);
      for (var i = 0; i < this.listeners.length; i++) {
        this.worker.addEventListener.apply(this.worker, this.listeners[i]);
      }
    }
    this.worker.postMessage(message, transfer);
  };
  DeferredWorker.prototype.terminate = function () {
    if (this.worker) this.worker.terminate();
  };
  if (RealWorker) {
    window.Worker = function (url, options) {
      return /\/edition-search\.js$/.test(String(url))
        ? new DeferredWorker(url, options)
        : new RealWorker(url, options);
    };
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
