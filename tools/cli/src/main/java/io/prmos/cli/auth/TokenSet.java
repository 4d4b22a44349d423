package io.prmos.cli.auth;

/** An access token and, when the provider issued one, the refresh token that renews it. */
public record TokenSet(String accessToken, String refreshToken) {
}
