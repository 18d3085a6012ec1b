/* Catalogue behaviour: faceted filters (catalogue, requirements explorer), print sheet, the
 * remembered language choice, clean search results.
 *
 * Progressive enhancement: the generated pages hold every row; the filter forms show only when
 * script runs (main.html marks <html class="has-script"> before the first paint, so the forms
 * do not shift the page when they appear). Without script, every table shows in full.
 *
 * Filter state lives in the query string (?domain=forestry&district=500101): a filtered view can
 * be shared, Back and Forward step through the choices, and the language switch carries it to
 * the other language's page.
 */
(function () {
  "use strict";

  var CITYWIDE = "500000"; // a citywide scenario applies in every district
  var EPSILON = 1e-9; // thresholds are compared in base units, which are products of decimals

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

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

  /** A label's own words, without the count the script adds to it. */
  function labelText(input) {
    var label = input.closest("label");
    var count = label.querySelector("[data-count]");
    return label.textContent.replace(count ? count.textContent : "", "").trim();
  }

  /** One filterable table: its form, facets, optional threshold and rows. */
  function FilterTable(container) {
    var page = container.closest("article") || document;
    var table = page.querySelector("table[data-filter-table]");
    this.container = container;
    this.form = container.querySelector("form");
    this.rows = Array.prototype.slice.call(table.tBodies[0].rows);
    this.caption = table.caption;
    this.fullCaption = table.caption ? table.caption.textContent : "";
    this.summary = container.querySelector("[data-summary]");
    this.empty = page.querySelector("[data-filter-empty]");
    this.printed = page.querySelector("[data-print-filters]");
    this.facets = Array.prototype.map.call(container.querySelectorAll("fieldset[data-facet]"), function (fieldset) {
      var legend = fieldset.querySelector("legend");
      return {
        name: fieldset.getAttribute("data-facet"),
        attribute: fieldset.getAttribute("data-attribute"),
        label: legend ? legend.textContent.trim() : fieldset.getAttribute("data-facet"),
        inputs: Array.prototype.slice.call(fieldset.querySelectorAll("input[type=checkbox]")),
      };
    });
    var threshold = container.querySelector("fieldset[data-threshold]");
    this.threshold = threshold && {
      metric: threshold.querySelector("select[name=metric]"),
      value: threshold.querySelector("input[name=value]"),
      unit: threshold.querySelector("select[name=unit]"),
      problem: threshold.querySelector("[data-threshold-problem]"),
      unknownMetric: false,
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

  /** The value typed, as a number, or NaN when it is missing or not a number of 0 or more. */
  FilterTable.prototype.offeredValue = function () {
    var text = this.threshold.value.value.trim();
    var value = text === "" || !this.threshold.value.checkValidity() ? NaN : Number(text);
    return isFinite(value) && value >= 0 ? value : NaN;
  };

  /** The threshold as {metric, offered (base units, or null)}; null when no metric is chosen. */
  FilterTable.prototype.limit = function () {
    var t = this.threshold;
    if (!t || !t.metric.value) return null;
    var value = this.offeredValue();
    var unit = t.unit.selectedOptions[0];
    var offered = isNaN(value) || !unit ? null : value * Number(unit.getAttribute("data-factor"));
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

  /** Apply the form to the table; `history` is "push", "replace" or "none" for the address. */
  FilterTable.prototype.update = function (history) {
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
        var badge = input.closest("label").querySelector("[data-count]");
        if (badge) badge.textContent = "(" + count + ")";
        input.closest("label").classList.toggle("filters__value--none", count === 0 && !input.checked);
      });
    });
    var summary = this.summary ? format(this.summary.getAttribute("data-summary"), { shown: shown, total: this.rows.length }) : "";
    if (this.summary) this.summary.textContent = summary;
    var filtered = shown !== this.rows.length || choices.some(function (c) {
      return c.length;
    });
    // The caption says what the table holds: on screen and on paper, a filtered view says so.
    if (this.caption) this.caption.textContent = filtered ? summary : this.fullCaption;
    if (this.printed) this.printed.textContent = filtered ? this.describe(choices, summary) : "";
    if (this.empty) this.empty.hidden = shown !== 0;
    this.showProblem();
    this.saveState(history);
  };

  /** The active filters in words, for a printout: "Filters: Domain: Forestry; Status: Open. Showing 2 of 15 scenarios". */
  FilterTable.prototype.describe = function (choices, summary) {
    var parts = [];
    this.facets.forEach(function (facet, i) {
      var names = facet.inputs
        .filter(function (input) {
          return choices[i].indexOf(input.value) !== -1;
        })
        .map(labelText);
      if (names.length) parts.push(facet.label + ": " + names.join(", "));
    });
    var t = this.threshold;
    if (t && t.metric.value) {
      var value = this.offeredValue();
      var metric = t.metric.selectedOptions[0].textContent.trim();
      parts.push(isNaN(value) ? metric : metric + " " + value + " " + t.unit.selectedOptions[0].textContent.trim());
    }
    return this.printed.getAttribute("data-print-filters") + ": " + parts.join("; ") + ". " + summary;
  };

  /** Say why the threshold is not applied: a value that is no number of 0 or more, or a metric the address names that no requirement measures. */
  FilterTable.prototype.showProblem = function () {
    var t = this.threshold;
    if (!t || !t.problem) return;
    var invalid = t.metric.value && t.value.value.trim() !== "" && isNaN(this.offeredValue());
    var message = invalid ? t.problem.getAttribute("data-invalid") : t.unknownMetric ? t.problem.getAttribute("data-unknown") : "";
    t.problem.textContent = message;
    t.problem.hidden = !message;
    t.value.setAttribute("aria-invalid", invalid ? "true" : "false");
  };

  /** Offer only the units a value of the chosen metric may be given in; `reset` chooses its usual unit. */
  FilterTable.prototype.fitUnits = function (reset) {
    var t = this.threshold;
    if (!t) return;
    var option = t.metric.selectedOptions[0];
    var allowed = option && option.value ? option.getAttribute("data-units").split(" ") : [];
    each(t.unit.options, function (unit) {
      var fits = allowed.indexOf(unit.value) !== -1;
      unit.hidden = !fits;
      unit.disabled = !fits;
    });
    var current = t.unit.selectedOptions[0];
    if (allowed.length && (reset || !current || current.disabled)) t.unit.value = option.getAttribute("data-default-unit");
    t.value.disabled = t.unit.disabled = !allowed.length;
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

  FilterTable.prototype.saveState = function (history) {
    var query = this.query();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (history !== "none" && url !== location.pathname + location.search + location.hash) {
      try {
        if (history === "push") window.history.pushState(null, "", url);
        else window.history.replaceState(null, "", url);
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
      var metric = params.get("metric") || "";
      t.metric.value = metric;
      t.unknownMetric = metric !== "" && t.metric.value !== metric;
      if (t.metric.selectedIndex < 0) t.metric.value = "";
      this.fitUnits(true);
      t.value.value = params.get("value") || "";
      if (params.get("unit")) t.unit.value = params.get("unit");
      this.fitUnits(false);
    }
  };

  FilterTable.prototype.start = function () {
    var self = this;
    this.loadState();
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    this.form.addEventListener("change", function (event) {
      var t = self.threshold;
      if (t && event.target === t.metric) {
        t.unknownMetric = false;
        t.value.value = ""; // a value typed for another metric means nothing for this one
        self.fitUnits(true);
      }
      self.update("push");
    });
    this.form.addEventListener("input", function (event) {
      // Typing a value updates the table at once and the address in place; choices (check boxes,
      // selects) update on "change", each a step that Back can undo.
      if (event.target.type === "number") self.update("replace");
    });
    this.form.addEventListener("reset", function () {
      setTimeout(function () {
        if (self.threshold) self.threshold.unknownMetric = false;
        self.fitUnits(true);
        self.update("push");
      });
    });
    window.addEventListener("popstate", function () {
      self.loadState();
      self.update("none");
    });
    this.update("replace");
  };

  /** Point the header's language links at the other language's page with the same query. */
  function carryQueryToLanguageSwitch() {
    each(document.querySelectorAll("a[data-language-switch]"), function (link) {
      var base = link.getAttribute("data-href") || link.getAttribute("href");
      link.setAttribute("data-href", base);
      link.setAttribute("href", base + location.search);
    });
  }

  var PRINTED = { en: "Printed ", zh: "打印日期：" };

  /** A CSS string holding `text`: no character of it can end the string or the rule. */
  function cssString(text) {
    return (
      '"' +
      String(text).replace(/["\\<>&'\u0000-\u001f\u007f]/g, function (c) {
        return "\\" + c.charCodeAt(0).toString(16) + " ";
      }) +
      '"'
    );
  }

  function today() {
    var now = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  /** The sheet's running footer and header as the reader prints it: the address in the browser
   * (filters included) and today's date. main.html gives the name, page numbers and an address. */
  function markSheet() {
    var address = location.href.split("#")[0];
    each(document.querySelectorAll("[data-print-url]"), function (element) {
      element.textContent = address;
    });
    var style = document.getElementById("catalogue-print-sheet");
    if (!style) {
      style = document.createElement("style");
      style.id = "catalogue-print-sheet";
      style.media = "print";
      document.head.appendChild(style);
    }
    var label = PRINTED[document.documentElement.lang.slice(0, 2)] || PRINTED.en;
    style.textContent =
      "@page { @top-right { content: " + cssString(label + today()) + "; } @bottom-left { content: " + cssString(address) + "; } }";
  }

  function startPrinting() {
    markSheet();
    window.addEventListener("beforeprint", markSheet); // the filters may have changed the address, the day may have turned
    each(document.querySelectorAll("[data-print-action]"), function (action) {
      action.hidden = false;
      action.querySelector("button[data-print]").addEventListener("click", function () {
        window.print();
      });
    });
  }

  /** A choice made on the language switch wins over the browser's language from then on (main.html reads it). */
  function rememberLanguageChoice() {
    each(document.querySelectorAll("a[data-language-switch]"), function (link) {
      var remember = function () {
        try {
          localStorage.setItem("catalogue.language", link.getAttribute("data-language-switch"));
        } catch (error) {
          // No storage (some private modes): the switch still works, the browser's language decides next time.
        }
      };
      link.addEventListener("click", remember);
      link.addEventListener("auxclick", remember);
    });
  }

  // The search plugin cuts Chinese text into words with zero-width spaces, which the search
  // needs; the reader does not, in the titles and snippets shown (copied, read aloud).
  var INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff]/g;

  function cleanText(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (INVISIBLE.test(node.data)) node.data = node.data.replace(INVISIBLE, "");
      INVISIBLE.lastIndex = 0;
    }
  }

  function cleanSearchResults() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || !window.MutationObserver) return;
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        each(change.addedNodes, function (node) {
          if (node.nodeType === 1 || node.nodeType === 3) cleanText(node.nodeType === 1 ? node : node.parentNode);
        });
      });
    }).observe(list, { childList: true, subtree: true });
  }

  /** Material's search dialog has no accessible name; it works only with script, so name it here. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  }

  function start() {
    nameSearchDialog();
    each(document.querySelectorAll("[data-filters]"), function (container) {
      new FilterTable(container).start();
    });
    carryQueryToLanguageSwitch();
    rememberLanguageChoice();
    cleanSearchResults();
    startPrinting();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
