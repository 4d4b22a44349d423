package io.prmos.engine.agents;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One streamed model call. Text deltas collect in a buffer that the run's thread drains while it waits
 * ({@link #drain}), so the stream's own thread never touches the database and deltas reach the run's
 * events coalesced, a few per second rather than one per token.
 */
final class ModelTurn {

    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    private final StringBuilder pending = new StringBuilder();
    private final long started = System.nanoTime();

    private ModelTurn() {
    }

    static ModelTurn start(StreamingChatModel model, List<ChatMessage> messages, List<ToolSpecification> tools) {
        ModelTurn turn = new ModelTurn();
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (!tools.isEmpty()) {
            request.toolSpecifications(tools);
        }
        try {
            model.chat(request.build(), turn.handler());
        } catch (RuntimeException e) {
            turn.done.completeExceptionally(e);
        }
        return turn;
    }

    private StreamingChatResponseHandler handler() {
        return new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                synchronized (pending) {
                    pending.append(text);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        };
    }

    /** The text streamed since the last call. */
    String drain() {
        synchronized (pending) {
            String text = pending.toString();
            pending.setLength(0);
            return text;
        }
    }

    /** Waits up to {@code millis} for the answer: null when it has not come yet. */
    ChatResponse await(long millis) throws ModelFailure {
        try {
            return done.get(Math.max(1, millis), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new ModelFailure(message.length() > 500 ? message.substring(0, 500) + "…" : message);
        }
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** The model answered with an error (HTTP status, broken stream, refused request). */
    static final class ModelFailure extends Exception {
        ModelFailure(String message) {
            super(message);
        }
    }
}
