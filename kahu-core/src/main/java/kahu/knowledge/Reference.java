package kahu.knowledge;

/** A public document behind facts, by a short key unique within the knowledge base. */
public record Reference(String key, String title, String publisher, String date, String url) {}
