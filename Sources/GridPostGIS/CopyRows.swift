/// Rows in `COPY … FROM STDIN` text format: tab-separated, `\N` for NULL, backslash, tab,
/// newline and carriage return escaped.
struct CopyRows {
    private(set) var bytes: [UInt8] = []
    private var first = true

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// One field; nil is NULL.
    mutating func add(_ value: String?) {
        if !first { bytes.append(9) }
        first = false
        guard let value else {
            bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "N"))
            return
        }
        for b in value.utf8 {
            switch b {
            case UInt8(ascii: "\\"): bytes.append(b); bytes.append(b)
            case 9: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 10: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 13: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            default: bytes.append(b)
            }
        }
    }

    mutating func add(_ value: Int?) { add(value.map { String($0) }) }
    /// Doubles in Swift's shortest round-trip form, read back bit for bit.
    mutating func add(_ value: Double?) { add(value.map { "\($0)" }) }
    mutating func add(_ value: Bool?) { add(value.map { $0 ? "t" : "f" }) }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(10)
        first = true
    }

    var isEmpty: Bool { bytes.isEmpty }
}
