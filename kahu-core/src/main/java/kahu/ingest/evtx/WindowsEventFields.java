package kahu.ingest.evtx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens an expanded Windows event into the field names Sigma uses: System values by element name with
 * attributes as {@code Provider_Name}, {@code ProcessID}, {@code SecurityUserID}…; each EventData
 * {@code <Data Name="X">} as {@code X} (unnamed ones as {@code Data}); UserData and other sections by leaf
 * element name. A name seen twice in event data becomes a list; where event data and System share a name
 * (a PowerShell event's EventData {@code Version} and System's {@code Version}), the event data wins, because
 * that is what Sigma rules on such a field mean.
 */
final class WindowsEventFields {
    private WindowsEventFields() {}

    static Map<String, Object> of(XmlElement event) {
        Map<String, Object> fields = new LinkedHashMap<>(64);
        Map<String, Object> data = new LinkedHashMap<>(32);
        for (XmlElement section : event.children()) {
            switch (section.name()) {
                case "System" -> system(section, fields);
                case "EventData" -> eventData(section, data);
                default -> leaves(section, data); // UserData, ProcessingErrorData, DebugData, RenderingInfo
            }
        }
        fields.putAll(data);
        return fields;
    }

    private static void system(XmlElement system, Map<String, Object> fields) {
        for (XmlElement e : system.children()) {
            String name = e.name();
            if (name.equals("EventID")) {
                put(fields, "EventID", number(e.text()));
                String qualifiers = e.attribute("Qualifiers");
                if (qualifiers != null) put(fields, "Qualifiers", qualifiers);
                continue;
            }
            if (!e.text().isEmpty() || e.items() != null) put(fields, name, value(e));
            List<String> attributes = e.attributes();
            for (int i = 0; i < attributes.size(); i += 2) {
                put(fields, systemAttributeField(name, attributes.get(i)), attributes.get(i + 1));
            }
        }
    }

    /** The names Sigma's Windows field mappings use for the attributes of System elements. */
    private static String systemAttributeField(String element, String attribute) {
        return switch (element + "@" + attribute) {
            case "TimeCreated@SystemTime" -> "TimeCreated";
            case "Execution@ProcessID" -> "ProcessID";
            case "Execution@ThreadID" -> "ThreadID";
            case "Security@UserID" -> "SecurityUserID";
            case "Correlation@ActivityID" -> "ActivityID";
            case "Correlation@RelatedActivityID" -> "RelatedActivityID";
            default -> element + "_" + attribute;
        };
    }

    private static void eventData(XmlElement eventData, Map<String, Object> fields) {
        for (XmlElement e : eventData.children()) {
            String dataName = e.name().equals("Data") ? e.attribute("Name") : null;
            if (dataName != null) put(fields, dataName, value(e));
            else if (e.children().isEmpty()) put(fields, e.name(), value(e));
            else leaves(e, fields);
        }
    }

    private static void leaves(XmlElement element, Map<String, Object> fields) {
        for (XmlElement e : element.children()) {
            if (e.children().isEmpty()) put(fields, e.name(), value(e));
            else leaves(e, fields);
        }
    }

    private static Object value(XmlElement e) {
        List<String> items = e.items();
        if (items == null) return e.text();
        if (!e.text().isEmpty()) {
            List<String> all = new ArrayList<>(items);
            all.addFirst(e.text());
            return List.copyOf(all);
        }
        return items.size() == 1 ? items.getFirst() : List.copyOf(items);
    }

    private static Object number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return text;
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> fields, String name, Object value) {
        Object old = fields.putIfAbsent(name, value);
        if (old == null) return;
        List<String> merged = new ArrayList<>();
        if (old instanceof List<?> l) merged.addAll((List<String>) l); else merged.add(String.valueOf(old));
        if (value instanceof List<?> l) merged.addAll((List<String>) l); else merged.add(String.valueOf(value));
        fields.put(name, List.copyOf(merged));
    }
}
