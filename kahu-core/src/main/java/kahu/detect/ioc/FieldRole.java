package kahu.detect.ioc;

/**
 * What kind of indicator value an event field can hold, so that {@link EventIndicators} looks each field up
 * in the right table only (see {@link EventObjects#indicatorFields()} for which fields have which role).
 */
enum FieldRole {
    /** an IPv4 or IPv6 address */
    ADDRESS,
    DOMAIN,
    URL,
    EMAIL,
    /** a file name without directory */
    FILE_NAME,
    /** a full path: looked up as a path and by its last component as a file name */
    FILE_PATH,
    /** one MD5, SHA-1 or SHA-256, told apart by length */
    HASH,
    /** Sysmon's {@code Hashes}: {@code SHA256=…,MD5=…} */
    HASH_LIST,
    /** feeds no indicator look-up (remembered, so that a log's field name is resolved once) */
    NONE
}
