package kahu.stix;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Builds one JSON value from a streaming parser without recursion, enforcing {@link Limits}:
 * when a value nests too deep or grows too large the partial tree is dropped and the rest of
 * the value is skipped token by token, so one hostile object costs neither the stack nor the
 * heap, and the objects after it are still read.
 */
final class LimitedTreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * The value read, or why it was dropped (then {@code node} is null). {@code id} is the
     * container's own "id" string when it had one, so that a dropped object can still be named.
     */
    record Result(JsonNode node, String rejection, String id) {}

    private final Limits limits;

    LimitedTreeReader(Limits limits) {
        this.limits = limits;
    }

    /**
     * Reads the container whose start token the parser is on; returns with the parser on its end token.
     * {@code baseDepth} is the depth of that container (1 for a STIX object).
     */
    Result read(JsonParser p, int baseDepth) throws IOException {
        long start = offset(p.currentTokenLocation());
        JsonToken first = p.currentToken();
        ContainerNode<?> root = first == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        ArrayDeque<ContainerNode<?>> stack = new ArrayDeque<>();
        stack.push(root);
        int depth = baseDepth;
        long approxSize = 2; // cheap running estimate; the exact size is checked at the end
        String field = null;
        String rejection = depth > limits.maxDepth() ? tooDeep() : null;
        int open = 1;
        String id = null;
        while (open > 0) {
            JsonToken t = p.nextToken();
            if (t == null) throw new JsonEOFException(p, null, "unexpected end of input inside an object");
            switch (t) {
                case START_OBJECT, START_ARRAY -> {
                    open++;
                    depth++;
                    if (rejection == null && depth > limits.maxDepth()) rejection = tooDeep();
                    if (rejection == null) {
                        ContainerNode<?> child = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
                        add(stack.peek(), field, child);
                        stack.push(child);
                    }
                    approxSize += 2;
                }
                case END_OBJECT, END_ARRAY -> {
                    open--;
                    depth--;
                    if (rejection == null) stack.pop();
                }
                case FIELD_NAME -> {
                    field = p.currentName();
                    approxSize += field.length() + 3;
                }
                default -> {
                    if (depth == baseDepth && t == JsonToken.VALUE_STRING && "id".equals(field)) id = p.getText();
                    if (rejection == null) {
                        JsonNode v = scalar(p, t);
                        add(stack.peek(), field, v);
                        approxSize += t == JsonToken.VALUE_STRING ? p.getTextLength() + 3 : 8;
                    }
                }
            }
            if (rejection == null && approxSize > limits.maxObjectBytes()) rejection = tooBig(approxSize);
            if (rejection != null && !stack.isEmpty()) stack.clear(); // let the partial tree go
        }
        if (rejection == null) {
            long size = offset(p.currentLocation()) - start;
            if (start >= 0 && size > limits.maxObjectBytes()) rejection = tooBig(size);
        }
        return rejection == null ? new Result(root, null, id) : new Result(null, rejection, id);
    }

    private String tooDeep() {
        return "nesting deeper than " + limits.maxDepth() + " levels (limit); object skipped";
    }

    private String tooBig(long size) {
        return "object larger than " + limits.maxObjectBytes() + " bytes (limit; at least " + size + "); object skipped";
    }

    private static void add(ContainerNode<?> parent, String field, JsonNode v) {
        switch (parent) {
            case ObjectNode o -> o.set(field, v);
            case ArrayNode a -> a.add(v);
            default -> throw new IllegalStateException("containers are objects or arrays");
        }
    }

    static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected token " + t);
        };
    }

    static long offset(JsonLocation l) {
        return l.getByteOffset() >= 0 ? l.getByteOffset() : l.getCharOffset();
    }
}
