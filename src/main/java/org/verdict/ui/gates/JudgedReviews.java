package org.verdict.ui.gates;

import java.util.Optional;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.pack.ReviewPack;

/**
 * The gate review the Gates view has already judged for a pack and candidate (null: the first), if it has one, so
 * an action that needs the gates (export, record a decision) does not judge them a second time. Read on the FX
 * thread; {@link GatesViewModel#reviewOf} is the app's.
 */
@FunctionalInterface
public interface JudgedReviews {
    Optional<CandidateReview> of(ReviewPack pack, String candidate);
}
