package kahu.ingest;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * An immutable event map whose keys live in a table shared by every event of one reader: each event holds
 * only an array of values (null = absent). Why: a reader used to fill a HashMap per event that {@link Event}
 * then copied, which cost more than parsing the line; with shared keys an event costs one array, a look-up
 * stays one hash probe, and iteration follows the order the reader first put the keys in (stable from run
 * to run). Built by one reader thread through a {@link Builder}; read by any thread.
 */
final class SlotMap extends AbstractMap<String, Object> {
    private final Keys keys;
    private final Object[] values;
    private final int size;

    private SlotMap(Keys keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /**
     * The key table: append-only, replaced (never changed) when a reader meets a new key, so maps built earlier stay valid.
     * Tables are shared between readers through {@link #next}: the table reached from the empty one by the same keys in
     * the same order is the same table. Why: every log file starts a new reader, and a triage log holds a few events,
     * so rebuilding the table key by key per file (74 columns of an HttpProxy log, a map copied for each) cost more
     * than its events; shared, a new file's keys cost one look-up each. The contents depend only on the key order, as
     * before, so iteration order is unchanged.
     */
    private static final class Keys {
        static final Keys EMPTY = new Keys(new String[0], Map.of());
        /** tables kept in {@link #next} over all readers; past this, readers build their own as before (logs with ever-new keys) */
        private static final int MAX_SHARED = 4096;
        private static final java.util.concurrent.atomic.AtomicInteger SHARED = new java.util.concurrent.atomic.AtomicInteger();

        final String[] names;
        final Map<String, Integer> slots;
        /** this table plus one key, by that key */
        private final ConcurrentHashMap<String, Keys> next = new ConcurrentHashMap<>();
        /** names asked for by {@link #getIgnoringCase}, as asked → slot or -1; bounded */
        final ConcurrentHashMap<String, Integer> askedIgnoringCase = new ConcurrentHashMap<>();

        Keys(String[] names, Map<String, Integer> slots) {
            this.names = names;
            this.slots = slots;
        }

        Keys with(String name) {
            Keys known = next.get(name);
            if (known != null) return known;
            Keys grown = grow(name);
            if (SHARED.get() >= MAX_SHARED) return grown;
            Keys raced = next.putIfAbsent(name, grown);
            if (raced != null) return raced;
            SHARED.incrementAndGet();
            return grown;
        }

        private Keys grow(String name) {
            String[] n = Arrays.copyOf(names, names.length + 1);
            n[names.length] = name;
            Map<String, Integer> s = new HashMap<>(slots);
            s.put(name, names.length);
            return new Keys(n, s);
        }

        int slotIgnoringCase(String name) {
            Integer cached = askedIgnoringCase.get(name);
            if (cached != null) return cached;
            int found = -1;
            for (int i = 0; i < names.length && found < 0; i++) if (names[i].equalsIgnoreCase(name)) found = i;
            if (askedIgnoringCase.size() < 1024) askedIgnoringCase.put(name, found);
            return found;
        }
    }

    /** Fills one event's values at a time; {@link #build()} hands them over and starts the next. Not thread-safe. */
    static final class Builder {
        private Keys keys = Keys.EMPTY;
        private Object[] values = new Object[16];
        private int size;

        Builder put(String name, Object value) {
            if (value == null) return this;
            Integer slot = keys.slots.get(name);
            if (slot == null) {
                keys = keys.with(name);
                slot = keys.names.length - 1;
                if (slot >= values.length) values = Arrays.copyOf(values, values.length * 2);
            }
            if (values[slot] == null) size++;
            values[slot] = value;
            return this;
        }

        SlotMap build() {
            SlotMap m = new SlotMap(keys, Arrays.copyOf(values, keys.names.length), size);
            clear();
            return m;
        }

        /** Drops values put since the last build (an event abandoned half-way must not leak into the next). */
        void clear() {
            Arrays.fill(values, 0, keys.names.length, null);
            size = 0;
        }
    }

    @Override
    public Object get(Object key) {
        Integer slot = keys.slots.get(key);
        return slot == null || slot >= values.length ? null : values[slot];
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** The value of the first key equal to {@code name} ignoring case, as {@link Event#get} falls back to. */
    Object getIgnoringCase(String name) {
        int slot = keys.slotIgnoringCase(name);
        return slot < 0 || slot >= values.length ? null : values[slot];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < values.length; i++) if (values[i] != null) action.accept(keys.names[i], values[i]);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        while (from < values.length && values[from] == null) from++;
                        return from;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        Entry<String, Object> e = new SimpleImmutableEntry<>(keys.names[next], values[next]);
                        next = advance(next + 1);
                        return e;
                    }
                };
            }
        };
    }
}
