/// The workspace's files, embedded in the binary: the page, its style and its script. Only these
/// paths are served; nothing is read from disk or fetched from elsewhere.
enum WorkspaceAssets {
    struct File: Sendable {
        var contentType: String
        var text: String
        /// The entity tag: a hash of the text (FNV-1a, 64 bits), quoted.
        var etag: String

        init(contentType: String, text: String) {
            self.contentType = contentType
            self.text = text
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            etag = "\"" + String(h, radix: 16) + "\""
        }
    }

    static let files: [String: File] = [
        "/": File(contentType: "text/html; charset=utf-8", text: WorkspacePage.html),
        "/index.html": File(contentType: "text/html; charset=utf-8", text: WorkspacePage.html),
        "/workspace.css": File(contentType: "text/css; charset=utf-8", text: WorkspaceStyle.css),
        "/workspace.js": File(contentType: "text/javascript; charset=utf-8", text: WorkspaceScript.js)
    ]

    /// The page may load only its own files and talk only to its own server.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
}
