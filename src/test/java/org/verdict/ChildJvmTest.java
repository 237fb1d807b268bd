package org.verdict;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that starts child JVMs (to kill a writer mid-append, to end a process that holds an unpacked
 * pack). Each child costs a JVM start with the whole test classpath, so these are the slowest tests outside the UI;
 * the tag lets a quick local run leave them out: {@code ./mvnw test -Dverdict.excludedGroups=needs-display,child-jvm}.
 * {@code ./mvnw verify} runs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("child-jvm")
public @interface ChildJvmTest {
}
