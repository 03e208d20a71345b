#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// gridplan: the thin command-line front end over GridService (see CommandLineInterface).
exit(CommandLineInterface.run(Array(CommandLine.arguments.dropFirst())))
