package io.prmos.engine.security;

import io.prmos.engine.security.RecordKinds.Kind;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The permission matrix, generated from the sample manifests: every entity × every acme user (one
 * per role, roles as configured for the embedded identity provider) and the anonymous caller ×
 * every operation, on every kind of record (the user's own, another's, each side of a where rule),
 * plus every field's visibility, projection, filter, sort and write. The expectation comes from
 * {@link PermissionOracle}, which reads the manifests' grants itself; the engine's evaluator is
 * never consulted. Records are set up by alice, whose roles must grant everything.
 */
@QuarkusTest
class PermissionMatrixSpec {

    /** Fewer cases than this means the generator lost its way, not that the matrix shrank. */
    private static final int FLOOR = 300;

    @TestFactory
    Stream<DynamicTest> matrix() {
        PermissionOracle oracle = PermissionOracle.load(Path.of("../modules"));
        TestUser alice = TestUser.named("alice");
        List<TestUser> users = new ArrayList<>(TestUser.configured().stream().filter(u -> u.tenant().equals(alice.tenant())).toList());
        requireEveryRoleCovered(oracle, users);
        MatrixContext ctx = new MatrixContext(oracle, alice);
        ctx.requireFullRightsForSetup();

        CaseLog log = new CaseLog("matrix", "cases", "passed");
        OperationCases operations = new OperationCases(ctx, log);
        FieldCases fields = new FieldCases(ctx, log);
        users.add(TestUser.ANONYMOUS);
        for (EntityDescriptor entity : oracle.catalog().entities()) {
            List<Kind> kinds = ctx.kinds.kinds(entity, users.stream().filter(u -> !u.anonymous()).toList());
            for (TestUser user : users) {
                operations.generate(user, entity, kinds);
                fields.generate(user, entity, kinds);
            }
        }
        return log.withSummary(FLOOR).stream();
    }

    /** Every role some manifest grants must be held by one of the users the matrix runs as. */
    private static void requireEveryRoleCovered(PermissionOracle oracle, List<TestUser> users) {
        for (String role : oracle.grantedRoles()) {
            if (users.stream().noneMatch(u -> u.roles().contains(role))) {
                throw new IllegalStateException("no acme user holds role " + role + "; the matrix would not cover it");
            }
        }
    }
}
