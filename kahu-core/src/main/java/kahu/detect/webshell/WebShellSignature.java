package kahu.detect.webshell;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the 2021 Exchange web shells looked like, as described in public reporting (Microsoft's HAFNIUM
 * post, CISA AA21-062A, the Test-ProxyLogon checks): each signature is our own pattern for one such
 * trait. The patterns are bounded (no nested quantifiers) and run on at most {@link WebShellScanner#MAX_BYTES}.
 */
record WebShellSignature(String reason, Pattern pattern, String level) {
    static final List<WebShellSignature> ALL = List.of(
            new WebShellSignature("evaluates request data (China Chopper style one-liner)",
                    Pattern.compile("eval\\s*\\(\\s*Request\\s*(?:\\.\\s*(?:Item|Form|QueryString)\\s*)?[\\[(]", Pattern.CASE_INSENSITIVE), "critical"),
            new WebShellSignature("evaluates request data with the \"unsafe\" option",
                    Pattern.compile("eval\\s*\\([^)]{0,200}[\"']unsafe[\"']\\s*\\)", Pattern.CASE_INSENSITIVE), "critical"),
            new WebShellSignature("script planted in a virtual directory URL (OAB ExternalUrl, CVE-2021-27065)",
                    Pattern.compile("https?://f/\\s*<script", Pattern.CASE_INSENSITIVE), "critical"),
            new WebShellSignature("server-side Page_Load script in a page that should hold none",
                    Pattern.compile("<script[^>]{0,100}runat\\s*=\\s*\"?server\"?[^>]{0,100}>[^<]{0,300}Page_Load", Pattern.CASE_INSENSITIVE), "high"),
            new WebShellSignature("loads a .NET assembly from base64 (obfuscated loader)",
                    Pattern.compile("Assembly\\s*\\.\\s*Load\\s*\\([^)]{0,200}FromBase64String", Pattern.CASE_INSENSITIVE), "critical"),
            new WebShellSignature("decodes base64 taken from the request",
                    Pattern.compile("FromBase64String\\s*\\(\\s*Request", Pattern.CASE_INSENSITIVE), "high"),
            new WebShellSignature("starts a process with request data",
                    Pattern.compile("Process\\s*\\.\\s*Start\\s*\\([^;]{0,200}Request", Pattern.CASE_INSENSITIVE), "critical"),
            new WebShellSignature("runs cmd.exe or PowerShell from a page",
                    Pattern.compile("(?:cmd\\.exe|powershell(?:\\.exe)?)[\"']?\\s*[,)][^;]{0,200}Request", Pattern.CASE_INSENSITIVE), "high"));
}
