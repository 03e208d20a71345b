/// GridStore: the GeoPackage store, import and export.
public enum GridStoreModule {}
