package io.mockpg.script;

/** SPEC §3 `unmatched`. */
public enum UnmatchedMode { ERROR, EMPTY }
