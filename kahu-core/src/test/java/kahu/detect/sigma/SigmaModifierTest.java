package kahu.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static kahu.detect.sigma.SigmaTestRules.matches;
import static kahu.detect.sigma.SigmaTestRules.rejection;
import static kahu.detect.sigma.SigmaTestRules.rule;
import static kahu.detect.sigma.SigmaTestRules.sysmon;
import static org.assertj.core.api.Assertions.assertThat;

/** Each value modifier of the Sigma specification, one by one. */
class SigmaModifierTest {
    @Test
    void plainValueIsWholeValueAndCaseInsensitive() {
        String d = """
                sel:
                    Image: 'C:\\Windows\\System32\\cmd.exe'
                condition: sel
                """;
        assertThat(matches(d, "Image", "c:\\windows\\system32\\CMD.EXE")).isTrue();
        assertThat(matches(d, "Image", "C:\\Windows\\System32\\cmd.exe2")).isFalse();
        assertThat(matches(d)).as("absent field").isFalse();
    }

    @Test
    void containsStartswithEndswith() {
        assertThat(matches("sel:\n    CommandLine|contains: 'whoami'\ncondition: sel", "CommandLine", "cmd /c WHOAMI /all")).isTrue();
        assertThat(matches("sel:\n    CommandLine|contains: 'whoami'\ncondition: sel", "CommandLine", "cmd /c who ami")).isFalse();
        assertThat(matches("sel:\n    Image|startswith: 'C:\\Users\\'\ncondition: sel", "Image", "c:\\users\\x\\a.exe")).isTrue();
        assertThat(matches("sel:\n    Image|startswith: 'C:\\Users\\'\ncondition: sel", "Image", "D:\\c:\\users\\")).isFalse();
        assertThat(matches("sel:\n    Image|endswith: '\\rundll32.exe'\ncondition: sel", "Image", "C:\\W\\RUNDLL32.EXE")).isTrue();
        assertThat(matches("sel:\n    Image|endswith: '\\rundll32.exe'\ncondition: sel", "Image", "C:\\W\\rundll32.exe.bak")).isFalse();
    }

    @Test
    void listIsAnyValueAndAllIsEveryValue() {
        String any = "sel:\n    CommandLine|contains:\n        - ' -enc '\n        - ' -e '\ncondition: sel";
        String all = "sel:\n    CommandLine|contains|all:\n        - ' -nop '\n        - ' -w hidden '\ncondition: sel";
        assertThat(matches(any, "CommandLine", "powershell -e AAA")).isTrue();
        assertThat(matches(all, "CommandLine", "powershell -nop -w hidden -c x")).isTrue();
        assertThat(matches(all, "CommandLine", "powershell -nop -c x")).isFalse();
    }

    @Test
    void manyContainsLiteralsShareOneAutomatonWithTheSameAnswers() {
        String d = "sel:\n    CommandLine|contains:\n        - 'mimikatz'\n        - 'sekurlsa'\n        - 'kerberos::'\n        - 'lsadump'\n        - 'Invoke-'\ncondition: sel";
        SigmaRule r = rule(d);
        assertThat(r.detection()).isInstanceOfSatisfying(Matcher.Field.class,
                f -> assertThat(f.tests()).singleElement().isInstanceOf(ValueTest.AnyContains.class));
        assertThat(r.detection().matches(sysmon("CommandLine", "x SEKURLSA::logonpasswords"))).isTrue();
        assertThat(r.detection().matches(sysmon("CommandLine", "invoke-expression"))).isTrue();
        assertThat(r.detection().matches(sysmon("CommandLine", "notepad"))).isFalse();
    }

    @Test
    void casedMakesComparisonCaseSensitive() {
        String d = "sel:\n    CommandLine|contains|cased: 'AdFind'\ncondition: sel";
        assertThat(matches(d, "CommandLine", "run AdFind.exe")).isTrue();
        assertThat(matches(d, "CommandLine", "run adfind.exe")).isFalse();
    }

    @Test
    void base64AndBase64offset() {
        assertThat(matches("sel:\n    CommandLine|base64: 'abc'\ncondition: sel", "CommandLine", "YWJj")).isTrue();
        // The three offsets of "http://" as the specification lists them.
        assertThat(Encodings.base64offset("http://")).containsExactly("aHR0cDovL", "h0dHA6Ly", "odHRwOi8v");
        String d = "sel:\n    CommandLine|base64offset|contains: 'http://'\ncondition: sel";
        assertThat(matches(d, "CommandLine", "powershell -e xxaHR0cDovLyyy")).isTrue();
        assertThat(matches(d, "CommandLine", "powershell -e Zm9vIGh0dHA6Ly9l")).isTrue(); // base64("foo http://e")
        assertThat(matches(d, "CommandLine", "powershell -e SGVsbG8=")).isFalse();
    }

