package io.prmos.hooks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The id a manifest uses to reference a hook, e.g. {@code deals.RecomputePartnerTier}. Inherited so
 * that a CDI client proxy of the hook class still carries it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface HookId {
    String value();
}
