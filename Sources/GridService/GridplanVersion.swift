/// The version gridplan reports (CLI `--version`, store metadata, OpenRPC).
public enum GridplanVersion {
    public static let current = "0.1.0"
}
