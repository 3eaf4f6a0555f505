package health.triage.facts;

import health.triage.LikelySource;

import java.util.Objects;

/** The likely source decided in the {@code source} stage. */
public record SourceVerdict(LikelySource source) {
    public SourceVerdict {
        Objects.requireNonNull(source, "source must not be null");
    }
}
