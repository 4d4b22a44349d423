package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;
import static org.hamcrest.Matchers.equalTo;

import io.prmos.engine.store.RecordChange;
import io.prmos.engine.store.RecordChange.Operation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every write hands observers the row before and after it, inside the write transaction. */
@QuarkusTest
class ChangeCaptureSpec {

    @Inject
    RecordingChangeObserver observer;

    @org.junit.jupiter.api.AfterEach
    void stopWatching() {
        observer.stop();
    }

    @Test
    void observersSeeEachWriteWithItsBeforeAndAfterImage() {
        String p = prefix();
        observer.watch(p);
        String id = createId(PARTNERS, map("name", p + "Acme", "score", 10, "tier", "silver"));
        json().body(map("score", 20)).patch(PARTNERS + "/" + id).then().statusCode(200);
        given().delete(PARTNERS + "/" + id).then().statusCode(204);
        given().post(PARTNERS + "/" + id + "/restore").then().statusCode(200);

        List<RecordChange> changes = observer.seen();
        assertEquals(List.of(Operation.CREATED, Operation.UPDATED, Operation.DELETED, Operation.RESTORED),
                changes.stream().map(RecordChange::operation).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), changes.stream().map(RecordChange::version).toList());

        RecordChange created = changes.get(0);
        assertNull(created.before());
        assertTrue(created.changedFields().keySet().containsAll(List.of("name", "score", "tier")));
        assertFalse(created.changedFields().containsKey("notes"));

        RecordChange updated = changes.get(1);
        assertEquals(10, updated.before().get("score").asInt());
        assertEquals(20, updated.after().get("score").asInt());
        assertEquals(java.util.Set.of("score"), updated.changedFields().keySet());
        assertEquals(10, updated.changedFields().get("score").oldValue().asInt());
        assertEquals(20, updated.changedFields().get("score").newValue().asInt());

        assertFalse(changes.get(2).before().has("deleted_at"));
        assertTrue(changes.get(2).after().has("deleted_at"));
        assertTrue(changes.get(2).changedFields().isEmpty());
        assertFalse(changes.get(3).after().has("deleted_at"));
    }

    @Test
    void observersSeeHiddenFieldsButTheResponseDoesNot() {
        String p = prefix();
        observer.watch(p);
        String id = createId(PARTNERS, map("name", p + "Secretive", "notes", "internal only"));
        given().header("Authorization", io.prmos.engine.testing.Tokens.bearer("bob"))
                .get(PARTNERS + "/" + id).then().statusCode(200).body("notes", equalTo(null));
        assertEquals("internal only", observer.seen().get(0).after().get("notes").asText());
    }

    @Test
    void aFailingObserverRollsTheWriteBack() {
        String p = prefix();
        observer.watch(p);
        json().body(map("name", p + "explode")).post(PARTNERS).then().statusCode(500);
        given().queryParam("filter", "name eq '" + p + "explode'").get(PARTNERS).then()
                .statusCode(200).body("items.size()", equalTo(0));

        String id = createId(PARTNERS, map("name", p + "calm"));
        json().body(map("name", p + "explode")).patch(PARTNERS + "/" + id).then().statusCode(500);
        given().get(PARTNERS + "/" + id).then().statusCode(200).body("name", equalTo(p + "calm")).body("version", equalTo(1));
    }
}
