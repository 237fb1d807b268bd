package org.verdict.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.verdict.cli.exit.ErrorLine;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.exit.PackErrorText;
import org.verdict.cli.options.PackLimitOptions;
import org.verdict.cli.terminal.TerminalTable;
import org.verdict.cli.terminal.TerminalWidth;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateEvaluation;
import org.verdict.core.gates.GateJson;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.policy.PolicySource;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.gates.triggers.RetrainingAssessment;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLimits;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.summary.SummaryMethods;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code verdict gate PACK}: the promotion checklist of a candidate under the pack's (or a given) policy. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Judge every promotion gate and data-validation gate of a candidate under a policy.",
            "A policy value of the wrong kind or out of range is refused with its key's whole path (primary.margin),"
                    + " the file, line and column.",
            GateCommand.TOLERANCES,
            "Exit codes: 0 every gate passes, 1 a gate fails or lacks evidence, " + ExitCodes.REFUSALS})
public final class GateCommand implements Callable<Integer> {
    /**
     * Where the gates' tolerances come from, for the help of every command that judges them: the policy, never an
     * option, so that a decision names the one file that set them.
     */
    static final String TOLERANCES = "Every tolerance is the policy's, set in policy.json, not by an option:"
            + " primary.margin (primary metric and slices), languageParity.tolerance (E, default 0.05: language parity,"
            + " and the band of 'no significant difference' of the language comparison and of each fairness group's"
            + " change), fairness.tolerances, safety.acceptedRate and the others of docs/gates.md; compare's --effect"
            + " does not apply.";
    /** GATE and OUTCOME columns: a finding's line leaves GATE empty and fills the other two like its gate's. */
    private static final int GATE_COLUMNS = 40;
    private static final int OUTCOME_COLUMNS = TerminalWidth.of(mark(GateOutcome.INSUFFICIENT_EVIDENCE));

