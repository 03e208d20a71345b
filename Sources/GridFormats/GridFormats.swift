/// GridFormats: fast, strict readers and writers for the dataset formats, with positions
/// in every error and no dependencies besides Foundation.
///
/// - `JSONParser` / `JSONWriter` / `JSONValue`: RFC 8259 JSON over bytes; objects keep
///   member order, numbers keep their text, duplicate keys are errors.
/// - `GeoJSONFeatureStream`: the features of a FeatureCollection one at a time, in bounded
///   memory, whatever the file size.
/// - `CSVReader`: RFC 4180 CSV record by record, in bounded memory, with physical line
///   numbers.
public enum GridFormats {}
