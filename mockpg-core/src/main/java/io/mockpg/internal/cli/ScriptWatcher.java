package io.mockpg.internal.cli;

import io.mockpg.MockPgServer;
import io.mockpg.internal.api.ServerBridge;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.yaml.ScriptException;
import io.mockpg.internal.script.yaml.ScriptLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * --watch: reloads the scripts when one of them changes on disk. All files are loaded first
 * and swapped in at once, so a session never sees half a script; a broken edit keeps the
 * previous rules and logs every problem as FILE:LINE:COLUMN.
 */
final class ScriptWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScriptWatcher.class);
    /** Editors often write a file in several steps; wait for them to settle. */
    private static final long SETTLE_MILLIS = 50;

    private final MockPgServer server;
    /** As the user gave them: problems name the files this way. */
    private final List<Path> scripts;
    /** The same files, absolute, to recognize their watch events. */
    private final List<Path> watched;
    private final WatchService watcher;
    private final Thread thread;

    ScriptWatcher(MockPgServer server, List<Path> scripts) throws IOException {
        this.server = server;
        this.scripts = List.copyOf(scripts);
        this.watched = scripts.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.watcher = FileSystems.getDefault().newWatchService();
        Set<Path> directories = new HashSet<>();
        for (Path script : this.watched) {
            if (directories.add(script.getParent())) {
                script.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        this.thread = new Thread(this::watch, "mockpg-script-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean relevant = key.pollEvents().stream()
                        .anyMatch(event -> event.context() instanceof Path name
                                && watched.contains(((Path) key.watchable()).resolve(name).normalize()));
                key.reset();
                if (relevant) {
                    Thread.sleep(SETTLE_MILLIS);
                    drainPendingEvents();
                    reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainPendingEvents() throws InterruptedException {
        WatchKey key;
        while ((key = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
            key.pollEvents();
            key.reset();
        }
    }

    /** Loads every script; swaps them in only if all of them load. */
    void reload() {
        List<Script> loaded = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path script : scripts) {
            try {
                loaded.add(ScriptLoader.load(script));
            } catch (ScriptException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            log.error("scripts not reloaded, the previous rules stay in force:\n{}", String.join("\n", problems));
            return;
        }
        ServerBridge.engine(server).replaceScripts(loaded);
        log.info("scripts reloaded: {}", scripts);
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watcher.close();
    }
}
