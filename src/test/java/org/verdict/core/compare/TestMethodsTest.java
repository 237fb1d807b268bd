package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestMethodsTest {
    @Test
    void everyTestTheEngineCanNameHasItsOwnMethod() {
        Set<String> methods = new HashSet<>();
        for (String test : ComparisonEngine.TEST_NAMES) {
            String method = TestMethods.describe(test);
            assertNotEquals(test, method, test + " is described");
            methods.add(method);
        }
        assertEquals(ComparisonEngine.TEST_NAMES.size(), methods.size(), "no two tests share a description");
        assertEquals("DeLong from binned scores, 0.001 logit",
                TestMethods.describe("delong-binned-0.001-logit"));
        assertNull(TestMethods.describe(null));
    }
}
