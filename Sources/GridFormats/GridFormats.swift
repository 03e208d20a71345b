/// GridFormats: fast JSON (positions, duplicate keys) and CSV reading and writing.
public enum GridFormats {}
