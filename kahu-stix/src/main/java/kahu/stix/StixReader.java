package kahu.stix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads STIX 2.1 (and 2.0, upgraded) from bundles, single objects or arrays of objects, plain or gzip.
 * Valid objects go to one consumer, problems to another; a bad object never stops the rest.
 * The input is streamed: only one object at a time is held as a tree, so a 25 MB bundle costs
 * the memory of its largest object. Each object carries the line where it starts.
 * <p>
 * Rejected (reported and skipped): malformed JSON (reading stops there; earlier objects are
 * already delivered), an unsupported spec_version, unknown types, an id read twice with the
 * same {@code modified} but different content, objects beyond the {@link Limits}, and objects
 * that fail {@link StixValidator}. An identical repeat is dropped silently; the same id with a
 * different {@code modified} is a new version and delivered.
 */
public final class StixReader {
    private static final int GZIP_MAGIC_1 = 0x1f, GZIP_MAGIC_2 = 0x8b;

    private final Limits limits;
    private final JsonFactory json;

    public StixReader() {
        this(Limits.DEFAULT);
    }

    public StixReader(Limits limits) {
        this.limits = limits;
        // Our own limits are enforced per object; Jackson's only guard against absurd input we cannot skip.
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Math.max(10_000, limits.maxDepth() + 2))
                        // A string over the object limit is caught (and skipped) by our own check; only one over
                        // twice the limit stops the read, so a hostile value cannot fill the heap first.
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE - 16, 2 * limits.maxObjectBytes()))
                        .build())
                .build();
    }

    public Limits limits() {
        return limits;
    }

    /** Streams every object of {@code file}; returns normally even when the file is malformed. */
    public void read(Path file, Consumer<ReadObject> objects, Consumer<StixProblem> problems) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, file.toString(), objects, problems);
        }
    }

    /** As {@link #read(Path, Consumer, Consumer)}; gzip input is recognised by its magic bytes. */
    public void read(InputStream in, String source, Consumer<ReadObject> objects, Consumer<StixProblem> problems) {
        ReadRun run = new ReadRun(source, objects, problems);
        try (JsonParser p = json.createParser(maybeGunzip(in))) {
            readRoot(p, run);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            long line = l == null ? 0 : l.getLineNr();
            String where = l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
            problems.accept(new StixProblem(source, line, null,
                    "malformed JSON" + where + ": " + e.getOriginalMessage() + "; nothing after this point was read"));
        } catch (IOException e) {
            problems.accept(new StixProblem(source, 0, null, "cannot read: " + e.getMessage()));
        }
    }

    private static InputStream maybeGunzip(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int m1 = b.read(), m2 = b.read();
        b.reset();
        return m1 == GZIP_MAGIC_1 && m2 == GZIP_MAGIC_2 ? new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16) : b;
    }

    private void readRoot(JsonParser p, ReadRun run) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            run.problem(0, null, "empty input: expected a bundle, an object or an array of objects");
            return;
        }
        switch (t) {
            case START_ARRAY -> readObjectArray(p, run);
            case START_OBJECT -> readRootObject(p, run);
            default -> run.problem(p.currentTokenLocation().getLineNr(), null,
                    "expected a bundle, an object or an array of objects, found " + t);
        }
        if (p.nextToken() != null)
            run.problem(p.currentTokenLocation().getLineNr(), null, "content after the end of the top-level JSON value ignored");
    }

    /** The parser is on START_ARRAY; every element should be a STIX object. */
    private void readObjectArray(JsonParser p, ReadRun run) throws IOException {
        LimitedTreeReader trees = new LimitedTreeReader(limits);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "unexpected end of input inside an array");
            long line = p.currentTokenLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                run.problem(line, null, "expected a STIX object, found " + t + "; skipped");
                p.skipChildren();
                continue;
            }
            LimitedTreeReader.Result r = trees.read(p, 1);
            if (r.node() == null) run.problem(line, r.id(), r.rejection());
            else run.accept((ObjectNode) r.node(), line);
        }
    }

    /**
     * A top-level object is a bundle or a single STIX object; bundles often put "type" last, so
     * we cannot know which until it closes. Its "objects" array is streamed element by element;
     * every other property is small and kept.
     */
    private void readRootObject(JsonParser p, ReadRun run) throws IOException {
        long rootLine = p.currentTokenLocation().getLineNr();
        LimitedTreeReader trees = new LimitedTreeReader(limits);
        ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        boolean streamedObjects = false;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t == null) throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "unexpected end of input");
            String name = p.currentName();
            JsonToken v = p.nextToken();
            boolean declaredBundle = "bundle".equals(root.path("type").asText(null));
            if (name.equals("objects") && v == JsonToken.START_ARRAY && (declaredBundle || !root.has("type"))) {
                run.bundleSpec(root.path("spec_version").asText(null));
                readObjectArray(p, run);
                streamedObjects = true;
            } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                LimitedTreeReader.Result r = trees.read(p, 2);
                if (r.node() == null) {
                    run.problem(rootLine, root.path("id").asText(null), "property '" + name + "': " + r.rejection());
                    return;
                }
                root.set(name, r.node());
            } else {
                root.set(name, LimitedTreeReader.scalar(p, v));
            }
        }
        String type = root.path("type").asText(null);
        if ("bundle".equals(type)) {
            checkBundle(root, rootLine, run);
        } else if (streamedObjects) {
            run.problem(rootLine, root.path("id").asText(null),
                    "top-level object has an 'objects' array but its type is " + type + ", not bundle");
        } else {
            run.accept(root, rootLine);
        }
    }

    private static void checkBundle(ObjectNode bundle, long line, ReadRun run) {
        String id = bundle.path("id").asText(null);
        if (id == null || !kahu.stix.id.StixIds.isValid(id, "bundle"))
            run.problem(line, id, "bundle id must be 'bundle--<uuid>', got " + id);
        // A spec_version after "objects" came too late to steer the objects; say so only if it matters.
        String spec = bundle.path("spec_version").asText(null);
        if (spec != null && !spec.equals("2.0") && !spec.equals("2.1"))
            run.problem(line, id, "bundle spec_version \"" + spec + "\" is not supported (2.1 expected, 2.0 upgraded)");
    }
}
