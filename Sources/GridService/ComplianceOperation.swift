import Foundation
import GridAnalysis
import GridModel

/// Options of `report compliance` (JSON-RPC `report.compliance`).
public struct ComplianceOptions: OperationOptions {
    /// A standards file replacing the bundled `seeds/standards.json`.
    public var standards: String?
    /// The year checked (default: the latest year in the records, else the current year).
    public var year: Int?

    public init(standards: String? = nil, year: Int? = nil) { self.standards = standards; self.year = year }

    public static let fields: [OptionField] = [
        SharedFields.standards,
        OptionField("year", .integer, help: "The year checked (default: the latest year in the records).", valueName: "year")
    ]

    public init(_ v: OptionValues) throws {
        self.init(standards: try v.text("standards"), year: try v.integer("year"))
    }
}

extension ServiceContext {
    /// `report compliance`: staffing ratios, organizations to establish, two-coverage rates,
    /// secretary training, contact-point days, ratings and quarterly observations.
    public func complianceReport(_ options: ComplianceOptions) throws -> ComplianceReport {
        let standards = try ProjectResources.loadStandards(path: options.standards)
        if let y = options.year, !(1949...9999).contains(y) {
            throw UsageError(key: "usage.compliance_operation.1", ["y": "\(y)"])
        }
        let snapshot = try snapshot(layers: [.communities, .units, .records])
        let year =
            options.year ?? Compliance.latestYear(snapshot.records)
            ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        return Compliance.report(snapshot, ComplianceOptions.parameters(year: year, standards: standards))
    }
}

extension ComplianceOptions {
    /// The thresholds of the standards file (defaults of docs/standards.md when a rule is missing).
    public static func parameters(year: Int, standards s: PolicyStandards) -> ComplianceParameters {
        var p = ComplianceParameters(year: year)
        p.agencyRatio = s.value("staff.agency", default: 0.02)
        p.soeRatio = s.value("staff.soe", default: 0.01)
        p.branchMinimum = Int(s.value("party.branch", default: 3))
        p.districtDays = Int(s.value("contact.district.days", default: 15))
        p.districtMeetings = Int(s.value("contact.district.meetings", default: 2))
        p.districtLectures = Int(s.value("contact.district.lectures", default: 2))
        p.streetDays = Int(s.value("contact.street.days", default: 20))
        p.streetMeetings = Int(s.value("contact.street.meetings", default: 2))
        p.streetLectures = Int(s.value("contact.street.lectures", default: 2))
        return p
    }
}
