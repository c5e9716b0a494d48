package kahu.attribution;

import java.time.Instant;
import java.util.List;

/**
 * One item of evidence.
 *
 * @param source       where it came from, e.g. "apt40.json:12 attack-pattern--…", so that an analyst can check it
 * @param reliability  0..1: how likely the observation is correct
 * @param fakeability  0..1: how easily an adversary could plant it to mislead
 * @param observedAt   when the activity happened, when known (ages infrastructure matches); may be null
 * @param implies      technique IDs this item explains (software → the techniques it implements), so that
 *                     the model does not count them twice
 * @param observedWith for a technique, the other techniques of the evidence that one observation reported
 *                     together with it (the rules that fired on one event, with all their ATT&CK tags, saw one
 *                     behaviour): the model lets the k of them count 1/k each, so that together they weigh
 *                     as one observation, not k. Empty for a technique observed on its own.
 */
public record Evidence(EvidenceKind kind, String value, String source, double reliability, double fakeability,
                       Instant observedAt, List<String> implies, List<String> observedWith) {
    public Evidence {
        if (kind == null || value == null || value.isBlank()) throw new IllegalArgumentException("evidence needs a kind and a value");
        if (reliability < 0 || reliability > 1 || fakeability < 0 || fakeability > 1) {
            throw new IllegalArgumentException("reliability and fakeability are in [0, 1]");
        }
        implies = implies == null ? List.of() : List.copyOf(implies);
        String own = value;
        observedWith = observedWith == null ? List.of() : observedWith.stream().filter(v -> !v.equals(own)).distinct().toList();
    }

    /** An item observed on its own. */
    public Evidence(EvidenceKind kind, String value, String source, double reliability, double fakeability, Instant observedAt,
                    List<String> implies) {
        this(kind, value, source, reliability, fakeability, observedAt, implies, List.of());
    }

    /** An item with its kind's default reliability and fakeability. */
    public static Evidence of(EvidenceKind kind, String value, String source) {
        return new Evidence(kind, value, source, kind.defaultReliability(), kind.defaultFakeability(), null, List.of());
    }

    public Evidence observedAt(Instant when) {
        return new Evidence(kind, value, source, reliability, fakeability, when, implies, observedWith);
    }

    /** This item as one of an observation's techniques ({@code values} may include this item's own, which is left out). */
    public Evidence observedWith(List<String> values) {
        return new Evidence(kind, value, source, reliability, fakeability, observedAt, implies, values);
    }

    /** This item trusted {@code factor} times as much, with the reason added to its source. */
    public Evidence discounted(double factor, String why) {
        return new Evidence(kind, value, source + " (" + why + ")", reliability * factor, fakeability, observedAt, implies, observedWith);
    }

    /** How many items share the observation this item comes from: 1 for an item observed on its own. */
    public int observationSize() {
        return 1 + observedWith.size();
    }

    /** "technique T1190": what the item is, and its key (the same item seen twice is counted once). */
    public String describe() {
        return kind.label() + " " + value;
    }

    /**
     * How a report names the item: {@link #describe()}, and for a technique that shares one observation with others
     * which they are, e.g. "technique T1003.002 (one observation with T1003.004)", so that its halved weight makes sense.
     */
    public String label() {
        return observedWith.isEmpty() ? describe() : describe() + " (one observation with " + String.join(", ", observedWith) + ")";
    }
}
