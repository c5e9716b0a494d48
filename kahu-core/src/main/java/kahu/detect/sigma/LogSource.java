package kahu.detect.sigma;

/** A rule's {@code logsource}: any part may be null. */
public record LogSource(String product, String category, String service) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (product != null) b.append("product:").append(product).append(' ');
        if (category != null) b.append("category:").append(category).append(' ');
        if (service != null) b.append("service:").append(service);
        return b.toString().trim();
    }
}
