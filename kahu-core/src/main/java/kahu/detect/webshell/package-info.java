/**
 * The web-shell scanner: ASP.NET pages under the Exchange and IIS web folders that execute what a
 * request sends (China Chopper one-liners, eval of request data, loaders of base64 assemblies, script
 * planted in a virtual directory's URL), or that appeared after the server was installed.
 *
 * <p>Owns: reading page files and judging them. Must not read logs or store anything.
 */
package kahu.detect.webshell;
