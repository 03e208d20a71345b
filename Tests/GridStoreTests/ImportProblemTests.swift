import Foundation
import Testing
import TestSupport
import GridGeo
import GridModel
@testable import GridStore

/// Every invalid case of docs/data-format.md §1, each asserting the exact file, location and field.
@Suite("Import: problems")
struct ImportProblemTests {
    func problems(
        _ change: (inout [String: String]) -> Void, crs: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [ValidationProblem] {
        var files = baseDataset()
        change(&files)
        let ds = try TestDataset(files)
        defer { ds.remove() }
        return ds.problems(crs: crs, sourceLocation: sourceLocation)
    }

    @Test func invalidJSONInDatasetJSON() throws {
        let p = try problems { $0["dataset.json"] = "{\"crs\": \"EPSG:4326\",\n \"name\": }" }
        #expect(p.count == 1)
        let q = try #require(p.first)
        #expect(q.file == "dataset.json" && q.location.hasPrefix("line 2, column "))
        #expect(q.message.hasPrefix("invalid JSON"))
    }

    @Test func invalidJSONInGeoJSON() throws {
        let p = try problems {
            $0["communities.geojson"] =
                "{\"type\":\"FeatureCollection\",\"features\":[\n"
                + feature(#""id":"C1""#, polygon(squareRing(116.40, 39.90, 116.41, 39.91)))
                + ",\n{\"type\": \"Feature\", \"properties\": {\"id\": }}]}"
        }
        let q = try #require(p.first { $0.file == "communities.geojson" })
        #expect(q.location == "feature 1", "\(q)")
        #expect(q.message.contains("line 3"), "\(q)")
        #expect(p.filter { $0.file == "communities.geojson" }.count == 1)
        // the unreadable file's ids are not trusted, so no cascade of unknown communities
        #expect(!p.contains { $0.field == "community_id" })
    }

    @Test func notAFeatureCollection() throws {
        let p = try problems {
            $0["facilities.geojson"] = feature(#""id":"F1","kind":"other","usable_area_m2":1"#, point(116.4, 39.9))
        }
        expectProblem(p, file: "facilities.geojson", location: "", field: "type", messageContains: "not a FeatureCollection")
    }

    @Test func wrongGeometryType() throws {
        let p = try problems {
            $0["facilities.geojson"] = featureCollection([
                feature(#""id":"F1","kind":"other","usable_area_m2":1"#, point(116.401, 39.901)),
                feature(
                    #""id":"F2","kind":"other","usable_area_m2":1"#,
                    #"{"type":"LineString","coordinates":[[116.40,39.90],[116.41,39.91]]}"#),
                feature(#""id":"F3","kind":"other","usable_area_m2":1"#, "null")
            ])
            $0["communities.geojson"] = featureCollection([
                feature(#""id":"C1""#, polygon(squareRing(116.40, 39.90, 116.41, 39.91))),
                feature(#""id":"C2""#, point(116.415, 39.905))
            ])
        }
        expectProblem(p, file: "facilities.geojson", location: "feature 1", field: "geometry", messageContains: "LineString")
        expectProblem(p, file: "facilities.geojson", location: "feature 2", field: "geometry", messageContains: "missing")
        let q = expectProblem(p, file: "communities.geojson", location: "feature 1", field: "geometry", messageContains: "Point")
        #expect(q?.expected == "Polygon, MultiPolygon or null")
    }

    @Test func unclosedRingAndTooFewPoints() throws {
        let p = try problems {
            $0["communities.geojson"] = featureCollection([
                feature(#""id":"C1""#, polygon("[[116.40,39.90],[116.41,39.90],[116.41,39.91],[116.40,39.91]]")),
                feature(#""id":"C2""#, polygon("[[116.41,39.90],[116.42,39.90],[116.41,39.90]]")),
                feature(
                    #""id":"C3""#,
                    polygon(
                        squareRing(116.41, 39.90, 116.42, 39.91),
                        "[[116.412,39.902],[116.413,39.902],[116.413,39.903],[116.412,39.902.5]]".replacingOccurrences(
                            of: "39.902.5", with: "39.9025")))
            ])
        }
        expectProblem(p, file: "communities.geojson", location: "feature 0", field: "geometry", messageContains: "not closed")
        expectProblem(p, file: "communities.geojson", location: "feature 1", field: "geometry", messageContains: "3 positions")
        expectProblem(p, file: "communities.geojson", location: "feature 2", field: "geometry", messageContains: "hole 1")
    }

    @Test func nonFiniteCoordinates() throws {
        let p = try problems {
            $0["buildings.csv"] =
                "id,community_id,households,lon,lat\nB1,C1,1,NaN,39.9\nB2,C1,1,116.4,inf\nB3,C1,1,116.40x,39.9\n"
            $0["facilities.geojson"] = featureCollection([
                feature(#""id":"F1","kind":"other","usable_area_m2":1"#, point(116.401, 39.901)),
                feature(#""id":"F2","kind":"other","usable_area_m2":1"#, #"{"type":"Point","coordinates":[1e999,39.9]}"#)
            ])
            $0["communities.geojson"] = featureCollection([
                feature(#""id":"C1""#, polygon(squareRing(116.40, 39.90, 116.41, 39.91))),
                feature(
                    #""id":"C2""#,
                    #"{"type":"Polygon","coordinates":[[[116.41,39.90],[NaN,39.90],[116.42,39.91],[116.41,39.90]]]}"#)
            ])
        }
        expectProblem(p, file: "buildings.csv", location: "line 2", field: "lon", messageContains: "finite")
        expectProblem(p, file: "buildings.csv", location: "line 3", field: "lat", messageContains: "finite")
        expectProblem(p, file: "buildings.csv", location: "line 4", field: "lon", messageContains: "not a number")
        // JSON has no NaN or Infinity: such a number makes the GeoJSON unreadable from there on
        expectProblem(
            p, file: "facilities.geojson", location: "feature 1", field: "", messageContains: "out of the range of a double")
        expectProblem(p, file: "communities.geojson", location: "feature 1", field: "", messageContains: "NaN")
    }

    @Test func longitudeLatitudeOutOfRangeAndSwapped() throws {
        let p = try problems {
            $0["buildings.csv"] =
                "id,community_id,households,lon,lat\nB1,C1,1,116.405,39.905\nB2,C1,1,39.905,116.405\nB3,C1,1,200,95\n"
            $0["facilities.geojson"] = featureCollection([
                feature(#""id":"F1","kind":"other","usable_area_m2":1"#, point(39.904, 116.404))
            ])
        }
        let swapped = expectProblem(p, file: "buildings.csv", location: "line 3", field: "lon,lat", messageContains: "swapped")
        #expect(swapped?.expected.contains("longitude") == true)
        let far = expectProblem(p, file: "buildings.csv", location: "line 4", field: "lon,lat", messageContains: "out of range")
        #expect(far?.message.contains("swapped") == false)
        expectProblem(p, file: "facilities.geojson", location: "feature 0", field: "geometry", messageContains: "swapped")
    }

    @Test func projectedCoordinatesAreNotRangeChecked() throws {
        // in a projected CRS, 500000 is a fine easting; the same number in degrees is a problem
        let p = try problems({ $0["buildings.csv"] = "id,community_id,households,x,y\nB1,C1,1,500000,4400000\n" })
        expectProblem(p, file: "buildings.csv", location: "line 2", field: "x,y", messageContains: "out of range")
    }

    @Test func unknownCRS() throws {
        let p = try problems { $0["dataset.json"] = #"{"crs": "EPSG:999999"}"# }
        let q = expectProblem(p, file: "dataset.json", location: "", field: "crs", messageContains: "EPSG:999999")
        #expect(q?.expected.contains("GCJ-02") == true)
        #expect(p.count == 1)  // nothing else: the files themselves are fine
        let o = try problems({ _ in }, crs: "NOT-A-CRS")
        expectProblem(o, file: "--crs", location: "", field: "crs", messageContains: "NOT-A-CRS")
    }

    @Test func geographicWorkingCRSIsRejected() throws {
        let p = try problems { $0["dataset.json"] = #"{"crs": "EPSG:4326", "working_crs": "EPSG:4490"}"# }
        expectProblem(p, file: "dataset.json", location: "", field: "working_crs", messageContains: "geographic")
    }

    @Test func duplicateIds() throws {
        let p = try problems {
            $0["buildings.csv"] =
                "id,community_id,households,lon,lat\nB1,C1,1,116.405,39.905\nB2,C1,1,116.405,39.905\nB1,C1,1,116.405,39.905\n"
            $0["communities.geojson"] = featureCollection([
                feature(#""id":7"#, polygon(squareRing(116.40, 39.90, 116.41, 39.91))),
                feature(#""id":"7""#, polygon(squareRing(116.41, 39.90, 116.42, 39.91))),
                feature(#""id":"C1""#, polygon(squareRing(116.41, 39.90, 116.42, 39.91)))
            ])
        }
        expectProblem(p, file: "buildings.csv", location: "line 4", field: "id", messageContains: "first at line 2")
        expectProblem(p, file: "communities.geojson", location: "feature 1", field: "id", messageContains: "first at feature 0")
        #expect(p.count == 2)
    }

    @Test func unknownParentIds() throws {
        let p = try problems {
            $0["grids.csv"] = "id,community_id\nG1,C1\nG2,C9\n"
            $0["buildings.csv"] =
                "id,community_id,grid_id,households,lon,lat\nB1,C1,G1,1,116.405,39.905\nB2,C8,G7,1,116.405,39.905\n"
            $0["households.csv"] = "id,building_id\nH1,B1\nH2,B5\n"
            $0["facilities.geojson"] = featureCollection([
                feature(#""id":"F1","kind":"other","usable_area_m2":1,"community_id":"C6""#, point(116.401, 39.901))
            ])
            $0["units.csv"] = "id,kind,staff,community_id\nU1,soe,5,C5\n"
            $0["secretaries.csv"] = "id,community_id\nS1,C4\n"
        }
        expectProblem(p, file: "grids.csv", location: "line 3", field: "community_id", messageContains: "'C9'")
        expectProblem(p, file: "buildings.csv", location: "line 3", field: "community_id", messageContains: "'C8'")
        expectProblem(p, file: "buildings.csv", location: "line 3", field: "grid_id", messageContains: "'G7'")
        expectProblem(p, file: "households.csv", location: "line 3", field: "building_id", messageContains: "'B5'")
        expectProblem(p, file: "facilities.geojson", location: "feature 0", field: "community_id", messageContains: "'C6'")
        expectProblem(p, file: "units.csv", location: "line 2", field: "community_id", messageContains: "'C5'")
        expectProblem(p, file: "secretaries.csv", location: "line 2", field: "community_id", messageContains: "'C4'")
        // B1 names 1 household, households.csv lists 1: no disagreement; B2 names 1 and has none listed
        expectProblem(
            p, file: "buildings.csv", location: "line 3", field: "households",
            messageContains: "households is 1 but households.csv lists 0")
        #expect(p.count == 8)
    }

    @Test func buildingOutsideEveryCommunity() throws {
        let p = try problems {
            $0["buildings.csv"] = "id,community_id,households,lon,lat\nB1,,1,116.405,39.905\nB2,,1,116.5,39.905\n"
        }
        expectProblem(p, file: "buildings.csv", location: "line 3", field: "community_id", messageContains: "lies in none")
        #expect(p.count == 1)
    }

    @Test func badCounts() throws {
        let p = try problems {
            $0["buildings.csv"] = """
                id,community_id,households,party_members,floors,residents,lon,lat
                B1,C1,-3,0,1,1,116.405,39.905
                B2,C1,2.5,0,1,1,116.405,39.905
                B3,C1,many,0,1,1,116.405,39.905
                B4,C1,,0,1,1,116.405,39.905
                B5,C1,4.0,-1,1.5,1e400,116.405,39.905

                """
            $0["facilities.geojson"] = featureCollection([
                feature(#""id":"F1","kind":"other","usable_area_m2":-5"#, point(116.401, 39.901)),
                feature(#""id":"F2","kind":"other","usable_area_m2":"big""#, point(116.401, 39.901)),
                feature(#""id":"F3","kind":"other""#, point(116.401, 39.901))
            ])
        }
        let neg = expectProblem(p, file: "buildings.csv", location: "line 2", field: "households", messageContains: "negative")
        #expect(neg?.expected == "an integer ≥ 0")
        expectProblem(p, file: "buildings.csv", location: "line 3", field: "households", messageContains: "whole number")
        expectProblem(p, file: "buildings.csv", location: "line 4", field: "households", messageContains: "not a number")
        expectProblem(p, file: "buildings.csv", location: "line 5", field: "households", messageContains: "missing")
        expectProblem(p, file: "buildings.csv", location: "line 6", field: "party_members", messageContains: "negative")
        expectProblem(p, file: "buildings.csv", location: "line 6", field: "floors", messageContains: "whole number")
        expectProblem(p, file: "buildings.csv", location: "line 6", field: "residents", messageContains: "finite")
        expectProblem(p, file: "facilities.geojson", location: "feature 0", field: "usable_area_m2", messageContains: "negative")
        expectProblem(
            p, file: "facilities.geojson", location: "feature 1", field: "usable_area_m2", messageContains: "not a number")
        expectProblem(p, file: "facilities.geojson", location: "feature 2", field: "usable_area_m2", messageContains: "missing")
        #expect(p.count == 10)  // 4.0 households is a whole number: fine
    }

    @Test func unknownFacilityKindLevelAndBoolean() throws {
        let p = try problems {
            $0["facilities.geojson"] = featureCollection([
                feature(#""id":"F1","kind":"library","usable_area_m2":1"#, point(116.401, 39.901)),
                feature(
                    #""id":"F2","kind":"other","usable_area_m2":1,"level":"city","embedded":"maybe""#, point(116.401, 39.901)),
                feature(#""id":"F3","kind":"other","usable_area_m2":1,"embedded":"否","level":"street""#, point(116.401, 39.901))
            ])
        }
        let k = expectProblem(p, file: "facilities.geojson", location: "feature 0", field: "kind", messageContains: "library")
        for kind in FacilityKind.allCases { #expect(k?.expected.contains(kind.rawValue) == true) }
        expectProblem(p, file: "facilities.geojson", location: "feature 1", field: "level", messageContains: "city")
        expectProblem(p, file: "facilities.geojson", location: "feature 1", field: "embedded", messageContains: "boolean")
        #expect(p.count == 3)
    }

    @Test func missingRequiredColumnIsOneProblemForTheFile() throws {
        let p = try problems {
            $0["buildings.csv"] = "id,community_id,lon,lat,extra_column\nB1,C1,116.405,39.905,x\nB2,C1,116.405,39.905,y\n"
        }
        expectProblem(
            p, file: "buildings.csv", location: "line 1", field: "households", messageContains: "missing required column")
        #expect(p.filter { $0.file == "buildings.csv" }.count == 1)
    }

    @Test func missingCoordinateColumns() throws {
        let p = try problems { $0["buildings.csv"] = "id,community_id,households\nB1,C1,1\n" }
        expectProblem(p, file: "buildings.csv", location: "line 1", field: "lon,lat", messageContains: "coordinate columns")
        #expect(p.count == 1)
    }

    @Test func raggedRow() throws {
        let p = try problems {
            $0["buildings.csv"] =
                "id,community_id,households,lon,lat\nB1,C1,1,116.405,39.905\nB2,C1,1,116.405\nB3,C1,1,116.405,39.905,extra\nB4,C1,-1,116.405,39.905\n"
        }
        expectProblem(p, file: "buildings.csv", location: "line 3", field: "", messageContains: "4 fields")
        expectProblem(p, file: "buildings.csv", location: "line 4", field: "", messageContains: "6 fields")
        // reading goes on after a ragged row
        expectProblem(p, file: "buildings.csv", location: "line 5", field: "households", messageContains: "negative")
    }

    @Test func emptyFiles() throws {
        let p = try problems {
            $0["facilities.geojson"] = nil
            $0["facilities.csv"] = ""
            $0["communities.geojson"] = ""
        }
        expectProblem(p, file: "facilities.csv", location: "", field: "", messageContains: "empty file")
        expectProblem(p, file: "communities.geojson", location: "", field: "", messageContains: "empty file")
        #expect(!p.contains { $0.field == "community_id" })  // no cascade from the unreadable communities
    }

    @Test func missingAndDoubledFiles() throws {
        let p = try problems {
            $0["facilities.geojson"] = nil
            $0["communities.csv"] = "id\nC1\n"
            $0["households.geojson"] = featureCollection([])
        }
        expectProblem(p, file: "facilities", location: "", field: "", messageContains: "missing")
        expectProblem(
            p, file: "communities", location: "", field: "", messageContains: "both communities.geojson and communities.csv")
        expectProblem(p, file: "households.geojson", location: "", field: "", messageContains: "CSV")
    }

    @Test func householdsContradictingBuildings() throws {
        let p = try problems {
            $0["buildings.csv"] = "id,community_id,households,lon,lat\nB1,C1,2,116.405,39.905\nB2,C1,3,116.405,39.905\n"
            // B2: H3 and H5 (H5's bad party_members is a problem of its own; the duplicate H1 is not counted)
            $0["households.csv"] = "id,building_id,party_members\nH1,B1,1\nH2,B1,0\nH3,B2,0\nH1,B2,0\nH5,B2,-1\n"
        }
        let q = expectProblem(
            p, file: "buildings.csv", location: "line 3", field: "households",
            messageContains: "households is 3 but households.csv lists 2")
        #expect(q?.message.contains("B2") == true)
        expectProblem(p, file: "households.csv", location: "line 5", field: "id", messageContains: "duplicate")
        expectProblem(p, file: "households.csv", location: "line 6", field: "party_members", messageContains: "negative")
        #expect(!p.contains { $0.location == "line 2" && $0.file == "buildings.csv" })  // B1 agrees: 2 and 2
    }

    @Test func badRecords() throws {
        let p = try problems {
            $0["secretaries.csv"] = "id,community_id,last_training_date\nS1,C1,2025-02-30\nS1,C2,\n"
            $0["contacts.csv"] =
                "leader_id,role,community_id,year,days_on_site,meetings,lectures\nL1,mayor,C1,2025,15,2,2\nL2,street_committee,C1,20x5,-1,2,2\n"
            $0["ratings.csv"] = "organization_id,year,stars\nO1,2025,6\nO2,2025,优\nO3,2025,较差\n"
            $0["observations.csv"] = "organization_id,date\nO1,2025/01/01\nO2,\n"
            $0["units.csv"] = "id,kind,staff,has_organization\nU1,ngo,5,\nU2,soe,,yes\n"
        }
        expectProblem(
            p, file: "secretaries.csv", location: "line 2", field: "last_training_date", messageContains: "not a valid date")
        expectProblem(p, file: "secretaries.csv", location: "line 3", field: "id", messageContains: "duplicate")
        expectProblem(p, file: "contacts.csv", location: "line 2", field: "role", messageContains: "mayor")
        expectProblem(p, file: "contacts.csv", location: "line 3", field: "year", messageContains: "not a number")
        expectProblem(p, file: "contacts.csv", location: "line 3", field: "days_on_site", messageContains: "negative")
        expectProblem(p, file: "ratings.csv", location: "line 2", field: "stars", messageContains: "above 5")
        expectProblem(p, file: "ratings.csv", location: "line 3", field: "stars", messageContains: "not a number")
        expectProblem(p, file: "observations.csv", location: "line 2", field: "date", messageContains: "not a valid date")
        expectProblem(p, file: "observations.csv", location: "line 3", field: "date", messageContains: "missing")
        expectProblem(p, file: "units.csv", location: "line 2", field: "kind", messageContains: "ngo")
        expectProblem(p, file: "units.csv", location: "line 3", field: "staff", messageContains: "missing")
        #expect(p.count == 11)
    }

    @Test func allProblemsAreCountedButOnlySomeStored() throws {
        var rows = "id,community_id,households,lon,lat\n"
        for i in 0..<300 { rows += "B\(i),C1,-\(i + 1),116.405,39.905\n" }
        var files = baseDataset()
        files["buildings.csv"] = rows
        files["facilities.geojson"] = featureCollection([
            feature(#""id":"F1","kind":"nope","usable_area_m2":1"#, point(116.401, 39.901))
        ])
        let ds = try TestDataset(files)
        defer { ds.remove() }
        do {
            _ = try ds.read(maxProblems: 100)
            Issue.record("expected failure")
        } catch let e as InputError {
            #expect(e.totalCount == 301)
            #expect(e.problems.count == 100)
            #expect(e.problems.last?.location == "line 101")
        }
    }
}

@Suite("Import: projection problems")
struct ImportProjectionProblemTests {
    @Test func projectedCoordinatesPROJCannotConvertAreReportedPerFeature() throws {
        let (ring, fwd) = try projectedSquare(to: "EPSG:4547")
        let b = try fwd.transform(Point(116.405, 39.905))
        let ds = try TestDataset([
            "dataset.json": #"{"crs": "EPSG:4547"}"#,
            "communities.geojson": featureCollection([feature(#""id":"C1""#, polygon(ring))]),
            "buildings.csv": "id,community_id,households,x,y\nB1,C1,10,\(b.x),\(b.y)\nB2,C1,1,1e30,1e30\n",
            "facilities.csv": "id,kind,usable_area_m2,x,y\n"
        ])
        defer { ds.remove() }
        let p = ds.problems()
        expectProblem(p, file: "buildings.csv", location: "line 3", field: "geometry", messageContains: "cannot convert")
        #expect(p.count == 1, "\(p)")
    }
}
