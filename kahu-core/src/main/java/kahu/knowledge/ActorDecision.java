package kahu.knowledge;

import java.time.Instant;

/**
 * An analyst's decision about actor identity, kept with its reason.
 *
 * <p>{@code MERGE}: {@code subject} and {@code other} (names, aliases or IDs) are one actor.
 * {@code SPLIT}: the record {@code other} (a record ID) does not belong to actor {@code subject}:
 * it stands on its own whatever the automatic links say.
 */
public record ActorDecision(Action action, String subject, String other, String reason, String analyst, Instant decidedAt) {
    public enum Action { MERGE, SPLIT }

    public ActorDecision {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a decision needs a reason");
    }
}
