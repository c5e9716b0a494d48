package kahu.ingest.evtx;

import java.util.List;

/** Fills template substitutions with a record's values, building the {@link XmlElement} tree of one event. */
final class TemplateExpander {
    private static final BinXmlValue[] NO_VALUES = {};

    private TemplateExpander() {}

    /** A synthetic root whose children are the record's top-level elements (normally one, {@code Event}). */
    static XmlElement expand(List<BinXmlNode> nodes) {
        XmlElement root = new XmlElement("#document");
        expand(nodes, NO_VALUES, root, 0);
        return root;
    }

    private static void expand(List<BinXmlNode> nodes, BinXmlValue[] values, XmlElement parent, int depth) {
        if (depth > 64) throw new EvtxFormatException("templates nested deeper than 64");
        for (BinXmlNode node : nodes) {
            switch (node) {
                case BinXmlNode.Element e -> {
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
        StringBuilder text = null;
        for (BinXmlNode part : a.value()) {
            String piece = switch (part) {
                case BinXmlNode.Text t -> t.text();
                case BinXmlNode.Substitution s -> switch (value(values, s.index())) {
                    case BinXmlValue.Text t -> t.text();
                    case BinXmlValue.TextList l -> String.join(" ", l.items());
                    case BinXmlValue.Null n -> null;
                    case BinXmlValue.Xml x -> null;
                };
                default -> null;
            };
            if (piece == null) continue;
            if (text == null) text = new StringBuilder(piece.length());
            text.append(piece);
        }
        if (text != null) element.addAttribute(a.name(), text.toString());
    }

    /** A substitution beyond the instance's values renders as nothing: Windows tolerates short value arrays. */
    private static BinXmlValue value(BinXmlValue[] values, int index) {
        return index < values.length ? values[index] : BinXmlValue.Null.INSTANCE;
    }
}
