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
     * Which decision counts and how {@code record} stands to it, in the words every view uses; empty when it is the
     * only record on its question. A record that gives the same answer as the one before it on its question restates
     * it: it replaces nothing, and the decision keeps the record that first made it. E.g. "replaced by #3, which stands
     * (hold production 42; do not promote candidate 43), restated by #4", "stands: restated by #4 (3 decisions on this
     * question and evidence)", "stands: restates #3, which first decided it (3 decisions on this question and
     * evidence)", "stands: the latest of 2 decisions on this question and evidence; it decides otherwise than #1
     * without amending it (written before Verdict refused that, or around Verdict)".
     */
    public String describe(LoggedRecord record) {
        List<Decided> decided = onQuestionOf(record);
        if (decided.size() < 2) {
            return "";
        }
        int at = 0;
        while (decided.get(at).logged().sequence() != record.sequence()) {
            at++;
        }
        int standingFrom = answerFrom(decided, decided.size() - 1);
        String restatements = numbers(decided.subList(standingFrom + 1, decided.size()));
        String standing;
        if (at >= standingFrom) {
            String count = decided.size() + " decisions on this question and evidence";
            standing = at > standingFrom ? "stands: restates #" + sequence(decided, standingFrom)
                    + ", which first decided it (" + count + ")"
                    : restatements.isEmpty() ? "stands: the latest of " + count
                    : "stands: restated by " + restatements + " (" + count + ")";
        } else {
            int answerFrom = answerFrom(decided, at);
            int replacedBy = at + 1;
            while (Objects.equals(decided.get(replacedBy).record().decision(), decided.get(at).record().decision())) {
                replacedBy++;
            }
            String action = " (" + decided.get(standingFrom).record().action() + ")";
            standing = (answerFrom < at ? "restates #" + sequence(decided, answerFrom) + "; " : "") + "replaced by #"
                    + sequence(decided, replacedBy) + (replacedBy == standingFrom ? ", which stands" + action
                    : "; #" + sequence(decided, standingFrom) + " stands" + action)
                    + (restatements.isEmpty() ? "" : ", restated by " + restatements);
        }
        List<LoggedRecord> contradicted = contradictedWithoutAmending(record);
        return contradicted.isEmpty() ? standing : standing + "; it decides otherwise than " + contradicted.stream()
                .map(r -> "#" + r.sequence()).collect(java.util.stream.Collectors.joining(", "))
                + " without amending " + (contradicted.size() == 1 ? "it" : "them")
                + " (written before Verdict refused that, or around Verdict)";
    }

    /** Where the run of records giving the same answer as {@code decided[at]}, up to it, begins. */
    private static int answerFrom(List<Decided> decided, int at) {
        int from = at;
        while (from > 0 && Objects.equals(decided.get(from - 1).record().decision(), decided.get(at).record().decision())) {
            from--;
        }
        return from;
    }

    private static long sequence(List<Decided> decided, int at) {
        return decided.get(at).logged().sequence();
    }

    private static String numbers(List<Decided> decided) {
        return decided.stream().map(d -> "#" + d.logged().sequence()).collect(java.util.stream.Collectors.joining(", "));
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
