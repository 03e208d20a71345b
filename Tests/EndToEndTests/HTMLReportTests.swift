import Foundation
import Testing
import TestSupport

/// Headless Chromium, when installed (Debian package `chromium`; Tools/render_report.sh installs it).
enum HeadlessChromium {
    static var path: String? {
        ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { ProcessRunner.executable(named: $0)?.path }.first
    }

    /// Loads `file` and returns the DOM after scripts ran, plus Chromium's stderr. Killed after `timeout` seconds.
    static func dumpDOM(_ file: URL, timeout: TimeInterval = 150) throws -> (dom: String, log: String) {
        let profile = try CLI.temporaryDirectory()
        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=5000", "--dump-dom", file.absoluteString
        ]
        let r = try ProcessRunner.run(URL(fileURLWithPath: path!), arguments, timeout: timeout)
        return (r.stdout, r.stderr)
    }
}

/// Records script errors, failed resource loads and console.error calls, then writes them and the
/// map's feature counts into attributes of <body> for `--dump-dom` to carry out.
private let probe = """
    <script>
    window.__errors = [];
    window.addEventListener('error', function (e) {
      var t = e.target && e.target !== window ? ' (' + (e.target.tagName || '') + ' ' + (e.target.src || e.target.href || '') + ')' : '';
      window.__errors.push(String(e.message || 'resource error') + t);
    }, true);
    (function () { var ce = console.error; console.error = function () { window.__errors.push([].join.call(arguments, ' ')); ce.apply(console, arguments); }; })();
    function __record() {
      document.body.setAttribute('data-errors', JSON.stringify(window.__errors));
      document.body.setAttribute('data-communities', document.querySelectorAll('svg path.community').length);
      document.body.setAttribute('data-buildings', document.querySelectorAll('svg circle.building').length);
      document.body.setAttribute('data-svg-width', Math.round(document.querySelector('svg').getBoundingClientRect().width));
    }
    document.addEventListener('DOMContentLoaded', __record);
    window.addEventListener('load', __record);
    </script>
    """

private func attribute(_ name: String, in dom: String) -> String? {
    guard let r = dom.range(of: "\(name)=\"") else { return nil }
    let rest = dom[r.upperBound...]
    return String(rest.prefix { $0 != "\"" }).replacingOccurrences(of: "&quot;", with: "\"")
}

@Suite(.serialized) struct HTMLReportTests {
    /// `gridplan report --html FILE` on the demo store, with its text.
    static func report() throws -> (url: URL, html: String, stderr: String) {
        let dir = try CLI.temporaryDirectory()
        let url = dir.appendingPathComponent("report.html")
        let r = try CLI.run(["report", "--db", MapsDemo.store, "--html", url.path], environment: MapsDemo.environment)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        return (url, try String(contentsOf: url, encoding: .utf8), r.stderr)
    }

