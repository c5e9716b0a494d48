package kahu.simulate;

import java.util.Locale;

/**
 * How each server's collection is laid out under {@code logs/<org-id>/}: as a folder named after the
 * host (the files as they were on the server), or as one zip per host named {@code <host>.zip} with
 * the same relative paths inside, as incident-response triage tools (KAPE, Velociraptor, CyLR) hand
 * collections over. At national scale the zip layout keeps the file count at one per server: a
 * folder collection is about 120 small files per server, and creating and opening millions of small
 * files, not generating or matching, bounds simulation and investigation on one disk.
 */
public enum Layout {
    FOLDERS, ZIP;

    /** The layout named on the command line ({@code folders}, {@code zip}). */
    public static Layout of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "folders", "folder", "files" -> FOLDERS;
            case "zip", "triage-zip" -> ZIP;
            default -> throw new IllegalArgumentException("unknown layout '" + name + "' (folders or zip)");
        };
    }

    /**
     * A server's collection relative to the output root, '/'-separated; a file {@code f} in it is at
     * {@code hostDir + "/" + f}, which for the zip layout reads {@code logs/o/h.zip!/f}: the name Kahu's
     * ingest gives a zip entry, so ground-truth locations match what the investigation reports.
     */
    String hostDir(String orgId, String hostName) {
        return "logs/" + orgId + "/" + hostName + (this == ZIP ? ".zip!" : "");
    }
}
