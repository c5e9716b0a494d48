package kahu.ingest.evtx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses binary XML inside one chunk (token grammar from the libevtx documentation and [MS-EVEN6]).
 * Names and template definitions are referenced by offset from the chunk start, so both are cached per
 * chunk by offset; {@link #startChunk()} clears the caches because offsets mean nothing in the next chunk.
 */
final class BinXmlParser {
    private static final int EOF = 0x00, OPEN_START_ELEMENT = 0x01, CLOSE_START_ELEMENT = 0x02,
            CLOSE_EMPTY_ELEMENT = 0x03, END_ELEMENT = 0x04, VALUE = 0x05, ATTRIBUTE = 0x06, CDATA = 0x07,
            CHAR_REF = 0x08, ENTITY_REF = 0x09, PI_TARGET = 0x0a, PI_DATA = 0x0b, TEMPLATE_INSTANCE = 0x0c,
            NORMAL_SUBSTITUTION = 0x0d, OPTIONAL_SUBSTITUTION = 0x0e, FRAGMENT_HEADER = 0x0f;
    private static final int HAS_MORE = 0x40;
    private static final int MAX_DEPTH = 64; // nested templates and elements; deeper means a loop in bad data

    private final byte[] chunk;
    private final Map<Integer, List<BinXmlNode>> templates = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private int depth;

    /** Where we are in the chunk and where the current piece of binary XML ends. */
    private static final class Cursor {
        int pos;
        final int end;

        Cursor(int pos, int end) {
            this.pos = pos;
            this.end = end;
        }
    }

    BinXmlParser(byte[] chunk) {
        this.chunk = chunk;
    }

    void startChunk() {
        templates.clear();
        names.clear();
    }

    /** The binary XML of one event record, from {@code start} (inclusive) to {@code end} (exclusive). */
    List<BinXmlNode> parseRecord(int start, int end) {
        depth = 0;
        return parseFragment(new Cursor(start, end));
    }

    private List<BinXmlNode> parseFragment(Cursor c) {
        List<BinXmlNode> out = new ArrayList<>(2);
        parseContent(c, out, false);
        return out;
    }

    /** Content until end of fragment (top level) or the end-element token (inside an element). */
    private void parseContent(Cursor c, List<BinXmlNode> out, boolean inElement) {
        if (++depth > MAX_DEPTH) throw new EvtxFormatException("binary XML nested deeper than " + MAX_DEPTH);
        while (c.pos < c.end) {
            int token = u8(c, c.pos);
            switch (token & ~HAS_MORE) {
                case EOF -> {
                    c.pos++;
                    if (!inElement) { depth--; return; }
                    throw error(c, "end of fragment inside an element");
                }
                case END_ELEMENT -> {
                    c.pos++;
                    if (inElement) { depth--; return; }
                    throw error(c, "end element outside an element");
                }
                case FRAGMENT_HEADER -> c.pos += 4; // token, major and minor version, flags
                case OPEN_START_ELEMENT -> out.add(parseElement(c));
                case TEMPLATE_INSTANCE -> out.add(parseTemplateInstance(c));
                case VALUE, CDATA, CHAR_REF, ENTITY_REF, NORMAL_SUBSTITUTION, OPTIONAL_SUBSTITUTION -> out.add(parseValuePart(c));
                case PI_TARGET -> {
                    c.pos++;
                    int nameOffset = i32(c, c.pos);
                    c.pos += 4;
                    name(c, nameOffset); // processing instructions carry nothing a detection needs
                }
                case PI_DATA -> c.pos += 3 + 2 * u16(c, c.pos + 1);
                default -> throw error(c, "unknown token 0x%02x".formatted(token));
            }
        }
        if (inElement) throw error(c, "element not closed before the end of the data");
        depth--;
    }

    private BinXmlNode.Element parseElement(Cursor c) {
        int token = u8(c, c.pos);
        // token (1), dependency identifier (2), data size (4), name offset (4)
        int nameOffset = i32(c, c.pos + 7);
        c.pos += 11;
        String name = name(c, nameOffset);
        List<BinXmlNode.Attribute> attributes = List.of();
        if ((token & HAS_MORE) != 0) {
            c.pos += 4; // attribute list size: the attribute tokens themselves say where the list ends
            attributes = new ArrayList<>(4);
            while ((u8(c, c.pos) & ~HAS_MORE) == ATTRIBUTE) {
                int attrNameOffset = i32(c, c.pos + 1);
                c.pos += 5;
                String attrName = name(c, attrNameOffset);
                List<BinXmlNode> value = new ArrayList<>(1);
                while (isValuePart(u8(c, c.pos) & ~HAS_MORE)) value.add(parseValuePart(c));
                attributes.add(new BinXmlNode.Attribute(attrName, value));
            }
        }
        int close = u8(c, c.pos);
        c.pos++;
        return switch (close) {
            case CLOSE_EMPTY_ELEMENT -> new BinXmlNode.Element(name, attributes, List.of());
            case CLOSE_START_ELEMENT -> {
                List<BinXmlNode> children = new ArrayList<>(4);
                parseContent(c, children, true);
                yield new BinXmlNode.Element(name, attributes, children);
            }
            default -> throw error(c, "element <" + printable(name) + "> not closed by token 0x02 or 0x03 but 0x%02x".formatted(close));
        };
    }

    private static boolean isValuePart(int token) {
        return token == VALUE || token == CHAR_REF || token == ENTITY_REF || token == CDATA
                || token == NORMAL_SUBSTITUTION || token == OPTIONAL_SUBSTITUTION;
    }

    private BinXmlNode parseValuePart(Cursor c) {
        int token = u8(c, c.pos) & ~HAS_MORE;
        switch (token) {
            case VALUE -> {
                int type = u8(c, c.pos + 1);
                if (type != ValueTexts.STRING) throw error(c, "value token of type 0x%02x (only strings are defined)".formatted(type));
                c.pos += 2;
                return new BinXmlNode.Text(utf16(c));
            }
            case CDATA -> {
                c.pos += 1;
                return new BinXmlNode.Text(utf16(c));
            }
            case CHAR_REF -> {
                int ch = u16(c, c.pos + 1);
                c.pos += 3;
                return new BinXmlNode.Text(String.valueOf((char) ch));
            }
            case ENTITY_REF -> {
                int nameOffset = i32(c, c.pos + 1);
                c.pos += 5;
                String entity = name(c, nameOffset);
                return new BinXmlNode.Text(switch (entity) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> "&" + entity + ";";
                });
            }
            case NORMAL_SUBSTITUTION, OPTIONAL_SUBSTITUTION -> {
                int index = u16(c, c.pos + 1);
                int type = u8(c, c.pos + 3);
                c.pos += 4;
                return new BinXmlNode.Substitution(index, type, token == OPTIONAL_SUBSTITUTION);
            }
            default -> throw error(c, "token 0x%02x where a value was expected".formatted(token));
        }
    }

    /** Character count (2 bytes) then UTF-16LE text without terminator. */
    private String utf16(Cursor c) {
        int chars = u16(c, c.pos);
        c.pos += 2;
        LittleEndian.check(chunk, c.pos, 2 * chars);
        String s = new String(chunk, c.pos, 2 * chars, StandardCharsets.UTF_16LE);
        c.pos += 2 * chars;
        return s;
    }

    /**
     * A name at a chunk offset: 4 bytes (next name in the hash bucket), hash (2), character count (2), UTF-16LE
     * text and a NUL. When the offset is where we stand, the name is defined right here and we step over it.
     */
    private String name(Cursor c, int offset) {
        int chars = LittleEndian.u16(chunk, offset + 6);
        if (offset == c.pos) c.pos += 8 + 2 * chars + 2;
        String cached = names.get(offset);
        if (cached != null) return cached;
        LittleEndian.check(chunk, offset + 8, 2 * chars);
        String name = new String(chunk, offset + 8, 2 * chars, StandardCharsets.UTF_16LE);
        names.put(offset, name);
        return name;
    }

    /**
     * Token (1), unknown (1), template identifier (4), definition offset (4); the definition (next offset 4,
     * GUID 16, data size 4, fragment) follows inline when its offset is where we stand. Then the instance data:
     * value count (4), a descriptor per value (size 2, type 1, unknown 1), and the values back to back.
     */
    private BinXmlNode.TemplateInstance parseTemplateInstance(Cursor c) {
        int definitionOffset = i32(c, c.pos + 6);
        c.pos += 10;
        List<BinXmlNode> template = template(definitionOffset);
        if (definitionOffset == c.pos) c.pos += 24 + i32(c, c.pos + 20);
        int count = i32(c, c.pos);
        c.pos += 4;
        if (count < 0 || count > (c.end - c.pos) / 4) throw error(c, "template instance claims " + count + " values");
        int descriptors = c.pos;
        c.pos += 4 * count;
        BinXmlValue[] values = new BinXmlValue[count];
        for (int i = 0; i < count; i++) {
            int size = u16(c, descriptors + 4 * i);
            int type = u8(c, descriptors + 4 * i + 2);
            if (size > c.end - c.pos) throw error(c, "value " + i + " of " + size + " bytes runs past the record");
            values[i] = type == ValueTexts.BINXML && size > 0
                    ? new BinXmlValue.Xml(parseNested(c.pos, c.pos + size))
                    : ValueTexts.decode(chunk, c.pos, size, type);
            c.pos += size;
        }
        return new BinXmlNode.TemplateInstance(template, values);
    }

    private List<BinXmlNode> parseNested(int start, int end) {
        List<BinXmlNode> out = new ArrayList<>(2);
        parseContent(new Cursor(start, end), out, false);
        return out;
    }

    private List<BinXmlNode> template(int offset) {
        List<BinXmlNode> cached = templates.get(offset);
        if (cached != null) return cached;
        if (offset < EvtxChunkHeader.HEADER_SIZE || offset > chunk.length - 24) {
            throw new EvtxFormatException("template definition offset " + offset + " outside the chunk");
        }
        int size = LittleEndian.i32(chunk, offset + 20);
        if (size < 0 || size > chunk.length - offset - 24) {
            throw new EvtxFormatException("template at " + offset + " claims " + size + " bytes");
        }
        List<BinXmlNode> nodes = parseNested(offset + 24, offset + 24 + size);
        templates.put(offset, List.copyOf(nodes));
        return nodes;
    }

    private int u8(Cursor c, int at) {
        if (at >= c.end) throw error(c, "binary XML ends early");
        return chunk[at] & 0xff;
    }

    private int u16(Cursor c, int at) {
        if (at + 2 > c.end) throw error(c, "binary XML ends early");
        return LittleEndian.u16(chunk, at);
    }

    private int i32(Cursor c, int at) {
        if (at + 4 > c.end) throw error(c, "binary XML ends early");
        return LittleEndian.i32(chunk, at);
    }

    /** A name fit for a problem message: a damaged name offset can point at kilobytes of anything. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), 40));
        for (int i = 0; i < name.length() && out.length() < 40; i++) {
            char ch = name.charAt(i);
            out.append(ch >= 0x20 && ch < 0x7f ? ch : '?');
        }
        return name.length() > 40 ? out + "…" : out.toString();
    }

    private static EvtxFormatException error(Cursor c, String what) {
        return new EvtxFormatException(what + " at chunk offset " + c.pos);
    }
}
