package org.verdict.core.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackManifest;

/**
 * Whether a script given to import is byte for byte one this Verdict prints ({@code summarize --engine sql}) for the
 * manifest and options of the import. The checks' script id binds the text that ran, but anyone can recompute the id
 * of a rewritten script; printing the script again and comparing binds what ran to Verdict's own queries. What the
 * import is not given (the dialect, the tables read) is taken from the script's own headings: printed again with
 * them, any other text still differs.
 */
final class PrintedScript {
    private static final Pattern DIALECT = Pattern.compile("\\A-- Verdict summary pack, (\\S+) dialect\n");
    private static final Pattern SOURCE = Pattern.compile("(?m)^-- source: (.*)$");
    private static final Pattern HOLDOUT = Pattern.compile("(?m)^-- holdout source: (.*)$");
    private static final Pattern LATENCY = Pattern.compile("(?m)^-- latency buckets \\(100 per decade\\) of (.*)$");
    private static final Pattern SAFETY = Pattern.compile("(?m)^-- safety cells of (.*)$");
    private static final Pattern HUMAN_BASELINE = Pattern.compile("(?m)^-- human baseline cells of (.*)$");
    /** How much of a differing line the refusal quotes. */
    private static final int QUOTED = 120;

    private PrintedScript() {
    }

    /**
     * Refuses {@code script} unless it is exactly what this Verdict prints for {@code manifest}, {@code scored},
     * {@code seed} and {@code blocks} (with or without ranking sums), in the dialect and over the tables its headings
     * name; the refusal names the line and column of the first difference.
     */
    static void require(String script, Path file, PackManifest manifest, boolean scored, long seed, int blocks)
            throws PackException {
        Matcher dialectHeading = DIALECT.matcher(script);
        SqlDialect dialect = null;
        if (dialectHeading.find()) {
            try {
                dialect = SqlDialect.fromWireName(dialectHeading.group(1));
            } catch (IllegalArgumentException unknown) {
                // no dialect Verdict prints: compared with the DuckDB script, it differs at its first line
            }
        }
        SqlDialect printedIn = dialect == null ? SqlDialect.DUCKDB : dialect;
        String source = heading(SOURCE, script);
        SummarySql.Sources sources = new SummarySql.Sources(heading(LATENCY, script), heading(SAFETY, script),
                heading(HOLDOUT, script), heading(HUMAN_BASELINE, script));
        // compared with their ids written as 64 zeros: an edited script's own id differs from the printed one's,
        // and the place to name is the edit
        String unprinted = SummarySql.ownId(script).map(id -> script.replace(id, SummarySql.UNPRINTED_ID))
                .orElse(script);
        List<String> printed = new ArrayList<>();
        for (boolean ranking : new boolean[] {true, false}) {
            SummarySql sql = new SummarySql(printedIn, SummaryLayout.of(manifest, scored, ranking), manifest,
                    source == null ? "" : source, seed, blocks);
            if (sql.script(sources).equals(script)) {
                return;
            }
            printed.add(sql.script(sources).replace(sql.scriptId(sources), SummarySql.UNPRINTED_ID));
        }
        String closest = printed.stream().max(Comparator.comparingInt(text -> commonPrefix(text, unprinted)))
                .orElseThrow();
        int at = commonPrefix(closest, unprinted);
        int lineStart = script.lastIndexOf('\n', at - 1) + 1;
        long line = script.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
        throw new PackException(file.toString(), line, at - lineStart + 1, "is not the script this Verdict prints for"
                + " the manifest with these options (" + printedIn.wireName() + " dialect, source "
                + (source == null ? "(none stated)" : source) + ", " + (scored ? "scores" : "no scores") + ", seed "
                + seed + ", " + blocks + " hashed blocks" + optional(sources) + "): Verdict prints "
                + excerpt(closest, lineStart, at) + " and the script has " + excerpt(unprinted, lineStart, at)
                + ". Its row checks carry the script's own id, so it ran as it is, but its queries are not Verdict's:"
                + " edited and its id recomputed, printed by another version of Verdict, or printed with other"
                + " options than this import's (--no-scores, --seed, --block-count); nothing was written. Print the"
                + " SQL again with this Verdict (summarize --engine sql with the options of this import), run all of"
                + " it on the same table, and import the tables of that run with it as --sql");
    }

    private static String heading(Pattern pattern, String script) {
        Matcher heading = pattern.matcher(script);
        return heading.find() ? heading.group(1) : null;
    }

    private static String optional(SummarySql.Sources sources) {
        return (sources.latency() == null ? "" : ", latency " + sources.latency())
                + (sources.safety() == null ? "" : ", safety " + sources.safety())
                + (sources.holdout() == null ? "" : ", held-out set " + sources.holdout())
                + (sources.humanBaseline() == null ? "" : ", human baseline " + sources.humanBaseline());
    }

    private static int commonPrefix(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return length;
    }

    /**
     * The part of the line of {@code text} that starts at {@code lineStart} around {@code at}, where the texts part,
     * quoted; the lines of a query can be long.
     */
    private static String excerpt(String text, int lineStart, int at) {
        if (at >= text.length()) {
            return "nothing more (the script ends)";
        }
        int lineEnd = text.indexOf('\n', at);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        int from = Math.max(lineStart, at - QUOTED / 3);
        int to = Math.min(lineEnd, at + QUOTED * 2 / 3);
        return "'" + (from > lineStart ? "…" : "") + text.substring(from, to) + (to < lineEnd ? "…" : "") + "'";
    }
}
