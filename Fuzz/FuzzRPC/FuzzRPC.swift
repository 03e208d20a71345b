import Foundation
import GridFormats
import GridRPC
import GridService

/// libFuzzer target: one JSON-RPC line through `RPCServer.handle(line:)`, on a context whose
/// store does not exist (read methods run on the bundled demo district; `import` may write the
/// temporary store). Every answer must itself be valid JSON.
nonisolated(unsafe) let server: RPCServer = {
    let db = NSTemporaryDirectory() + "fuzz-rpc-\(getpid()).gpkg"
    let context = ServiceContext(db: db)
    return RPCServer(context: context, methods: MethodTable.all) { reply in
        do { _ = try JSONParser.parse(reply) } catch { fatalError("reply is not JSON: \(error): \(reply.prefix(200))") }
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    server.handle(line: line)
    return 0
}

// SwiftPM links an executable with `--defsym main=FuzzRPC_main`, which hides libFuzzer's own main:
// this entry point hands control to libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("FuzzRPC_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzz($0, $1) }
}
