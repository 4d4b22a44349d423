package io.prmos.engine.ui;

import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.query.ListQuery;
import io.prmos.engine.query.ListQueryParser;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.Access;
import io.prmos.engine.store.Page;
import io.prmos.engine.store.RecordReader;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * {@code GET /api/v1/{module}/{entity}/export}: every record matching the list parameters that
 * the caller may read, as CSV, streamed page by page through the list machinery (same filter,
 * sort, permissions and tenant isolation as the list endpoint). Capped at {@link #MAX_ROWS}.
 */
@Path("/api/v1/{module}/{entity}/export")
@Authenticated
public class CsvExportResource {

    static final int MAX_ROWS = 50_000;
    static final String PAGE_SIZE = String.valueOf(ListQuery.MAX_LIMIT);
    static final String TEXT_CSV = "text/csv";

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecordReader reader;

    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @GET
    @Produces(TEXT_CSV)
    public Multi<String> export(@PathParam("module") String module, @PathParam("entity") String entityPath,
                                @QueryParam("filter") String filter, @QueryParam("sort") String sort,
                                @QueryParam("fields") String fields, @QueryParam("header") String header) {
        Caller caller = callers.current();
        Catalog catalog = catalogs.forTenant(caller.tenant());
        EntityDescriptor entity = catalog.entity(module, entityPath)
                .orElseThrow(() -> ApiProblem.notFound("no entity '" + entityPath + "' in module '" + module + "'"));
        AccessDecision read = evaluator.decide(caller, catalog, entity, Operation.READ);
        if (!read.allowed()) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "your roles do not allow read on " + entity.qualifiedName(), List.of());
        }
        if (header != null && !header.equals("labels") && !header.equals("names")) {
            throw ApiProblem.badRequest("invalid-header", "header must be 'labels' (default) or 'names'");
        }
        CsvColumns columns = CsvColumns.of(entity, read.visibleFields(), fields, !"names".equals(header));
        ListQueryParser.parse(entity, read.visibleFields(), filter, sort, PAGE_SIZE, null, null, null);
        Pages pages = new Pages(caller, entity, read.visibleFields(), filter, sort, ReadAccess.of(read), columns);
        Multi<String> body = Multi.createBy().concatenating().streams(Multi.createFrom().item(columns.header()), pages.from(null, 0));
        return RestMulti.fromMultiData(body)
                .header("Content-Disposition", "attachment; filename=\"" + entity.module() + "-" + entity.path() + ".csv\"")
                .header("X-Export-Limit", String.valueOf(MAX_ROWS))
                .build();
    }

    /** Fetches page after page lazily, as the response is written. */
    private final class Pages {
        private final Caller caller;
        private final EntityDescriptor entity;
        private final java.util.Set<String> visible;
        private final String filter;
        private final String sort;
        private final Access access;
        private final CsvColumns columns;

        Pages(Caller caller, EntityDescriptor entity, java.util.Set<String> visible, String filter, String sort, Access access,
              CsvColumns columns) {
            this.caller = caller;
            this.entity = entity;
            this.visible = visible;
            this.filter = filter;
            this.sort = sort;
            this.access = access;
            this.columns = columns;
        }

        Multi<String> from(String cursor, int written) {
            Uni<Page> page = Uni.createFrom().deferred(() -> reader.list(caller, entity,
                    ListQueryParser.parse(entity, visible, filter, sort, PAGE_SIZE, cursor, null, null), access));
            return page.onItem().transformToMulti(p -> {
                int room = MAX_ROWS - written;
                List<String> rows = p.items().stream().limit(room).map(columns::row).toList();
                Multi<String> current = Multi.createFrom().item(String.join("", rows));
                int total = written + rows.size();
                if (p.nextCursor().isEmpty() || total >= MAX_ROWS) {
                    return current;
                }
                return Multi.createBy().concatenating().streams(current, from(p.nextCursor().get(), total));
            });
        }
    }
}
