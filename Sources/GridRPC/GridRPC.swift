/// GridRPC: JSON-RPC 2.0 over stdin/stdout.
public enum GridRPCModule {}