    @Test func reportIsSelfContainedWithTheMapAndHeadlineFigures() throws {
        let (_, html, _) = try Self.report()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Offline: nothing fetched from anywhere.
        #expect(
            html.range(of: "(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", options: [.regularExpression, .caseInsensitive]) == nil)
        #expect(html.range(of: "url\\(\\s*[\"']?(https?:)?//", options: [.regularExpression, .caseInsensitive]) == nil)
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("@import"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<?xml"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("@media print"))
        // Headline figures agree with the JSON reports.
        let area = try CLI.run(["report", "area", "--db", MapsDemo.store, "--format", "json"], environment: MapsDemo.environment)
        let a = try #require(try JSONSerialization.jsonObject(with: Data(area.stdout.utf8)) as? [String: Any])
        let total = try #require(a["total"] as? [String: Any])
        let households = try #require(total["households"] as? Int)
        var digits = String(households), grouped = ""
        while digits.count > 3 { grouped = "," + digits.suffix(3) + grouped; digits.removeLast(3) }
        grouped = digits + grouped
        #expect(html.contains("\(grouped) 户 households"), "\(grouped)")
        let meeting = try #require(total["communities_meeting_standard"] as? Int)
        let communities = try #require(a["communities"] as? [Any]).count
        #expect(html.contains(">\(meeting) / \(communities)<"))
        let cov = try CLI.run(["coverage", "--db", MapsDemo.store, "--format", "json"], environment: MapsDemo.environment)
        let c = try #require(try JSONSerialization.jsonObject(with: Data(cov.stdout.utf8)) as? [String: Any])
        let rate = try #require((c["total"] as? [String: Any])?["coverage_rate"] as? Double)
        #expect(html.contains(String(format: ">%.1f%%<", rate * 100)))
        // Under-served communities: one table row per community the ranking marks.
        let u = try CLI.run(
            ["report", "underserved", "--db", MapsDemo.store, "--format", "json"], environment: MapsDemo.environment)
        let ud = try #require(try JSONSerialization.jsonObject(with: Data(u.stdout.utf8)) as? [String: Any])
        let underserved = try #require(ud["underserved_communities"] as? Int)
        let start = try #require(html.range(of: "<section id=\"underserved\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        let rows = html[start.upperBound..<end.lowerBound].components(separatedBy: "<tr>").count - 1
        #expect(rows == underserved + 1)  // the header row and one per under-served community
        for id in ["siting", "party", "coverage", "area"] { #expect(html.contains("<section id=\"\(id)\">")) }
        // The siting list: one row per site of `site --count 10`, in rank order.
        let site = try CLI.run(
            ["site", "--db", MapsDemo.store, "--count", "10", "--format", "json"], environment: MapsDemo.environment)
        let sd = try #require(try JSONSerialization.jsonObject(with: Data(site.stdout.utf8)) as? [String: Any])
        let ids = try #require(sd["sites"] as? [[String: Any]]).compactMap { $0["candidate_id"] as? String }
        let sStart = try #require(html.range(of: "<section id=\"siting\">"))
        let sEnd = try #require(html.range(of: "</section>", range: sStart.upperBound..<html.endIndex))
        let siting = String(html[sStart.upperBound..<sEnd.lowerBound])
        #expect(siting.components(separatedBy: "<tr>").count - 1 == ids.count + 1)
        let positions = ids.compactMap { siting.range(of: "(\($0))")?.lowerBound ?? siting.range(of: ">\($0)<")?.lowerBound }
        #expect(positions.count == ids.count && positions == positions.sorted())
        // Party coverage: the district's rates of `report party`.
        let party = try CLI.run(
            ["report", "party", "--db", MapsDemo.store, "--format", "json"], environment: MapsDemo.environment)
        let pd = try #require(try JSONSerialization.jsonObject(with: Data(party.stdout.utf8)) as? [String: Any])
        let pc = try #require((pd["total"] as? [String: Any])?["coverage"] as? [String: Any])
        let work = try #require(pc["work_coverage_rate"] as? Double)
        #expect(html.contains(String(format: "(%.1f%%)", work * 100)))
    }

    @Test func reportHTMLSubcommandWritesTheSamePage() throws {
        let dir = try CLI.temporaryDirectory()
        let a = dir.appendingPathComponent("a.html")
        let r = try CLI.run(["report", "html", "--db", MapsDemo.store, "--out", a.path], environment: MapsDemo.environment)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: a, encoding: .utf8)
        #expect(text.contains("<section id=\"headline\""))
        // Bare `gridplan report` still lists the subcommands.
        let help = try CLI.run(["report"], environment: MapsDemo.environment)
        #expect(help.status == 0)
        #expect(help.stdout.contains("underserved") && help.stdout.contains("area"))
    }

    @Test(.enabled(if: HeadlessChromium.path != nil, "chromium is not installed (Tools/render_report.sh installs it)"))
    func chromiumLoadsThePageWithoutErrors() throws {
        let (url, html, _) = try Self.report()
        let probed = url.deletingLastPathComponent().appendingPathComponent("probed.html")
        try html.replacingOccurrences(of: "<head>", with: "<head>\n" + probe).write(to: probed, atomically: true, encoding: .utf8)
        let (dom, log) = try HeadlessChromium.dumpDOM(probed)
        #expect(dom.contains("<svg"), "Chromium printed no DOM: \(log.suffix(2000))")
        #expect(attribute("data-errors", in: dom) == "[]", "page errors: \(attribute("data-errors", in: dom) ?? "none recorded")")
        #expect(!log.contains("Uncaught"), "\(log)")
        #expect(!log.contains(":CONSOLE"), "\(log)")  // the page has no script of its own: any console line is a problem
        let communities = try MapsDemo.geojsonFeatures("communities").filter { !($0["geometry"] is NSNull) }.count
        let buildings = try MapsDemo.geojsonFeatures("buildings").count
        #expect(attribute("data-communities", in: dom) == "\(communities)")
        #expect(attribute("data-buildings", in: dom) == "\(buildings)")
        #expect(Int(attribute("data-svg-width", in: dom) ?? "") ?? 0 > 300)
    }
}
