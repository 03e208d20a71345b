/// GridAnalysis: pure analyses over a `Snapshot`.
public enum GridAnalysisModule {}
