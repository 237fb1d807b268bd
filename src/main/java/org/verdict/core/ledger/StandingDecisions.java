package org.verdict.core.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which decision stands when the log holds several on one question: the same kind of decision about the same model
 * on the same evidence (the pack's file hashes) and, for a promotion, the same candidate and production versions.
 * The latest record on a question stands. A record that decides a question otherwise than the decision standing must
 * name it in {@code amends} ({@link DecisionLog#append} refuses it without), so that nobody reads two answers to one
 * question without being told which one counts; a record that contradicts an earlier one without naming it comes from
 * a log written before that rule, or around Verdict, and every view says so.
 */
public final class StandingDecisions {
    private final Map<String, List<Decided>> byQuestion = new HashMap<>();
    private final Map<Long, String> questionOf = new HashMap<>();

    private record Decided(LoggedRecord logged, DecisionRecord record) {
    }

    private StandingDecisions() {
    }

    /** Reads the decisions of {@code records} (in log order); records that do not parse decide nothing. */
    public static StandingDecisions of(List<LoggedRecord> records) {
        StandingDecisions decisions = new StandingDecisions();
        for (LoggedRecord logged : records) {
            Optional<DecisionRecord> record = logged.statement().map(DecisionStatement::record);
            Optional<String> question = record.flatMap(StandingDecisions::question);
            if (question.isPresent()) {
                decisions.questionOf.put(logged.sequence(), question.get());
                decisions.byQuestion.computeIfAbsent(question.get(), q -> new ArrayList<>())
                        .add(new Decided(logged, record.get()));
            }
        }
        return decisions;
    }

    /** What {@code record} decides, as a key; empty for an amendment (it adds facts) or a record without evidence. */
    private static Optional<String> question(DecisionRecord record) {
        if (record.kind() == null || record.kind() == RecordKind.AMENDMENT || record.evidence() == null || record.evidence().files() == null) {
            return Optional.empty();
        }
        return Optional.of(String.join("\n", record.kind().wireName(), String.valueOf(record.model()),
                String.valueOf(record.candidateVersion()), String.valueOf(record.productionVersion()),
                new TreeMap<>(record.evidence().files()).toString()));
    }

    private List<Decided> onQuestionOf(LoggedRecord record) {
        String question = questionOf.get(record.sequence());
        return question == null ? List.of() : byQuestion.get(question);
    }

    /**
     * The latest record on the question {@code record} decides, when the log holds different answers to it; records
     * that all say the same leave nothing to choose between.
     */
    public Optional<LoggedRecord> latestOnItsQuestion(LoggedRecord record) {
        List<Decided> decided = onQuestionOf(record);
        boolean answeredOtherwise = decided.stream().map(d -> d.record().decision()).distinct().count() > 1;
        return answeredOtherwise ? Optional.of(decided.get(decided.size() - 1).logged()) : Optional.empty();
    }

    /**
     * The decision that stood on the question of {@code record} when it was appended, if that one decided otherwise
     * and {@code record} does not name it in {@code amends}: two answers to one question with nothing saying the later
     * replaces the earlier. Empty for a record that amends it, restates it, or is the first on its question.
     */
    public List<LoggedRecord> contradictedWithoutAmending(LoggedRecord record) {
        Decided before = null;
        for (Decided decided : onQuestionOf(record)) {
            if (decided.logged().sequence() == record.sequence()) {
                boolean contradicts = before != null
                        && !Objects.equals(before.record().decision(), decided.record().decision())
                        && (decided.record().amends() == null
                                || !before.logged().recordId().startsWith(decided.record().amends()));
                return contradicts ? List.of(before.logged()) : List.of();
            }
            before = decided;
        }
        return List.of();
    }

    /**
     * Which decision counts, in the words every view uses; empty when the log holds no other answer to the question
     * of {@code record}. E.g. "replaced: #3 stands, the latest decision on this question and evidence (hold production
     * 42; do not promote candidate 43)", "stands: the latest of 2 decisions on this question and evidence; it decides
     * otherwise than #1 without amending it (written before Verdict refused that, or around it)".
     */
    public String describe(LoggedRecord record) {
        Optional<LoggedRecord> latest = latestOnItsQuestion(record);
        if (latest.isEmpty()) {
            return "";
        }
        List<Decided> decided = onQuestionOf(record);
        Decided last = decided.get(decided.size() - 1);
        String standing = latest.get().sequence() == record.sequence()
                ? "stands: the latest of " + decided.size() + " decisions on this question and evidence"
                : "replaced: #" + last.logged().sequence() + " stands, the latest decision on this question and evidence ("
                        + last.record().action() + ")";
        List<LoggedRecord> contradicted = contradictedWithoutAmending(record);
        return contradicted.isEmpty() ? standing : standing + "; it decides otherwise than " + contradicted.stream()
                .map(r -> "#" + r.sequence()).collect(java.util.stream.Collectors.joining(", "))
                + " without amending " + (contradicted.size() == 1 ? "it" : "them")
                + " (written before Verdict refused that, or around Verdict)";
    }

    /**
     * The decision standing on the question {@code record} (not yet in the log) would decide: the latest record on it,
     * which a record answering otherwise must name in {@code amends}. Empty when the log holds no decision on that
     * question, or {@code record} decides none (an amendment, a record without evidence).
     */
    public Optional<LoggedRecord> standingOn(DecisionRecord record) {
        return standing(record).map(Decided::logged);
    }

    private Optional<Decided> standing(DecisionRecord record) {
        return question(record).map(byQuestion::get).map(decided -> decided.get(decided.size() - 1));
    }

    /**
     * Why {@code record} (its {@code amends} resolved to a full id) may not be appended to this log: it decides a
     * question the log already answers otherwise without amending the decision standing on it, or amends an earlier
     * one that a later record already replaced.
     */
    Optional<String> refusal(DecisionRecord record) {
        Optional<Decided> latest = standing(record);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Decided standing = latest.get();
        if (Objects.equals(standing.record().decision(), record.decision())
                || standing.logged().recordId().equals(record.amends())) {
            return Optional.empty();
        }
        String which = "record #" + standing.logged().sequence() + " (" + standing.logged().shortId() + ", "
                + standing.record().decisionDate() + ") already decides this on the same evidence: "
                + standing.record().action();
        String how = "; a record that decides otherwise must amend the decision standing, so that the log says which one"
                + " counts: add \"amends\": \"#" + standing.logged().sequence() + "\" to the record (it then stands in"
                + " its place; record #" + standing.logged().sequence() + " stays in the log, marked replaced)";
        if (record.amends() == null) {
            return Optional.of(which + how);
        }
        return Optional.of("the record amends " + record.amends().substring(0, Math.min(12, record.amends().length()))
                + ", but " + which + how);
    }
}
