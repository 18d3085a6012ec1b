/* Catalogue behaviour: faceted filters (catalogue, requirements explorer), print sheet, the
 * remembered language choice, clean search results.
 *
 * Progressive enhancement: a listing's first page holds its first rows, and static next pages
 * (catalogue/2/, ...) the others, so it reads without script. With script, the first page's
 * filters work over every row, which its data file (catalogue/data.js, requirements/data.js,
 * loaded by a <script src> so that file:// works too) sets in window.catalogueData; the
 * script writes the matching rows itself, a page at a time ("Show more"), with DOM calls and
 * textContent only: record text never becomes markup. The filter forms show only when script
 * runs (main.html marks <html class="has-script"> before the first paint).
 *
 * Filter state lives in the query string (?domain=forestry&district=500101): a filtered view can
 * be shared, Back and Forward step through the choices, and the language switch carries it to
 * the other language's page.
 *
 * Printing prints the rows listed on screen (the first page of matches, and any "Show more"
 * added), after a line that states the filters and how many rows match and are listed.
 */
(function () {
  "use strict";

  var CITYWIDE = "500000"; // a citywide scenario applies in every district
  var EPSILON = 1e-9; // values are compared in base units, which are products of decimals
  var PHONE = "(max-width: 600px)"; // where the filters fold behind one "Filters (n)" control

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  /** An element with attributes and children (strings become text nodes, never markup). */
  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (typeof child === "string") appendText(node, child);
      else node.appendChild(child);
    });
    return node;
  }

  // In Chinese, a figure and its unit stay on one line, in a span as chinese.py keep_figures
  // writes them in the page's own rows (so the rows the script writes are the same markup): its
  // FIGURE, without the look-behind, which Safari before 16.4 (WeChat on older iPhones) cannot read.
  var FIGURE = /[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?|[0-9]+(?:[.,][0-9]+)*%?(?:个汉字|厘米\/年|毫米\/年|条\/日|分钟|小时|千米|厘米|毫米|毫秒|纳秒|[余万多][\u4e00-\u9fff]|[\u4e00-\u9fff])/g;
  var CHINESE = /^zh/i.test(document.documentElement.lang);

  function appendText(node, text) {
    var done = 0;
    if (CHINESE) {
      text.replace(FIGURE, function (figure, at) {
        if (at > done) node.appendChild(document.createTextNode(text.slice(done, at)));
        var span = node.appendChild(document.createElement("span"));
        span.className = "figure";
        span.textContent = figure;
        done = at + figure.length;
        return figure;
      });
    }
    if (done < text.length || !text) node.appendChild(document.createTextNode(text.slice(done)));
  }

  /** A table row of cells, each labelled with its column's heading (for the narrow layout). */
  function tableRow(labels, cells) {
    return element(
      "tr",
      {},
      cells.map(function (children, i) {
        return element("td", { "data-label": labels[i] }, children);
      })
    );
  }

  /** Where a scenario applies: as _macros.html.j2 `places` writes it. */
  function places(names, words) {
    var all = names.join(words.separator);
    if (names.length <= 4) return [all];
    var summary = names.slice(0, 3).join(words.separator) + format(words.more, { count: names.length - 3, total: names.length });
    return [element("details", { class: "places-more" }, [element("summary", {}, [summary]), all])];
  }

  /** The values an address gives a parameter, repeated (?s=a&s=b) or as a comma list (?s=a,b):
   *  trimmed, each once, in order. */
  function listed(params, name) {
    var seen = Object.create(null); // no inherited keys: a key may be named "constructor"
    return params
      .getAll(name)
      .reduce(function (all, value) {
        return all.concat(value.split(","));
      }, [])
      .map(function (value) {
        return value.trim();
      })
      .filter(function (value) {
        if (!value || seen[value]) return false;
        seen[value] = true;
        return true;
      });
  }

  function keys(entries, positions) {
    return positions.map(function (at) {
      return entries[at][0];
    });
  }

  /** The catalogue's rows from its data (render.py scenario_data), each with its facet values
   *  and a way to write its <tr> as _macros.html.j2 scenario_row does. */
  function scenarioRows(data, labels) {
    var names = data.names;
    return data.rows.map(function (r) {
      var name = function (facet, at) {
        return names[facet][at][1];
      };
      return {
        id: r[0],
        data: r,
        values: {
          domain: keys(names.domain, [r[3]]),
          owner: keys(names.owner, [r[4]]),
          capability: keys(names.capability, r[2]),
          district: keys(names.district, r[5]),
          status: keys(names.status, [r[6]]),
        },
        render: function () {
          var row = tableRow(labels, [
            [element("a", { href: data.link[0] + r[0] + data.link[1] }, [r[1]])],
            [name("domain", r[3])],
            [name("owner", r[4])],
            [r[2].map(name.bind(null, "capability")).join(data.words.separator)],
            places(r[5].map(name.bind(null, "district")), data.words),
            [element("span", { class: "status status--" + names.status[r[6]][0] }, [name("status", r[6])])],
          ]);
          row.setAttribute("data-scenario", r[0]); // as _scenario_row.html.j2: the comparison's check box reads it
          return row;
        },
      };
    });
  }

  /** The explorer's rows from its data (render.py requirement_data), written as requirements.html.j2
   *  does; `render(product)` adds a cell of the product's verdict when a profile is entered. */
  function requirementRows(data, labels) {
    var names = data.names;
    return data.rows.map(function (r) {
      var scenario = data.scenarios[r[0]];
      var priority = names.priority[r[2]];
      var target = r.length > 4;
      return {
        data: r,
        id: scenario[0],
        values: {
          domain: keys(names.domain, [scenario[3]]),
          owner: keys(names.owner, [scenario[4]]),
          district: keys(names.district, scenario[5]),
          capability: keys(names.capability, scenario[2]),
          priority: [priority[0]],
          verdict: ["unmeasured"],
        },
        render: function (product) {
          var shown = [element("span", { class: "none" }, [data.words.none])];
          if (target) {
            shown = [names.metric[r[4]][1] + " ", element("strong", { class: "target" }, [r[7]])];
            shown.push(" ", element("span", { class: "basis" }, [names.basis[r[8]][1]]));
          }
          var address = data.link[0] + scenario[0] + data.link[1] + "#" + r[1];
          var rest = [[element("span", { class: "priority priority--" + priority[0] }, [priority[1]])], shown, [r[3]]];
          if (!product) return tableRow(labels, [[element("a", { href: address }, [scenario[1]])], [r[1]]].concat(rest));
          // Under its scenario's heading row, a requirement goes without the scenario's name.
          return tableRow(labels.slice(1).concat([product.label]), [[element("a", { href: address }, [r[1]])]].concat(rest, [product.cell]));
        },
      };
    });
  }

  /** Whether `row` passes `facet` given the chosen values (an empty choice passes everything). */
  function passesFacet(row, facet, chosen) {
    if (chosen.length === 0) return true;
    var values = row.values[facet.name];
    if (facet.name === "district" && values.indexOf(CITYWIDE) !== -1) return true;
    return values.some(function (value) {
      return chosen.indexOf(value) !== -1;
    });
  }

  /** Whether a delivered value `offered` (base units) meets a target `op target`; values that
   *  differ only by the rounding of their conversion to base units count as equal. */
  function meets(offered, op, target) {
    var slack = EPSILON * Math.max(Math.abs(offered), Math.abs(target)); // relative: 20.9 ns does not meet 20 ns
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

  // -- The product profile: a product's values for several metrics, each in a unit of its own --

  var BRIEFING_LIMIT = 50; // sheets a briefing pack holds at most: a page of rows

  /** The profile an address gives (requirements/data.js names what it may hold): each
   *  p=metric:value:unit (or the explorer's older metric=, value=, unit=) whose metric some target
   *  measures, whose value is a number of 0 or more and whose unit fits the metric; the unit may
   *  be left out for the metric's usual one. A metric given twice keeps its last value. Returns
   *  {entries: {metric position: {metric, value, unit, base}}, order: [metric positions],
   *  problems: [{given, reason: "metric" | "value" | "unit"}]}. */
  function readProfile(params, data) {
    var names = data.names;
    var given = listed(params, "p");
    if (params.get("metric") && params.get("value") && !params.getAll("p").length) {
      given.push([params.get("metric"), params.get("value"), params.get("unit") || ""].join(":")); // the explorer's links before profiles
    }
    var profile = { entries: {}, order: [], problems: [] };
    given.forEach(function (text) {
      if (!text) return;
      var parts = text.split(":");
      var metric = position(names.metric, parts[0]);
      var entry = metric < 0 ? null : names.metric[metric];
      var unit = parts.length > 2 && parts[2] !== "" ? position(names.unit, parts[2]) : entry ? entry[3] : -1;
      var problem = function (reason) {
        // Said in the page's words where the data knows them: "Horizontal positioning accuracy -3 m".
        var shown = [entry ? entry[1] : parts[0], parts[1] === "?" ? "" : parts[1] || "", unit >= 0 ? names.unit[unit][1] : parts[2] || ""];
        profile.problems.push({ given: text, metric: parts[0], shown: shown.filter(Boolean).join(" "), reason: reason });
      };
      if (!entry || !entry[2].length) return problem("metric");
      var value = parts.length > 1 && /^\s*\d*\.?\d+(?:e[-+]?\d+)?\s*$/i.test(parts[1]) ? Number(parts[1]) : NaN;
      if (!isFinite(value) || value < 0) return problem("value");
      if (entry[2].indexOf(unit) === -1) return problem("unit");
      if (!(metric in profile.entries)) profile.order.push(metric);
      profile.entries[metric] = { metric: metric, value: value, unit: unit, base: value * names.unit[unit][2] };
    });
    return profile;
  }

  /** "Horizontal accuracy 0.1 m, Revisit interval 1 days": the profile in words. */
  function describeProfile(profile, data, separator) {
    return profile.order
      .map(function (at) {
        return data.names.metric[at][1] + " " + profileValue(profile.entries[at], data);
      })
      .join(separator);
  }

  /** A value the reader gave, with its unit, written as the page writes its targets (model.figure):
   *  grouped in thousands in English ("1,000 Chinese characters" beside "≥ 1,000"), as typed in Chinese. */
  function profileValue(entry, data, screen) {
    var text = String(entry.value);
    if (/^en/i.test(document.documentElement.lang) && !/e/i.test(text)) {
      var parts = text.split(".");
      text = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (parts.length > 1 ? "." + parts[1] : "");
    }
    var pattern = data.names.unit[entry.unit][3];
    // On screen the figure stays with its unit, as a target's does (render.py _target); a long
    // unit's name may still wrap. A spreadsheet's cell keeps plain spaces, to be searched as typed.
    if (screen) pattern = pattern.replace(" {value}", "\u00a0{value}").replace("{value} ", "{value}\u00a0");
    return pattern.replace("{value}", text);
  }

  function position(entries, key) {
    for (var i = 0; i < entries.length; i++) if (entries[i][0] === key) return i;
    return -1;
  }

  /** A requirement row's verdict for the profile: "meets", "misses" or "unmeasured" (no target,
   *  or a target on a metric the profile does not give). */
  function verdict(row, profile) {
    var entry = row.length > 4 ? profile.entries[row[4]] : null;
    if (!entry) return "unmeasured";
    return meets(entry.base, row[5], row[6]) ? "meets" : "misses";
  }

  /** A fit's standing: "all" (every must measured and met, or no must at all), "clear" (no
   *  must missed, some met and some not measured), "unjudged" (musts, none of them measured) or
   *  "misses" (a must missed). */
  function standing(fit) {
    if (fit.must.misses) return "misses";
    if (!fit.must.unmeasured) return "all";
    return fit.must.meets ? "clear" : "unjudged";
  }

  /** Each scenario's fit to the profile, best first: those that meet every must (all measured)
   *  on top, then by how many musts they miss, then by musts left unmeasured, shoulds missed,
   *  requirements met (more first); table order breaks ties. `rows` are data rows, of any scenarios. Each
   *  fit is {scenario: position, rows: [[row, verdict]], must: {meets, misses, unmeasured},
   *  should: {...}}. */
  function fits(rows, profile, data) {
    var byScenario = Object.create(null);
    var order = [];
    rows.forEach(function (row) {
      var fit = byScenario[row[0]];
      if (!fit) {
        fit = byScenario[row[0]] = { scenario: row[0], rows: [] };
        data.names.priority.forEach(function (priority) {
          fit[priority[0]] = { meets: 0, misses: 0, unmeasured: 0 };
        });
        order.push(fit);
      }
      var said = verdict(row, profile);
      fit.rows.push([row, said]);
      fit[data.names.priority[row[2]][0]][said] += 1;
    });
    var key = function (fit) {
      var must = fit.must;
      return [must.misses, must.unmeasured, fit.should.misses, -(must.meets + fit.should.meets), fit.scenario];
    };
    return order.sort(function (a, b) {
      var ka = key(a);
      var kb = key(b);
      for (var i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
      return 0;
    });
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return String(values[key]);
    });
  }

  /** A choice's own words, without the count the script adds to it. */
  function labelText(input) {
    return input.closest("label").querySelector("[data-choice]").textContent.trim();
  }

  /** One filterable listing: its form, facets, the explorer's product profile, and every row from its data. */
  function FilterTable(container, data) {
    var page = container.closest("article") || document;
    var table = page.querySelector("table[data-filter-table]");
    var labels = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return th.textContent.trim();
    });
    this.data = data;
    this.container = container;
    this.colon = container.getAttribute("data-colon"); // ": " or "：", as the page's language writes them
    this.semicolon = container.getAttribute("data-semicolon");
    this.stop = container.getAttribute("data-stop");
    this.form = container.querySelector("form");
    this.toggle = container.querySelector("details.filters__toggle");
    this.table = table;
    this.body = table.tBodies[0];
    this.pageSize = data.page;
    this.listed = data.page;
    if (container.getAttribute("data-filters") === "requirements") {
      this.rows = requirementRows(data, labels);
    } else {
      this.rows = scenarioRows(data, labels);
    }
    this.caption = table.caption;
    var rows = table.caption && table.caption.querySelector("[data-page-rows]");
    this.fullCaption = table.caption ? table.caption.textContent.replace(rows ? rows.textContent : "", "") : ""; // without "1 to 50 on this page"
    this.summary = container.querySelector("[data-summary]");
    this.empty = page.querySelector("[data-filter-empty]");
    this.printed = page.querySelector("[data-print-filters]");
    this.more = page.querySelector("[data-show-more]");
    this.briefing = page.querySelector("[data-briefing]");
    this.scenarioList = page.querySelector("[data-scenarios-csv]");
    each(page.querySelectorAll("[data-pager]"), function (pager) {
      pager.hidden = true; // this page lists every matching row itself
    });
    this.facets = Array.prototype.map.call(container.querySelectorAll("fieldset[data-facet]"), function (fieldset) {
      var legend = fieldset.querySelector("legend");
      return {
        name: fieldset.getAttribute("data-facet"),
        label: legend ? legend.textContent.trim() : fieldset.getAttribute("data-facet"),
        inputs: Array.prototype.slice.call(fieldset.querySelectorAll("input[type=checkbox]")),
        box: fieldset.closest("details"),
      };
    });
    var profile = container.querySelector("fieldset[data-profile]");
    this.profileBox = profile && {
      fieldset: profile,
      inputs: Array.prototype.slice.call(profile.querySelectorAll("input[data-metric]")),
      problems: profile.querySelector("[data-profile-problems]"),
      result: page.querySelector("[data-profile-result]"),
      headings: table.tHead.rows[0], // and, with a profile, without the scenario's column and with the product's
      profiled: element(
        "tr",
        {},
        Array.prototype.slice
          .call(table.tHead.rows[0].cells, 1)
          .map(function (th) {
            return th.cloneNode(true);
          })
          .concat([element("th", { scope: "col" }, [page.querySelector("[data-profile-result]").getAttribute("data-column")])])
      ),
    };
    this.addressProblems = []; // what the address gave that could not be used, until the reader changes the profile
    this.profile = { entries: {}, order: [], problems: [] };
  }

  FilterTable.prototype.chosen = function (facet) {
    if (facet.name === "verdict" && !this.profile.order.length) return []; // verdicts mean nothing without a profile
    return facet.inputs
      .filter(function (input) {
        return input.checked;
      })
      .map(function (input) {
        return input.value;
      });
  };

  /** The profile the form holds, as p=metric:value:unit values (what the reader typed, checked or not). */
  FilterTable.prototype.profileParams = function () {
    var params = new URLSearchParams();
    if (!this.profileBox) return params;
    var box = this.profileBox.fieldset;
    this.profileBox.inputs.forEach(function (input) {
      var text = input.value.trim();
      if (text === "" && !input.validity.badInput) return;
      var metric = input.getAttribute("data-metric");
      var unit = box.querySelector("select[data-unit-for='" + metric + "']").value;
      params.append("p", [metric, input.validity.badInput ? "?" : text, unit].join(":"));
    });
    return params;
  };

  /** Whether `row` passes every filter except facet `skip` (for that facet's counts). */
  FilterTable.prototype.passes = function (row, choices, skip) {
    for (var i = 0; i < this.facets.length; i++) {
      if (this.facets[i] !== skip && !passesFacet(row, this.facets[i], choices[i])) return false;
    }
    return true;
  };

  /** Apply the form to the rows; `history` is "push", "replace" or "none" for the address. */
  FilterTable.prototype.update = function (history) {
    var self = this;
    if (this.profileBox) {
      this.profile = readProfile(this.profileParams(), this.data);
      this.rows.forEach(function (row) {
        row.values.verdict = [verdict(row.data, self.profile)];
      });
    }
    var profiled = this.profile.order.length > 0;
    var choices = this.facets.map(function (facet) {
      return self.chosen(facet);
    });
    this.matches = this.rows.filter(function (row) {
      return self.passes(row, choices, null);
    });
    if (profiled) this.orderByFit(choices);
    this.listed = this.pageSize; // a new choice lists its matches from the first
    // Each value's count, over every row: the rows it would show, given the other facets' choices.
    this.facets.forEach(function (facet) {
      var counts = Object.create(null);
      var everywhere = 0; // citywide rows, counted in every district
      self.rows.forEach(function (row) {
        if (!self.passes(row, choices, facet)) return;
        var values = row.values[facet.name];
        if (facet.name === "district" && values.indexOf(CITYWIDE) !== -1) everywhere += 1;
        else
          values.forEach(function (value) {
            counts[value] = (counts[value] || 0) + 1;
          });
      });
      facet.inputs.forEach(function (input) {
        var count = (counts[input.value] || 0) + everywhere;
        var label = input.closest("label");
        var shown = label.querySelector("[data-count]");
        shown.textContent = format(shown.getAttribute("data-count"), { count: count }); // "(3)", "（3）"
        label.classList.toggle("filters__value--none", count === 0 && !input.checked);
      });
      if (facet.name === "verdict") facet.box.hidden = !profiled;
    });
    var active = choices.reduce(function (sum, chosen) {
      return sum + chosen.length;
    }, this.profile.order.length);
    if (this.toggle) {
      var label = this.toggle.querySelector("summary");
      label.textContent = format(label.getAttribute("data-toggle"), { count: active });
    }
    this.filtered = active > 0;
    this.choices = choices;
    this.list();
    this.showProfile();
    this.saveState(history);
  };

  /** With a profile: the matching rows by scenario, best fit first (catalogueKit.fits), musts
   *  first in each. A fit counts every requirement of its scenario, whatever the priority and
   *  verdict shown: a scenario's standing is its own, not the view's. */
  FilterTable.prototype.orderByFit = function (choices) {
    var self = this;
    var scenarioWide = choices.map(function (chosen, i) {
      var facet = self.facets[i].name;
      return facet === "priority" || facet === "verdict" ? [] : chosen;
    });
    var kept = this.rows.filter(function (row) {
      return self.passes(row, scenarioWide, null);
    });
    var rowOf = new Map();
    kept.forEach(function (row) {
      rowOf.set(row.data, row);
    });
    var matching = new Set(this.matches);
    this.fits = fits(
      kept.map(function (row) {
        return row.data;
      }),
      this.profile,
      this.data
    );
    this.fitOf = Object.create(null);
    this.matches = [];
    this.fits.forEach(function (fit) {
      self.fitOf[fit.scenario] = fit;
      fit.rows
        .map(function (pair) {
          return rowOf.get(pair[0]);
        })
        .filter(function (row) {
          return matching.has(row);
        })
        .sort(function (a, b) {
          return a.data[2] - b.data[2]; // musts first; sort keeps the order of equals
        })
        .forEach(function (row) {
          self.matches.push(row);
        });
    });
  };

  /** A fit's standing in words and as a class: every must met, none missed, or some missed. */
  FilterTable.prototype.standing = function (fit) {
    var words = this.profileBox.result;
    var must = fit.must;
    var kind = standing(fit);
    if (kind === "misses") {
      var key = must.misses === 1 ? "data-fit-misses-one" : "data-fit-misses";
      return { kind: kind, text: format(words.getAttribute(key), { count: must.misses }) };
    }
    if (kind === "clear") return { kind: kind, text: format(words.getAttribute("data-fit-unmeasured"), { count: must.unmeasured }) };
    if (kind === "unjudged") return { kind: kind, text: format(words.getAttribute("data-fit-unjudged"), { count: must.unmeasured }) };
    return { kind: kind, text: words.getAttribute(must.meets ? "data-fit-all" : "data-fit-none") };
  };

  /** "Must: 3 met, 0 missed, 1 not measured; Should: ...": a fit's counts. */
  FilterTable.prototype.counts = function (fit) {
    var self = this;
    var words = this.profileBox.result;
    return this.data.names.priority
      .filter(function (priority) {
        var counted = fit[priority[0]];
        return counted.meets + counted.misses + counted.unmeasured > 0;
      })
      .map(function (priority) {
        return priority[1] + self.colon + format(words.getAttribute("data-fit-counts"), fit[priority[0]]);
      })
      .join(this.semicolon);
  };

  /** The row heading a scenario's requirements with its fit. */
  FilterTable.prototype.fitHeading = function (fit) {
    var scenario = this.data.scenarios[fit.scenario];
    var standing = this.standing(fit);
    var link = element("a", { href: this.data.link[0] + scenario[0] + this.data.link[1] }, [scenario[1]]);
    var cell = element("th", { colspan: String(this.profileBox.profiled.cells.length), scope: "rowgroup" }, [
      link,
      " ",
      element("span", { class: "fit__standing fit--" + standing.kind }, [standing.text]),
      " ",
      element("span", { class: "fit__counts" }, [this.counts(fit)]),
    ]);
    return element("tr", { class: "fit" }, [cell]);
  };

  /** The cell of a row's verdict: "Meets: 0.1 m", "Misses: 2 m", "Not measured: not in your profile" (满足：0.1米). */
  FilterTable.prototype.productCell = function (row) {
    var said = row.values.verdict[0];
    var label = this.verdictLabel(said);
    var cell = [element("span", { class: "verdict verdict--" + said }, [label])];
    var entry = row.data.length > 4 ? this.profile.entries[row.data[4]] : null;
    if (entry) cell.push(this.colon + profileValue(entry, this.data, true));
    else if (row.data.length > 4) cell.push(this.colon, element("span", { class: "none" }, [this.profileBox.result.getAttribute("data-not-given")]));
    return { label: this.profileHeading(), cell: cell };
  };

  FilterTable.prototype.profileHeading = function () {
    var cells = this.profileBox.profiled.cells;
    return cells[cells.length - 1].textContent;
  };

  FilterTable.prototype.verdictLabel = function (said) {
    var input = this.form.querySelector("fieldset[data-facet=verdict] input[value='" + said + "']");
    return input ? labelText(input) : said;
  };

  /** Write the first `listed` matching rows, and say how many match and how many are listed;
   *  with a profile, under a heading row per scenario that gives its fit. */
  FilterTable.prototype.list = function () {
    var self = this;
    var shown = this.matches.slice(0, this.listed);
    var profiled = this.profile.order.length > 0;
    var table = this.table;
    while (table.tBodies.length > 1) table.removeChild(table.tBodies[table.tBodies.length - 1]);
    var body = this.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    if (this.profileBox) {
      var headings = profiled ? this.profileBox.profiled : this.profileBox.headings;
      if (table.tHead.rows[0] !== headings) table.tHead.replaceChild(headings, table.tHead.rows[0]);
    }
    var scenario = null;
    shown.forEach(function (row) {
      if (profiled && row.data[0] !== scenario) {
        if (scenario !== null) body = table.appendChild(element("tbody"));
        scenario = row.data[0];
        body.appendChild(self.fitHeading(self.fitOf[scenario]));
      }
      if (profiled) body.appendChild(row.render(self.productCell(row)));
      else body.appendChild((row.element = row.element || row.render()));
    });
    var summary = this.summary ? format(this.summary.getAttribute("data-summary"), { shown: this.matches.length, total: this.rows.length }) : "";
    var partial = shown.length < this.matches.length;
    if (partial && this.summary) summary = format(this.summary.getAttribute("data-listed"), { summary: summary, listed: shown.length });
    if (this.summary) this.summary.textContent = summary;
    // The caption says what the table holds: on screen and on paper, a filtered view says so.
    var listed = { summary: this.fullCaption, listed: shown.length };
    if (this.caption) this.caption.textContent = this.filtered ? summary : partial ? format(this.summary.getAttribute("data-listed"), listed) : this.fullCaption;
    if (this.printed) this.printed.textContent = this.describe(this.choices); // the caption below gives the count
    if (this.empty) this.empty.hidden = this.matches.length !== 0;
    table.hidden = this.matches.length === 0; // no rows: the message instead of an empty table, on screen and on paper
    if (this.more) {
      var left = this.matches.length - shown.length;
      this.more.hidden = left === 0;
      var button = this.more.querySelector("button");
      button.textContent = format(button.getAttribute("data-more"), { count: Math.min(left, this.pageSize) });
    }
    this.offerBriefing();
    this.offerScenarioList();
  };

  /** The button that saves the listed scenarios as CSV, labelled with how many they are. */
  FilterTable.prototype.offerScenarioList = function () {
    var offer = this.scenarioList;
    if (!offer) return;
    var button = offer.querySelector("button");
    var count = this.matches.length;
    offer.hidden = count === 0;
    button.textContent = count === 1 ? button.getAttribute("data-label-one") : format(button.getAttribute("data-label"), { count: count });
  };

  /** The listed scenarios as CSV, a row each, in the order listed, names in the page's language. */
  FilterTable.prototype.scenariosCsv = function () {
    var data = this.data;
    var names = data.names;
    var separator = data.words.separator;
    var name = function (facet, at) {
      return names[facet][at][1];
    };
    var lines = [this.scenarioList.querySelector("button").getAttribute("data-columns").split("|")];
    this.matches.forEach(function (row) {
      var r = row.data;
      lines.push([
        r[0],
        r[1],
        name("domain", r[3]),
        r[2].map(name.bind(null, "capability")).join(separator),
        name("owner", r[4]),
        r[5].map(name.bind(null, "district")).join(separator),
        name("status", r[6]),
        new URL(data.link[0] + r[0] + data.link[1], location.href).href,
      ]);
    });
    return csvText(lines);
  };

  /** The scenarios the matching rows belong to, in the order listed. */
  FilterTable.prototype.scenarioIds = function () {
    var seen = Object.create(null);
    return this.matches
      .map(function (row) {
        return row.id;
      })
      .filter(function (id) {
        if (seen[id]) return false;
        seen[id] = true;
        return true;
      });
  };

  /** The link to a briefing pack of the listed scenarios, with the filters (and profile) that chose them. */
  FilterTable.prototype.offerBriefing = function () {
    var offer = this.briefing;
    if (!offer) return;
    var ids = this.scenarioIds();
    while (offer.firstChild) offer.removeChild(offer.firstChild);
    offer.hidden = ids.length === 0;
    if (ids.length > BRIEFING_LIMIT) {
      offer.textContent = format(offer.getAttribute("data-too-many"), { limit: BRIEFING_LIMIT });
      return;
    }
    var params = new URLSearchParams();
    params.set("from", offer.getAttribute("data-briefing"));
    ids.forEach(function (id) {
      params.append("s", id);
    });
    new URLSearchParams(this.query()).forEach(function (value, key) {
      params.append(key, value);
    });
    var label = ids.length === 1 ? offer.getAttribute("data-label-one") : format(offer.getAttribute("data-label"), { count: ids.length });
    offer.appendChild(element("a", { href: offer.getAttribute("data-href") + "?" + params.toString(), class: "md-button" }, [label]));
  };

  /** The active filters in words, for a printout: "Filters: Domain: Forestry; Status: Open." ("" with none). */
  FilterTable.prototype.describe = function (choices) {
    var self = this;
    var parts = [];
    this.facets.forEach(function (facet, i) {
      var names = facet.inputs
        .filter(function (input) {
          return choices[i].indexOf(input.value) !== -1;
        })
        .map(labelText);
      if (names.length) parts.push(facet.label + self.colon + names.join(self.data.words.separator));
    });
    if (this.profile.order.length) {
      var named = this.profileBox.fieldset.querySelector("legend").textContent; // "Your product", 产品参数
      parts.push(named + this.colon + describeProfile(this.profile, this.data, this.data.words.separator));
    }
    if (!parts.length) return "";
    return this.printed.getAttribute("data-print-filters") + this.colon + parts.join(this.semicolon) + this.stop;
  };

  /** The profile's problems (what is ignored, and why), its result in a sentence and its CSV. */
  FilterTable.prototype.showProfile = function () {
    var box = this.profileBox;
    if (!box) return;
    var seen = Object.create(null);
    var problems = this.addressProblems.concat(this.profile.problems).filter(function (problem) {
      if (seen[problem.given]) return false;
      seen[problem.given] = true;
      return true;
    });
    var list = box.problems;
    while (list.firstChild) list.removeChild(list.firstChild);
    problems.forEach(function (problem) {
      var text = format(box.fieldset.getAttribute("data-problem-" + problem.reason), { given: problem.shown });
      list.appendChild(element("li", {}, [text]));
    });
    list.hidden = problems.length === 0;
    var invalid = this.profile.problems.map(function (problem) {
      return problem.metric;
    });
    box.inputs.forEach(function (input) {
      input.setAttribute("aria-invalid", invalid.indexOf(input.getAttribute("data-metric")) !== -1 ? "true" : "false");
    });
    var profiled = this.profile.order.length > 0;
    box.result.hidden = !profiled;
    if (!profiled) return;
    var tally = { count: this.fits.length, all: 0, clear: 0, unjudged: 0, missing: 0 };
    var self = this;
    this.fits.forEach(function (fit) {
      var kind = self.standing(fit).kind;
      tally[kind === "misses" ? "missing" : kind] += 1;
    });
    var sentence = box.result.querySelector("[data-profile-summary]");
    sentence.textContent = format(sentence.getAttribute("data-summary"), tally);
  };

  /** The profile's result as CSV: a row per matching requirement, with its scenario's fit and its verdict. */
  FilterTable.prototype.resultCsv = function () {
    var self = this;
    var names = this.data.names;
    var button = this.profileBox.result.querySelector("[data-profile-csv]");
    var lines = [button.getAttribute("data-columns").split("|")];
    this.matches.forEach(function (row) {
      var r = row.data;
      var scenario = self.data.scenarios[r[0]];
      var entry = r.length > 4 ? self.profile.entries[r[4]] : null;
      lines.push([
        scenario[0],
        scenario[1],
        names.status[scenario[6]][1],
        self.standing(self.fitOf[r[0]]).text,
        r[1],
        names.priority[r[2]][1],
        r.length > 4 ? names.metric[r[4]][1] : "",
        r.length > 4 ? r[7] : "",
        r.length > 4 ? names.basis[r[8]][1] : "",
        entry ? profileValue(entry, self.data) : "",
        self.verdictLabel(row.values.verdict[0]),
        r[3],
        new URL(self.data.link[0] + scenario[0] + self.data.link[1] + "#" + r[1], location.href).href,
      ]);
    });
    return csvText(lines);
  };

  FilterTable.prototype.query = function () {
    var params = new URLSearchParams();
    var self = this;
    this.facets.forEach(function (facet) {
      self.chosen(facet).forEach(function (value) {
        params.append(facet.name, value);
      });
    });
    this.profileParams().forEach(function (value, key) {
      params.append(key, value);
    });
    return params.toString().replace(/%3A/g, ":"); // p=metric:value:unit reads as typed; a query may hold ":"
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

  /** Restore the filters and the profile from the query string; accepts repeated keys and comma lists. */
  FilterTable.prototype.loadState = function () {
    var self = this;
    var params = new URLSearchParams(location.search);
    var legacy = params.get("metric") && params.get("value") && !params.getAll("p").length;
    this.facets.forEach(function (facet) {
      // The explorer's links from before profiles (?metric=&value=&unit=) listed what the value meets.
      var values = facet.name === "verdict" && legacy ? ["meets"] : listed(params, facet.name);
      facet.inputs.forEach(function (input) {
        input.checked = values.indexOf(input.value) !== -1;
        // A value in use is shown (its facet open), so the reader sees why rows are missing.
        for (var details = input.closest("details"); input.checked && details && details !== self.toggle; details = details.parentElement.closest("details")) {
          details.open = true;
        }
      });
    });
    var box = this.profileBox;
    if (!box) return;
    var profile = readProfile(params, this.data);
    box.inputs.forEach(function (input) {
      var metric = input.getAttribute("data-metric");
      var select = box.fieldset.querySelector("select[data-unit-for='" + metric + "']");
      var at = position(self.data.names.metric, metric);
      var entry = profile.entries[at];
      input.value = entry ? String(entry.value) : "";
      select.value = self.data.names.unit[entry ? entry.unit : self.data.names.metric[at][3]][0];
    });
    this.addressProblems = profile.problems;
  };

  FilterTable.prototype.start = function () {
    var self = this;
    this.loadState();
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    this.form.addEventListener("change", function (event) {
      if (event.target.closest("[data-profile]")) self.addressProblems = [];
      self.update("push");
    });
    this.form.addEventListener("input", function (event) {
      // Typing a value updates the table at once and the address in place; choices (check boxes,
      // selects) update on "change", each a step that Back can undo.
      if (event.target.type === "number") {
        self.addressProblems = [];
        self.update("replace");
      }
    });
    this.form.addEventListener("reset", function () {
      setTimeout(function () {
        self.addressProblems = [];
        self.update("push");
      });
    });
    window.addEventListener("popstate", function () {
      self.loadState();
      self.update("none");
    });
    if (this.more) {
      this.more.querySelector("button").addEventListener("click", function () {
        self.listed += self.pageSize;
        self.list();
      });
    }
    if (this.scenarioList) {
      var save = this.scenarioList.querySelector("button");
      save.addEventListener("click", function () {
        download(self.scenariosCsv(), save.getAttribute("data-file"));
      });
    }
    if (this.profileBox) {
      var button = this.profileBox.result.querySelector("[data-profile-csv]");
      button.addEventListener("click", function () {
        download(self.resultCsv(), button.getAttribute("data-file"));
      });
    }
    if (this.toggle) {
      // Folded on a phone, so the rows come first; open on a wider screen, where the control hides.
      // A shared address whose product values are ignored opens it, so that its reader sees why.
      var phone = window.matchMedia(PHONE);
      this.toggle.open = !phone.matches || this.addressProblems.length > 0;
      phone.addEventListener("change", function () {
        self.toggle.open = !phone.matches;
      });
      this.toggle.setAttribute("data-ready", ""); // from now on the details' own state shows or folds the form
    }
    this.update("replace");
  };

  // -- CSV, as the site's own catalogue.csv writes it (export.py): formula-safe, UTF-8 with a BOM --

  // What makes a spreadsheet read a cell as a formula, and what it may skip before it (export.py's
  // _FORMULA_START, _LEADING_BLANKS and _NUMBER: keep them in step; a test compares the two).
  var FORMULA_START = "=+-@\t\r|%"; // and what NFKC folds into one of them (＝, ﹦, ｜, ％)
  var LEADING_BLANKS = /^[\s\x1c-\x1f\x85\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+/;
  var NUMBER = /^-?[0-9]+(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?$/;

  /** A cell a spreadsheet shows as the text it is: one that would start a formula gets a leading apostrophe. */
  function spreadsheetText(cell) {
    var text = String(cell);
    var first = text.replace(LEADING_BLANKS, "").charAt(0).normalize("NFKC").charAt(0);
    return first && FORMULA_START.indexOf(first) !== -1 && !NUMBER.test(text) ? "'" + text : text;
  }

  /** Rows of cells as CSV: quoted where needed, CRLF line ends, a byte-order mark for spreadsheets. */
  function csvText(lines) {
    return (
      "\ufeff" +
      lines
        .map(function (cells) {
          return cells
            .map(function (cell) {
              var text = spreadsheetText(cell);
              return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
            })
            .join(",");
        })
        .join("\r\n") +
      "\r\n"
    );
  }

  /** Offer `text` as a file to save, made in the page (works from file:// too). */
  function download(text, name) {
    var address = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    var link = element("a", { href: address, download: name, hidden: "" });
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () {
      URL.revokeObjectURL(address);
    });
  }

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

  /** Today as the page's language writes a date: 2026-12-04; 2026年12月4日, as the pages do. */
  function today() {
    var now = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    if (/^zh/i.test(document.documentElement.lang)) return now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日";
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  /** The sheet's running footer and header as the reader prints it: the address in the browser
   * (filters included) and today's date. main.html gives the name, page numbers and an address. */
  function markSheet() {
    var address = printedAddress();
    each(document.querySelectorAll("[data-print-url]"), function (element) {
      element.textContent = address;
    });
    // A page that prints its address inside (the briefing pack's cover) names itself at the foot.
    var named = document.querySelector("[data-print-footer]");
    var footer = named ? named.getAttribute("data-print-footer") : address;
    var style = document.getElementById("catalogue-print-sheet");
    if (!style) {
      style = document.createElement("style");
      style.id = "catalogue-print-sheet";
      style.media = "print";
      document.head.appendChild(style);
    }
    var label = PRINTED[document.documentElement.lang.slice(0, 2)] || PRINTED.en;
    style.textContent =
      "@page { @top-right { content: " + cssString(label + today()) + "; } @bottom-left { content: " + cssString(footer) + "; } }";
  }

  /** The page's address as a printed sheet gives it: the one in the browser, filters included;
   * from file:// (the offline copy), the published one main.html gives, with the filters, as a
   * local path means nothing on paper. */
  function printedAddress() {
    if (location.protocol !== "file:") return location.href.split("#")[0];
    var own = document.querySelector("style[data-address]");
    return (own ? own.getAttribute("data-address") : "") + location.search;
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
  // The index joins a page's elements with a space, which after a Chinese punctuation mark (that
  // has its own room) shows as a gap: "领域：林业； 可能的需求单位".
  var AFTER_FULL_WIDTH = /([\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\uff09\u300b\u300d\u300f\u3011])[ \t\n]+/g;

  function cleanText(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var text = node.data.replace(INVISIBLE, "").replace(AFTER_FULL_WIDTH, "$1");
      if (text !== node.data) node.data = text;
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

  // -- Compare: ticking scenarios in a scenario table (the catalogue's, its next pages', and the
  // domain, capability and owner pages') to compare them side by side ------------------------

  var TICKED = "catalogue.compare"; // the ticked ids, kept for the tab's session from page to page
  var MOST_COMPARED = 4;

  function readTicked() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(TICKED) || "[]");
      return Array.isArray(saved)
        ? saved.filter(function (id) {
            return typeof id === "string";
          })
        : [];
    } catch (error) {
      return []; // no storage (some private modes, some file:// pages): the ticks last as long as the page
    }
  }

  function saveTicked(ids) {
    try {
      sessionStorage.setItem(TICKED, JSON.stringify(ids));
    } catch (error) {
      // as above: the ticks still work on this page
    }
  }

  /** A check box in the title cell of each row (tr[data-scenario]), now and as the filters write
   *  rows, and after the table a "Compare (n)" link to compare/?s=a&s=b, a link only at 2 to 4. */
  function ComparePicker(wrapper) {
    var self = this;
    this.wrapper = wrapper;
    this.ticked = readTicked();
    this.link = element("a", { class: "md-button compare-pick__link" }, []);
    this.hint = element("span", { class: "compare-pick__hint", role: "status" }, []);
    this.clear = element("button", { type: "button", class: "link-button compare-pick__clear" }, [wrapper.getAttribute("data-clear")]);
    this.bar = element("div", { class: "compare-pick", role: "group", "aria-label": wrapper.getAttribute("data-label") }, [
      this.link,
      " ",
      this.hint,
      " ",
      this.clear,
    ]);
    wrapper.parentNode.insertBefore(this.bar, wrapper.nextSibling);
    this.clear.addEventListener("click", function () {
      self.ticked = [];
      self.save();
    });
    wrapper.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.classList || !box.classList.contains("compare-pick__box")) return;
      var id = box.closest("tr").getAttribute("data-scenario");
      self.ticked = self.ticked.filter(function (other) {
        return other !== id;
      });
      if (box.checked) self.ticked.push(id);
      self.save();
      box.closest("td").scrollIntoView({ block: "nearest" }); // out from under the bar the first tick makes sticky (scroll-padding-bottom)
    });
    each(wrapper.querySelectorAll("tbody"), function (body) {
      if (!window.MutationObserver) return;
      new MutationObserver(function () {
        self.mark();
        self.describe();
      }).observe(body, { childList: true });
    });
    this.mark();
    this.describe();
  }

  /** Give every row its check box, ticked as the selection says (a row the filters wrote again may have missed a change). */
  ComparePicker.prototype.mark = function () {
    var self = this;
    each(this.wrapper.querySelectorAll("tbody tr[data-scenario]"), function (row) {
      var box = row.querySelector("input.compare-pick__box");
      if (!box) {
        var cell = row.cells[0];
        var title = cell.textContent.trim();
        box = element("input", { type: "checkbox", class: "compare-pick__box", "aria-label": format(self.wrapper.getAttribute("data-tick"), { title: title }) });
        cell.insertBefore(document.createTextNode(" "), cell.firstChild);
        cell.insertBefore(box, cell.firstChild);
      }
      box.checked = self.ticked.indexOf(row.getAttribute("data-scenario")) !== -1;
    });
  };

  ComparePicker.prototype.save = function () {
    saveTicked(this.ticked);
    this.mark();
    this.describe();
  };

  ComparePicker.prototype.describe = function () {
    var count = this.ticked.length;
    var wrapper = this.wrapper;
    var ready = count >= 2 && count <= MOST_COMPARED;
    this.link.textContent = format(wrapper.getAttribute("data-link"), { count: count });
    if (ready) {
      var query = this.ticked
        .map(function (id) {
          return "s=" + encodeURIComponent(id);
        })
        .join("&");
      this.link.setAttribute("href", wrapper.getAttribute("data-compare-pick") + "?" + query);
      this.link.removeAttribute("aria-disabled");
      this.link.classList.add("md-button--primary");
    } else {
      this.link.classList.remove("md-button--primary");
      this.link.removeAttribute("href"); // no link until two to four are ticked; the hint says why
      this.link.setAttribute("aria-disabled", "true");
    }
    var listed = Object.create(null);
    var rows = wrapper.querySelectorAll("tbody tr[data-scenario]");
    each(rows, function (row) {
      listed[row.getAttribute("data-scenario")] = true;
    });
    var elsewhere = this.ticked.filter(function (id) {
      return !listed[id];
    }).length;
    var hint = count > MOST_COMPARED ? "data-too-many" : count >= 2 ? "data-ready" : "data-hint";
    var text = format(wrapper.getAttribute(hint), { count: count });
    if (elsewhere) text += " " + format(wrapper.getAttribute("data-elsewhere"), { count: elsewhere }); // ticked on another page, or filtered out
    this.hint.textContent = text;
    this.clear.hidden = count === 0;
    this.bar.classList.toggle("compare-pick--active", count > 0);
    this.bar.hidden = count === 0 && rows.length === 0; // no row to tick (a filter matches nothing): nothing to offer
  };

  function startComparePicking() {
    each(document.querySelectorAll("[data-compare-pick]"), function (wrapper) {
      new ComparePicker(wrapper);
    });
  }

  // -- end of Compare ------------------------------------------------------------------------

  function start() {
    nameSearchDialog();
    each(document.querySelectorAll("[data-filters]"), function (container) {
      var data = (window.catalogueData || {})[container.getAttribute("data-filters")];
      if (data) new FilterTable(container, data).start();
      else container.hidden = true; // its data did not load: the page lists its own rows, with its page links
    });
    carryQueryToLanguageSwitch();
    rememberLanguageChoice();
    cleanSearchResults();
    startPrinting();
    startComparePicking();
  }

  // What the comparison's and the briefing pack's scripts share with this one (they load after it).
  window.catalogueKit = {
    element: element,
    tableRow: tableRow,
    format: format,
    listed: listed,
    meets: meets,
    today: today,
    printedAddress: printedAddress,
    readProfile: readProfile,
    describeProfile: describeProfile,
    standing: standing,
    profileValue: profileValue,
    verdict: verdict,
    fits: fits,
    spreadsheetText: spreadsheetText,
    csvText: csvText,
    download: download,
    BRIEFING_LIMIT: BRIEFING_LIMIT,
    carryQueryToLanguageSwitch: carryQueryToLanguageSwitch,
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
