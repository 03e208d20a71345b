import Foundation
import GridLocale
import GridService
import Hummingbird
import Logging

/// `gridplan serve`: the planner's workspace over HTTP.
public enum WorkspaceServer {
    /// Serves until SIGINT or SIGTERM. Once listening, `announce` gets the URL to open (one line
    /// for stdout: port 0 becomes the port chosen) and `note` the token link when a token is needed.
    public static func serve(
        context: ServiceContext, settings: WorkspaceSettings, announce: @escaping @Sendable (String) -> Void,
        note: @escaping @Sendable (String) -> Void
    ) async throws {
        var logger = Logger(label: "gridplan.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .error
        let responder = WorkspaceResponder(context: context, settings: settings)
        let shownHost = settings.host == "0.0.0.0" || settings.host == "::" ? "127.0.0.1" : settings.host
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                let url = "http://\(shownHost.contains(":") ? "[\(shownHost)]" : shownHost):\(port)/"
                if let token = settings.token {
                    note(settings.language.tr("web.started.token", ["url": url, "token": token]))
                }
                announce(url)
            },
            logger: logger)
        try await app.runService()
    }
}
