package io.prmos.cli.certify;

import io.prmos.metadata.certify.CheckResult;
import io.prmos.metadata.certify.CheckStatus;
import io.prmos.metadata.certify.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checklist's results for one module, rendered as text (people, golden files), a JSON document
 * (scripts) and a self-contained HTML page (CI artifacts): no script, no external resource.
 */
public record CertificationReport(String module, String version, String manifestChecksum, String toolVersion, List<CheckResult> checks) {

    public boolean passed() {
        return checks.stream().noneMatch(c -> c.status() == CheckStatus.FAIL);
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("prm certify ").append(module).append(' ').append(version).append(" (manifest sha256:")
                .append(manifestChecksum, 0, 12).append(")\n");
        for (CheckResult check : checks) {
            out.append(String.format("  %-4s  %-13s %s%n", check.status(), check.id(), check.title()));
            if (!check.summary().isEmpty()) {
                out.append("                       ").append(check.summary()).append('\n');
            }
            for (Finding finding : check.findings()) {
                out.append("        ").append(finding.severity()).append(": ").append(finding).append('\n');
            }
        }
        out.append(passed() ? "CERTIFIED" : "NOT CERTIFIED").append(": ").append(counts()).append('\n');
        return out.toString();
    }

    public Map<String, Object> json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("module", module);
        doc.put("version", version);
        doc.put("manifestChecksum", manifestChecksum);
        doc.put("toolVersion", toolVersion);
        doc.put("passed", passed());
        doc.put("checks", checks.stream().map(c -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("id", c.id());
            check.put("title", c.title());
            check.put("status", c.status().name());
            check.put("summary", c.summary());
            check.put("findings", c.findings().stream().map(f -> Map.of("severity", f.severity().name(),
                    "location", f.location() == null ? "" : f.location(), "message", f.message())).toList());
            return check;
        }).toList());
        return doc;
    }

    public String html() {
        StringBuilder rows = new StringBuilder();
        for (CheckResult check : checks) {
            rows.append("<tr class=\"").append(check.status().name().toLowerCase(java.util.Locale.ROOT)).append("\"><td>")
                    .append(check.status()).append("</td><td><strong>").append(escape(check.title())).append("</strong><br><small>")
                    .append(escape(check.summary())).append("</small>");
            if (!check.findings().isEmpty()) {
                rows.append("<ul>");
                check.findings().forEach(f -> rows.append("<li>").append(f.severity()).append(": ").append(escape(f.toString())).append("</li>"));
                rows.append("</ul>");
            }
            rows.append("</td></tr>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Certification of %1$s %2$s</title>
                <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}table{border-collapse:collapse;width:100%%}
                td{border-bottom:1px solid #d0d7de;padding:.5rem;vertical-align:top}td:first-child{font-weight:bold;width:4rem}
                .pass td:first-child{color:#1a7f37}.warn td:first-child{color:#9a6700}.fail td:first-child{color:#cf222e}
                .skip td:first-child{color:#57606a}.verdict{font-size:1.3rem}</style></head>
                <body><h1>Certification of %1$s %2$s</h1>
                <p>Manifest sha256 <code>%3$s</code>, %4$s</p>
                <p class="verdict">%5$s: %6$s</p>
                <table>
                %7$s</table></body></html>
                """.formatted(escape(module), escape(version), manifestChecksum, escape(toolVersion),
                passed() ? "CERTIFIED" : "NOT CERTIFIED", counts(), rows);
    }

    private String counts() {
        Map<CheckStatus, Long> by = new LinkedHashMap<>();
        for (CheckStatus s : CheckStatus.values()) {
            by.put(s, checks.stream().filter(c -> c.status() == s).count());
        }
        return checks.size() + " checks, " + by.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT)).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
