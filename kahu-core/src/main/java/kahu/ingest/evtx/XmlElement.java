package kahu.ingest.evtx;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of an expanded event (templates filled in): a small mutable tree that lives for one record.
 * An array substitution keeps its elements apart in {@link #items()} instead of joining them into text.
 */
public final class XmlElement {
    private final String name;
    private List<String> attributes; // name, value, name, value, …
    private StringBuilder text;
    private List<String> items;
    private final List<XmlElement> children = new ArrayList<>(4);

    XmlElement(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The attribute's value, or null when absent. */
    public String attribute(String attributeName) {
        if (attributes == null) return null;
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(attributeName)) return attributes.get(i + 1);
        }
        return null;
    }

    /** Attribute names and values alternating, in document order. */
    public List<String> attributes() {
        return attributes == null ? List.of() : attributes;
    }

    public String text() {
        return text == null ? "" : text.toString();
    }

    /** Array elements when an array value was substituted here, else null. */
    public List<String> items() {
        return items;
    }

    public List<XmlElement> children() {
        return children;
    }

    public XmlElement child(String childName) {
        for (XmlElement c : children) if (c.name.equals(childName)) return c;
        return null;
    }

    void addAttribute(String attributeName, String value) {
        if (attributes == null) attributes = new ArrayList<>(4);
        attributes.add(attributeName);
        attributes.add(value);
    }

    void appendText(String s) {
        if (text == null) text = new StringBuilder(s.length());
        text.append(s);
    }

    void addItems(List<String> values) {
        if (items == null) items = new ArrayList<>(values.size());
        items.addAll(values);
    }

    void addChild(XmlElement child) {
        children.add(child);
    }

    /** XML text for debugging: names and values escaped, no namespaces added or removed. */
    public String toXml() {
        StringBuilder out = new StringBuilder(1024);
        writeXml(out);
        return out.toString();
    }

    private void writeXml(StringBuilder out) {
        out.append('<').append(name);
        for (int i = 0; i < attributes().size(); i += 2) {
            out.append(' ').append(attributes.get(i)).append("=\"");
            escape(out, attributes.get(i + 1));
            out.append('"');
        }
        if (children.isEmpty() && text == null && items == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (text != null) escape(out, text);
        if (items != null) escape(out, String.join(", ", items));
        for (XmlElement c : children) c.writeXml(out);
        out.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder out, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
    }
}
