/* Sortable and filterable data tables, without a library (progressive enhancement).
 *
 * The Figures, Measures and Glossary pages are plain HTML tables that read well without
 * JavaScript. For each `.edition-table` wrapper this script turns the column headings into sort
 * buttons (aria-sort tells screen readers the order) and, if the wrapper has
 * `data-filter-column`, adds a list that shows only the rows of one value of that column (the
 * reform area, the kind of term). A cell may carry its sort key in `data-sort` (a number).
 * A wrapper with `data-download` (the dataset's JSON under data/, scripts/edition/downloads.py)
 * also gets a button that downloads the rows shown, in the order shown, as CSV: made here from
 * that file's records and columns, written as Python's csv module writes figures.csv.
 */
(function () {
  "use strict";

  function sortKey(cell) {
    var holder = cell.querySelector("[data-sort]");
    if (holder) {
      return parseFloat(holder.getAttribute("data-sort"));
    }
    return cell.textContent.trim();
  }

  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") {
      return a - b;
    }
    return String(a).localeCompare(String(b), document.documentElement.lang || undefined, { numeric: true });
  }

  function makeSortable(table) {
    var body = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    Array.prototype.forEach.call(body.rows, function (row, index) {
      row.setAttribute("data-order", String(index));
    });
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var result = compare(sortKey(a.cells[column]), sortKey(b.cells[column]));
          if (result === 0) {
            result = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
            return result;
          }
          return ascending ? result : -result;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });
  }

  function makeFilterable(wrapper, table) {
    var column = Number(wrapper.getAttribute("data-filter-column"));
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var values = [];
    rows.forEach(function (row) {
      var value = row.cells[column].textContent.trim();
      if (values.indexOf(value) < 0) {
        values.push(value);
      }
    });
    var id = "edition-filter-" + document.querySelectorAll(".edition-table__filter").length;
    var box = document.createElement("div");
    box.className = "edition-table__filter";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = wrapper.getAttribute("data-filter-label");
    var select = document.createElement("select");
    select.id = id;
    [wrapper.getAttribute("data-filter-all")].concat(values).forEach(function (value, index) {
      var option = document.createElement("option");
      option.value = index === 0 ? "" : value;
      option.textContent = value;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      rows.forEach(function (row) {
        row.hidden = select.value !== "" && row.cells[column].textContent.trim() !== select.value;
      });
    });
    box.appendChild(label);
    box.appendChild(select);
    wrapper.insertBefore(box, wrapper.firstChild);
  }

  /* One CSV field, quoted only when it must be (Python's csv.QUOTE_MINIMAL). */
  function csvField(value) {
    var text = typeof value === "boolean" ? String(value) : value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? '"' + text.split('"').join('""') + '"' : text;
  }

  function csvOf(document, ids) {
    var names = Object.keys(document.fields);
    var byId = {};
    document.records.forEach(function (record) {
      byId[record.id] = record;
    });
    var lines = [names.map(csvField).join(",")];
    ids.forEach(function (id) {
      var record = byId[id];
      if (record) {
        lines.push(names.map(function (name) { return csvField(record[name]); }).join(","));
      }
    });
    return "\ufeff" + lines.join("\n") + "\n"; /* the byte-order mark: Excel reads the Chinese as UTF-8 */
  }

  function addDownload(wrapper, table) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "edition-table__download";
    button.textContent = wrapper.getAttribute("data-download-label");
    button.addEventListener("click", function () {
      var ids = Array.prototype.filter.call(table.tBodies[0].rows, function (row) {
        return !row.hidden;
      }).map(function (row) {
        return row.getAttribute("data-id");
      });
      fetch(wrapper.getAttribute("data-download"))
        .then(function (response) { return response.json(); })
        .then(function (data) {
          /* edition.js's download (loaded on every page before this script) */
          window.editionDownload(csvOf(data, ids), "text/csv", wrapper.getAttribute("data-download-name") + "-shown.csv");
        });
    });
    var box = wrapper.querySelector(".edition-table__filter");
    if (box) {
      box.appendChild(button);
    } else {
      wrapper.insertBefore(button, wrapper.firstChild);
    }
  }

  function enhance() {
    document.querySelectorAll(".edition-table:not([data-enhanced])").forEach(function (wrapper) {
      var table = wrapper.querySelector("table");
      if (!table || !table.tHead || !table.tBodies.length) {
        return;
      }
      wrapper.setAttribute("data-enhanced", "");
      makeSortable(table);
      if (wrapper.hasAttribute("data-filter-column")) {
        makeFilterable(wrapper, table);
      }
      if (wrapper.hasAttribute("data-download")) {
        addDownload(wrapper, table);
      }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else {
    enhance();
  }
})();
