/* The briefing pack: a cover, then one sheet per scenario the address names, to print or save
 * as PDF, written from requirements/data.js and briefing/data.js (each scenario's summary and
 * constraints) with catalogue.js's window.catalogueKit.
 *
 * The address says what to print: briefing/?from=catalogue|compare|profile&s=<id>&s=<id>...,
 * then the origin's own parameters (its filters, a product profile p=metric:value:unit). The
 * cover states them in words, with the names the data file gives; nothing the address says is
 * shown as it is written, and record text is written with textContent only, never as markup.
 * Ids the catalogue does not hold, ids past the pack's limit, values it cannot read are left
 * out, and the cover says how many.
 *
 * The page (briefing.html.j2) gives the words (data-word-*) and the addresses: of a scenario's
 * page as published and of its QR code made at build time, both empty when the site's address
 * was unknown then (no QR is printed; the sheet gives the address the browser knows).
 */
(function () {
  "use strict";

  // Each origin's filters, in the order its form lists them; a comparison, or a pack whose
  // address names no origin, has none.
  var FACETS = {
    catalogue: ["domain", "capability", "owner", "district", "status"],
    compare: [],
    profile: ["domain", "capability", "owner", "district", "priority", "verdict"],
    other: [],
  };
  var VERDICTS = ["meets", "misses", "unmeasured"]; // the explorer's verdict filter; words from the page

  function Pack(root, data, texts, kit) {
    this.root = root;
    this.data = data;
    this.texts = texts; // [summary, [constraints]] of each scenario by id, if briefing/data.js loaded
    this.kit = kit;
    var words = (this.words = {});
    Array.prototype.forEach.call(root.attributes, function (attribute) {
      if (attribute.name.indexOf("data-word-") === 0) words[attribute.name.slice(10).replace(/-/g, "_")] = attribute.value;
    });
    this.scenarioQr = root.getAttribute("data-scenario-qr");
    this.scenarioAddress = root.getAttribute("data-scenario-address");
    this.homeQr = root.getAttribute("data-home-qr");
    this.homeAddress = root.getAttribute("data-home-address");
  }

  /** A term and its description, as a <div> of a <dl>. */
  Pack.prototype.fact = function (term, description, wide) {
    var el = this.kit.element;
    return el("div", wide ? { class: "briefing-facts__wide" } : {}, [el("dt", {}, [term]), el("dd", {}, description)]);
  };

  /** The filters the address gives, in words ("Domain: Forestry; Status: Open call"), and how
   *  many of its values the catalogue does not know. */
  Pack.prototype.filters = function (params, origin) {
    var data = this.data;
    var words = this.words;
    var listed = this.kit.listed;
    var verdicts = VERDICTS.map(function (verdict) {
      return [verdict, words["verdict_" + verdict]]; // the explorer's verdict filter has no names in the data
    });
    var parts = [];
    var unknown = 0;
    FACETS[origin].forEach(function (facet) {
      var names = [];
      listed(params, facet).forEach(function (key) {
        var entries = facet === "verdict" ? verdicts : data.names[facet] || [];
        var entry = entries.filter(function (entry) {
          return entry[0] === key;
        })[0];
        if (entry) names.push(entry[1]);
        else unknown += 1;
      });
      var label = facet === "verdict" ? words.verdict_facet : words[facet];
      if (names.length) parts.push(label + words.colon + names.join(words.separator));
    });
    return { text: parts.join(words.semicolon), unknown: unknown };
  };

  /** The QR code of `address` from `src`, with its caption. */
  Pack.prototype.qr = function (src, address, caption) {
    var el = this.kit.element;
    var image = el("img", { src: src, alt: this.kit.format(this.words.qr_alt, { address: address }), width: "96", height: "96" });
    return el("figure", { class: "briefing-qr" }, [image, el("figcaption", {}, [caption])]);
  };

  /** What heads a printed page: its facts, and beside them the QR code, if there is one. */
  Pack.prototype.top = function (facts, qr) {
    var el = this.kit.element;
    var top = [el("div", { class: "briefing-top__facts" }, facts)];
    if (qr) top.push(qr);
    return el("div", { class: "briefing-top" }, top);
  };

  Pack.prototype.cover = function (origin, chosen, notes, filters, profile) {
    var el = this.kit.element;
    var words = this.words;
    var facts = [this.fact(words.selection, [words["from_" + origin]])];
    if (FACETS[origin].length) facts.push(this.fact(words.filters, [filters.text || words.no_filter]));
    if (profile) facts.push(this.fact(words.profile, [this.kit.describeProfile(profile, this.data, words.separator) || words.no_filter], true));
    facts.push(
      this.fact(words.count, [String(chosen.length)]),
      this.fact(words.date, [this.kit.today()]),
      this.fact(words.address, [el("span", { class: "briefing-address" }, [this.kit.printedAddress()])], true)
    );
    var self = this;
    // The QR code beside the facts, at the top: below the list of a long pack it went onto a page of its own
    var head = [el("p", { class: "briefing-cover__site" }, [words.site]), el("h2", { id: "briefing-cover" }, [words.cover]), el("dl", { class: "briefing-facts" }, facts)];
    var children = [this.top(head, this.homeQr ? this.qr(this.homeQr, this.homeAddress, words.home_qr) : null)];
    var unofficial = chosen.filter(function (at) {
      return !self.data.scenarios[at][7];
    }).length;
    if (unofficial) {
      // on paper too, before the list: what the pack holds is not the city's text
      var said = this.kit.format(unofficial === chosen.length ? words.unofficial_all : words.unofficial, { count: unofficial, total: chosen.length });
      children.push(el("p", { class: "briefing-unofficial", role: "note" }, [said]));
    }
    if (notes.length) {
      children.push(
        el(
          "ul",
          { class: "briefing-notes" },
          notes.map(function (note) {
            return el("li", {}, [note]);
          })
        )
      );
    }
    if (chosen.length) {
      children.push(
        el(
          "ol",
          { class: "briefing-contents" },
          chosen.map(function (at) {
            return el("li", {}, [self.data.scenarios[at][1]]);
          })
        )
      );
    }
    return el("section", { class: "briefing-cover", "aria-labelledby": "briefing-cover" }, children);
  };

  /** A requirement's target as the explorer writes it: the metric, the figure, its basis. */
  Pack.prototype.target = function (row) {
    var el = this.kit.element;
    var names = this.data.names;
    if (row.length <= 4) return [el("span", { class: "none" }, [this.data.words.none])];
    var shown = [names.metric[row[4]][1] + " ", el("strong", { class: "target" }, [row[7]])];
    shown.push(" ", el("span", { class: "basis" }, [names.basis[row[8]][1]]));
    return shown;
  };

  /** The fit of a scenario to the profile, in two sentences: the musts, then every count. */
  Pack.prototype.fit = function (fit) {
    var el = this.kit.element;
    var words = this.words;
    var format = this.kit.format;
    var standing = this.kit.standing(fit); // as the explorer says it
    var headline = {
      misses: format(words.fit_misses, { count: fit.must.misses }),
      clear: format(words.fit_unmeasured, { count: fit.must.unmeasured }),
      unjudged: format(words.fit_unjudged, { count: fit.must.unmeasured }),
      all: fit.must.meets ? words.fit_all : words.fit_none,
    }[standing];
    var counts = {};
    ["must", "should"].forEach(function (priority) {
      ["meets", "misses", "unmeasured"].forEach(function (said) {
        counts[priority + "_" + said] = (fit[priority] || {})[said] || 0;
      });
    });
    var verdict = { misses: "misses", clear: "unmeasured", unjudged: "unmeasured", all: "meets" }[standing];
    return el("div", { class: "briefing-fit briefing-fit--" + verdict }, [
      el("p", {}, [el("strong", {}, [words.fit + words.colon + headline])]),
      el("p", {}, [format(words.fit_counts, counts)]),
    ]);
  };

  Pack.prototype.sheet = function (at, rows, profile, number) {
    var el = this.kit.element;
    var kit = this.kit;
    var data = this.data;
    var names = data.names;
    var words = this.words;
    var self = this;
    var scenario = data.scenarios[at];
    var id = scenario[0];
    var link = data.link[0] + id + data.link[1];
    // Its address as published; else the browser's, but no local path from file://
    var address = this.scenarioAddress
      ? kit.format(this.scenarioAddress, { id: id })
      : location.protocol === "file:"
        ? ""
        : new URL(link, location.href).href;
    var name = function (facet) {
      return function (position) {
        return names[facet][position][1];
      };
    };
    var heading = "briefing-sheet-" + number;
    var head = [el("h2", { id: heading }, [el("a", { href: link }, [scenario[1]])])];
    var facts = el("dl", { class: "briefing-facts" }, [
      this.fact(words.domain, [name("domain")(scenario[3])]),
      this.fact(words.owner, [name("owner")(scenario[4])]),
      this.fact(words.where, [scenario[5].map(name("district")).join(words.separator)]),
      this.fact(words.capability, [scenario[2].map(name("capability")).join(words.separator)]),
      this.fact(words.status, [el("span", { class: "status status--" + names.status[scenario[6]][0] }, [names.status[scenario[6]][1]])]),
    ]);
    var fit = profile && rows.length ? kit.fits(rows, profile, data)[0] : null;
    var judged = fit
      ? fit.rows.slice().sort(function (a, b) {
          return a[0][2] - b[0][2]; // musts first; the sort keeps the record's order within each
        })
      : rows.map(function (row) {
          return [row, null];
        });
    var labels = [words.id, words.priority, words.requirement, words.target];
    if (fit) labels.push(words.verdict);
    var body = judged.map(function (pair) {
      var row = pair[0];
      var priority = names.priority[row[2]];
      var cells = [[row[1]], [el("span", { class: "priority priority--" + priority[0] }, [priority[1]])], [row[3]], self.target(row)];
      if (fit) cells.push([el("span", { class: "verdict verdict--" + pair[1] }, [words["verdict_" + pair[1]]])]);
      return kit.tableRow(labels, cells);
    });
    var table = el("div", { class: "briefing-requirements card-table" }, [
      el("table", {}, [
        el("thead", {}, [
          el(
            "tr",
            {},
            labels.map(function (label) {
              return el("th", { scope: "col" }, [label]);
            })
          ),
        ]),
        el("tbody", {}, body),
      ]),
    ]);
    var text = this.texts && Object.prototype.hasOwnProperty.call(this.texts, id) ? this.texts[id] : null;
    var about = head.concat(text ? [el("p", { class: "briefing-sheet__summary" }, [text[0]])] : [], [facts]);
    // The address at the top, with the facts: at the foot, it alone overflowed onto a page of its own
    if (address) about.push(el("p", { class: "briefing-sheet__address" }, [words.sheet_address, el("span", { class: "briefing-address" }, [address])]));
    var qr = this.scenarioQr ? this.qr(kit.format(this.scenarioQr, { id: id }), address, words.sheet_qr) : null;
    var children = [this.top(about, qr)];
    if (fit) children.push(this.fit(fit));
    children.push(table);
    if (text && text[1].length) {
      var list = text[1].map(function (constraint) {
        return el("li", {}, [constraint]);
      });
      children.push(el("h3", {}, [words.constraints]), el("ul", { class: "briefing-constraints" }, list));
    }
    return el("section", { class: "briefing-sheet", "aria-labelledby": heading }, children);
  };

  Pack.prototype.write = function () {
    var kit = this.kit;
    var data = this.data;
    var words = this.words;
    var params = new URLSearchParams(location.search);
    var from = params.get("from");
    var origin = Object.prototype.hasOwnProperty.call(FACETS, from) ? from : "other";
    var asked = this.kit.listed(params, "s");
    var action = this.root.querySelector("[data-print-action]");
    if (!asked.length) {
      this.root.querySelector("[data-briefing-empty]").hidden = false;
      if (action) action.hidden = true;
      return;
    }
    var positions = {};
    data.scenarios.forEach(function (scenario, at) {
      positions[scenario[0]] = at;
    });
    var known = asked.filter(function (id) {
      return Object.prototype.hasOwnProperty.call(positions, id);
    });
    var chosen = known.slice(0, kit.BRIEFING_LIMIT).map(function (id) {
      return positions[id];
    });
    var filters = this.filters(params, origin);
    var read = origin === "profile" ? kit.readProfile(params, data) : null;
    var profile = read && read.order.length ? read : null; // filters alone: no verdicts to print
    var notes = [];
    if (asked.length > known.length) notes.push(kit.format(words.unknown, { count: asked.length - known.length }));
    if (known.length > kit.BRIEFING_LIMIT) notes.push(kit.format(words.over, { count: known.length, limit: kit.BRIEFING_LIMIT }));
    if (filters.unknown) notes.push(kit.format(words.unrecognised, { count: filters.unknown }));
    if (read && read.problems.length) notes.push(kit.format(words.unreadable, { count: read.problems.length }));

    var rows = {};
    data.rows.forEach(function (row) {
      (rows[row[0]] = rows[row[0]] || []).push(row);
    });
    var pack = kit.element("div", { class: "briefing-pack", "data-briefing-pack": "" }, [this.cover(origin, chosen, notes, filters, profile)]);
    var self = this;
    chosen.forEach(function (at, i) {
      pack.appendChild(self.sheet(at, rows[at] || [], profile, i + 1));
    });
    if (!chosen.length) {
      this.root.querySelector("[data-briefing-empty]").hidden = false;
      if (action) action.hidden = true;
    }
    this.root.appendChild(pack);
  };

  function start() {
    var kit = window.catalogueKit;
    var root = document.querySelector("[data-briefing]");
    var data = (window.catalogueData || {}).requirements;
    var texts = ((window.catalogueData || {}).briefing || {}).texts || null;
    if (kit && root && data) new Pack(root, data, texts, kit).write();
  }

  // catalogue.js, which sets catalogueKit, comes after this deferred script in the page; every
  // deferred script has run when DOMContentLoaded fires.
  if (document.readyState === "loading" || !window.catalogueKit) document.addEventListener("DOMContentLoaded", start);
  else start();
})();
