/// GeoJSON text for dataset fixtures: a FeatureCollection holding the given feature texts, one a
/// line, so a test can write exactly the bytes a user's file would hold (and damage one of them).
public func featureCollection(_ features: [String]) -> String {
    "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
}
