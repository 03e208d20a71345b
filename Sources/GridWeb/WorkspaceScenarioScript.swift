/// The workspace script's 方案 step (part of `WorkspaceScript.js`, inside its closure): save the
/// what-if edits as a named scenario, list the saved ones, open, compare two side by side (or one
/// with the imported data), discard and apply with a confirmation; the confirmation dialog, the
/// grid plan's apply and the xlsx download (the server's workbook writer through `GET /api/export`).
enum WorkspaceScenarioScript {
    static let js = #"""
          // ---------- confirmation ----------
          // A dialog of the page (not the browser's): a title, lines of what will change, OK / Cancel.
          function confirmDialog(title, lines, okText) {
            return new Promise(function (resolve) {
              var box = clear($('dialog'));
              var list = el('ul', { id: 'dialog-lines' });
              lines.forEach(function (l) { list.appendChild(el('li', { text: l })); });
              var ok = el('button', { type: 'button', id: 'dialog-ok', text: okText || t("web.action.confirm") });
              var cancel = el('button', { type: 'button', id: 'dialog-cancel', text: t("web.action.cancel") });
              var done = function (v) { box.className = ''; clear(box); resolve(v); };
              ok.addEventListener('click', function () { done(true); });
              cancel.addEventListener('click', function () { done(false); });
              box.appendChild(el('div', { class: 'dialog-body' }, [el('h3', { id: 'dialog-title', text: title }), list,
                el('div', { class: 'buttons' }, [ok, cancel])]));
              box.className = 'shown';
            });
          }

          // After a method that wrote to the store: every figure read again.
          function reloadBase() {
            S.area = null; S.areaById = null; S.coverage = null; S.site = null; S.info = null;
            return rpc('info', {}).then(function (i) {
              S.info = i; return areaReady();
            }).then(function () { return fetchMap(); });
          }

          // ---------- 方案 step ----------
          function stepScenarios(panel) {
            if (!S.wi.on) { setWhatIf(true); }
            panel.appendChild(el('div', { id: 'scenario-edits' }));
            scenarioEditsBox();
            var cmp = el('div', { class: 'form', id: 'compare-form' });
            cmp.appendChild(el('h3', { text: t("web.scenarios.compare") }));
            var a = el('select', { id: 'compare-a' }), b = el('select', { id: 'compare-b' });
            cmp.appendChild(el('label', {}, [document.createTextNode(t("web.scenarios.first")), a]));
            cmp.appendChild(el('label', {}, [document.createTextNode(t("web.scenarios.second")), b]));
            var run = el('button', { type: 'button', id: 'compare-run', text: t("web.scenarios.compare_run") });
            cmp.appendChild(run);
            panel.appendChild(cmp);
            panel.appendChild(el('div', { id: 'compare-summary' }));
            var list = el('button', { type: 'button', id: 'scenario-list', text: t("web.scenarios.show_list") });
            list.addEventListener('click', showScenarioList);
            panel.appendChild(list);
            run.addEventListener('click', function () { compareScenarios(a.value, b.value); });
            loadScenarios().then(function (items) {
              if (S.step !== 'scenarios') { return; }
              [a, b].forEach(function (sel, i) {
                sel.appendChild(el('option', { value: 'base', text: t("web.whatif.base") }));
                items.forEach(function (s) { sel.appendChild(el('option', { value: s.name, text: s.name })); });
                if (i === 1 && items.length) { sel.value = items[0].name; }
              });
              if (S.compare) { showComparison(S.compare); } else { showScenarioList(); }
            }).catch(showError);
          }

          function loadScenarios() {
            return rpc('scenario.list', {}).then(function (r) {
              S.scenarios = Array.isArray(r) ? r : (r.scenarios || []);
              return S.scenarios;
            });
          }

