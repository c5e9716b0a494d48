package kahu.ingest.evtx;

import java.util.List;

/** Fills template substitutions with a record's values, building the {@link XmlElement} tree of one event. */
final class TemplateExpander {
    private static final BinXmlValue[] NO_VALUES = {};
    /**
     * Far above any real event (a few hundred elements), far below trouble: templates that use templates
     * twice over could otherwise expand a few bytes into billions of elements.
     */
    private static final int MAX_ELEMENTS = 100_000;

    private TemplateExpander() {}

    /** A synthetic root whose children are the record's top-level elements (normally one, {@code Event}). */
    static XmlElement expand(List<BinXmlNode> nodes) {
        XmlElement root = new XmlElement("#document");
        new TemplateExpander().expand(nodes, NO_VALUES, root, 0);
        return root;
    }

    private int elements;

    private void expand(List<BinXmlNode> nodes, BinXmlValue[] values, XmlElement parent, int depth) {
        if (depth > 64) throw new EvtxFormatException("templates nested deeper than 64");
        for (BinXmlNode node : nodes) {
            switch (node) {
                case BinXmlNode.Element e -> {
                    if (++elements > MAX_ELEMENTS) throw new EvtxFormatException("record expands to more than " + MAX_ELEMENTS + " elements");
                    XmlElement element = new XmlElement(e.name());
                    for (BinXmlNode.Attribute a : e.attributes()) attribute(a, values, element);
                    expand(e.children(), values, element, depth + 1);
                    parent.addChild(element);
                }
                case BinXmlNode.Text t -> parent.appendText(t.text());
                case BinXmlNode.Substitution s -> {
                    switch (value(values, s.index())) {
                        case BinXmlValue.Null n -> { /* nothing to write, optional or not */ }
                        case BinXmlValue.Text t -> parent.appendText(t.text());
                        case BinXmlValue.TextList l -> parent.addItems(l.items());
                        case BinXmlValue.Xml x -> expand(x.nodes(), NO_VALUES, parent, depth + 1);
                    }
                }
                case BinXmlNode.TemplateInstance ti -> expand(ti.template(), ti.values(), parent, depth + 1);
            }
        }
    }

    /** An attribute whose whole value is a null substitution is left out, as Windows renders it. */
    private static void attribute(BinXmlNode.Attribute a, BinXmlValue[] values, XmlElement element) {
        List<BinXmlNode> parts = a.value();
        if (parts.size() == 1) { // nearly always: one literal or one substitution, no builder needed
            String only = text(parts.getFirst(), values);
            if (only != null) element.addAttribute(a.name(), only);
            return;
        }
        StringBuilder text = null;
        for (BinXmlNode part : parts) {
            String piece = text(part, values);
            if (piece == null) continue;
            if (text == null) text = new StringBuilder(piece.length() + 16);
            text.append(piece);
        }
        if (text != null) element.addAttribute(a.name(), text.toString());
    }

    /** An attribute part as text, or null when it is a null (or XML) value. */
    private static String text(BinXmlNode part, BinXmlValue[] values) {
        // instanceof rather than a pattern switch: this runs for every attribute of every record
        if (part instanceof BinXmlNode.Text t) return t.text();
        if (part instanceof BinXmlNode.Substitution s) {
            BinXmlValue v = value(values, s.index());
            if (v instanceof BinXmlValue.Text t) return t.text();
            if (v instanceof BinXmlValue.TextList l) return String.join(" ", l.items());
        }
        return null;
    }

    /** A substitution beyond the instance's values renders as nothing: Windows tolerates short value arrays. */
    private static BinXmlValue value(BinXmlValue[] values, int index) {
        return index < values.length ? values[index] : BinXmlValue.Null.INSTANCE;
    }
}
