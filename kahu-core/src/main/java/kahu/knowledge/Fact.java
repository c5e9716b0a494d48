package kahu.knowledge;

import java.util.List;

/** One sourced value: a sector, a country, a CVE, a date. {@code sources} name {@link Reference} keys. */
public record Fact(String value, List<String> sources) {
    public Fact {
        sources = List.copyOf(sources);
    }
}