    @Test
    void utf16AndWideEncodeBeforeBase64() {
        assertThat(Encodings.utf16le("ab")).isEqualTo("a\0b\0");
        assertThat(Encodings.utf16be("ab")).isEqualTo("\0a\0b");
        assertThat(Encodings.utf16("a")).isEqualTo("\u00ff\u00fea\0");
        // "ping" as UTF-16LE, base64: cABpAG4AZwA=
        assertThat(matches("sel:\n    CommandLine|wide|base64: 'ping'\ncondition: sel", "CommandLine", "cABpAG4AZwA=")).isTrue();
        assertThat(matches("sel:\n    CommandLine|utf16le|base64offset|contains: 'ping'\ncondition: sel",
                "CommandLine", "-enc JABhACAAPQAgAHAAaQBuAGcAIAAxAA==")).isTrue(); // "$a = ping 1": offset 2
        assertThat(matches("sel:\n    CommandLine|wide|base64offset|contains: 'ping'\ncondition: sel",
                "CommandLine", "-enc bgBvAHQAZQBwAGEAZAA=")).isFalse(); // "notepad"
        assertThat(matches("sel:\n    CommandLine|wide|base64offset|contains: 'ping'\ncondition: sel",
                "CommandLine", "-enc cABpAG4AZwAgADEAMAAuADAALgAwAC4AMQA=")).isTrue(); // "ping 10.0.0.1"
    }

    @Test
    void windashAcceptsEveryDash() {
        String d = "sel:\n    CommandLine|windash|contains: ' -exec bypass'\ncondition: sel";
        for (String dash : List.of("-", "/", "\u2013", "\u2014", "\u2015")) {
            assertThat(matches(d, "CommandLine", "powershell " + dash + "exec bypass")).as(dash).isTrue();
        }
        assertThat(matches(d, "CommandLine", "powershell +exec bypass")).isFalse();
        assertThat(Encodings.windash("a-b -c /d", 100)).hasSize(25).contains("a-b /c \u2013d");
    }

    @Test
    void allAppliesToRuleValuesNotToTheirVariants() {
        String d = "sel:\n    CommandLine|contains|all|windash:\n        - ' -a'\n        - ' -b'\ncondition: sel";
        assertThat(matches(d, "CommandLine", "x /a /b")).isTrue();
        assertThat(matches(d, "CommandLine", "x -a \u2013b")).isTrue();
        assertThat(matches(d, "CommandLine", "x -a")).isFalse();
        String e = "sel:\n    User|contains|all|expand:\n        - '%none%'\n        - 'adm'\ncondition: sel";
        assertThat(matches(e, "User", "admin")).as("an empty placeholder under all cannot be skipped").isFalse();
    }

    @Test
    void regexWithFlagsRunsOnRe2j() {
        assertThat(matches("sel:\n    CommandLine|re: '\\s-[eE]nc\\s'\ncondition: sel", "CommandLine", "ps -Enc AA")).isTrue();
        assertThat(matches("sel:\n    CommandLine|re: 'abc'\ncondition: sel", "CommandLine", "ABC")).as("re is cased").isFalse();
        assertThat(matches("sel:\n    CommandLine|re|i: 'abc'\ncondition: sel", "CommandLine", "xABCx")).isTrue();
        assertThat(matches("sel:\n    CommandLine|re|m: '^b$'\ncondition: sel", "CommandLine", "a\nb\nc")).isTrue();
        assertThat(matches("sel:\n    CommandLine|re: '^b$'\ncondition: sel", "CommandLine", "a\nb\nc")).isFalse();
        assertThat(matches("sel:\n    CommandLine|re|s: 'a.b'\ncondition: sel", "CommandLine", "a\nb")).isTrue();
        assertThat(matches("sel:\n    CommandLine|re: 'a.b'\ncondition: sel", "CommandLine", "a\nb")).isFalse();
        // A backreference needs backtracking: refused with a reason, never run on a backtracking engine.
        assertThat(rejection("sel:\n    CommandLine|re: '(a)\\1'\ncondition: sel")).contains("linear-time");
        assertThat(rejection("sel:\n    CommandLine|re: 'a(?=b)'\ncondition: sel")).contains("linear-time");
    }

    @Test
    void cidrMatchesAddressesInTheNetwork() {
        String d = "sel:\n    DestinationIp|cidr:\n        - '10.0.0.0/8'\n        - 'fe80::/10'\ncondition: sel";
        assertThat(matches(d, "DestinationIp", "10.1.2.3")).isTrue();
        assertThat(matches(d, "DestinationIp", "11.1.2.3")).isFalse();
        assertThat(matches(d, "DestinationIp", "fe80::1")).isTrue();
        assertThat(matches(d, "DestinationIp", "not an ip")).isFalse();
        assertThat(rejection("sel:\n    DestinationIp|cidr: '10.0.0.300/8'\ncondition: sel")).contains("cidr");
    }

