/* Catalogue behaviour: faceted filters (catalogue, requirements explorer), print button.
 *
 * Progressive enhancement: the generated pages hold every row; the filter forms show only when
 * script runs (main.html marks <html class="has-script"> before the first paint, so the forms
 * do not shift the page when they appear). Without script, every table shows in full.
 *
 * Filter state lives in the query string (?domain=forestry&district=500101), so a filtered
 * view can be shared and the language switch carries it to the other language's page.
 */
(function () {
  "use strict";

  var CITYWIDE = "500000"; // a citywide scenario applies in every district
  var EPSILON = 1e-9; // thresholds are compared in base units, which are products of decimals

  /** The values a row holds for a facet: data-capabilities="a b" -> ["a", "b"]. */
  function rowValues(row, attribute) {
    var raw = row.getAttribute("data-" + attribute);
    return raw ? raw.split(" ") : [];
  }

  /** Whether `row` passes `facet` given the chosen values (an empty choice passes everything). */
  function passesFacet(row, facet, chosen) {
    if (chosen.length === 0) return true;
    var values = rowValues(row, facet.attribute);
    if (facet.attribute === "districts" && values.indexOf(CITYWIDE) !== -1) return true;
    return values.some(function (value) {
      return chosen.indexOf(value) !== -1;
    });
  }

  /** Whether a delivered value `offered` (base units) meets a target `op target`. */
  function meets(offered, op, target) {
    var slack = EPSILON * Math.max(1, Math.abs(target));
    switch (op) {
      case "<=":
        return offered <= target + slack;
      case "<":
        return offered < target - slack;
      case ">=":
        return offered >= target - slack;
      case ">":
        return offered > target + slack;
      default:
        return Math.abs(offered - target) <= slack;
    }
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return String(values[key]);
    });
  }

  /** One filterable table: its form, facets, optional threshold and rows. */
  function FilterTable(container, table) {
    this.container = container;
    this.form = container.querySelector("form");
    this.rows = Array.prototype.slice.call(table.tBodies[0].rows);
    this.summary = container.querySelector("[data-summary]");
    this.empty = document.querySelector("[data-filter-empty]");
    this.facets = Array.prototype.map.call(container.querySelectorAll("fieldset[data-facet]"), function (fieldset) {
      return {
        name: fieldset.getAttribute("data-facet"),
        attribute: fieldset.getAttribute("data-attribute"),
        inputs: Array.prototype.slice.call(fieldset.querySelectorAll("input[type=checkbox]")),
      };
    });
    var threshold = container.querySelector("fieldset[data-threshold]");
    this.threshold = threshold && {
      metric: threshold.querySelector("select[name=metric]"),
      value: threshold.querySelector("input[name=value]"),
      unit: threshold.querySelector("select[name=unit]"),
    };
  }

  FilterTable.prototype.chosen = function (facet) {
    return facet.inputs
      .filter(function (input) {
        return input.checked;
      })
      .map(function (input) {
        return input.value;
      });
  };

  /** The threshold as {metric, offered (base units, or null)}; null when no metric is chosen. */
  FilterTable.prototype.limit = function () {
    var t = this.threshold;
    if (!t || !t.metric.value) return null;
    var value = t.value.value.trim() === "" ? NaN : Number(t.value.value);
    var unit = t.unit.selectedOptions[0];
    var offered = isFinite(value) && unit ? value * Number(unit.getAttribute("data-factor")) : null;
    return { metric: t.metric.value, offered: offered };
  };

  FilterTable.prototype.passesLimit = function (row, limit) {
    if (!limit) return true;
    if (row.getAttribute("data-metric") !== limit.metric) return false;
    if (limit.offered === null) return true;
    return meets(limit.offered, row.getAttribute("data-op"), Number(row.getAttribute("data-base")));
  };

  /** Whether `row` passes every filter except facet `skip` (for that facet's counts). */
  FilterTable.prototype.passes = function (row, choices, limit, skip) {
    for (var i = 0; i < this.facets.length; i++) {
      if (this.facets[i] !== skip && !passesFacet(row, this.facets[i], choices[i])) return false;
    }
    return this.passesLimit(row, limit);
  };

  FilterTable.prototype.update = function () {
    var self = this;
    var choices = this.facets.map(function (facet) {
      return self.chosen(facet);
    });
    var limit = this.limit();
    var shown = 0;
    this.rows.forEach(function (row) {
      var visible = self.passes(row, choices, limit, null);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    // Each value's count: the rows it would show, given the choices in the other facets.
    this.facets.forEach(function (facet) {
      var others = self.rows.filter(function (row) {
        return self.passes(row, choices, limit, facet);
      });
      facet.inputs.forEach(function (input) {
        var count = others.filter(function (row) {
          return passesFacet(row, facet, [input.value]);
        }).length;
        var badge = input.parentNode.querySelector("[data-count]");
        if (badge) badge.textContent = "(" + count + ")";
        input.parentNode.classList.toggle("filters__value--none", count === 0 && !input.checked);
      });
    });
    if (this.summary) {
      this.summary.textContent = format(this.summary.getAttribute("data-summary"), { shown: shown, total: this.rows.length });
    }
    if (this.empty) this.empty.hidden = shown !== 0;
    this.saveState();
  };

  /** Offer only the units that measure the chosen metric's dimension. */
  FilterTable.prototype.fitUnits = function () {
    var t = this.threshold;
    if (!t) return;
    var option = t.metric.selectedOptions[0];
    var dimension = option ? option.getAttribute("data-dimension") : null;
    var first = null;
    Array.prototype.forEach.call(t.unit.options, function (unit) {
      var fits = !dimension || unit.getAttribute("data-dimension") === dimension;
      unit.hidden = !fits;
      unit.disabled = !fits;
      if (fits && first === null) first = unit;
    });
    var current = t.unit.selectedOptions[0];
    if ((!current || current.disabled) && first) t.unit.value = first.value;
    t.value.disabled = t.unit.disabled = !dimension;
  };

  FilterTable.prototype.query = function () {
    var params = new URLSearchParams();
    var self = this;
    this.facets.forEach(function (facet) {
      self.chosen(facet).forEach(function (value) {
        params.append(facet.name, value);
      });
    });
    var t = this.threshold;
    if (t && t.metric.value) {
      params.set("metric", t.metric.value);
      if (t.value.value.trim() !== "") {
        params.set("value", t.value.value.trim());
        params.set("unit", t.unit.value);
      }
    }
    return params.toString();
  };

  FilterTable.prototype.saveState = function () {
    var query = this.query();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      try {
        history.replaceState(null, "", url);
      } catch (error) {
        // Some browsers refuse to change the address of a page opened from file://; the filters still work.
      }
    }
    carryQueryToLanguageSwitch();
  };

  /** Restore the filters from the query string; accepts repeated keys and comma lists. */
  FilterTable.prototype.loadState = function () {
    var params = new URLSearchParams(location.search);
    var wanted = function (name) {
      return params.getAll(name).reduce(function (all, value) {
        return all.concat(value.split(","));
      }, []);
    };
    this.facets.forEach(function (facet) {
      var values = wanted(facet.name);
      facet.inputs.forEach(function (input) {
        input.checked = values.indexOf(input.value) !== -1;
      });
      // A facet in use is shown open, so the reader sees why rows are missing.
      var details = facet.inputs.length ? facet.inputs[0].closest("details") : null;
      if (details && values.length) details.open = true;
    });
    var t = this.threshold;
    if (t) {
      t.metric.value = params.get("metric") || "";
      if (t.metric.selectedIndex < 0) t.metric.value = "";
      this.fitUnits();
      t.value.value = params.get("value") || "";
      if (params.get("unit")) t.unit.value = params.get("unit");
      this.fitUnits();
    }
  };

  FilterTable.prototype.start = function () {
    var self = this;
    this.loadState();
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    this.form.addEventListener("change", function (event) {
      if (self.threshold && event.target === self.threshold.metric) self.fitUnits();
      self.update();
    });
    this.form.addEventListener("input", function () {
      self.update();
    });
    this.form.addEventListener("reset", function () {
      setTimeout(function () {
        self.fitUnits();
        self.update();
      });
    });
    this.update();
  };

  /** Point the header's language links at the other language's page with the same query. */
  function carryQueryToLanguageSwitch() {
    Array.prototype.forEach.call(document.querySelectorAll("a[data-language-switch]"), function (link) {
      var base = link.getAttribute("data-href") || link.getAttribute("href");
      link.setAttribute("data-href", base);
      link.setAttribute("href", base + location.search);
    });
  }

  function startPrinting() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print-url]"), function (element) {
      element.textContent = location.href.split("#")[0];
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-print-action]"), function (action) {
      action.hidden = false;
      action.querySelector("button[data-print]").addEventListener("click", function () {
        window.print();
      });
    });
  }

  /** Material's search dialog has no accessible name; it works only with script, so name it here. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  }

  function start() {
    nameSearchDialog();
    Array.prototype.forEach.call(document.querySelectorAll("[data-filters]"), function (container) {
      var table = document.querySelector("table[data-filter-table]");
      if (table) new FilterTable(container, table).start();
    });
    carryQueryToLanguageSwitch();
    startPrinting();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
