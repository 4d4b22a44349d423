package io.prmos.engine.agents;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.prmos.engine.api.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Model profiles from configuration: {@code prm.agents.models.{profile}.provider} ({@code openai}, the
 * default, for any OpenAI-compatible chat API; {@code anthropic}; {@code ollama}), {@code base-url},
 * {@code api-key} and {@code model-name}. A tenant may override a profile with
 * {@code prm.agents.models.{profile}.tenant.{tenant}.*}. A profile without a model name is not configured:
 * a run is refused with a 503 that names the missing setting, and agents are still listed.
 */
@ApplicationScoped
public class ModelProfiles {

    static final String PREFIX = "prm.agents.models.";
    private static final List<String> PROVIDERS = List.of("openai", "anthropic", "ollama");

    /** A profile as configured. */
    public record Profile(String name, String provider, String baseUrl, String apiKey, String modelName, Duration timeout) {
    }

    private final Map<Profile, StreamingChatModel> models = new ConcurrentHashMap<>();

    /** The profile, or a 503 problem naming the setting that is missing or wrong. */
    public Profile profile(String profile, String tenant) {
        Config config = ConfigProvider.getConfig();
        String tenantPrefix = PREFIX + profile + ".tenant." + tenant + ".";
        String prefix = config.getOptionalValue(tenantPrefix + "model-name", String.class).isPresent() ? tenantPrefix : PREFIX + profile + ".";
        Optional<String> model = value(config, prefix + "model-name");
        if (model.isEmpty()) {
            throw unavailable("no model is configured for profile '" + profile + "': set " + PREFIX + profile
                    + ".model-name (and base-url, api-key, provider)");
        }
        String provider = value(config, prefix + "provider").orElse("openai");
        if (!PROVIDERS.contains(provider)) {
            throw unavailable("model profile '" + profile + "' names provider '" + provider + "'; set " + prefix
                    + "provider to one of " + PROVIDERS);
        }
        Optional<String> key = value(config, prefix + "api-key");
        Optional<String> url = value(config, prefix + "base-url");
        if (!"ollama".equals(provider) && key.isEmpty() && url.isEmpty()) {
            throw unavailable("model profile '" + profile + "' has no " + prefix + "api-key (required without a base-url)");
        }
        Duration timeout = config.getOptionalValue(prefix + "timeout", Duration.class).orElse(Duration.ofMinutes(2));
        return new Profile(profile, provider, url.orElse(null), key.orElse("none"), model.get(), timeout);
    }

    /** The streaming client of a profile, built once per configuration. */
    public StreamingChatModel model(Profile profile) {
        return models.computeIfAbsent(profile, ModelProfiles::build);
    }

    private static StreamingChatModel build(Profile p) {
        return switch (p.provider()) {
            case "anthropic" -> AnthropicStreamingChatModel.builder().baseUrl(p.baseUrl()).apiKey(p.apiKey())
                    .modelName(p.modelName()).timeout(p.timeout()).build();
            case "ollama" -> OllamaStreamingChatModel.builder().baseUrl(p.baseUrl()).modelName(p.modelName())
                    .timeout(p.timeout()).build();
            default -> OpenAiStreamingChatModel.builder().baseUrl(p.baseUrl()).apiKey(p.apiKey()).modelName(p.modelName())
                    .timeout(p.timeout()).build();
        };
    }

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(s -> !s.isBlank());
    }

    private static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "model-not-configured", "No model configured", detail, List.of());
    }
}
