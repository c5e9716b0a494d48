package kahu.knowledge;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** ISO 3166-1 alpha-2 codes from English country names, as the JDK knows them. */
public final class Countries {
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            BY_NAME.put(Names.key(name), code);
            BY_NAME.put(Names.key(code), code);
        }
        // Common names that differ from the JDK's.
        BY_NAME.put("usa", "US");
        BY_NAME.put("unitedstatesofamerica", "US");
        BY_NAME.put("uk", "GB");
        BY_NAME.put("southkorea", "KR");
        BY_NAME.put("northkorea", "KP");
        BY_NAME.put("russia", "RU");
        BY_NAME.put("iran", "IR");
        BY_NAME.put("vietnam", "VN");
        BY_NAME.put("taiwan", "TW");
        BY_NAME.put("syria", "SY");
    }

    private Countries() {}

    /** The code for a name ("United States", "The Philippines", "CN"), or null. */
    public static String codeOf(String name) {
        String n = name.strip();
        if (n.regionMatches(true, 0, "the ", 0, 4)) n = n.substring(4);
        return BY_NAME.get(Names.key(n));
    }

    /** The English name for a code, e.g. CN → China. */
    public static String nameOf(String code) {
        return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
