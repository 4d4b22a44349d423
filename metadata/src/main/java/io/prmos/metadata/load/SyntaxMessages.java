package io.prmos.metadata.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns Jackson and SnakeYAML parse failures into one readable line without stack or source dump. */
final class SyntaxMessages {

    private SyntaxMessages() {
    }

    static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
            return "YAML syntax error: " + yaml.getProblem() + context;
        }
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "syntax error";
        }
        String duplicate = "Duplicate field '";
        int end = message.indexOf('\'', duplicate.length());
        if (message.startsWith(duplicate) && end > 0) {
            return "duplicate key '" + message.substring(duplicate.length(), end) + "'";
        }
        String firstLine = message.strip().lines().findFirst().orElse(message).strip();
        return "syntax error: " + firstLine;
    }

    /** SnakeYAML knows where the problem is more precisely than where the parser stopped. */
    static Optional<Position> problemMark(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            return Optional.of(new Position(mark.getLine() + 1, mark.getColumn() + 1));
        }
        return Optional.empty();
    }
}
