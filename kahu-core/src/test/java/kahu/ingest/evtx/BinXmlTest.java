package kahu.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binary XML grammar from the libevtx documentation, on hand-written bytes. */
class BinXmlTest {
    private static final int UINT16 = 0x06, STRING = 0x01, NULL = 0x00, BINXML = 0x21;

    /**
     * {@code <Event><System><EventID>{0}</EventID><Correlation ActivityID="{1}"/></System>
     * <EventData><Data Name="Image">{2}</Data><Data>a &amp; b&#65;<![CDATA[<c>]]></Data></EventData></Event>}
     */
    private static int writeEventTemplate(BinXmlWriter w) {
        int definition = w.beginDefinition();
        w.fragmentHeader();
        w.open("Event", false).closeStart();
        w.open("System", false).closeStart();
        w.open("EventID", false).closeStart().substitution(0, UINT16, false).end();
        w.open("Correlation", true).attribute("ActivityID").substitution(1, 0x0f, true).closeEmpty();
        w.end();
        w.open("EventData", false).closeStart();
        w.open("Data", true).attribute("Name").text("Image").closeStart().substitution(2, STRING, true).end();
        w.open("Data", false).closeStart().text("a ").entityRef("amp").text(" b").charRef('A').cdata("<c>").end();
        w.end();
        w.end();
        w.eof();
        w.endDefinition(definition);
        return definition;
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    @Test
    void aTemplateDefinedInlineIsFilledAndReusedByOffset() {
        BinXmlWriter w = new BinXmlWriter();
        int first = w.pos;
        w.fragmentHeader().instance(w.pos + 10); // definition offset: right after this field
        int definition = writeEventTemplate(w);
        w.values(new int[] {UINT16, NULL, STRING}, new byte[] {(byte) 0x50, 0x12}, new byte[0], utf16("cmd.exe")).eof();
        int second = w.pos;
        w.fragmentHeader().instance(definition); // a later record uses the same template
        w.values(new int[] {UINT16, NULL, NULL}, new byte[] {1, 0}, new byte[0], new byte[0]).eof();
        int endOfSecond = w.pos;

        BinXmlParser parser = new BinXmlParser(w.chunk);
        XmlElement event = TemplateExpander.expand(parser.parseRecord(first, second)).child("Event");
        assertThat(event.toXml()).isEqualTo("<Event><System><EventID>4688</EventID><Correlation/></System>"
                + "<EventData><Data Name=\"Image\">cmd.exe</Data><Data>a &amp; bA&lt;c&gt;</Data></EventData></Event>");
        Map<String, Object> fields = WindowsEventFields.of(event);
        assertThat(fields).containsEntry("EventID", 4688L).containsEntry("Image", "cmd.exe").containsEntry("Data", "a & bA<c>")
                .doesNotContainKey("ActivityID");

        XmlElement again = TemplateExpander.expand(parser.parseRecord(second, endOfSecond)).child("Event");
        assertThat(WindowsEventFields.of(again)).containsEntry("EventID", 1L).containsEntry("Image", "");
    }

    @Test
    void nestedBinaryXmlValuesBecomeElements() {
        BinXmlWriter w = new BinXmlWriter();
        int record = w.pos;
        w.fragmentHeader().instance(w.pos + 10);
        int definition = w.beginDefinition();
        w.fragmentHeader().open("Event", false).closeStart().substitution(0, BINXML, false).end().eof();
        w.endDefinition(definition);
        // Names inside a value are defined inline at their chunk offset, so write the value where it will sit:
        // after the value count and one descriptor.
        int valueStart = w.pos + 4 + 4;
        BinXmlWriter shifted = new BinXmlWriter();
        shifted.pos = valueStart;
        shifted.fragmentHeader().open("UserData", false).closeStart()
                .open("LogFileCleared", false).closeStart()
                .open("SubjectUserName", false).closeStart().text("alice").end()
                .end().end().eof();
        byte[] value = java.util.Arrays.copyOfRange(shifted.chunk, valueStart, shifted.pos);
        w.values(new int[] {BINXML}, value).eof();

        XmlElement event = TemplateExpander.expand(new BinXmlParser(w.chunk).parseRecord(record, w.pos)).child("Event");
        assertThat(WindowsEventFields.of(event)).containsEntry("SubjectUserName", "alice");
    }

    /** Twenty templates each using the next twice would expand to a million elements: refused, not attempted. */
    @Test
    void templatesThatMultiplyAreRefused() {
        BinXmlWriter w = new BinXmlWriter();
        int next = w.beginDefinition();
        w.fragmentHeader().open("Leaf", false).closeEmpty().eof();
        w.endDefinition(next);
        for (int level = 0; level < 20; level++) {
            int definition = w.beginDefinition();
            w.fragmentHeader().open("Level", false).closeStart();
            w.instance(next).values(new int[0]);
            w.instance(next).values(new int[0]);
            w.end().eof();
            w.endDefinition(definition);
            next = definition;
        }
        int record = w.pos;
        w.fragmentHeader().instance(next).values(new int[0]).eof();
        BinXmlParser parser = new BinXmlParser(w.chunk);
        var nodes = parser.parseRecord(record, w.pos);
        assertThatThrownBy(() -> TemplateExpander.expand(nodes))
                .isInstanceOf(EvtxFormatException.class).hasMessageContaining("more than 100000 elements");
    }

    @Test
    void aTemplateThatUsesItselfIsAFormatError() {
        BinXmlWriter w = new BinXmlWriter();
        int definition = w.beginDefinition();
        w.fragmentHeader().open("Loop", false).closeStart().instance(definition).values(new int[0]).end().eof();
        w.endDefinition(definition);
        int record = w.pos;
        w.fragmentHeader().instance(definition).values(new int[0]).eof();
        assertThatThrownBy(() -> new BinXmlParser(w.chunk).parseRecord(record, w.pos))
                .isInstanceOf(EvtxFormatException.class).hasMessageContaining("deeper than");
    }
}