    @Test
    void existsTrueAndFalse() {
        assertThat(matches("sel:\n    Hashes|exists: true\ncondition: sel", "Hashes", "x")).isTrue();
        assertThat(matches("sel:\n    Hashes|exists: true\ncondition: sel")).isFalse();
        assertThat(matches("sel:\n    Hashes|exists: false\ncondition: sel")).isTrue();
        assertThat(rejection("sel:\n    Hashes|exists: 'yes'\ncondition: sel")).contains("exists");
    }

    @Test
    void numericComparisons() {
        assertThat(matches("sel:\n    DestinationPort|gt: 1024\ncondition: sel", "DestinationPort", 4444L)).isTrue();
        assertThat(matches("sel:\n    DestinationPort|gt: 1024\ncondition: sel", "DestinationPort", 1024L)).isFalse();
        assertThat(matches("sel:\n    DestinationPort|gte: 1024\ncondition: sel", "DestinationPort", "1024")).isTrue();
        assertThat(matches("sel:\n    DestinationPort|lt: 1024\ncondition: sel", "DestinationPort", "80")).isTrue();
        assertThat(matches("sel:\n    DestinationPort|lte: 80\ncondition: sel", "DestinationPort", "81")).isFalse();
        assertThat(matches("sel:\n    DestinationPort|lt: 1024\ncondition: sel", "DestinationPort", "http")).isFalse();
    }

    @Test
    void fieldrefComparesTwoFields() {
        String d = "sel:\n    ParentImage|fieldref: Image\ncondition: sel";
        assertThat(matches(d, "Image", "C:\\a.exe", "ParentImage", "c:\\A.exe")).isTrue();
        assertThat(matches(d, "Image", "C:\\a.exe", "ParentImage", "C:\\b.exe")).isFalse();
    }

    @Test
    void expandResolvesPlaceholdersAndAnEmptyMapCannotMatch() {
        String d = "sel:\n    User|expand: '%admins%'\ncondition: sel";
        SigmaRule withValues = rule(d, Map.of("admins", List.of("alice", "bob")));
        assertThat(withValues.detection().matches(sysmon("User", "BOB"))).isTrue();
        assertThat(withValues.detection().matches(sysmon("User", "carol"))).isFalse();
        SigmaRule empty = rule(d);
        assertThat(empty.detection().matches(sysmon("User", "%admins%"))).isFalse();
        assertThat(empty.notes()).anyMatch(n -> n.contains("cannot match"));
        SigmaRule inside = rule("sel:\n    Path|contains|expand: '\\%dir%\\'\ncondition: sel", Map.of("dir", List.of("temp")));
        assertThat(inside.detection().matches(sysmon("Path", "C:\\Temp\\x"))).isTrue();
    }

    @Test
    void nullMeansAbsentOrEmpty() {
        String d = "sel:\n    CommandLine: null\ncondition: sel";
        assertThat(matches(d)).isTrue();
        assertThat(matches(d, "CommandLine", "")).isTrue();
        assertThat(matches(d, "CommandLine", "x")).isFalse();
        assertThat(matches("sel:\n    CommandLine: ''\ncondition: sel", "CommandLine", "")).isTrue();
    }

    @Test
    void keywordsSearchEveryField() {
        String d = "keywords:\n    - 'mimikatz'\n    - 'sekurlsa'\ncondition: keywords";
        assertThat(matches(d, "Anything", "ran MIMIKATZ today")).isTrue();
        assertThat(matches(d, "Anything", "notepad")).isFalse();
        assertThat(matches("keywords:\n    '|all':\n        - 'a1'\n        - 'b2'\ncondition: keywords", "X", "a1", "Y", "b2")).isTrue();
    }

    @Test
    void unknownModifierRejectsTheRuleWithEveryProblem() {
        String reason = rejection("sel:\n    Image|sortof: 'x'\n    CommandLine|re: '(?<=a)b'\ncondition: sel and missing");
        assertThat(reason).contains("unknown modifier 'sortof'").contains("linear-time").contains("unknown search 'missing'");
    }

    @Test
    void securityProcessCreationUsesItsOwnFieldNames() {
        SigmaRule r = rule("sel:\n    Image|endswith: '\\cmd.exe'\ncondition: sel");
        var security = new kahu.ingest.Event("t", 1, "windows-json", null,
                Map.of("Channel", "Security", "EventID", 4688L, "NewProcessName", "C:\\Windows\\System32\\cmd.exe"), Map.of());
        SigmaEngine engine = SigmaEngine.compile(List.of(r));
        assertThat(engine.matches(security)).singleElement().satisfies(m -> {
            assertThat(m.matchedFields()).containsKey("NewProcessName");
            assertThat(m.rule().techniques()).containsExactly("T1059.001", "T1059");
        });
        var other = new kahu.ingest.Event("t", 1, "windows-json", null,
                Map.of("Channel", "Security", "EventID", 4624L, "NewProcessName", "C:\\Windows\\System32\\cmd.exe"), Map.of());
        assertThat(engine.matches(other)).as("not a process creation").isEmpty();
    }
}
