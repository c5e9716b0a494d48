package kahu.ingest.evtx;

import java.util.List;

/** A template substitution value, already rendered as text (the flat fields need nothing else). */
sealed interface BinXmlValue {
    /** Null type or an empty value: optional substitutions with it are left out. */
    enum Null implements BinXmlValue { INSTANCE }

    record Text(String text) implements BinXmlValue {}

    /** An array value (type | 0x80): one text per element. */
    record TextList(List<String> items) implements BinXmlValue {}

    /** Nested binary XML (type 0x21), e.g. the UserData or EventData of many providers. */
    record Xml(List<BinXmlNode> nodes) implements BinXmlValue {}
}
