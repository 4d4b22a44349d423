package io.prmos.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The scenario format read with lines, subset matching, and the JUnit XML read back by a parser. */
class ScenarioFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCENARIO = """
            scenario: Partners
            users:
              alice: [partner_manager]
            given:
              - record: organizations.Organization
                save: org
                values: { name: Acme }
            steps:
              - name: create
                as: alice
                post: /partners/partner
                body: { name: X, organization: "${org.id}" }
                expect:
                  status: 201
                  events:
                    - { type: partners.PartnerCreated }
              - transition: win
                on: deals/deal/${deal.id}
                as: alice
            """;

    @Test
    void stepsKnowTheirLinesAndKinds() {
        Scenario scenario = ScenarioReader.read(SCENARIO, "tests/p.yaml", "scenario-1");
        assertEquals("Partners", scenario.name());
        assertEquals("scenario-1", scenario.tenant());
        assertEquals(List.of("partner_manager"), scenario.users().get("alice"));
        assertEquals(Scenario.Kind.FIXTURE, scenario.given().get(0).kind());
        assertEquals(5, scenario.given().get(0).line());
        Scenario.Step create = scenario.steps().get(0);
        assertEquals(9, create.line());
        assertEquals("POST", create.method());
        assertEquals(201, create.expect().status());
        assertEquals(16, create.expect().events().get(0).line());
        Scenario.Step win = scenario.steps().get(1);
        assertEquals("/deals/deal/${deal.id}/transitions/win", win.target());
        assertEquals("transition win", win.name());
    }

    @Test
    void mistakesAreReportedWithFileAndLine() {
        ScenarioException typo = assertThrows(ScenarioException.class,
                () -> ScenarioReader.read(SCENARIO.replace("    expect:", "    expcet:"), "tests/p.yaml", "t"));
        assertTrue(typo.getMessage().startsWith("tests/p.yaml:13: unknown key 'expcet'"), typo.getMessage());
        ScenarioException two = assertThrows(ScenarioException.class,
                () -> ScenarioReader.read(SCENARIO.replace("    post: /partners/partner", "    post: /a\n    get: /b"), "tests/p.yaml", "t"));
        assertTrue(two.getMessage().startsWith("tests/p.yaml:9: a step does one thing; this one has post and get"), two.getMessage());
    }

    @Test
    void variablesKeepTheirJsonTypeWhenAlone() throws Exception {
        Variables variables = new Variables("tests/p.yaml", "t1");
        variables.save("deal", JSON.readTree("{\"id\":\"d-1\",\"amount\":{\"amount\":5}}"));
        assertEquals(JSON.readTree("{\"n\":5,\"s\":\"deal d-1 in t1\"}"),
                variables.resolve(JSON.readTree("{\"n\":\"${deal.amount.amount}\",\"s\":\"deal ${deal.id} in ${tenant}\"}"), 3));
        ScenarioException missing = assertThrows(ScenarioException.class, () -> variables.resolve("${partner.id}", 7));
        assertEquals("tests/p.yaml:7: ${partner.id}: nothing was saved as 'partner'", missing.getMessage());
    }

    @Test
    void subsetMatchingSaysWhereItDiffers() throws Exception {
        JsonNode actual = JSON.readTree("{\"name\":\"X\",\"score\":20.00,\"tags\":[\"a\",\"b\"],\"notes\":null}");
        assertEquals(Optional.empty(), JsonMatch.mismatch(JSON.readTree("{\"score\":20,\"notes\":null,\"tags\":[\"a\",\"b\"]}"), actual));
        assertEquals(Optional.of("at /name: expected \"Y\", got \"X\""), JsonMatch.mismatch(JSON.readTree("{\"name\":\"Y\"}"), actual));
        assertEquals(Optional.of("at /tier: missing, expected \"gold\""), JsonMatch.mismatch(JSON.readTree("{\"tier\":\"gold\"}"), actual));
        assertTrue(JsonMatch.mismatch(JSON.readTree("{\"tags\":[\"a\"]}"), actual).orElseThrow().startsWith("at /tags: expected 1 item(s)"));
    }

    @Test
    void theJunitReportIsReadBackByAnXmlParser() throws Exception {
        Scenario scenario = ScenarioReader.read(SCENARIO, "tests/p.yaml", "t");
        List<ScenarioResult> results = List.of(
                new ScenarioResult(scenario, 3, List.of(), List.of(), List.of(), 1200),
                new ScenarioResult(scenario, 1, List.of("tests/p.yaml:9: step 'create': expected status 201, got 403 <&>"), List.of(), List.of(), 50));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JunitReport.render("partners", results).getBytes(StandardCharsets.UTF_8)));
        Element suite = xml.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1.250", suite.getAttribute("time"));
        Element failed = (Element) suite.getElementsByTagName("testcase").item(1);
        assertEquals("partners", failed.getAttribute("classname"));
        assertEquals("tests/p.yaml: Partners", failed.getAttribute("name"));
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertEquals("tests/p.yaml:9: step 'create': expected status 201, got 403 <&>", failure.getAttribute("message"));
        assertEquals(0, ((Element) suite.getElementsByTagName("testcase").item(0)).getElementsByTagName("failure").getLength());
    }
}