          // The current edits and the form to save them under a name.
          function scenarioEditsBox() {
            var box = $('scenario-edits');
            if (!box) { return; }
            clear(box);
            box.appendChild(figure(t("web.scenarios.current"), t("web.scenarios.edit_count", { count: int(S.wi.edits.length) }), 'edit_count'));
            if (!S.wi.edits.length) { box.appendChild(el('p', { class: 'note', text: t("web.scenarios.how") })); return; }
            var name = el('input', { type: 'text', id: 'scenario-name' });
            if (S.wi.name) { name.value = S.wi.name; }
            var note = el('input', { type: 'text', id: 'scenario-note' });
            var save = el('button', { type: 'button', id: 'scenario-save', text: t("web.scenarios.save") });
            box.appendChild(el('div', { class: 'form' }, [
              el('label', {}, [document.createTextNode(t("web.scenarios.name")), name]),
              el('label', {}, [document.createTextNode(t("web.scenarios.note")), note]), save]));
            save.addEventListener('click', function () {
              var n = name.value.trim();
              if (!n) { showError(new Error(t("web.scenarios.name_missing"))); return; }
              var params = { name: n, edits: S.wi.edits.slice() };
              if (note.value.trim()) { params.note = note.value.trim(); }
              var exists = (S.scenarios || []).some(function (s) { return s.name === n; });
              var ask = exists ? confirmDialog(t("web.scenarios.replace_title", { name: n }), [t("web.scenarios.replace_text")])
                : Promise.resolve(true);
              ask.then(function (yes) {
                if (!yes) { return; }
                if (exists) { params.replace = true; }
                return rpc('scenario.save', params).then(function () {
                  S.wi.name = n; wiBox();
                  if (S.step === 'scenarios') { go('scenarios'); }
                });
              }).catch(showError);
            });
          }

          function showScenarioList() {
            S.compare = null;
            clear($('compare-summary') || el('div'));
            setTable(t("web.scenarios.table"), [
              { key: 'name', label: t("web.scenarios.name") }, { key: 'note', label: t("web.scenarios.note") },
              { key: 'edit_count', label: t("web.scenarios.edits"), num: int },
              { key: 'updated_at', label: t("web.scenarios.updated") }
            ], (S.scenarios || []).map(function (s) {
              return { id: s.name, name: s.name, note: s.note || '', updated_at: when(s.updated_at || s.created_at),
                edit_count: Array.isArray(s.edits) ? s.edits.length : s.edits };
            }), function (r) { selectScenario(r.name); });
          }

          // A stored time (ISO 8601, UTC) as 2026-12-06 03:02 UTC.
          function when(iso) {
            if (!iso) { return '—'; }
            var m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
            return m ? m[1] + ' ' + m[2] + ' UTC' : iso;
          }

          // A saved scenario in the details: open, apply, discard.
          function selectScenario(name) {
            S.selected = function () { selectScenario(name); };
            var s = (S.scenarios || []).filter(function (x) { return x.name === name; })[0];
            var d = details();
            d.setAttribute('data-scenario', name);
            d.appendChild(el('h3', { text: name }));
            if (s && s.note) { d.appendChild(el('p', { class: 'note', text: s.note })); }
            if (s) {
              d.appendChild(figure(t("web.scenarios.edits"), int(Array.isArray(s.edits) ? s.edits.length : s.edits), 'edits'));
              d.appendChild(figure(t("web.scenarios.updated"), when(s.updated_at || s.created_at), 'updated_at'));
              if (s.applied_at) { d.appendChild(figure(t("web.scenarios.applied"), when(s.applied_at), 'applied_at')); }
            }
            var open = el('button', { type: 'button', id: 'scenario-open', text: t("web.scenarios.open") });
            var apply = el('button', { type: 'button', id: 'scenario-apply', text: t("web.scenarios.apply") });
            var del = el('button', { type: 'button', id: 'scenario-delete', text: t("web.scenarios.delete") });
            d.appendChild(el('div', { class: 'buttons' }, [open, apply, del]));
            open.addEventListener('click', function () { openScenario(name); });
            del.addEventListener('click', function () {
              confirmDialog(t("web.scenarios.delete_title", { name: name }), [t("web.scenarios.delete_text")], t("web.scenarios.delete"))
                .then(function (yes) {
                  if (!yes) { return; }
                  return rpc('scenario.delete', { name: name }).then(function () {
                    if (S.wi.name === name) { S.wi.name = null; }
                    details(); go('scenarios');
                  });
                }).catch(showError);
            });
            apply.addEventListener('click', function () { applyScenario(name); });
          }

