package kahu.stix.model;

/** A phase of a kill chain, e.g. {@code mitre-attack / initial-access}. */
public record KillChainPhase(String killChainName, String phaseName) {
    public KillChainPhase {
        if (killChainName == null || killChainName.isBlank()) throw new IllegalArgumentException("kill_chain_name is required");
        if (phaseName == null || phaseName.isBlank()) throw new IllegalArgumentException("phase_name is required");
    }
}
