import GridService

/// Every method the server dispatches: one per declared operation, each calling the same
/// `ServiceContext` operation the CLI calls.
public enum MethodTable {
    public static let all: [RPCMethod] = OperationCatalogue.all.map(RPCMethod.init)
}
