package kahu.simulate;

import java.util.List;
import java.util.Locale;

/**
 * Builds the Windows events the simulator writes, with the EventData names Sysmon and the Security
 * log use (Sysinternals Sysmon documentation; Microsoft's Security auditing event pages).
 */
final class WindowsEvents {
    private WindowsEvents() {}

    static final String SYSMON = "Microsoft-Windows-Sysmon", SECURITY = "Microsoft-Windows-Security-Auditing";
    static final String W3WP = "c:\\windows\\system32\\inetsrv\\w3wp.exe";
    static final String CMD = "C:\\Windows\\System32\\cmd.exe";

    /** The image a command line starts: its first token, resolved under System32 when it is a bare name. */
    static String image(String commandLine) {
        String c = commandLine.trim();
        String first;
        if (c.startsWith("\"")) {
            int end = c.indexOf('"', 1);
            first = end < 0 ? c.substring(1) : c.substring(1, end);
        } else {
            int sp = c.indexOf(' ');
            first = sp < 0 ? c : c.substring(0, sp);
        }
        if (first.indexOf('\\') >= 0) return first;
        String name = first.toLowerCase(Locale.ROOT).endsWith(".exe") ? first : first + ".exe";
        if (name.equalsIgnoreCase("powershell.exe")) return "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
        return "C:\\Windows\\System32\\" + name;
    }

    static String utcTime(long t) {
        StringBuilder sb = new StringBuilder(23);
        Times.iis(sb, t);
        int ms = (int) Math.floorMod(t, 1000L);
        return sb.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10)).toString();
    }

    static String guid(Rng r) {
        return "{" + r.uuid().toUpperCase(Locale.ROOT) + "}";
    }

    /** Sysmon 1, process creation. */
    static LogRecord.Win process(long t, int op, Rng r, String commandLine, String user, String parentImage, String parentCommandLine,
                                 int parentPid, int pid) {
        String image = image(commandLine);
        return new LogRecord.Win(t, op, LogRecord.Channel.SYSMON, SYSMON, 1, new String[] {
                "RuleName", "-", "UtcTime", utcTime(t), "ProcessGuid", guid(r), "ProcessId", Integer.toString(pid), "Image", image,
                "CommandLine", commandLine, "CurrentDirectory", "C:\\Windows\\system32\\", "User", user, "LogonId", "0x3e7",
                "IntegrityLevel", user.startsWith("NT AUTHORITY") ? "System" : "High", "ParentProcessGuid", guid(r),
                "ParentProcessId", Integer.toString(parentPid), "ParentImage", parentImage, "ParentCommandLine", parentCommandLine});
    }

    /** Sysmon 11, file created. */
    static LogRecord.Win fileCreate(long t, int op, Rng r, String image, int pid, String target) {
        return new LogRecord.Win(t, op, LogRecord.Channel.SYSMON, SYSMON, 11, new String[] {
                "RuleName", "-", "UtcTime", utcTime(t), "ProcessGuid", guid(r), "ProcessId", Integer.toString(pid), "Image", image,
                "TargetFilename", target, "CreationUtcTime", utcTime(t)});
    }

    /** Sysmon 22, DNS query. */
    static LogRecord.Win dnsQuery(long t, int op, Rng r, String image, int pid, String name) {
        return new LogRecord.Win(t, op, LogRecord.Channel.SYSMON, SYSMON, 22, new String[] {
                "RuleName", "-", "UtcTime", utcTime(t), "ProcessGuid", guid(r), "ProcessId", Integer.toString(pid), "QueryName", name,
                "QueryStatus", "0", "QueryResults", "::ffff:" + Addresses.text(0x5F000000 | r.nextInt(1 << 24)) + ";", "Image", image});
    }

    /** Security 4720, a user account was created. */
    static LogRecord.Win accountCreated(long t, int op, Organisation org, Organisation.Host host, String account) {
        return new LogRecord.Win(t, op, LogRecord.Channel.SECURITY, SECURITY, 4720, new String[] {
                "TargetUserName", account, "TargetDomainName", host.shortName(), "SubjectUserName", host.shortName() + "$",
                "SubjectDomainName", org.netbios(), "SubjectLogonId", "0x3e7", "SamAccountName", account, "DisplayName", "%%1793",
                "PrivilegeList", "-"});
    }

    /** Security 4624, an account logged on. */
    static LogRecord.Win logon(long t, int op, Organisation org, String user, int logonType, int fromIp) {
        return new LogRecord.Win(t, op, LogRecord.Channel.SECURITY, SECURITY, 4624, new String[] {
                "SubjectUserSid", "S-1-0-0", "TargetUserName", user, "TargetDomainName", org.netbios(), "LogonType", Integer.toString(logonType),
                "LogonProcessName", logonType == 3 ? "NtLmSsp" : "User32", "AuthenticationPackageName", logonType == 3 ? "NTLM" : "Negotiate",
                "WorkstationName", "-", "IpAddress", Addresses.text(fromIp), "IpPort", "0"});
    }

    /** An Application-log event of an Exchange service, with its text as the single data item. */
    static LogRecord.Win application(long t, String provider, int eventId, String text) {
        return new LogRecord.Win(t, -1, LogRecord.Channel.APPLICATION, provider, eventId, new String[] {"param1", text});
    }

    static final List<String> POOLS = List.of("MSExchangeOWAAppPool", "MSExchangeECPAppPool", "MSExchangeServicesAppPool");

    static String w3wpCommandLine(String pool) {
        return W3WP + " -ap \"" + pool + "\" -v \"v4.0\" -c \"C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\GenericAppPoolConfigWithGCServerEnabledFalse.config\" -a \\\\.\\pipe\\iisipm -h \"C:\\inetpub\\temp\\apppools\\" + pool + "\\" + pool + ".config\" -w \"\" -m 0";
    }
}
