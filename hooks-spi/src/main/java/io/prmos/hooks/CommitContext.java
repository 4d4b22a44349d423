package io.prmos.hooks;

import java.util.Map;

/** A write that has committed; the hook runs outside any transaction and cannot undo it. */
public interface CommitContext extends RecordView {

    Map<String, Object> after();
}
