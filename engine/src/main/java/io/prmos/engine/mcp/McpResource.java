package io.prmos.engine.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * The MCP endpoint (Streamable HTTP transport): each POST carries one JSON-RPC message. A request is
 * answered with one JSON response (the transport lets a server answer with JSON instead of a stream);
 * a notification or a response from the client is acknowledged with 202. The server is stateless — no
 * session id, no server-initiated messages — so GET (the server's stream) and DELETE (end of a session)
 * answer 405. Authentication is the API's (bearer token or API key): without it, 401 problem+json.
 * Malformed messages get JSON-RPC error objects, never a 500. Not in the OpenAPI document: JSON-RPC
 * methods are not REST operations (docs/adr/0123).
 */
@Path("/mcp")
@Authenticated
public class McpResource {

    private static final Logger LOG = Logger.getLogger(McpResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CallerResolver callers;

    @Inject
    McpMethods methods;

    @POST
    @Operation(hidden = true)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> post(String body, @HeaderParam("MCP-Protocol-Version") String version) {
        Caller caller = callers.current();
        JsonNode message;
        try {
            message = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return answer(400, JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: the body is not JSON"));
        }
        if (version != null && !McpMethods.VERSIONS.contains(version)) {
            return answer(400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Unsupported MCP-Protocol-Version " + version
                    + "; supported: " + McpMethods.VERSIONS));
        }
        if (message == null || !message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
            return answer(400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST,
                    "Invalid Request: one JSON-RPC 2.0 object per message (batches are not part of MCP since 2025-06-18)"));
        }
        if (!message.hasNonNull("method")) {
            return Uni.createFrom().item(Response.accepted().build()); // a response to a server request: none are sent
        }
        JsonNode id = message.get("id");
        if (id == null) {
            return Uni.createFrom().item(Response.accepted().build()); // notifications (initialized, cancelled) need no answer
        }
        if (!id.isTextual() && !id.isIntegralNumber()) {
            return answer(400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid Request: id is a string or an integer"));
        }
        JsonNode params = message.path("params").isObject() ? message.get("params") : JsonNodeFactory.instance.objectNode();
        Uni<ObjectNode> result;
        try {
            result = dispatch(caller, message.path("method").asText(), params);
        } catch (RuntimeException e) {
            result = Uni.createFrom().failure(e);
        }
        return result.map(r -> JsonRpc.result(id, r)).onFailure().recoverWithItem(f -> failed(id, f))
                .map(out -> Response.ok(out, MediaType.APPLICATION_JSON_TYPE).build());
    }

    private Uni<ObjectNode> dispatch(Caller caller, String method, JsonNode params) {
        return switch (method) {
            case "initialize" -> item(methods.initialize(params));
            case "ping" -> item(JsonNodeFactory.instance.objectNode());
            case "tools/list" -> item(methods.listTools(caller));
            case "tools/call" -> {
                if (!params.path("name").isTextual() || params.has("arguments") && !params.get("arguments").isObject()) {
                    throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "Invalid params: tools/call needs a name and an arguments object");
                }
                yield methods.callTool(caller, params);
            }
            case "resources/list" -> item(methods.listResources());
            case "resources/templates/list" -> item(methods.resourceTemplates(caller));
            case "resources/read" -> {
                if (!params.path("uri").isTextual()) {
                    throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "Invalid params: resources/read needs a uri");
                }
                yield methods.readResource(caller, params);
            }
            default -> throw new JsonRpc.Failure(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method);
        };
    }

    private static ObjectNode failed(JsonNode id, Throwable f) {
        if (f instanceof JsonRpc.Failure failure) {
            return JsonRpc.error(id, failure.code, failure.getMessage());
        }
        LOG.warnf(f, "MCP request %s failed", id);
        return JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "Internal error; the failure is logged");
    }

    private static Uni<ObjectNode> item(ObjectNode value) {
        return Uni.createFrom().item(value);
    }

    private static Uni<Response> answer(int status, ObjectNode body) {
        return Uni.createFrom().item(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }

    /** The server offers no stream of its own (it never sends requests or notifications to the client). */
    @GET
    @Operation(hidden = true)
    public Response stream() {
        return Response.status(405).header("Allow", "POST").build();
    }

    /** Sessions are not kept, so there is none to end. */
    @DELETE
    @Operation(hidden = true)
    public Response end() {
        return Response.status(405).header("Allow", "POST").build();
    }
}
