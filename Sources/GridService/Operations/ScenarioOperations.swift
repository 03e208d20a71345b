import GridRender

extension OperationCatalogue {
    /// The scenario operations (`scenario …`, JSON-RPC `scenario.*`), in help order.
    static let scenarioOperations: [OperationDeclaration] = [scenarioEvaluate]

    static let scenarioEvaluate = OperationDeclaration(
        method: "scenario.evaluate", command: ["scenario", "evaluate"],
        summary: "Evaluate edits of the facility layer against the imported data, without changing the store.",
        discussion: """
            Edits (docs/data-format.md, Scenarios): add_facility {id, x, y, kind, usable_area_m2, name?, crs?, level?, \
            embedded?}, move_facility {id, x, y, crs?}, close_facility {id}, set_area {id, usable_area_m2}; x and y in \
            the store's working CRS unless crs names another. The figures of both states are computed by the code of \
            `report area` and `coverage` with the same options; a facility placed outside every community still serves \
            by distance and its area is unallocated (said in notes).
            """,
        options: ScenarioEvaluateOptions.self, formats: tableAndJSON,
        result:
            "{base, scenario, change: Summary, communities: [{community_id, name, households, area_m2_before, area_m2_after, per100_before, per100_after, deficit_before, deficit_after, covered_before, covered_after}], buildings_changed, facilities_changed, notes, settings, edit_count}; Summary = {households, households_covered, coverage_rate, communities, communities_meeting, total_deficit_m2, per100}",
        run: { try $1.evaluateScenario($0) },
        render: { r, format, context in
            OperationOutput(format == .json ? .json(r) : .text(ScenarioRendering.evaluation(r, context.language)))
        })
}
