/// The workspace's style sheet: system CJK fonts only (nothing is fetched), print layout included.
enum WorkspaceStyle {
    static let css = #"""
        * { box-sizing: border-box; }
        html, body { height: 100%; margin: 0; }
        body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
          font-size: 14px; color: #222; background: #f4f4f1; }
        #app { display: flex; flex-direction: column; height: 100vh; }
        header { display: flex; align-items: center; gap: 12px; padding: 6px 12px; background: #8b1a1a; color: #fff; }
        header h1 { font-size: 18px; margin: 0; }
        #district { font-weight: bold; }
        #status { flex: 1; font-size: 12px; opacity: 0.9; }
        header button { background: #fff; color: #8b1a1a; border: 0; border-radius: 3px; padding: 4px 10px; cursor: pointer; }
        .error { display: none; }
        .error.shown { display: block; background: #fde0dc; color: #900; padding: 6px 12px; }
        main { flex: 1; display: flex; min-height: 0; }
        #left { width: 260px; overflow: auto; background: #fff; border-right: 1px solid #ccc; }
        #steps { display: flex; flex-direction: column; }
        #steps button { text-align: left; padding: 8px 12px; border: 0; border-bottom: 1px solid #eee; background: #fff;
          cursor: pointer; font-size: 14px; }
        #steps button.active { background: #8b1a1a; color: #fff; }
        #panel { padding: 8px 12px; }
        #panel h2 { font-size: 16px; margin: 6px 0; }
        .figure { display: flex; justify-content: space-between; gap: 8px; padding: 3px 0; border-bottom: 1px dotted #ddd; }
        .figure b { font-variant-numeric: tabular-nums; text-align: right; }
        .form { display: flex; flex-direction: column; gap: 6px; margin: 6px 0 10px; }
        .form label { display: flex; justify-content: space-between; gap: 6px; }
        .form input[type=number] { width: 90px; }
        .form select { max-width: 150px; }
        .form button { padding: 5px; cursor: pointer; }
        .note { color: #666; font-size: 12px; }
        #center { flex: 1; display: flex; flex-direction: column; min-width: 0; }
        #mapbox { flex: 1; position: relative; min-height: 200px; background: #eef2f3; }
        #map { width: 100%; height: 100%; display: block; touch-action: none; cursor: grab; user-select: none; }
        #map text { font-size: 11px; fill: #222; pointer-events: none; }
        #map text.rank { font-size: 12px; font-weight: bold; fill: #fff; }
        #map [data-kind] { cursor: pointer; }
        #layers { position: absolute; top: 8px; left: 8px; background: rgba(255,255,255,0.9); padding: 4px 8px;
          display: flex; flex-direction: column; font-size: 12px; border-radius: 3px; }
        #legend { position: absolute; bottom: 8px; right: 8px; background: rgba(255,255,255,0.92); padding: 6px 8px;
          font-size: 12px; border-radius: 3px; max-width: 200px; }
        #legend .item { display: flex; align-items: center; gap: 6px; }
        .swatch { display: inline-block; width: 14px; height: 10px; border: 1px solid #888; }
        .swatch.dot { border-radius: 50%; width: 10px; }
        #zoom { position: absolute; top: 60px; right: 8px; display: flex; flex-direction: column; gap: 2px; }
        #zoom button { width: 28px; height: 28px; font-size: 16px; cursor: pointer; }
        #tablebox { height: 34%; display: flex; flex-direction: column; background: #fff; border-top: 1px solid #ccc; }
        #tablebox.collapsed { height: 32px; }
        #tablebox.collapsed #table { display: none; }
        #tablebar { display: flex; gap: 8px; align-items: center; padding: 4px 8px; background: #f0ece4; }
        #table-title { flex: 1; font-weight: bold; }
        #table { overflow: auto; flex: 1; }
        #table table { border-collapse: collapse; width: 100%; font-size: 13px; }
        #table th { position: sticky; top: 0; background: #eee; cursor: pointer; padding: 4px 6px; text-align: left;
          white-space: nowrap; }
        #table td { padding: 3px 6px; border-bottom: 1px solid #eee; white-space: nowrap; }
        #table td.num { text-align: right; font-variant-numeric: tabular-nums; }
        #table tbody tr:hover { background: #fff6d6; cursor: pointer; }
        #right { width: 280px; overflow: auto; background: #fff; border-left: 1px solid #ccc; padding: 8px 12px; }
        #right h2 { font-size: 15px; margin: 4px 0; }
        #right h3 { font-size: 15px; margin: 6px 0; }
        #whatif-bar { position: absolute; top: 8px; left: 150px; display: flex; gap: 6px; align-items: center;
          background: rgba(255,255,255,0.92); padding: 4px 8px; border-radius: 3px; font-size: 12px; }
        #whatif-bar button { padding: 3px 8px; cursor: pointer; border: 1px solid #8b1a1a; background: #fff; color: #8b1a1a;
          border-radius: 3px; }
        #whatif-bar button.active { background: #8b1a1a; color: #fff; }
        #whatif-bar .hint { color: #555; }
        #whatif { display: none; margin: -8px -12px 8px; padding: 8px 12px; border-bottom: 2px solid #8b1a1a; background: #fbf6ee; }
        #whatif.shown { display: block; }
        #whatif h2 { font-size: 15px; margin: 4px 0; }
        #edit-list { padding-left: 20px; margin: 6px 0; font-size: 12px; }
        table.compare { border-collapse: collapse; width: 100%; font-size: 12px; }
        table.compare th, table.compare td { padding: 2px 4px; border-bottom: 1px dotted #ddd; text-align: right;
          font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.compare th:first-child { text-align: left; white-space: normal; }
        .buttons { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; }
        .buttons button, #panel > button { padding: 4px 8px; cursor: pointer; }
        #right .form input[type=text] { width: 130px; }
        #map .added-label { font-size: 11px; font-weight: bold; fill: #000; }
        .swatch.ring { background: #fff; border: 2px solid #ff7f00; }
        #dialog { display: none; position: fixed; inset: 0; background: rgba(0,0,0,0.35); z-index: 10;
          align-items: center; justify-content: center; }
        #dialog.shown { display: flex; }
        #dialog .dialog-body { background: #fff; padding: 12px 18px; border-radius: 4px; max-width: 520px; max-height: 80vh;
          overflow: auto; box-shadow: 0 4px 18px rgba(0,0,0,0.3); }
        #dialog ul { padding-left: 20px; }
        @media print {
          #whatif-bar, #dialog, .buttons { display: none; }
          header button, #steps, #layers, #zoom, #tablebar button { display: none; }
          #app { height: auto; }
          #left, #right { width: 220px; }
          #tablebox { height: auto; }
        }
        """#
}
