package kahu.ingest.evtx;

import java.nio.charset.StandardCharsets;

/**
 * Writes binary XML into a chunk-sized buffer, for tests of grammar the sample logs do not exercise.
 * Names are always defined inline (their offset is where they stand), as Windows does on first use.
 */
final class BinXmlWriter {
    final byte[] chunk = new byte[EvtxChunkHeader.CHUNK_SIZE];
    int pos = EvtxChunkHeader.HEADER_SIZE;

    BinXmlWriter u8(int v) {
        chunk[pos++] = (byte) v;
        return this;
    }

    BinXmlWriter u16(int v) {
        return u8(v).u8(v >>> 8);
    }

    BinXmlWriter u32(long v) {
        return u16((int) v & 0xffff).u16((int) (v >>> 16) & 0xffff);
    }

    BinXmlWriter utf16(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(b, 0, chunk, pos, b.length);
        pos += b.length;
        return this;
    }

    BinXmlWriter fragmentHeader() {
        return u8(0x0f).u8(1).u8(1).u8(0);
    }

    /** The name offset (pointing just past itself) and the name structure right there. */
    BinXmlWriter inlineName(String name) {
        u32(pos + 4);
        return u32(0).u16(0).u16(name.length()).utf16(name).u16(0);
    }

    BinXmlWriter open(String name, boolean hasAttributes) {
        u8(hasAttributes ? 0x41 : 0x01).u16(0xffff).u32(0);
        inlineName(name);
        return hasAttributes ? u32(0) : this;
    }

    BinXmlWriter attribute(String name) {
        return u8(0x06).inlineName(name);
    }

    BinXmlWriter closeStart() {
        return u8(0x02);
    }

    BinXmlWriter closeEmpty() {
        return u8(0x03);
    }

    BinXmlWriter end() {
        return u8(0x04);
    }

    BinXmlWriter text(String s) {
        return u8(0x05).u8(0x01).u16(s.length()).utf16(s);
    }

    BinXmlWriter cdata(String s) {
        return u8(0x07).u16(s.length()).utf16(s);
    }

    BinXmlWriter charRef(char ch) {
        return u8(0x08).u16(ch);
    }

    BinXmlWriter entityRef(String name) {
        return u8(0x09).inlineName(name);
    }

    BinXmlWriter substitution(int index, int type, boolean optional) {
        return u8(optional ? 0x0e : 0x0d).u16(index).u8(type);
    }

    BinXmlWriter eof() {
        return u8(0x00);
    }

    /** A template definition here: next offset, GUID, data size (patched by {@link #endDefinition}), data. */
    int beginDefinition() {
        int at = pos;
        u32(0);
        pos += 16;
        u32(0);
        return at;
    }

    void endDefinition(int at) {
        int size = pos - (at + 24);
        int keep = pos;
        pos = at + 20;
        u32(size);
        pos = keep;
    }

    /** Token, unknown byte, template id, definition offset; the caller writes an inline definition next if it points here. */
    BinXmlWriter instance(int definitionOffset) {
        return u8(0x0c).u8(1).u32(0).u32(definitionOffset);
    }

    /** Instance data: count, descriptors (size, type), then the values. */
    BinXmlWriter values(int[] types, byte[]... data) {
        u32(types.length);
        for (int i = 0; i < types.length; i++) u16(data[i].length).u8(types[i]).u8(0);
        for (byte[] d : data) {
            System.arraycopy(d, 0, chunk, pos, d.length);
            pos += d.length;
        }
        return this;
    }
}
