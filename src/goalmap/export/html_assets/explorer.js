/* goalmap explorer: the taxonomy tree, search, entry panel, coverage matrix and tables.
   Vanilla JavaScript written for goalmap, no libraries.  Every text from the data is
   inserted with textContent or as a text node, never as markup; only http(s) URLs
   become links.  The state lives in the URL's hash (#scheme=..&search=..&entry=..). */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("goalmap-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var tree = $("tree"), panel = $("panel"), input = $("search"), select = $("scheme");
  var status = $("status");
  var VIEWS = ["tree", "coverage", "tables"];
  var PERSPECTIVES = ["definition", "evaluation"];
  var NARROW = window.matchMedia("(max-width: 760px)"); // the phone layout of explorer.css
  var BIG = 1500; // citations above which a scheme opens with its citations folded

  var SCHEMES = {};
  D.schemes.forEach(function (s) { SCHEMES[s.id] = s; });
  var LEVELS = {};
  D.levels.forEach(function (l) { LEVELS[l[0]] = { name: l[1], parent: l[2] }; });
  var PARENT = {};
  Object.keys(D.categories).forEach(function (cid) {
    D.categories[cid].kids = D.categories[cid].kids || [];
    D.categories[cid].rows = D.categories[cid].rows || [];
    D.categories[cid].kids.forEach(function (k) { PARENT[k] = cid; });
  });

  // ------------------------------------------------------------ helpers
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function safeUrl(u) { return typeof u === "string" && /^https?:\/\/[^\s]+$/i.test(u); }
  function external(url, text) {
    var a = el("a", null, text);
    if (safeUrl(url)) { a.href = url; a.rel = "noopener noreferrer"; }
    return a;
  }
  function fold(s) { // lower case without accents ("Köpf" finds "kopf"); plain ASCII is quick
    s = String(s);
    return /[^\x00-\x7f]/.test(s) ? s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase() : s.toLowerCase();
  }
  function order(sid) { // category ids of a scheme, depth first in order
    var out = [];
    (function down(ids) { ids.forEach(function (c) { out.push(c); down(D.categories[c].kids); }); })(SCHEMES[sid].roots);
    return out;
  }
  function ancestors(cid) {
    var out = [];
    for (var p = PARENT[cid]; p; p = PARENT[p]) out.push(p);
    return out;
  }
  function catPath(cid) {
    return ancestors(cid).reverse().concat([cid]).map(function (c) { return D.categories[c].label; }).join(" › ");
  }
  function kindOf(id) {
    if (Object.prototype.hasOwnProperty.call(D.works, id)) return "work";
    if (Object.prototype.hasOwnProperty.call(D.resources, id)) return "resource";
    if (Object.prototype.hasOwnProperty.call(D.categories, id)) return "category";
    return null;
  }
  function entryName(id) {
    var k = kindOf(id);
    if (k === "work") return D.works[id].title;
    if (k === "resource") return D.resources[id].name;
    if (k === "category") return D.categories[id].label;
    return id;
  }

  // -------------------------------------------------------------- state
  var state = { scheme: "", view: "tree", search: "", entry: "", cell: "" };

  function readHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    var s = {
      scheme: p.get("scheme") || "", view: p.get("view") || "tree",
      search: p.get("search") || "", entry: p.get("entry") || "", cell: p.get("cell") || ""
    };
    if (kindOf(s.entry) === "category") s.scheme = D.categories[s.entry].scheme;
    if (!SCHEMES[s.scheme]) s.scheme = D["default"] in SCHEMES ? D["default"] : D.schemes[0].id;
    if (VIEWS.indexOf(s.view) < 0) s.view = "tree";
    return s;
  }
  function hashOf(s) {
    var p = new URLSearchParams();
    if (s.scheme && s.scheme !== D["default"]) p.set("scheme", s.scheme);
    if (s.view && s.view !== "tree") p.set("view", s.view);
    if (s.search) p.set("search", s.search);
    if (s.cell) p.set("cell", s.cell);
    if (s.entry) p.set("entry", s.entry);
    var h = p.toString();
    return h ? "#" + h : "";
  }
  function with_(patch) {
    var s = {};
    Object.keys(state).forEach(function (k) { s[k] = k in patch ? patch[k] : state[k]; });
    return s;
  }
  var written = null; // the hash go() last set: its own hashchange is not news
  // While typing, the URL is written once typing pauses (writing history costs a frame's time):
  // a search that starts or ends makes a history entry, the keystrokes between replace it.
  var pending = 0, pendingHash = null, pendingPush = false;
  function flush() {
    clearTimeout(pending);
    if (pendingHash !== null) {
      var url = pendingHash || location.pathname + location.search;
      if (pendingPush) history.pushState(null, "", url); else history.replaceState(null, "", url);
    }
    pendingHash = null;
    pendingPush = false;
  }
  function go(patch, typing) {
    var s = with_(patch), h = hashOf(s);
    if (typing) {
      clearTimeout(pending);
      pendingPush = pendingPush || !state.search !== !s.search;
      pendingHash = h;
      pending = setTimeout(flush, 150);
    } else {
      flush(); // the state being left keeps its last search in the history
      if (h !== location.hash) { written = h; location.hash = h; }
    }
    apply(s);
  }
  function link(text, patch, cls) { // an in-page link: works with a click, a middle click or a copy
    var a = el("a", cls, text);
    a.href = hashOf(with_(patch)) || "#";
    a.dataset.go = JSON.stringify(patch);
    return a;
  }

  // --------------------------------------------------------------- tree
  var nodes = {}, rowsOf = {}, builtFor = null, diff = null, big = false;
  // A scheme opens unfolded, or, when it has many citations, with its citations folded.
  function defaultOpen(cid) { return !big || !D.categories[cid].rows.length; }

  function buildTree(sid) {
    tree.replaceChildren();
    nodes = {}; rowsOf = {}; builtFor = sid;
    var sch = SCHEMES[sid];
    diff = sch.diff || null;
    var total = 0;
    order(sid).forEach(function (c) { total += D.categories[c].rows.length; });
    big = total > BIG;
    sch.roots.forEach(function (cid) { tree.append(catItem(cid, 1, sch.titles && sch.titles[cid])); });
    order(sid).forEach(function (cid) { if (nodes[cid] && nodes[cid].group && defaultOpen(cid)) expand(cid, true); });
    var first = tree.querySelector("[role=treeitem]");
    if (first) first.tabIndex = 0;
    renderRemoved(sid);
  }

  function catItem(cid, level, title) {
    var c = D.categories[cid];
    var li = el("li", "cat " + (c.perspective || "root") + (level === 1 ? " top" : ""));
    li.setAttribute("role", "treeitem");
    li.setAttribute("aria-level", level);
    li.tabIndex = -1;
    li.dataset.id = cid;
    var row = el("span", "row");
    row.append(el("span", "label", title || c.label));
    var change = diff && diff.categories[cid];
    if (change) row.append(changeMark(change, "category"));
    li.append(row);
    var n = { li: li, row: row, level: level, group: null, filled: false };
    if (c.kids.length || c.rows.length) {
      li.setAttribute("aria-expanded", "false");
      n.group = el("ul");
      n.group.setAttribute("role", "group");
      n.group.hidden = true;
      li.append(n.group);
    } else {
      li.classList.add("leaf");
    }
    nodes[cid] = n;
    return li;
  }

  function citeItem(cid, i, level) {
    var r = D.categories[cid].rows[i]; // [depth, label, [[work, key]], [resource], printed, erratum]
    var depth = r[0], works = r[2] || [], printed = r[4], erratum = r[5];
    var li = el("li", "cite depth" + Math.min(depth, 2));
    li.setAttribute("role", "treeitem");
    li.setAttribute("aria-level", level + depth);
    li.tabIndex = -1;
    li.dataset.cat = cid;
    li.dataset.i = i;
    var row = el("span", "row");
    row.append(el("span", "clabel", r[1]));
    if (works.length) {
      var keys = el("span", "keys");
      keys.append(" (");
      works.forEach(function (wk, j) {
        if (j) keys.append("; ");
        var a = link(wk[1], { entry: wk[0] }, "key");
        a.title = D.works[wk[0]] ? D.works[wk[0]].title : wk[0];
        keys.append(a);
      });
      keys.append(")");
      row.append(keys);
    }
    if (printed) {
      var m = el("span", "mark erratum", "printed: " + printed);
      if (erratum) m.title = erratum;
      row.append(m);
    }
    if (diff) {
      var seen = {};
      works.forEach(function (wk) {
        var d = diff.works[wk[0]];
        if (d && !seen[d[0]]) { seen[d[0]] = 1; row.append(changeMark(d, "work")); }
      });
    }
    li.append(row);
    (rowsOf[cid] = rowsOf[cid] || [])[i] = li;
    return li;
  }

  var CHANGE = { added: "new in this edition", moved: "moved", renamed: "renamed" };
  function changeText(change, what) { // "moved: Figure 2 had it under ..."
    var against = SCHEMES[diff ? diff.against : D["default"]], name = against ? against.name : "the default edition";
    if (change[0] === "added") return "not in " + name;
    if (change[0] === "renamed") return name + " calls it “" + change[1] + "”";
    if (what === "category") return name + " has it under " + change[1];
    return name + " cites it in " + change[1].map(function (c) { return D.categories[c] ? catPath(c) : c; }).join("; ");
  }
  function changeMark(change, what) {
    var m = el("span", "mark " + change[0], CHANGE[change[0]]);
    m.title = changeText(change, what);
    return m;
  }

  function fill(cid) {
    var n = nodes[cid];
    if (!n || n.filled || !n.group) return;
    n.filled = true;
    var c = D.categories[cid], frag = document.createDocumentFragment();
    c.rows.forEach(function (_, i) { frag.append(citeItem(cid, i, n.level + 1)); });
    c.kids.forEach(function (k) { frag.append(catItem(k, n.level + 1)); });
    n.group.append(frag);
  }
  function expand(cid, open) {
    var n = nodes[cid];
    if (!n || !n.group) return;
    if (open) { fill(cid); if (filter) filterRows(cid); }
    n.li.setAttribute("aria-expanded", open ? "true" : "false");
    n.group.hidden = !open;
  }
  function reveal(cid) { // make a category's node exist and be visible
    ancestors(cid).reverse().forEach(function (a) { expand(a, true); if (nodes[a]) nodes[a].li.hidden = false; });
    if (nodes[cid]) nodes[cid].li.hidden = false;
    return nodes[cid];
  }

  // ------------------------------------------------------ search, filter
  // What a search looks in, folded (lower case, no accents) once, on the first search.
  var filter = null, marked = [], hayCache = {}, workHay = null, resHay = null, entryList = null;
  function entryHays() {
    if (workHay) return;
    workHay = {}; resHay = {}; entryList = [];
    Object.keys(D.works).forEach(function (id) {
      var w = D.works[id];
      entryList.push(id);
      workHay[id] = fold([id, w.title, (w.authors || []).join(" "), w.organization || "",
        (w.aliases || []).join(" "), w.arxiv || "", w.key || "", w.year || ""].join(" "));
    });
    Object.keys(D.resources).forEach(function (id) {
      var r = D.resources[id];
      entryList.push(id);
      resHay[id] = fold([id, r.name, (r.aliases || []).join(" ")].join(" "));
    });
  }
  function rowHays(sid) {
    if (hayCache[sid]) return hayCache[sid];
    entryHays();
    var rows = [], cats = [];
    order(sid).forEach(function (cid) {
      var c = D.categories[cid];
      cats.push([cid, fold(cid + " " + c.label)]);
      c.rows.forEach(function (r, i) {
        var h = [fold(r[1] + " " + (r[4] || ""))];
        (r[2] || []).forEach(function (wk) { h.push(workHay[wk[0]] || wk[0]); });
        (r[3] || []).forEach(function (id) { h.push(resHay[id] || id); });
        rows.push({ cid: cid, i: i, hay: h.join(" ") });
      });
    });
    return (hayCache[sid] = { rows: rows, cats: cats });
  }
  function has(hay, words) {
    for (var k = 0; k < words.length; k++) if (hay.indexOf(words[k]) < 0) return false;
    return true;
  }
  function cellOf(s) {
    if (!s.cell) return null;
    var p = s.cell.split("|"), cells = D.coverage[s.scheme] || [];
    for (var k = 0; k < cells.length; k++) {
      var c = cells[k];
      if (c[0] === p[0] && c[1] === p[1] && c[2] === p[2]) {
        var set = {};
        c[3].forEach(function (r) { set[r] = 1; });
        return { level: c[0], perspective: c[1], kind: c[2], set: set, count: c[3].length };
      }
    }
    return null;
  }

  function unmark() {
    marked.forEach(function (m) { m[0].textContent = m[1]; });
    marked = [];
  }
  function highlight(e, words) {
    var text = e.textContent, low = text.toLowerCase();
    if (low.length !== text.length) return;
    var spans = [];
    words.forEach(function (w) {
      for (var at = low.indexOf(w); at >= 0 && w; at = low.indexOf(w, at + w.length)) spans.push([at, at + w.length]);
    });
    if (!spans.length) return;
    spans.sort(function (a, b) { return a[0] - b[0]; });
    marked.push([e, text]);
    var frag = document.createDocumentFragment(), pos = 0;
    spans.forEach(function (sp) {
      if (sp[0] < pos) return;
      frag.append(text.slice(pos, sp[0]), el("mark", null, text.slice(sp[0], sp[1])));
      pos = sp[1];
    });
    frag.append(text.slice(pos));
    e.replaceChildren(frag);
  }
  function setCount(n, count) { // "12 matches" beside a category the search left folded
    var span = n.row.querySelector(".hits");
    if (!count) { if (span) span.remove(); return; }
    if (!span) { span = el("span", "hits muted"); n.row.append(span); }
    span.textContent = " " + count + (count === 1 ? " match" : " matches");
  }

  function unfilter() { // back to the tree as it was built, without building it again
    filter = null;
    Object.keys(nodes).forEach(function (cid) {
      var n = nodes[cid];
      n.li.hidden = false;
      setCount(n, 0);
      if (n.group) expand(cid, defaultOpen(cid));
      (rowsOf[cid] || []).forEach(function (li) { li.hidden = false; });
    });
  }

  var BUDGET = 200; // citations a search unfolds at most; the other matches stay folded, counted
  function runFilter(s) {
    unmark();
    var words = fold(s.search).split(/\s+/).filter(Boolean), cell = cellOf(s);
    if (!words.length && !cell) {
      if (filter) unfilter();
      results([], [], 0, 0, null);
      return;
    }
    var hays = rowHays(s.scheme), hits = {}, nhits = 0, self = {}, full = {}, vis = {}, k;
    for (k = 0; k < hays.rows.length; k++) {
      var h = hays.rows[k];
      if (words.length && !has(h.hay, words)) continue;
      if (cell) {
        var c = D.categories[h.cid];
        if (c.level !== cell.level || c.perspective !== cell.perspective) continue;
        var res = c.rows[h.i][3] || [], any = false;
        for (var j = 0; j < res.length && !any; j++) any = cell.set[res[j]] === 1;
        if (!any) continue;
      }
      (hits[h.cid] = hits[h.cid] || []).push(h.i);
      nhits++;
    }
    if (words.length && !cell) hays.cats.forEach(function (c) { if (has(c[1], words)) self[c[0]] = 1; });
    hays.cats.forEach(function (c) {
      var cid = c[0];
      if (self[cid] || full[PARENT[cid]]) full[cid] = 1;
      if (full[cid] || hits[cid]) {
        for (var a = cid; a && !vis[a]; a = PARENT[a]) vis[a] = 1;
      }
    });
    filter = { hits: {}, full: full, words: words };
    Object.keys(hits).forEach(function (cid) {
      var set = {};
      hits[cid].forEach(function (i) { set[i] = 1; });
      filter.hits[cid] = set;
    });
    var budget = BUDGET;
    hays.cats.forEach(function (c) {
      var cid = c[0], n = nodes[cid], cat = D.categories[cid];
      if (!vis[cid]) { if (n) n.li.hidden = true; return; }
      if (!n) return; // inside a category left folded
      n.li.hidden = false;
      var shown = full[cid] ? cat.rows.length : (hits[cid] ? hits[cid].length : 0);
      var kids = false;
      for (var q = 0; q < cat.kids.length && !kids; q++) kids = vis[cat.kids[q]] === 1;
      var open = kids || (shown > 0 && budget > 0);
      if (shown && open) budget -= n.filled ? shown : cat.rows.length;
      if (n.group) expand(cid, open);
      setCount(n, !open && shown ? shown : 0);
      if (self[cid]) highlight(n.row.querySelector(".label"), words);
    });
    var ws = [], rs = [];
    if (words.length) {
      entryList.forEach(function (id) {
        if (workHay[id] !== undefined) { if (has(workHay[id], words)) ws.push(id); }
        else if (has(resHay[id], words)) rs.push(id);
      });
    }
    results(ws, rs, nhits, Object.keys(hits).length + Object.keys(self).length, cell);
  }

  function filterRows(cid) {
    var rows = rowsOf[cid] || [], mine = filter.hits[cid] || {}, all = filter.full[cid];
    for (var i = 0; i < rows.length; i++) {
      var show = all || mine[i] === 1;
      rows[i].hidden = !show;
      if (show && filter.words.length && mine[i] === 1) {
        highlight(rows[i].querySelector(".clabel"), filter.words);
        rows[i].querySelectorAll("a.key").forEach(function (a) { highlight(a, filter.words); });
      }
    }
  }

  function results(ws, rs, nhits, ncats, cell) {
    status.replaceChildren();
    if (cell) {
      status.append("Coverage filter: " + (LEVELS[cell.level] ? LEVELS[cell.level].name : cell.level) + " · " +
        cell.perspective + " · " + cell.kind + " (" + cell.count + " resources). ");
      status.append(link("Clear the filter", { cell: "" }));
      status.append(" ");
    }
    if (!state.search && !cell) return;
    status.append(nhits + (nhits === 1 ? " citation" : " citations") + " in " + ncats +
      (ncats === 1 ? " category" : " categories") + " match");
    if (state.search) {
      status.append("; " + ws.length + (ws.length === 1 ? " work" : " works") + ", " + rs.length +
        (rs.length === 1 ? " resource" : " resources") + (ws.length + rs.length ? ": " : "."));
      ws.concat(rs).slice(0, 8).forEach(function (id, k) {
        if (k) status.append(", ");
        status.append(link(entryName(id), { entry: id }, "result"));
      });
      if (ws.length + rs.length > 8) status.append(", and " + (ws.length + rs.length - 8) + " more.");
    }
  }

  // -------------------------------------------------------------- panel
  var current = [];
  function dl(pairs) {
    var d = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null || p[1] === "" || (p[1].length === 0)) return;
      d.append(el("dt", null, p[0]));
      var dd = el("dd");
      if (typeof p[1] === "object" && p[1].nodeType) dd.append(p[1]); else dd.textContent = String(p[1]);
      d.append(dd);
    });
    return d;
  }
  function list(items) {
    var ul = el("ul");
    items.forEach(function (node) { var li = el("li"); li.append(node); ul.append(li); });
    return ul;
  }
  function section(title, node) {
    var f = document.createDocumentFragment();
    f.append(el("h3", null, title), node);
    return f;
  }
  function entryLinks(ids) {
    var f = document.createDocumentFragment();
    ids.forEach(function (id, k) {
      if (k) f.append(", ");
      f.append(kindOf(id) ? link(entryName(id), { entry: id }) : document.createTextNode(id));
    });
    return f;
  }
  function linkList(links) {
    return list(links.map(function (ln) {
      var f = document.createDocumentFragment();
      f.append(el("span", "muted", ln[0] + ": "), external(ln[1], ln[1]));
      return f;
    }));
  }
  function citedIn(id) {
    var cats = D.cited[id] || [], f = document.createDocumentFragment();
    f.append(el("h3", null, "Cited in " + cats.length + (cats.length === 1 ? " category" : " categories")));
    D.schemes.forEach(function (s) {
      var mine = cats.filter(function (c) { return D.categories[c].scheme === s.id; });
      if (!mine.length) return;
      f.append(el("p", "muted", s.name));
      f.append(list(mine.map(function (c) { return link(catPath(c), { scheme: s.id, entry: c, cell: "" }); })));
    });
    return f;
  }

  function showPanel(id, focus) {
    current.forEach(function (e) { e.classList.remove("current"); e.removeAttribute("aria-selected"); });
    current = [];
    if (!id) { panel.hidden = true; panel.replaceChildren(); return; }
    var kind = kindOf(id), body = document.createDocumentFragment();
    var close = el("button", "close", "✕");
    close.type = "button";
    close.setAttribute("aria-label", "Close the entry panel");
    close.addEventListener("click", function () {
      var back = tree.querySelector("[tabindex='0']");
      go({ entry: "" });
      if (back) back.focus();
    });
    var h = el("h2", null, kind ? entryName(id) : "Nothing called “" + id + "” on this page");
    h.id = "panel-title";
    h.tabIndex = -1;
    body.append(close, h);
    if (kind === "work") {
      var w = D.works[id];
      var authors = (w.authors || []).join(", ") + (w.et_al ? " et al." : "");
      var arxiv = w.arxiv ? external(/^[\w.\/-]+$/.test(w.arxiv) ? "https://arxiv.org/abs/" + w.arxiv : "", w.arxiv) : null;
      var doi = w.doi ? external("https://doi.org/" + encodeURI(w.doi), w.doi) : null;
      body.append(dl([["Cited as", w.key], ["Authors", authors], ["Organization", w.organization], ["Year", w.year],
        ["Venue", w.venue], ["Type", w.type], ["arXiv", arxiv], ["DOI", doi], ["Id", id],
        ["Aliases", (w.aliases || []).join(", ")]]));
      if (w.summary) body.append(section("Summary", el("p", null, w.summary)));
      if (w.note) body.append(section("Note", el("p", null, w.note)));
      if ((w.links || []).length) body.append(section("Links", linkList(w.links)));
      if ((w.introduced || []).length) body.append(section("Introduced", list(w.introduced.map(function (r) { return entryLinks([r]); }))));
      body.append(citedIn(id), changes(id));
    } else if (kind === "resource") {
      var r = D.resources[id];
      body.append(dl([["Kind", r.kind], ["Year", r.year], ["Id", id], ["Aliases", (r.aliases || []).join(", ")],
        ["Introduced by", (r.introduced_by || []).length ? entryLinks(r.introduced_by) : null],
        ["Based on", (r.based_on || []).length ? entryLinks(r.based_on) : null],
        ["Goal levels", (r.levels || []).map(function (l) { return LEVELS[l] ? LEVELS[l].name : l; }).join(", ")]]));
      if (r.description) body.append(section("Description", el("p", null, r.description)));
      if ((r.links || []).length) body.append(section("Links", linkList(r.links)));
      if ((r.facts || []).length) {
        body.append(section("Facts", list(r.facts.map(function (f) {
          return document.createTextNode(f[0] + ": " + f[1] + (f[2] ? " (" + f[2] + ")" : ""));
        }))));
      }
      body.append(citedIn(id));
    } else if (kind === "category") {
      var c = D.categories[id];
      body.append(dl([["Edition", SCHEMES[c.scheme].name], ["Path", catPath(id)], ["Perspective", c.perspective],
        ["Goal level", c.level ? (LEVELS[c.level] ? LEVELS[c.level].name : c.level) : null], ["Section", c.section],
        ["Citations", String(c.rows.length)], ["Id", id]]));
      if (c.description) body.append(section("Description", el("p", null, c.description)));
    }
    panel.replaceChildren(body);
    panel.hidden = false;
    markCurrent(id, kind);
    if (NARROW.matches) panel.scrollIntoView({ block: "start" }); // the panel sits above the tree
    if (focus) h.focus();
  }

  function markCurrent(id, kind) {
    if (kind === "category" && D.categories[id].scheme === state.scheme) {
      var n = reveal(id);
      if (n) { n.li.setAttribute("aria-selected", "true"); current.push(n.li); if (!NARROW.matches) n.row.scrollIntoView({ block: "nearest" }); }
      return;
    }
    (D.cited[id] || []).forEach(function (cid) {
      if (D.categories[cid].scheme !== state.scheme || !nodes[PARENT[cid]] && !nodes[cid]) return;
      D.categories[cid].rows.forEach(function (r, i) {
        var names = (r[2] || []).map(function (wk) { return wk[0]; }).concat(r[3] || []);
        if (names.indexOf(id) < 0) return;
        if (!filter) reveal(cid);
        if (nodes[cid] && !filter) expand(cid, true);
        var li = rowsOf[cid] && rowsOf[cid][i];
        if (li) { li.classList.add("current"); li.setAttribute("aria-selected", "true"); current.push(li); }
      });
    });
    if (current.length && !current[0].hidden && !NARROW.matches) current[0].querySelector(".row").scrollIntoView({ block: "nearest" });
  }

  // ----------------------------------------------------- coverage, tables
  function renderCoverage(sid) {
    var view = $("coverage-view");
    view.replaceChildren(el("h2", null, "Coverage: goal levels × definition and evaluation × kinds of resource"));
    var cells = D.coverage[sid] || [], kinds = [], byKey = {};
    D.kinds.forEach(function (k) { if (cells.some(function (c) { return c[2] === k; })) kinds.push(k); });
    cells.forEach(function (c) { byKey[c[0] + "|" + c[1] + "|" + c[2]] = c[3].length; });
    if (!cells.length) { view.append(el("p", "muted", "No citation in this edition names a resource.")); return; }
    view.append(el("p", "muted", "How many datasets, benchmarks, models… the " + SCHEMES[sid].name +
      " cites at each goal level, for defining and for evaluating it. A count filters the tree."));
    var t = el("table", "coverage"), head = el("tr");
    head.append(el("th", null, "Goal level"), el("th", null, "Perspective"));
    kinds.forEach(function (k) { var th = el("th", null, k); th.scope = "col"; head.append(th); });
    var thead = el("thead"); thead.append(head); t.append(thead);
    var tbody = el("tbody");
    D.levels.forEach(function (l) {
      if (!cells.some(function (c) { return c[0] === l[0]; })) return;
      PERSPECTIVES.forEach(function (p) {
        var tr = el("tr", p);
        var th = el("th", l[2] ? "sub" : null, l[1]);
        th.scope = "row";
        tr.append(th, el("td", null, p));
        kinds.forEach(function (k) {
          var n = byKey[l[0] + "|" + p + "|" + k] || 0, td = el("td", "count");
          if (n) {
            var b = el("button", null, String(n));
            b.type = "button";
            b.dataset.cell = l[0] + "|" + p + "|" + k;
            b.setAttribute("aria-label", n + " " + k + " resources, " + l[1] + ", " + p + ": show them in the tree");
            td.append(b);
          } else td.append(el("span", "muted", "·"));
          tr.append(td);
        });
        tbody.append(tr);
      });
    });
    t.append(tbody);
    view.append(t);
  }
  function renderTables() {
    var view = $("tables-view");
    view.replaceChildren();
    if (!D.tables.length) { view.append(el("p", "muted", "This page holds no table.")); return; }
    D.tables.forEach(function (tb) {
      view.append(el("h2", null, tb.name));
      if (tb.description) view.append(el("p", "muted", tb.description));
      var t = el("table"), thead = el("thead"), tr = el("tr");
      tr.append(el("th"));
      tb.columns.forEach(function (c) { var th = el("th", null, c[2] ? c[2] + ": " + c[1] : c[1]); th.scope = "col"; tr.append(th); });
      thead.append(tr); t.append(thead);
      var tbody = el("tbody");
      tb.rows.forEach(function (r) {
        var row = el("tr"), th = el("th");
        th.scope = "row";
        th.append(r[1] && kindOf(r[1]) ? link(r[0], { entry: r[1] }) : document.createTextNode(r[0]));
        row.append(th);
        r[2].forEach(function (v) { row.append(el("td", null, v === true ? "✓" : v === false ? "✗" : v)); });
        tbody.append(row);
      });
      t.append(tbody);
      view.append(t);
      if (tb.source) view.append(el("p", "muted", "Source: " + tb.source));
    });
  }
  function renderRemoved(sid) {
    var box = $("removed"), d = SCHEMES[sid].diff;
    box.replaceChildren();
    box.hidden = true;
    if (!d || !(d.removed || []).length && !(d.removed_categories || []).length) return;
    var name = SCHEMES[d.against].name;
    box.append(el("h2", null, "Removed: in " + name + ", not in this edition"));
    if ((d.removed || []).length) {
      box.append(el("p", "muted", d.removed.length + (d.removed.length === 1 ? " work" : " works")));
      box.append(list(d.removed.map(function (id) {
        var f = document.createDocumentFragment();
        f.append(kindOf(id) ? link(entryName(id), { entry: id }) : document.createTextNode(id));
        f.append(el("span", "mark removed", "removed"));
        return f;
      })));
    }
    if ((d.removed_categories || []).length) {
      box.append(el("p", "muted", d.removed_categories.length + (d.removed_categories.length === 1 ? " category" : " categories")));
      box.append(list(d.removed_categories.map(function (p) { return document.createTextNode(p); })));
    }
    box.hidden = false;
  }
  function changes(id) { // a work's panel: how each edition changed it against the default
    var items = [];
    D.schemes.forEach(function (s) {
      if (!s.diff) return;
      var c = s.diff.works[id], f = document.createDocumentFragment();
      if (c) f.append(s.name + ": " + CHANGE[c[0]] + " (" + changeText(c, "work") + ")");
      else if (s.diff.removed.indexOf(id) >= 0) f.append(s.name + ": removed");
      else return;
      items.push(f);
    });
    return items.length ? section("Changes against " + SCHEMES[D["default"]].name, list(items)) : document.createDocumentFragment();
  }

  // -------------------------------------------------------------- apply
  function apply(s) {
    var schemeChanged = s.scheme !== builtFor;
    if (schemeChanged) {
      filter = null;
      buildTree(s.scheme);
      renderCoverage(s.scheme);
      var sch = SCHEMES[s.scheme];
      $("edition").textContent = (sch.description || "") + (sch.source ? " Source: " + sch.source + "." : "");
    }
    select.value = s.scheme;
    var old = state;
    state = s;
    if (s.view !== old.view || schemeChanged) {
      VIEWS.forEach(function (v) {
        $(v + "-view").hidden = v !== s.view;
        var a = $("view-" + v);
        if (v === s.view) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
      });
    }
    VIEWS.forEach(function (v) { $("view-" + v).href = hashOf(with_({ view: v })) || "#"; });
    if (input.value !== s.search) input.value = s.search;
    if (schemeChanged || s.search !== old.search || s.cell !== old.cell) runFilter(s);
    if (schemeChanged || s.entry !== old.entry || s.search !== old.search || s.cell !== old.cell) showPanel(s.entry, false);
  }

  // ------------------------------------------------------------- events
  function visibleItems() {
    var out = [];
    (function walk(ul) {
      for (var li = ul.firstElementChild; li; li = li.nextElementSibling) {
        if (li.hidden) continue;
        out.push(li);
        if (li.getAttribute("aria-expanded") === "true") walk(li.lastElementChild);
      }
    })(tree);
    return out;
  }
  function moveTo(li) {
    if (!li) return;
    var old = tree.querySelector("[role=treeitem][tabindex='0']");
    if (old) old.tabIndex = -1;
    li.tabIndex = 0;
    li.focus();
  }
  function openItem(li, focus) {
    if (li.classList.contains("cat")) { go({ entry: li.dataset.id }); if (focus) $("panel-title").focus(); return; }
    var r = D.categories[li.dataset.cat].rows[+li.dataset.i];
    var target = (r[2] && r[2].length) ? r[2][0][0] : (r[3] && r[3].length ? r[3][0] : li.dataset.cat);
    go({ entry: target });
    if (focus) $("panel-title").focus();
  }
  tree.addEventListener("keydown", function (e) {
    var li = e.target.closest("[role=treeitem]");
    if (!li || e.altKey || e.ctrlKey || e.metaKey) return;
    var items, k, cat = li.classList.contains("cat") ? li.dataset.id : null;
    var open = li.getAttribute("aria-expanded") === "true";
    switch (e.key) {
      case "ArrowDown": items = visibleItems(); k = items.indexOf(li); moveTo(items[k + 1]); break;
      case "ArrowUp": items = visibleItems(); k = items.indexOf(li); moveTo(items[k - 1]); break;
      case "Home": moveTo(visibleItems()[0]); break;
      case "End": items = visibleItems(); moveTo(items[items.length - 1]); break;
      case "ArrowRight":
        if (cat && nodes[cat].group) {
          if (!open) expand(cat, true);
          else moveTo(Array.prototype.find.call(nodes[cat].group.children, function (c) { return !c.hidden; }));
        }
        break;
      case "ArrowLeft":
        if (cat && open) expand(cat, false);
        else { var up = li.parentElement.closest("[role=treeitem]"); if (up) moveTo(up); }
        break;
      case "Enter": openItem(li, true); break;
      case " ": if (cat && nodes[cat].group) expand(cat, !open); else openItem(li, true); break;
      default: return;
    }
    e.preventDefault();
  });
  tree.addEventListener("click", function (e) {
    if (e.target.closest("a")) return;
    var li = e.target.closest("[role=treeitem]");
    if (!li) return;
    moveTo(li);
    if (li.classList.contains("cat")) {
      if (nodes[li.dataset.id].group) expand(li.dataset.id, li.getAttribute("aria-expanded") !== "true");
    } else openItem(li, false);
  });
  document.addEventListener("click", function (e) {
    var a = e.target.closest("a[data-go]");
    if (a && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.button === 0) {
      e.preventDefault();
      go(JSON.parse(a.dataset.go));
      return;
    }
    var b = e.target.closest("button[data-cell]");
    if (b) go({ view: "tree", cell: b.dataset.cell, entry: "" });
  });
  panel.addEventListener("keydown", function (e) { // Escape closes the panel, back to the tree
    if (e.key !== "Escape") return;
    var back = tree.querySelector("[role=treeitem][tabindex='0']");
    go({ entry: "" });
    if (back) back.focus();
  });
  input.addEventListener("input", function () {
    go({ search: input.value }, true);
  });
  select.addEventListener("change", function () {
    go({ scheme: select.value, cell: "", entry: kindOf(state.entry) === "category" ? "" : state.entry });
  });
  window.addEventListener("hashchange", function () {
    var mine = written !== null && location.hash === (written ? written : "");
    written = null;
    if (mine) return;
    clearTimeout(pending); // back or forward: a URL still waiting to be written is stale
    pendingHash = null;
    pendingPush = false;
    var s = readHash();
    if (hashOf(s) !== hashOf(state)) apply(s);
  });

  // --------------------------------------------------------------- start
  D.schemes.forEach(function (s) {
    var o = el("option", null, s.name);
    o.value = s.id;
    select.append(o);
  });
  renderTables();
  apply(readHash());
  window.goalmapTiming = { ready: performance.now() };
  requestAnimationFrame(function () {
    setTimeout(function () {
      window.goalmapTiming.rendered = performance.now();
      setTimeout(function () { rowHays(state.scheme); }, 50); // ready before the first keystroke
    }, 0);
  });
})();
