// Benchmark of the grid partition and the party network on a gencity.py folder, without the
// store: reads buildings.csv (lon, lat; projected with the same local equirectangular frame as
// gencity.py) and communities.geojson. Built by run.sh with swiftc -O from the library sources.
import Foundation

let args = CommandLine.arguments
guard args.count >= 2 else { print("usage: gridsbench DIR [threads]"); exit(64) }
let dir = URL(fileURLWithPath: args[1])
let threads = args.count >= 3 ? Int(args[2])! : 2
let text = try String(contentsOf: dir.appendingPathComponent("buildings.csv"), encoding: .utf8)
var lines = text.split(separator: "\n")
let header = lines.removeFirst().split(separator: ",").map(String.init)
func col(_ n: String) -> Int { header.firstIndex(of: n)! }
let (ci, hi, pi, loi, lai, ii) = (col("community_id"), col("households"), col("party_members"), col("lon"), col("lat"), col("id"))
var raw: [(String, String, Int, Int, Double, Double)] = []
for l in lines {
    let f = l.split(separator: ",", omittingEmptySubsequences: false)
    raw.append((String(f[ii]), String(f[ci]), Int(f[hi])!, Int(f[pi])!, Double(f[loi])!, Double(f[lai])!))
}
let lon0 = raw.reduce(0.0) { $0 + $1.4 } / Double(raw.count), lat0 = raw.reduce(0.0) { $0 + $1.5 } / Double(raw.count)
let mx = 111320.0 * cos(lat0 * .pi / 180), my = 110574.0
func project(_ lon: Double, _ lat: Double) -> Point { Point((lon - lon0) * mx, (lat - lat0) * my) }
let buildings = raw.map { r in
    Building(id: r.0, communityId: r.1, households: r.2, partyMembers: r.3, location: project(r.4, r.5), lonLat: Point(r.4, r.5))
}
var communities: [Community] = []
if let data = try? Data(contentsOf: dir.appendingPathComponent("communities.geojson")),
   let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any], let feats = obj["features"] as? [[String: Any]] {
    for f in feats {
        let props = f["properties"] as! [String: Any]
        let g = f["geometry"] as! [String: Any]
        let rings = (g["coordinates"] as! [[[Double]]])
        let poly = Polygon(exterior: rings[0].map { project($0[0], $0[1]) }, holes: rings.dropFirst().map { $0.map { project($0[0], $0[1]) } })
        communities.append(Community(id: props["id"] as! String, name: props["name"] as? String, boundary: MultiPolygon([poly])))
    }
}
let snapshot = Snapshot(metadata: DatasetMetadata(name: dir.lastPathComponent, sourceCRS: "EPSG:4326", workingCRS: "local"),
                        communities: communities, buildings: buildings)
print("\(dir.lastPathComponent): \(communities.count) communities, \(buildings.count) buildings, \(snapshot.totalHouseholds) households, \(threads) threads")

func time<T>(_ label: String, _ body: () -> T) -> (T, Double) {
    let t0 = Date(), c0 = clock()
    let r = body()
    let dt = Date().timeIntervalSince(t0), cpu = Double(clock() - c0) / Double(CLOCKS_PER_SEC)
    print(String(format: "  %@: %.2f s wall, %.2f s CPU", label, dt, cpu))
    return (r, dt)
}
func share(_ r: GridPlanResult) -> (Double, Double) {
    let within = r.grids.filter { $0.households >= 300 && $0.households <= 500 }.count
    // a grid can be within the bounds unless it is a lone building above the maximum or a whole community below the minimum
    let small = Set(r.communities.filter { $0.households < 300 }.map(\.id))
    let splittable = r.grids.filter { g in !(g.buildingIds.count == 1 && g.households > 500) && !small.contains(g.communityId) }
    let ws = splittable.filter { $0.households >= 300 && $0.households <= 500 }.count
    return (Double(within) / Double(r.grids.count), Double(ws) / Double(max(1, splittable.count)))
}
for method in [GridPlanMethod.regionGrowing, .hilbertSplit] {
    let (r, _) = time("grid plan \(method.rawValue)") { GridPartition.plan(snapshot, options: GridPartitionOptions(method: method, threads: threads)) }
    let (s, s2) = share(r)
    let contiguous = method == .regionGrowing ? "contiguous by construction" : "contiguity not enforced"
    print(String(format: "    %d grids, %.1f%% within 300–500 (%.1f%% of splittable grids), mean compactness %.0f m² (rms %.0f m), %d violations, %@",
                 r.grids.count, s * 100, s2 * 100, r.meanCompactnessM2, r.meanCompactnessM2.squareRoot(), r.violations.count, contiguous))
    if ProcessInfo.processInfo.environment["VIOLATIONS"] != nil {
        for v in r.violations.prefix(20) { print("    ", v.gridId ?? "", v.rule, v.detail) }
    }
    if method == .regionGrowing {
        let members = r.grids.map { GridMembership(id: $0.id, communityId: $0.communityId, buildingIds: $0.buildingIds) }
        let (p, _) = time("party network") { PartyNetwork.plan(snapshot, grids: members, options: PartyNetworkOptions(), rules: PartyRules(), gridSource: "planned") }
        print(String(format: "    organization coverage %.1f%%, work coverage %.1f%%, %d shortfalls",
                     p.total.coverage.organizationCoverageRate * 100, p.total.coverage.workCoverageRate * 100, p.shortfalls.count))
        if args.count >= 4 {
            let (polys, _) = time("grid polygons") { GridPolygons.polygons(snapshot, grids: members) }
            print("    \(polys.count) grid polygons, \(polys.values.reduce(0) { $0 + $1.polygons.count }) parts")
        }
    }
}
if ProcessInfo.processInfo.environment["GRAPHTIME"] != nil {
    var byC: [String: [Point]] = [:]
    for b in buildings { byC[b.communityId, default: []].append(b.location) }
    let groups = Array(byC.values)
    _ = time("graphs only (1 thread)") { groups.reduce(0) { $0 + BuildingGraph(points: $1).count } }
    _ = time("delaunay only (1 thread)") { groups.reduce(0) { $0 + (Delaunay.edges($1)?.count ?? 0) } }
}
