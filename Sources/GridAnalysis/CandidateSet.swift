/// Which candidate sites to consider (`--candidates`).
public enum CandidateSet: String, Codable, Sendable, CaseIterable {
    case imported, generated, both
}
