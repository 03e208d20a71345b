import GridRender

extension OperationCatalogue {
    /// The scenario operations (`scenario …`, JSON-RPC `scenario.*`), in help order.
    static let scenarioOperations: [OperationDeclaration] = [
        scenarioEvaluate, scenarioSave, scenarioList, scenarioShow, scenarioCompare, scenarioDelete, scenarioApply
    ]

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
        options: ScenarioEvaluateOptions.self, formats: [.table, .json, .xlsx],
        result:
            "{base, scenario, change: Summary, communities: [{community_id, name, households, area_m2_before, area_m2_after, per100_before, per100_after, deficit_before, deficit_after, covered_before, covered_after}], buildings_changed, facilities_changed, notes, settings, edit_count}; Summary = {households, households_covered, coverage_rate, communities, communities_meeting, total_deficit_m2, per100}",
        run: { try $1.evaluateScenario($0) },
        render: { r, format, context in
            OperationOutput(format == .json ? .json(r) : .text(ScenarioRendering.evaluation(r, context.language)))
        })

    static let scenarioSave = OperationDeclaration(
        method: "scenario.save", command: ["scenario", "save"],
        summary: "Save a scenario in the store under a name (replace one with --replace).",
        discussion:
            "The edits are checked against the store's facilities before saving. Scenarios are kept beside the dataset: a re-import keeps them.",
        options: ScenarioSaveOptions.self, formats: tableAndJSON,
        result: "{name, note, edits, created_at, updated_at, applied_at}",
        effect: .writes(previewFlag: nil),
        run: { try $1.saveScenario($0) },
        render: { r, format, context in
            let l = context.language
            let line = l.tr(
                "scenarios.saved",
                ["name": r.name, "edits": String(r.edits.arrayValue?.count ?? 0), "store": context.databasePath])
            return format == .json ? OperationOutput(.json(r)) : OperationOutput(.text(line + "\n"))
        })

    static let scenarioList = OperationDeclaration(
        method: "scenario.list", command: ["scenario", "list"],
        summary: "The scenarios saved in the store.",
        options: NoOptions.self, formats: tableAndJSON,
        result: "[{name, note, edits, created_at, updated_at, applied_at}] by name",
        run: { try $1.listScenarios($0) },
        render: { r, format, context in
            OperationOutput(
                format == .json ? .json(r) : .text(ScenarioRendering.list(r, store: context.databasePath, context.language)))
        })

    static let scenarioShow = OperationDeclaration(
        method: "scenario.show", command: ["scenario", "show"],
        summary: "A saved scenario: its edits and their evaluation against the imported data.",
        discussion: "An edit naming a facility the store no longer has (after a re-import) is skipped and said in a note.",
        options: ScenarioNameOptions.Show.self, formats: tableAndJSON,
        result: "{name, note, edits, created_at, updated_at, applied_at} and the scenario.evaluate result",
        run: { try $1.showScenario($0.value) },
        render: { r, format, context in
            OperationOutput(format == .json ? .json(r) : .text(ScenarioRendering.evaluation(r, context.language)))
        })

    static let scenarioCompare = OperationDeclaration(
        method: "scenario.compare", command: ["scenario", "compare"],
        summary:
            "Two scenarios side by side (base: the imported data): households covered, communities meeting the standard, deficits.",
        options: ScenarioCompareOptions.self, formats: [.table, .json, .xlsx],
        result:
            "{a: {name, summary}, b: {name, summary}, change (b − a), communities: [{community_id, name, households, area_m2_a, area_m2_b, per100_a, per100_b, deficit_a, deficit_b, covered_a, covered_b}], buildings_changed, notes, settings}",
        run: { try $1.compareScenarios($0) },
        render: { r, format, context in
            OperationOutput(format == .json ? .json(r) : .text(ScenarioRendering.comparison(r, context.language)))
        })

    static let scenarioDelete = OperationDeclaration(
        method: "scenario.delete", command: ["scenario", "delete"],
        summary: "Delete a saved scenario.",
        options: ScenarioNameOptions.self, formats: tableAndJSON,
        result: "{name, deleted}",
        effect: .writes(previewFlag: nil),
        run: { try $1.deleteScenario($0) },
        render: { r, format, context in
            let line = context.language.tr("scenarios.deleted", ["name": r.name, "store": context.databasePath])
            return format == .json ? OperationOutput(.json(r)) : OperationOutput(.text(line + "\n"))
        })

    static let scenarioApply = OperationDeclaration(
        method: "scenario.apply", command: ["scenario", "apply"],
        summary: "Write a saved scenario's edits into the store's facility layer, in one transaction.",
        discussion: """
            Added facilities become facilities, closed ones are removed, moved and resized ones are updated; the \
            scenario records when it was applied. Any failure leaves the store as it was. --dry-run lists the changes \
            without writing.
            """,
        options: ScenarioNameOptions.Apply.self, formats: tableAndJSON,
        result: "{name, dry_run, applied_at, facilities_changed, added, updated, removed}",
        effect: .writes(previewFlag: "dry_run"),
        run: { try $1.applyScenario($0.value) },
        render: { r, format, context in
            OperationOutput(
                format == .json
                    ? .json(r) : .text(ScenarioRendering.application(r, store: context.databasePath, context.language)))
        })
}
