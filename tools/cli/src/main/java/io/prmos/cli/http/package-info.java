/**
 * The shared HTTP plumbing (JDK {@code java.net.http}) and the JSON mapper. It maps transport
 * failures to exit code 2; it knows nothing of the engine's API or of credentials.
 */
package io.prmos.cli.http;
