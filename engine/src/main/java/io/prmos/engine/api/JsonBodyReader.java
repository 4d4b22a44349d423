package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.json.StrictJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every {@code JsonNode} request body of every resource with {@link StrictJson}, so bodies
 * bound by the framework are held to the same rules (no duplicate keys, no NUL, bounded numbers)
 * as those the record API reads itself ({@link RecordResponses#parseBody}). An empty body is null,
 * as with the framework's own reader; resources report it.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<JsonNode> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonNode.class;
    }

    @Override
    public JsonNode readFrom(Class<JsonNode> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                             MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        return bytes.length == 0 ? null : StrictJson.read(bytes);
    }
}
