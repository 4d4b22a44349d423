package io.prmos.engine.notifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.Problem;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.kernel.NotificationRows;
import io.prmos.engine.tasks.Texts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Sends notifications and tells this instance's open streams of the recipient. Any user of a tenant may
 * notify any other user of it (like an e-mail); the notification carries who sent it. A link is a path
 * of the web UI ({@code /…}) or a record URN, never an external address.
 */
@ApplicationScoped
public class Notifications {

    @Inject
    NotificationRows rows;

    private final Map<String, Set<Consumer<ObjectNode>>> listeners = new ConcurrentHashMap<>();

    public Uni<ObjectNode> send(Caller sender, String recipient, String title, String body, String link) {
        List<Problem.Error> errors = new ArrayList<>();
        check(errors, "recipient", recipient, 255, true);
        check(errors, "title", title, 200, true);
        check(errors, "body", body, 4000, false);
        check(errors, "link", link, 512, false);
        if (link != null && !link.startsWith("/") && !link.startsWith("urn:prm:") || link != null && link.startsWith("//")) {
            errors.add(new Problem.Error("/link", null, "format", "a link is a path of the web UI (/…) or a record URN"));
        }
        Texts.refuse(errors);
        return rows.insert(sender, recipient, title, body, link).invoke(n -> publish(sender.tenant(), recipient, n));
    }

    private static void check(List<Problem.Error> errors, String name, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Problem.Error("/" + name, null, "required", name + " is required"));
            }
        } else if (value.length() > max || value.indexOf('\u0000') >= 0) {
            errors.add(new Problem.Error("/" + name, null, "maxLength", name + " has more than " + max + " characters or a NUL"));
        }
    }

    /** Calls {@code listener} with each notification sent to the user on this instance until the returned handle runs. */
    public Runnable listen(String tenant, String user, Consumer<ObjectNode> listener) {
        String key = tenant + "\u0000" + user;
        listeners.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.getOrDefault(key, Set.of()).remove(listener);
    }

    private void publish(String tenant, String user, ObjectNode notification) {
        listeners.getOrDefault(tenant + "\u0000" + user, Set.of()).forEach(l -> l.accept(notification));
    }
}
