package kahu.detect.webshell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Inert stand-ins for the 2021 web shells (the traits public reporting describes), next to benign pages. */
class WebShellScannerTest {
    @TempDir
    Path root;

    private Path page(String relative, String content) throws Exception {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    @Test
    void findsEachKindOfWebShellAndLeavesBenignPagesAlone() throws Exception {
        page("FrontEnd/HttpProxy/owa/auth/x7k2.aspx", "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"k\"],\"unsafe\");%>");
        page("FrontEnd/HttpProxy/ecp/auth/TimeoutLogout.aspx", "<%@ Page Language=\"C#\"%>\n<script runat=\"server\">\nvoid Page_Load(){System.Reflection.Assembly.Load(Convert.FromBase64String(Request.Form[\"d\"]));}\n</script>");
        page("inetpub/wwwroot/aspnet_client/system_web/OAB (Default Web Site).aspx",
                "ExternalUrl : http://f/<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\"code\"],\"unsafe\");}</script>");
        page("FrontEnd/HttpProxy/owa/auth/logon.aspx", "<%@ Page Language=\"C#\" %><html><body>Outlook</body></html>");
        page("inetpub/wwwroot/iisstart.htm", "eval(Request.Item[\"not a page\"])");
        List<String> problems = new ArrayList<>();
        List<WebShellFinding> found = new WebShellScanner(null).scan(List.of(root), problems::add);
        assertThat(problems).isEmpty();
        assertThat(found).extracting(f -> f.file().getFileName().toString())
                .containsExactlyInAnyOrder("x7k2.aspx", "TimeoutLogout.aspx", "OAB (Default Web Site).aspx");
        WebShellFinding chopper = found.stream().filter(f -> f.file().endsWith("x7k2.aspx")).findFirst().orElseThrow();
        assertThat(chopper.level()).isEqualTo("critical");
        assertThat(chopper.reasons()).anySatisfy(r -> assertThat(r).contains("China Chopper"));
        assertThat(chopper.techniques()).containsExactly("T1505.003");
        assertThat(chopper.sha256()).hasSize(64);
        assertThat(found.stream().filter(f -> f.file().toString().contains("OAB")).findFirst().orElseThrow().reasons())
                .anySatisfy(r -> assertThat(r).contains("CVE-2021-27065"));
    }

    @Test
    void aPageWrittenAfterInstallationInADropFolderIsFlaggedEvenWithoutSignatures() throws Exception {
        Instant installed = Instant.parse("2020-12-01T00:00:00Z");
        Path old = page("owa/auth/logon.aspx", "<html>logon</html>");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-11-30T00:00:00Z")));
        Path fresh = page("owa/auth/supp0rt.aspx", "<html>innocent looking</html>");
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.parse("2021-03-03T02:43:00Z")));
        List<WebShellFinding> found = new WebShellScanner(installed).scan(List.of(root), p -> {});
        assertThat(found).extracting(f -> f.file().getFileName().toString()).containsExactly("supp0rt.aspx");
        assertThat(found.getFirst().level()).isEqualTo("medium");
    }

    @Test
    void utf16PagesAreDecoded() throws Exception {
        Path p = root.resolve("aspnet_client/a.aspx");
        Files.createDirectories(p.getParent());
        byte[] body = "<%eval(Request.Form[\"z\"],\"unsafe\")%>".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(p, withBom);
        assertThat(new WebShellScanner(null).scan(List.of(root), x -> {})).hasSize(1);
    }
}
