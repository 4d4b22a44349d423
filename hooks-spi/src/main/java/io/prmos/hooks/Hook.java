package io.prmos.hooks;

/** What every hook has: the id manifests reference it by. */
public interface Hook {

    /** The id from {@link HookId}, unless a hook overrides this method. */
    default String id() {
        HookId id = getClass().getAnnotation(HookId.class);
        if (id == null) {
            throw new IllegalStateException(getClass().getName() + " has no @HookId and does not override id()");
        }
        return id.value();
    }
}
