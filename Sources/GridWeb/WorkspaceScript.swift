/// The workspace's script: the steps, the map (SVG: pan and zoom by mouse, wheel and touch; legend,
/// scale bar, north arrow), the details of what was clicked and the sortable, exportable table.
/// Every text comes from `/api/messages` (`t("web.…")`, checked by the catalogue tests); every
/// figure from `POST /rpc` or `/api/map`. The what-if editing and the 方案 step are parts of the
/// same closure (`WorkspaceWhatIfScript`, `WorkspaceScenarioScript`).
enum WorkspaceScript {
    static let js = core + WorkspaceWhatIfScript.js + WorkspaceScenarioScript.js + end

    static let end = """
          start();
        })();

        """

    static let core = #"""
        'use strict';
        // gridplan workspace: steps on the left, the map in the middle, details on the right, the
        // step's table below. Every text from /api/messages; every figure from POST /rpc (the same
        // methods as gridplan rpc) or the map endpoint.
        (function () {
          var S = {
            lang: 'zh', msgs: {}, step: 'area', info: null, area: null, coverage: null, site: null,
            map: null, view: null, layers: { communities: true, buildings: true, facilities: true,
              candidates: false, gaps: true, sites: true }, selected: null, table: null, busy: 0,
            tableOpen: true
          };
          var STEPS = ['data', 'area', 'coverage', 'siting', 'grids', 'party', 'compliance', 'scenarios'];
          var KINDS = { party_mass_center: '#b2182b', party_mass_station: '#ef8a62', city_station: '#7b3294',
            city_study: '#008837', pocket_park: '#5aae61', property_service: '#8c510a', other: '#777777' };
          var SVGNS = 'http://www.w3.org/2000/svg';
          var seq = 0;

          function t(key, args) {
            var s = S.msgs[key];
            if (s === undefined) { return key; }
            if (args) { s = s.replace(/\{([a-z_0-9]+)\}/g, function (m, k) { return args[k] !== undefined ? args[k] : m; }); }
            return s;
          }
          function el(tag, attrs, kids) {
            var e = document.createElement(tag);
            if (attrs) { for (var k in attrs) { if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); } } }
            (kids || []).forEach(function (c) { if (c) { e.appendChild(c); } });
            return e;
          }
          function sv(tag, attrs) {
            var e = document.createElementNS(SVGNS, tag);
            for (var k in attrs) { if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); } }
            return e;
          }
          function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } return e; }
          function $(id) { return document.getElementById(id); }

          // Numbers: full numbers in tables (101,698), 万 in Chinese headlines, one decimal for % and m².
          function int(n) { return n === null || n === undefined ? '—' : Math.round(n).toLocaleString('en-US'); }
          function dec(n, d) {
            if (n === null || n === undefined) { return '—'; }
            return Number(n).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
          }
          function pct(r) { return r === null || r === undefined ? '—' : (r * 100).toFixed(1) + '%'; }
          function headline(n) {
            if (S.lang === 'zh' && n >= 10000) { return (n / 10000).toFixed(1) + t("web.unit.wan"); }
            return int(n);
          }

          function busy(d) {
            S.busy += d;
            document.body.setAttribute('data-busy', String(S.busy));
            $('status').textContent = S.busy > 0 ? t("web.status.working") : '';
          }

          // POST /rpc with one request; long methods get a progress token polled from /api/progress.
          function rpc(method, params, progress) {
            var id = ++seq;
            params = Object.assign({ lang: S.lang }, params || {});
            var token = null, timer = null;
            if (progress) {
              token = 'p' + id + '-' + Date.now();
              params.progress_token = token;
              timer = setInterval(function () {
                fetch('/api/progress?token=' + encodeURIComponent(token)).then(function (r) { return r.json(); })
                  .then(function (p) {
                    if (p && p.stage) {
                      $('status').textContent = t("web.status.progress", { stage: p.stage, done: int(p.done),
                        total: p.total === undefined ? '?' : int(p.total) });
                    }
                  }).catch(function () {});
              }, 400);
            }
            busy(1);
            return fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ jsonrpc: '2.0', id: id, method: method, params: params }) })
              .then(function (r) { return r.json(); })
              .then(function (reply) {
                if (reply.error) { throw new Error(reply.error.message); }
                return reply.result;
              })
              .finally(function () { if (timer) { clearInterval(timer); } busy(-1); });
          }

          function showError(e) {
            var box = $('error');
            box.textContent = t("web.error.prefix", { message: e && e.message ? e.message : String(e) });
            box.className = 'error shown';
          }

          function loadMessages(lang) {
            return fetch('/api/messages?lang=' + lang).then(function (r) { return r.json(); }).then(function (m) {
              S.msgs = m.messages; S.lang = m.lang; document.documentElement.lang = m.lang === 'zh' ? 'zh-CN' : 'en';
            });
          }

          // ---------- frame ----------
          function frame() {
            var app = clear($('app'));
            var nav = el('nav', { id: 'steps' });
            STEPS.forEach(function (s, i) {
              var b = el('button', { id: 'step-' + s, 'data-step': s, type: 'button' });
              b.textContent = (i + 1) + ' ' + t('web.step.' + s);
              b.addEventListener('click', function () { go(s); });
              nav.appendChild(b);
            });
            var header = el('header', {}, [
              el('h1', { id: 'title', text: t("web.title") }),
              el('span', { id: 'district' }),
              el('span', { id: 'status', role: 'status' }),
              el('button', { id: 'print', type: 'button', text: t("web.action.print") }),
              el('button', { id: 'lang', type: 'button', text: t("web.action.language") })
            ]);
            var layerBox = el('div', { id: 'layers' });
            Object.keys(S.layers).forEach(function (k) {
              var cb = el('input', { type: 'checkbox', id: 'layer-' + k });
              cb.checked = S.layers[k];
              cb.addEventListener('change', function () { S.layers[k] = cb.checked; draw(); });
              layerBox.appendChild(el('label', {}, [cb, document.createTextNode(t('web.layer.' + k))]));
            });
            var svg = sv('svg', { id: 'map', role: 'img' });
            var main = el('main', {}, [
              el('aside', { id: 'left' }, [nav, el('section', { id: 'panel' })]),
              el('div', { id: 'center' }, [
                el('div', { id: 'mapbox' }, [svg, layerBox, el('div', { id: 'whatif-bar' }), el('div', { id: 'legend' }),
                  el('div', { id: 'zoom' }, [el('button', { id: 'zoom-in', type: 'button', text: '+' }),
                    el('button', { id: 'zoom-out', type: 'button', text: '−' }),
                    el('button', { id: 'zoom-fit', type: 'button', text: '⌂' })])]),
                el('section', { id: 'tablebox' }, [
                  el('div', { id: 'tablebar' }, [el('span', { id: 'table-title' }),
                    el('button', { id: 'csv', type: 'button', text: t("web.action.csv") }),
                    el('button', { id: 'xlsx', type: 'button', text: t("web.action.xlsx") }),
                    el('button', { id: 'toggle-table', type: 'button', text: t("web.action.toggle_table") })]),
                  el('div', { id: 'table' })])
              ]),
              el('aside', { id: 'right' }, [el('section', { id: 'whatif' }), el('h2', { text: t("web.details.title") }),
                el('div', { id: 'details' })])
            ]);
            app.appendChild(header);
            app.appendChild(el('div', { id: 'error', class: 'error' }));
            app.appendChild(main);
            app.appendChild(el('div', { id: 'dialog', role: 'dialog' }));
            $('lang').addEventListener('click', function () { switchLanguage(S.lang === 'zh' ? 'en' : 'zh'); });
            $('print').addEventListener('click', function () { window.print(); });
            $('csv').addEventListener('click', exportCSV);
            $('xlsx').addEventListener('click', exportXLSX);
            $('toggle-table').addEventListener('click', function () {
              S.tableOpen = !S.tableOpen; $('tablebox').className = S.tableOpen ? '' : 'collapsed';
            });
            $('zoom-in').addEventListener('click', function () { zoomAt(0.5); });
            $('zoom-out').addEventListener('click', function () { zoomAt(2); });
            $('zoom-fit').addEventListener('click', function () { fit(); fetchMap(); });
            mapEvents(svg);
            wiBar(); wiBox();
          }

          function switchLanguage(lang) {
            loadMessages(lang).then(function () {
              frame();
              if (S.info) { $('district').textContent = (S.info.store || {}).dataset_name || ''; }
              go(S.step, true);
              if (S.selected) { S.selected(); }
              draw();
            }).catch(showError);
          }

          // ---------- steps ----------
          function go(step, keep) {
            S.step = step;
            STEPS.forEach(function (s) { $('step-' + s).className = s === step ? 'active' : ''; });
            var panel = clear($('panel'));
            panel.appendChild(el('h2', { text: t('web.step.' + step) }));
            if (!keep) { S.table = null; }
            ({ data: stepData, area: stepArea, coverage: stepCoverage, siting: stepSiting, grids: stepGrids,
              party: stepParty, compliance: stepCompliance, scenarios: stepScenarios })[step](panel);
            draw();
          }

          function figure(label, value, field) {
            var v = el('b', { text: value });
            if (field) { v.setAttribute('data-field', field); }
            return el('div', { class: 'figure' }, [el('span', { text: label }), v]);
          }

          function stepData(panel) {
            var go2 = function (all) {
              var info = all.store || {};
              panel.appendChild(figure(t("web.data.district"), info.dataset_name || '—', 'dataset_name'));
              panel.appendChild(figure(t("web.data.crs"), info.working_crs || '—', 'working_crs'));
              var rows = Object.keys(info.counts || {}).map(function (k) { return { layer: k, count: info.counts[k] }; });
              setTable(t("web.data.table"), [
                { key: 'layer', label: t("web.col.layer") }, { key: 'count', label: t("web.col.count"), num: int }
              ], rows);
            };
            if (S.info) { go2(S.info); } else { rpc('info', {}).then(function (i) { S.info = i; go2(i); }).catch(showError); }
          }

          function areaReady() {
            if (S.area) { return Promise.resolve(S.area); }
            return rpc('report.area', {}).then(function (a) { S.area = a; S.areaById = {};
              a.communities.forEach(function (c) { S.areaById[c.id] = c; }); return a; });
          }

          function stepArea(panel) {
            areaReady().then(function (a) {
              if (S.step !== 'area') { return; }
              var tot = a.total;
              if (wiActive()) { whatIfArea(panel); return; }
              panel.appendChild(figure(t("web.area.per100"), dec(tot.area_per_100_households, 2), 'total_per100'));
              panel.appendChild(figure(t("web.area.standard"), dec(a.standard_m2_per_100_households, 0), 'standard'));
              var meeting = a.communities.filter(function (c) { return c.meets_standard; }).length;
              panel.appendChild(figure(t("web.area.meeting"), t("web.area.meeting_value",
                { meeting: meeting, total: a.communities.length }), 'meeting'));
              panel.appendChild(figure(t("web.area.deficit"), dec(tot.deficit_m2, 1), 'total_deficit'));
              panel.appendChild(figure(t("web.area.households"), headline(tot.households), 'total_households'));
              var rows = a.communities.slice().sort(function (x, y) { return y.deficit_m2 - x.deficit_m2; });
              setTable(t("web.area.table"), areaColumns(), rows, function (r) { selectCommunity(r.id); });
              draw();
            }).catch(showError);
          }

          // The area step under the what-if edits: the scenario's headline figures and communities.
          function whatIfArea(panel) {
            var s = wiAfter();
            panel.appendChild(el('p', { class: 'note', id: 'whatif-note', text: t("web.whatif.showing", { count: int(S.wi.edits.length) }) }));
            panel.appendChild(figure(t("web.area.per100"), dec(s.per100, 2), 'total_per100'));
            panel.appendChild(figure(t("web.area.standard"), dec(S.area.standard_m2_per_100_households, 0), 'standard'));
            panel.appendChild(figure(t("web.area.meeting"), t("web.area.meeting_value",
              { meeting: s.communities_meeting, total: s.communities }), 'meeting'));
            panel.appendChild(figure(t("web.area.deficit"), dec(s.total_deficit_m2, 1), 'total_deficit'));
            panel.appendChild(figure(t("web.area.households"), headline(s.households), 'total_households'));
            whatIfAreaTable();
            draw();
          }

          function areaColumns() {
            return [
              { key: 'id', label: t("web.col.id") }, { key: 'name', label: t("web.col.name") },
              { key: 'street', label: t("web.col.street") },
              { key: 'households', label: t("web.col.households"), num: int },
              { key: 'facility_area_m2', label: t("web.col.area"), num: function (v) { return dec(v, 1); } },
              { key: 'area_per_100_households', label: t("web.col.per100"), num: function (v) { return dec(v, 2); } },
              { key: 'required_area_m2', label: t("web.col.required"), num: function (v) { return dec(v, 1); } },
              { key: 'deficit_m2', label: t("web.col.deficit"), num: function (v) { return dec(v, 1); } },
              { key: 'meets_standard', label: t("web.col.meets"), fmt: function (v) { return v ? t("web.yes") : t("web.no"); } }
            ];
          }

          function stepCoverage(panel) {
            var show = function (c) {
              if (S.step !== 'coverage') { return; }
              var tot = c.total;
              var w = wiActive() ? wiAfter() : null;
              if (w) {
                panel.appendChild(el('p', { class: 'note', id: 'whatif-note', text: t("web.whatif.showing", { count: int(S.wi.edits.length) }) }));
                tot = { coverage_rate: w.coverage_rate, covered_households: w.households_covered, households: w.households };
              }
              panel.appendChild(figure(t("web.coverage.rate"), pct(tot.coverage_rate), 'coverage_rate'));
              panel.appendChild(figure(t("web.coverage.covered"), t("web.coverage.covered_value",
                { covered: headline(tot.covered_households), total: headline(tot.households) }), 'covered_households'));
              panel.appendChild(figure(t("web.coverage.radius"), int(c.radius_m) + ' m', 'radius'));
              panel.appendChild(figure(t("web.coverage.gaps"), int(c.gaps.length), 'gaps'));
              setTable(t("web.coverage.table"), [
                { key: 'id', label: t("web.col.gap") }, { key: 'households', label: t("web.col.households"), num: int },
                { key: 'buildings', label: t("web.col.buildings"), num: int },
                { key: 'community_ids', label: t("web.col.communities"), fmt: function (v) { return (v || []).join(', '); } },
                { key: 'nearest_facility_distance_m', label: t("web.col.nearest_distance"), num: function (v) { return dec(v, 1); } }
              ], c.gaps, function (g) { centerOn(g.lon, g.lat, 4); });
            };
            var form = el('div', { class: 'form' });
            var net = el('input', { type: 'checkbox', id: 'coverage-network' });
            net.checked = !!(S.coverageParams && S.coverageParams.network);
            form.appendChild(el('label', {}, [net, document.createTextNode(t("web.coverage.network"))]));
            var run = el('button', { type: 'button', id: 'coverage-run', text: t("web.action.run") });
            run.addEventListener('click', function () {
              S.coverageParams = net.checked ? { network: true } : {};
              rpc('coverage', S.coverageParams, true).then(function (c) {
                var changed = !!S.network !== net.checked;
                S.coverage = c; S.network = net.checked; go('coverage', true); fetchMap();
                if (changed && S.wi.edits.length) { evaluate(); }
              }).catch(showError);
            });
            form.appendChild(run);
            panel.appendChild(form);
            if (S.coverage) { show(S.coverage); return; }
            rpc('coverage', {}, true).then(function (c) { S.coverage = c; show(c); }).catch(showError);
          }

          function stepSiting(panel) {
            var form = el('div', { class: 'form' });
            var count = el('input', { type: 'number', id: 'site-count', min: '1', max: '50', value: '5' });
            var radius = el('input', { type: 'number', id: 'site-radius', min: '50', step: '50', value: '' });
            radius.setAttribute('placeholder', '500');
            var objective = el('select', { id: 'site-objective' });
            ['cover', 'distance', 'all'].forEach(function (o) {
              objective.appendChild(el('option', { value: o, text: t('web.siting.objective.' + o) }));
            });
            form.appendChild(el('label', {}, [document.createTextNode(t("web.siting.count")), count]));
            form.appendChild(el('label', {}, [document.createTextNode(t("web.siting.radius")), radius]));
            form.appendChild(el('label', {}, [document.createTextNode(t("web.siting.objective")), objective]));
            var run = el('button', { type: 'button', id: 'site-run', text: t("web.action.run") });
            form.appendChild(run);
            panel.appendChild(form);
            var summary = el('div', { id: 'site-summary' });
            panel.appendChild(summary);
            if (S.siteParams) { count.value = S.siteParams.count; objective.value = S.siteParams.objective;
              if (S.siteParams.radius) { radius.value = S.siteParams.radius; } }
            run.addEventListener('click', function () {
              var p = { count: parseInt(count.value, 10) || 5, objective: objective.value };
              if (radius.value) { p.radius = parseFloat(radius.value); }
              S.siteParams = p;
              rpc('site', p, true).then(function (r) { S.site = r; showSites(summary); draw(); }).catch(showError);
            });
            if (S.site) { showSites(summary); }
          }

          function showSites(box) {
            clear(box);
            var r = S.site;
            box.appendChild(figure(t("web.siting.before"), pct(r.covered_households_before / r.total_households), 'before'));
            box.appendChild(figure(t("web.siting.after"), pct(r.covered_households_after / r.total_households), 'after'));
            var proof;
            if (r.proven_optimal) { proof = t("web.siting.proven"); }
            else if (r.optimality_gap !== null && r.optimality_gap !== undefined) {
              proof = t("web.siting.gap", { gap: (r.optimality_gap * 100).toFixed(1) });
            } else { proof = t("web.siting.unproven"); }
            box.appendChild(el('p', { id: 'site-proof', text: proof }));
            var all = el('button', { type: 'button', id: 'sites-to-whatif', text: t("web.whatif.sites_add") });
            all.addEventListener('click', function () { sitesToWhatIf(r.sites); });
            box.appendChild(all);
            setTable(t("web.siting.table"), [
              { key: 'rank', label: t("web.col.rank"), num: int },
              { key: 'candidate_id', label: t("web.col.candidate") }, { key: 'name', label: t("web.col.name") },
              { key: 'community_id', label: t("web.col.community") },
              { key: 'new_households_covered', label: t("web.col.new_covered"), num: int },
              { key: 'cumulative_covered_households', label: t("web.col.cumulative"), num: int },
              { key: 'coverage_rate_after', label: t("web.col.rate_after"), fmt: pct },
              { key: 'recommended_area_m2', label: t("web.col.recommended_area"), num: function (v) { return dec(v, 1); } },
              { key: 'available_area_m2', label: t("web.col.available_area"), num: function (v) { return dec(v, 1); } },
              { key: 'area_sufficient', label: t("web.col.sufficient"), fmt: function (v) {
                return v === null || v === undefined ? '—' : v ? t("web.yes") : t("web.no"); } }
            ], r.sites, function (s) { centerOn(s.lon, s.lat, 3); selectSite(s); });
          }

          function generic(step, method, params, title, rowsOf, columns, heads) {
            return function (panel) {
              if (step === 'grids') { panel.appendChild(el('p', { class: 'note', text: t("web.note.preview") })); }
              rpc(method, params, true).then(function (r) {
                if (S.step !== step) { return; }
                (heads || []).forEach(function (h) { panel.appendChild(figure(t(h[0]), h[1](r), h[2])); });
                setTable(t(title), columns(), rowsOf(r));
                if (step === 'grids') { gridsApply(panel, r); }
                if (step === 'party') { panel.appendChild(el('p', { class: 'note', text: t("web.party.from_grids") })); }
              }).catch(showError);
            };
          }

          var stepGrids = generic('grids', 'grids.plan', {}, 'web.grids.table', function (r) {
            var rows = (r.violations || []).map(function (v) {
              return { id: v.grid_id, community_id: v.community_id, violation: v.detail };
            });
            return rows.concat((r.grids || []).map(function (g) {
              return { id: g.id, community_id: g.community_id, households: g.households,
                buildings: (g.building_ids || []).length, party_members: g.party_members };
            }));
          }, function () {
            return [{ key: 'id', label: t("web.col.grid") }, { key: 'community_id', label: t("web.col.community") },
              { key: 'households', label: t("web.col.households"), num: int },
              { key: 'buildings', label: t("web.col.buildings"), num: int },
              { key: 'party_members', label: t("web.col.party_members"), num: int },
              { key: 'violation', label: t("web.col.violation") }];
          }, [["web.grids.count", function (r) { return int((r.grids || []).length); }, 'grids'],
            ["web.grids.violations", function (r) { return int((r.violations || []).length); }, 'violations']]);

          var stepParty = generic('party', 'report.party', {}, 'web.party.table', function (r) {
            return (r.communities || []).map(function (c) { return flatten(c); });
          }, function () {
            return [{ key: 'id', label: t("web.col.id") }, { key: 'name', label: t("web.col.name") },
              { key: 'coverage.grids', label: t("web.col.grids"), num: int },
              { key: 'coverage.grids_organized', label: t("web.col.grids_organized"), num: int },
              { key: 'coverage.organization_coverage_rate', label: t("web.col.org_rate"), fmt: pct },
              { key: 'coverage.households', label: t("web.col.households"), num: int },
              { key: 'coverage.covered_households', label: t("web.col.covered_households"), num: int },
              { key: 'coverage.work_coverage_rate', label: t("web.col.work_rate"), fmt: pct },
              { key: 'coverage.party_groups', label: t("web.col.party_groups"), num: int },
              { key: 'coverage.central_households', label: t("web.col.central_households"), num: int }];
          }, [["web.party.org_rate", function (r) { return pct(r.total && r.total.coverage ? r.total.coverage.organization_coverage_rate : null); }, 'org_rate'],
            ["web.party.work_rate", function (r) { return pct(r.total && r.total.coverage ? r.total.coverage.work_coverage_rate : null); }, 'work_rate']]);

          var stepCompliance = generic('compliance', 'report.compliance', {}, 'web.compliance.table', function (r) {
            return r.communities || [];
          }, function () {
            return [{ key: 'id', label: t("web.col.id") }, { key: 'name', label: t("web.col.name") },
              { key: 'street', label: t("web.col.street") }, { key: 'findings', label: t("web.col.findings"), num: int },
              { key: 'staffing_shortfalls', label: t("web.col.staffing"), num: int },
              { key: 'workers_to_assign', label: t("web.col.workers_to_assign"), num: int },
              { key: 'untrained_secretaries', label: t("web.col.untrained"), num: int },
              { key: 'contact_shortfalls', label: t("web.col.contacts"), num: int },
              { key: 'low_ratings', label: t("web.col.low_ratings"), num: int },
              { key: 'missing_observations', label: t("web.col.observations"), num: int }];
          }, [["web.compliance.findings", function (r) { return int(r.total ? r.total.findings : null); }, 'findings'],
            ["web.compliance.year", function (r) { return String(r.year); }, 'year']]);

          function flatten(o, prefix, out) {
            out = out || {};
            Object.keys(o || {}).forEach(function (k) {
              var v = o[k], key = prefix ? prefix + '.' + k : k;
              if (v && typeof v === 'object' && !Array.isArray(v)) { flatten(v, key, out); } else { out[key] = v; }
            });
            return out;
          }

          // ---------- table ----------
          function setTable(title, columns, rows, onClick) {
            S.table = { title: title, columns: columns, rows: rows, onClick: onClick, sort: null, desc: false };
            renderTable();
          }

          function cell(c, r) {
            var v = r[c.key];
            if (c.num) { return c.num(v); }
            if (c.fmt) { return c.fmt(v); }
            return v === null || v === undefined ? '' : String(v);
          }

          function renderTable() {
            var box = clear($('table'));
            var tb = S.table;
            $('table-title').textContent = tb ? tb.title + ' (' + tb.rows.length + ')' : '';
            if (!tb) { return; }
            var rows = tb.rows.slice();
            if (tb.sort !== null) {
              var k = tb.columns[tb.sort].key;
              rows.sort(function (a, b) {
                var x = a[k], y = b[k];
                var r = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x === undefined || x === null ? '' : x)
                  .localeCompare(String(y === undefined || y === null ? '' : y), 'zh');
                return tb.desc ? -r : r;
              });
            }
            var head = el('tr');
            tb.columns.forEach(function (c, i) {
              var th = el('th', { text: c.label + (tb.sort === i ? (tb.desc ? ' ▼' : ' ▲') : ''), 'data-col': c.key });
              th.addEventListener('click', function () {
                if (tb.sort === i) { tb.desc = !tb.desc; } else { tb.sort = i; tb.desc = false; }
                renderTable();
              });
              head.appendChild(th);
            });
            var body = el('tbody');
            rows.forEach(function (r) {
              var tr = el('tr');
              if (r.id !== undefined) { tr.setAttribute('data-id', r.id); }
              if (r.candidate_id !== undefined) { tr.setAttribute('data-candidate', r.candidate_id); }
              tb.columns.forEach(function (c) { tr.appendChild(el('td', { text: cell(c, r), class: c.num ? 'num' : '' })); });
              if (tb.onClick) { tr.addEventListener('click', function () { tb.onClick(r); }); }
              body.appendChild(tr);
            });
            box.appendChild(el('table', { id: 'result-table' }, [el('thead', {}, [head]), body]));
          }

          function exportCSV() {
            var tb = S.table;
            if (!tb) { return; }
            var q = function (s) { s = String(s); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
            var lines = [tb.columns.map(function (c) { return q(c.label); }).join(',')];
            tb.rows.forEach(function (r) {
              lines.push(tb.columns.map(function (c) {
                var v = r[c.key];
                return q(v === null || v === undefined ? '' : (typeof v === 'object' ? JSON.stringify(v) : v));
              }).join(','));
            });
            var blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
            var a = el('a', { href: URL.createObjectURL(blob), download: 'gridplan-' + S.step + '.csv' });
            document.body.appendChild(a); a.click(); a.remove();
          }

          // ---------- details ----------
          function details() {
            var d = clear($('details'));
            ['data-community', 'data-building', 'data-facility', 'data-adding', 'data-scenario'].forEach(function (a) { d.removeAttribute(a); });
            return d;
          }

          function selectCommunity(id) {
            S.selected = function () { selectCommunity(id); };
            areaReady().then(function () {
              var d = details();
              var a = S.areaById[id];
              var m = S.map ? S.map.communities.filter(function (c) { return c.id === id; })[0] : null;
              d.setAttribute('data-community', id);
              d.appendChild(el('h3', { text: (a && a.name) || (m && m.name) || id }));
              d.appendChild(figure(t("web.col.id"), id, 'id'));
              if (a) {
                d.appendChild(figure(t("web.col.street"), a.street || '—', 'street'));
                d.appendChild(figure(t("web.col.households"), int(a.households), 'households'));
                d.appendChild(figure(t("web.col.facilities"), int(a.facility_count), 'facility_count'));
                d.appendChild(figure(t("web.col.area"), dec(a.facility_area_m2, 1), 'facility_area_m2'));
                d.appendChild(figure(t("web.col.per100"), dec(a.area_per_100_households, 2), 'area_per_100_households'));
                d.appendChild(figure(t("web.col.required"), dec(a.required_area_m2, 1), 'required_area_m2'));
                d.appendChild(figure(t("web.col.deficit"), dec(a.deficit_m2, 1), 'deficit_m2'));
                d.appendChild(figure(t("web.col.meets"), a.meets_standard ? t("web.yes") : t("web.no"), 'meets_standard'));
              }
              if (m) {
                d.appendChild(figure(t("web.col.covered_households"), int(m.covered_households), 'covered_households'));
                d.appendChild(figure(t("web.col.coverage_rate"), pct(m.households ? m.covered_households / m.households : null), 'coverage_rate'));
                d.appendChild(figure(t("web.col.buildings"), int(m.buildings), 'buildings'));
              }
              draw();
            });
          }

          function selectBuilding(b) {
            S.selected = function () { selectBuilding(b); };
            var d = details();
            d.setAttribute('data-building', b.id);
            d.appendChild(el('h3', { text: b.name || b.id }));
            d.appendChild(figure(t("web.col.id"), b.id, 'id'));
            d.appendChild(figure(t("web.col.community"), b.community_id, 'community_id'));
            d.appendChild(figure(t("web.col.grid"), b.grid_id || '—', 'grid_id'));
            d.appendChild(figure(t("web.col.households"), int(b.households), 'households'));
            d.appendChild(figure(t("web.col.nearest_facility"), b.nearest_facility_id || '—', 'nearest_facility_id'));
            d.appendChild(figure(t("web.col.nearest_distance"), dec(b.distance_m, 1), 'distance_m'));
            d.appendChild(figure(t("web.col.covering_facility"), b.covering_facility_id || '—', 'covering_facility_id'));
            d.appendChild(figure(t("web.col.covered"), b.covered ? t("web.yes") : t("web.no"), 'covered'));
          }

          function selectFacility(f) {
            S.selected = function () { selectFacility(f); };
            var d = details();
            d.appendChild(el('h3', { text: f.name || f.id }));
            d.appendChild(figure(t("web.col.id"), f.id, 'id'));
            d.appendChild(figure(t("web.col.kind"), t('web.kind.' + f.kind), 'kind'));
            d.appendChild(figure(t("web.col.usable_area"), dec(f.usable_area_m2, 1), 'usable_area_m2'));
            d.appendChild(figure(t("web.col.community"), f.community_id || '—', 'community_id'));
            d.setAttribute('data-facility', f.id);
            facilityActions(d, f);
          }

          function selectSite(s) {
            S.selected = function () { selectSite(s); };
            var d = details();
            d.appendChild(el('h3', { text: t("web.siting.site", { rank: s.rank }) + ' ' + (s.name || s.candidate_id) }));
            d.appendChild(figure(t("web.col.candidate"), s.candidate_id, 'candidate_id'));
            d.appendChild(figure(t("web.col.new_covered"), int(s.new_households_covered), 'new_households_covered'));
            d.appendChild(figure(t("web.col.recommended_area"), dec(s.recommended_area_m2, 1), 'recommended_area_m2'));
            d.appendChild(figure(t("web.col.available_area"), dec(s.available_area_m2, 1), 'available_area_m2'));
            var add = el('button', { type: 'button', id: 'site-to-whatif', text: t("web.whatif.site_add") });
            add.addEventListener('click', function () { sitesToWhatIf([s]); });
            d.appendChild(el('div', { class: 'buttons' }, [add]));
          }

          // ---------- map ----------
          var M = { w: 800, h: 600, lat0: 30, kx: 1, ky: 1, timer: null, pointers: {}, pinch: null, drag: null };
          function project(lon, lat) {
            return [(lon - S.view.cx) * M.kx / S.view.mpp + M.w / 2, M.h / 2 - (lat - S.view.cy) * M.ky / S.view.mpp];
          }
          function unproject(x, y) {
            return [S.view.cx + (x - M.w / 2) * S.view.mpp / M.kx, S.view.cy - (y - M.h / 2) * S.view.mpp / M.ky];
          }
          function size() {
            var r = $('map').getBoundingClientRect();
            M.w = Math.max(100, r.width); M.h = Math.max(100, r.height);
          }
          function fit() {
            size();
            var e = S.extent;
            if (!e) { return; }
            M.lat0 = (e[1] + e[3]) / 2;
            M.kx = 111320 * Math.cos(M.lat0 * Math.PI / 180); M.ky = 110574;
            var mpp = Math.max((e[2] - e[0]) * M.kx / (M.w - 40), (e[3] - e[1]) * M.ky / (M.h - 40));
            S.view = { cx: (e[0] + e[2]) / 2, cy: (e[1] + e[3]) / 2, mpp: mpp > 0 ? mpp : 10 };
          }
          function centerOn(lon, lat, mpp) {
            if (!S.view) { return; }
            S.view.cx = lon; S.view.cy = lat; if (mpp) { S.view.mpp = mpp; }
            draw(); fetchMapSoon();
          }
          function zoomAt(f, x, y) {
            if (!S.view) { return; }
            if (x === undefined) { x = M.w / 2; y = M.h / 2; }
            var p = unproject(x, y);
            S.view.mpp = Math.min(2000, Math.max(0.2, S.view.mpp * f));
            var q = unproject(x, y);
            S.view.cx += p[0] - q[0]; S.view.cy += p[1] - q[1];
            draw(); fetchMapSoon();
          }
          function fetchMapSoon() { clearTimeout(M.timer); M.timer = setTimeout(fetchMap, 150); }
          function fetchMap() {
            size();
            var a = unproject(0, M.h), b = unproject(M.w, 0);
            var url = '/api/map?bbox=' + [a[0], a[1], b[0], b[1]].map(function (v) { return v.toFixed(6); }).join(',') +
              '&mpp=' + S.view.mpp.toFixed(3) + (S.network ? '&network=true' : '');
            busy(1);
            return fetch(url).then(function (r) { return r.json(); }).then(function (m) {
              if (m.error) { throw new Error(m.error.message); }
              S.map = m; draw();
            }).catch(showError).finally(function () { busy(-1); });
          }

          function mapEvents(svg) {
            svg.addEventListener('wheel', function (e) {
              e.preventDefault();
              var r = svg.getBoundingClientRect();
              zoomAt(e.deltaY > 0 ? 1.25 : 0.8, e.clientX - r.left, e.clientY - r.top);
            }, { passive: false });
            svg.addEventListener('pointerdown', function (e) {
              if (wiDragStart(e)) { return; }
              M.pointers[e.pointerId] = [e.clientX, e.clientY];
              var ids = Object.keys(M.pointers);
              if (ids.length === 1) { M.drag = { x: e.clientX, y: e.clientY, moved: false }; }
              if (ids.length === 2) {
                var p = M.pointers[ids[0]], q = M.pointers[ids[1]];
                M.pinch = Math.hypot(p[0] - q[0], p[1] - q[1]); M.drag = null;
              }
            });
            svg.addEventListener('pointermove', function (e) {
              if (wiDragMove(e)) { return; }
              if (!M.pointers[e.pointerId] || !S.view) { return; }
              M.pointers[e.pointerId] = [e.clientX, e.clientY];
              var ids = Object.keys(M.pointers);
              if (ids.length === 2 && M.pinch) {
                var p = M.pointers[ids[0]], q = M.pointers[ids[1]];
                var d = Math.hypot(p[0] - q[0], p[1] - q[1]);
                var r = svg.getBoundingClientRect();
                if (d > 0) { zoomAt(M.pinch / d, (p[0] + q[0]) / 2 - r.left, (p[1] + q[1]) / 2 - r.top); M.pinch = d; }
              } else if (M.drag) {
                var dx = e.clientX - M.drag.x, dy = e.clientY - M.drag.y;
                if (Math.abs(dx) + Math.abs(dy) > 3) { M.drag.moved = true; }
                if (M.drag.moved) {
                  S.view.cx -= dx * S.view.mpp / M.kx; S.view.cy += dy * S.view.mpp / M.ky;
                  M.drag.x = e.clientX; M.drag.y = e.clientY; draw();
                }
              }
            });
            var up = function (e) {
              if (M.move) { if (e.type === 'pointerup') { wiDragEnd(e); } else { M.move = null; draw(); } return; }
              delete M.pointers[e.pointerId];
              if (Object.keys(M.pointers).length < 2) { M.pinch = null; }
              if (M.drag && M.drag.moved) { fetchMapSoon(); }
              if (M.drag && !M.drag.moved && e.type === 'pointerup') {
                if (S.wi.on && S.wi.adding) {
                  var r = svg.getBoundingClientRect();
                  wiPlace(e.clientX - r.left, e.clientY - r.top);
                } else { pick(e.target); }
              }
              M.drag = null;
            };
            svg.addEventListener('pointerup', up);
            svg.addEventListener('pointercancel', up);
            window.addEventListener('resize', function () { size(); draw(); fetchMapSoon(); });
          }

          function pick(target) {
            var kind = target.getAttribute && target.getAttribute('data-kind');
            var id = target.getAttribute && target.getAttribute('data-id');
            if (!kind || !S.map) { return; }
            if (kind === 'community') { selectCommunity(id); }
            if (kind === 'building') { selectBuilding(S.map.buildings.filter(function (b) { return b.id === id; })[0]); }
            if (kind === 'facility') { var f = facilityNow(id); if (f) { selectFacility(f); } }
            if (kind === 'site') { selectSite(S.site.sites.filter(function (s) { return s.candidate_id === id; })[0]); }
          }

          function shade(c) {
            var f = communityFigures(c);
            if (S.step === 'coverage') {
              var r = f.households ? f.covered / f.households : null;
              if (r === null) { return '#dddddd'; }
              return r < 0.8 ? '#d73027' : r < 0.95 ? '#fc8d59' : r < 0.99 ? '#91cf60' : '#1a9850';
            }
            if (f.per100 === null || f.per100 === undefined || !S.area) { return '#dddddd'; }
            var v = f.per100 / (S.area.standard_m2_per_100_households || 30);
            return v < 0.5 ? '#d73027' : v < 1 ? '#fc8d59' : v < 1.5 ? '#91cf60' : '#1a9850';
          }

          function draw() {
            var svg = $('map');
            if (!svg || !S.view) { return; }
            size();
            clear(svg);
            svg.setAttribute('viewBox', '0 0 ' + M.w + ' ' + M.h);
            var m = S.map;
            if (m && S.layers.communities) {
              var g = sv('g', { class: 'communities' });
              m.communities.forEach(function (c) {
                var d = c.rings.map(function (ring) {
                  return 'M' + ring.map(function (p) { var q = project(p[0], p[1]); return q[0].toFixed(1) + ',' + q[1].toFixed(1); })
                    .join('L') + 'Z';
                }).join('');
                var sel = S.selected && $('details').getAttribute('data-community') === c.id;
                g.appendChild(sv('path', { d: d, fill: shade(c), 'fill-opacity': '0.55', stroke: sel ? '#000' : '#555',
                  'stroke-width': sel ? '2.5' : '0.8', 'fill-rule': 'evenodd', 'data-kind': 'community', 'data-id': c.id }));
              });
              svg.appendChild(g);
              if (S.view.mpp < 30) {
                var labels = sv('g', { class: 'labels' });
                m.communities.forEach(function (c) {
                  var q = project(c.center[0], c.center[1]);
                  labels.appendChild(sv('text', { x: q[0].toFixed(1), y: q[1].toFixed(1), text: c.name || c.id, 'text-anchor': 'middle' }));
                });
                svg.appendChild(labels);
              }
            }
            // Gap outlines are the imported data's: hidden while a what-if changes the coverage.
            if (m && S.layers.gaps && !wiActive() && (S.step === 'coverage' || S.step === 'siting')) {
              var gg = sv('g', { class: 'gaps' });
              m.gaps.forEach(function (gp) {
                if (gp.hull.length < 3) { return; }
                gg.appendChild(sv('path', { d: 'M' + gp.hull.map(function (p) { var q = project(p[0], p[1]);
                  return q[0].toFixed(1) + ',' + q[1].toFixed(1); }).join('L') + 'Z', fill: 'none', stroke: '#c00',
                  'stroke-dasharray': '5,3', 'stroke-width': '1.5' }));
              });
              svg.appendChild(gg);
            }
            if (m && S.layers.buildings && m.buildings) {
              var gb = sv('g', { class: 'buildings' });
              var k = Math.max(0.6, Math.min(3, 8 / S.view.mpp));
              m.buildings.forEach(function (b) {
                var q = project(b.lon, b.lat);
                if (q[0] < -5 || q[1] < -5 || q[0] > M.w + 5 || q[1] > M.h + 5) { return; }
                var covered = buildingCovered(b);
                var attrs = { cx: q[0].toFixed(1), cy: q[1].toFixed(1), r: (k * Math.sqrt(b.households / 20 + 1)).toFixed(2),
                  fill: covered ? '#2166ac' : '#111111', 'data-kind': 'building', 'data-id': b.id };
                if (covered !== b.covered) { attrs['data-changed'] = 'true'; attrs.stroke = '#ff7f00'; attrs['stroke-width'] = '1.5'; }
                gb.appendChild(sv('circle', attrs));
              });
              svg.appendChild(gb);
            }
            if (m && S.layers.candidates) {
              var gc = sv('g', { class: 'candidates' });
              m.candidates.forEach(function (c) {
                var q = project(c.lon, c.lat);
                gc.appendChild(sv('circle', { cx: q[0].toFixed(1), cy: q[1].toFixed(1), r: '3', fill: 'none', stroke: '#666' }));
              });
              svg.appendChild(gc);
            }
            if (S.site && S.layers.sites && S.step === 'siting') {
              var gs = sv('g', { class: 'sites' });
              S.site.sites.forEach(function (s) {
                var q = project(s.lon, s.lat);
                gs.appendChild(sv('circle', { cx: q[0].toFixed(1), cy: q[1].toFixed(1), r: '10', fill: '#ff7f00', stroke: '#fff',
                  'stroke-width': '2', 'data-kind': 'site', 'data-id': s.candidate_id }));
                gs.appendChild(sv('text', { x: q[0].toFixed(1), y: (q[1] + 4).toFixed(1), 'text-anchor': 'middle', class: 'rank',
                  text: String(s.rank), 'data-kind': 'site', 'data-id': s.candidate_id }));
              });
              svg.appendChild(gs);
            }
            // Facilities over the numbered sites, so a facility added on a site can be dragged away.
            if (m && S.layers.facilities) { drawFacilities(svg); }
            scaleBar(svg);
            northArrow(svg);
            legend();
          }

          function scaleBar(svg) {
            var target = 120 * S.view.mpp, p = Math.pow(10, Math.floor(Math.log10(target))), len = p;
            [1, 2, 5, 10].forEach(function (f) { if (f * p <= target) { len = f * p; } });
            var px = len / S.view.mpp, x = 16, y = M.h - 18;
            var g = sv('g', { id: 'scalebar' });
            g.appendChild(sv('rect', { x: x - 4, y: y - 16, width: px + 60, height: 26, fill: '#fff', 'fill-opacity': '0.8' }));
            g.appendChild(sv('path', { d: 'M' + x + ',' + (y - 6) + 'V' + y + 'H' + (x + px) + 'V' + (y - 6), stroke: '#000', fill: 'none', 'stroke-width': '2' }));
            g.appendChild(sv('text', { x: x + px + 6, y: y, text: len >= 1000 ? (len / 1000) + ' km' : len + ' m' }));
            svg.appendChild(g);
          }

          function northArrow(svg) {
            var x = M.w - 30, y = 20;
            var g = sv('g', { id: 'north' });
            g.appendChild(sv('path', { d: 'M' + x + ',' + y + 'l-8,22l8,-6l8,6z', fill: '#000' }));
            g.appendChild(sv('text', { x: x, y: y + 36, 'text-anchor': 'middle', text: t("web.map.north") }));
            svg.appendChild(g);
          }

          function legend() {
            var box = clear($('legend'));
            var item = function (color, text, shape) {
              var sw = el('span', { class: 'swatch ' + (shape || '') });
              sw.setAttribute('data-color', color);
              var d = el('div', { class: 'item' }, [sw, document.createTextNode(text)]);
              return d;
            };
            var title = S.step === 'coverage' ? t("web.legend.coverage") : t("web.legend.area");
            box.appendChild(el('b', { text: title }));
            var classes = S.step === 'coverage'
              ? [['#d73027', '< 80%'], ['#fc8d59', '80–95%'], ['#91cf60', '95–99%'], ['#1a9850', '≥ 99%']]
              : [['#d73027', '< 15'], ['#fc8d59', '15–30'], ['#91cf60', '30–45'], ['#1a9850', '≥ 45']];
            classes.forEach(function (c) { box.appendChild(item(c[0], c[1])); });
            box.appendChild(item('#2166ac', t("web.legend.covered"), 'dot'));
            box.appendChild(item('#111111', t("web.legend.uncovered"), 'dot'));
            Object.keys(KINDS).forEach(function (k) { box.appendChild(item(KINDS[k], t('web.kind.' + k), 'square')); });
            if (S.step === 'siting') { box.appendChild(item('#ff7f00', t("web.legend.site"), 'dot')); }
            if (wiActive()) {
              box.appendChild(item('#ff7f00', t("web.legend.changed"), 'dot ring'));
              box.appendChild(item('#bbbbbb', t("web.legend.closed"), 'square'));
            }
            // Colours through the CSSOM (allowed by the page's policy, unlike style attributes).
            box.querySelectorAll('.swatch').forEach(function (s) { s.style.background = s.getAttribute('data-color'); });
          }

          // ---------- start ----------
          function start() {
            var lang = (new URLSearchParams(location.search)).get('lang');
            fetch('/api/messages' + (lang ? '?lang=' + lang : '')).then(function (r) { return r.json(); }).then(function (m) {
              S.msgs = m.messages; S.lang = m.lang;
              document.documentElement.lang = m.lang === 'zh' ? 'zh-CN' : 'en';
              frame();
              return Promise.all([rpc('info', {}), fetch('/api/map?bbox=-180,-90,180,90&mpp=100000').then(function (r) { return r.json(); })]);
            }).then(function (r) {
              S.info = r[0]; $('district').textContent = (S.info.store || {}).dataset_name || '';
              S.extent = r[1].extent;
              fit();
              go('area');
              return fetchMap();
            }).then(function () { document.body.setAttribute('data-ready', 'true'); }).catch(showError);
          }
        """#
}
