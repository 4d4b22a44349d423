/**
 * Naming rules shared by every pass: which names are legal, reserved or system-owned, and how
 * entity names map to table names. Depends on nothing.
 */
package io.prmos.metadata.naming;
