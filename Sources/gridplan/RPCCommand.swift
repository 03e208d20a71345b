import ArgumentParser
import GridRPC
import GridService

/// `gridplan rpc`: JSON-RPC 2.0 on stdin/stdout, one message per line.
struct RPCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rpc",
        abstract: "Serve JSON-RPC 2.0 on stdin/stdout (one message per line) until end of input.",
        discussion: "Methods mirror the commands (report.area, coverage, site, …); rpc.discover lists them.")

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Longest accepted message, bytes.") var maxMessageBytes: Int = 64 << 20

    func run() throws {
        let context = ServiceContext(db: store.db, progress: SilentProgress(), note: { printError($0) })
        StdioTransport.serve(context: context, methods: MethodTable.all, maxLineBytes: maxMessageBytes)
    }
}
