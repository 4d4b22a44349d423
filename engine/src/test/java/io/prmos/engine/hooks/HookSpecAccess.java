package io.prmos.engine.hooks;

/** The test module {@code hooktest} for specs of other packages. */
public final class HookSpecAccess {

    public static final String THINGS = HookTestModule.THINGS;
    public static final String NOTES = HookTestModule.NOTES;

    private HookSpecAccess() {
    }

    public static void install() {
        HookTestModule.install();
    }
}
