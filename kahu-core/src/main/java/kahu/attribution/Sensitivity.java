package kahu.attribution;

import java.util.List;

/**
 * The false-flag check: does the leading hypothesis survive without the most easily planted evidence,
 * and without the single strongest item?
 */
public record Sensitivity(String leader, Check withoutFakeable, Check withoutStrongest) {
    /**
     * @param removed   the items taken away (empty when there was nothing to take)
     * @param newLeader the leading hypothesis afterwards ("unknown actor" for the unknown hypothesis)
     * @param changed   whether the leader changed
     */
    public record Check(List<String> removed, String newLeader, double newLeaderProbability, boolean changed) {
        public Check {
            removed = List.copyOf(removed);
        }
    }

    public boolean robust() {
        return !withoutFakeable.changed() && !withoutStrongest.changed();
    }
}
