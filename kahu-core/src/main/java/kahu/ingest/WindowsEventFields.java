package kahu.ingest;

import java.util.Map;

/**
 * Windows events exported as JSON in the XML's own shape ({@code {"Event":{"System":{…},"EventData":{…}}}}, as
 * python-evtx and Sigma's regression data write them; attributes under {@code #attributes}, text under
 * {@code #text}). After flattening, the System values and every {@code EventData}/{@code UserData} item are also
 * exposed under the names Sigma's Windows rules use: {@code EventID}, {@code Channel}, {@code Computer},
 * {@code Provider_Name}, {@code EventRecordID}, {@code Image}, {@code CommandLine}, …
 */
final class WindowsEventFields {
    static final String FORMAT = "windows-json";
    private static final String SYSTEM = "Event.System.";
    private static final String DATA = "Event.EventData.";
    private static final String USER_DATA = "Event.UserData.";

    private WindowsEventFields() {}

    static boolean isWindowsEvent(Map<String, Object> fields) {
        return fields.containsKey("Event.System.EventID") || fields.containsKey("Event.System.EventID.#text");
    }

    /** Adds the short names; the flattened originals stay. Returns the event's time text, or null. */
    static String expose(Map<String, Object> fields) {
        Object id = fields.getOrDefault(SYSTEM + "EventID", fields.get(SYSTEM + "EventID.#text"));
        if (id != null) {
            Long n = id instanceof Long l ? l : Normalized.asLong(String.valueOf(id));
            fields.putIfAbsent("EventID", n != null ? n : id);
        }
        copy(fields, SYSTEM + "Channel", "Channel");
        copy(fields, SYSTEM + "Computer", "Computer");
        copy(fields, SYSTEM + "Provider.#attributes.Name", "Provider_Name");
        copy(fields, SYSTEM + "EventRecordID", "EventRecordID");
        copy(fields, SYSTEM + "Level", "Level");
        copy(fields, SYSTEM + "Task", "Task");
        copy(fields, SYSTEM + "Keywords", "Keywords");
        copy(fields, SYSTEM + "Security.#attributes.UserID", "UserID");
        for (Object key : fields.keySet().toArray()) {
            String k = (String) key;
            String shortName = null;
            if (k.startsWith(DATA)) shortName = k.substring(DATA.length());
            else if (k.startsWith(USER_DATA)) { // UserData holds one element named by the provider: skip that level
                int dot = k.indexOf('.', USER_DATA.length());
                if (dot > 0) shortName = k.substring(dot + 1);
            }
            if (shortName != null && !shortName.isEmpty() && !shortName.startsWith("#")) fields.putIfAbsent(shortName, fields.get(k));
        }
        return fields.get(SYSTEM + "TimeCreated.#attributes.SystemTime") instanceof String s ? s : null;
    }

    private static void copy(Map<String, Object> fields, String from, String to) {
        Object v = fields.get(from);
        if (v != null) fields.putIfAbsent(to, v);
    }
}
