package io.prmos.engine.jobs;

/** The kernel's job roles (tenant roles an admin may put on users or API keys). */
public final class JobRoles {

    /** Enqueues, lists and reads jobs, and works them: lease, heartbeat, complete, fail. */
    public static final String WORKER = "job_worker";

    private JobRoles() {
    }
}
