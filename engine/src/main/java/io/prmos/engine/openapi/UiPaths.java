package io.prmos.engine.openapi;

import static io.prmos.engine.openapi.DocParts.array;
import static io.prmos.engine.openapi.DocParts.body;
import static io.prmos.engine.openapi.DocParts.bool;
import static io.prmos.engine.openapi.DocParts.bounded;
import static io.prmos.engine.openapi.DocParts.freeObject;
import static io.prmos.engine.openapi.DocParts.header;
import static io.prmos.engine.openapi.DocParts.integer;
import static io.prmos.engine.openapi.DocParts.noContent;
import static io.prmos.engine.openapi.DocParts.nullableString;
import static io.prmos.engine.openapi.DocParts.object;
import static io.prmos.engine.openapi.DocParts.ok;
import static io.prmos.engine.openapi.DocParts.operation;
import static io.prmos.engine.openapi.DocParts.path;
import static io.prmos.engine.openapi.DocParts.query;
import static io.prmos.engine.openapi.DocParts.requiredQuery;
import static io.prmos.engine.openapi.DocParts.responses;
import static io.prmos.engine.openapi.DocParts.string;
import static io.prmos.engine.openapi.DocParts.strings;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The web runtime's endpoints (docs/ui.md) and the embedded identity provider's: sign-in
 * configuration and tokens are public, the rest needs a signed-in caller.
 */
final class UiPaths {

    static final String UI = "ui";
    static final String IDENTITY = "identity";

    private UiPaths() {
    }

    /** What an anonymous caller may call: how to sign in, and the embedded provider when it is on. */
    static Map<String, PathItem> anonymous(boolean devIdentity) {
        Map<String, PathItem> out = new LinkedHashMap<>();
        out.put("/api/v1/ui/auth", createPathItem().GET(operation("ui_auth", UI, "How to sign in",
                        "dev: the embedded identity provider's users and token endpoint; oidc: the issuer, client id and scopes "
                                + "for the authorization code flow with PKCE.")
                .security(List.of()).responses(responses("200", ok("Sign-in configuration", uiAuth())))));
        if (devIdentity) {
            Schema token = object().addProperty("access_token", string()).addProperty("token_type", strings("Bearer"))
                    .addProperty("expires_in", integer("int64")).required(List.of("access_token", "token_type", "expires_in"));
            Schema form = object().title("SignIn").addProperty("grant_type", strings("password")).addProperty("username", string())
                    .addProperty("password", string().description("Ignored: the embedded provider has no passwords"))
                    .required(List.of("username"));
            var tokenOp = operation("dev_identity_token", IDENTITY, "Sign in as a demo user",
                    "The embedded identity provider (local use, loopback only) issues a token for a configured user without a "
                            + "password. Also an OAuth 2.0 password grant (form-encoded), which is how Swagger UI signs in.")
                    .security(List.of())
                    .requestBody(body(form, "The user").content(DocParts.json(form).addMediaType("application/x-www-form-urlencoded",
                            org.eclipse.microprofile.openapi.OASFactory.createMediaType().schema(form))))
                    .responses(responses("200", ok("A bearer token", token), 400, 401, 403));
            out.put("/api/dev-identity/token", createPathItem().POST(tokenOp));
            out.put("/api/dev-identity/users", createPathItem().GET(operation("dev_identity_users", IDENTITY, "Demo users",
                    "The users the embedded identity provider signs in.").security(List.of())
                    .responses(responses("200", ok("The users", array(object().addProperty("username", string())
                            .addProperty("tenant", string()).addProperty("roles", array(string())).required(List.of("username", "tenant"))))))));
        }
        return out;
    }

