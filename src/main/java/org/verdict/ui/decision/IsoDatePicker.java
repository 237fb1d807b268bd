package org.verdict.ui.decision;

import java.time.format.DateTimeFormatter;
import javafx.scene.control.DatePicker;
import javafx.util.converter.LocalDateStringConverter;

/** A date picker that writes and reads dates as the rest of the app does (2026-11-22), whatever the locale. */
public final class IsoDatePicker extends DatePicker {
    public IsoDatePicker() {
        setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
        setPromptText("yyyy-mm-dd");
    }
}
