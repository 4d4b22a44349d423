/**
 * Manifest → DDL: a planner that diffs a catalog against what exists and produces typed migration
 * steps, a renderer that turns steps into SQL, and the migrator that applies a plan under an
 * advisory lock. Depends on the metadata catalog and {@code sql}.
 */
package io.prmos.engine.schema;
