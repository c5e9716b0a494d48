package kahu.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kahu.ingest.Event;
import kahu.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The reader's API: fields, the normalised view, the stream variant and the debugging XML. */
class EvtxReaderTest {
    private static final Path SYSMON_PROCESS_CREATION = SharedData.root().resolve(
            "sigma/regression_data/rules-emerging-threats/2026/Exploits/CVE-2026-33829/proc_creation_win_exploit_cve_2026_33829/7c3a5b1d-9e2f-4a8c-b5d7-1e0f3c6a9b2d.evtx");
    private static final Path WMI_USER_DATA = SharedData.root().resolve(
            "sigma/regression_data/rules/windows/builtin/wmi/win_wmi_activity_nteventlogfile_cleareventlog/d4f1a2b3-7c8e-4d5f-b6a9-1e0c2d3f4e5b.evtx");
    private static final Path EMOTET_POWERSHELL_800 = SharedData.root().resolve(
            "attack-datasets/evtx-attack-samples/Other/emotet/exec_emotet_ps_800_new-item.evtx");

    private static List<Event> read(Path file) {
        List<Event> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        EvtxReader.read(file, events::add, problems::add);
        assertThat(problems).isEmpty();
        return events;
    }

    @Test
    void sysmonProcessCreationHasSigmaFieldsAndEcsProcessFields() {
        Event e = read(SYSMON_PROCESS_CREATION).getFirst();
        assertThat(e.format()).isEqualTo("evtx");
        assertThat(e.record()).isEqualTo(86918); // EventRecordID; this exported file's record header says 1
        assertThat(e.fields()).containsEntry("EventID", 1L)
                .containsEntry("EventRecordID", "86918")
                .containsEntry("Provider_Name", "Microsoft-Windows-Sysmon")
                .containsEntry("Provider_Guid", "5770385F-C22A-43E0-BF4C-06F5698FFBD9")
                .containsEntry("Channel", "Microsoft-Windows-Sysmon/Operational")
                .containsEntry("Computer", "swachchhanda")
                .containsEntry("Level", "4")
                .containsEntry("Keywords", "0x8000000000000000")
                .containsEntry("ProcessID", "3208")
                .containsEntry("ThreadID", "1724")
                .containsEntry("SecurityUserID", "S-1-5-18")
                .containsEntry("TimeCreated", "2026-04-20T10:00:35.646624Z")
                .containsEntry("LogonId", "0x33e8d150")
                .containsEntry("ProcessGuid", "0197231E-F943-69E5-A527-000000000800");
        assertThat(e.text("commandline")).contains("SnippingTool.exe");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-04-20T10:00:35.646624Z"));
        assertThat(e.normalized()).containsEntry("event.code", "1")
                .containsEntry("host.name", "swachchhanda")
                .containsEntry("winlog.channel", "Microsoft-Windows-Sysmon/Operational")
                .containsEntry("winlog.provider_name", "Microsoft-Windows-Sysmon")
                .containsEntry("@timestamp", "2026-04-20T10:00:35.646624Z")
                .containsEntry("process.executable", e.fields().get("Image"))
                .containsEntry("process.command_line", e.fields().get("CommandLine"));
        assertThat(e.location()).endsWith(".evtx#86918");
    }

    @Test
    void userDataLeavesAreFields() {
        Event e = read(WMI_USER_DATA).getFirst();
        assertThat(e.fields()).containsEntry("ClientProcessId", "25920")
                .containsEntry("ResultCode", "0x80041003")
                .containsEntry("ActivityID", "8E521E2B-7C26-0001-417F-9C8E267CDB01");
        assertThat(e.text("Operation")).endsWith("::cleareventlog");
    }

    @Test
    void unnamedDataItemsOfAClassicEventAreAList() {
        Event e = read(EMOTET_POWERSHELL_800).getFirst();
        assertThat(e.fields().get("Data")).isInstanceOf(List.class);
        assertThat(e.text("Data")).contains("HostName=ConsoleHost", "CommandInvocation(New-Item)");
        assertThat(e.fields()).containsEntry("Channel", "Windows PowerShell").containsEntry("EventID", 800L);
    }

    @Test
    void theStreamReadsLazilyAndClosesTheFile() {
        List<String> problems = new ArrayList<>();
        try (Stream<Event> events = EvtxReader.stream(SharedData.root().resolve(
                "attack-datasets/evtx-attack-samples/Credential Access/discovery_sysmon_1_iis_pwd_and_config_discovery_appcmd.evtx"), problems::add)) {
            assertThat(events.map(Event::record).limit(12).toList()).hasSize(12).doesNotHaveDuplicates().isSorted();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theDebuggingXmlShowsTheExpandedTemplate() {
        List<String> xml = new ArrayList<>();
        EvtxReader.readXml(WMI_USER_DATA, root -> xml.add(root.child("Event").toXml()), p -> {});
        assertThat(xml).singleElement().asString()
                .startsWith("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"Microsoft-Windows-WMI-Activity\"")
                .contains("<Correlation ActivityID=\"8E521E2B-7C26-0001-417F-9C8E267CDB01\"/>", "<ClientProcessId>25920</ClientProcessId>");
    }
}
