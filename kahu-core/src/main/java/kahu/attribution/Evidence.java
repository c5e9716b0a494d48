package kahu.attribution;

import java.time.Instant;
import java.util.List;

/**
 * One item of evidence.
 *
 * @param source      where it came from, e.g. "apt40.json:12 attack-pattern--…", so that an analyst can check it
 * @param reliability 0..1: how likely the observation is correct
 * @param fakeability 0..1: how easily an adversary could plant it to mislead
 * @param observedAt  when the activity happened, when known (ages infrastructure matches); may be null
 * @param implies     technique IDs this item explains (software → the techniques it implements), so that
 *                    the model does not count them twice
 */
public record Evidence(EvidenceKind kind, String value, String source, double reliability, double fakeability,
                       Instant observedAt, List<String> implies) {
    public Evidence {
        if (kind == null || value == null || value.isBlank()) throw new IllegalArgumentException("evidence needs a kind and a value");
        if (reliability < 0 || reliability > 1 || fakeability < 0 || fakeability > 1) {
            throw new IllegalArgumentException("reliability and fakeability are in [0, 1]");
        }
        implies = implies == null ? List.of() : List.copyOf(implies);
    }

    /** An item with its kind's default reliability and fakeability. */
    public static Evidence of(EvidenceKind kind, String value, String source) {
        return new Evidence(kind, value, source, kind.defaultReliability(), kind.defaultFakeability(), null, List.of());
    }

    public Evidence observedAt(Instant when) {
        return new Evidence(kind, value, source, reliability, fakeability, when, implies);
    }

    /** "technique T1190". */
    public String describe() {
        return kind.label() + " " + value;
    }
}
