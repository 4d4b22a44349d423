package io.prmos.engine.hooks;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The test module {@code hooktest}: an entity with hooks, a rule, a formula and an action; published once per run. */
final class HookTestModule {

    static final String THINGS = "/api/v1/hooktest/thing";
    static final String NOTES = "/api/v1/hooktest/note";
    private static volatile boolean published;

    static final String MANIFEST = """
            apiVersion: prm/v1
            module: hooktest
            version: 1.0.0
            roles:
              partner_manager: { label: Partner manager }
              sales_rep: { label: Sales rep }
            entities:
              Thing:
                fields:
                  name: { type: text, required: true, maxLength: 100, filterable: true }
                  code: { type: text, maxLength: 40 }
                  score: { type: integer, min: 0, max: 1000 }
                  tier: { type: text, maxLength: 20 }
                  doubled: { type: integer, formula: "score * 2" }
                validations:
                  - { rule: "tier != 'platinum' || score >= 80", message: Platinum things need a score of at least 80, field: score }
                hooks:
                  beforeCreate: [hooktest.Recorder]
                  beforeUpdate: [hooktest.Recorder]
                  afterCreate: [hooktest.Recorder]
                  afterUpdate: [hooktest.Recorder]
                  afterCommit: [hooktest.Recorder]
                  timeoutMillis: 500
                actions:
                  bump:
                    hook: hooktest.Bump
                    roles: [partner_manager]
                    input:
                      type: object
                      required: [by]
                      additionalProperties: false
                      properties:
                        by: { type: integer, minimum: 1, maximum: 10 }
              Note:
                fields:
                  text: { type: text, required: true, maxLength: 200, filterable: true }
            automations:
              - name: big_score_note
                on: hooktest.ThingCreated
                when: "event.data.changes.score.new > 100"
                do:
                  - create: { entity: hooktest.Note, values: { text: "'automation: ' + event.data.changes.name.new" } }
            permissions:
              partner_manager:
                Thing: { read: all, create: true, update: all, delete: all, restore: all, bulk: true }
                Note: { read: all }
              sales_rep:
                Thing: { read: all }
            """;

    private HookTestModule() {
    }

    static synchronized void install() {
        if (published) {
            return;
        }
        Response response = publish("hooktest", MANIFEST);
        if (response.statusCode() != 200) {
            throw new AssertionError("publishing hooktest: " + response.statusCode() + " " + response.asString());
        }
        published = true;
    }

    static Response publish(String module, String source) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", module + "/module.yaml");
        file.put("source", source);
        return given().contentType(ContentType.JSON).body(Map.of("modules", List.of(file))).post("/api/admin/modules");
    }
}
