package kahu.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar on standard error, drawn only when a person is watching (a terminal);
 * in pipes and CI it stays silent so that output remains parseable.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private int lastLength;

    ProgressBar(PrintStream out) {
        this.out = out;
        this.enabled = System.console() != null && System.getenv("KAHU_NO_PROGRESS") == null;
    }

    /** Whether anything is drawn: callers skip building labels when not (a scan reports every file). */
    boolean enabled() {
        return enabled;
    }

    void show(double fraction, String label) {
        if (!enabled) return;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        String line = "[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format("%3d%% ", Math.round(fraction * 100)) + label;
        if (line.length() > 100) line = line.substring(0, 100);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    @Override
    public void close() {
        if (enabled && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
        }
    }
}
