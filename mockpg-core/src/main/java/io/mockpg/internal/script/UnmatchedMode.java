package io.mockpg.internal.script;

/** `unmatched` (docs/script-reference.md, "Top level"). */
public enum UnmatchedMode { ERROR, EMPTY }
