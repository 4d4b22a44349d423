package io.prmos.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One scenario file: users with their roles, fixtures given before, and steps.
 *
 * @param file   as shown in messages: {@code tests/tiers.yaml}
 * @param tenant the tenant the scenario runs in; each scenario gets its own unless it names one
 * @param users  user name to roles, all in the scenario's tenant
 */
public record Scenario(String file, String name, String tenant, Map<String, List<String>> users, List<Step> given, List<Step> steps) {

    /** What a step does; exactly one per step, or none for a step that only checks expectations. */
    public enum Kind { FIXTURE, EVENT, REQUEST, CHECK }

    /**
     * One step.
     *
     * @param as     the user making a request ({@code REQUEST} only)
     * @param target for FIXTURE the entity {@code module.Entity}, for EVENT the type {@code module.Event},
     *               for REQUEST the path ({@code /partners/Partner} is under {@code /api/v1})
     * @param body   the request body, fixture values or event payload; variables {@code ${name.field}} are replaced
     * @param save   a name to keep the response body (or the fixture record) under, for later {@code ${save.field}}
     */
    public record Step(int line, String name, Kind kind, String as, String method, String target, JsonNode body, String save,
                       Expect expect) {
    }

    /** What a step expects; every member is optional. */
    public record Expect(int line, Integer status, JsonNode body, String problemType, List<String> problemPointers,
                         List<RecordExpect> records, List<EventExpect> events) {
        public static Expect none(int line) {
            return new Expect(line, null, null, null, List.of(), List.of(), List.of());
        }
    }

    /** Records of an entity in the scenario's tenant: optionally filtered, counted, and the first matching a subset. */
    public record RecordExpect(int line, String entity, String where, Integer count, JsonNode match) {
    }

    /**
     * An event emitted since the scenario started (by the module, its hooks or automations).
     *
     * @param absent true when the event must NOT have been emitted
     */
    public record EventExpect(int line, String type, JsonNode match, boolean absent) {
    }
}
