package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.ledger.VerificationReport.Problem;

/** What a report heads with and lists first when a changed record hides among many policy findings. */
class VerificationReportTest {

    private static VerificationReport reportOf(List<Problem> problems) {
        return new VerificationReport(142, problems, Map.of(), Map.of(), null, List.of(), GuardFaults.NONE,
                VerificationOptions.STORE_ONLY);
    }

    private static Problem policy(long sequence) {
        return new Problem(sequence, "signed by a key registered without an endorsement", Problem.Kind.POLICY);
    }

    @Test
    void theHeadlineNamesTheAlteredRecordNotAnEarlierPolicyFinding() {
        Problem altered = new Problem(77L, "its bytes no longer match its id c725ef093b2a (the record was changed)");
        Problem chain = new Problem(78L, "does not follow the record before it (hash chain broken)");
        VerificationReport report = reportOf(List.of(new Problem(null, "log entry #2 registers a signer without an"
                + " endorsement", Problem.Kind.POLICY), policy(5), policy(10), altered, chain, policy(80)));

        assertEquals("TAMPERED: first bad record is #77; 2 problems show the change (listed first), 4 break the"
                + " signing policy checked", report.summary());
        assertEquals(77L, report.firstBadRecord().orElseThrow());
        // the tampering first, each kind in the verifier's order
        assertEquals(List.of(altered, chain), report.problems().subList(0, 2));
        assertEquals(5L, report.problems().get(3).sequence());
    }

    @Test
    void aLogThatOnlyBreaksThePolicyNamesNoTamperingAndKeepsItsOrder() {
        VerificationReport report = reportOf(List.of(policy(10), policy(5)));

        assertTrue(report.summary().startsWith("POLICY NOT MET: "), report.summary());
        assertEquals(List.of(10L, 5L), report.problems().stream().map(Problem::sequence).toList());
        assertEquals(5L, report.firstBadRecord().orElseThrow());
    }

    @Test
    void onlyTamperingIsCountedAsBefore() {
        VerificationReport report = reportOf(List.of(new Problem(2L, "does not follow the record before it")));

        assertEquals("TAMPERED: first bad record is #2; 1 problem", report.summary());
    }
}