          // Opening a scenario makes its edits the what-if edits (evaluated again on today's data).
          function openScenario(name) {
            return rpc('scenario.show', { name: name }).then(function (r) {
              var edits = r.edits || (r.scenario && r.scenario.edits) || [];
              S.wi.edits = edits.slice(); S.wi.name = name;
              S.wi.on = false; setWhatIf(true);
              return evaluate();
            }).catch(showError);
          }

          // Apply: the dry run says what will change; after the confirmation the store is written
          // and every figure is read again.
          function applyScenario(name) {
            var shown = null;
            rpc('scenario.show', { name: name }).then(function (s) {
              shown = s;
              return rpc('scenario.apply', { name: name, dry_run: true });
            }).then(function (r) {
              var rows = r.facilities_changed || r.facilities || r.changes || [];
              var lines = rows.map(function (f) {
                return t('web.scenarios.change.' + f.change, { id: f.id, name: f.name || '', kind: t('web.kind.' + f.kind),
                  area: dec(f.usable_area_m2, 1) });
              });
              var sum = side(shown, ['scenario', 'after']), base = side(shown, ['base', 'before']);
              if (sum && base) {
                lines.push(t("web.scenarios.apply_covered", { before: int(base.households_covered), after: int(sum.households_covered) }));
                lines.push(t("web.scenarios.apply_meeting", { before: int(base.communities_meeting), after: int(sum.communities_meeting) }));
              }
              if (!lines.length) { lines.push(t("web.scenarios.apply_nothing")); }
              return confirmDialog(t("web.scenarios.apply_title", { name: name }), lines, t("web.scenarios.apply"));
            }).then(function (yes) {
              if (!yes) { return; }
              return rpc('scenario.apply', { name: name }).then(function () {
                if (S.wi.name === name) { S.wi.edits = []; S.wi.name = null; S.wi.result = null; S.wi.fac = {}; S.wi.comm = {}; S.wi.covered = {}; }
                return reloadBase();
              }).then(function () { details(); go(S.step); wiBox(); });
            }).catch(showError);
          }

          // Two states side by side: headline figures in the panel, communities in the table.
          function compareScenarios(a, b) {
            return rpc('scenario.compare', S.network ? { a: a, b: b, network: true } : { a: a, b: b }).then(function (r) {
              S.compare = { a: a, b: b, result: r };
              showComparison(S.compare);
            }).catch(showError);
          }

          function showComparison(c) {
            var r = c.result;
            var summary = function (x) { return x && x.summary ? x.summary : x; };
            var sa = summary(side(r, ['a', 'first', 'base'])), sb = summary(side(r, ['b', 'second', 'scenario']));
            var label = function (n) { return n === 'base' ? t("web.whatif.base") : n; };
            var box = clear($('compare-summary'));
            var metrics = [
              ['households_covered', t("web.col.covered_households"), int], ['coverage_rate', t("web.col.coverage_rate"), pct],
              ['communities_meeting', t("web.whatif.meeting"), int],
              ['total_deficit_m2', t("web.col.deficit"), function (v) { return dec(v, 1); }],
              ['per100', t("web.col.per100"), function (v) { return dec(v, 2); }]
            ];
            var head = el('tr', {}, [el('th'), el('th', { text: label(c.a), 'data-field': 'compare.a' }),
              el('th', { text: label(c.b), 'data-field': 'compare.b' })]);
            var body = el('tbody');
            metrics.forEach(function (m) {
              body.appendChild(el('tr', {}, [el('th', { text: m[1] }),
                el('td', { text: m[2](sa ? sa[m[0]] : null), 'data-field': 'compare.' + m[0] + '.a' }),
                el('td', { text: m[2](sb ? sb[m[0]] : null), 'data-field': 'compare.' + m[0] + '.b' })]));
            });
            box.appendChild(el('table', { id: 'compare-figures', class: 'compare' }, [el('thead', {}, [head]), body]));
            var m1 = function (v) { return dec(v, 1); }, m2 = function (v) { return dec(v, 2); };
            var la = label(c.a), lb = label(c.b);
            setTable(t("web.scenarios.compare_table", { a: la, b: lb }), [
              { key: 'community_id', label: t("web.col.id") }, { key: 'name', label: t("web.col.name") },
              { key: 'households', label: t("web.col.households"), num: int },
              { key: 'per100_a', label: t("web.col.per100") + ' · ' + la, num: m2 },
              { key: 'per100_b', label: t("web.col.per100") + ' · ' + lb, num: m2 },
              { key: 'deficit_a', label: t("web.col.deficit") + ' · ' + la, num: m1 },
              { key: 'deficit_b', label: t("web.col.deficit") + ' · ' + lb, num: m1 },
              { key: 'covered_a', label: t("web.col.covered_households") + ' · ' + la, num: int },
              { key: 'covered_b', label: t("web.col.covered_households") + ' · ' + lb, num: int }
            ], (r.communities || []).map(function (x) { return Object.assign({ id: x.community_id }, x); }),
            function (x) { selectCommunity(x.community_id); });
          }

