// The inline stylesheet and script of the HTML report: no network, light and dark schemes, print, keyboard focus.

export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#59636e;--line:#d1d9e0;--placed:#1f6feb;--feasible:#2da44e;--rejected:#cf222e;--bound:#8250df;--free:#e6ebf1;--warn:#9a6700}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--placed:#4493f8;--feasible:#3fb950;--rejected:#f85149;--bound:#ab7df8;--free:#262c36;--warn:#d29922}}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,sans-serif;background:var(--bg);color:var(--fg)}
header,main{padding:0 1.5rem}header{border-bottom:1px solid var(--line)}nav a{margin-right:1rem;color:var(--placed)}
h1{font-size:1.4rem;margin:1rem 0 .2rem}h2{font-size:1.2rem;margin:1.6rem 0 .6rem}h3{font-size:1rem;margin:1.2rem 0 .4rem;font-family:ui-monospace,monospace}
.muted{color:var(--muted)}.error{color:var(--rejected)}.warning{color:var(--warn)}
.totals{display:flex;flex-wrap:wrap;gap:.6rem;margin:0}.total{border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem;min-width:8rem}
.total dt{font-size:.8rem;color:var(--muted)}.total dd{margin:0;font-size:1.3rem;font-weight:600}
table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}
caption{text-align:left;color:var(--muted);padding:.3rem 0}.scroll{overflow:auto;max-width:100%}
.bar{display:flex;width:11rem;height:.7rem;background:var(--free);border-radius:3px;overflow:hidden}.bar.over{outline:2px solid var(--rejected)}
.bar .bound{background:var(--bound)}.bar .placed{background:var(--placed)}.amount{display:block;font-size:.75rem;color:var(--muted)}
.legend{color:var(--muted)}.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:middle}
.swatch.bound{background:var(--bound)}.swatch.placed{background:var(--placed)}.swatch.free{background:var(--free);border:1px solid var(--line)}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:.5rem 0}
.matrix-scroll{max-height:70vh}.matrix th,.matrix td{white-space:nowrap;height:1.9rem}.matrix thead th{position:sticky;top:0;background:var(--bg);z-index:1}
.matrix th.sortable{cursor:pointer}.matrix th.sortable:focus,.matrix td:focus{outline:2px solid var(--placed);outline-offset:-2px}
.matrix td.cell{text-align:center;min-width:2.2rem;font-weight:600}
.cell.placed,.cell-sample.placed{background:color-mix(in srgb,var(--placed) 25%,transparent)}.cell.feasible,.cell-sample.feasible{color:var(--feasible)}
.cell.rejected,.cell-sample.rejected{color:var(--rejected);background:color-mix(in srgb,var(--rejected) 10%,transparent)}
.cell-sample{display:inline-block;min-width:1.6rem;text-align:center;border:1px solid var(--line);font-weight:600}
.detail{min-height:2.5rem;border-left:3px solid var(--line);padding:.3rem .7rem;margin:.6rem 0;white-space:pre-wrap}
.findings .position{font-family:ui-monospace,monospace;white-space:nowrap}.severity{font-weight:600}.severity.info{color:var(--placed)}
pre.source{margin:.3rem 0 0;padding:.2rem .4rem;background:var(--free);border-radius:3px;overflow:auto}
a{color:var(--placed)}
@media print{nav,.filters,#cell-detail{display:none}.matrix-scroll{max-height:none;overflow:visible}body{font-size:11px}.matrix thead th{position:static}}
`;

// Plain ES2020, no dependencies: reads the embedded fit data and draws the matrix rows that are in view.
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('.filter-severity'), function (box) {
    box.addEventListener('change', function () {
      Array.prototype.forEach.call(document.querySelectorAll('tr.sev-' + box.value), function (tr) { tr.hidden = !box.checked; });
    });
  });
  if (!document.getElementById('matrix')) return;
  var data = JSON.parse(document.getElementById('fit-data').textContent);
  var table = document.getElementById('matrix');
  var scroller = document.getElementById('matrix-scroll');
  var detail = document.getElementById('cell-detail');
  var ROW = 30, WINDOW = 400, printing = false;
  var shown = data.rows.map(function (_, i) { return i; });
  var sort = { key: null, descending: false };

  function text(tag, value, attrs) {
    var el = document.createElement(tag);
    if (value !== undefined && value !== null) el.textContent = String(value);
    for (var name in attrs || {}) el.setAttribute(name, attrs[name]);
    return el;
  }
  function describe(row, column) {
    var v = data.verdicts[row.cells[2 * column]], placed = row.cells[2 * column + 1], col = data.columns[column];
    var where = col.nodes.length === 1 ? col.nodes[0] : col.nodes.length + ' nodes (' + col.nodes.slice(0, 5).join(', ') + (col.nodes.length > 5 ? ', ...' : '') + ')';
    var parts = [row.workload + ' on ' + where + ':'];
    if (placed > 0) parts.push(placed + (placed === 1 ? ' replica placed here' : ' replicas placed here'));
    parts.push(v.reasons === null ? 'one pod fits' : 'rejected: ' + v.reasons.join(', ') + (v.plugins.length ? ' [' + v.plugins.join(', ') + ']' : ''));
    if (v.hint) parts.push('hint: ' + v.hint);
    return parts.join(' ');
  }
  function header() {
    var tr = document.createElement('tr');
    [['workload', 'Workload'], ['replicas', 'Replicas'], ['unschedulable', 'Unschedulable']].forEach(function (c) {
      var th = text('th', c[1], { scope: 'col', class: 'sortable', tabindex: '0', 'aria-sort': sort.key === c[0] ? (sort.descending ? 'descending' : 'ascending') : 'none', 'data-key': c[0] });
      tr.appendChild(th);
    });
    data.columns.forEach(function (col) { tr.appendChild(text('th', col.label, { scope: 'col', title: col.nodes.join(', ') })); });
    var head = table.tHead; head.textContent = ''; head.appendChild(tr);
  }
  function rowElement(index) {
    var row = data.rows[index], tr = document.createElement('tr');
    tr.appendChild(text('th', row.workload, { scope: 'row', title: row.location + (row.message ? '\\n' + row.message : '') }));
    tr.appendChild(text('td', row.replicas));
    tr.appendChild(text('td', row.unschedulable, { class: row.unschedulable > 0 ? 'error' : '' }));
    for (var c = 0; c < data.columns.length; c++) {
      var v = data.verdicts[row.cells[2 * c]], placed = row.cells[2 * c + 1];
      var kind = placed > 0 ? 'placed' : v.reasons === null ? 'feasible' : 'rejected';
      var label = describe(row, c);
      tr.appendChild(text('td', placed > 0 ? placed : v.reasons === null ? '✓' : '✕', { class: 'cell ' + kind, tabindex: '0', title: label, 'aria-label': label, 'data-row': index, 'data-column': c }));
    }
    return tr;
  }
  function spacer(rows) {
    var tr = document.createElement('tr'), td = text('td', null, { colspan: String(data.columns.length + 3), 'aria-hidden': 'true' });
    td.style.height = rows * ROW + 'px'; td.style.padding = '0'; td.style.border = '0'; tr.appendChild(td); return tr;
  }
  function render() {
    var body = table.tBodies[0]; body.textContent = '';
    var virtual = !printing && shown.length > WINDOW;
    var first = virtual ? Math.max(0, Math.floor(scroller.scrollTop / ROW) - 50) : 0;
    var last = virtual ? Math.min(shown.length, first + 200) : shown.length;
    if (first > 0) body.appendChild(spacer(first));
    for (var i = first; i < last; i++) body.appendChild(rowElement(shown[i]));
    if (last < shown.length) body.appendChild(spacer(shown.length - last));
  }
  function applyFilters() {
    var ns = document.getElementById('filter-namespace').value, plugin = document.getElementById('filter-plugin').value;
    var needle = document.getElementById('filter-text').value.toLowerCase(), only = document.getElementById('filter-unschedulable').checked;
    shown = [];
    data.rows.forEach(function (row, i) {
      if (ns && row.namespace !== ns) return;
      if (only && row.unschedulable === 0) return;
      if (needle && row.workload.toLowerCase().indexOf(needle) < 0) return;
      if (plugin) {
        var hit = false;
        for (var c = 0; c < data.columns.length && !hit; c++) hit = data.verdicts[row.cells[2 * c]].plugins.indexOf(plugin) >= 0;
        if (!hit) return;
      }
      shown.push(i);
    });
    if (sort.key) shown.sort(function (a, b) {
      var x = data.rows[a][sort.key], y = data.rows[b][sort.key];
      var order = x < y ? -1 : x > y ? 1 : a - b;
      return sort.descending ? -order : order;
    });
    document.getElementById('fit-count').textContent = shown.length + ' of ' + data.rows.length + ' workloads';
    render();
  }
  var plugins = {};
  data.verdicts.forEach(function (v) { v.plugins.forEach(function (p) { plugins[p] = true; }); });
  var pluginSelect = document.getElementById('filter-plugin');
  Object.keys(plugins).sort().forEach(function (p) { pluginSelect.appendChild(text('option', p)); });
  ['filter-namespace', 'filter-plugin', 'filter-text', 'filter-unschedulable'].forEach(function (id) {
    document.getElementById(id).addEventListener('input', applyFilters);
  });
  function sortBy(key) {
    sort = { key: key, descending: sort.key === key ? !sort.descending : false };
    header(); applyFilters();
    var th = table.querySelector('th[data-key="' + key + '"]'); if (th) th.focus();
  }
  table.tHead.addEventListener('click', function (e) { var key = e.target.getAttribute && e.target.getAttribute('data-key'); if (key) sortBy(key); });
  table.tHead.addEventListener('keydown', function (e) { var key = e.target.getAttribute('data-key'); if (key && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); sortBy(key); } });
  function show(e) {
    var cell = e.target;
    if (!cell.getAttribute || cell.getAttribute('data-row') === null) return;
    detail.textContent = describe(data.rows[Number(cell.getAttribute('data-row'))], Number(cell.getAttribute('data-column')));
  }
  table.addEventListener('mouseover', show);
  table.addEventListener('focusin', show);
  var pending = false;
  scroller.addEventListener('scroll', function () {
    if (shown.length <= WINDOW || pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; render(); });
  });
  window.addEventListener('beforeprint', function () { printing = true; render(); });
  window.addEventListener('afterprint', function () { printing = false; render(); });
  header();
  applyFilters();
})();
`;
