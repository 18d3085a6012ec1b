/* The compare page's script: two to four scenarios side by side, written from requirements/data.js
 * with catalogue.js's window.catalogueKit (DOM calls and textContent only: record text never
 * becomes markup).
 *
 * The selection lives in the address, ?s=a&s=b (comma lists too: ?s=a,b): it can be shared,
 * Back and Forward step through additions and removals, and the language switch carries it.
 * Ids the catalogue does not hold, and any beyond the fourth, are named on the page as left out.
 *
 * One layout per medium, from the same ordered rows: a table, one column per scenario (wide
 * screens and paper), and on a phone one card per scenario, one after another, each listing
 * the same rows and metrics in the same order, so that a metric sits at the same place in each.
 */
(function () {
  "use strict";

  var MOST = 4; // scenarios compared at once
  var SUGGESTIONS = 50; // entries offered in the list under the "Add" field as the reader types

  function Comparison(root, data, kit) {
    var words = {};
    Array.prototype.forEach.call(root.querySelectorAll("[data-compare-words] [data-word]"), function (span) {
      words[span.getAttribute("data-word")] = span.textContent;
    });
    this.root = root;
    this.data = data;
    this.kit = kit;
    this.words = words;
    this.form = root.querySelector("[data-compare-add]");
    this.input = this.form.querySelector("input");
    this.choices = root.querySelector("datalist");
    this.messages = root.querySelector("[data-compare-messages]");
    this.view = root.querySelector("[data-compare-view]");
    this.briefing = root.querySelector("[data-compare-briefing]");
    this.index = Object.create(null); // scenario id -> position in data.scenarios
    this.rowsOf = {}; // scenario position -> its requirement rows, in record order
    var self = this;
    data.scenarios.forEach(function (scenario, at) {
      self.index[scenario[0]] = at;
      self.rowsOf[at] = [];
    });
    data.rows.forEach(function (row) {
      self.rowsOf[row[0]].push(row);
    });
    this.chosen = []; // positions, in the order of the address
    this.notes = []; // what the address asked for that is left out, in words
  }

  /** The ids the address names, in order, each once: ?s=a&s=b or ?s=a,b. */
  Comparison.prototype.asked = function () {
    return this.kit.listed(new URLSearchParams(location.search), "s");
  };

  Comparison.prototype.load = function () {
    var self = this;
    var unknown = [];
    var extra = [];
    this.chosen = [];
    this.asked().forEach(function (id) {
      if (!Object.prototype.hasOwnProperty.call(self.index, id)) unknown.push(id);
      else if (self.chosen.length >= MOST) extra.push(id);
      else self.chosen.push(self.index[id]);
    });
    var separator = this.data.words.separator;
    this.notes = [];
    if (unknown.length) this.notes.push(this.kit.format(this.words.unknown, { ids: unknown.join(separator) }));
    if (extra.length) this.notes.push(this.kit.format(this.words.too_many, { ids: extra.join(separator) }));
  };

  Comparison.prototype.ids = function () {
    var scenarios = this.data.scenarios;
    return this.chosen.map(function (at) {
      return scenarios[at][0];
    });
  };

  Comparison.prototype.query = function () {
    return this.ids()
      .map(function (id) {
        return "s=" + encodeURIComponent(id);
      })
      .join("&");
  };

  /** Record a new selection in the address (a step Back undoes), then show it. */
  Comparison.prototype.change = function (chosen) {
    this.chosen = chosen;
    this.notes = []; // what the old address left out no longer applies
    var query = this.query();
    try {
      window.history.pushState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (error) {
      // Some browsers refuse to change the address of a page opened from file://; the comparison still changes.
    }
    this.show();
  };

  Comparison.prototype.add = function (at) {
    if (this.chosen.indexOf(at) !== -1) return this.say(this.kit.format(this.words.already, { title: this.data.scenarios[at][1] }));
    if (this.chosen.length >= MOST) return this.say(this.words.full);
    this.input.value = "";
    this.change(this.chosen.concat([at]));
  };

  Comparison.prototype.remove = function (at) {
    this.change(
      this.chosen.filter(function (other) {
        return other !== at;
      })
    );
  };

  /** The scenario the reader typed or picked: "Title (id)" as the list offers it, an id, a title,
   *  or a piece of text only one scenario's title or id holds. Returns a position, or -1 with a
   *  message said. */
  Comparison.prototype.resolve = function (text) {
    var scenarios = this.data.scenarios;
    var picked = /\(([^()]+)\)\s*$/.exec(text);
    if (picked && Object.prototype.hasOwnProperty.call(this.index, picked[1])) return this.index[picked[1]];
    if (Object.prototype.hasOwnProperty.call(this.index, text)) return this.index[text];
    var wanted = text.toLowerCase();
    var titled = [];
    var holding = [];
    scenarios.forEach(function (scenario, at) {
      var title = scenario[1].toLowerCase();
      if (title === wanted) titled.push(at);
      if (title.indexOf(wanted) !== -1 || scenario[0].indexOf(wanted) !== -1) holding.push(at);
    });
    var found = titled.length ? titled : holding;
    if (found.length === 1) return found[0];
    this.say(this.kit.format(found.length ? this.words.several : this.words.no_match, { text: text }));
    return -1;
  };

  /** Offer, under the field, the first scenarios not yet compared whose title or id holds what is typed. */
  Comparison.prototype.suggest = function () {
    var kit = this.kit;
    var wanted = this.input.value.trim().toLowerCase();
    var chosen = this.chosen;
    var offered = [];
    var scenarios = this.data.scenarios;
    for (var at = 0; at < scenarios.length && offered.length < SUGGESTIONS; at++) {
      var scenario = scenarios[at];
      if (chosen.indexOf(at) !== -1) continue;
      if (wanted && scenario[1].toLowerCase().indexOf(wanted) === -1 && scenario[0].indexOf(wanted) === -1) continue;
      offered.push(kit.element("option", { value: scenario[1] + " (" + scenario[0] + ")" }));
    }
    var list = this.choices;
    while (list.firstChild) list.removeChild(list.firstChild);
    offered.forEach(function (option) {
      list.appendChild(option);
    });
  };

  Comparison.prototype.say = function (text) {
    var messages = this.messages;
    while (messages.firstChild) messages.removeChild(messages.firstChild);
    this.notes.concat(text ? [text] : []).forEach(function (note) {
      messages.appendChild(document.createElement("p")).textContent = note;
    });
  };

  /** The comparison's rows, in the order both layouts show them: the facts, then one row per
   *  metric some chosen scenario sets a target on (those two or more share first, the most
   *  shared first, then in the vocabulary's order), then the requirements without a target.
   *  Each row is {key, label, shared, cells: [per scenario: [nodes]]}, and a requirements' row
   *  says which scenarios have none on it (empty: [per scenario: true or false]). */
  Comparison.prototype.rows = function () {
    var self = this;
    var kit = this.kit;
    var data = this.data;
    var names = data.names;
    var words = this.words;
    var scenarios = this.chosen.map(function (at) {
      return data.scenarios[at];
    });
    var name = function (facet, at) {
      return names[facet][at][1];
    };
    var facts = [
      ["domain", words.domain, function (s) { return [name("domain", s[3])]; }],
      ["owner", words.owner, function (s) { return [name("owner", s[4])]; }],
      // every place named, not folded behind "+6 more": where each applies is part of the comparison, on paper too
      ["where", words.where, function (s) { return [s[5].map(name.bind(null, "district")).join(data.words.separator)]; }],
      ["capabilities", words.capabilities, function (s) { return [s[2].map(name.bind(null, "capability")).join(data.words.separator)]; }],
      ["status", words.status, function (s) { return [kit.element("span", { class: "status status--" + names.status[s[6]][0] }, [name("status", s[6])])]; }],
    ].map(function (fact) {
      return { key: fact[0], label: fact[1], shared: 0, cells: scenarios.map(fact[2]) };
    });

    var byMetric = {}; // metric position -> per chosen scenario, its rows on that metric
    var untargeted = this.chosen.map(function () {
      return [];
    });
    this.chosen.forEach(function (at, column) {
      self.rowsOf[at].forEach(function (row) {
        if (row.length <= 4) return untargeted[column].push(row);
        var cells = (byMetric[row[4]] = byMetric[row[4]] || self.chosen.map(function () { return []; }));
        cells[column].push(row);
      });
    });
    var metrics = Object.keys(byMetric).map(function (metric) {
      var cells = byMetric[metric];
      var holding = cells.filter(function (rows) {
        return rows.length > 0;
      }).length;
      return { metric: Number(metric), holding: holding, cells: cells };
    });
    metrics.sort(function (a, b) {
      var shared = (b.holding > 1 ? b.holding : 1) - (a.holding > 1 ? a.holding : 1);
      return shared || a.metric - b.metric;
    });
    var requirements = metrics.map(function (entry) {
      var row = {
        key: names.metric[entry.metric][0],
        label: names.metric[entry.metric][1],
        shared: entry.holding > 1 ? entry.holding : 0,
        empty: entry.cells.map(function (rows) {
          return !rows.length;
        }),
        cells: entry.cells.map(function (rows, column) {
          return self.requirementList(scenarios[column], rows);
        }),
      };
      return row;
    });
    if (
      untargeted.some(function (rows) {
        return rows.length;
      })
    ) {
      requirements.push({
        key: "",
        label: words.without_target,
        shared: 0,
        empty: untargeted.map(function (rows) {
          return !rows.length;
        }),
        cells: untargeted.map(function (rows, column) {
          return self.requirementList(scenarios[column], rows);
        }),
      });
    }
    return { facts: facts, requirements: requirements };
  };

  /** A cell's requirements: each its target as shown (with what a figure rests on), priority, id
   *  (linked to it on the scenario's page) and text; a dash, read as "none", where there is none. */
  Comparison.prototype.requirementList = function (scenario, rows) {
    var kit = this.kit;
    var data = this.data;
    var names = data.names;
    if (!rows.length) {
      return [
        kit.element("span", { class: "none" }, [
          kit.element("span", { "aria-hidden": "true" }, ["—"]),
          kit.element("span", { class: "visually-hidden" }, [this.words.nothing]),
        ]),
      ];
    }
    var address = data.link[0] + scenario[0] + data.link[1];
    return [
      kit.element(
        "ul",
        { class: "compare__requirements" },
        rows.map(function (row) {
          var priority = names.priority[row[2]];
          var head = [];
          if (row.length > 4) {
            head.push(kit.element("strong", { class: "target" }, [row[7]]), " ");
            head.push(kit.element("span", { class: "basis" }, [names.basis[row[8]][1]]), " ");
          }
          head.push(
            kit.element("span", { class: "priority priority--" + priority[0] }, [priority[1]]),
            " ",
            kit.element("a", { href: address + "#" + encodeURIComponent(row[1]), class: "compare__id" }, [row[1]])
          );
          return kit.element("li", {}, [
            kit.element("span", { class: "compare__head" }, head),
            " ",
            kit.element("span", { class: "compare__text" }, [row[3]]),
          ]);
        })
      ),
    ];
  };

  Comparison.prototype.removeButton = function (at) {
    var self = this;
    var title = this.data.scenarios[at][1];
    var button = this.kit.element(
      "button",
      { type: "button", class: "compare__remove", "aria-label": this.kit.format(this.words.remove_label, { title: title }) },
      [this.words.remove]
    );
    button.addEventListener("click", function () {
      self.remove(at);
    });
    return button;
  };

  Comparison.prototype.titleLink = function (scenario) {
    return this.kit.element("a", { href: this.data.link[0] + scenario[0] + this.data.link[1] }, [scenario[1]]);
  };

  /** Wide screens and paper: the scenarios as columns, the facts and metrics as rows. */
  Comparison.prototype.table = function (rows, scenarios) {
    var self = this;
    var kit = this.kit;
    var words = this.words;
    var count = scenarios.length;
    var caption = count === 1 ? words.caption_one : kit.format(words.caption, { count: count });
    var head = kit.element("tr", {}, [kit.element("th", { scope: "col" }, [words.title])].concat(
      scenarios.map(function (scenario, column) {
        return kit.element("th", { scope: "col", "data-scenario": scenario[0] }, [
          kit.element("span", { class: "compare__title" }, [self.titleLink(scenario)]),
          " ",
          self.removeButton(self.chosen[column]),
        ]);
      })
    ));
    var line = function (row) {
      var label = [row.label];
      if (row.shared) label.push(" ", kit.element("span", { class: "compare__shared" }, [kit.format(words.shared, { count: row.shared })]));
      var attributes = { "data-row": row.key };
      if (row.shared) attributes.class = "compare__row--shared";
      return kit.element("tr", attributes, [kit.element("th", { scope: "row" }, label)].concat(
        row.cells.map(function (cell, column) {
          return kit.element("td", { "data-scenario": scenarios[column][0] }, cell);
        })
      ));
    };
    var bodies = [kit.element("tbody", {}, rows.facts.map(line))];
    if (rows.requirements.length) {
      var section = kit.element("tr", { class: "compare__section" }, [
        kit.element("th", { scope: "colgroup", colspan: String(count + 1) }, [
          words.requirements,
          " ",
          kit.element("span", { class: "compare__note" }, [words.requirements_note]),
        ]),
      ]);
      bodies.push(kit.element("tbody", { "data-compare-metrics": "" }, [section].concat(rows.requirements.map(line))));
    }
    return kit.element("div", { class: "compare__table" }, [
      kit.element("table", { class: "compare-table compare-table--" + count }, [
        kit.element("caption", {}, [caption]),
        kit.element("thead", {}, [head]),
      ].concat(bodies)),
    ]);
  };

  /** A phone: one card per scenario, one after another, each with the table's rows in its order,
   *  but of the metrics only those the scenario has a requirement on: one line at the end names
   *  those only the others set (a screen of dashes on a phone says less). */
  Comparison.prototype.cards = function (rows, scenarios) {
    var self = this;
    var kit = this.kit;
    var words = this.words;
    var separator = this.data.words.separator;
    var entries = function (list, column) {
      var absent = [];
      var shown = list.filter(function (row) {
        var empty = row.empty !== undefined && row.empty[column];
        if (empty && row.key) absent.push(row.label);
        return !empty;
      });
      var entries = shown.map(function (row) {
        var label = [row.label];
        if (row.shared) label.push(" ", kit.element("span", { class: "compare__shared" }, [kit.format(words.shared, { count: row.shared })]));
        var attributes = { "data-row": row.key };
        if (row.shared) attributes.class = "compare__row--shared";
        return kit.element("div", attributes, [kit.element("dt", {}, label), kit.element("dd", {}, row.cells[column])]);
      });
      if (absent.length) {
        entries.push(
          kit.element("div", { class: "compare__absent" }, [kit.element("dt", {}, [words.absent]), kit.element("dd", {}, [absent.join(separator)])])
        );
      }
      return entries;
    };
    return kit.element(
      "div",
      { class: "compare__cards" },
      scenarios.map(function (scenario, column) {
        var id = "compare-card-" + column;
        var parts = [
          kit.element("h2", { id: id, class: "compare__card-title" }, [self.titleLink(scenario)]),
          self.removeButton(self.chosen[column]),
          kit.element("dl", { class: "compare__facts" }, entries(rows.facts, column)),
        ];
        if (rows.requirements.length) {
          parts.push(
            kit.element("h3", {}, [words.requirements]),
            kit.element("dl", { class: "compare__metrics", "data-compare-metrics": "" }, entries(rows.requirements, column))
          );
        }
        return kit.element("section", { class: "compare__card", "aria-labelledby": id, "data-scenario": scenario[0] }, parts);
      })
    );
  };

  Comparison.prototype.show = function () {
    var kit = this.kit;
    var view = this.view;
    var count = this.chosen.length;
    while (view.firstChild) view.removeChild(view.firstChild);
    this.say(count === 0 ? this.words.empty : count === 1 ? this.words.one : "");
    if (count) {
      var scenarios = this.chosen.map(function (at) {
        return this.data.scenarios[at];
      }, this);
      // Each layout its own nodes, from the same rows in the same order.
      view.appendChild(this.table(this.rows(), scenarios));
      view.appendChild(this.cards(this.rows(), scenarios));
    }
    var full = count >= MOST;
    this.input.disabled = full;
    this.form.querySelector("button").disabled = full;
    this.form.querySelector(".compare__hint").textContent = full ? this.words.full : this.hint;
    this.suggest();
    var link = this.briefing.querySelector("a");
    link.setAttribute("href", this.root.getAttribute("data-briefing") + "?from=compare" + (count ? "&" + this.query() : ""));
    this.briefing.hidden = count === 0;
    kit.carryQueryToLanguageSwitch();
  };

  Comparison.prototype.start = function () {
    var self = this;
    this.hint = this.form.querySelector(".compare__hint").textContent;
    this.form.hidden = false;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = self.input.value.trim();
      if (!text) return;
      var at = self.resolve(text);
      if (at >= 0) self.add(at);
    });
    this.input.addEventListener("input", function () {
      self.suggest();
    });
    window.addEventListener("popstate", function () {
      self.load();
      self.show();
    });
    this.load();
    this.show();
  };

  function start() {
    var kit = window.catalogueKit;
    var root = document.querySelector("[data-compare]");
    if (!root || !kit) return;
    var data = (window.catalogueData || {}).requirements;
    var fallback = root.querySelector(".without-script");
    if (!data) {
      fallback.classList.remove("without-script"); // its data did not load: say where the requirements are
      return;
    }
    new Comparison(root, data, kit).start();
  }

  // This script runs before catalogue.js (page scripts come first): start once it has shared its kit.
  if (window.catalogueKit) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
