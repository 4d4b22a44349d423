package io.prmos.cli.deps;

import io.prmos.metadata.load.LoadResult;
import java.util.Optional;

/** One place a required module can be found: a lock, sibling folders, a server's registry. */
public interface RequirementSource {

    /** The required module as a manifest or contract the compiler reads, if this source has it. */
    Optional<Found> find(String module);

    /**
     * A required module found.
     *
     * @param from where it came from, for messages ("prm-lock.yaml", "../organizations", "http://host")
     * @param text the manifest or contract text, for stand-ins ({@code prm test} installs it)
     */
    record Found(String module, String version, LoadResult result, String from, String text) {
    }
}
