/**
 * Dependencies as contracts: what a module needs of the modules it requires (entities, fields,
 * dictionaries, roles, events), cut from their published manifests, and the lock file that pins
 * those contracts by version and checksum so a module validates offline in its own repository.
 * The CLI writes and reads locks; the engine and the CLI share these classes so both agree on what
 * a contract holds. Depends on {@code load} only.
 */
package io.prmos.metadata.contract;
