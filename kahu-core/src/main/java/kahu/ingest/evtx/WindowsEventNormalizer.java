package kahu.ingest.evtx;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The ECS-style view of a Windows event: the common names plus process fields of process-creation events. */
final class WindowsEventNormalizer {
    private static final String SYSMON = "Microsoft-Windows-Sysmon";
    private static final String SECURITY_AUDITING = "Microsoft-Windows-Security-Auditing";

    private WindowsEventNormalizer() {}

    static Map<String, Object> of(Map<String, Object> fields, Instant timestamp) {
        Map<String, Object> n = new HashMap<>(32);
        Object eventId = fields.get("EventID");
        if (eventId != null) n.put("event.code", String.valueOf(eventId));
        copy(fields, "Computer", n, "host.name");
        copy(fields, "Channel", n, "winlog.channel");
        copy(fields, "Provider_Name", n, "winlog.provider_name");
        copy(fields, "EventRecordID", n, "winlog.record_id");
        if (eventId != null) n.put("winlog.event_id", String.valueOf(eventId));
        copy(fields, "Computer", n, "winlog.computer_name");
        copy(fields, "SecurityUserID", n, "winlog.user.identifier");
        copy(fields, "ProcessID", n, "winlog.process.pid");
        copy(fields, "ThreadID", n, "winlog.process.thread.id");
        copy(fields, "ActivityID", n, "winlog.activity_id");
        if (timestamp != null) n.put("@timestamp", timestamp.toString());
        Object provider = fields.get("Provider_Name");
        long id = eventId instanceof Long l ? l : -1;
        if (SYSMON.equals(provider) && id == 1) {
            copy(fields, "CommandLine", n, "process.command_line");
            copy(fields, "Image", n, "process.executable");
            copy(fields, "ProcessId", n, "process.pid");
            copy(fields, "CurrentDirectory", n, "process.working_directory");
            copy(fields, "ParentImage", n, "process.parent.executable");
            copy(fields, "ParentCommandLine", n, "process.parent.command_line");
            copy(fields, "ParentProcessId", n, "process.parent.pid");
            copy(fields, "User", n, "user.name");
        } else if (SECURITY_AUDITING.equals(provider) && id == 4688) {
            copy(fields, "CommandLine", n, "process.command_line");
            copy(fields, "NewProcessName", n, "process.executable");
            copy(fields, "ParentProcessName", n, "process.parent.executable");
            copy(fields, "SubjectUserName", n, "user.name");
        }
        return n;
    }

    private static void copy(Map<String, Object> from, String name, Map<String, Object> to, String ecsName) {
        Object v = from.get(name);
        if (v != null) to.put(ecsName, v);
    }
}
