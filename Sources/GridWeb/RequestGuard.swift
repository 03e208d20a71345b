import Foundation

/// The checks every request passes before anything runs: the token (header or cookie) and the
/// Origin. Pure functions of the request's fields, so each rule is tested on its own.
public struct RequestGuard: Sendable {
    /// The cookie the one-time `/?token=` link sets.
    public static let cookieName = "gridplan_token"
    public let token: String?

    public init(token: String?) { self.token = token }

    /// Whether the request carries the token: `Authorization: Bearer T` or the cookie; always
    /// true when the server has no token (loopback without `--token-file`).
    public func isAuthorized(authorization: String?, cookie: String?) -> Bool {
        guard let token else { return true }
        if let authorization, authorization.hasPrefix("Bearer ") {
            if Self.same(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces), token) { return true }
        }
        if let value = Self.cookie(Self.cookieName, in: cookie), Self.same(value, token) { return true }
        return false
    }

    /// Whether `candidate` is the token (compared in time independent of where they differ).
    public func accepts(_ candidate: String) -> Bool { token.map { Self.same(candidate, $0) } ?? false }

    /// Whether a request with this `Origin` may be served: no Origin (same-origin navigation,
    /// curl), or exactly `http://` + the Host it was sent to.
    public static func isSameOrigin(origin: String?, host: String?) -> Bool {
        guard let origin else { return true }
        guard let host, !host.isEmpty else { return false }
        return origin == "http://" + host
    }

    /// The value of cookie `name` in a `Cookie` header.
    static func cookie(_ name: String, in header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            if pair.hasPrefix(name + "=") { return String(pair.dropFirst(name.count + 1)) }
        }
        return nil
    }

    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = x.count ^ y.count
        for i in 0..<max(x.count, y.count) {
            diff |= Int((i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0))
        }
        return diff == 0
    }

    /// A new random token: 32 hexadecimal digits.
    public static func generate() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }
}

extension RequestGuard {
    /// Whether a `Host` header names this machine by a loopback name (`127.0.0.1:8080`,
    /// `localhost:8080`, `[::1]:8080`): a server without a token answers only those, so a
    /// foreign name rebound to 127.0.0.1 cannot reach it.
    public static func isLocalHost(_ host: String?) -> Bool {
        guard let host else { return false }
        let name: Substring
        if host.hasPrefix("[") {
            name = host.split(separator: "]").first.map { $0 + "]" } ?? Substring(host)
        } else {
            name = host.split(separator: ":").first ?? Substring(host)
        }
        return WorkspaceSettings.isLoopback(String(name))
    }
}
