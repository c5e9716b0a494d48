package kahu.simulate;

/**
 * One record a server's logs will hold, before it is rendered: generated per server, sorted by time,
 * then written by {@link ServerLogWriter}. {@code op} is the index of the operation (in the server's
 * list) that caused it, or -1 for benign activity.
 */
sealed interface LogRecord {
    long time();

    int op();

    /**
     * An HTTP request: a line of the front end's IIS log (W3SVC1) or the back end's (W3SVC2), and, when
     * the front-end proxy handled it, a row of the HttpProxy log of {@code proxy.protocol}.
     */
    record Web(long time, int op, boolean backend, String method, String stem, String query, String user, int clientIp,
               String userAgent, int status, int takenMs, Proxy proxy) implements LogRecord {}

    /** What the HttpProxy log adds for a proxied request. */
    record Proxy(String protocol, String anchorMailbox, String authType, String routingHint, int backendStatus, String errorCode) {}

    /** A Windows event, as Winlogbeat ships it; data are name/value pairs in order. */
    record Win(long time, int op, Channel channel, String provider, int eventId, String[] data) implements LogRecord {}

    /** A line of the ECP server log: a cmdlet an ECP session ran. */
    record Ecp(long time, int op, String user, int clientIp, String cmdlet, String parameters) implements LogRecord {}

    /** A line of the OAB generator log. */
    record Oab(long time, int op, String level, String message) implements LogRecord {}

    /** The Windows channels the simulator writes, with their file names and providers. */
    enum Channel {
        APPLICATION("Application", "Application.ndjson"),
        SECURITY("Security", "Security.ndjson"),
        SYSMON("Microsoft-Windows-Sysmon/Operational", "Sysmon.ndjson");

        final String channel, file;

        Channel(String channel, String file) {
            this.channel = channel;
            this.file = file;
        }
    }
}
