package io.prmos.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** One page of a list: the records, the cursor of the next page (if any) and the optional total. */
public record Page(List<ObjectNode> items, Optional<String> nextCursor, Optional<Long> total) {
}
