package io.mockpg.internal.cli.admin;

import io.mockpg.Fault;
import io.mockpg.JournalEntry;
import io.mockpg.RuleSummary;
import java.util.ArrayList;
import java.util.List;

/** An in-memory backend recording what the admin API asked of it. */
final class FakeAdminBackend implements AdminBackend {

    final List<JournalEntry> journal = new ArrayList<>();
    final List<RuleSummary> rules = new ArrayList<>();
    final List<String> addedYaml = new ArrayList<>();
    final List<String> notifications = new ArrayList<>();
    final List<String> faults = new ArrayList<>();
    List<String> problemsForNextYaml = List.of();
    int resets;
    RuntimeException failure;

    @Override
    public synchronized List<JournalEntry> journal() {
        failIfAsked();
        return List.copyOf(journal);
    }

    @Override
    public synchronized List<JournalEntry> unmatched() {
        return journal.stream().filter(JournalEntry::unmatched).toList();
    }

    @Override
    public synchronized void clearJournal() {
        journal.clear();
    }

    @Override
    public synchronized List<RuleSummary> rules() {
        return List.copyOf(rules);
    }

    @Override
    public synchronized List<String> addRulesYaml(String yaml) {
        if (!problemsForNextYaml.isEmpty()) {
            return problemsForNextYaml;
        }
        addedYaml.add(yaml);
        rules.add(0, new RuleSummary("admin#" + addedYaml.size(), "admin", 0));
        return List.of();
    }

    @Override
    public synchronized void reset() {
        resets++;
        journal.clear();
        rules.removeIf(rule -> rule.source().equals("admin"));
    }

    @Override
    public synchronized void injectFault(int at, Fault fault) {
        faults.add(at + ":" + fault);
    }

    @Override
    public synchronized void clearFaults() {
        faults.clear();
    }

    @Override
    public synchronized void notify(String channel, String payload) {
        notifications.add(channel + ":" + payload);
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }
}
