package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.task.Progress;

/**
 * One value written in two Unicode forms (a precomposed ü, NFC, and u with a combining diaeresis, NFD) prints alike
 * but differs in its characters: the loader refuses the second form at its line and column instead of making two
 * slices or classes with the same printed name, and never normalises what it stores.
 */
class UnicodeFormsTest {
    private static final String NFC = "Z\u00fcrich";
    private static final String NFD = "Zu\u0308rich";

    @TempDir
    Path temp;

    private static final String SLICED_BY_CITY = PackFixture.BINARY_MANIFEST
            .replace("\"slices\": [\"region\"]", "\"slices\": [\"region\"], \"sensitive\": [\"city\"]");



    @Test
    void aSliceValueInASecondFormIsRefusedWithTheLineOfTheFirst() {
        PackException e = PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, """
                example_id,label,region,score_7,score_8
                t1,fraud,%s,0.9,0.4
                t2,ok,eu,0.2,0.35
                t3,ok,%s,0.6,0.1
                """.formatted(NFC, NFD));
        PackFixture.assertRefusedAt(e, 4, 3, "(region) this value is '" + NFD + "' written in another Unicode form (NFD) than on line 2"
                + " (NFC); write one form (NFC is what most tools write): the two print alike but would be counted as"
                + " two different values");
    }

    @Test
    void aSensitiveValueInASecondFormIsRefusedAndFormsThatAreNeitherAreNamedSo() {
        // Å as U+212B ANGSTROM SIGN is neither NFC nor NFD (both turn it into U+00C5)
        PackException e = PackFixture.refusedByLoader(temp, SLICED_BY_CITY, """
                example_id,label,region,city,score_7,score_8
                t1,fraud,eu,\u00c5rhus,0.9,0.4
                t2,ok,eu,\u212brhus,0.2,0.35
                """);
        PackFixture.assertRefusedAt(e, 3, 4, "(city) this value is '\u212brhus' written in another Unicode form (neither NFC nor NFD)"
                + " than on line 2 (NFC); write one form (NFC is what most tools write): the two print alike but would"
                + " be counted as two different values");
    }

    @Test
    void theSameTextInTwoFormsInDifferentSliceColumnsIsTwoSlicesAnyway() throws Exception {
        Path pack = PackFixture.write(temp.resolve("ok"), SLICED_BY_CITY, """
                example_id,label,region,city,score_7,score_8
                t1,fraud,%s,%s,0.9,0.4
                t2,ok,eu,%s,0.2,0.35
                """.formatted(NFC, NFD, NFD));
        EvaluationTable table = new PackLoader().load(pack, Progress.NONE).primary();
        assertEquals(List.of(NFC, "eu"), table.column("region").orElseThrow().levels());
        assertEquals(List.of(NFD), table.column("city").orElseThrow().levels(), "stored as written, not normalised");
    }

    @Test
    void aClassInASecondFormIsRefusedWithTheLineAndColumnOfTheFirst() {
        PackException e = PackFixture.refusedByLoader(temp, PackFixture.MULTICLASS_MANIFEST, """
                example_id,label,language,gender,pred_42,pred_43
                e1,billing,en,f,billing,%s
                e2,%s,en,m,billing,billing
                """.formatted(NFC, NFD));
        PackFixture.assertRefusedAt(e, 3, 2, "(label) this value is '" + NFD + "' written in another Unicode form (NFD) than on line 2,"
                + " column 6 (NFC); write one form (NFC is what most tools write): the two print alike but would be"
                + " counted as two different values");
    }

    @Test
    void aBinaryLabelInAnotherFormThanThePositiveLabelIsRefusedRatherThanCountedNegative() {
        String manifest = PackFixture.BINARY_MANIFEST.replace("\"positiveLabel\": \"fraud\"",
                "\"positiveLabel\": \"" + NFC + "\"");
        PackException e = PackFixture.refusedByLoader(temp, manifest, """
                example_id,label,region,score_7,score_8
                t1,%s,eu,0.9,0.4
                t2,ok,eu,0.2,0.35
                t3,%s,us,0.6,0.1
                """.formatted(NFC, NFD));
        PackFixture.assertRefusedAt(e, 4, 2, "(label) this value is '" + NFD + "' written in another Unicode form (NFD) than in"
                + " manifest.json model.positiveLabel (NFC); write one form (NFC is what most tools write): the two"
                + " print alike but would be counted as two different values");
    }

    @Test
    void aClassInAnotherFormThanModelClassesIsSaidToBeThatRatherThanUnlisted() {
        String manifest = PackFixture.MULTICLASS_MANIFEST.replace("\"positiveLabel\": null",
                "\"classes\": [\"billing\", \"" + NFC + "\"]");
        PackException e = PackFixture.refusedByLoader(temp, manifest, """
                example_id,label,language,gender,pred_42,pred_43
                e1,billing,en,f,billing,%s
                e2,%s,en,m,billing,billing
                """.formatted(NFC, NFD));
        PackFixture.assertRefusedAt(e, 3, 2, "(label) this value is '" + NFD + "' written in another Unicode form (NFD) than in"
                + " manifest.json model.classes (NFC); write one form (NFC is what most tools write): the two print"
                + " alike but would be counted as two different values");
    }
}