    static Map<String, PathItem> signedIn() {
        Map<String, PathItem> out = new LinkedHashMap<>();
        out.put("/api/v1/ui/metadata", createPathItem().GET(operation("ui_metadata", UI, "What the web runtime renders",
                        "Navigation and entity definitions (fields, list, detail, form, actions) as the caller may use them; "
                                + "cached by ETag (If-None-Match answers 304).")
                .addParameter(header("If-None-Match", "The ETag of the copy you hold"))
                .responses(responses("200", ok("The UI metadata", uiMetadata()), 401)
                        .addAPIResponse("304", noContent("Unchanged since the ETag sent")))));
        Schema view = object().addProperty("id", string("uuid")).addProperty("entity", string()).addProperty("name", string())
                .addProperty("filter", nullableString(null)).addProperty("sort", array(string())).addProperty("columns", array(string()))
                .addProperty("isDefault", bool()).addProperty("createdAt", nullableString("date-time"))
                .addProperty("updatedAt", nullableString("date-time")).required(List.of("id", "entity", "name", "isDefault"));
        Schema viewInput = object().addProperty("entity", string().description("module.Entity")).addProperty("name", string().minLength(1).maxLength(200))
                .addProperty("filter", nullableString(null)).addProperty("sort", array(string())).addProperty("columns", array(string()))
                .addProperty("isDefault", bool()).required(List.of("entity", "name"));
        out.put("/api/v1/ui/views", createPathItem()
                .GET(operation("ui_views_list", UI, "My saved views", "The caller's saved list views, by name.")
                        .addParameter(query("entity", "Only views of this entity, module.Entity", string()))
                        .responses(responses("200", ok("The views", array(view)), 400)))
                .POST(operation("ui_views_create", UI, "Save a view", "Filter and sort must be accepted by the entity's list API.")
                        .requestBody(body(viewInput, "The view"))
                        .responses(responses("201", ok("Saved", view), 404, 422))));
        out.put("/api/v1/ui/views/{id}", createPathItem().addParameter(path("id", "The view's id", string("uuid")))
                .PUT(operation("ui_views_replace", UI, "Change a saved view", "Replaces name, filter, sort, columns and isDefault.")
                        .requestBody(body(viewInput, "The view")).responses(responses("200", ok("Saved", view), 404, 422)))
                .DELETE(operation("ui_views_delete", UI, "Delete a saved view", "Deletes one of the caller's views.")
                        .responses(responses("204", noContent("Deleted"), 404))));
        out.put("/api/v1/ui/quickfind", createPathItem().GET(operation("ui_quickfind", UI, "Quick find",
                        "A few records per entity whose search fields contain q, under the caller's permissions.")
                .addParameter(requiredQuery("q", "1 to 100 characters", string().minLength(1).maxLength(100)))
                .addParameter(query("limit", "Records per entity", bounded(1, 20)))
                .responses(responses("200", ok("Matches by entity", object().addProperty("groups", array(object()
                        .addProperty("entity", string()).addProperty("label", string()).addProperty("route", string())
                        .addProperty("items", array(object().addProperty("id", string()).addProperty("display", string())
                                .addProperty("route", string()).required(List.of("id", "display", "route"))))
                        .required(List.of("entity", "label", "route", "items")))).required(List.of("groups"))), 400))));
        return out;
    }

    private static Schema uiAuth() {
        return object().addProperty("mode", strings("dev", "oidc"))
                .addProperty("tokenEndpoint", string())
                .addProperty("users", array(object().addProperty("username", string()).addProperty("tenant", string())
                        .addProperty("roles", array(string()))))
                .addProperty("oidc", object().addProperty("authority", nullableString(null)).addProperty("clientId", string())
                        .addProperty("scopes", array(string())))
                .required(List.of("mode"));
    }

    private static Schema uiMetadata() {
        return object().addProperty("user", object().addProperty("id", string()).addProperty("username", string())
                        .addProperty("tenant", string()).addProperty("roles", array(string())))
                .addProperty("navigation", array(freeObject("A navigation section with its items")))
                .addProperty("entities", object().additionalPropertiesSchema(freeObject("One entity's definition (docs/ui.md)")))
                .required(List.of("user", "navigation", "entities"));
    }
}