    @Parameters(index = "0", paramLabel = "PACK", description = "pack folder or .zip")
    Path pack;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "policy.json to apply instead of the pack's own (see docs/gates.md)")
    Path policyFile;

    @Option(names = "--candidate", paramLabel = "V", description = "candidate version (default: the first candidate)")
    String candidate;

    @Option(names = "--json", description = "print the gates as JSON for scripts and CI")
    boolean json;

    @CommandLine.Mixin
    PackLimitOptions limitOptions = new PackLimitOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PackLimits limits = limitOptions.limits();
        PackLoader loader = SummaryPacks.loader(limits);
        PolicyReader policyReader = new PolicyReader();
        PolicySource givenPolicySource = null;
        GatePolicy givenPolicy = null;
        if (policyFile != null) {
            // named by its own path, not inside the pack: its errors are printed as they are
            try {
                givenPolicySource = PolicySource.ofFile(policyFile);
                givenPolicy = givenPolicySource.read(policyReader);
            } catch (PackException e) {
                return ErrorLine.print(err, e.getMessage(), ExitCodes.BAD_INPUT);
            }
        }
        // no file hashes: the gates show none (the policy's own hash is taken when it is read)
        try (ReviewPack loaded = loader.loadForComparison(pack, Progress.NONE)) {
            GateReview review = new GateReview(new ComparisonEngine(), loader, new SuiteReader(limits), policyReader);
            PolicySource policySource = givenPolicySource != null ? givenPolicySource : PolicySource.of(loaded);
            GatePolicy policy = givenPolicy != null ? givenPolicy : policySource.readFor(loaded, policyReader);
            if (givenPolicy != null) {
                try {
                    // its margins are bounded by the pack's primary metric, known only now
                    givenPolicySource.requireMarginsFor(loaded, givenPolicy, policyReader);
                } catch (PackException e) {
                    return ErrorLine.print(err, e.getMessage(), ExitCodes.BAD_INPUT); // named by its own path, as above
                }
            }
            CandidateReview result = review.judgeGates(loaded, candidate, policy, Progress.NONE);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                // the policy in use travels in the JSON, so standard error stays quiet when the gates are judged
                Map<String, Object> gates = new LinkedHashMap<>(GateJson.of(result));
                Map<String, Object> policyInUse = new LinkedHashMap<>();
                policyInUse.put("file", policySource.name());
                policyInUse.put("sha256", policySource.sha256());
                policyInUse.put("text", policySource.describe());
                gates.put("policy", policyInUse);
                SummaryPacks.primaryOf(loaded).ifPresent(summary -> gates.put("summary",
                        SummaryMethods.json(loaded.manifest(), summary)));
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(gates));
            } else {
                SummaryPacks.primaryOf(loaded).ifPresent(summary -> out.println(SummaryMethods.describe(summary)));
                printTable(out, result, policySource);
            }
            out.flush();
            return result.gates().everyGatePasses() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        } catch (PackException e) {
            return ErrorLine.print(err, PackErrorText.of(pack, e), ExitCodes.BAD_INPUT);
        } catch (IllegalArgumentException e) {
            return ErrorLine.print(err, e.getMessage(), ExitCodes.BAD_INPUT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the gate report could not be written as JSON", e);
        }
    }

    private static void printTable(PrintWriter out, CandidateReview review, PolicySource policy) {
        GateEvaluation gates = review.gates();
        out.printf("%s: candidate %s vs production %s (risk tier %d)%n", gates.packName(), gates.candidate(),
                gates.production(), gates.riskTier());
        out.printf("Policy: %s%n%n", policy.describe());
        printRow(out, "GATE", "OUTCOME", "WHY");
        for (GateResult gate : gates.gates()) {
            printRow(out, gate.gate().title(), mark(gate.outcome()), GateResult.besideOutcome(
                    gate.outcome().blocksPromotion() ? gate.summaryAboveItsFindings() : gate.summary()));
            // the summary quotes the worst finding with the gate's outcome (Slices after its coverage heading); list
            // the other blocking ones below it
            // (a gate the policy declares not applicable blocks nothing, so its findings stay in the JSON only)
            boolean summarised = !gate.outcome().blocksPromotion();
            for (Finding finding : gate.findings()) {
                if (!summarised && finding.outcome() == gate.outcome() && gate.summary().contains(finding.detail())) {
                    summarised = true;
                } else if (gate.outcome().blocksPromotion() && finding.outcome().blocksPromotion()) {
                    printRow(out, "", mark(finding.outcome()), finding.detail());
                }
            }
        }
        var worse = review.evidence().worseFindings();
        // said even when none is worse: how many slices were tested, and which could not be
        out.printf("%n%s%n", worse.slicesHeading());
        worse.slices().forEach(slice -> out.printf("  ▼ %s%n", slice));
        // what no gate judges but a board reads before approving: other metrics, each class's recall
        var elsewhere = worse.overall();
        if (elsewhere.isEmpty()) {
            out.printf("%n%s%n", worse.nothingElse());
        } else {
            out.printf("%nAlso significantly worse overall (%d), which no gate judges: read %s before approving.%n",
                    elsewhere.size(), elsewhere.size() == 1 ? "it" : "them");
            elsewhere.forEach(finding -> out.printf("  ▼ %s%n", finding));
        }
        // said whatever else is worse: a class the candidate never predicts is no less lost beside a worse metric
        if (!worse.lostClasses().isEmpty()) {
            out.printf("%n%s%n", worse.lostClasses());
        }
        // no gate reads the held-out set: a loss it shows is said here, or a board never reads it
        if (!worse.heldOut().isEmpty()) {
            out.printf("%n%s%n", worse.heldOutHeading());
            worse.heldOut().forEach(finding -> out.printf("  ▼ %s%n", finding));
        }
        out.printf("%nApproval: %s%n", gates.approval().text());
        if (!gates.missingSuites().isEmpty()) {
            out.printf("Not in this pack: %s%n", String.join(", ", gates.missingSuites()));
        }
        RetrainingAssessment triggers = review.triggers();
        out.printf("%nRetraining triggers (suggestion for a person to confirm: %s — %s)%n",
                triggers.suggestion().label(), triggers.rationale());
        triggers.triggers().forEach(t -> out.printf("  %s %s %s%n", TerminalTable.padRight(t.trigger().title(), 28),
                TerminalTable.padRight(t.state().label(), 12), t.detail()));
    }

    private static void printRow(PrintWriter out, String gate, String outcome, String why) {
        out.printf("%s %s  %s%n", TerminalTable.padRight(gate, GATE_COLUMNS),
                TerminalTable.padRight(outcome, OUTCOME_COLUMNS), why);
    }

    /** Outcome as text with a symbol, so it reads without colour. */
    private static String mark(GateOutcome outcome) {
        return switch (outcome) {
            case PASS -> "✔ pass";
            case FAIL -> "✘ FAIL";
            case INSUFFICIENT_EVIDENCE -> "? insufficient evidence";
            case NOT_APPLICABLE -> "– not applicable";
        };
    }
}
