package kahu.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line (RFC 4180 quoting: {@code "a,b"}, {@code ""} for a quote) into a reused list.
 * A quoted field left open at the end of the line is an error: Exchange writes one record per line.
 */
final class CsvSplitter {
    private final List<String> values = new ArrayList<>(80);
    private final StringBuilder field = new StringBuilder(256);

    List<String> split(String line) throws BadRecord {
        values.clear();
        int len = line.length(), i = 0;
        while (true) {
            if (i < len && line.charAt(i) == '"') {
                field.setLength(0);
                i++;
                while (true) {
                    if (i >= len) throw new BadRecord("unterminated quoted field in column " + (values.size() + 1));
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < len && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else break;
                    } else field.append(c);
                }
                values.add(field.toString());
                if (i < len && line.charAt(i) != ',') throw new BadRecord("text after closing quote in column " + values.size());
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? len : comma;
                values.add(line.substring(i, end));
                i = end;
            }
            if (i >= len) return values;
            i++; // the comma
            if (i == len) {
                values.add("");
                return values;
            }
        }
    }
}
