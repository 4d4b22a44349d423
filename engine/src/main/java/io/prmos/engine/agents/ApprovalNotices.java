package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.notifications.Notifications;
import io.prmos.engine.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Tells the person who started a run that a call of it waits for their approval: a notification from
 * the agent, linked to the run's page ({@code /agents/runs/{id}}). Runs of the agent principal (event,
 * schedule) belong to no person: their approvals are found in the run list of tenant admins. A notice
 * that cannot be sent is logged; the run waits all the same.
 */
@ApplicationScoped
public class ApprovalNotices {

    private static final Logger LOG = Logger.getLogger(ApprovalNotices.class);

    @Inject
    Notifications notifications;

    /** {@code agent}: {@code module.agent}. */
    void waiting(RunPlan plan, String agent, JsonNode pending) {
        Caller principal = plan.principal();
        if (principal.user().startsWith("agent:")) {
            return;
        }
        Caller from = new Caller(principal.tenant(), "agent:" + agent, "agent " + agent, Set.of(), null);
        try {
            notifications.send(from, principal.user(), "Approval needed: " + agent,
                    "The run wants to call " + pending.path("tool").asText() + ". Approve or reject it on the run's page.",
                    "/agents/runs/" + plan.id()).await().atMost(RunJournal.WAIT);
        } catch (RuntimeException e) {
            LOG.warnf(e, "run %s: the approval notice to %s was not sent", plan.id(), principal.user());
        }
    }
}
