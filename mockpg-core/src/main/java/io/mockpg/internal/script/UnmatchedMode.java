package io.mockpg.internal.script;

/** SPEC §3 `unmatched`. */
public enum UnmatchedMode { ERROR, EMPTY }
