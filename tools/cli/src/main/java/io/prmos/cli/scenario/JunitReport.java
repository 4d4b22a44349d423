package io.prmos.cli.scenario;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The results in the JUnit XML format CI systems read: one {@code testsuite} per module, one
 * {@code testcase} per scenario (classname = module, name = file: title), a {@code failure} per failed
 * scenario whose text lists every failure line.
 */
public final class JunitReport {

    private JunitReport() {
    }

    public static String render(String module, List<ScenarioResult> results) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "prm test " + module);
            xml.writeAttribute("tests", Integer.toString(results.size()));
            xml.writeAttribute("failures", Long.toString(results.stream().filter(r -> !r.passed()).count()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(results.stream().mapToLong(ScenarioResult::millis).sum()));
            for (ScenarioResult result : results) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", module);
                xml.writeAttribute("name", result.scenario().file() + ": " + result.scenario().name());
                xml.writeAttribute("file", result.scenario().file());
                xml.writeAttribute("time", seconds(result.millis()));
                if (!result.passed()) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", result.failures().get(0));
                    xml.writeAttribute("type", "ScenarioFailure");
                    xml.writeCharacters(String.join("\n", result.failures()));
                    xml.writeEndElement();
                    xml.writeCharacters("\n  ");
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return out.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
