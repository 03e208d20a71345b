import Foundation

/// A throwaway PostgreSQL 15 cluster for tests: initdb + pg_ctl under a fresh temporary folder,
/// listening only on a Unix socket there, run as the `postgres` user when the tests run as root.
/// Started lazily once per test process (`shared`) and stopped at exit. Children never write to a
/// pipe that is read to EOF (the forked server would hold it open): their output goes to files,
/// and every wait has a deadline.
public final class PostgresCluster: Sendable {
    /// Where the PostgreSQL 15 server binaries are expected.
    public static let binaries = URL(fileURLWithPath: "/usr/lib/postgresql/15/bin")

    /// True when initdb and pg_ctl are installed.
    public static var binariesPresent: Bool {
        FileManager.default.isExecutableFile(atPath: binaries.appendingPathComponent("initdb").path)
    }

    /// Whether tests needing a cluster should run: with the binaries, or always under `CI` (where
    /// their absence must fail loudly rather than skip).
    public static var shouldRun: Bool {
        binariesPresent || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The folder holding the data directory, the socket and the server log.
    public let root: URL
    /// The socket folder (libpq's `host`).
    public let socketDirectory: String
    /// The socket's port number.
    public let port = 5432

    private static let started: Result<PostgresCluster, any Error> = Result { try PostgresCluster() }

    /// The shared cluster of this test process, started on first use.
    public static func shared() throws -> PostgresCluster { try started.get() }

    private init() throws {
        guard Self.binariesPresent else {
            throw ClusterError(
                "PostgreSQL 15 binaries not found in \(Self.binaries.path): run Tools/setup (postgresql-15, postgresql-15-postgis-3)"
            )
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gridplan-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("sock"), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path)
        self.root = root
        socketDirectory = root.appendingPathComponent("sock").path
        if getuid() == 0 {
            try Self.run(URL(fileURLWithPath: "/bin/chown"), ["-R", "postgres:postgres", root.path], asPostgres: false)
        }
        let data = root.appendingPathComponent("data").path, log = root.appendingPathComponent("server.log").path
        try Self.run(
            Self.binaries.appendingPathComponent("initdb"),
            ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"], log: log)
        try Self.run(
            Self.binaries.appendingPathComponent("pg_ctl"),
            [
                "-D", data, "-w", "-t", "30", "-l", root.appendingPathComponent("postgres.log").path, "-o",
                "-k \(socketDirectory) -h '' -p \(port) -c fsync=off -c max_connections=60", "start"
            ], log: log)
        atexit { PostgresCluster.stopShared() }
    }

    /// A libpq connection string for `database` as `user`, with connect and statement timeouts.
    public func conninfo(database: String = "postgres", user: String = "postgres") -> String {
        "host=\(socketDirectory) port=\(port) dbname=\(database) user=\(user) connect_timeout=5 options='-c statement_timeout=30000'"
    }

    /// Creates a fresh database (with PostGIS when asked) and returns its name.
    public func createDatabase(postgis: Bool = true) throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try psql("CREATE DATABASE \(name)")
        if postgis { try psql("CREATE EXTENSION postgis", database: name) }
        return name
    }

    /// Runs SQL through psql (used only for setup, never for what is under test).
    public func psql(_ sql: String, database: String = "postgres") throws {
        try Self.run(
            Self.binaries.appendingPathComponent("psql"),
            [
                "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", socketDirectory, "-p", "\(port)", "-U", "postgres", "-d", database,
                "-c", sql
            ],
            log: root.appendingPathComponent("psql.log").path)
    }

    private static func stopShared() {
        guard case .success(let cluster) = started else { return }
        try? run(
            binaries.appendingPathComponent("pg_ctl"),
            ["-D", cluster.root.appendingPathComponent("data").path, "-w", "-t", "20", "-m", "immediate", "stop"],
            log: nil)
        try? FileManager.default.removeItem(at: cluster.root)
    }

    /// Runs a child (as `postgres` when we are root and `asPostgres`), output appended to `log` or
    /// discarded, stdin from /dev/null; waits at most `timeout` seconds.
    private static func run(
        _ executable: URL, _ arguments: [String], asPostgres: Bool = true, log: String? = nil, timeout: TimeInterval = 60
    ) throws {
        var argv = [executable.path] + arguments
        if asPostgres && getuid() == 0 {
            argv = ["/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"] + argv
        }
        // posix_spawn + waitpid, not Foundation.Process: Process learns of the exit through a
        // descriptor the child inherits, which the forked server keeps open (the earlier hang).
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for arg in cArgs { free(arg) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
        guard spawned == 0 else { throw ClusterError("\(argv[0]) could not start: \(spawned)") }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw ClusterError("\(executable.lastPathComponent) did not finish within \(Int(timeout)) s")
            }
            usleep(20_000)
        }
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard exitStatus == 0 else {
            let tail = log.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }.map { String($0.suffix(2000)) } ?? ""
            throw ClusterError("\(executable.lastPathComponent) exited with \(exitStatus): \(tail)")
        }
    }
}

/// Why the test cluster could not be set up.
public struct ClusterError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
