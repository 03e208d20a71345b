import Testing
@testable import GridStore

struct ShapefileFieldNamesTests {
    @Test func everyExportColumnFitsADBFAndStaysDistinct() {
        let columns = [
            "id", "community_id", "households", "party_members", "probationary_members", "usable_area_m2",
            "area_per_100_households", "standard_m2_per_100_households", "covering_facility_id", "nearest_facility_id"
        ]
        let names = ShapefileFieldNames.names(columns)
        #expect(
            names == [
                "id", "comm_id", "households", "party_mem", "prob_mem", "usable_m2", "per100_m2", "std_per100", "cover_id",
                "nearest_id"
            ])
        for (column, short) in ShapefileFieldNames.table {
            #expect(short.utf8.count <= 10 && column.utf8.count > 10, "\(column) → \(short)")
        }
        #expect(Set(ShapefileFieldNames.table.values).count == ShapefileFieldNames.table.count)
    }

    @Test func unknownLongNamesAreCutAndNumbered() {
        #expect(
            ShapefileFieldNames.names(["abcdefghijklm", "abcdefghijxyz", "ABCDEFGHIJ"]) == [
                "abcdefghij", "abcdefghi1", "ABCDEFGHI2"
            ])  // a .dbf ignores case
        // Never half a character: 社区名称编号 is 18 bytes in UTF-8; three characters fit.
        #expect(ShapefileFieldNames.names(["社区名称编号"]) == ["社区名"])
    }
}
