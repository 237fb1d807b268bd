package org.verdict.core.gates.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataValidatorWordingTest {
    @Test
    void theSchemaLineNamesTheVersionsAsModels() {
        assertEquals("model 3", DataValidator.models(List.of("3")));
        assertEquals("models 1 and 2", DataValidator.models(List.of("1", "2")));
        assertEquals("models 1, 2 and 3", DataValidator.models(List.of("1", "2", "3")));
    }
}
