package kahu.ingest;

/** A record that cannot be parsed; its message becomes the {@link ReadProblem} reason. Cheap: no stack trace. */
final class BadRecord extends Exception {
    BadRecord(String reason) {
        super(reason, null, false, false);
    }
}
