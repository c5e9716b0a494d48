package kahu.investigate;

import kahu.correlate.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes findings from the scanning threads and stores them in committed batches while the scan goes
 * on, so that the scan's output is never held whole (millions of detections at national scale). A
 * thread that fills a batch stores it while the others go on filling the next; batches are stored
 * one at a time. Each batch is idempotent ({@link InvestigationStore#addFindings}), so what a killed
 * run stored stays, and a re-run adds only what is missing.
 */
final class FindingSpool {
    static final int BATCH = 1000;

    private final InvestigationStore store;
    private final Object storing = new Object();
    private List<Finding> filling = new ArrayList<>(BATCH);
    private long added;

    FindingSpool(InvestigationStore store) {
        this.store = store;
    }

    /** Called from any scanning thread. */
    void add(Finding f) {
        List<Finding> full = null;
        synchronized (this) {
            filling.add(f);
            if (filling.size() >= BATCH) {
                full = filling;
                filling = new ArrayList<>(BATCH);
            }
        }
        if (full != null) store(full);
    }

    /** Stores what is left once the scan has ended; returns how many findings were new to the store. */
    long finish() {
        List<Finding> rest;
        synchronized (this) {
            rest = filling;
            filling = new ArrayList<>();
        }
        store(rest);
        synchronized (storing) {
            return added;
        }
    }

    private void store(List<Finding> batch) {
        if (batch.isEmpty()) return;
        synchronized (storing) {
            added += store.addFindings(batch);
        }
    }
}
