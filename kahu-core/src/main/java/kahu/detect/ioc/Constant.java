package kahu.detect.ioc;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** A constant in a comparison: the literal kinds of STIX patterning. */
public sealed interface Constant {

    /** A string, with the escapes {@code \'} and {@code \\} resolved. */
    record Str(String value) implements Constant {}

    record Int(long value) implements Constant {}

    record Real(double value) implements Constant {}

    record Bool(boolean value) implements Constant {}

    /** {@code h'…'} (hex) or {@code b'…'} (base64): compared as bytes. */
    record Bytes(byte[] value) implements Constant {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && java.util.Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "h'" + HexFormat.of().formatHex(value) + "'";
        }
    }

    record Timestamp(Instant value) implements Constant {}

    /** {@code ('a', 'b')}: the right side of IN. */
    record SetOf(List<Constant> values) implements Constant {
        public SetOf {
            values = List.copyOf(values);
        }
    }
}
