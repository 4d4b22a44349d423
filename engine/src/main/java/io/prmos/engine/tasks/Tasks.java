package io.prmos.engine.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.notifications.Notifications;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.kernel.TaskRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Creating tasks, for the API and for agents alike: a title, an assignee (a user id of the tenant), an
 * optional description, due date and record URN. The record must be one the creator may read (else it
 * is refused like a missing one, so nobody learns of records through tasks); the assignee is notified.
 */
@ApplicationScoped
public class Tasks {

    public static final List<String> STATUSES = List.of("open", "done", "cancelled");

    @Inject
    TaskRows rows;

    @Inject
    RecordUrns urns;

    @Inject
    Notifications notifications;

    public Uni<ObjectNode> create(Caller creator, JsonNode body) {
        List<Problem.Error> errors = new ArrayList<>();
        String title = Texts.required(body, "title", 200, errors);
        String assignee = Texts.required(body, "assignee", 255, errors);
        String description = Texts.optional(body, "description", 4000, errors);
        String record = Texts.optional(body, "record", 512, errors);
        LocalDate due = null;
        String dueText = Texts.optional(body, "dueOn", 10, errors);
        if (dueText != null) {
            try {
                due = LocalDate.parse(dueText);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.Error("/dueOn", null, "format", "expected a date like 2026-05-31"));
            }
        }
        Texts.refuse(errors);
        LocalDate dueOn = due;
        Uni<Void> recordCheck = record == null ? Uni.createFrom().voidItem() : urns.read(creator, record).map(found -> {
            if (found.isEmpty()) {
                throw new ApiProblem(422, "validation", "Invalid task", "1 field(s) are invalid",
                        List.of(new Problem.Error("/record", null, "unknown-record", "no record you can read has this URN")));
            }
            return null;
        });
        return recordCheck.flatMap(x -> rows.insert(creator, title, description, assignee, record, dueOn))
                .call(task -> assignee.equals(creator.user()) ? Uni.createFrom().voidItem()
                        : notifications.send(creator, assignee, "New task: " + title, description, "/tasks").replaceWithVoid());
    }
}
