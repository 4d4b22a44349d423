/**
 * {@code prm init}: new module folders rendered from the Velocity templates under
 * {@code src/main/resources/templates}. Uses the manifest naming rules of {@code prm-metadata}.
 */
package io.prmos.cli.scaffold;