          // ---------- grid plan: apply after review ----------
          function gridsApply(panel, r) {
            var b = el('button', { type: 'button', id: 'grids-apply', text: t("web.grids.apply") });
            b.addEventListener('click', function () {
              confirmDialog(t("web.grids.apply_title"), [
                t("web.grids.apply_grids", { count: int((r.grids || []).length) }),
                t("web.grids.apply_violations", { count: int((r.violations || []).length) }),
                t("web.grids.apply_replace")], t("web.grids.apply")).then(function (yes) {
                if (!yes) { return; }
                return rpc('grids.plan', { apply: true }, true).then(function () {
                  S.gridsApplied = true; return reloadBase();
                }).then(function () { go('grids'); });
              }).catch(showError);
            });
            panel.appendChild(b);
            if (S.gridsApplied) { panel.appendChild(el('p', { class: 'note', id: 'grids-applied', text: t("web.grids.applied") })); }
          }

          // ---------- xlsx: the server's workbook writer ----------
          // The step's method and parameters, as the page ran them (no xlsx for a step without one).
          function exportRequest() {
            if (S.step === 'scenarios' && S.compare) {
              return { method: 'scenario.compare', params: S.network ? { a: S.compare.a, b: S.compare.b, network: true } : { a: S.compare.a, b: S.compare.b } };
            }
            if ((S.step === 'area' || S.step === 'coverage') && wiActive()) {
              return { method: 'scenario.evaluate', params: wiParams(S.wi.edits) };
            }
            var m = { area: ['report.area', {}], coverage: ['coverage', S.coverageParams || {}], siting: ['site', S.siteParams],
              grids: ['grids.plan', {}], party: ['report.party', {}], compliance: ['report.compliance', {}] }[S.step];
            if (!m || !m[1]) { return null; }
            return { method: m[0], params: m[1] };
          }

          // GET /api/export (the server's own writer; read-only methods only): fetched, so an error
          // is shown as one, then saved through a link.
          function exportXLSX() {
            var req = exportRequest();
            if (!req) { showError(new Error(t("web.export.none"))); return; }
            var url = '/api/export?method=' + encodeURIComponent(req.method) + '&format=xlsx&params=' +
              encodeURIComponent(JSON.stringify(Object.assign({ lang: S.lang }, req.params)));
            busy(1);
            fetch(url).then(function (r) {
              if (!r.ok) { return r.json().then(function (e) { throw new Error(e.error ? e.error.message : r.statusText); }); }
              return r.blob();
            }).then(function (blob) {
              var a = el('a', { href: URL.createObjectURL(blob), download: 'gridplan-' + S.step + '.xlsx', id: 'xlsx-link' });
              document.body.appendChild(a); a.click(); a.remove();
            }).catch(showError).finally(function () { busy(-1); });
          }

        """#
}
