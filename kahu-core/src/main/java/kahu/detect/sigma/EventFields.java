package kahu.detect.sigma;

import kahu.ingest.Event;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An event's field values as the matchers read them. Every field name a rule tests, with its
 * aliases ({@code Image}, {@code NewProcessName}, {@code winlog.event_data.Image}…), gets an int
 * slot when the rule is compiled; the engine's view of an event resolves each slot at most once
 * (exact name, else case-insensitive as {@link Matcher#lookup}) and case-folds each text value at
 * most once, however many candidate rules and the prefilter ask. Measured in SigmaBench, the
 * map look-ups of absent aliases and the identity-hashed fold cache were most of a rule test.
 *
 * <p>{@link #uncached} is the plain path (every read looks the event up again, every fold is
 * new): what {@link SigmaRule#matches} uses and tests compare the engine with. The cached view is
 * one per thread, reused from event to event, and is not to be shared.
 */
final class EventFields {
    private static final ConcurrentHashMap<List<String>, Integer> SLOTS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ThreadLocal<EventFields> CACHED = ThreadLocal.withInitial(() -> new EventFields(null, true));

    private Event event;
    private final boolean cached;
    private boolean busy;
    private int epoch = 1;         // slots resolved for the current event carry this stamp
    private int[] stamp = new int[0], foldedStamp = new int[0];
    private Object[] values = new Object[0];
    private String[] folded = new String[0];
    private Object[] all;
    private int valuesEpoch;
    private RulePrefilter.Marks marks;
    private int[] summaryStamp = new int[0]; // per slot: which ASCII chars its folded value holds, and its highest char
    private long[] summaryLo = new long[0], summaryHi = new long[0];
    private char[] summaryHighest = new char[0];

    private EventFields(Event event, boolean cached) {
        this.event = event;
        this.cached = cached;
    }

    /** The slot of a field with its aliases (the same names, in the same order, share one). */
    static int slot(String[] names) {
        return SLOTS.computeIfAbsent(List.of(names), k -> NEXT.getAndIncrement());
    }

    /**
     * This thread's reusable view, now of {@code e}, until {@link #release}; a new one when the
     * thread's is in use (a consumer of matches that matches another event from inside).
     */
    static EventFields acquire(Event e) {
        EventFields f = CACHED.get();
        if (f.busy) f = new EventFields(null, true);
        f.busy = true;
        if (f.event != e) {
            f.event = e;
            if (++f.epoch == 0) { // wrapped: old stamps could look current
                java.util.Arrays.fill(f.stamp, 0);
                java.util.Arrays.fill(f.foldedStamp, 0);
                java.util.Arrays.fill(f.summaryStamp, 0);
                f.valuesEpoch = 0;
                f.epoch = 1;
            }
        }
        return f;
    }

    void release() {
        busy = false;
    }

    /** A view that caches nothing: the reference the cached one must agree with. */
    static EventFields uncached(Event e) {
        return new EventFields(e, false);
    }

    Event event() {
        return event;
    }

    /** Every value of the event's fields (keywords search them all), in an array kept for the event. */
    Object[] values() {
        if (!cached) return event.fields().values().toArray();
        if (valuesEpoch != epoch) {
            all = event.fields().values().toArray();
            valuesEpoch = epoch;
        }
        return all;
    }

    /** Scratch for the prefilter's scan of this view's event (see {@link RulePrefilter.Marks}). */
    RulePrefilter.Marks marks() {
        if (marks == null) marks = new RulePrefilter.Marks();
        return marks;
    }

    /** The value of the first of {@code names} present in the event, or null. */
    Object value(int slot, String[] names) {
        if (!cached) return Matcher.lookup(event, names);
        if (slot >= stamp.length) grow(slot);
        if (stamp[slot] == epoch) return values[slot];
        Object v = Matcher.lookup(event, names);
        values[slot] = v;
        stamp[slot] = epoch;
        return v;
    }

    /** {@code text}, the value of {@code slot}, case-folded ({@link Folded#fold}). */
    String folded(int slot, String text) {
        if (!cached) return Folded.fold(text);
        if (slot >= foldedStamp.length) grow(slot);
        if (foldedStamp[slot] == epoch) return folded[slot];
        String f = Folded.fold(text);
        folded[slot] = f;
        foldedStamp[slot] = epoch;
        return f;
    }

    /**
     * Summarises {@code text}, the value of {@code slot}, for {@link CharNeeds}: which ASCII chars its
     * folded form holds and its highest char; once per event and slot (every time for the uncached view).
     */
    void summarise(int slot, String text) {
        if (slot >= summaryStamp.length) {
            int n = Math.max(NEXT.get(), slot + 1) + 64;
            summaryStamp = java.util.Arrays.copyOf(summaryStamp, n);
            summaryLo = java.util.Arrays.copyOf(summaryLo, n);
            summaryHi = java.util.Arrays.copyOf(summaryHi, n);
            summaryHighest = java.util.Arrays.copyOf(summaryHighest, n);
        }
        if (cached && summaryStamp[slot] == epoch) return;
        String f = folded(slot, text);
        long lo = 0, hi = 0;
        char highest = 0;
        for (int i = 0, n = f.length(); i < n; i++) {
            char c = f.charAt(i);
            if (c < 64) lo |= 1L << c;
            else if (c < 128) hi |= 1L << c; // the shift takes c − 64 (mod 64)
            if (c > highest) highest = c;
        }
        summaryLo[slot] = lo;
        summaryHi[slot] = hi;
        summaryHighest[slot] = highest;
        summaryStamp[slot] = epoch;
    }

    long summaryLo(int slot) {
        return summaryLo[slot];
    }

    long summaryHi(int slot) {
        return summaryHi[slot];
    }

    char summaryHighest(int slot) {
        return summaryHighest[slot];
    }

    /** Any text of the event (keywords search every value), case-folded. */
    String folded(String text) {
        return cached ? Folded.of(text) : Folded.fold(text);
    }

    private void grow(int slot) {
        int n = Math.max(NEXT.get(), slot + 1) + 64;
        stamp = java.util.Arrays.copyOf(stamp, n);
        foldedStamp = java.util.Arrays.copyOf(foldedStamp, n);
        values = java.util.Arrays.copyOf(values, n);
        folded = java.util.Arrays.copyOf(folded, n);
    }
}
