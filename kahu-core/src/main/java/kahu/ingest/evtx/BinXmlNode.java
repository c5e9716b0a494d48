package kahu.ingest.evtx;

import java.util.List;

/**
 * Parsed binary XML, before template values are filled in. A template definition is parsed once per
 * chunk into these nodes and then expanded for every record that uses it.
 */
sealed interface BinXmlNode {
    /** An element; its attributes' values are {@link Text} and {@link Substitution} parts. */
    record Element(String name, List<Attribute> attributes, List<BinXmlNode> children) implements BinXmlNode {}

    record Attribute(String name, List<BinXmlNode> value) {}

    /** Literal character data: value text, CDATA, and resolved character or entity references. */
    record Text(String text) implements BinXmlNode {}

    /** A placeholder for value {@code index} of the template instance; optional ones vanish when the value is null. */
    record Substitution(int index, int type, boolean optional) implements BinXmlNode {}

    /** A use of a template with this record's values. */
    record TemplateInstance(List<BinXmlNode> template, BinXmlValue[] values) implements BinXmlNode {}
}
