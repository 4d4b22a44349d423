package io.prmos.engine.ui.extension;

import io.prmos.engine.schema.UiBundleRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/ui/extensions/{module}/{hash}.js}: a module's UI bundle by content hash. The
 * content behind a name never changes, so browsers keep it for a year without asking again. Public,
 * like the runtime's own scripts: a browser's {@code import()} sends no bearer token, and the code
 * reaches data only through API calls made with the signed-in user's token.
 */
@Path("/api/v1/ui/extensions")
public class UiExtensionResource {

    static final String CACHE = "public, max-age=31536000, immutable";
    private static final Pattern MODULE = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    private static final Pattern FILE = Pattern.compile("^([0-9a-f]{32})\\.js$");

    @Inject
    Pool pool;

    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @GET
    @Path("{module}/{file}")
    @PermitAll
    public Uni<Response> bundle(@PathParam("module") String module, @PathParam("file") String file) {
        var name = FILE.matcher(file);
        if (!MODULE.matcher(module).matches() || !name.matches()) {
            return Uni.createFrom().failure(notFound());
        }
        String hash = name.group(1);
        return UiBundleRows.content(pool, module, hash).map(content -> content
                .map(js -> Response.ok(js, "text/javascript; charset=utf-8")
                        .header(HttpHeaders.CACHE_CONTROL, CACHE)
                        .header(HttpHeaders.ETAG, "\"" + hash + "\"")
                        .header("X-Content-Type-Options", "nosniff")
                        .build())
                .orElseThrow(UiExtensionResource::notFound));
    }

    private static io.prmos.engine.api.ApiProblem notFound() {
        return io.prmos.engine.api.ApiProblem.notFound("no such UI bundle");
    }
}
