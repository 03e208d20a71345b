import Testing
@testable import GridRPC

@Suite struct MapExportRPCTests {
    @Test func mapAndExportAreRegistered() {
        let names = Set(MethodTable.all.map(\.name))
        #expect(names.contains("map"))
        #expect(names.contains("export"))
    }
}
