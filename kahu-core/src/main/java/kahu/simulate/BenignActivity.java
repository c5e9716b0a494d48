package kahu.simulate;

import java.util.List;
import java.util.Locale;

/**
 * What a server's logs hold when nobody attacks it: staff using OWA, Outlook (MAPI, EWS,
 * autodiscover, OAB), phones on ActiveSync, administrators in ECP and at the console, the OAB
 * generator's daily run, logons, and internet scanners that look but do not exploit.
 */
final class BenignActivity {
    private static final String[] FIRST = {"james", "olivia", "jack", "charlotte", "william", "amelia", "oliver", "isla", "noah", "harper",
            "leo", "mia", "hunter", "ava", "george", "lily", "mason", "sophie", "lucas", "ruby", "aroha", "tama", "mere", "wiremu", "ana",
            "rawiri", "priya", "wei", "min", "sione", "losa", "talia"};
    private static final String[] LAST = {"smith", "wilson", "williams", "brown", "taylor", "jones", "singh", "ngata", "walker", "harris",
            "thompson", "martin", "anderson", "white", "clark", "young", "king", "wright", "patel", "li", "chen", "kumar", "parata",
            "nguyen", "tupou", "campbell"};
    private static final String[] OUTLOOK = {
            "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13628; Pro)",
            "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13801; Pro)",
            "Microsoft Office/15.0 (Windows NT 6.1; Microsoft Outlook 15.0.5319; Pro)"};
    private static final String[] BROWSERS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/88.0.4324.182 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:86.0) Gecko/20100101 Firefox/86.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/88.0.4324.190 Safari/537.36 Edg/88.0.705.81",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 11_2_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.0.3 Safari/605.1.15"};
    private static final String[] PHONES = {"Apple-iPhone12C1/1805.114", "Apple-iPhone11C8/1804.3", "Android-Mail/2021.02.14.357977862.Release",
            "Outlook-iOS/723.4027091.prod.iphone (4.2105.0)", "Outlook-Android/2.0"};
    private static final String[] DEVICE_TYPES = {"iPhone", "iPhone", "Android", "Outlook"};
    private static final String[] SCANNER_AGENTS = {"Mozilla/5.0 zgrab/0.x", "Mozilla/5.0 (compatible; scanner; +https://scanner.example/about)",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/78.0.3904.108 Safari/537.36"};
    private static final String[] ADMIN_COMMANDS = {
            "powershell.exe -NoExit -Command \". 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\RemoteExchange.ps1'; Connect-ExchangeServer -auto -ClientApplication:ManagementShell \"",
            "C:\\Windows\\System32\\inetsrv\\appcmd.exe list apppool",
            "C:\\Windows\\System32\\mmc.exe C:\\Windows\\system32\\services.msc",
            "C:\\Windows\\System32\\gpupdate.exe /force",
            "C:\\Windows\\System32\\eventvwr.exe",
            "C:\\Windows\\System32\\ipconfig.exe /flushdns",
            "C:\\Windows\\System32\\net.exe start MSExchangeTransport",
            "\"C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\ExchangeSetup\\ExSetup.exe\" /?"};
    private static final String[] ECP_CMDLETS = {"Get-Mailbox", "Get-MailboxStatistics", "Set-Mailbox", "Get-DistributionGroup", "Get-MessageTrackingLog",
            "Get-OwaVirtualDirectory"};

    private final Scenario scenario;
    private final Organisation org;
    private final Organisation.Host host;
    private final Rng r;
    private final long start, days;

    BenignActivity(Scenario scenario, Organisation org, Organisation.Host host, Rng r) {
        this.scenario = scenario;
        this.org = org;
        this.host = host;
        this.r = r;
        this.start = scenario.start().toEpochDay() * Times.DAY;
        this.days = scenario.end().toEpochDay() - scenario.start().toEpochDay();
    }

    static String user(Organisation org, int i) {
        return FIRST[Math.floorMod(i * 7 + org.index(), FIRST.length)] + "." + LAST[Math.floorMod(i * 13 + org.index() * 3, LAST.length)]
                + (i >= FIRST.length ? Integer.toString(i / FIRST.length) : "");
    }

    /** A time in the constituency's working hours (weekdays, 8:00–18:00 local), as UTC millis. */
    private long workingTime() {
        long day = 1 + r.nextLong(days - 1); // from the second day: local mornings of the first fall before the period in UTC
        long dow = Math.floorMod(day + scenario.start().getDayOfWeek().getValue() - 1, 7); // 0 = Monday
        if (dow >= 5 && r.chance(0.8)) day = Math.max(1, day - (dow - 4)); // most weekend use moves to Friday
        long local = start + day * Times.DAY + 8 * Times.HOUR + r.nextLong(10 * Times.HOUR);
        return local - scenario.benign().localOffsetMinutes() * Times.MINUTE;
    }

    private long anyTime() {
        return start + r.nextLong(days * Times.DAY);
    }

    void generate(List<LogRecord> out) {
        Scenario.Benign b = scenario.benign();
        String fqdn = host.name().toLowerCase(Locale.ROOT);
        int requests = r.poisson(b.requestsPerServerPerDay() * days);
        for (int i = 0; i < requests; i++) request(out, workingTime(), fqdn);
        int weeks = (int) Math.max(1, days / 7);
        int scans = r.poisson(b.scannerProbesPerServerPerWeek() * weeks);
        for (int i = 0; i < scans && !b.scanners().isEmpty(); i++) scan(out, anyTime());
        int admin = r.poisson(b.adminCommandsPerServerPerWeek() * weeks);
        for (int i = 0; i < admin; i++) {
            String cmd = r.pick(ADMIN_COMMANDS);
            out.add(WindowsEvents.process(workingTime(), -1, r, cmd, org.netbios() + "\\exadmin", "C:\\Windows\\explorer.exe",
                    "C:\\Windows\\Explorer.EXE", 3000 + r.nextInt(4000), 1000 + r.nextInt(60000)));
        }
        // The sample keeps some of each day's routine records: the OAB generator's nightly run (~03:00 local),
        // an Exchange service's Application-log entry, a network logon.
        for (int d = 0; d < days; d++) {
            long t = start + d * Times.DAY + (int) (r.nextDouble() * Times.HOUR) + 14 * Times.HOUR;
            if (r.chance(b.routinePerDay()[0])) out.add(new LogRecord.Oab(t, -1, "Information", "OABGen completed generation of offline address book '\\Default Offline Address Book'; "
                    + "files written to C:\\Program Files\\Microsoft\\Exchange Server\\V15\\ClientAccess\\OAB\\" + r.uuid()));
            if (r.chance(b.routinePerDay()[1])) out.add(WindowsEvents.application(t + 600_000, "MSExchange ADAccess", 2080,
                    "Process MSExchangeHMWorker.exe (PID=" + (2000 + r.nextInt(6000)) + "). Exchange Active Directory Provider has discovered the following servers."));
            if (r.chance(b.routinePerDay()[2])) out.add(WindowsEvents.logon(workingTime(), -1, org, user(org, r.nextInt(org.users())), 3, internalClient()));
        }
    }

    private int internalClient() {
        return org.internal() + 20 + r.nextInt(200);
    }

    private int carrierClient() {
        if (scenario.benign().carriers().isEmpty()) return internalClient();
        Scenario.AddressPool pool = r.pick(scenario.benign().carriers());
        return Addresses.parsePrefix(r.pick(pool.prefixes())).at(r.nextInt(1 << 16));
    }

    private void request(List<LogRecord> out, long t, String fqdn) {
        int u = r.nextInt(org.users());
        String user = user(org, u), account = org.netbios() + "\\" + user, smtp = user + "@" + org.domain();
        String sid = "Sid~S-1-5-21-" + (1000000000L + Math.floorMod(Rng.hash(org.id()), 900000000L)) + "-1105" + u;
        int kind = r.weighted(new double[] {25, 15, 20, 20, 12, 3, 5});
        String cafe = "&CorrelationID=<empty>;&cafeReqId=" + r.uuid() + ";";
        int taken = 15 + r.nextInt(400);
        switch (kind) {
            case 0 -> out.add(new LogRecord.Web(t, -1, false, "GET", "/owa/", cafe, account, r.chance(0.6) ? internalClient() : carrierClient(),
                    r.pick(BROWSERS), 200, taken, new LogRecord.Proxy("Owa", sid, "Cookie", "OwaEcpUpnAnchorMailbox", 200, null)));
            case 1 -> out.add(new LogRecord.Web(t, -1, false, "POST", "/EWS/Exchange.asmx", cafe, account, internalClient(), r.pick(OUTLOOK), 200,
                    taken, new LogRecord.Proxy("Ews", sid, "NTLM", "WindowsIdentity", 200, null)));
            case 2 -> {
                String device = r.pick(DEVICE_TYPES);
                out.add(new LogRecord.Web(t, -1, false, "POST", "/Microsoft-Server-ActiveSync/default.eas",
                        "Cmd=Sync&User=" + user + "&DeviceId=" + r.letters(16).toUpperCase(Locale.ROOT) + "&DeviceType=" + device, account,
                        carrierClient(), r.pick(PHONES), 200, taken + 1000, new LogRecord.Proxy("Eas", "SMTP:" + smtp, "Basic", "ExplicitLogon-SMTP", 200, null)));
            }
            case 3 -> out.add(new LogRecord.Web(t, -1, false, "POST", "/mapi/emsmdb/", "MailboxId=" + r.uuid() + "@" + org.domain() + cafe, account,
                    internalClient(), r.pick(OUTLOOK), 200, taken, new LogRecord.Proxy("Mapi", "MailboxGuidWithDomain~" + r.uuid() + "@" + org.domain(),
                    "Negotiate", "MailboxGuidWithDomain", 200, null)));
            case 4 -> out.add(new LogRecord.Web(t, -1, false, "POST", "/Autodiscover/Autodiscover.xml", cafe, account, internalClient(), r.pick(OUTLOOK),
                    200, taken, new LogRecord.Proxy("Autodiscover", "SMTP:" + smtp, "NTLM", "AutodiscoverRequest", 200, null)));
            case 5 -> {
                String admin = org.netbios() + "\\exadmin";
                int ip = internalClient();
                out.add(new LogRecord.Web(t, -1, false, "GET", "/ecp/", cafe, admin, ip, r.pick(BROWSERS), 200, taken,
                        new LogRecord.Proxy("Ecp", "Sid~S-1-5-21-1-500", "Cookie", "OwaEcpUpnAnchorMailbox", 200, null)));
                String cmdlet = r.pick(ECP_CMDLETS);
                out.add(new LogRecord.Ecp(t + 2000, -1, admin, ip, cmdlet, cmdlet.startsWith("Get-MessageTrackingLog") ? "-Sender " + smtp
                        : "-Identity '" + smtp + "'"));
            }
            default -> out.add(new LogRecord.Web(t, -1, false, "GET", "/OAB/" + r.uuid() + "/oab.xml", null, account, internalClient(),
                    r.pick(OUTLOOK), 200, taken, new LogRecord.Proxy("Oab", sid, "NTLM", "OABRouting", 200, null)));
        }
    }

    private void scan(List<LogRecord> out, long t) {
        Scenario.AddressPool pool = r.pick(scenario.benign().scanners());
        Addresses.Prefix p = Addresses.parsePrefix(r.pick(pool.prefixes()));
        int ip = p.at(r.nextInt(p.size()));
        String agent = r.pick(SCANNER_AGENTS);
        if ("vulnerability-check".equals(pool.kind())) {
            // A ProxyLogon check that asks for a missing script with a back-end cookie pointing at localhost:
            // it learns whether the server is patched and writes nothing (the HttpProxy log shows ServerInfo~localhost).
            out.add(new LogRecord.Web(t, -1, false, "GET", "/owa/auth/" + r.letters(1) + ".js", null, null, ip, agent, 404, 12,
                    new LogRecord.Proxy("Owa", "ServerInfo~localhost/owa/auth/logon.aspx?#", null, "X-BEResourceCookie", 404, null)));
        } else {
            out.add(new LogRecord.Web(t, -1, false, "GET", "/", null, null, ip, agent, 200, 3, null));
            out.add(new LogRecord.Web(t + 1200, -1, false, "GET", "/owa/auth/logon.aspx", "replaceCurrent=1&url=https%3a%2f%2f" + host.ipText()
                    + "%2fowa%2f", null, ip, agent, 200, 9, null));
        }
    }
}
