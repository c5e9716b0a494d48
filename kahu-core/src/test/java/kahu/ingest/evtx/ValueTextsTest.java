package kahu.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed values as the libevtx documentation defines them, rendered as the Sigma regression JSON shows them. */
class ValueTextsTest {
    private static String text(byte[] b, int type) {
        return ((BinXmlValue.Text) ValueTexts.decode(b, 0, b.length, type)).text();
    }

    private static byte[] le(int bytes, long v) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v);
        return java.util.Arrays.copyOf(b.array(), bytes);
    }

    @Test
    void integersSignedUnsignedAndHex() {
        assertThat(text(le(1, 0xff), ValueTexts.INT8)).isEqualTo("-1");
        assertThat(text(le(1, 0xff), ValueTexts.UINT8)).isEqualTo("255");
        assertThat(text(le(2, 0xfffe), ValueTexts.INT16)).isEqualTo("-2");
        assertThat(text(le(4, 0xffffffffL), ValueTexts.UINT32)).isEqualTo("4294967295");
        assertThat(text(le(8, -1), ValueTexts.UINT64)).isEqualTo("18446744073709551615");
        assertThat(text(le(8, 0x8000000000000000L), ValueTexts.HEX_INT64)).isEqualTo("0x8000000000000000");
        assertThat(text(le(4, 0x3e7), ValueTexts.HEX_INT32)).isEqualTo("0x3e7");
        assertThat(text(le(8, 0x40c6511), ValueTexts.SIZE_T)).isEqualTo("0x40c6511");
        assertThat(text(le(4, 1), ValueTexts.BOOL)).isEqualTo("true");
    }

    @Test
    void stringsLoseTrailingNulsAndBlanks() {
        byte[] s = "cmd.exe\" \0".getBytes(StandardCharsets.UTF_16LE);
        assertThat(text(s, ValueTexts.STRING)).isEqualTo("cmd.exe\"");
        assertThat(text("abc\0".getBytes(StandardCharsets.ISO_8859_1), ValueTexts.ANSI_STRING)).isEqualTo("abc");
    }

    @Test
    void guidSidFiletimeAndBinary() {
        byte[] guid = HexFormat.of().parseHex("5f387057" + "2ac2" + "e043" + "bf4c06f5698ffbd9");
        assertThat(text(guid, ValueTexts.GUID)).isEqualTo("5770385F-C22A-43E0-BF4C-06F5698FFBD9");
        byte[] localSystem = HexFormat.of().parseHex("010100000000000512000000");
        assertThat(text(localSystem, ValueTexts.SID)).isEqualTo("S-1-5-18");
        byte[] domainUser = HexFormat.of().parseHex("010500000000000515000000" + "b0a9691218ccca1d6acc2fc7" + "f4010000");
        assertThat(text(domainUser, ValueTexts.SID)).startsWith("S-1-5-21-").endsWith("-500");
        // 2019-05-16T13:10:13.7609160Z as 100 ns ticks since 1601
        long ticks = (java.time.Instant.parse("2019-05-16T13:10:13.760916Z").getEpochSecond() + 11_644_473_600L) * 10_000_000L + 7_609_160L;
        assertThat(text(le(8, ticks), ValueTexts.FILETIME)).isEqualTo("2019-05-16T13:10:13.760916Z");
        assertThat(text(new byte[] {0x0a, (byte) 0xbc}, ValueTexts.BINARY)).isEqualTo("0ABC");
    }

    @Test
    void arraysKeepTheirElementsApart() {
        byte[] strings = "a\0\0b\0".getBytes(StandardCharsets.UTF_16LE);
        assertThat(((BinXmlValue.TextList) ValueTexts.decode(strings, 0, strings.length, 0x81)).items())
                .isEqualTo(List.of("a", "", "b"));
        byte[] ints = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(7).putInt(-1).array();
        assertThat(((BinXmlValue.TextList) ValueTexts.decode(ints, 0, 8, 0x87)).items()).isEqualTo(List.of("7", "-1"));
    }

    @Test
    void emptyAndNullValuesAreNull() {
        assertThat(ValueTexts.decode(new byte[4], 0, 0, ValueTexts.STRING)).isSameAs(BinXmlValue.Null.INSTANCE);
        assertThat(ValueTexts.decode(new byte[4], 0, 4, ValueTexts.NULL)).isSameAs(BinXmlValue.Null.INSTANCE);
    }

    @Test
    void aShortSidOrAValueBeyondTheDataIsAFormatError() {
        assertThatThrownBy(() -> ValueTexts.decode(new byte[4], 0, 4, ValueTexts.SID)).isInstanceOf(EvtxFormatException.class);
        assertThatThrownBy(() -> ValueTexts.decode(new byte[4], 2, 8, ValueTexts.UINT64)).isInstanceOf(EvtxFormatException.class);
    }
}
