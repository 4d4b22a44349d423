package io.prmos.engine.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC 2.0 messages as MCP uses them. A failure of the protocol (unknown method, bad parameters,
 * an unknown resource) is a {@link Failure} answered as an error object; a tool that fails is not a
 * protocol failure but a result with {@code isError} (the MCP specification's distinction).
 */
final class JsonRpc {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** MCP's code for a resource that does not exist (or that the caller may not read). */
    static final int RESOURCE_NOT_FOUND = -32002;

    /** A protocol error to answer as a JSON-RPC error object. */
    static final class Failure extends RuntimeException {
        final int code;

        Failure(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private JsonRpc() {
    }

    static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode out = envelope(id);
        out.set("result", result);
        return out;
    }

    static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode out = envelope(id);
        out.putObject("error").put("code", code).put("message", message);
        return out;
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
        out.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        return out;
    }
}
